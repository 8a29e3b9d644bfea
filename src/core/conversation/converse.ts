import type { ConversationContext, Turn } from '../conversation.js';
import type { Engine, Query } from '../engine-types.js';
import { t } from '../i18n/index.js';
import { detectLang, type Lang, langFromLocale } from '../lang.js';
import { makeReply, type Reply, type ReplyField } from '../reply.js';
import { detectMeta, detectMetaAbout, type MetaRequest } from './meta.js';

/** Turns kept in a conversation's context (oldest dropped first). */
export const MAX_TURNS = 8;

export interface ConverseOptions {
  /** Turns kept; MAX_TURNS by default. */
  maxTurns?: number;
  now?: () => number;
}

export interface ConverseResult {
  reply: Reply;
  /** The context to store for the next question of the conversation. */
  context: ConversationContext;
  /** Set when the message acted on the last reply instead of asking something new. */
  meta?: MetaRequest['kind'];
}

/** Kinds of reply a follow-up can lean on. */
function isAnswer(turn: Turn | undefined): turn is Turn {
  return (
    turn?.answered === true && (turn.kind === 'fact' || turn.kind === 'cost' || turn.kind === 'training')
  );
}

/**
 * What is kept of a reply for the next question: the engine's own turn when it gave one, else what
 * the reply itself says (entry, kind, language).
 */
export function turnOf(reply: Reply, text: string, at: number): Turn {
  const base: Turn = { text, lang: reply.lang, kind: reply.kind, answered: reply.answered, at };
  if (reply.entryId) base.entryId = reply.entryId;
  return reply.turn ? { ...base, ...reply.turn, text: reply.turn.text || text, at } : base;
}

/** Keeps the last `max` turns, dropping any that are not plain, well-formed turns. */
export function boundContext(turns: readonly Turn[], max = MAX_TURNS): ConversationContext {
  return { turns: turns.slice(-Math.max(0, max)) };
}

/**
 * Answers one message of a conversation. A meta follow-up ("source?", "more details", "in short?",
 * "in French please") acts on the last answer; anything else goes to the engine with the recent turns
 * as `query.context`, so it can resolve "and on o1?" or "why?" itself. Pure: the caller stores the
 * returned context.
 */
export function converse(engine: Engine, query: Query, options: ConverseOptions = {}): ConverseResult {
  const now = options.now ?? Date.now;
  const max = options.maxTurns ?? MAX_TURNS;
  const turns = query.context?.turns ?? [];
  const last = lastAnswer(turns);
  const text = String(query.text ?? '');
  // "in English please" earlier in the conversation stands in for the platform's locale from then on
  // (without a locale, the message's own language and then the last answer's decide, as before).
  const chosen = turns.findLast((t) => t.chosenLang !== undefined)?.chosenLang;
  const hint = query.locale ? (chosen ?? query.locale) : query.locale;
  const meta = detectMeta(text, last?.lang);
  if (meta && meta.kind !== 'stop') {
    const lang =
      meta.kind === 'language' ? meta.target : (langFromLocale(hint) ?? meta.lang ?? last?.lang ?? 'en');
    if (!last) return { reply: nothingYet(lang), context: boundContext(turns, max), meta: meta.kind };
    const before = turns.slice(0, turns.lastIndexOf(last));
    const previous = reanswer(engine, last, meta.kind === 'language' ? meta.target : lang, before);
    // The last answer cannot be given again (the knowledge changed): say so rather than reshape a refusal.
    if (!previous.answered)
      return { reply: nothingYet(lang), context: boundContext(turns, max), meta: meta.kind };
    const asked = applyMeta(engine, meta, previous, lang);
    // "short version in English?": the answer in that language, then shortened (or sourced, detailed).
    const reply =
      meta.kind === 'language' && meta.then
        ? applyMeta(engine, { kind: meta.then }, asked, meta.target)
        : asked;
    // A change of language is a new turn (what follows is in that language); the others keep the subject.
    // It is the same question, understood the same: only its language changes ("and v3?" after "in
    // English?" asks what the question before it asked, not what the entry's own wording says).
    const next =
      meta.kind === 'language'
        ? [...turns, { ...last, lang: previous.lang, at: now(), chosenLang: meta.target }]
        : turns;
    return { reply, context: boundContext(next, max), meta: meta.kind };
  }

  const context = turns.length > 0 ? { turns: [...turns] } : null;
  // "source for the $6M figure?", "plus de détails sur la chute ?": that thing, asked in the
  // conversation, with its source (a fact reply cites it) or its details; else a question of its own.
  const about = detectMetaAbout(text);
  if (about) {
    const aboutLocale = hint ?? about.lang;
    const sub = engine.answer({ text: about.rest, locale: aboutLocale, ...(context ? { context } : {}) });
    if (sub.answered && sub.kind === 'fact') {
      const reply = about.kind === 'source' ? sub : applyMeta(engine, { kind: about.kind }, sub, sub.lang);
      const turn = withChoice(turnOf(sub, about.rest, now()), chosen);
      return { reply, context: boundContext([...turns, turn], max), meta: about.kind };
    }
  }
  // A follow-up too short to show its language ("and o1?", "broadcom ?") keeps the conversation's.
  const locale = hint ?? (last && detectLang(text) === undefined ? last.lang : null);
  // (After a calculation, the engine answers a question complete on its own as a fact of its own.)
  const reply = engine.answer({ text, locale, ...(context ? { context } : {}) });
  const turn = withChoice(turnOf(reply, text, now()), chosen);
  return { reply, context: boundContext(isAnswer(turn) ? [...turns, turn] : turns, max) };
}

