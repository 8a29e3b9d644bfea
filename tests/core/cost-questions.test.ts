import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/conversation.js';
import { priceFor } from '../../src/core/cost/prices.js';
import { priceCalc } from '../../src/core/cost/pricing.js';
import type { CostCalc } from '../../src/core/cost/request.js';
import { formatUsd } from '../../src/core/format.js';
import { loadEngineFromDir, loadKnowledge, type Reply, renderText } from '../../src/core/index.js';

const KB_DIR = new URL('../../knowledge', import.meta.url).pathname;
const kb = loadKnowledge(KB_DIR);
const engine = loadEngineFromDir(KB_DIR);
const ask = (text: string, turns: Turn[] = []) =>
  engine.answer({ text, locale: null, ...(turns.length > 0 ? { context: { turns } } : {}) });
/** The reply as the CLI prints it, with its non-breaking spaces made plain for readable assertions. */
const text = (reply: Reply) => renderText(reply).replace(/[\u00a0\u202f]/g, ' ');
const lines = (reply: Reply) => renderText(reply).split('\n').length;

describe('the whole cost question, exact figures', () => {
  it.each([
    // direction, cache, multiplier, split, several models, periods: English
    ['5M input tokens cached on o1', ['$37.50', 'cache hit', 'OpenAI o1', 'January 2025 prices']],
    ['1000 requests of 2k output tokens each on r1', ['$4.38', '2M output tokens']],
    ['500 requests of 1,000 input and 500 output tokens each on o1', ['$22.50', '$7.50', '$15.00']],
    ['1M in, 200k out on r1', ['$0.988', '$0.55', '$0.438']],
    [
      'cost of 3.5M input tokens on deepseek-chat after the promotion',
      ['$0.945', 'list price from 8 February 2025'],
    ],
    ['cost of 10M output tokens on v3 during the promo', ['$2.80', 'January 2025 prices']],
    ['cost of 1M output tokens on o1-mini after the cut', ['$4.40', 'cut']],
    ['10M tokens on r1 vs o1', ['$5.50', '$21.90', '$150.00', '$600.00', 'not said']],
    ['cost of 10M tokens with 50% cache hits on r1', ['$3.45', '50% cache hits']],
    ['2M output tokens per day for 30 days on r1', ['$131.40', '60M output tokens', '$4.38 per day']],
    [
      'how much for 100 requests a day of 1500 output tokens for a month on r1',
      ['$9.86', 'A month is counted as 30 days'],
    ],
    [
      'cost of translating 10,000 words on o1',
      ['13,000 tokens', '$0.195', '$0.78', '≈1.3 tokens per English word'],
    ],
    ['cost of 1 token on r1', ['1 token ', '$0.00000055', '$0.00000219']],
    // French
    ['10 millions de tokens en entrée en cache sur r1', ['1,40 $US', 'en cache', 'prix de janvier 2025']],
    ['100 requêtes de 10 000 tokens en sortie sur o1-mini', ['12,00 $US', '1 million de tokens en sortie']],
    [
      'combien coûterait 1 million de tokens sur o1 et sur r1 ?',
      ['15,00 $US', '60,00 $US', '0,55 $US', '2,19 $US'],
    ],
    ['coût de 1M tokens en sortie sur o1-mini en février 2025', ['4,40 $US', 'baisse']],
    [
      'combien coûte la traduction de 50 000 mots en entrée avec r1 ?',
      ['75 000 tokens', '0,0413 $US', '1,5 token par mot français'],
    ],
    ['5 millions de tokens en cache sur o1, combien ?', ['37,50 $US']],
    [
      'combien pour 1M de tokens en entrée et 200k en sortie sur o1 ?',
      ['27,00 $US', '15,00 $US', '12,00 $US'],
    ],
    ['10M tokens and 2M output on r1', ['$9.88', '$5.50', '$4.38']],
    ['300k prompt + 100k completion on o1-mini', ['$2.10', '$0.90', '$1.20']],
    [
      '8M input tokens, 6M of them cached, and 500k output on o1',
      ['$105.00', '$75.00', '$30.00', '6M of them cache hits'],
    ],
    ['3M cached and 1M uncached input tokens on r1', ['$0.97', '4M input tokens']],
    ['10M cache-hit input tokens on o1', ['$75.00', 'cache hit']],
    ['what does a million output tokens cost on r1', ['$2.19', '1M output tokens']],
    ['two thousand requests of 500 output tokens on r1', ['$2.19', '2,000 requests']],
    ['r1 costs $2.19 per 1M output tokens, how much for 50M output?', ['$109.50', '50M output tokens']],
    ['a 10k-token prompt and a 2k-token answer on o1', ['$0.27', '$0.15', '$0.12']],
    ['2M output tokens per day on r1', ['$4.38', 'per day']],
    ['how much do I save with r1 instead of o1 for 10M output tokens?', ['Difference: $578.10']],
    ['quelle différence de coût entre r1 et o1 pour 5M de tokens en sortie ?', ['Écart : 289,05 $US']],
    [
      'un milliard de tokens en sortie sur o1, combien ?',
      ['60 000,00 $US', '1 milliard de tokens en sortie'],
    ],
    ['100 requests a day of 3k output tokens on r1, cost of a 30-day month', ['$19.71', '9M output tokens']],
    [
      '8 millions de tokens en entrée dont 6 millions en cache sur o1',
      ['75,00 $US', 'dont 6 millions en cache'],
    ],
    ['1 token en sortie sur r1', ['1 token en sortie', '0,00000219 $US']],
  ])('%s', (question, expected) => {
    const reply = ask(question);
    expect(reply.kind).toBe('cost');
    expect(reply.answered).toBe(true);
    const shown = text(reply);
    for (const e of expected) expect(shown).toContain(e);
    expect(shown).not.toMatch(/\$0\.\d(?!\d)|0,\d \$/);
    expect(lines(reply)).toBeLessThanOrEqual(12);
  });

  it('says what it understood in one line at the top', () => {
    const reply = ask('10M input tokens cached on r1');
    expect(reply.body.split('\n')[0]?.replace(/\u00a0/g, ' ')).toBe(
      'Understood: 10M input tokens · cache hit · DeepSeek-R1 · January 2025 prices',
    );
  });

  it('answers only the models named, with the ratio to R1, and every model when none is named', () => {
    const two = ask('10M output tokens on r1 vs o1');
    expect(two.body.match(/\*\*/g)).toHaveLength(4);
    expect(two.body).toContain('27.4 × DeepSeek-R1');
    expect(two.fields).toEqual([]);
    const all = ask('cost of 10M output tokens');
    for (const m of kb.models) expect(all.body).toContain(m.name.replace(/\s*\(.*\)$/, ''));
    expect(ask('10M output tokens on v3').body).toContain('7.8 × cheaper than DeepSeek-R1');
  });

  it('names an unknown model and the models it knows, and prices nothing for it', () => {
    const only = ask('cost of 10M tokens on gpt-4o');
    expect(only.answered).toBe(false);
    expect(only.body).toBe(
      'I have no price for gpt-4o; I know DeepSeek-R1, DeepSeek-V3, OpenAI o1, OpenAI o1-mini.',
    );
    const mixed = ask('cost of 10M output tokens on claude 3.5 sonnet vs r1');
    expect(mixed.body).toContain('I have no price for claude 3.5 sonnet');
    expect(mixed.body).toContain('$21.90');
    expect(text(ask('combien pour 1M tokens sur gemini ?'))).toContain(
      'Je n’ai pas de prix pour gemini ; je connais',
    );
  });

  it('says prices are in dollars and does not convert', () => {
    expect(ask('cost of 10M output tokens on r1 in euros').body).toContain(
      "Prices are in US dollars; I don't convert.",
    );
    const fr = ask('combien de tokens pour 100 euros sur r1 ?');
    expect(text(fr)).toContain('je ne fais pas de conversion');
    expect(text(fr)).toContain('2,19 $US');
  });
});

