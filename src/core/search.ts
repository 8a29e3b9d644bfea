import { Corrector } from './fuzzy.js';
import type { Entry } from './knowledge/types.js';
import { isEntityTerm, type Lexicon } from './lexicon.js';
import { fold } from './normalize.js';

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
  /** The variants sharing a term with the query: the only ones worth comparing on wording. */
  near: Variant[];
}

interface Variant {
  /** Its distinct terms, in order (a few: an array is smaller than a Set and as quick to search). */
  terms: readonly string[];
  /** Sum of the IDF of its terms. */
  weight: number;
  folded: string;
  /** Character trigrams of `folded` (packed, sorted, distinct), computed on first use. */
  grams?: Float64Array;
}

interface IndexedEntry {
  entry: Entry;
  variants: Variant[];
  /** Term → share of the entry's variants holding it × its IDF: what the entry is about. */
  profile: Map<string, number>;
  /** Sum of the entry's PROFILE_TOP heaviest profile weights. */
  profileNorm: number;
  /** Terms of questions and aliases. */
  strong: Set<string>;
  /** Terms found only in the answer. */
  weak: Set<string>;
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
/** An entry is about its few heaviest terms: a question naming them fits, whatever else it says. */
const PROFILE_TOP = 4;
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

/** A question read by the index: its search terms (typos corrected) and what the search needs besides. */
export interface PreparedQuery {
  /** Search terms, without duplicates, in order. */
  terms: string[];
  /** Unknown parts of hyphenated names ("DeepSeek-Coder"): products the knowledge never mentions. */
  names: Set<string>;
  /** The folded text, for the wording rescore. */
  folded: string;
  /** Every folded word (stop words included), for small talk and follow-up markers. */
  raw: string[];
  /** Terms the index has never seen (after typo correction). */
  unknown: string[];
  /** Words whose typo was corrected. */
  corrected: number;
  /** Terms inherited from the conversation: an entry that lacks them is penalized less. */
  soft: Set<string>;
}

export interface SearchOptions {
  /** Re-score the best candidates on their wording (on by default). */
  rescore?: boolean;
}

export class SearchIndex {
  private readonly items: IndexedEntry[] = [];
  private readonly positions = new Map<string, number>();
  /** Term → entries whose questions or aliases hold it (strong) or only whose answer does (weak). */
  private readonly postings = new Map<string, { strong: number[]; weak: number[] }>();
  /** Per-entry accumulator reused by every query (reset after use). */
  private scratch = new Float64Array(0);
  private readonly idf = new Map<string, number>();
  private readonly df: Map<string, number>;
  private readonly maxIdf: number;
  private readonly corrector: Corrector;
  private readonly knownWords = new Set<string>();
  /** Terms written as names in the knowledge (capitalized or with digits: Nvidia, R1, TSMC) but not ubiquitous. */
  private readonly entities = new Set<string>();

