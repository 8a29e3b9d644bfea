import type { APIButtonComponentWithCustomId, APIButtonComponentWithURL, APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EPHEMERAL, fitTotal, notice, renderReply, renderResult } from '../../src/adapters/discord/render.js';
import { ELLIPSIS, LIMITS } from '../../src/adapters/discord/text.js';
import { factReply, refusalReply } from '../helpers/discord-fixtures.js';

function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

function buttons(msg: ReturnType<typeof renderReply>) {
  return msg.components.flatMap((row) => row.components);
}

function expectWithinLimits(msg: ReturnType<typeof renderReply>): void {
  for (const e of msg.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(embedSize(e)).toBeLessThanOrEqual(LIMITS.embedTotal);
  }
  expect(msg.components.length).toBeLessThanOrEqual(LIMITS.rows);
  for (const row of msg.components) expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
  for (const b of buttons(msg)) {
    const label = 'label' in b ? (b.label ?? '') : '';
    expect(label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    if ('custom_id' in b) expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
  }
  expect(msg.allowed_mentions).toEqual({ parse: [] });
}

describe('renderReply: an answered fact', () => {
  const msg = renderReply(factReply());
  const embed = msg.embeds[0] as APIEmbed;

  it('has the title, the answer, one field per figure and a footer with source, date and confidence', () => {
    expect(embed.title).toBe('DeepSeek-R1 API price');
    expect(embed.description).toContain('$2.19');
    expect(embed.fields).toEqual([
      { name: 'Output', value: '$2.19 / 1M tokens', inline: true },
      { name: 'Input (cache miss)', value: '$0.55 / 1M tokens', inline: true },
    ]);
    expect(embed.footer?.text).toBe('Source: DeepSeek API pricing page, 20 January 2025 · Confidence: 75%');
    const sure = renderReply(factReply({ confidence: 0.95 })).embeds[0] as APIEmbed;
    expect(sure.footer?.text).toBe('Source: DeepSeek API pricing page, 20 January 2025');
  });

  it('shows the confidence only below the high band', () => {
    const low = renderReply(factReply({ confidence: 0.6 })).embeds[0] as APIEmbed;
    expect(low.footer?.text).toBe('Source: DeepSeek API pricing page, 20 January 2025 · Confidence: 60%');
  });

  it('is public, parses no mention, and stays within every limit', () => {
    expect(msg.flags).toBeUndefined();
    expectWithinLimits(msg);
  });

  it('offers three related questions, 👍 / 👎 on the entry, and a link to the source', () => {
    const [related, actions] = msg.components;
    expect(related?.components.map((b) => (b as APIButtonComponentWithCustomId).custom_id)).toEqual([
      'bb:rel:r1-vs-o1-price:en',
      'bb:rel:o1-price:en',
      'bb:rel:v3-api-price:en',
    ]);
    expect(
      actions?.components.map((b) => ('custom_id' in b ? b.custom_id : (b as APIButtonComponentWithURL).url)),
    ).toEqual([
      'bb:fb:up:r1-api-price:en',
      'bb:fb:down:r1-api-price:en',
      'https://api-docs.deepseek.com/quick_start/pricing-details-usd',
    ]);
  });

  it('formats the confidence for French', () => {
    const fr = renderReply(factReply({ lang: 'fr', confidence: 0.95 })).embeds[0] as APIEmbed;
    expect(fr.footer?.text).toBe('Source : DeepSeek API pricing page, 20 janvier 2025');
    const low = renderReply(factReply({ lang: 'fr', confidence: 0.6 })).embeds[0] as APIEmbed;
    expect(low.footer?.text).toMatch(
      /^Source : DeepSeek API pricing page, 20 janvier 2025 · Confiance : 60\s%$/u,
    );
    expect(buttons(renderReply(factReply({ lang: 'fr' })))[0]).toMatchObject({
      custom_id: 'bb:rel:r1-vs-o1-price:fr',
    });
  });
});

describe('renderReply: limits', () => {
  it('cuts a 10,000-character answer to at most 4096, cleanly at a word boundary', () => {
    const body = Array.from({ length: 2000 }, (_, i) => `word${i % 10}`).join(' ');
    expect(body.length).toBeGreaterThan(10_000);
    const embed = renderReply(factReply({ body })).embeds[0] as APIEmbed;
    const text = embed.description ?? '';
    expect(text.length).toBeLessThanOrEqual(LIMITS.description);
    expect(text.endsWith(ELLIPSIS)).toBe(true);
    expect(text.slice(0, -1)).toMatch(/word\d$/);
    expect(body.startsWith(text.slice(0, -1))).toBe(true);
  });

  it('keeps 25 of 30 fields, cuts long names and values, and fits the 6000 total', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({
      label: `Figure ${i} `.repeat(40),
      value: 'x '.repeat(800),
    }));
    const msg = renderReply(factReply({ fields }));
    expect(msg.embeds[0]?.fields?.length).toBeLessThanOrEqual(25);
    expectWithinLimits(msg);
  });

  it('keeps exactly 25 fields when they are small', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ label: `F${i}`, value: `${i}` }));
    expect(renderReply(factReply({ fields })).embeds[0]?.fields).toHaveLength(25);
  });

  it('cuts long button labels and never makes a custom_id over 100 characters', () => {
    const id = `a${'b'.repeat(60)}`;
    const related = [{ id, question: 'Why '.repeat(60) }];
    const msg = renderReply(factReply({ entryId: id, related: [...related, { id: 'x1', question: 'q' }] }));
    expectWithinLimits(msg);
  });

  it('fills empty field values so Discord does not reject them', () => {
    const msg = renderReply(factReply({ fields: [{ label: '', value: '' }] }));
    expect(msg.embeds[0]?.fields?.[0]).toMatchObject({ name: '\u200b', value: '\u200b' });
  });

  it('holds within limits for any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 9000 }),
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 2000 }),
        (body, title, value) => {
          const msg = renderReply(factReply({ body, title, fields: [{ label: title, value }] }), {
            question: body,
          });
          expectWithinLimits(msg);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fitTotal drops trailing fields before shortening the description', () => {
    const out = fitTotal({
      title: 't',
      description: 'd'.repeat(4000),
      fields: Array.from({ length: 5 }, () => ({ name: 'n', value: 'v'.repeat(1000) })),
    });
    expect(out.description).toHaveLength(4000);
    expect(out.fields).toHaveLength(1);
    expect(embedSize(out)).toBeLessThanOrEqual(6000);
  });
});

