import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/core/memo.js';
import { dice, diceAbove, trigrams } from '../../src/core/wording.js';

/** The hot path's shortcuts must give exactly what the plain computations give. */
describe('diceAbove', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' ', 'é'), maxLength: 40 });

  it('equals dice whenever dice exceeds the floor, and never exceeds the floor otherwise', () => {
    fc.assert(
      fc.property(text, text, fc.double({ min: 0, max: 1, noNaN: true }), (x, y, floor) => {
        const a = trigrams(x);
        const b = trigrams(y);
        const exact = dice(a, b);
        const fast = diceAbove(a, b, floor);
        // Two empty sets: 0 / 0, as dice gives.
        if (Number.isNaN(exact)) expect(fast).toBeNaN();
        else if (exact > floor) expect(fast).toBe(exact);
        else expect(fast).toBeLessThanOrEqual(floor);
        if (!Number.isNaN(exact)) expect(Math.max(floor, fast)).toBe(Math.max(floor, exact));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a running maximum equal to the plain one, floors taken from real coefficients', () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 12 }), (q, variants) => {
        const query = trigrams(q);
        let plain = 0;
        let fast = 0;
        for (const v of variants) {
          const g = trigrams(v);
          plain = Math.max(plain, dice(query, g));
          fast = Math.max(fast, diceAbove(query, g, fast));
        }
        expect(fast).toBe(plain);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Memo', () => {
  it('computes a key once while kept, and forgets everything when full', () => {
    const memo = new Memo<string, string>(3);
    let calls = 0;
    const up = (s: string) => {
      calls++;
      return s.toUpperCase();
    };
    expect(memo.get('a', up)).toBe('A');
    expect(memo.get('a', up)).toBe('A');
    expect(calls).toBe(1);
    memo.get('b', up);
    memo.get('c', up);
    expect(memo.size).toBe(3);
    memo.get('d', up);
    expect(memo.size).toBe(1);
    expect(memo.peek('a')).toBeUndefined();
    expect(memo.get('a', up)).toBe('A');
    expect(calls).toBe(5);
  });

  it('keeps null results (a word with no correction is not looked up again)', () => {
    const memo = new Memo<string, string | null>(10);
    let calls = 0;
    const none = () => {
      calls++;
      return null;
    };
    expect(memo.get('x', none)).toBeNull();
    expect(memo.get('x', none)).toBeNull();
    expect(calls).toBe(1);
  });
});