describe('reverse questions', () => {
  it.each([
    ['how many output tokens can I get for $100 on o1', ['1,666,666', 'output tokens', '$60.00']],
    ['how many tokens can I buy with $50 on r1?', ['90,909,090', '22,831,050']],
    ['combien de tokens en sortie pour 10 $ avec o1 ?', ['166 666', 'tokens en sortie']],
    ['how many requests of 2k output tokens can I make for $10 on r1', ['2,283', '$0.00438']],
  ])('%s', (question, expected) => {
    const shown = text(ask(question));
    for (const e of expected) expect(shown).toContain(e);
  });

  it.each([
    ['how many GPU hours for $1M', ['500,000 GPU-hours', '$2 per GPU-hour']],
    ["how long would V3's training take on 8192 GPUs?", ['340.3 h per GPU', '14.2 days']],
    ['combien de temps pour entraîner V3 sur 512 GPU ?', ['5 445,3 h par GPU', '226,9 jours']],
    ['with $10M, how many days can I run 2048 H800 at $2/h?', ['2,441.4 h per GPU', '101.7 days']],
    ['combien d’heures GPU pour 1 million de dollars à 4 $ l’heure ?', ['250 000 heures-GPU']],
  ])('GPU-hours for a budget: %s', (question, expected) => {
    const reply = ask(question);
    expect(reply.kind).toBe('training');
    for (const e of expected) expect(text(reply)).toContain(e);
  });
});