describe('renderReply: refusals, notices and user text', () => {
  it('makes a refusal ephemeral, with did-you-mean buttons and the topics', () => {
    const msg = renderResult({ reply: refusalReply() });
    expect(msg.flags).toBe(EPHEMERAL);
    const embed = msg.embeds[0] as APIEmbed;
    expect(embed.fields?.map((f) => f.name)).toEqual(['Did you mean', 'What I can answer:']);
    expect(buttons(msg)).toEqual([expect.objectContaining({ custom_id: 'bb:rel:nvidia-drop:en' })]);
    expect(buttons(msg).some((b) => 'custom_id' in b && b.custom_id.startsWith('bb:fb:'))).toBe(false);
  });

  it('makes answers public, or ephemeral when private or limited', () => {
    expect(renderResult({ reply: factReply() }).flags).toBeUndefined();
    expect(renderResult({ reply: factReply() }, { private: true }).flags).toBe(EPHEMERAL);
    expect(renderResult({ reply: factReply({ answered: false, kind: 'help' }), limited: 'rate' }).flags).toBe(
      EPHEMERAL,
    );
  });

  it('echoes the question truncated and markdown-escaped, and never parses mentions', () => {
    const question = `@everyone **bold** <@&123456789012345678> ${'very long '.repeat(60)}`;
    const msg = renderReply(factReply(), { question });
    const text = msg.embeds[0]?.description ?? '';
    expect(text).toContain('\\*\\*bold\\*\\*');
    expect(text.split('\n\n')[0]?.length).toBeLessThan(260);
    expect(msg.allowed_mentions).toEqual({ parse: [] });
  });

  it('renders a notice as ephemeral plain content', () => {
    expect(notice('Thanks!')).toEqual({
      content: 'Thanks!',
      embeds: [],
      components: [],
      flags: 64,
      allowed_mentions: { parse: [] },
    });
  });

  it('drops a source link that is not a plain http(s) address', () => {
    const msg = renderReply(factReply({ source: { label: 'x', url: 'javascript:alert(1)' } }));
    expect(buttons(msg).some((b) => 'url' in b)).toBe(false);
  });
});
