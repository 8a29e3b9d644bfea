import { buildIndexData, type IndexData, variantText } from './index-data.js';
import type { Entry } from './knowledge/types.js';
import { isEntityTerm, type Lexicon } from './lexicon.js';
import { Memo } from './memo.js';
import { fold } from './normalize.js';
import { type PreparedQuery, QueryReader } from './query.js';
import { diceAbove, trigrams } from './wording.js';

export type { PreparedQuery } from './query.js';

/**
 * Bilingual search over the knowledge base.
 *
 * 1. Every question variant, alias and answer is normalized into search terms (normalize.ts).
 * 2. Query words unknown to the index are corrected against its vocabulary (typos), then turned into terms.
 * 3. A keyword prefilter (inverted index) keeps only entries sharing a term with the query; each is scored
 *    by the IDF-weighted share of the query it covers and by its best-matching question variant.
 * 4. The few best candidates are re-scored on character trigrams of their variants, which rewards close
 *    wording and tolerates what token matching misses. (fuse.js did this first; it cost 5 ms a question,
 *    trigrams cost microseconds for the same accuracy. fuse.js serves autocomplete, see engine.ts.)
 * Words the index has never seen weigh as much as its rarest terms: a question mostly about something
 * else ("who founded Apple?") cannot reach the threshold on one shared word.
 */

export interface SearchHit {
  id: string;
  /** 0..1 */
  score: number;
  /** The question names something (Nvidia, R2, "today") this entry does not cover. */
  mismatch?: boolean;
  /** Share (0..1) of the question's weight this entry covers. */
  coverage?: number;
}

interface Scored {
  i: number;
  score: number;
  mismatch: boolean;
  coverage: number;
  /** The variants (global indices) sharing a term with the query: the only ones worth comparing on wording. */
  near: number[];
  /** The variant of `near` sharing the most with the query (compared first: the likeliest best wording). */
  closest: number;
}

const WEAK_WEIGHT = 0.55;
/** Words the index has never seen weigh more than its rarest term. */
const UNKNOWN_WEIGHT = 1.6;
/** Score kept when the query names a thing (Nvidia, o1, TSMC…) the entry never mentions. */
const ENTITY_PENALTY = 0.5;
/** Question words that change what is asked; an entry whose questions never use them fits less. */
const INTENT_TERMS = new Set(['why', 'when', 'who']);
const INTENT_PENALTY = 0.7;
/** An aspect asked (founded, license, cost…) that the entry never mentions: it answers something else. */
const ASPECT_PENALTY = 0.6;
/** …or mentions only in its answer. */
const ASPECT_WEAK_PENALTY = 0.8;
/** The knowledge is about January 2025: "today", "currently", "maintenant" ask for news it does not have. */
const NOW_PENALTY = 0.7;
const RESCORED = 6;
/** Blend of the score: share of the question covered, best variant, share of the entry's profile named. */
const W_COVERAGE = 0.35;
const W_VARIANT = 0.3;
const W_PROFILE = 1 - W_COVERAGE - W_VARIANT;
/** A name the entry lacks, when the entry shares another name with the question (headlines name many). */
const SHARED_ENTITY_PENALTY = 0.85;
/** Weight of a term inherited from the conversation, and the penalty of an entry that lacks it. */
const SOFT_WEIGHT = 0.5;
const SOFT_PENALTY = 0.95;
/** Names in more than this share of the entries (DeepSeek) say nothing about which entry fits. */
const COMMON_ENTITY_SHARE = 0.35;
/** Candidates fully scored after the keyword prefilter. */
const PREFILTER = 48;
const WORDING_WEIGHT = 0.1;
/** Query terms a variant's terms are matched against by bit (one pass over the variant's terms). */
const MARKED_TERMS = 31;

export interface SearchOptions {
  /** Re-score the best candidates on their wording (on by default). */
  rescore?: boolean;
}