describe('training with any factor replaced', () => {
  it.each([
    [
      'how much would it cost to train V3 at $3 per GPU hour',
      '$8,364,000.00',
      'From the DeepSeek-V3 report: 2.788M GPU-hours',
    ],
    ['2048 H800 for 57 days at $2', '$5,603,328.00', '1,368 h per GPU'],
    ['training cost with 10k h100 for 2 months at $3/h', '$43,200,000.00', 'A month is counted as 30 days.'],
    ['how much is it to train a model on 1000 H100 for 3 weeks at $2.5/h?', '$1,260,000.00', '504 h per GPU'],
    ['training cost with 4000 GPUs for 1000 hours at $2.5 per hour', '$10,000,000.00', '1,000 hours'],
    [
      "combien coûterait l'entraînement de V3 à 3 $ l'heure GPU ?",
      '8 364 000,00 $US',
      '2,788 millions d’heures-GPU',
    ],
    [
      "entraîner sur 4096 GPU pendant 2 mois à 2 dollars de l'heure, ça coûte combien ?",
      '11 796 480,00 $US',
      'Un mois compte ici 30 jours.',
    ],
  ])('%s', (question, total, note) => {
    const reply = ask(question);
    expect(reply.kind).toBe('training');
    expect(text(reply)).toContain(total);
    expect(text(reply)).toContain(note);
    expect(lines(reply)).toBeLessThanOrEqual(12);
  });
});

describe('not every number is an amount', () => {
  it.each([
    'R1 has 671B parameters, how many are active?',
    'what are the distilled models, 1.5B, 7B, 8B?',
    'DeepSeek spent $6M on training, right?',
    'did nvidia lose 17% on 27 january 2025?',
    'Nvidia lost $589B on 27 January',
    'Was V3 trained on 2048 H800 GPUs?',
    'How much did it cost to train DeepSeek-V3?',
    'Le modèle Qwen 7B distillé est-il sous licence MIT ?',
    'R1 est sorti le 20 janvier 2025, combien de paramètres ?',
    'DeepSeek just showed up and said "what if we did this for $5M instead?"',
    'DeepSeek a construit V3 pour 6 M$ ?',
    'DeepSeek a vraiment coûté moins de 6 millions ?',
    "what's the price of one h800?",
  ])('%s goes to the knowledge', (question) => {
    expect(['fact', 'none']).toContain(ask(question).kind);
  });
});

describe('cost follow-ups', () => {
  const chain = (questions: string[]) => {
    const turns: Turn[] = [];
    const replies: Reply[] = [];
    for (const q of questions) {
      const reply = ask(q, turns);
      replies.push(reply);
      turns.push(
        reply.turn ?? {
          text: q,
          lang: reply.lang,
          kind: reply.kind,
          answered: reply.answered,
          at: Date.now(),
        },
      );
    }
    return replies;
  };

  it('re-run the last calculation with the change, in English', () => {
    const [first, o1, five, cached] = chain([
      '10M input tokens on r1',
      'and on o1?',
      'and for 5 million?',
      'and if the input is cached?',
    ]);
    expect(first?.turn?.calc).toMatchObject({
      type: 'cost',
      models: ['deepseek-r1'],
      input: { tokens: '10000000' },
    });
    expect(text(o1 as Reply)).toContain('$150.00');
    expect(text(five as Reply)).toContain('$75.00');
    expect(text(cached as Reply)).toContain('$37.50');
  });

  it('re-run the last calculation with the change, in French', () => {
    const [, input, cached, mini] = chain([
      'combien coûtent 10 millions de tokens sur r1 ?',
      'en entrée seulement ?',
      'et si l’entrée est en cache ?',
      'et sur o1-mini ?',
    ]);
    expect(text(input as Reply)).toContain('5,50 $US');
    expect(text(cached as Reply)).toContain('1,40 $US');
    expect(text(mini as Reply)).toContain('30,00 $US');
  });

  it('a change of period names the month of the cut or not ("and after the feb price cut?")', () => {
    const [, after, before] = chain([
      'compare 2M output tokens on r1 vs o1-mini',
      'and after the feb price cut?',
      'and before the february cut?',
    ]);
    expect(after?.kind).toBe('cost');
    expect(text(after as Reply)).toContain('$8.80');
    expect(text(before as Reply)).toContain('$24.00');
  });

  it('re-run a training calculation and a budget', () => {
    const [, cheaper, more] = chain([
      'training cost with 10k h100 for 2 months at $3/h',
      'and at $2/h?',
      'and with 4000 GPUs?',
    ]);
    expect(text(cheaper as Reply)).toContain('$28,800,000.00');
    expect(text(more as Reply)).toContain('$11,520,000.00');
    const [, half] = chain(['how many output tokens for $100 on o1', 'and for $50?']);
    expect(text(half as Reply)).toContain('833,333');
  });

  it('look past an off-topic turn, never past an answered fact', () => {
    const [, , o1] = chain(['1M output tokens on r1', 'what is the weather in Paris?', 'and on o1?']);
    expect(o1?.kind).toBe('cost');
    expect(text(o1 as Reply)).toContain('$60.00');
    const [, fact, after] = chain(['1M output tokens on r1', 'who founded DeepSeek?', 'and on o1?']);
    expect(fact?.kind).toBe('fact');
    expect(after?.kind).not.toBe('cost');
  });

  it('let a self-contained or unrelated question stand on its own', () => {
    const [, fresh, fact] = chain([
      '10M input tokens cached on r1',
      'cost of 1M output tokens on o1',
      'who founded DeepSeek?',
    ]);
    expect(text(fresh as Reply)).toContain('$60.00');
    expect(text(fresh as Reply)).not.toContain('cache');
    expect(fact?.kind).toBe('fact');
  });
});

