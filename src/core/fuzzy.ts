/** Typo correction: bounded Damerau-Levenshtein (optimal string alignment) over a word list bucketed by length. */

import { Memo } from './memo.js';

/** Rows of the distance table, reused by every call (grown when a longer word comes): no allocation per call. */
let rowPrev2 = new Int32Array(64);
let rowPrev = new Int32Array(64);
let rowCur = new Int32Array(64);

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (rowCur.length < n + 1) {
    const size = Math.max(n + 1, rowCur.length * 2);
    rowPrev2 = new Int32Array(size);
    rowPrev = new Int32Array(size);
    rowCur = new Int32Array(size);
  }
  let prev2 = rowPrev2;
  let prev = rowPrev;
  let cur = rowCur;
  for (let j = 0; j <= n; j++) {
    prev2[j] = 0;
    prev[j] = j;
    cur[j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj)
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n] as number;
}

/** How many edits a word of this length may carry and still be recognized. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

const NONE: readonly string[] = [];
/** Corrections kept between questions. */
const CORRECTIONS_KEPT = 50_000;

export class Corrector {
  /** Known words by length, then by first code unit (a correction keeps the first letter). */
  private readonly byLength = new Map<number, Map<string, string[]>>();
  private readonly cache = new Memo<string, string | null>(CORRECTIONS_KEPT);

  /** `words`, the most frequent first: on equal distance, the word listed first wins. */
  constructor(words: Iterable<string>) {
    for (const w of words) {
      let byFirst = this.byLength.get(w.length);
      if (!byFirst) {
        byFirst = new Map();
        this.byLength.set(w.length, byFirst);
      }
      const first = w[0] as string;
      const list = byFirst.get(first);
      if (list) list.push(w);
      else byFirst.set(first, [w]);
    }
  }

  /** The closest known word within the allowed edits, or null. */
  correct(word: string): string | null {
    const cached = this.cache.peek(word);
    if (cached !== undefined) return cached;
    const max = allowedEdits(word.length);
    let best: string | null = null;
    let bestDist = max + 1;
    // Typos rarely hit the first letter; keeping it keeps "explication" from becoming "application".
    const first = word[0] as string;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len)?.get(first) ?? NONE) {
        const d = editDistance(word, candidate, bestDist);
        // On a tie, a longer word wins: a dropped letter is a more common typo than an added one.
        if (d < bestDist || (d === bestDist && best !== null && candidate.length > best.length && d <= max)) {
          bestDist = d;
          best = candidate;
        }
      }
    }
    this.cache.set(word, best);
    return best;
  }
}
