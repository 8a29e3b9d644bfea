import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOn } from '../../src/core/cost/calculator.js';
import { loadEngineFromDir, loadKnowledge } from '../../src/core/index.js';
import { COST_SCALE, toDecimalString } from '../../src/core/money.js';

const KB_DIR = new URL('../../knowledge', import.meta.url).pathname;
const kb = loadKnowledge(KB_DIR);
const engine = loadEngineFromDir(KB_DIR);
const model = (id: string) => {
  const m = kb.models.find((x) => x.id === id);
  if (!m) throw new Error(`no model ${id}`);
  return m;
};
const dollars = (pico: bigint) => toDecimalString(pico, COST_SCALE);

describe('token costs', () => {
  it('are exact: 10M output tokens on R1 cost $21.90 and on o1 $600', () => {
    const spec = { kind: 'single', tokens: 10_000_000n, direction: 'output' } as const;
    expect(dollars(costOn(model('deepseek-r1'), spec).total)).toBe('21.9');
    expect(dollars(costOn(model('openai-o1'), spec).total)).toBe('600');
  });

  it('add input and output of a split at their own prices', () => {
    const row = costOn(model('deepseek-r1'), { kind: 'split', input: 1_000_000n, output: 200_000n });
    expect(dollars(row.input)).toBe('0.55');
    expect(dollars(row.output)).toBe('0.438');
    expect(dollars(row.total)).toBe('0.988');
  });

  it('never drift: the cost of n tokens is n times the cost of one token, for any n', () => {
    const r1 = model('deepseek-r1');
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), (n) => {
        const one = costOn(r1, { kind: 'single', tokens: 1n, direction: 'output' }).total;
        expect(costOn(r1, { kind: 'single', tokens: n, direction: 'output' }).total).toBe(one * n);
      }),
    );
  });

  it('state the ratio to R1 the article rounds to "nearly 30×" for o1', () => {
    const reply = engine.cost({ tokens: '1M', model: 'o1', direction: 'output' }, 'en');
    expect(reply.body).toContain('$60.00');
    expect(reply.body).toMatch(/27\.4 ×/);
  });

  it('format money for the reader', () => {
    const fr = engine.cost({ tokens: '1 000 000', model: 'r1', direction: 'output' }, 'fr');
    expect(fr.body).toContain('2,19\u00a0$US');
    const en = engine.cost({ tokens: '1,000,000', model: 'r1', direction: 'output' }, 'en');
    expect(en.body).toContain('$2.19');
  });

  it.each(['-5', 'lots', '1e99', 'NaN', ''])('answer the bad amount "%s" with a clear message', (tokens) => {
    const reply = engine.cost({ tokens, model: null, direction: null }, 'en');
    expect(reply.answered).toBe(false);
    expect(reply.fields).toEqual([]);
    expect(reply.body).toMatch(/couldn't read|must be positive|more tokens than I can price/);
    expect(reply.body).not.toMatch(/\$NaN|Infinity|undefined/);
  });

  it('name the models it knows when asked for an unknown one', () => {
    const reply = engine.cost({ tokens: '1M', model: 'gpt-9' }, 'en');
    expect(reply.answered).toBe(false);
    expect(reply.body).toContain('I have no price for gpt-9');
    expect(reply.body).toContain('DeepSeek-R1');
  });

  it('never throw nor print NaN for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.option(fc.string({ maxLength: 20 })), (tokens, m) => {
        // Messages may quote what the user typed; the property is about what the engine computes.
        fc.pre(!/nan|infinity/i.test(`${tokens}${m ?? ''}`));
        const reply = engine.cost({ tokens, model: m }, 'fr');
        expect(`${reply.body}${reply.fields.map((f) => f.value).join('')}`).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('training cost', () => {
  it('defaults to the V3 report: 2,048 H800 × 2.788M GPU-hours × $2 = $5,576,000', () => {
    const reply = engine.training({}, 'en');
    expect(reply.answered).toBe(true);
    expect(reply.fields.find((f) => f.label === 'Total')?.value).toBe('$5,576,000.00');
    expect(reply.fields.find((f) => f.label === 'GPU-hours')?.value).toBe('2,788,000');
  });

  it('multiplies GPUs × hours × price exactly', () => {
    const reply = engine.training({ gpus: 4000, hours: 1000, pricePerGpuHour: '2.5' }, 'fr');
    expect(reply.fields.find((f) => f.label === 'Total')?.value).toBe('10\u202f000\u202f000,00\u00a0$US');
  });

  it.each([
    [{ gpus: -1 }, /GPUs must be a positive number/],
    [{ gpus: 'lots' }, /GPUs must be a positive number/],
    [{ hours: 'NaN' }, /Hours per GPU must be a positive number/],
    [{ pricePerGpuHour: '1e99' }, /too large/],
  ])('refuses %o clearly', (request, message) => {
    const reply = engine.training(request, 'en');
    expect(reply.answered).toBe(false);
    expect(reply.body).toMatch(message);
  });

  it('never throws on any numbers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string()), fc.oneof(fc.double(), fc.string()), (gpus, hours) => {
        const reply = engine.training({ gpus, hours }, 'en');
        expect(reply.body).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 500 },
    );
  });
});
