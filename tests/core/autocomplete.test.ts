import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLETE_ALL_UP_TO } from '../../src/core/complete.js';
import { createEngine, loadKnowledge } from '../../src/core/index.js';
import type { Entry } from '../../src/core/knowledge/types.js';

/**
 * Autocomplete in a large base: fuse.js no longer reads every stored question on each keystroke, only
 * those of the entries the search finds and of the entries whose questions hold the typed text.
 */
const base = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const copies: Entry[] = Array.from({ length: COMPLETE_ALL_UP_TO + 100 }, (_, i) => {
  const e = base.entries[i % base.entries.length] as Entry;
  const tag = `lot${i}`;
  return {
    ...e,
    id: `${e.id}-${tag}`,
    related: [],
    questions: { en: e.questions.en.map((q) => `${tag} ${q}`), fr: e.questions.fr.map((q) => `${tag} ${q}`) },
  };
});
const entries = [...base.entries, ...copies];
const large = createEngine({ ...base, entries, byId: new Map(entries.map((e) => [e.id, e])) });
const small = createEngine(base);

describe('autocomplete in a large base', () => {
  it('suggests the stored question whose start is being typed, in either language and any case', () => {
    for (const copy of [copies[7], copies[211], copies[copies.length - 1]] as Entry[]) {
      const question = copy.questions.en[0] as string;
      const typed = question.slice(0, question.indexOf(' ') + 8);
      const names = large.complete(typed, 'en', 25).map((c) => c.name);
      expect(names, typed).toContain(question.length > 100 ? `${question.slice(0, 99)}…` : question);
    }
    const fr = copies[42]?.questions.fr[0] as string;
    expect(large.complete(fr.slice(0, 14).toUpperCase(), 'fr', 25).map((c) => c.name)).toContain(fr);
  });

  it('keeps the typed word order, which the search does not see, among many entries of the same words', () => {
    // 400 entries asking the same words in different orders: the search ranks them all alike.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const words = ['nvidia', 'market', 'value', 'loss', 'record', 'january', 'shares', 'drop'];
    const orders: Entry[] = Array.from({ length: 400 }, (_, i) => {
      const shuffled = [...words].sort(() => next() - 0.5).join(' ');
      const e = base.entries[0] as Entry;
      return {
        ...e,
        id: `order-${i}`,
        related: [],
        questions: { en: [`${shuffled} ${i}?`], fr: e.questions.fr },
      };
    });
    const all = [...base.entries, ...orders];
    const engine = createEngine({ ...base, entries: all, byId: new Map(all.map((e) => [e.id, e])) });
    for (const i of [3, 150, 399]) {
      const question = orders[i]?.questions.en[0] as string;
      const typed = question.split(' ').slice(0, 5).join(' ');
      expect(
        engine.complete(typed, 'en', 25).map((c) => c.name),
        typed,
      ).toContain(question);
    }
  });

  it('finds a misspelt question through the search, as in a small base', () => {
    for (const engine of [small, large]) {
      const choices = engine.complete('nvidai los', 'en', 25);
      expect(choices.length).toBeGreaterThan(0);
      expect(choices[0]?.name.toLowerCase()).toContain('nvidia');
    }
  });

  it('keeps its limits (at most 25 choices of at most 100 characters) and reads symbols as text', () => {
    const choices = large.complete('deepseek', 'en', 40);
    expect(choices.length).toBe(25);
    for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
    const symbols = large.complete('nvidia (*[?', 'en', 25);
    expect(symbols[0]?.name.toLowerCase()).toContain('nvidia');
  });
});
