import type { types } from '@slack/bolt';
import type { Engine } from '../../core/engine-types.js';
import { formatPercent } from '../../core/format.js';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import type { Reply } from '../../core/reply.js';
import type { UsageSummary } from '../../services/insights.js';
import { type Block, buttonValue, renderReply } from './render.js';
import { escapeAndCut } from './text.js';

/** Slack's limits for a Home tab view. */
export const HOME_LIMITS = { blocks: 100, sectionText: 3000, buttonText: 75, examplesPerTopic: 2 } as const;

export const HOME_ACTION = {
  /** `bb_home_q_<n>`: an example question answered in the Home; value `<entryId>|<lang>`. */
  questionPrefix: 'bb_home_q_',
  questionPattern: /^bb_home_q_\d+$/,
  /** Switches the Home's language; value `en` or `fr`. */
  language: 'bb_home_lang',
} as const;

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

export interface HomeOptions {
  lang: Lang;
  /** An answer asked from the Home, shown at the top. */
  answer?: Reply;
  /** Usage of the last days, for admins only. */
  usage?: UsageSummary;
}

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: escapeAndCut(text, HOME_LIMITS.sectionText) },
});

/**
 * Pure renderer of the App Home tab: what briefbot knows (topics with example questions as buttons),
 * how to ask it, an answer asked from the Home, and for admins the last days' usage.
 */
export function renderHome(engine: Engine, options: HomeOptions): HomeView {
  const { lang } = options;
  const m = t(lang).home;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: m.title } },
    section(m.intro),
    {
      type: 'actions',
      block_id: 'bb_home_lang',
      elements: [
        {
          type: 'button',
          action_id: HOME_ACTION.language,
          text: { type: 'plain_text', text: m.language },
          value: lang === 'en' ? 'fr' : 'en',
        },
      ],
    },
  ];
  if (options.answer) blocks.push(...answerBlocks(options.answer, lang));
  blocks.push({ type: 'divider' }, section(`*${m.topicsTitle}*`));
  let n = 0;
  for (const topic of engine.topics()) {
    const examples = engine.facts(topic.id, lang).related.slice(0, HOME_LIMITS.examplesPerTopic);
    blocks.push(section(`*${topic.name[lang]}* · ${t(lang).topics.entries(topic.entries)}`));
    if (examples.length === 0) continue;
    blocks.push({
      type: 'actions',
      block_id: `bb_home_topic_${topic.id}`.slice(0, 255),
      elements: examples.map((q) => ({
        type: 'button',
        action_id: `${HOME_ACTION.questionPrefix}${n++}`,
        text: { type: 'plain_text', text: escapeAndCut(q.question, HOME_LIMITS.buttonText) },
        value: buttonValue(q.id, lang),
      })),
    });
  }
  blocks.push({ type: 'divider' }, section(`*${m.howTitle}*\n${m.how.join('\n')}`));
  if (options.usage) blocks.push(...usageBlocks(options.usage, lang));
  return { type: 'home', blocks: blocks.slice(0, HOME_LIMITS.blocks) };
}

/** The answer's own blocks, without its buttons (they belong in a thread, not the Home). */
function answerBlocks(reply: Reply, lang: Lang): Block[] {
  const rendered = renderReply(reply).blocks.filter((b) => b.type !== 'actions');
  return [{ type: 'divider' }, section(`*${t(lang).home.answerTitle}*`), ...rendered.slice(0, 20)];
}

function usageBlocks(usage: UsageSummary, lang: Lang): Block[] {
  const m = t(lang).home;
  const colon = t(lang).colon;
  const list = (items: string[]) => (items.length > 0 ? items.join('\n') : m.none);
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: escapeAndCut(m.adminTitle(usage.days), 150) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${m.questions}*\n${usage.questions.toLocaleString(lang)}` },
        {
          type: 'mrkdwn',
          text: `*${m.answeredShare}*\n${usage.questions === 0 ? '–' : formatPercent(usage.answeredShare, lang)}`,
        },
      ],
    },
    section(`*${m.topUnanswered}*\n${list(usage.topUnanswered.map((q) => `• ${q.question} (${q.count})`))}`),
    section(`*${m.downvotes}*\n${list(usage.downvotes.map((d) => `• \`${d.entryId}\`${colon}${d.count}`))}`),
    { type: 'context', elements: [{ type: 'mrkdwn', text: m.perInstance }] } as types.ContextBlock,
  ];
}
