/** Synthetic knowledge bases for the benchmarks, written like the shipped entries. */
import type { KnowledgeBase } from '../src/core/index.js';
import type { Entry } from '../src/core/knowledge/types.js';
import type { EvalQuestion } from '../src/eval/run.js';
import { prng } from './lib.js';
import { mutate } from './questions.js';

/** A synthetic base of `size` entries written like the shipped ones, and questions with known targets. */
export function synthetic(
  base: KnowledgeBase,
  size: number,
  queries: number,
): { kb: KnowledgeBase; qs: EvalQuestion[] } {
  const rand = prng(42);
  const vocab = [
    ...new Set(
      base.entries
        .flatMap((e) => [...e.questions.en, ...e.questions.fr].join(' ').split(/\s+/))
        .map((w) => w.replace(/[^\p{L}\p{N}-]/gu, ''))
        .filter((w) => w.length > 3),
    ),
  ];
  const pick = () => vocab[Math.floor(rand() * vocab.length)] as string;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const entries: Entry[] = [];
  for (let i = 0; i < size; i++) {
    const key = `${pick()} ${pick()} ${pick()}`;
    const q = () =>
      Array.from({ length: 4 }, (_, k) => `${k % 2 ? sentence(2) : ''} ${key} ${sentence(2 + k)}?`.trim());
    entries.push({
      id: `syn-${i}`,
      topic: `t${i % 20}`,
      file: `t${i % 20}.yaml`,
      questions: { en: q(), fr: q() },
      aliases: [`${pick()} ${pick()}`],
      answer: { en: sentence(30), fr: sentence(30) },
      fields: [],
      source: { url: 'https://example.com/source', date: '2025-01-27' },
      related: i > 0 ? [`syn-${i - 1}`] : [],
    });
  }
  const topics = Array.from({ length: 20 }, (_, t) => ({
    id: `t${t}`,
    name: { en: `Topic ${t}`, fr: `Sujet ${t}` },
    entryIds: entries.filter((e) => e.topic === `t${t}`).map((e) => e.id),
  }));
  const qs: EvalQuestion[] = [];
  for (let k = 0; k < queries; k++) {
    const e = entries[Math.floor(rand() * size)] as Entry;
    const source = e.questions.en[Math.floor(rand() * 4)] as string;
    qs.push({ question: mutate(source, rand), lang: 'en', category: 'synthetic', expect: e.id });
  }
  return { kb: { ...base, entries, byId: new Map(entries.map((e) => [e.id, e])), topics }, qs };
}