  constructor(
    entries: Entry[],
    private readonly lexicon: Lexicon,
    private readonly options: SearchOptions = {},
  ) {
    const wordFreq = new Map<string, number>();
    const addWords = (text: string) => {
      for (const t of lexicon.analyze(text).tokens) {
        if (t.term === undefined) wordFreq.set(t.word, (wordFreq.get(t.word) ?? 0) + 1);
      }
    };
    // Each distinct term is kept once: the knowledge repeats its terms thousands of times, and every
    // Set, Map and posting of the index then points at the one string.
    const interned = new Map<string, string>();
    const intern = (t: string) => {
      const kept = interned.get(t);
      if (kept !== undefined) return kept;
      interned.set(t, t);
      return t;
    };
    const termsOf = (text: string) => lexicon.terms(text).map(intern);
    const named = new Set<string>();
    const raw = entries.map((entry) => {
      const questions = [...entry.questions.en, ...entry.questions.fr, ...entry.aliases];
      for (const q of questions) addWords(q);
      addWords(entry.answer.en);
      addWords(entry.answer.fr);
      for (const q of questions) {
        // Capitalized words past the first, or words with digits, are names: Nvidia, R1, TSMC.
        q.split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
          .forEach((w, position) => {
            if ((position > 0 && /^\p{Lu}/u.test(w)) || /\d/.test(w)) {
              const folded = fold(w);
              if (folded && !lexicon.isStopWord(folded)) {
                const t = lexicon.term(folded);
                if (lexicon.kind(t) === undefined) named.add(t);
              }
            }
          });
      }
      const variantTerms = questions.map((q) => ({ terms: [...new Set(termsOf(q))], folded: fold(q) }));
      const strong = new Set(variantTerms.flatMap((v) => v.terms));
      const weak = new Set(
        [...termsOf(entry.answer.en), ...termsOf(entry.answer.fr)].filter((t) => !strong.has(t)),
      );
      return { entry, variantTerms, strong, weak };
    });
    // Short names (tickers: AVGO, TSM, SOX) are no typo targets: "algo" is not Broadcom.
    for (const w of lexicon.vocabularyWords())
      if (!wordFreq.has(w) && !(w.length < 5 && isEntityTerm(lexicon.term(w)))) wordFreq.set(w, 1);
    for (const w of wordFreq.keys()) this.knownWords.add(w);
    this.corrector = new Corrector(wordFreq);

    const df = new Map<string, number>();
    this.df = df;
    raw.forEach((r, i) => {
      for (const [set, kind] of [
        [r.strong, 'strong'],
        [r.weak, 'weak'],
      ] as const) {
        for (const t of set) {
          df.set(t, (df.get(t) ?? 0) + 1);
          let p = this.postings.get(t);
          if (!p) {
            p = { strong: [], weak: [] };
            this.postings.set(t, p);
          }
          p[kind].push(i);
        }
      }
    });
    this.scratch = new Float64Array(entries.length);
    const n = Math.max(entries.length, 1);
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.maxIdf = Math.log(1 + n);
    for (const t of named) {
      const d = df.get(t) ?? 0;
      if (d > 0 && d <= n * 0.75 && !/^\d/.test(t)) this.entities.add(t);
    }
    // The vocabulary's entities are names wherever they occur.
    for (const t of df.keys()) if (isEntityTerm(t) && (df.get(t) ?? 0) <= n * 0.75) this.entities.add(t);

    for (const r of raw) {
      const variants = r.variantTerms.map((v) => ({
        terms: v.terms,
        folded: v.folded,
        weight: v.terms.reduce((s, t) => s + this.termIdf(t), 0),
      }));
      const counts = new Map<string, number>();
      for (const v of r.variantTerms) for (const t of v.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      const profile = new Map<string, number>();
      const nv = Math.max(r.variantTerms.length, 1);
      for (const [t, c] of counts) profile.set(t, (c / nv) * this.termIdf(t));
      const profileNorm = [...profile.values()]
        .sort((a, b) => b - a)
        .slice(0, PROFILE_TOP)
        .reduce((a, b) => a + b, 0);
      this.positions.set(r.entry.id, this.items.length);
      this.items.push({ entry: r.entry, variants, profile, profileNorm, strong: r.strong, weak: r.weak });
    }
  }

  /** A capitalized name of the knowledge that is not one of the vocabulary's entities ("Apple"). */
  isForeignName(t: string): boolean {
    return this.entities.has(t) && !isEntityTerm(t);
  }

  /** True when the entry's questions or aliases hold the term (what the entry is asked about). */
  asks(id: string, term: string): boolean {
    const i = this.positions.get(id);
    return i !== undefined && (this.items[i] as IndexedEntry).strong.has(term);
  }

  /** Number of entries that hold the term. */
  frequency(t: string): number {
    return this.df.get(t) ?? 0;
  }

  /** True when the term is in so many entries (DeepSeek) that naming it says nothing about which fits. */
  isCommon(t: string): boolean {
    return (this.df.get(t) ?? 0) > this.items.length * COMMON_ENTITY_SHARE;
  }

  private termIdf(t: string): number {
    return this.idf.get(t) ?? this.maxIdf * UNKNOWN_WEIGHT;
  }

  /** Query words → search terms, with typos corrected against the index's vocabulary. */
  queryTerms(text: string): string[] {
    return this.prepare(text).terms;
  }

  /** True when the entry's questions, aliases or answer hold the term. */
  mentions(id: string, term: string): boolean {
    const i = this.positions.get(id);
    if (i === undefined) return false;
    const item = this.items[i] as IndexedEntry;
    return item.strong.has(term) || item.weak.has(term);
  }

  /** True when the index has this term (in some entry's questions, aliases or answers). */
  knows(term: string): boolean {
    return this.idf.has(term);
  }

  /**
   * Reads a question: terms (typos corrected), plus the unknown parts of hyphenated names
   * ("DeepSeek-Coder", "Llama-4"): a product the knowledge never mentions, so no entry should answer for it.
   */
  prepare(text: string): PreparedQuery {
    const analysis = this.lexicon.analyze(text);
    const terms: string[] = [];
    const seen = new Set<string>();
    const unknownWords = new Map<string, string>();
    const unknown: string[] = [];
    let corrected = 0;
    for (const tok of analysis.tokens) {
      let t = tok.term;
      if (t === undefined) {
        const w = tok.word;
        t = this.lexicon.term(w);
        if (!this.idf.has(t) && !this.knownWords.has(w)) {
          const fixed = this.corrector.correct(w);
          if (fixed) {
            t = this.lexicon.term(fixed);
            corrected += 1;
          }
          unknownWords.set(w, t);
        }
      }
      if (!seen.has(t)) {
        seen.add(t);
        terms.push(t);
        if (!this.idf.has(t)) unknown.push(t);
      }
    }
    const names = new Set<string>();
    for (const compound of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
      const parts = fold(compound[0]).split(' ');
      // A product is a known name or a version with another part ("DeepSeek-Coder", "Llama-4");
      // "game-changer", "world-class" or "AI-linked" are plain words.
      if (!parts.some((p) => /\d/.test(p) || isEntityTerm(this.lexicon.term(p)))) continue;
      for (const part of parts) {
        const t = unknownWords.get(part);
        if (t !== undefined) names.add(t);
      }
    }
    return { terms, names, folded: analysis.folded, raw: analysis.raw, unknown, corrected, soft: new Set() };
  }

  search(text: string, limit = 5): SearchHit[] {
    return this.searchPrepared(this.prepare(text), limit);
  }

  /** Ranks the entries for a prepared (possibly rewritten) question. */
  searchPrepared(analyzed: PreparedQuery, limit = 5): SearchHit[] {
    const qterms = analyzed.terms;
    if (qterms.length === 0) return [];
    // What the question asks weighs more than what it inherits from the conversation.
    const weights = qterms.map((t) => this.termIdf(t) * (analyzed.soft.has(t) ? SOFT_WEIGHT : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const asksAboutNow = qterms.includes('now');
    // Keyword prefilter: accumulate the covered weight through the postings, keep the best candidates.
    const acc = this.scratch;
    const touched: number[] = [];
    qterms.forEach((t, k) => {
      const w = weights[k] as number;
      const p = this.postings.get(t);
      if (!p) return;
      for (const i of p.strong) {
        if (acc[i] === 0) touched.push(i);
        acc[i] = (acc[i] as number) + w;
      }
      for (const i of p.weak) {
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
    const scored: Scored[] = [];
    let kth = 0;
    for (const [i, covered] of candidates) {
      const coverage = covered / total;
      // Penalties only lower a score: once even a perfect variant could not enter the top, stop.
      if (scored.length >= keep && W_COVERAGE * coverage + W_VARIANT + W_PROFILE <= kth) break;
      const item = this.items[i] as IndexedEntry;
      let best = 0;
      const near: Variant[] = [];
      for (const v of item.variants) {
        let shared = 0;
        for (let k = 0; k < qterms.length; k++) {
          if (v.terms.includes(qterms[k] as string)) shared += weights[k] as number;
        }
        if (shared === 0) continue;
        near.push(v);
        const precision = shared / Math.max(v.weight, 1e-9);
        const recall = shared / total;
        const f = (2 * precision * recall) / (precision + recall);
        if (f > best) best = f;
      }
      let named = 0;
      let sharesEntity = false;
      for (const t of qterms) {
        named += item.profile.get(t) ?? 0;
        if (isEntityTerm(t) && (item.strong.has(t) || item.weak.has(t)) && !this.isCommon(t))
          sharesEntity = true;
      }
      const profiled = Math.min(1, named / Math.max(item.profileNorm, 1e-9));
      let score = W_COVERAGE * coverage + W_VARIANT * best + W_PROFILE * profiled;
      let mismatch = asksAboutNow;
      for (const t of qterms) {
        const absent = !item.strong.has(t) && !item.weak.has(t);
        // A name the entry never mentions (Nvidia, o1) or an unknown one with digits (R2, GPT-5, 2026).
        if (
          absent &&
          (this.entities.has(t) ||
            analyzed.names.has(t) ||
            (!this.idf.has(t) && (/^[a-z]+\d/.test(t) || /^(19|20)\d\d$/.test(t))))
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
        else if (INTENT_TERMS.has(t) && !item.strong.has(t)) score *= INTENT_PENALTY;
        else if (!item.strong.has(t) && this.lexicon.kind(t) === 'aspect')
          score *= absent ? ASPECT_PENALTY : ASPECT_WEAK_PENALTY;
      }
      if (asksAboutNow) score *= NOW_PENALTY;
      scored.push({ i, score, mismatch, coverage, near });
      if (scored.length >= keep) {
        scored.sort((a, b) => b.score - a.score);
        scored.length = keep;
        kth = (scored[keep - 1] as Scored).score;
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const top = scored.slice(0, keep);
    if (this.options.rescore !== false && top.length > 0) this.rescoreByWording(analyzed.folded, top);
    return top.slice(0, limit).map((s) => {
      const hit: SearchHit = {
        id: (this.items[s.i] as IndexedEntry).entry.id,
        score: round(s.score),
        coverage: round(s.coverage),
      };
      if (s.mismatch) hit.mismatch = true;
      return hit;
    });
  }

  /** Blends in a character-trigram similarity between the query and the candidates' question variants. */
  private rescoreByWording(folded: string, top: Scored[]): void {
    const query = trigrams(folded);
    const qn = query.length;
    if (qn === 0) return;
    for (const s of top) {
      let sim = 0;
      for (const v of s.near) {
        v.grams ??= trigrams(v.folded);
        const vn = v.grams.length;
        // Dice cannot exceed 2·min/(sum) of the two sizes: a variant below the best so far is not compared.
        if ((2 * Math.min(qn, vn)) / (qn + vn) <= sim) continue;
        sim = Math.max(sim, dice(query, v.grams));
      }
      s.score = s.score * (1 - WORDING_WEIGHT) + sim * WORDING_WEIGHT;
    }
    top.sort((a, b) => b.score - a.score);
  }
}

/** The distinct character trigrams of ` text `, each packed into one number (3 UTF-16 units), sorted. */
function trigrams(text: string): Float64Array {
  const padded = ` ${text} `;
  const n = Math.max(0, padded.length - 2);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = padded.charCodeAt(i) * 4294967296 + padded.charCodeAt(i + 1) * 65536 + padded.charCodeAt(i + 2);
  out.sort();
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[k - 1]) out[k++] = out[i] as number;
  return out.slice(0, k);
}

/** Dice coefficient of two sorted sets of packed trigrams. */
function dice(a: Float64Array, b: Float64Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
