import type { types } from '@slack/bolt';
import { pickLinks } from '../../core/charts/attach.js';
import { voteIdOf } from '../../core/cost/index.js';
import { formatDate } from '../../core/dates.js';
import { formatPercent } from '../../core/format.js';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import { type QuestionLink, type Reply, shownConfidence } from '../../core/reply.js';
import { escapeAndCut, escapeAndSplit, mrkdwnLink } from './text.js';

/**
 * Pure renderer: one neutral Reply → a Slack message (Block Kit blocks and a plain `text` fallback
 * for notifications). Every text from the reply is escaped; every Block Kit limit is respected.
 */

export const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  buttonText: 75,
  fallbackText: 3000,
  /** Our own caps, well inside the 50 blocks: a long answer is cut cleanly after these. */
  bodySections: 5,
  fieldSections: 3,
  questionButtons: 3,
} as const;

export const ACTION = {
  /** `bb_related_<n>`: a related or did-you-mean question; value `<entryId>|<lang>`. */
  relatedPrefix: 'bb_related_',
  relatedPattern: /^bb_related_\d+$/,
  voteUp: 'bb_vote_up',
  voteDown: 'bb_vote_down',
} as const;

export type Block = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export function renderReply(reply: Reply): SlackMessage {
  const blocks: Block[] = [
    ...header(reply),
    ...body(reply),
    ...fields(reply),
    ...context(reply),
    // The body of a refusal already says "Did you mean" and lists topics: only the buttons are added.
    ...questions(reply, null, reply.suggestions, 0),
    ...questions(
      reply,
      t(reply.lang).fact.related,
      reply.related,
      Math.min(reply.suggestions.length, LIMITS.questionButtons),
    ),
    ...feedback(reply),
  ];
  const fallback = [reply.title, slackBold(reply.body)].filter((s) => s.trim() !== '').join('\n');
  return { text: escapeAndCut(fallback, LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocks) };
}

/** The value carried by question and vote buttons. */
export function buttonValue(entryId: string, lang: Lang): string {
  return `${entryId}|${lang}`;
}

/** Reads a button value back; undefined when it is not ours. */
export function parseButtonValue(value: string | undefined): { entryId: string; lang: Lang } | undefined {
  const m = /^([a-z0-9][a-z0-9.-]{0,99})\|(en|fr)$/.exec(value ?? '');
  return m?.[1] && m[2] ? { entryId: m[1], lang: m[2] as Lang } : undefined;
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

function header(reply: Reply): Block[] {
  if (reply.title.trim() === '') return [];
  return [{ type: 'header', text: plain(escapeAndCut(reply.title, LIMITS.headerText)) }];
}

function body(reply: Reply): Block[] {
  return escapeAndSplit(slackBold(reply.body), LIMITS.sectionText, LIMITS.bodySections).map((text) => ({
    type: 'section',
    text: mrkdwn(text),
  }));
}

function fields(reply: Reply): Block[] {
  const all = reply.fields.slice(0, LIMITS.fieldsPerSection * LIMITS.fieldSections).map((f) => {
    const label = escapeAndCut(f.label, 200);
    return mrkdwn(`*${label}*\n${escapeAndCut(slackBold(f.value), LIMITS.fieldText - label.length - 3)}`);
  });
  const blocks: Block[] = [];
  for (let i = 0; i < all.length; i += LIMITS.fieldsPerSection) {
    blocks.push({ type: 'section', fields: all.slice(i, i + LIMITS.fieldsPerSection) });
  }
  return blocks;
}

function context(reply: Reply): Block[] {
  const m = t(reply.lang).fact;
  const colon = t(reply.lang).colon.trimEnd();
  const elements: types.MrkdwnElement[] = [];
  const src = reply.source;
  const blocks: Block[] = [];
  if (src?.quote) {
    // The article quote on its own, labelled as the French source, with its translation in English.
    const g = t(reply.lang).glance;
    const translation = src.quoteTranslation
      ? `\n>${escapeAndCut(g.translation, 50)}${colon} “${escapeAndCut(src.quoteTranslation, 800)}”`
      : '';
    blocks.push({
      type: 'section',
      text: mrkdwn(
        `>*${escapeAndCut(g.quoteLabel, 80)}*\n>_« ${escapeAndCut(src.quote, 800)} »_${translation}`,
      ),
    });
  }
  if (src) {
    const date = src.date ? `, ${escapeAndCut(formatDate(src.date, reply.lang), 40)}` : '';
    elements.push(mrkdwn(`*${escapeAndCut(m.source, 50)}${colon}* ${mrkdwnLink(src.url, src.label)}${date}`));
  }
  const confidence = shownConfidence(reply);
  if (confidence !== undefined) {
    elements.push(
      mrkdwn(`${escapeAndCut(m.confidence, 50)}${colon} ${formatPercent(confidence, reply.lang)}`),
    );
  }
  if (elements.length > 0) blocks.push({ type: 'context', elements });
  return blocks;
}

/** The core marks bold the Markdown way (`**x**`); Slack's mrkdwn uses `*x*`. */
function slackBold(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '*$1*');
}

function questions(reply: Reply, intro: string | null, links: QuestionLink[], firstIndex: number): Block[] {
  const shown = pickLinks(links, LIMITS.questionButtons);
  if (shown.length === 0) return [];
  const buttons: types.Button[] = shown.map((link, i) => ({
    type: 'button',
    action_id: `${ACTION.relatedPrefix}${firstIndex + i}`,
    text: plain(escapeAndCut(link.question, LIMITS.buttonText)),
    value: buttonValue(link.id, reply.lang),
  }));
  const actions: Block = { type: 'actions', block_id: `bb_questions_${firstIndex}`, elements: buttons };
  return intro
    ? [{ type: 'context', elements: [mrkdwn(`*${escapeAndCut(intro, 200)}*`)] }, actions]
    : [actions];
}

function feedback(reply: Reply): Block[] {
  const vote = voteIdOf(reply);
  if (!vote) return [];
  const m = t(reply.lang).feedback;
  const value = buttonValue(vote, reply.lang);
  return [
    {
      type: 'actions',
      block_id: 'bb_feedback',
      elements: [
        { type: 'button', action_id: ACTION.voteUp, text: plain(`👍 ${escapeAndCut(m.up, 60)}`), value },
        { type: 'button', action_id: ACTION.voteDown, text: plain(`👎 ${escapeAndCut(m.down, 60)}`), value },
      ],
    },
  ];
}