/** Variants whose trigrams are kept between questions (each a few hundred bytes); beyond it, recomputed. */
const GRAMS_KEPT = 20_000;

/**
 * Throws when `d` was not built from these entries (another base, or damaged on its way): the shape of
 * every array and each entry's number of variants (not every id: that would read the whole index).
 */
function checkIndexData(d: IndexData, entries: readonly Entry[]): void {
  const bad = (what: string) => new Error(`index data does not match the knowledge: ${what}`);
  const e = entries.length;
  const t = d.terms.length;
  if (d.entries !== e) throw bad(`${d.entries} entries indexed, ${e} given`);
  if (d.df.length !== t || d.postWeak.length !== t || d.postStart.length !== t + 1) throw bad('terms');
  if (d.postStart[t] !== d.postEntries.length) throw bad('postings');
  if (d.slotStart.length !== e + 1 || d.profileNorm.length !== e || d.variantStart.length !== e + 1)
    throw bad('entries');
  if (d.slotStart[e] !== d.slotTerm.length || d.slotCount.length !== d.slotTerm.length) throw bad('slots');
  const v = d.variantWeight.length;
  if (d.variantStart[e] !== v || d.variantTermStart.length !== v + 1) throw bad('variants');
  if (d.variantTermStart[v] !== d.variantTerms.length) throw bad('variant terms');
  entries.forEach((entry, i) => {
    const count = entry.questions.en.length + entry.questions.fr.length + entry.aliases.length;
    if ((d.variantStart[i + 1] as number) - (d.variantStart[i] as number) !== count)
      throw bad(`entry "${entry.id}" has ${count} questions and aliases`);
  });
}

export class SearchIndex {
  private readonly entries: readonly Entry[];
  private readonly data: IndexData;
  /** Term → its id in `data`. */
  private readonly ids = new Map<string, number>();
  private readonly idf: Float64Array;
  private readonly positions = new Map<string, number>();
  /** Per-entry accumulator reused by every query (reset after use). */
  private readonly scratch: Float64Array;
  /** Per-term bit of the query term it is, reused by every query (reset after use). */
  private readonly termBits: Int32Array;
  private readonly maxIdf: number;
  /** Turns a question's words into terms of this index. */
  private readonly reader: QueryReader;
  /** Terms written as names in the knowledge (capitalized or with digits: Nvidia, R1, TSMC) but not ubiquitous. */
  private readonly entities: Set<string>;
  /** Variant → character trigrams of its folded text (packed, sorted, distinct), computed on first use. */
  private readonly grams = new Memo<number, Float64Array>(GRAMS_KEPT);

  /**
   * Indexes the entries, or wraps `data` built from them beforehand (buildIndexData, in the reload
   * worker): then only maps and sets of the terms and words are made here, no text is read.
   */
  constructor(
    entries: readonly Entry[],
    private readonly lexicon: Lexicon,
    private readonly options: SearchOptions = {},
    data?: IndexData,
  ) {
    const d = data ?? buildIndexData(entries, lexicon);
    checkIndexData(d, entries);
    this.entries = entries;
    this.data = d;
    for (let id = 0; id < d.terms.length; id++) this.ids.set(d.terms[id] as string, id);
    const n = Math.max(entries.length, 1);
    this.idf = Float64Array.from(d.df, (x) => Math.log(1 + n / x));
    this.maxIdf = Math.log(1 + n);
    for (let i = 0; i < entries.length; i++) this.positions.set((entries[i] as Entry).id, i);
    this.scratch = new Float64Array(entries.length);
    this.termBits = new Int32Array(d.terms.length);
    this.reader = new QueryReader(lexicon, d.words, (t) => this.ids.has(t));
    this.entities = new Set(d.entities);
  }