/** The turn carries the language chosen earlier, so the choice outlives the turns kept. */
function withChoice(turn: Turn, chosen: Lang | undefined): Turn {
  return chosen ? { ...turn, chosenLang: chosen } : turn;
}

function lastAnswer(turns: readonly Turn[]): Turn | undefined {
  for (let i = turns.length - 1; i >= 0; i--) if (isAnswer(turns[i])) return turns[i];
  return undefined;
}

/**
 * The last answer again, in `lang`: its entry when it had one (as sure as it was the first time), else
 * its question asked again.
 */
function reanswer(engine: Engine, last: Turn, lang: Lang, before: Turn[]): Reply {
  if (last.entryId) {
    const reply = engine.answerEntry(last.entryId, lang);
    if (reply.answered) return last.confidence === undefined ? reply : asSureAs(reply, last.confidence);
  }
  return engine.answer({
    text: last.text,
    locale: lang,
    ...(before.length > 0 ? { context: { turns: before } } : {}),
  });
}

function asSureAs(reply: Reply, confidence: number): Reply {
  return { ...reply, confidence, ...(reply.turn ? { turn: { ...reply.turn, confidence } } : {}) };
}

function applyMeta(engine: Engine, meta: MetaRequest, previous: Reply, lang: Lang): Reply {
  const m = t(lang).conversation;
  switch (meta.kind) {
    case 'language':
      return previous;
    case 'source': {
      const body = previous.source ? m.sourceIntro(previous.title) : m.noSource(previous.title);
      return copy(previous, { title: m.sourceTitle, body, fields: [], related: [] });
    }
    case 'short': {
      const short = firstSentence(previous.body);
      return copy(previous, { body: short, fields: [] });
    }
    case 'details':
      return copy(previous, {
        title: m.detailsTitle(previous.title),
        fields: detailFields(engine, previous, lang),
      });
    default:
      return previous;
  }
}

/** A fact's fields, then the answers of its related entries: more than the first reply gave. */
function detailFields(engine: Engine, previous: Reply, lang: Lang): ReplyField[] {
  const fields = [...previous.fields];
  if (previous.source?.quote)
    fields.push({ label: t(lang).conversation.fromArticle, value: `« ${previous.source.quote} »` });
  for (const link of previous.related.slice(0, 2)) {
    const related = engine.answerEntry(link.id, lang);
    if (related.answered) fields.push({ label: link.question, value: related.body });
  }
  return fields;
}

function copy(reply: Reply, changes: Partial<Reply>): Reply {
  const { turn: _turn, ...rest } = reply;
  return {
    ...rest,
    fields: [...reply.fields],
    related: [...reply.related],
    ...changes,
    answered: reply.answered,
  };
}

function nothingYet(lang: Lang): Reply {
  const m = t(lang).conversation;
  return makeReply({ kind: 'help', lang, title: m.nothingYetTitle, body: m.nothingYet });
}

const ABBREVIATIONS = new Set([
  'no',
  'n',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'jan',
  'feb',
  'dec',
  'oct',
  'nov',
  'st',
  'mr',
  'dr',
  'u.s',
  'approx',
  'env',
  'cf',
  'p',
]);

/** The first sentence of a text ("No. 1", "U.S." and "2.19" do not end one). */
export function firstSentence(text: string): string {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const re = /[.!?](?=\s+["«(\p{Lu}\d])/gu;
  for (let m = re.exec(firstLine); m; m = re.exec(firstLine)) {
    const before = firstLine.slice(0, m.index);
    const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /\.\p{L}$/u.test(word)) continue;
    return firstLine.slice(0, m.index + 1).trim();
  }
  return firstLine.trim();
}
