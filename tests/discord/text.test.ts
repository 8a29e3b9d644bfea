import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cut, ELLIPSIS, echo, safe } from '../../src/adapters/discord/text.js';
import { formatPercent as percent } from '../../src/core/format.js';
import { safeText } from '../../src/core/safe-text.js';

describe('cut', () => {
  it('leaves short text alone', () => {
    expect(cut('short', 10)).toBe('short');
  });

  it('cuts at the last word boundary and adds an ellipsis', () => {
    expect(cut('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
  });

  it('cuts inside a word when no boundary is near', () => {
    expect(cut('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never splits an emoji (surrogate pair)', () => {
    const out = cut('😀'.repeat(10), 6);
    expect(out).toBe('😀😀…');
  });

  it('always fits, and is a prefix of the text plus an ellipsis (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500 }), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const out = cut(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else {
          expect(out.endsWith(ELLIPSIS)).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('echo', () => {
  it('puts user text on one line, truncates it and escapes markdown', () => {
    expect(echo('**hi**\n_there_')).toBe('\\*\\*hi\\*\\* \\_there\\_');
    expect(echo('word '.repeat(100), 20).length).toBeLessThanOrEqual(20);
  });
});

describe('safe', () => {
  it('gives the same text on every call, remembered or not (any string, hostile ones included)', () => {
    const uncached = (text: string) => safeText(text, true).replace(/^(\s*)(#{1,3}|-#)(?=\s)/gm, '$1\\$2');
    const hostile = fc.string({
      unit: fc.constantFrom(
        'a',
        ' ',
        '\n',
        '#',
        '-',
        '\u202e',
        '\u200b',
        '\u200d',
        '[',
        ']',
        '(',
        ')',
        'https://',
        'x',
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 30 }), (texts) => {
        // Twice over: the second pass reads what the first remembered.
        for (const text of [...texts, ...texts]) expect(safe(text)).toBe(uncached(text));
      }),
      { numRuns: 60 },
    );
    expect(safe('# \u202eheading')).toBe('\\# heading');
  });
});

describe('percent', () => {
  it('formats for the locale', () => {
    expect(percent(0.873, 'en')).toBe('87%');
    expect(percent(0.873, 'fr')).toMatch(/^87\s%$/u);
    expect(percent(1.7, 'en')).toBe('100%');
  });
});
