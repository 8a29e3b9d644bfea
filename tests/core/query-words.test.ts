import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/index.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { SearchIndex } from '../../src/core/search.js';

const kb = loadKnowledge(join(import.meta.dirname, '../../knowledge'));
const lexicon = new Lexicon(kb.vocabulary);
const index = new SearchIndex(kb.entries, lexicon);

describe('query words the index does not know', () => {
  it('reach the knowledge’s own words through their Snowball stems, in both languages', () => {
    // "envoie" is not in the knowledge; "envoyer" is ("combien de tokens je peux envoyer…").
    expect(index.knows(lexicon.term('envoie'))).toBe(false);
    const fr = index.prepare('combien de tokens j’envoie à R1 ?');
    expect(fr.terms).toContain(lexicon.term('envoyer'));
    expect(fr.unknown).toEqual([]);
    expect(fr.corrected).toBe(0);
    // "attracting" → the term of "attractive" (an answer's word).
    const en = index.prepare('why is R1 attracting researchers?');
    expect(en.terms).toContain(lexicon.term('attractive'));
  });

  it('never turn a common word of four letters or more into a word of the knowledge', () => {
    // "cash" was read as "crash" (the selloff), "site" as "size", "peur" as "per", "trop" as "top".
    for (const word of ['cash', 'site', 'peur', 'trop']) {
      const q = index.prepare(`deepseek ${word}`);
      expect(q.corrected).toBe(0);
    }
    // A misspelt word of the knowledge still is corrected.
    expect(index.prepare('nvidai stock').terms).toContain(lexicon.term('nvidia'));
  });

  it('leave words the index knows as they are', () => {
    const text = 'combien coûte l’API de R1 ?';
    const q = index.prepare(text);
    expect(q.terms).toEqual(lexicon.terms(text));
    expect(q.unknown).toEqual([]);
    expect(q.corrected).toBe(0);
  });
});

describe('typo correction', () => {
  it('leaves common words of both languages alone: they are no typos of the knowledge’s words', () => {
    for (const [word, near] of [
      ['formation', 'fondation'],
      ['stick', 'stock'],
      ['influence', 'inference'],
    ] as const) {
      // Each is one or two edits from a word the knowledge uses, and unknown to it.
      expect(index.knows(lexicon.term(near))).toBe(true);
      const q = index.prepare(`DeepSeek ${word}`);
      expect(q.corrected).toBe(0);
      expect(q.terms).not.toContain(lexicon.term(near));
    }
  });

  it('never turns a name with digits into another one: the H200 is not the H800', () => {
    const q = index.prepare('is the H200 banned in China?');
    expect(q.corrected).toBe(0);
    expect(q.terms).toContain('h200');
    expect(q.terms).not.toContain('@h800');
  });

  it('gives a common word no name through a shared stem ("route" is not "rout")', () => {
    expect(index.prepare('tech rout').terms).toContain('@selloff');
    expect(index.prepare('combien de temps de route jusqu’à Lyon').terms).not.toContain('@selloff');
  });

  it('drops "j’aime / t’aime" before reading names ("aime" is also the AIME benchmark)', () => {
    expect(index.prepare('je t’aime').terms).not.toContain('@benchmarks');
    expect(index.prepare('R1 score on AIME').terms).toContain('@benchmarks');
  });

  it('reads a two-word name misspelt after its first word, but not a real word there', () => {
    expect(index.prepare('o1 mni pricing').terms).toContain('@o1-mini');
    expect(index.prepare('R1-Zro sur AIME').terms).toContain('@r1-zero');
    expect(index.prepare('o1 mind').terms).not.toContain('@o1-mini');
    // Only after a model's short name: "DeepSeek shook" is DeepSeek, not the "DeepSeek shock".
    expect(index.prepare('DeepSeek shook the market').terms).toContain('@deepseek');
  });

  it('still corrects typos', () => {
    const q = index.prepare('deepsek licnese');
    expect(q.corrected).toBe(2);
    expect(q.terms).toEqual(['@deepseek', lexicon.term('license')]);
  });
});
