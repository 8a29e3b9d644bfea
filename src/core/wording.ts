/**
 * Wording similarity: character trigrams of a text and their Dice coefficient, for the search's final
 * rescore of its best candidates on how close a stored question is worded to the one asked.
 */

/** The distinct character trigrams of ` text `, each packed into one number (3 UTF-16 units), sorted. */
export function trigrams(text: string): Float64Array {
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

/**
 * The Dice coefficient of two sorted sets of packed trigrams, 2·|A∩B| / (|A| + |B|), when it exceeds
 * `floor` (0 ≤ floor), else some value no greater than `floor`: the merge
 * stops as soon as too many trigrams of either side went unmatched for the coefficient to exceed it.
 * For a running maximum, `max(floor, diceAbove(a, b, floor))` equals `max(floor, dice)` exactly
 * (tests/core/hot-path.test.ts checks it against the plain merge).
 */
export function diceAbove(a: Float64Array, b: Float64Array, floor: number): number {
  const n = a.length + b.length;
  // The fewest shared trigrams whose coefficient, computed as dice computes it, exceeds the floor.
  let need = Math.max(0, Math.floor((floor * n) / 2) - 1);
  while ((2 * need) / n <= floor) {
    need++;
    if (need > a.length || need > b.length) return 0;
  }
  let missA = a.length - need;
  let missB = b.length - need;
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
    } else if (x < y) {
      if (--missA < 0) return 0;
      i++;
    } else {
      if (--missB < 0) return 0;
      j++;
    }
  }
  return (2 * shared) / n;
}
