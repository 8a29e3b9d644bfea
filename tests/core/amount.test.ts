import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmounts, MAX_TOKENS, parseAmount } from '../../src/core/cost/amount.js';

const tokens = (s: string) => {
  const r = parseAmount(s);
  return r.ok ? r.tokens : r.error;
};

describe('parseAmount', () => {
  it.each([
    ['10M', 10_000_000n],
    ['2.5 million', 2_500_000n],
    ['500k', 500_000n],
    ['1 000 000', 1_000_000n],
    ['1\u202f000\u202f000', 1_000_000n],
    ['1,000,000', 1_000_000n],
    ['2 millions de tokens', 2_000_000n],
    ['2,5 millions', 2_500_000n],
    ['1e6', 1_000_000n],
    ['3 milliards', 3_000_000_000n],
    ['1.5k tokens', 1_500n],
    ['750 jetons', 750n],
  ])('reads %s', (input, expected) => {
    expect(tokens(input)).toBe(expected);
  });

  it.each([
    ['-5', 'negative'],
    ['lots', 'unreadable'],
    ['1e99', 'too-large'],
    ['NaN', 'unreadable'],
    ['Infinity', 'unreadable'],
    ['0', 'zero'],
    ['', 'unreadable'],
  ])('refuses %s as %s', (input, error) => {
    expect(tokens(input)).toBe(error);
  });

  it('never throws, and any amount it accepts is a positive whole number within the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseAmount(s);
        if (r.ok) {
          expect(r.tokens > 0n && r.tokens <= MAX_TOKENS).toBe(true);
        } else {
          expect(['unreadable', 'negative', 'zero', 'too-large']).toContain(r.error);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any whole number written with grouping spaces or commas', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), (n) => {
        const en = n.toLocaleString('en-US');
        const fr = n.toLocaleString('fr-FR');
        expect(tokens(en)).toBe(n);
        expect(tokens(fr)).toBe(n);
      }),
    );
  });
});

describe('findAmounts', () => {
  it('finds an input/output split in both languages', () => {
    const en = findAmounts('1M in, 200k out on r1');
    expect(en.map((a) => [a.role, a.result.ok && a.result.tokens])).toEqual([
      ['input', 1_000_000n],
      ['output', 200_000n],
    ]);
    const fr = findAmounts('5M en entrée et 1M en sortie');
    expect(fr.map((a) => a.role)).toEqual(['input', 'output']);
  });
  it('ignores prices, model names, chip counts and percentages', () => {
    expect(findAmounts('R1 costs $2.19 per million tokens, o1 is 27x more')).toEqual([]);
    expect(findAmounts('2000 H800 chips, -16% for Nvidia')).toEqual([]);
  });
});
