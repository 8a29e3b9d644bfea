import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAndCut, escapeMrkdwn } from '../../src/adapters/slack/text.js';
import { defuseLinks, safeText, stripInvisible } from '../../src/core/safe-text.js';
import { cleanText } from '../../src/services/pipeline.js';

describe('the shared sanitizer', () => {
  it('removes controls, bidi, zero-width, BOM, soft hyphen and fillers; keeps emoji joiners', () => {
    expect(stripInvisible('a\u202Eb\u200Bc\u0000d\u2066e\u2069\uFEFFf\u00ADg\u2060h\u3164i')).toBe(
      'abcdefghi',
    );
    expect(stripInvisible('\u001b[31mred')).toBe('[31mred');
    expect(stripInvisible('👩\u200d💻 ok\u200dno')).toBe('👩\u200d💻 okno');
    expect(stripInvisible('a\nb\tc')).toBe('a b c');
    expect(stripInvisible('a\nb\tc', true)).toBe('a\nb c');
  });

  it('defuses masked links, addresses and invites, keeping them readable', () => {
    expect(defuseLinks('[fall](https://evil.example/x)')).toBe('[fall] (https[:]//evil.example/x)');
    expect(defuseLinks('see <http://a.example> www.b.example discord.gg/x')).toBe(
      'see <http[:]//a.example> www[.]b.example discord[.]gg/x',
    );
    expect(defuseLinks('no link: DeepSeek-V3, 5.6 M$')).toBe('no link: DeepSeek-V3, 5.6 M$');
  });

  it('is idempotent, and nothing it returns has a scheme address or an invisible character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = safeText(s, true);
        expect(safeText(once, true)).toBe(once);
        expect(once).not.toMatch(/\b[a-z][a-z0-9+.-]*:\/\//i);
        expect(once.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      }),
    );
  });

  it('is what the pipeline cleans questions with and what Slack escapes with', () => {
    expect(cleanText(' \u202Ehow much\u200B did nvidia fall?\u0000 ')).toBe('how much did nvidia fall?');
    expect(escapeMrkdwn('<https://x.example|click> \u202E')).toBe('&lt;https[:]//x.example|click&gt; ');
    const cut = escapeAndCut(`${'https://a.example '.repeat(50)}`, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).not.toContain('https://');
  });
});
