import { isEntityTerm, type Lexicon } from './lexicon.js';
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
  /** With `about`: the entries the recent turns answered, about the conversation's things by definition. */
  answers?: string[];
  /**
   * Other readings of a new thing asked after the conversation's aspects: with what earlier questions
   * asked, newest first, tried when this one gets no answer ("et broadcom ?" after "was it a record?"
   * asks how it fell, as the question before did).
   */
  earlier?: Reading[];
  /** A follow-up that only names a new thing ("and the nasdaq?"), read as asking what the thread asked. */
  newThing?: boolean;
  /**
   * Set on a follow-up that names no thing of its own: the things the conversation named. An entry
   * about another thing ("combien de paramètres actifs ?" after V3's architecture: R1's size) does not
   * answer it.
   */
  within?: string[];
  /** Figures a follow-up quotes from an answer of the conversation ("pourquoi le 6x ne tient plus ?"). */
  figures?: string[];
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
  return askedOfMaker(r, lexicon) ?? r;
}

/** The aspect that asks who made a thing (founded, created, behind…). */
const MADE_BY = 'found';

/** The aspect a thing's making date is asked with ("when was R1 created?" asks its release). */
const RELEASED = 'release';

/**
 * "who made R1?", "qui est derrière R1 ?": who made a thing is who is behind its maker (DeepSeek), so the
 * question is read as asked of the maker; "when was R1 created?" asks when the thing came out. Only when
 * the question says nothing else ("what base model was used to create R1-Zero?" asks of R1-Zero).
 */
function askedOfMaker(r: Reading, lexicon: Lexicon): Reading | undefined {
  if (!r.aspects.includes(MADE_BY) || r.entities.length === 0) return undefined;
  if (r.predicates.some((t) => t !== MADE_BY) || r.questions.some((t) => t !== 'who' && t !== 'when'))
    return undefined;
  if (r.entities.some((e) => lexicon.makerOf(e) === undefined)) return undefined;
  const when = r.questions.includes('when');
  const terms = r.q.terms.map((t) =>
    isEntityTerm(t) ? (when ? t : (lexicon.makerOf(t) as string)) : when && t === MADE_BY ? RELEASED : t,
  );
  const seen = new Set<string>();
  return read({ ...r.q, terms: terms.filter((t) => !seen.has(t) && seen.add(t)) }, lexicon);
}

/** "today" may be a January 2025 headline's: the only outside word that does not rule out an answer. */
export const FALLBACK_OUTSIDE = 'today';

/** Two strong domain words, one strong and one weak, or three weak ones. */
export const GROUNDING_WEIGHT = 1.5;

/** Answerable from the knowledge only when it names something of the event (or continues a conversation). */
export function isGrounded(r: Reading): boolean {
  return r.entities.length > 0 || r.domain >= GROUNDING_WEIGHT || r.inherited;
}

export function withTerms(r: Reading, terms: string[], lexicon: Lexicon): Reading {
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
