import { createHash, randomBytes } from 'node:crypto';
import { converse } from '../core/conversation/index.js';
import { isCalcVoteId } from '../core/cost/index.js';
import type { Engine } from '../core/engine-types.js';
import type { FeedbackReason } from '../core/feedback.js';
import { t } from '../core/i18n/index.js';
import { chooseLang, type Lang } from '../core/lang.js';
import { Memo } from '../core/memo.js';
import { makeReply, type Reply } from '../core/reply.js';
import { stripInvisible } from '../core/safe-text.js';
import type { Platform, Services } from './types.js';

/** Longest question the bot reads; longer ones get a clear message. */
export const MAX_QUESTION_LENGTH = 500;

/** Removes control, bidi and zero-width characters (line breaks become spaces) and trims. */
export function cleanText(text: string): string {
  return stripInvisible(text).trim();
}

/** A stable, non-reversible user key for logs, metrics and counters. */
export function hashUser(platform: Platform, userId: string): string {
  return HASHED.get(`${platform}:${userId}`, hash);
}

/** A user's hash is made on each of their questions (the pipeline, records, votes): kept for the next. */
const HASHED = new Memo<string, string>(10_000);

function hash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A short id the user can quote, logged with the full error. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export interface Asker {
  platform: Platform;
  userId: string;
  locale?: string | null;
}

export interface PipelineResult {
  reply: Reply;
  /** Set when the engine was not asked: the reply is a notice (rate limit, too long). */
  limited?: 'rate' | 'length';
  /** Set when `accept` turned the reply down: post nothing (nothing was counted or stored). */
  ignored?: true;
}

/** Where a question belongs: the conversation it continues (a thread, a DM, a console session). */
export interface InConversation {
  /** Conversation key, unique per platform place ("slack:T1:C1:1700000000.000100"). */
  key: string;
  /**
   * For messages that may not be meant for the bot (Slack thread replies without a mention): only a
   * reply this accepts is counted, stored and posted; any other leaves no trace.
   */
  accept?: (reply: Reply) => boolean;
  /** Read the earlier turns from this conversation instead (someone following up on another's answer). */
  from?: string;
  /** Start afresh when the last turn is older than this (Discord: /ask "within a few minutes"). */
  idleSeconds?: number;
}

/**
 * The one path every question takes: clean the text, check its length and the user's rate limit,
 * ask the engine, then log, count and remember unanswered questions. Never throws on user input.
 */
export async function askQuestion(
  services: Services,
  who: Asker,
  rawText: string,
  conversation?: InConversation,
): Promise<PipelineResult> {
  const text = cleanText(rawText);
  const lang = chooseLang(text, who.locale);
  if (text.length > MAX_QUESTION_LENGTH) {
    if (conversation?.accept) return { reply: tooLong(lang), ignored: true };
    const user = hashUser(who.platform, who.userId);
    return finish(services, who, user, lang, tooLong(lang), Date.now(), 'length');
  }
  if (!conversation) {
    return runLimited(
      services,
      who,
      lang,
      (engine) => converse(engine, { text, locale: who.locale ?? null }).reply,
      text,
    );
  }
  // In a conversation: the recent turns go to the engine, the new turn is stored after the reply.
  const context = await services.conversations.load(
    conversation.from ?? conversation.key,
    conversation.idleSeconds,
  );
  const ask = (engine: Engine) => converse(engine, { text, locale: who.locale ?? null, context });
  let turn: ReturnType<typeof converse> | undefined;
  if (conversation.accept) {
    // Unasked: answer first, and count, store and post only what is accepted.
    turn = ask(services.engine());
    if (!conversation.accept(turn.reply)) return { reply: turn.reply, ignored: true };
  }
  const result = await runLimited(
    services,
    who,
    lang,
    (engine) => {
      turn ??= ask(engine);
      return turn.reply;
    },
    text,
  );
  if (!result.limited && turn) await services.conversations.save(conversation.key, turn.context);
  return result;
}

/**
 * Runs any engine call (a button's entry, /cost, /training, /facts) under the same rate limit and
 * observation as a free-text question.
 */