describe('money formatting', () => {
  it.each([
    ['0.7', '$0.70', '0,70 $US'],
    ['0.0275', '$0.0275', '0,0275 $US'],
    ['0.438', '$0.438', '0,438 $US'],
    ['21.9', '$21.90', '21,90 $US'],
    ['1234567.891', '$1,234,567.89', '1 234 567,89 $US'],
  ])('%s → %s / %s', (value, en, fr) => {
    expect(formatUsd(value, 'en')).toBe(en);
    expect(formatUsd(value, 'fr').replace(/[\u00a0\u202f]/g, ' ')).toBe(fr);
  });
});

describe('properties', () => {
  const r1 = kb.models.find((m) => m.id === 'deepseek-r1');
  if (!r1) throw new Error('no R1');
  const calcOf = (tokens: bigint, extra: Partial<CostCalc> = {}): CostCalc => ({
    type: 'cost',
    models: [],
    unknown: [],
    period: { kind: 'default' },
    input: { tokens: tokens.toString() },
    output: { tokens: (tokens * 2n).toString() },
    ...extra,
  });

  it('a multiplier × a size costs the same as the product', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom(...kb.models),
        (size, times, model) => {
          const view = priceFor(model, { kind: 'default' });
          const multiplied = priceCalc(
            calcOf(size, { times: [{ count: times.toString(), what: 'requests' }] }),
            view,
          );
          expect(multiplied.total).toBe(priceCalc(calcOf(size * times), view).total);
        },
      ),
    );
  });

  it('cached never costs more than uncached, and nothing is NaN, infinite or negative', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(...kb.models),
        fc.constantFrom<CostCalc['period']>(
          { kind: 'default' },
          { kind: 'latest' },
          { kind: 'date', date: '2025-03-01' },
        ),
        (tokens, cached, model, period) => {
          const view = priceFor(model, period);
          const plain = priceCalc(calcOf(tokens), view).total;
          const hit = priceCalc(calcOf(tokens, { cached }), view).total;
          expect(hit <= plain).toBe(true);
          expect(hit >= 0n).toBe(true);
        },
      ),
    );
  });

  it('free text never prints NaN, Infinity or a negative amount', () => {
    const number = fc.oneof(
      fc.integer({ min: -5, max: 10 ** 9 }).map(String),
      fc.double().map(String),
      fc.constant('1e400'),
    );
    const unit = fc.constantFrom('', 'k', 'M', ' million', ' milliards', 'B');
    const template = fc.constantFrom(
      (n: string) => `${n} input tokens cached on o1`,
      (n: string) => `how many tokens for $${n} on r1`,
      (n: string) => `${n} requests of ${n} tokens on r1`,
      (n: string) => `training cost with ${n} GPUs for ${n} days at $${n}/h`,
      (n: string) => `combien pour ${n} mots en entrée sur r1 ?`,
    );
    fc.assert(
      fc.property(number, unit, template, (n, u, make) => {
        const shown = renderText(ask(make(`${n}${u}`)));
        expect(shown).not.toMatch(/NaN|Infinity|-\$|\$-|-\d[\d,.]*\s?\$/);
      }),
      { numRuns: 300 },
    );
  });
});
