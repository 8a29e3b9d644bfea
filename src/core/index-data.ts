import type { Entry } from './knowledge/types.js';
import { isEntityTerm, type Lexicon } from './lexicon.js';
import { fold } from './normalize.js';

/**
 * How the search index is built and stored: the knowledge read once into typed arrays (IndexData), in the
 * reload worker or at start-up, and wrapped by a SearchIndex (search.ts) that scores questions against it.
 */

/** An entry is about its few heaviest terms: a question naming them fits, whatever else it says. */
const PROFILE_TOP = 4;

/**
 * The index in a compact form made of typed arrays and string lists: built once (on the main thread at
 * start-up, or in the reload worker), structured-clonable, its buffers transferable, and wrapped by a
 * SearchIndex without rework. Terms are numbered in the order they first occur; an entry's terms and a
 * variant's terms are ranges of shared arrays ("CSR" layout), not objects of their own.
 */
export interface IndexData {
  /** Number of entries indexed (a check against the entries it is wrapped with). */
  entries: number;
  /** Term id → term. */
  terms: string[];
  /** Term id → number of entries holding it. */
  df: Uint32Array;
  /** Term id → its postings: postEntries[postStart[t] .. postWeak[t]) strong, then .. postStart[t + 1]) weak. */
  postStart: Uint32Array;
  postWeak: Uint32Array;
  postEntries: Uint32Array;
  /** Entry → its terms (questions, aliases and answer), sorted by id: slotTerm[slotStart[i] .. slotStart[i + 1]). */
  slotStart: Uint32Array;
  slotTerm: Uint32Array;
  /** How many of the entry's variants hold the term; 0 when only its answer does. */
  slotCount: Uint32Array;
  /** Entry → sum of its PROFILE_TOP heaviest profile weights. */
  profileNorm: Float64Array;
  /** Entry → its variants (questions en, fr, then aliases): variantStart[i] .. variantStart[i + 1]. */
  variantStart: Uint32Array;
  /** Variant → its distinct terms in order: variantTerms[variantTermStart[v] .. variantTermStart[v + 1]). */
  variantTermStart: Uint32Array;
  variantTerms: Uint32Array;
  /** Variant → sum of the IDF of its terms. */
  variantWeight: Float64Array;
  /** Words of the knowledge and the vocabulary, most frequent first: the typo corrector's targets. */
  words: string[];
  /** Terms written as names in the knowledge (Nvidia, R1, TSMC) but not ubiquitous. */
  entities: string[];
}

/**
 * Reads the knowledge into an IndexData: every question variant, alias and answer turned into terms,
 * the typo corrector's words, the names, the postings and weights. The costly part of an index (in the
 * reload worker, it never pauses the answers); deterministic, so the same entries give the same data.
 */
