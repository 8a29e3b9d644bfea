import { decorateFact } from './charts/attach.js';
import type { GapFinder } from './gaps.js';
import type { Gap, KnowledgeBase } from './knowledge/types.js';
import type { Lang } from './lang.js';
import type { Lexicon } from './lexicon.js';
import { factReply, gapReply, refusalReply, specificRefusal } from './replies.js';
import type { Reply } from './reply.js';
import type { SearchHit, SearchIndex } from './search.js';
import { FALLBACK_OUTSIDE, isGrounded, type Reading } from './understand.js';

/**
 * From a question once read to the entry that answers it: a gap of the sources first, then the search's
 * choice when it is sure enough and fits what is asked, a thing's overview, or a refusal that names the
 * thing with only relevant suggestions. The thresholds were chosen on the whole development sets.
 */

/** At or above this score the engine answers. */
export const ANSWER_THRESHOLD = 0.4;
/** Between this and the threshold, it answers only a clear winner: DISTINCT_RATIO × the runner-up's score. */
export const DISTINCT_THRESHOLD = 0.28;
export const DISTINCT_RATIO = 1.6;
/** …and only when it covers at least this share of what the question asks. */
export const DISTINCT_COVERAGE = 0.6;
/** Candidates above this (and below the threshold) are offered as "did you mean". */
export const SUGGEST_THRESHOLD = 0.25;

/** An ungrounded question is answered only when it matches a stored question this well. */
export const PARAPHRASE_THRESHOLD = 0.7;
const PARAPHRASE_DOMAIN = 0.5;
/** Confidence of an overview answer (a question about a thing in general): right, but not sharp. */
export const OVERVIEW_CONFIDENCE = 0.5;
/** How close to the first hit the overview of a "what is X, …?" question's subject must score to go first. */
const SUBJECT_RATIO = 0.9;
/** Score at which the search's first choice, when it is the overview of a thing named, is answered. */
const OVERVIEW_AGREEMENT = 0.4;
/** Question words an overview answers: none, "what is", "why". */
const OVERVIEW_QUESTIONS = new Set(['whatis', 'why']);
const OVERVIEW_UNKNOWN = 0;

export interface ChooserParts {
  kb: KnowledgeBase;
  index: SearchIndex;
  lexicon: Lexicon;
  gapFinder: GapFinder;
  /** Entity term → the entry that answers a question about it in general. */
  overviews: Map<string, string>;
  threshold: number;
}

export class FactChooser {
  private readonly kb: KnowledgeBase;
  private readonly index: SearchIndex;
  private readonly lexicon: Lexicon;
  private readonly gapFinder: GapFinder;
  private readonly overviews: Map<string, string>;
  private readonly threshold: number;

  constructor(parts: ChooserParts) {
    this.kb = parts.kb;
    this.index = parts.index;
    this.lexicon = parts.lexicon;
    this.gapFinder = parts.gapFinder;
    this.overviews = parts.overviews;
    this.threshold = parts.threshold;
  }

  /** The reply to a question once it is read: a fact, a gap of the sources, or a refusal. */
  answer(reading: Reading, lang: Lang): Reply {
    if (!isGrounded(reading)) {
      // Named nothing, but reads as one of the stored questions almost word for word ("pourquoi la bourse
      // a réagi aussi fort"): every word known, some of the domain, and a close match.
      if (
        reading.domain >= PARAPHRASE_DOMAIN &&
        reading.q.terms.length >= 3 &&
        reading.q.unknown.length === 0
      ) {
        const best = this.index.searchPrepared(reading.q, 2)[0];
        const entry = best && best.score >= PARAPHRASE_THRESHOLD ? this.kb.byId.get(best.id) : undefined;
        if (entry && best) return decorateFact(this.kb, factReply(this.kb, entry, lang, [best], best.score));
      }
      return refusalReply(this.kb, lang, []);
    }
    const gap = this.findGap(reading, false);
    if (gap) return gapReply(this.kb, gap, lang);
    const reply = this.searchReply(reading, lang);
    if (reply.answered) return reply;
    const fallback = this.findGap(reading, true);
    return fallback ? gapReply(this.kb, fallback, lang) : reply;
  }

  /** The first gap of knowledge/gaps.yaml whose every group the question names. */
  findGap(reading: Reading, fallback: boolean): Gap | undefined {
    return this.gapFinder.find(reading.q.terms, fallback);
  }

  private searchReply(reading: Reading, lang: Lang): Reply {
    const hits = this.bySubject(reading, this.hitsFor(reading, 5));
    const best = hits[0];
    const second = hits[1]?.score ?? 0;
    const confident =
      best !== undefined &&
      this.fits(reading, best.id) &&
      (best.score >= this.threshold ||
        (!best.mismatch &&
          (best.coverage ?? 0) >= DISTINCT_COVERAGE &&
          best.score >= DISTINCT_THRESHOLD &&
          best.score >= DISTINCT_RATIO * second));
    if (best && confident) {
      const entry = this.kb.byId.get(best.id);
      if (entry) return decorateFact(this.kb, factReply(this.kb, entry, lang, hits, confidenceOf(best)));
    }
    const overview = this.overview(reading);
    if (overview) return decorateFact(this.kb, factReply(this.kb, overview, lang, hits, OVERVIEW_CONFIDENCE));
    // A long headline about a thing: the search's own first choice is that thing's overview.
    if (
      best &&
      best.score >= OVERVIEW_AGREEMENT &&
      !best.mismatch &&
      this.fits(reading, best.id) &&
      reading.entities.some((e) => this.overviews.get(e) === best.id)
    ) {
      const entry = this.kb.byId.get(best.id);
      const confidence = Math.min(best.score, OVERVIEW_CONFIDENCE);
      if (entry) return decorateFact(this.kb, factReply(this.kb, entry, lang, hits, confidence));
    }
    const near = this.relevant(
      reading,
      hits.filter((h) => h.score >= SUGGEST_THRESHOLD),
    );
    const named = reading.entities.find((e) => e !== '@later');
    if (named) return specificRefusal(this.kb, lang, this.lexicon.entityName(named) ?? named, near);
    return refusalReply(this.kb, lang, near);
  }

