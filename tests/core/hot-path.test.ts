import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/core/memo.js';
import { stripInvisible } from '../../src/core/safe-text.js';
import { diceAbove, trigrams } from '../../src/core/wording.js';

/** The plain Dice coefficient of two sorted sets of packed trigrams: the reference diceAbove must match. */
function dice(a: Float64Array, b: Float64Array): number {
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
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

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

/** The loop of stripInvisible without its fast path (the reference the fast path must equal). */
function stripInvisibleReference(text: string, keepLines = false): string {
  const chars = Array.from(text.replace(/[\u115f\u1160\u3164\uffa0\u2800]/gu, ''));
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] as string;
    if (ch === '\n' && keepLines) out += ch;
    else if (/[\t\n\r\v\f\u2028\u2029]/.test(ch)) out += ' ';
    else if (ch === '\u200d') {
      const pict = /\p{Extended_Pictographic}/u;
      if (pict.test(chars[i - 1] ?? '') && pict.test(chars[i + 1] ?? '')) out += ch;
    } else if (!/[\p{Cc}\p{Cf}]/u.test(ch)) out += ch;
  }
  return out;
}

describe('stripInvisible fast path', () => {
  const plainAndSpecial = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        'a',
        'é',
        ' ',
        '\n',
        '\t',
        '\r',
        '\u200d',
        '\u202e',
        '\u2028',
        '\u3164',
        '\u00ad',
        '\u0085',
      ),
      fc.constantFrom('👩', '💻', '\ud800', '\udc00', '\u007f', '\u009f', '\u00a0', '\u001f'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    ),
    maxLength: 60,
  });

  it('gives what the full loop gives, with and without line breaks kept', () => {
    fc.assert(
      fc.property(plainAndSpecial, fc.boolean(), (s, keepLines) => {
        expect(stripInvisible(s, keepLines)).toBe(stripInvisibleReference(s, keepLines));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns a text with nothing to remove as it is', () => {
    const answer = 'Nvidia lost $593 billion on 27 January 2025 —\nthe largest one-day loss ever.';
    expect(stripInvisible(answer, true)).toBe(answer);
    expect(stripInvisible(answer)).toBe(answer.replace('\n', ' '));
  });
});

describe('kept results', () => {
  it('formatDate gives the same text kept or not, and leaves other text alone', async () => {
    const { formatDate } = await import('../../src/core/dates.js');
    for (let k = 0; k < 2; k++) {
      expect(formatDate('2025-01-27', 'en')).toBe('27 January 2025');
      expect(formatDate('2025-01-27', 'fr')).toBe('27 janvier 2025');
      expect(formatDate('2025-01', 'en')).toBe('January 2025');
      expect(formatDate('2025-02-30', 'en')).toBe('2025-02-30');
    }
  });

  it('hashUser: one hash per platform and user, kept or not', async () => {
    const { createHash } = await import('node:crypto');
    const { hashUser } = await import('../../src/services/pipeline.js');
    const direct = createHash('sha256').update('slack:U123').digest('hex').slice(0, 16);
    expect(hashUser('slack', 'U123')).toBe(direct);
    expect(hashUser('slack', 'U123')).toBe(direct);
    expect(hashUser('discord', 'U123')).not.toBe(direct);
  });
});
