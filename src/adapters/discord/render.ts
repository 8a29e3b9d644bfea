import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { pickLinks } from '../../core/charts/attach.js';
import { type ChartSpec, chartFileName } from '../../core/charts/spec.js';
import { voteIdOf } from '../../core/cost/index.js';
import { formatDate } from '../../core/dates.js';
import { formatPercent } from '../../core/format.js';
import { t } from '../../core/i18n/index.js';
import { type QuestionLink, type Reply, shownConfidence } from '../../core/reply.js';
import type { PipelineResult } from '../../services/pipeline.js';
import { escalateButton, followUpButton, linkButton, questionButton, voteButtons } from './buttons.js';
import { cut, echo, LIMITS, safe } from './text.js';

/** What the bot sends: the API body of an interaction reply (pure data, no discord.js objects). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** 64 (EPHEMERAL) when only the asker sees it. */
  flags?: number;
  allowed_mentions: { parse: [] };
  /** The reply's chart: the embed shows it as `attachment://<file>`, sent with the message (see respond.ts). */
  chart?: ChartSpec;
  /** Files uploaded with the message (the chart's PNG once rendered). */
  files?: { name: string; data: Buffer; description?: string }[];
}

export const EPHEMERAL = 64;
const COLOR_ANSWER = 0x4d6bfe;
const COLOR_OTHER = 0x99aab5;
const MAX_QUESTION_BUTTONS = 3;
const ZERO_WIDTH = '\u200b';

export interface RenderOptions {
  /** Only the asker sees the reply. */
  ephemeral?: boolean;
  /** The user's question, echoed (truncated, markdown-escaped) above the answer. */
  question?: string;
  /** Offer "Follow up" continuing this user's conversation. */
  followUp?: string;
}

/** Answers are public unless private was asked; refusals, usage errors and notices are ephemeral. */
export function renderResult(
  result: PipelineResult,
  options: { private?: boolean; question?: string; followUp?: string; escalate?: boolean } = {},
): DiscordMessage {
  const ephemeral = options.private === true || result.limited !== undefined || !result.reply.answered;
  const msg = renderReply(result.reply, {
    ephemeral,
    ...(options.question ? { question: options.question } : {}),
    ...(options.followUp && !result.limited ? { followUp: options.followUp } : {}),
  });
  // A refusal in a channel with an escalation target offers "Ask a person".
  const refusal = !result.reply.answered && result.reply.kind === 'none' && !result.limited;
  if (!options.escalate || !refusal || !options.question || msg.components.length >= LIMITS.rows) return msg;
  return {
    ...msg,
    components: [...msg.components, { type: 1, components: [escalateButton(result.reply.lang)] }],
  };
}

/** Reply → embed, buttons, flags and allowed_mentions, within every Discord limit. */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const list = fields(reply);
  const embed = fitTotal({
    color: reply.answered ? COLOR_ANSWER : COLOR_OTHER,
    title: cut(safe(reply.title) || t(reply.lang).appName, LIMITS.title),
    ...description(reply, options.question),
    ...(list.length > 0 ? { fields: list } : {}),
    ...footer(reply),
    ...(reply.chart ? { image: { url: `attachment://${chartFileName(reply.chart)}` } } : {}),
  });
  return {
    embeds: [embed],
    components: components(reply, options.followUp),
    ...(options.ephemeral ? { flags: EPHEMERAL } : {}),
    allowed_mentions: { parse: [] },
    ...(reply.chart ? { chart: reply.chart } : {}),
  };
}

/** A short ephemeral text (thanks, apology, unknown command). */
export function notice(text: string): DiscordMessage {
  return {
    content: cut(safe(text), LIMITS.content),
    embeds: [],
    components: [],
    flags: EPHEMERAL,
    allowed_mentions: { parse: [] },
  };
}

function description(reply: Reply, question: string | undefined): { description?: string } {
  const asked = question ? `> ${echo(question)}\n\n` : '';
  const text = `${asked}${safe(reply.body)}`.trim();
  return text ? { description: cut(text, LIMITS.description) } : {};
}