  /**
   * "Who is Liang Wenfeng, the geek behind DeepSeek's boom?" is about its subject, the first thing named
   * after "who is / what is": when that thing's overview scores nearly as well as the first hit, it goes first.
   */
  private bySubject(reading: Reading, hits: SearchHit[]): SearchHit[] {
    const terms = reading.q.terms;
    if (terms[0] !== 'whatis' || hits.length < 2) return hits;
    const subject = terms.find((t) => reading.entities.includes(t));
    const id = subject ? this.overviews.get(subject) : undefined;
    const best = hits[0] as SearchHit;
    const k = hits.findIndex((h) => h.id === id);
    if (k <= 0 || (hits[k] as SearchHit).score < SUBJECT_RATIO * best.score) return hits;
    return [hits[k] as SearchHit, ...hits.filter((_, i) => i !== k)];
  }

  /** The search's hits; for a follow-up that names nothing of its own, only entries about the conversation's things. */
  hitsFor(reading: Reading, limit: number): SearchHit[] {
    if (!reading.about) return this.index.searchPrepared(reading.q, limit);
    return this.index
      .searchPrepared(reading.q, limit * 2)
      .filter((h) => this.aboutThread(reading, h.id))
      .slice(0, limit);
  }

  /** For a follow-up that names nothing: the entry is about the thread's things, or one it answered. */
  private aboutThread(reading: Reading, id: string): boolean {
    if (!reading.about || reading.answers?.includes(id)) return true;
    return this.isAbout(reading.about, id);
  }

  /** The entry mentions one of the things (those named by most entries, like DeepSeek, say nothing). */
  isAbout(things: readonly string[], id: string): boolean {
    const named = things.filter((e) => !this.index.isCommon(e));
    return named.length === 0 || named.some((e) => this.index.mentions(id, e));
  }

  /** Checks that hold whatever the score: the entry must answer what is asked. */
  fits(reading: Reading, id: string): boolean {
    if (!this.aboutThread(reading, id)) return false;
    // Something the sources never answer (revenue, weather, how to install, today's share price).
    if (reading.outside.some((t) => t !== FALLBACK_OUTSIDE)) return false;
    // "What is X?" is answered by X's overview, or not at all ("what is chatgpt").
    const bareWhatIs =
      reading.questions.includes('whatis') && reading.predicates.length === 0 && reading.entities.length > 0;
    if (bareWhatIs && !reading.entities.some((e) => this.overviews.get(e) === id)) return false;
    // The aspect asked (founded, license, cost…) must be one the entry is asked about (an aspect taken
    // from the conversation only narrows the choice: "why?" after "was it a record?").
    const asked = reading.aspects.filter((a) => !reading.q.soft.has(a));
    return asked.length === 0 || asked.some((a) => this.index.mentions(id, a));
  }

  /**
   * A question about a thing of the event in general (a headline, "DeepSeek ?", "c'est quoi R1"): it names
   * the thing and asks no aspect the overview would not answer. The most specific thing named wins.
   */
  private overview(reading: Reading) {
    if (reading.aspects.length > 0 || reading.outside.length > 0 || reading.q.names.size > 0)
      return undefined;
    if (reading.questions.some((t) => !OVERVIEW_QUESTIONS.has(t))) return undefined;
    // A follow-up about the conversation's thing asks of it in general only with "why?" or "what is…?".
    if (reading.questions.length === 0 && reading.entities.every((e) => reading.q.soft.has(e)))
      return undefined;
    if (reading.q.unknown.some((t) => /\d/.test(t))) return undefined;
    // Words nobody in the knowledge uses ask something specific ("accused of copying", "handle user data").
    if (reading.q.unknown.length > OVERVIEW_UNKNOWN) return undefined;
    let best: { id: string; df: number } | undefined;
    for (const e of reading.entities) {
      const id = this.overviews.get(e);
      if (!id) continue;
      const df = this.index.frequency(e);
      if (!best || df < best.df) best = { id, df };
    }
    return best ? this.kb.byId.get(best.id) : undefined;
  }

  /** Suggestions must be about what the question names: entries that mention its entities. */
  private relevant(reading: Reading, hits: SearchHit[]): SearchHit[] {
    if (reading.entities.length === 0) return hits;
    return hits.filter((h) => {
      return reading.entities.every((e) => this.index.mentions(h.id, e));
    });
  }
}

/**
 * The confidence reported with an answer: the match score, lowered when part of the question is left
 * uncovered by the entry. Chosen on the whole development sets (see README, "Measured").
 */
export function confidenceOf(hit: SearchHit): number {
  const coverage = hit.coverage ?? 1;
  const c = hit.score * (CONFIDENCE_BASE + (1 - CONFIDENCE_BASE) * coverage);
  return Math.round(Math.min(1, c) * 1000) / 1000;
}
const CONFIDENCE_BASE = 0.7;
