import { describe, expect, it } from 'vitest';
import { buttonValue, LIMITS, parseButtonValue, renderReply } from '../../src/adapters/slack/render.js';
import { makeReply, type Reply } from '../../src/core/reply.js';
import { allText, blocksOf, buttonsOf, headerOf, MENTION_MARKUP } from '../helpers/slack-messages.js';

/** The pure Block Kit renderer, on fixture replies. */

const fact: Reply = makeReply({
  kind: 'fact',
  lang: 'en',
  answered: true,
  title: 'How much does the DeepSeek-R1 API cost?',
  body: 'R1 costs **$2.19** per million output tokens & $0.55 per million input tokens.',
  fields: [
    { label: 'Output (per 1M tokens)', value: '$2.19', inline: true },
    { label: 'Input, cache miss', value: '$0.55', inline: true },
  ],
  source: {
    label: 'DeepSeek API pricing',
    url: 'https://api-docs.deepseek.com/quick_start/pricing-details-usd',
    date: '2025-01-20',
    quote: 'le coût d’accès à son API est très inférieur à celui d’OpenAI',
  },
  confidence: 0.753,
  entryId: 'r1-api-price',
  related: [
    { id: 'r1-vs-o1-price', question: 'How much cheaper is R1 than o1?' },
    { id: 'r1-vs-o1-mini-price', question: 'How much cheaper is R1 than o1-mini?' },
    { id: 'r1-api-limits', question: 'What are the R1 API limits?' },
    { id: 'fourth', question: 'A fourth related question' },
  ],
});

const refusal: Reply = makeReply({
  kind: 'none',
  lang: 'fr',
  title: 'Je ne sais pas répondre à cela',
  body: 'Je ne réponds qu’aux questions sur le choc DeepSeek.\n\nVouliez-vous dire :\n• Sous quelle licence est R1 ?',
  suggestions: [{ id: 'r1-license', question: 'Sous quelle licence est publié DeepSeek-R1 ?' }],
  topics: [{ id: 'models', name: 'Les modèles' }],
});

