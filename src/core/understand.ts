import type { Turn } from './conversation.js';
import { ENTITY_PREFIX, isEntityTerm, type Lexicon } from './lexicon.js';
import type { PreparedQuery } from './search.js';

/**
 * What a question is about, read from its terms: the event's entities it names, the question words
 * (who, when, why, how much, what is), the aspects asked (founded, released, cost, license, size…),
 * the other words (predicates), and what the sources never cover (revenue, weather, "today").
 */
export interface Reading {
  q: PreparedQuery;
  entities: string[];
  questions: string[];
  aspects: string[];
  /** Terms that are neither entities nor question words: what is said about the entities. */
  predicates: string[];
  outside: string[];
  /** Weight of the domain words (chips 1, market 0.5…): 1.5 grounds a question that names no entity. */
  domain: number;
  /** Leading words that mark a follow-up ("and", "what about", "et pour"). */
  marker: number;
  /** Inherited from the conversation or from another part of the question. */
  inherited: boolean;
  /**
   * Things an answer must mention, set on a follow-up that names nothing of its own ("why?", "why was it
   * made?"): it asks about the conversation's things, so an entry about something else does not answer it.
   */
  about?: string[];
  /**
   * Other readings of a new thing asked after the conversation's aspects: with what earlier questions
   * asked, newest first, tried when this one gets no answer ("et broadcom ?" after "was it a record?"
   * asks how it fell, as the question before did).
   */
  earlier?: Reading[];
}

export function read(q: PreparedQuery, lexicon: Lexicon): Reading {
  const r: Reading = {
    q,
    entities: [],
    questions: [],
    aspects: [],
    predicates: [],
    outside: [],
    domain: 0,
    marker: lexicon.followUpMarker(q.raw),
    inherited: false,
  };
  for (const t of q.terms) {
    if (isEntityTerm(t)) r.entities.push(t);
    else {
      const kind = lexicon.kind(t);
      if (kind === 'question') r.questions.push(t);
      else r.predicates.push(t);
      if (kind === 'aspect') r.aspects.push(t);
      if (kind === 'outside') r.outside.push(t);
    }
    r.domain += lexicon.domainWeight(t);
  }
  return r;
}

/** Two strong domain words, one strong and one weak, or three weak ones. */
export const GROUNDING_WEIGHT = 1.5;

/** Answerable from the knowledge only when it names something of the event (or continues a conversation). */
export function isGrounded(r: Reading): boolean {
  return r.entities.length > 0 || r.domain >= GROUNDING_WEIGHT || r.inherited;
}

function withTerms(r: Reading, terms: string[], lexicon: Lexicon): Reading {
  const seen = new Set<string>();
  const unique = terms.filter((t) => !seen.has(t) && seen.add(t));
  const next = read({ ...r.q, terms: unique, soft: new Set(r.q.soft) }, lexicon);
  next.inherited = true;
  next.marker = r.marker;
  return next;
}

/**
 * A part that names no entity takes the entities of the part before it; when it only asks a question
 * word ("…and when?"), it also takes what the part before said ("founded").
 */
export function inherit(
  part: Reading,
  from: Pick<Reading, 'entities' | 'predicates'>,
  lexicon: Lexicon,
): Reading {
  if (part.entities.length > 0 || from.entities.length === 0) return part;
  const ownPredicates = part.predicates.length > 0;
  const terms = [...part.q.terms, ...from.entities, ...(ownPredicates ? [] : from.predicates)];
  return withTerms(part, terms, lexicon);
}

/**
 * True when the question's own words name something: a thing of the event, an aspect (founded, license,
 * record) or any concept of the vocabulary (chips, hedge fund). Question words and plain verbs ("why was
 * it made?", "et quand ?") name nothing: such a follow-up is entirely about the conversation's things.
 */
export function namesSomething(r: Reading, lexicon: Lexicon): boolean {
  return r.q.terms.some(
    (t) => isEntityTerm(t) || (lexicon.kind(t) !== undefined && lexicon.kind(t) !== 'question'),
  );
}

/** Most follow-ups are a few words: "and v3?", "et quand ?", "how many gpus?", "why?". */
const FOLLOW_UP_MAX_TERMS = 5;
/** Unknown words a follow-up that points back to the conversation may hold ("related", "lié"). */
const POINTED_UNKNOWN = 1;
/** Small words besides the marker and the name in "and the a800?", "what about for o1?". */
const NEW_THING_SMALL_WORDS = 2;
/** How many earlier turns a follow-up may reach back over (an off-topic message in between). */
const LOOK_BACK = 4;

