/**
 * Question sets for the benchmarks: the evaluation set as written, and an endless supply of unique
 * variants of it — typos, swapped words, changed case — so that no answer cache or warm typo cache
 * sees the same text twice. Each variant keeps the label of the question it came from.
 */
import { existsSync } from 'node:fs';
import { type EvalQuestion, readQuestions } from '../src/eval/run.js';
import { prng } from './lib.js';

export const EVAL_FILE = 'tests/eval/questions.jsonl';

export function evalQuestions(): EvalQuestion[] {
  if (!existsSync(EVAL_FILE)) throw new Error(`${EVAL_FILE} is missing`);
  return readQuestions(EVAL_FILE);
}

const KEYBOARD: Record<string, string> = {
  a: 'qsz',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'rz',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'km',
  m: 'ln',
  n: 'bm',
  o: 'ip',
  p: 'ol',
  q: 'wa',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'xe',
};

type Rand = () => number;
const pickIndex = (rand: Rand, n: number) => Math.floor(rand() * n);

/** One typo in one word of at least 4 letters: swapped, dropped, doubled or neighbouring key. */
function typo(words: string[], rand: Rand): void {
  const candidates = words.map((w, i) => (/^\p{L}{4,}$/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return;
  const wi = candidates[pickIndex(rand, candidates.length)] as number;
  const w = words[wi] as string;
  const i = 1 + pickIndex(rand, w.length - 2);
  const kind = pickIndex(rand, 4);
  let out = w;
  if (kind === 0) out = w.slice(0, i) + (w[i + 1] ?? '') + (w[i] ?? '') + w.slice(i + 2);
  else if (kind === 1) out = w.slice(0, i) + w.slice(i + 1);
  else if (kind === 2) out = w.slice(0, i) + (w[i] ?? '') + w.slice(i);
  else {
    const near = KEYBOARD[(w[i] ?? '').toLowerCase()];
    if (near) out = w.slice(0, i) + (near[pickIndex(rand, near.length)] ?? '') + w.slice(i + 1);
  }
  words[wi] = out;
}

function swapWords(words: string[], rand: Rand): void {
  if (words.length < 3) return;
  const i = pickIndex(rand, words.length - 1);
  const a = words[i] as string;
  words[i] = words[i + 1] as string;
  words[i + 1] = a;
}

function changeCase(words: string[], rand: Rand): void {
  const kind = pickIndex(rand, 3);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (kind === 0) words[i] = w.toLowerCase();
    else if (kind === 1) words[i] = w.toUpperCase();
    else words[i] = w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
  }
}

const MUTATIONS = [typo, typo, swapWords, changeCase];

/** A variant of `text` with 1 to 3 mutations. */
export function mutate(text: string, rand: Rand): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const n = 1 + pickIndex(rand, 3);
  for (let k = 0; k < n; k++)
    (MUTATIONS[pickIndex(rand, MUTATIONS.length)] as (w: string[], r: Rand) => void)(words, rand);
  return words.join(' ');
}

/**
 * Yields unique mutated questions forever (each text once, none equal to a source question),
 * cycling through the sources in a seeded order.
 */
export function* uniqueVariants(sources: EvalQuestion[], seed = 7): Generator<EvalQuestion> {
  const rand = prng(seed);
  const seen = new Set(sources.map((q) => q.question));
  for (;;) {
    let produced = 0;
    for (const q of sources) {
      for (let attempt = 0; attempt < 20; attempt++) {
        let text = mutate(q.question, rand);
        // When the easy variants of a question are used up, stack mutations (rarely needed).
        for (let extra = 0; extra < Math.floor(attempt / 5); extra++) text = mutate(text, rand);
        if (!seen.has(text)) {
          seen.add(text);
          produced++;
          yield { ...q, question: text, category: `${q.category}+mutated` };
          break;
        }
      }
    }
    if (produced === 0) throw new Error('no more unique variants');
  }
}

/** The first n unique variants. */
export function takeVariants(sources: EvalQuestion[], n: number, seed = 7): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  for (const q of uniqueVariants(sources, seed)) {
    out.push(q);
    if (out.length >= n) break;
  }
  return out;
}