function field(name: string, value: string, inline = false): APIEmbedField {
  return {
    name: cut(safe(name).trim() || ZERO_WIDTH, LIMITS.fieldName),
    value: cut(safe(value).trim() || ZERO_WIDTH, LIMITS.fieldValue),
    inline,
  };
}

function fields(reply: Reply): APIEmbedField[] {
  const m = t(reply.lang);
  const list = reply.fields.map((f) => field(f.label, f.value, f.inline ?? false));
  // "Did you mean" is said once: the body lists the suggestions (buttons under it ask them), no field.
  if (reply.suggestions.length > 0 && !reply.body.includes(m.refusal.didYouMean)) {
    list.push(field(m.refusal.didYouMean, bullets(reply.suggestions)));
  }
  const topics = reply.topics ?? [];
  const shown = [reply.body, ...reply.fields.map((f) => f.label)].join('\n');
  if (topics.length > 0 && !topics.every((topic) => shown.includes(topic.name))) {
    const intro = reply.answered ? m.topics.title : m.refusal.topicsIntro;
    list.push(field(intro, topics.map((topic) => `• ${topic.name}`).join('\n')));
  }
  if (reply.source?.quote) {
    const translation = reply.source.quoteTranslation
      ? `\n${m.glance.translation}${m.colon}“${reply.source.quoteTranslation}”`
      : '';
    list.push(field(m.glance.quoteLabel, `« ${reply.source.quote} »${translation}`));
  }
  return list.slice(0, LIMITS.fields);
}

function bullets(links: QuestionLink[]): string {
  return links.map((l) => `• ${l.question}`).join('\n');
}

function footer(reply: Reply): { footer?: { text: string } } {
  const m = t(reply.lang).fact;
  const colon = t(reply.lang).colon;
  const parts: string[] = [];
  if (reply.source) {
    const date = reply.source.date ? formatDate(reply.source.date, reply.lang) : '';
    const label =
      date && !reply.source.label.includes(date) ? `${reply.source.label}, ${date}` : reply.source.label;
    parts.push(`${m.source}${colon}${label}`);
  }
  const confidence = shownConfidence(reply);
  if (confidence !== undefined) parts.push(`${m.confidence}${colon}${formatPercent(confidence, reply.lang)}`);
  return parts.length > 0 ? { footer: { text: cut(safe(parts.join(' · ')), LIMITS.footer) } } : {};
}

function components(reply: Reply, followUp?: string): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const links = reply.answered ? reply.related : reply.suggestions;
  const seen = new Set<string>();
  const questions = pickLinks(
    links.filter((l) => l.id !== reply.entryId && !seen.has(l.id) && seen.add(l.id)),
    MAX_QUESTION_BUTTONS,
  ).map((l) => questionButton(l.id, l.question, reply.lang));
  if (questions.length > 0) rows.push({ type: 1, components: questions });
  const actions: APIButtonComponent[] = [];
  if (followUp) actions.push(followUpButton(followUp, reply.lang));
  const vote = voteIdOf(reply);
  if (vote) actions.push(...voteButtons(vote, reply.lang));
  const link = linkButton(reply.source?.url, t(reply.lang).fact.source);
  if (link) actions.push(link);
  if (actions.length > 0) rows.push({ type: 1, components: actions.slice(0, LIMITS.buttonsPerRow) });
  return rows;
}

/** Keeps the embed within 6000 characters: drops trailing fields first, then shortens the description. */
export function fitTotal(embed: APIEmbed): APIEmbed {
  const size = (e: APIEmbed) =>
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  const out: APIEmbed = { ...embed, ...(embed.fields ? { fields: [...embed.fields] } : {}) };
  while (size(out) > LIMITS.embedTotal && out.fields && out.fields.length > 0) out.fields.pop();
  if (out.fields?.length === 0) delete out.fields;
  const over = size(out) - LIMITS.embedTotal;
  if (over > 0 && out.description) out.description = cut(out.description, out.description.length - over);
  return out;
}