export function buildIndexData(entries: readonly Entry[], lexicon: Lexicon): IndexData {
  const wordFreq = new Map<string, number>();
  const addWords = (text: string) => {
    for (const t of lexicon.analyze(text).tokens) {
      if (t.term === undefined) wordFreq.set(t.word, (wordFreq.get(t.word) ?? 0) + 1);
    }
  };
  const named = new Set<string>();
  /** A name-like word → its term when it is a name (not a stop word or a concept), else null. */
  const nameTerms = new Map<string, string | null>();
  const nameTerm = (w: string): string | null => {
    let t = nameTerms.get(w);
    if (t === undefined) {
      const folded = fold(w);
      t = null;
      if (folded && !lexicon.isStopWord(folded)) {
        const term = lexicon.term(folded);
        if (lexicon.kind(term) === undefined) t = term;
      }
      nameTerms.set(w, t);
    }
    return t;
  };
  const raw = entries.map((entry) => {
    const questions = variantTexts(entry);
    for (const q of questions) addWords(q);
    addWords(entry.answer.en);
    addWords(entry.answer.fr);
    for (const q of questions) {
      // Capitalized words past the first, or words with digits, are names: Nvidia, R1, TSMC.
      q.split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .forEach((w, position) => {
          if ((position > 0 && /^\p{Lu}/u.test(w)) || /\d/.test(w)) {
            const t = nameTerm(w);
            if (t !== null) named.add(t);
          }
        });
    }
    const variantTerms = questions.map((q) => [...new Set(lexicon.terms(q))]);
    const strong = new Set(variantTerms.flat());
    const weak = new Set(
      [...lexicon.terms(entry.answer.en), ...lexicon.terms(entry.answer.fr)].filter((t) => !strong.has(t)),
    );
    return { variantTerms, strong, weak };
  });
  // Short names (tickers: AVGO, TSM, SOX) are no typo targets: "algo" is not Broadcom.
  for (const w of lexicon.vocabularyWords())
    if (!wordFreq.has(w) && !(w.length < 5 && isEntityTerm(lexicon.term(w)))) wordFreq.set(w, 1);
  // On equal frequency, the word seen first stays first (a stable sort).
  const words = [...wordFreq.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);

  // Terms are numbered as they first occur; each entry's strong terms, then its weak ones.
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const df: number[] = [];
  const strongOf: number[][] = [];
  const weakOf: number[][] = [];
  const idOf = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = terms.length;
      ids.set(t, id);
      terms.push(t);
      df.push(0);
      strongOf.push([]);
      weakOf.push([]);
    }
    return id;
  };
  raw.forEach((r, i) => {
    for (const t of r.strong) {
      const id = idOf(t);
      df[id] = (df[id] as number) + 1;
      (strongOf[id] as number[]).push(i);
    }
    for (const t of r.weak) {
      const id = idOf(t);
      df[id] = (df[id] as number) + 1;
      (weakOf[id] as number[]).push(i);
    }
  });
  const n = Math.max(entries.length, 1);
  const idf = df.map((d) => Math.log(1 + n / d));
  const entities = new Set<string>();
  for (const t of named) {
    const id = ids.get(t);
    const d = id === undefined ? 0 : (df[id] as number);
    if (d > 0 && d <= n * 0.75 && !/^\d/.test(t)) entities.add(t);
  }
  // The vocabulary's entities are names wherever they occur.
  terms.forEach((t, id) => {
    if (isEntityTerm(t) && (df[id] as number) <= n * 0.75) entities.add(t);
  });

  const postStart: number[] = [];
  const postWeak: number[] = [];
  const postEntries: number[] = [];
  for (let id = 0; id < terms.length; id++) {
    postStart.push(postEntries.length);
    for (const i of strongOf[id] as number[]) postEntries.push(i);
    postWeak.push(postEntries.length);
    for (const i of weakOf[id] as number[]) postEntries.push(i);
  }
  postStart.push(postEntries.length);

  const slotStart: number[] = [];
  const slotTerm: number[] = [];
  const slotCount: number[] = [];
  const profileNorm: number[] = [];
  const variantStart: number[] = [];
  const variantTermStart: number[] = [];
  const variantTerms: number[] = [];
  const variantWeight: number[] = [];
  for (const r of raw) {
    variantStart.push(variantTermStart.length);
    const counts = new Map<number, number>();
    for (const v of r.variantTerms) {
      variantTermStart.push(variantTerms.length);
      let weight = 0;
      for (const t of v) {
        const id = ids.get(t) as number;
        variantTerms.push(id);
        weight += idf[id] as number;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      variantWeight.push(weight);
    }
    // The profile: term → share of the entry's variants holding it × its IDF (what the entry is about).
    const nv = Math.max(r.variantTerms.length, 1);
    profileNorm.push(
      [...counts]
        .map(([id, c]) => (c / nv) * (idf[id] as number))
        .sort((a, b) => b - a)
        .slice(0, PROFILE_TOP)
        .reduce((a, b) => a + b, 0),
    );
    const slots = [...r.strong, ...r.weak].map((t) => ids.get(t) as number).sort((a, b) => a - b);
    slotStart.push(slotTerm.length);
    for (const id of slots) {
      slotTerm.push(id);
      slotCount.push(counts.get(id) ?? 0);
    }
  }
  variantStart.push(variantTermStart.length);
  variantTermStart.push(variantTerms.length);
  slotStart.push(slotTerm.length);
  return {
    entries: entries.length,
    terms,
    df: Uint32Array.from(df),
    postStart: Uint32Array.from(postStart),
    postWeak: Uint32Array.from(postWeak),
    postEntries: Uint32Array.from(postEntries),
    slotStart: Uint32Array.from(slotStart),
    slotTerm: Uint32Array.from(slotTerm),
    slotCount: Uint32Array.from(slotCount),
    profileNorm: Float64Array.from(profileNorm),
    variantStart: Uint32Array.from(variantStart),
    variantTermStart: Uint32Array.from(variantTermStart),
    variantTerms: Uint32Array.from(variantTerms),
    variantWeight: Float64Array.from(variantWeight),
    words,
    entities: [...entities],
  };
}

/** The buffers of an IndexData, to transfer it to another thread instead of copying it. */
export function indexBuffers(d: IndexData): ArrayBuffer[] {
  return [
    d.df,
    d.postStart,
    d.postWeak,
    d.postEntries,
    d.slotStart,
    d.slotTerm,
    d.slotCount,
    d.profileNorm,
    d.variantStart,
    d.variantTermStart,
    d.variantTerms,
    d.variantWeight,
  ].map((a) => a.buffer as ArrayBuffer);
}

/** A question's texts as the index numbers its variants: English questions, French ones, then aliases. */
function variantTexts(entry: Entry): string[] {
  return [...entry.questions.en, ...entry.questions.fr, ...entry.aliases];
}

export function variantText(entry: Entry, k: number): string {
  const { en, fr } = entry.questions;
  if (k < en.length) return en[k] as string;
  if (k < en.length + fr.length) return fr[k - en.length] as string;
  return entry.aliases[k - en.length - fr.length] as string;
}
