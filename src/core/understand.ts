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
  const next = read({ ...r.q, terms: unique }, lexicon);
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

/** Most follow-ups are a few words: "and v3?", "et quand ?", "how many gpus?", "why?". */
const FOLLOW_UP_MAX_TERMS = 5;

/**
 * Resolves a follow-up against the last turn of the conversation, or returns undefined when the question
 * stands on its own (it names its own entity and asks its own thing) or is not a follow-up at all.
 */
export function resolveFollowUp(
  r: Reading,
  last: Turn | undefined,
  lastReading: Reading | undefined,
  lexicon: Lexicon,
): Reading | undefined {
  if (!last || !lastReading) return undefined;
  const lastEntities = (last.entities ?? []).map((e) => ENTITY_PREFIX + e);
  const nonEntity = r.q.terms.filter((t) => !isEntityTerm(t));
  if (r.entities.length === 0) {
    // A new aspect of the same thing: "et quand ?", "was it a record?", "how many gpus?", "why?".
    if (lastEntities.length === 0 || nonEntity.length === 0 || nonEntity.length > FOLLOW_UP_MAX_TERMS)
      return undefined;
    const asks = r.questions.some((t) => t !== 'whatis') || r.aspects.length > 0;
    if (!asks && r.marker === 0) return undefined;
    // Words that are neither the index's nor the vocabulary's mean another subject ("what time is it").
    if (r.q.unknown.some((t) => lexicon.kind(t) === undefined)) return undefined;
    return inherit(r, { entities: lastEntities, predicates: lastReading.predicates }, lexicon);
  }
  // A new thing for the same aspect: "et broadcom ?", "and v3?", "what about o1?".
  if (nonEntity.length === 0 && (r.marker > 0 || r.q.terms.length <= 2)) {
    const kept = lastReading.q.terms.filter((t) => !isEntityTerm(t));
    if (kept.length === 0) return undefined;
    return withTerms(r, [...kept, ...r.entities], lexicon);
  }
  return undefined;
}

/** Where a question may hold several: "who founded it and when?", "quand est sorti R1 et combien coûte son API ?". */
const PART_BREAK = /\s*(?:\?+|;|\s(?:and|et|puis|also|aussi)\s)\s*/i;

/**
 * Splits a question into its parts, when each part asks something of its own (a question word or an
 * aspect). "R1 and o1 compared" stays one question: its second half asks nothing.
 */
export function splitParts(text: string): string[] {
  const pieces = ` ${text} `
    .split(PART_BREAK)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return pieces.length > 4 ? [text] : pieces;
}

export function asksSomething(r: Reading): boolean {
  return r.questions.length > 0 || r.aspects.length > 0;
}