/** What the conversation is about: the last entities named, and what was said about them. */
export interface Topic {
  entities: string[];
  predicates: string[];
  /** Non-entity terms of the last question that asked something: the aspect a new entity is asked for. */
  asked: string[];
  /** Every entity the recent turns named, newest first: what the conversation has been about. */
  seen: string[];
  /** What the earlier questions asked, newest first (after `asked`). */
  askedBefore?: string[][];
}

/**
 * Reads the recent turns, newest first: the entities of the last turn that named some (a calculation or
 * small talk in between does not count), and the predicates of the last question that said something.
 */
export function conversationTopic(
  turns: readonly Turn[],
  readText: (text: string) => Reading,
): Topic | undefined {
  let entities: string[] | undefined;
  let predicates: string[] | undefined;
  let asked: string[] | undefined;
  const askedBefore: string[][] = [];
  const seen = new Set<string>();
  for (let i = turns.length - 1; i >= Math.max(0, turns.length - LOOK_BACK); i--) {
    const t = turns[i] as Turn;
    if (t.kind === 'cost' || t.kind === 'training' || t.kind === 'chat' || t.kind === 'help') {
      if (entities === undefined) return undefined;
      break;
    }
    // A turn about nothing of the event (an off-topic message) says nothing about the topic; a fact
    // answered without naming an entity ("export restrictions") still does, through its words.
    const named = t.entities !== undefined && t.entities.length > 0;
    if (!named && !(t.kind === 'fact' && t.answered)) continue;
    for (const e of t.entities ?? []) seen.add(ENTITY_PREFIX + e);
    const r = readText(t.text);
    if (entities === undefined) entities = (t.entities ?? []).map((e) => ENTITY_PREFIX + e);
    if (predicates === undefined && r.predicates.length > 0) predicates = r.predicates;
    // The aspect asked: from the last question that asked one ("et par rapport à o1 ?" compares, it
    // does not ask; "et v3 ?" after it asks the price again).
    const nonEntity = r.q.terms.filter((x) => !isEntityTerm(x));
    if (nonEntity.length > 0 && asksSomething(r)) {
      if (asked === undefined) asked = nonEntity;
      else if (
        !askedBefore.some((a) => a.join(' ') === nonEntity.join(' ')) &&
        nonEntity.join(' ') !== asked.join(' ')
      )
        askedBefore.push(nonEntity);
    }
  }
  if (!entities) return undefined;
  return { entities, predicates: predicates ?? [], asked: asked ?? [], seen: [...seen], askedBefore };
}

/**
 * Resolves a follow-up against the conversation, or returns undefined when the question stands on its own
 * (it names its own entity and asks its own thing) or is not a follow-up at all.
 */
