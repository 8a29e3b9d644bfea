import { Corrector } from './fuzzy.js';
import type { Entry } from './knowledge/types.js';
import { fold, isConcept, synonymWords, term, words } from './normalize.js';

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
  terms: Set<string>;
  /** Sum of the IDF of its terms. */
  weight: number;
  folded: string;
  /** Character trigrams of `folded`, computed on first use. */
  grams?: Set<string>;
}

interface IndexedEntry {
  entry: Entry;
  variants: Variant[];
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
const INTENT_PENALTY = 0.85;
/** The knowledge is about January 2025: "today", "currently", "maintenant" ask for news it does not have. */
const NOW_PENALTY = 0.7;
const RESCORED = 6;
/** Candidates fully scored after the keyword prefilter. */
const PREFILTER = 48;
const WORDING_WEIGHT = 0.1;

export interface SearchOptions {
  /** Re-score the best candidates on their wording (on by default). */
  rescore?: boolean;
}

export class SearchIndex {
  private readonly items: IndexedEntry[] = [];
  /** Term → entries whose questions or aliases hold it (strong) or only whose answer does (weak). */
  private readonly postings = new Map<string, { strong: number[]; weak: number[] }>();
  /** Per-entry accumulator reused by every query (reset after use). */
  private scratch = new Float64Array(0);
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly corrector: Corrector;
  private readonly knownWords = new Set<string>();
  /** Terms written as names in the knowledge (capitalized or with digits: Nvidia, R1, TSMC) but not ubiquitous. */
  private readonly entities = new Set<string>();

  constructor(
    entries: Entry[],
    private readonly options: SearchOptions = {},
  ) {
    const wordFreq = new Map<string, number>();
    const addWords = (text: string) => {
      for (const w of words(text)) {
        wordFreq.set(w, (wordFreq.get(w) ?? 0) + 1);
      }
    };
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
              const folded = words(w)[0];
              if (folded && !isConcept(term(folded))) named.add(term(folded));
            }
          });
      }
      const variantTerms = questions.map((q) => ({ terms: new Set(words(q).map(term)), folded: fold(q) }));
      const strong = new Set(variantTerms.flatMap((v) => [...v.terms]));
      const weak = new Set(
        [...words(entry.answer.en), ...words(entry.answer.fr)].map(term).filter((t) => !strong.has(t)),
      );
      return { entry, variantTerms, strong, weak };
    });
    for (const w of synonymWords()) if (!wordFreq.has(w)) wordFreq.set(w, 1);
    for (const w of wordFreq.keys()) this.knownWords.add(w);
    this.corrector = new Corrector(wordFreq);

    const df = new Map<string, number>();
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
      if (d > 0 && d <= n * 0.75 && !/^\d+$/.test(t)) this.entities.add(t);
    }

    for (const r of raw) {
      const variants = r.variantTerms.map((v) => ({
        terms: v.terms,
        folded: v.folded,
        weight: [...v.terms].reduce((s, t) => s + this.termIdf(t), 0),
      }));
      this.items.push({ entry: r.entry, variants, strong: r.strong, weak: r.weak });
    }
  }

  private termIdf(t: string): number {
    return this.idf.get(t) ?? this.maxIdf * UNKNOWN_WEIGHT;
  }

  /** Query words → search terms, with typos corrected against the index's vocabulary. */
  queryTerms(text: string): string[] {
    return [...this.analyze(text).terms];
  }

  /**
   * Terms of a query, plus the unknown ones that are part of a hyphenated name ("DeepSeek-Coder",
   * "Llama-4"): a product the knowledge never mentions, so no entry should answer for it.
   */
  private analyze(text: string): { terms: Set<string>; names: Set<string> } {
    const terms = new Set<string>();
    const unknown = new Map<string, string>();
    for (const w of words(text)) {
      let t = term(w);
      if (!this.idf.has(t) && !this.knownWords.has(w)) {
        const fixed = this.corrector.correct(w);
        if (fixed) t = term(fixed);
        unknown.set(w, t);
      }
      terms.add(t);
    }
    const names = new Set<string>();
    for (const compound of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
      for (const part of words(compound[0].replace(/-/g, ' '))) {
        const t = unknown.get(part);
        if (t !== undefined) names.add(t);
      }
    }
    return { terms, names };
  }

  search(text: string, limit = 5): SearchHit[] {
    const analyzed = this.analyze(text);
    const qterms = [...analyzed.terms];
    if (qterms.length === 0) return [];
    const weights = qterms.map((t) => this.termIdf(t));
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
      if (scored.length >= keep && 0.55 * coverage + 0.45 <= kth) break;
      const item = this.items[i] as IndexedEntry;
      let best = 0;
      const near: Variant[] = [];
      for (const v of item.variants) {
        let shared = 0;
        for (let k = 0; k < qterms.length; k++) {
          if (v.terms.has(qterms[k] as string)) shared += weights[k] as number;
        }
        if (shared === 0) continue;
        near.push(v);
        const precision = shared / Math.max(v.weight, 1e-9);
        const recall = shared / total;
        const f = (2 * precision * recall) / (precision + recall);
        if (f > best) best = f;
      }
      let score = 0.55 * coverage + 0.45 * best;
      let mismatch = asksAboutNow;
      for (const t of qterms) {
        const absent = !item.strong.has(t) && !item.weak.has(t);
        // A name the entry never mentions (Nvidia, o1) or an unknown one with digits (R2, GPT-5, 2026).
        if (
          absent &&
          (this.entities.has(t) || analyzed.names.has(t) || (!this.idf.has(t) && /^[a-z]+\d/.test(t)))
        ) {
          score *= ENTITY_PENALTY;
          mismatch = true;
        }
        // "why" / "when" / "who" asked of an entry that answers something else.
        else if (INTENT_TERMS.has(t) && !item.strong.has(t)) score *= INTENT_PENALTY;
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
    if (this.options.rescore !== false && top.length > 0) this.rescoreByWording(text, top);
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
  private rescoreByWording(text: string, top: Scored[]): void {
    const query = [...trigrams(fold(text))];
    if (query.length === 0) return;
    for (const s of top) {
      let sim = 0;
      for (const v of s.near) {
        v.grams ??= trigrams(v.folded);
        sim = Math.max(sim, dice(query, v.grams));
      }
      s.score = s.score * (1 - WORDING_WEIGHT) + sim * WORDING_WEIGHT;
    }
    top.sort((a, b) => b.score - a.score);
  }
}

function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function dice(a: string[], b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return (2 * shared) / (a.length + b.size);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
