/** Typo correction: bounded Damerau-Levenshtein (optimal string alignment) over a word list bucketed by length. */

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** How many edits a word of this length may carry and still be recognized. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

export class Corrector {
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string | null>();

  /** `words` with their frequency: on equal distance, the more frequent word wins. */
  constructor(words: Map<string, number>) {
    const sorted = [...words.entries()].sort((a, b) => b[1] - a[1]);
    for (const [w] of sorted) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The closest known word within the allowed edits, or null. */
  correct(word: string): string | null {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const max = allowedEdits(word.length);
    let best: string | null = null;
    let bestDist = max + 1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Typos rarely hit the first letter; checking it keeps "explication" from becoming "application".
        if (candidate[0] !== word[0]) continue;
        const d = editDistance(word, candidate, bestDist);
        // On a tie, a longer word wins: a dropped letter is a more common typo than an added one.
        if (d < bestDist || (d === bestDist && best !== null && candidate.length > best.length && d <= max)) {
          bestDist = d;
          best = candidate;
        }
      }
    }
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }
}