function assertWithinLimits(reply: Reply): void {
  const msg = renderReply(reply) as unknown as Record<string, unknown>;
  const blocks = blocksOf(msg);
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(String(msg.text).length).toBeLessThanOrEqual(LIMITS.fallbackText);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text?.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === 'section' && b.text) {
      expect(b.text.text.length).toBeGreaterThan(0);
      expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    }
    if (b.fields) {
      expect(b.fields.length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
      for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
  }
  for (const button of buttonsOf(msg)) expect(button.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
  expect(JSON.stringify(msg)).not.toMatch(MENTION_MARKUP);
}

describe('renderReply', () => {
  it('renders an answered fact: header, answer, fields, the quote apart, one source line, buttons', () => {
    const msg = renderReply(fact) as unknown as Record<string, unknown>;
    const types = blocksOf(msg).map((b) => b.type);
    expect(types).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
      'context',
      'actions',
      'actions',
    ]);
    expect(blocksOf(msg)[3]?.text?.text).toMatch(/^>\*Source article \(French\)\*\n>_« .+ »_$/);
    expect(headerOf(msg)).toBe(fact.title);
    const answer = blocksOf(msg)[1]?.text?.text;
    expect(answer).toBe('R1 costs *$2.19* per million output tokens &amp; $0.55 per million input tokens.');
    expect(blocksOf(msg)[2]?.fields?.map((f) => f.text)).toEqual([
      '*Output (per 1M tokens)*\n$2.19',
      '*Input, cache miss*\n$0.55',
    ]);
    const context = allText({ blocks: [blocksOf(msg)[4]] });
    expect(context).toContain(
      '<https://api-docs.deepseek.com/quick_start/pricing-details-usd|DeepSeek API pricing>, 20 January 2025',
    );
    // Below the high band the confidence is shown; in it, not.
    expect(context).toContain('Confidence: 75%');
    const sure = renderReply({ ...fact, confidence: 0.95 }) as unknown as Record<string, unknown>;
    expect(allText({ blocks: [blocksOf(sure)[4]] })).not.toContain('Confidence');
    const low = renderReply({ ...fact, confidence: 0.5 }) as unknown as Record<string, unknown>;
    expect(allText({ blocks: [blocksOf(low)[4]] })).toContain('Confidence: 50%');
    expect(msg.text).toContain(fact.title);
  });

  it('offers at most 3 related questions, then 👍 / 👎 carrying the entry and language', () => {
    const buttons = buttonsOf(renderReply(fact) as unknown as Record<string, unknown>);
    expect(buttons.map((b) => b.action_id)).toEqual([
      'bb_related_0',
      'bb_related_1',
      'bb_related_2',
      'bb_vote_up',
      'bb_vote_down',
    ]);
    expect(buttons[0]?.value).toBe('r1-vs-o1-price|en');
    expect(buttons[3]?.value).toBe('r1-api-price|en');
    expect(buttons[3]?.text).toBe('👍 Helpful');
  });

  it('formats the confidence for French', () => {
    const msg = renderReply({ ...fact, lang: 'fr', confidence: 0.5 }) as unknown as Record<string, unknown>;
    expect(allText(msg)).toMatch(/Confiance : 50\s%|Confiance: 50\s%/);
    expect(buttonsOf(msg).map((b) => b.text)).toContain('👍 Utile');
  });

  it('renders a refusal with did-you-mean buttons and no vote buttons', () => {
    const msg = renderReply(refusal) as unknown as Record<string, unknown>;
    const buttons = buttonsOf(msg);
    expect(buttons).toEqual([
      {
        action_id: 'bb_related_0',
        value: 'r1-license|fr',
        text: 'Sous quelle licence est publié DeepSeek-R1 ?',
      },
    ]);
    expect(allText(msg)).not.toContain('Confiance');
  });

  it('leaves out the source link when the address is not a plain web address', () => {
    const msg = renderReply({
      ...fact,
      source: { label: 'Source <x>', url: 'javascript:alert(1)' },
    }) as unknown as Record<string, unknown>;
    const text = allText(msg);
    expect(text).toContain('Source &lt;x&gt;');
    expect(text).not.toContain('javascript:');
  });

  it('escapes every text taken from the reply, so nothing can notify or mention', () => {
    const evil = '<!channel> <!here> <!everyone> <@U123ABC> <https://evil.example|click> & more';
    const reply: Reply = {
      ...fact,
      title: evil,
      body: evil,
      fields: [{ label: evil, value: evil }],
      source: { label: evil, url: 'https://ok.example/a?b=1&c=2', quote: evil },
      related: [{ id: 'x', question: evil }],
    };
    const msg = renderReply(reply) as unknown as Record<string, unknown>;
    const json = JSON.stringify(msg);
    expect(json).not.toMatch(MENTION_MARKUP);
    expect(json).not.toContain('<https://evil');
    expect(allText(msg)).toContain('&lt;!channel&gt;');
    expect(allText(msg)).toContain('<https://ok.example/a?b=1&amp;c=2|');
    assertWithinLimits(reply);
  });

  it('cuts a very long answer cleanly and stays within every Block Kit limit', () => {
    const sentence = 'DeepSeek trained V3 on 2,048 H800 GPUs & spent about $5.576M on the final run. ';
    const reply: Reply = {
      ...fact,
      title: 'T'.repeat(400),
      body: sentence.repeat(1000),
      fields: Array.from({ length: 45 }, (_, i) => ({
        label: `Field ${i} ${'<'.repeat(300)}`,
        value: '&'.repeat(3000),
      })),
      related: [{ id: 'long', question: `${'A very long related question '.repeat(10)}?` }],
      suggestions: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, question: `Suggestion ${i}` })),
    };
    assertWithinLimits(reply);
    const msg = renderReply(reply) as unknown as Record<string, unknown>;
    const sections = blocksOf(msg).filter(
      (b) => b.type === 'section' && b.text && !b.text.text.startsWith('>'),
    );
    expect(sections).toHaveLength(LIMITS.bodySections);
    const last = sections.at(-1)?.text?.text ?? '';
    expect(last.endsWith('…')).toBe(true);
    // Cut at a sentence end, not inside a word or an entity.
    expect(last).toMatch(/\.…$/);
    for (const s of sections.slice(0, -1)) expect(s.text?.text).toMatch(/\.$/);
    expect(headerOf(msg)?.endsWith('…')).toBe(true);
  });

  it('counts escaped characters against the limits', () => {
    const reply: Reply = { ...fact, title: '<'.repeat(150), body: '&'.repeat(10_000) };
    assertWithinLimits(reply);
    const msg = renderReply(reply) as unknown as Record<string, unknown>;
    expect(headerOf(msg)).toMatch(/^(&lt;)+…$/);
  });

  it('renders help with fields and no buttons', () => {
    const help = makeReply({
      kind: 'help',
      lang: 'en',
      title: 'What I can answer',
      body: 'I answer questions about the DeepSeek shock.',
      fields: [{ label: 'Topics', value: 'The app · The models' }],
    });
    const msg = renderReply(help) as unknown as Record<string, unknown>;
    expect(blocksOf(msg).map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(buttonsOf(msg)).toEqual([]);
  });

  it('skips empty parts rather than sending empty text objects', () => {
    const msg = renderReply(
      makeReply({ kind: 'help', lang: 'en', title: '', body: '' }),
    ) as unknown as Record<string, unknown>;
    expect(blocksOf(msg)).toEqual([]);
  });
});

describe('button values', () => {
  it('round-trips an entry id and language', () => {
    expect(parseButtonValue(buttonValue('r1-license', 'fr'))).toEqual({ entryId: 'r1-license', lang: 'fr' });
  });

  it('rejects values that are not ours', () => {
    for (const v of [undefined, '', 'r1-license', 'r1-license|de', '|en', 'R1|en', 'a b|en']) {
      expect(parseButtonValue(v)).toBeUndefined();
    }
  });
});

describe('feedback on calculations', () => {
  it('puts 👍 / 👎 under an answered cost or training reply, and none under a usage error', () => {
    const cost = makeReply({ kind: 'cost', lang: 'fr', answered: true, title: 'Coût', body: '1,40 $US' });
    const votes = buttonsOf(renderReply(cost) as unknown as Record<string, unknown>).filter((b) =>
      b.action_id.startsWith('bb_vote_'),
    );
    expect(votes.map((b) => [b.action_id, b.value])).toEqual([
      ['bb_vote_up', 'calc-cost|fr'],
      ['bb_vote_down', 'calc-cost|fr'],
    ]);
    const training = makeReply({ kind: 'training', lang: 'en', answered: true, title: 'T', body: '$1' });
    expect(JSON.stringify(renderReply(training))).toContain('calc-training|en');
    const usage = makeReply({ kind: 'cost', lang: 'en', title: 'Usage', body: 'bad amount' });
    expect(JSON.stringify(renderReply(usage))).not.toContain('bb_vote_');
  });
});
