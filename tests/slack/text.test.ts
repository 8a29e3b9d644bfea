import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeAndCut,
  escapeAndSplit,
  escapeMrkdwn,
  mrkdwnLink,
  plainQuestion,
} from '../../src/adapters/slack/text.js';

describe('escapeMrkdwn', () => {
  it('escapes the three control characters and nothing else', () => {
    expect(escapeMrkdwn(`<!channel> & <@U1> "it's" *bold*`)).toBe(
      `&lt;!channel&gt; &amp; &lt;@U1&gt; "it's" *bold*`,
    );
  });
});

describe('escapeAndCut', () => {
  it('leaves short text whole', () => {
    expect(escapeAndCut('short & sweet', 50)).toBe('short &amp; sweet');
  });

  it('cuts at a word end and adds an ellipsis', () => {
    const out = escapeAndCut('one two three four five six seven eight nine ten', 20);
    expect(out.length).toBeLessThanOrEqual(20);
    expect(out).toBe('one two three four…');
  });

  it('never splits an entity or a surrogate pair', () => {
    expect(escapeAndCut('&&&&&', 13)).toBe('&amp;&amp;…');
    const emoji = escapeAndCut('😀'.repeat(10), 7);
    expect(emoji).toBe('😀😀😀…');
  });
});

describe('escapeAndSplit', () => {
  it('splits at paragraph and sentence ends', () => {
    const text = 'First paragraph is here.\n\nSecond paragraph is a bit longer. It has two sentences.';
    const parts = escapeAndSplit(text, 40, 5);
    expect(parts[0]).toBe('First paragraph is here.');
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(40);
    expect(parts.join(' ')).toContain('two sentences.');
  });

  it('stops at the part limit with an ellipsis', () => {
    const parts = escapeAndSplit('word '.repeat(200), 50, 3);
    expect(parts).toHaveLength(3);
    expect(parts[2]?.endsWith('…')).toBe(true);
  });

  it('returns nothing for blank text', () => {
    expect(escapeAndSplit('  \n ', 100, 3)).toEqual([]);
  });

  it('gives the same pieces again for the same text (remembered results), never a shared array', () => {
    const text = 'A <b> & c. '.repeat(30);
    const first = escapeAndSplit(text, 60, 4);
    first.push('changed by a caller');
    const again = escapeAndSplit(text, 60, 4);
    expect(again).toHaveLength(4);
    expect(again).not.toContain('changed by a caller');
    // Other limits are other results, not the remembered ones.
    expect(escapeAndSplit(text, 200, 4)[0]?.length).toBeGreaterThan(60);
    expect(escapeAndCut(text, 60)).toBe(escapeAndCut(text, 60));
    expect(escapeAndCut(text, 60)).not.toBe(escapeAndCut(text, 200));
  });

  it('stays right past the memory bound of remembered results', () => {
    // 600 distinct 3,000-character texts: more than the remembered results may hold.
    for (let i = 0; i < 600; i++) {
      const text = `${i} <x> ${'é'.repeat(2990)}`;
      expect(escapeAndCut(text, 20)).toBe(`${i} &lt;x&gt;…`);
      expect(escapeAndSplit(text, 1000, 5)[0]).toBe(`${i} &lt;x&gt;`);
    }
  });
});

describe('mrkdwnLink', () => {
  it('links plain web addresses and escapes the label', () => {
    expect(mrkdwnLink('https://a.example/x?y=1&z=2', 'A | B & C')).toBe(
      '<https://a.example/x?y=1&amp;z=2|A ¦ B &amp; C>',
    );
  });

  it('shows only the label for anything else', () => {
    expect(mrkdwnLink('javascript:alert(1)', 'Label')).toBe('Label');
    expect(mrkdwnLink('https://a.example/<!channel>', 'Label')).toBe('Label');
    expect(mrkdwnLink(undefined, '<b>')).toBe('&lt;b&gt;');
  });
});

describe('plainQuestion', () => {
  it("removes the bot's own mention and keeps the question", () => {
    expect(plainQuestion('<@UBOT> What license is R1 under?', 'UBOT')).toBe('What license is R1 under?');
    expect(plainQuestion('What about <@UBOT|briefbot> pricing?', 'UBOT')).toBe('What about pricing?');
  });

  it('turns Slack markup into readable text', () => {
    expect(
      plainQuestion(
        '<@U2|ann> <#C1|general> <!channel> <!subteam^S1|@devs> <https://x.example|x> &lt;b&gt; &amp;',
        'UBOT',
      ),
    ).toBe('@ann #general @channel @devs x <b> &');
  });
});

describe('properties', () => {
  const wellEscaped = (out: string) => !/[<>]/.test(out) && !/&(?!amp;|lt;|gt;)/.test(out);
  const text = fc.string({
    unit: fc.constantFrom('a', ' ', '.', '\n', '&', '<', '>', 'é', '😀', 'x'),
    maxLength: 600,
  });

  it('escapeAndCut always fits and never leaves a raw control character or a broken entity', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 6, max: 300 }), (s, max) => {
        const out = escapeAndCut(s, max);
        return out.length <= max && wellEscaped(out) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out);
      }),
    );
  });

  it('escapeAndSplit parts all fit and keep the text in order', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 200 }), (s, max) => {
        const parts = escapeAndSplit(s, max, 1000);
        const joined = parts.join('').replace(/\s+/g, '');
        return (
          parts.every((p) => p.length <= max && wellEscaped(p)) &&
          joined === escapeMrkdwn(s).replace(/\s+/g, '')
        );
      }),
    );
  });
});