export function resolveFollowUp(r: Reading, topic: Topic | undefined, lexicon: Lexicon): Reading | undefined {
  if (!topic) return undefined;
  const nonEntity = r.q.terms.filter((t) => !isEntityTerm(t));
  if (topic.entities.length === 0 && topic.predicates.length === 0) return undefined;
  if (r.entities.length === 0) {
    // A new aspect of the same thing: "et quand ?", "was it a record?", "how many gpus?", "why?".
    if (nonEntity.length === 0 || nonEntity.length > FOLLOW_UP_MAX_TERMS) return undefined;
    // A word neither the knowledge nor the vocabulary knows, or a typo fixed ("lunch" read as
    // "launch"), means the question is about something else; unless a pronoun points back to the
    // conversation's thing and the rest names something of it ("is it related to a hedge fund?").
    const refers = r.marker > 0 || lexicon.refersBack(r.q.raw);
    const unknown = r.q.unknown.filter((t) => lexicon.kind(t) === undefined).length;
    const pointsBack = refers && namesSomething(r, lexicon) && unknown <= POINTED_UNKNOWN;
    if (r.q.corrected > 0 || (unknown > 0 && !pointsBack)) return undefined;
    if (nonEntity.every((t) => t === 'whatis')) return undefined;
    // "What is a GPU?", "c'est quoi l'apprentissage par renforcement ?": a thing asked about in itself,
    // complete on its own (an aspect — "who is the founder?", "what are the benchmark scores?" — needs
    // the thing it belongs to, and a pronoun points back to it).
    if (!refers && r.questions.includes('whatis') && nonEntity.some((t) => isThing(t, lexicon)))
      return undefined;
    const asks = r.questions.some((t) => t !== 'whatis') || r.aspects.length > 0;
    const allConcepts = nonEntity.every((t) => lexicon.kind(t) !== undefined);
    // Without a question word or an aspect, it must be all concepts ("gpus ?"), or point back to the
    // conversation and name something ("is it linked to a hedge fund?"; not "what time is it?").
    if (!asks && !allConcepts && !pointsBack) return undefined;
    const from = topic.entities.length > 0 ? topic : { entities: topic.predicates, predicates: [] };
    // "et l'appli ?" after "et v3 ?" (released when): a new thing of the vocabulary after a marker asks
    // what the conversation was asking, like a new name does.
    const newThing =
      r.marker > 0 && !asks && topic.asked.length > 0 && nonEntity.every((t) => isThing(t, lexicon));
    const inherited = newThing
      ? withTerms(r, [...topic.asked, ...r.q.terms, ...from.entities], lexicon)
      : inherit(r, from, lexicon);
    // Everything taken from the conversation only narrows the choice; the follow-up's own words choose.
    for (const t of inherited.q.terms) if (!r.q.terms.includes(t)) inherited.q.soft.add(t);
    if (from === topic && !namesSomething(r, lexicon)) inherited.about = topic.seen;
    return inherited;
  }
  // A new thing for the same aspect: "et broadcom ?", "and v3?", "what about o1?": the marker and the
  // name, or the name alone ("broadcom ?"). More words make a question of its own ("so what do we know
  // about DeepSeek?", "how did the S&P 500 and the Dow do?", "modèles distillés r1").
  const small = r.q.raw.slice(r.marker).filter((w) => lexicon.isStopWord(w)).length;
  const bare = r.marker > 0 ? small <= NEW_THING_SMALL_WORDS : r.q.terms.length === 1 && small === 0;
  if (nonEntity.length === 0 && topic.entities.length > 0 && bare) {
    if (topic.asked.length === 0) return undefined;
    const next = withTerms(r, [...topic.asked, ...r.entities], lexicon);
    const before = topic.askedBefore ?? [];
    if (before.length > 0) next.earlier = before.map((a) => withTerms(r, [...a, ...r.entities], lexicon));
    return next;
  }
  // A comparison that names one side only compares it with the conversation's thing: "r1 est combien de
  // fois moins cher ?" after o1-mini's price, "is v3 better?" after R1. The thing taken only narrows.
  const other = topic.entities.filter((e) => !r.entities.includes(e));
  if (r.entities.length === 1 && other.length > 0 && nonEntity.some((t) => COMPARING.has(t))) {
    const compared = withTerms(r, [...r.q.terms, ...other], lexicon);
    for (const e of other) compared.q.soft.add(e);
    return compared;
  }
  return undefined;
}

/** Concepts that compare two things (cheaper, "x times", better): one side may come from the conversation. */
const COMPARING = new Set(['cheap', 'times', 'benchmark']);

/** A concept that is a thing in itself (chips, reinforcement learning), not a question word nor an aspect. */
function isThing(term: string, lexicon: Lexicon): boolean {
  return lexicon.kind(term) === 'topic';
}

/** Where a question may hold several: "who founded it and when?", "quand est sorti R1 et combien coûte son API ?". */
const PART_BREAK = /\s*(?:\?+|;|\s(?:and|et|puis)\s)\s*/i;
/** A part that ends on the first side of a comparison: "difference between X", "comparaison entre X". */
const BETWEEN = /\b(?:between|entre)\s+(?:\S+\s+){0,3}\S+$/i;

/**
 * Splits a question into its parts, when each part asks something of its own (a question word or an
 * aspect). "R1 and o1 compared" stays one question: its second half asks nothing.
 */
export function splitParts(text: string): string[] {
  const pieces: string[] = [];
  let sides = false;
  for (const piece of ` ${text} `.split(PART_BREAK)) {
    const p = piece.trim();
    if (p === '') continue;
    // "between R1 and o1", "entre R1 et o3-mini": the two sides of one comparison, not two questions.
    const last = pieces.length - 1;
    sides = !sides && last >= 0 && BETWEEN.test(pieces[last] as string);
    if (sides) pieces[last] = `${pieces[last]} / ${p}`;
    else pieces.push(p);
  }
  return pieces.length > 4 ? [text] : pieces;
}

/** Sentences of a text (after "?", "!" or a full stop before a capital): a headline with a subtitle has two. */
export function splitSentences(text: string): string[] {
  const sentences = text
    .split(/(?<=[?!])\s+|(?<=[a-z\p{Ll}]{2}\.)\s+(?=\p{Lu})/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return sentences.length > 4 ? [] : sentences;
}

export function asksSomething(r: Reading): boolean {
  return r.questions.length > 0 || r.aspects.length > 0;
}