  /** The entry's slot of term `id` (an index into slotTerm / slotCount), or -1. */
  private slot(i: number, id: number): number {
    if (id < 0) return -1;
    const terms = this.data.slotTerm;
    let lo = this.data.slotStart[i] as number;
    let hi = (this.data.slotStart[i + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = terms[mid] as number;
      if (x === id) return mid;
      if (x < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private slotOf(entryId: string, term: string): number {
    const i = this.positions.get(entryId);
    return i === undefined ? -1 : this.slot(i, this.ids.get(term) ?? -1);
  }

  /** A capitalized name of the knowledge that is not one of the vocabulary's entities ("Apple"). */
  isForeignName(t: string): boolean {
    return this.entities.has(t) && !isEntityTerm(t);
  }

  /** True when the entry's questions or aliases hold the term (what the entry is asked about). */
  asks(id: string, term: string): boolean {
    const s = this.slotOf(id, term);
    return s >= 0 && (this.data.slotCount[s] as number) > 0;
  }

  /** Number of entries that hold the term. */
  frequency(t: string): number {
    const id = this.ids.get(t);
    return id === undefined ? 0 : (this.data.df[id] as number);
  }

  /** True when the term is in so many entries (DeepSeek) that naming it says nothing about which fits. */
  isCommon(t: string): boolean {
    return this.frequency(t) > this.entries.length * COMMON_ENTITY_SHARE;
  }

  private termIdf(t: string): number {
    const id = this.ids.get(t);
    return id === undefined ? this.maxIdf * UNKNOWN_WEIGHT : (this.idf[id] as number);
  }

  /** Query words → search terms, with typos corrected against the index's vocabulary. */
  queryTerms(text: string): string[] {
    return this.prepare(text).terms;
  }

  /** True when the entry's questions, aliases or answer hold the term. */
  mentions(id: string, term: string): boolean {
    return this.slotOf(id, term) >= 0;
  }

  /** True when the folded word occurs in the knowledge or the vocabulary (a name, a word of an answer). */
  usesWord(word: string): boolean {
    return this.reader.usesWord(word);
  }

  /** True when the index has this term (in some entry's questions, aliases or answers). */
  knows(term: string): boolean {
    return this.ids.has(term);
  }

  /**
   * Reads a question: terms (typos corrected), plus the unknown parts of hyphenated names
   * ("DeepSeek-Coder", "Llama-4"): a product the knowledge never mentions, so no entry should answer for it.
   */
  prepare(text: string): PreparedQuery {
    return this.reader.prepare(text);
  }

  search(text: string, limit = 5): SearchHit[] {
    return this.searchPrepared(this.prepare(text), limit);
  }

  /** Ranks the entries for a prepared (possibly rewritten) question. */
  searchPrepared(analyzed: PreparedQuery, limit = 5): SearchHit[] {
    const qterms = analyzed.terms;
    if (qterms.length === 0) return [];
    const d = this.data;
    /** The query's term ids (-1: a term no entry holds). */
    const qids = qterms.map((t) => this.ids.get(t) ?? -1);
    // What the question asks weighs more than what it inherits from the conversation.
    const weights = qterms.map((t) => this.termIdf(t) * (analyzed.soft.has(t) ? SOFT_WEIGHT : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const asksAboutNow = qterms.includes('now');
    // Keyword prefilter: accumulate the covered weight through the postings, keep the best candidates.
    const acc = this.scratch;
    const touched: number[] = [];
    qids.forEach((id, k) => {
      if (id < 0) return;
      const w = weights[k] as number;
      const weakAt = d.postWeak[id] as number;
      const end = d.postStart[id + 1] as number;
      for (let p = d.postStart[id] as number; p < weakAt; p++) {
        const i = d.postEntries[p] as number;
        if (acc[i] === 0) touched.push(i);
        acc[i] = (acc[i] as number) + w;
      }
      for (let p = weakAt; p < end; p++) {
        const i = d.postEntries[p] as number;
        if (acc[i] === 0) touched.push(i);
        acc[i] = (acc[i] as number) + w * WEAK_WEIGHT;
      }
    });
    let candidates: (readonly [number, number])[] = touched.map((i) => [i, acc[i] as number] as const);
    for (const i of touched) acc[i] = 0;
    if (candidates.length > PREFILTER) {
      // Entries covering under a third of the best coverage cannot reach the answer threshold.
      const top = candidates.reduce((m, c) => Math.max(m, c[1]), 0);
      candidates = candidates.filter((c) => c[1] >= top / 3);
      if (candidates.length > PREFILTER)
        candidates = candidates.sort((a, b) => b[1] - a[1]).slice(0, PREFILTER);
    }

    const keep = Math.max(limit, RESCORED);
    candidates.sort((a, b) => b[1] - a[1]);
    // Term id → the bit of the query term it is (bit k for qterms[k]), for up to 31 query terms.
    const mark = this.termBits;
    const marked = qids.length <= MARKED_TERMS;
    if (marked)
      for (let k = 0; k < qids.length; k++) if ((qids[k] as number) >= 0) mark[qids[k] as number] = 1 << k;
    const scored: Scored[] = [];
    /** Per query term, the candidate's slot of it (-1: the entry does not hold it). */
    const slots = new Int32Array(qterms.length);
    let kth = 0;
    for (const [i, covered] of candidates) {
      const coverage = covered / total;
      // Penalties only lower a score: once even a perfect variant could not enter the top, stop.
      if (scored.length >= keep && W_COVERAGE * coverage + W_VARIANT + W_PROFILE <= kth) break;
      for (let k = 0; k < qids.length; k++) slots[k] = this.slot(i, qids[k] as number);
      /** The entry holds the term in its questions or aliases (else in its answer only, or not at all). */
      const strong = (k: number) =>
        (slots[k] as number) >= 0 && (d.slotCount[slots[k] as number] as number) > 0;
      let best = 0;
      let closest = -1;
      const near: number[] = [];
      const firstVariant = d.variantStart[i] as number;
      const endVariant = d.variantStart[i + 1] as number;
      for (let v = firstVariant; v < endVariant; v++) {
        const from = d.variantTermStart[v] as number;
        const to = d.variantTermStart[v + 1] as number;
        let shared = 0;
        if (marked) {
          // One pass over the variant's terms marks the query terms it holds; their weights are then
          // added in query order, as the loop below adds them (the same sum to the last bit).
          let held = 0;
          for (let p = from; p < to; p++) held |= mark[d.variantTerms[p] as number] as number;
          for (let k = 0; held !== 0; k++, held >>>= 1) if (held & 1) shared += weights[k] as number;
        } else {
          for (let k = 0; k < qids.length; k++) {
            const id = qids[k] as number;
            for (let p = from; p < to; p++) {
              if (d.variantTerms[p] === id) {
                shared += weights[k] as number;
                break;
              }
            }
          }
        }
        if (shared === 0) continue;
        near.push(v);
        const precision = shared / Math.max(d.variantWeight[v] as number, 1e-9);
        const recall = shared / total;
        const f = (2 * precision * recall) / (precision + recall);
        if (f > best) {
          best = f;
          closest = v;
        }
      }
      // The profile: the share of the entry's variants holding a term × its IDF (what the entry is about).
      const nv = Math.max(endVariant - firstVariant, 1);
      let named = 0;
      let sharesEntity = false;
      for (let k = 0; k < qterms.length; k++) {
        const t = qterms[k] as string;
        if (strong(k))
          named +=
            ((d.slotCount[slots[k] as number] as number) / nv) * (this.idf[qids[k] as number] as number);
        if (isEntityTerm(t) && (slots[k] as number) >= 0 && !this.isCommon(t)) sharesEntity = true;
      }
      const profiled = Math.min(1, named / Math.max(d.profileNorm[i] as number, 1e-9));
      let score = W_COVERAGE * coverage + W_VARIANT * best + W_PROFILE * profiled;
      let mismatch = asksAboutNow;
      for (let k = 0; k < qterms.length; k++) {
        const t = qterms[k] as string;
        const absent = (slots[k] as number) < 0;
        // A name the entry never mentions (Nvidia, o1) or an unknown one with digits (R2, GPT-5, 2026).
        if (
          absent &&
          (this.entities.has(t) ||
            analyzed.names.has(t) ||
            (qids[k] === -1 && (/^[a-z]+\d/.test(t) || /^(19|20)\d\d$/.test(t))))
        ) {
          if (this.isCommon(t)) continue;
          score *= analyzed.soft.has(t)
            ? SOFT_PENALTY
            : sharesEntity && isEntityTerm(t)
              ? SHARED_ENTITY_PENALTY
              : ENTITY_PENALTY;
          mismatch = true;
        }
        // "why" / "when" / "who" asked of an entry that answers something else.
        else if (INTENT_TERMS.has(t) && !strong(k)) score *= INTENT_PENALTY;
        else if (!strong(k) && this.lexicon.kind(t) === 'aspect')
          score *= absent ? ASPECT_PENALTY : ASPECT_WEAK_PENALTY;
      }
      if (asksAboutNow) score *= NOW_PENALTY;
      if (scored.length < keep) {
        scored.push({ i, score, mismatch, coverage, near, closest });
        if (scored.length === keep) {
          scored.sort((a, b) => b.score - a.score);
          kth = (scored[keep - 1] as Scored).score;
        }
      } else if (score > kth) {
        // Kept sorted: the new one goes after every one scoring as much (as a stable sort puts it), and
        // the last one leaves. A score no higher than the last one's would only be cut again.
        let at = keep - 1;
        while (at > 0 && (scored[at - 1] as Scored).score < score) at--;
        scored.pop();
        scored.splice(at, 0, { i, score, mismatch, coverage, near, closest });
        kth = (scored[keep - 1] as Scored).score;
      }
    }
    if (marked) for (const id of qids) if (id >= 0) mark[id] = 0;
    scored.sort((a, b) => b.score - a.score);
    const top = scored.slice(0, keep);
    if (this.options.rescore !== false && top.length > 0) this.rescoreByWording(analyzed.folded, top);
    return top.slice(0, limit).map((s) => {
      const hit: SearchHit = {
        id: (this.entries[s.i] as Entry).id,
        score: round(s.score),
        coverage: round(s.coverage),
      };
      if (s.mismatch) hit.mismatch = true;
      return hit;
    });
  }

  /** The trigrams of variant `v` (of entry `i`), kept for the next question. */
  private gramsOf(i: number, v: number): Float64Array {
    let g = this.grams.peek(v);
    if (g === undefined) {
      g = trigrams(fold(variantText(this.entries[i] as Entry, v - (this.data.variantStart[i] as number))));
      this.grams.set(v, g);
    }
    return g;
  }

  /** Blends in a character-trigram similarity between the query and the candidates' question variants. */
  private rescoreByWording(folded: string, top: Scored[]): void {
    const query = trigrams(folded);
    const qn = query.length;
    if (qn === 0) return;
    for (const s of top) {
      // The maximum over the variants, whatever their order: the closest first raises the floor early,
      // and the merge of a variant that cannot beat it stops sooner (diceAbove).
      let sim = s.closest >= 0 ? diceAbove(query, this.gramsOf(s.i, s.closest), 0) : 0;
      for (const v of s.near) {
        if (v === s.closest) continue;
        const grams = this.gramsOf(s.i, v);
        const vn = grams.length;
        // Dice cannot exceed 2·min/(sum) of the two sizes: a variant below the best so far is not compared.
        if ((2 * Math.min(qn, vn)) / (qn + vn) <= sim) continue;
        sim = Math.max(sim, diceAbove(query, grams, sim));
      }
      s.score = s.score * (1 - WORDING_WEIGHT) + sim * WORDING_WEIGHT;
    }
    top.sort((a, b) => b.score - a.score);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