export async function runLimited(
  services: Services,
  who: Asker,
  lang: Lang,
  call: (engine: Engine) => Reply,
  question?: string,
): Promise<PipelineResult> {
  const started = Date.now();
  const user = hashUser(who.platform, who.userId);
  // The console chat has one user, at the keyboard: no rate limit there.
  const count =
    who.platform === 'console' ? 0 : await services.state.increment(`rate:${who.platform}:${user}`, 60);
  if (count > services.rateLimitPerMinute) {
    return finish(services, who, user, lang, rateLimited(lang, services.rateLimitPerMinute), started, 'rate');
  }
  const reply = call(services.engine());
  return finish(services, who, user, reply.lang, reply, started, undefined, question);
}

async function finish(
  services: Services,
  who: Asker,
  /** Hashed once by the caller. */
  user: string,
  lang: Lang,
  reply: Reply,
  started: number,
  limited?: 'rate' | 'length',
  question?: string,
): Promise<PipelineResult> {
  const unanswered = !reply.answered && reply.kind === 'none' && !limited;
  services.observer.question({
    platform: who.platform,
    lang,
    kind: reply.kind,
    answered: reply.answered,
    ...(reply.entryId ? { entryId: reply.entryId } : {}),
    ...(reply.matches[0] ? { score: reply.matches[0].score } : {}),
    latencyMs: Date.now() - started,
    user,
    ...(unanswered && question ? { question } : {}),
    ...(limited ? { limited } : {}),
  });
  if (unanswered && question) {
    // Queued, written in a batch after the reply has gone (services/records.ts): never awaited here.
    services.feedback
      .recordUnanswered({ platform: who.platform, question, lang })
      .catch((err: Error) => services.logger.warn({ err: err.message }, 'unanswered question not recorded'));
  }
  return limited ? { reply, limited } : { reply };
}

function rateLimited(lang: Lang, perMinute: number): Reply {
  const m = t(lang).limits;
  return makeReply({ kind: 'help', lang, title: m.title, body: m.rate(perMinute) });
}

function tooLong(lang: Lang): Reply {
  const m = t(lang).limits;
  return makeReply({ kind: 'help', lang, title: m.tooLongTitle, body: m.tooLong(MAX_QUESTION_LENGTH) });
}

/**
 * True when a vote's id is one the current engine still answers: a knowledge entry, or a calculator
 * reply id. A forged or stale button (an entry removed by a reload) is not.
 */
export function voteTargetExists(engine: Engine, entryId: string): boolean {
  const knows = (engine as { knows?: (id: string) => boolean }).knows;
  if (knows) return knows.call(engine, entryId);
  // Calculator replies carry pseudo entry ids (`calc-cost`, `calc-training`) that votes accept too.
  if (isCalcVoteId(entryId)) return true;
  return engine.answerEntry(entryId, 'en').entryId === entryId;
}

/**
 * Records a 👍 / 👎 vote (queued, never awaited on a disk). Returns false, recording nothing, when the
 * entry no longer exists: the caller answers "this answer is no longer available".
 */
export async function recordVote(
  services: Services,
  who: Asker,
  entryId: string,
  vote: 'up' | 'down',
  lang: Lang,
  detail: { reason?: FeedbackReason; comment?: string } = {},
): Promise<boolean> {
  const user = hashUser(who.platform, who.userId);
  if (!voteTargetExists(services.engine(), entryId)) {
    services.logger.info(
      { platform: who.platform, user, entryId, vote },
      'vote for an unknown entry refused',
    );
    return false;
  }
  const reason = detail.reason ? { reason: detail.reason } : {};
  // The comment is the user's own text: stored, never logged.
  services.logger.info({ platform: who.platform, user, entryId, vote, lang, ...reason }, 'feedback');
  services.insights?.vote(entryId, vote);
  await services.feedback.recordFeedback({
    platform: who.platform,
    user,
    entryId,
    vote,
    lang,
    ...reason,
    ...(detail.comment ? { comment: detail.comment } : {}),
  });
  return true;
}

/** The short reply of a question refused by backpressure (services/admission.ts). */
export function busyReply(lang: Lang): Reply {
  const m = t(lang).data;
  return makeReply({ kind: 'help', lang, title: m.busyTitle, body: m.busy });
}
