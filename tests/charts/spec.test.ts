import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartRequest } from '../../src/core/charts/attach.js';
import { costChart } from '../../src/core/charts/build.js';
import { renderTextChart } from '../../src/core/charts/text.js';
import { formatDate } from '../../src/core/dates.js';
import {
  createEngine,
  formatProblem,
  loadEngineFromDir,
  readKnowledgeDir,
  validateKnowledge,
} from '../../src/core/index.js';

const DIR = join(import.meta.dirname, '../../knowledge');
const engine = loadEngineFromDir(DIR);
const ask = (text: string, locale?: string) => engine.answer({ text, locale: locale ?? null });

describe('cost chart from plain numbers', () => {
  const models = [
    { id: 'r1', name: 'DeepSeek-R1', input: 5.5, output: 21.9, total: 27.4 },
    { id: 'o1', name: 'OpenAI o1', input: 150, output: 600, total: 750 },
  ];
  it('highlights the reference, gives each bar its ratio to it, stacks input and output', () => {
    const spec = costChart({
      lang: 'en',
      amount: '10,000,000 tokens',
      models,
      referenceId: 'r1',
      asOf: '2025-01',
      source: 'DeepSeek API pricing',
    });
    expect(spec?.bars.map((b) => b.highlight ?? false)).toEqual([true, false]);
    expect(spec?.bars[1]?.note).toBe('27.4× R1');
    expect(spec?.bars[1]?.segments).toEqual([
      { key: 'input', value: 150 },
      { key: 'output', value: 600 },
    ]);
    expect(spec?.legend?.map((l) => l.label)).toEqual(['Input', 'Output']);
    expect(spec?.caption).toContain('January 2025');
  });
  it('writes French numbers and typography', () => {
    const spec = costChart({
      lang: 'fr',
      amount: '10 000 000 tokens',
      models,
      referenceId: 'r1',
      asOf: '2025-01',
      source: 'x',
    });
    expect(spec?.bars[1]?.valueLabel).toBe('750,00\u00a0$US');
    expect(spec?.bars[1]?.note).toBe('27,4\u00a0× R1');
    expect(spec?.caption).toContain('janvier 2025');
    expect(spec?.caption).toContain(' ; ');
  });
  it('draws input and output apart when each is priced on its own (no direction asked)', () => {
    const alone = models.map((m) => ({ ...m, total: m.output }));
    const spec = costChart({
      lang: 'en',
      amount: 'x',
      models: alone,
      referenceId: 'r1',
      asOf: '2025-01',
      source: 'x',
    });
    expect(spec?.bars.map((b) => [b.label, b.value, b.note])).toEqual([
      ['DeepSeek-R1 · input', 5.5, 'reference'],
      ['DeepSeek-R1 · output', 21.9, 'reference'],
      ['OpenAI o1 · input', 150, '27.3× R1'],
      ['OpenAI o1 · output', 600, '27.4× R1'],
    ]);
    expect(spec?.caption).toContain('priced once as input and once as output');
  });
});

describe('charts on replies', () => {
  it('puts the market chart, from knowledge/charts.yaml, on a market answer in the asker language', () => {
    const en = ask('how much did nvidia and the others fall?');
    expect(en.chart?.kind).toBe('market');
    expect(en.chart?.bars.map((b) => b.label)).toEqual(
      expect.arrayContaining([
        'Nvidia',
        'Broadcom',
        'Marvell',
        'Oracle',
        'AMD',
        'ASML',
        'Alphabet',
        'Microsoft',
        'Nasdaq Composite',
        'S&P 500',
        'Dow Jones',
      ]),
    );
    expect(en.chart?.caption).toContain('Reuters');
    const fr = ask('de combien le nasdaq a baissé ?');
    expect(fr.chart?.lang).toBe('fr');
    const nvidia = fr.chart?.bars.find((b) => b.label === 'Nvidia');
    expect(nvidia?.valueLabel).toMatch(/^\u221216,97[\u00a0\u202f]%$/);
    const tsmc = fr.chart?.bars.find((b) => b.label.startsWith('TSMC'));
    expect(tsmc?.muted).toBe(true);
    expect(tsmc?.label).toContain('*');
  });

  it('charts only the models asked plus R1, or all of them when none is named', () => {
    const two = ask('10M output tokens on o1');
    expect(two.chart?.bars.map((b) => b.label)).toEqual(['DeepSeek-R1', 'OpenAI o1']);
    const all = ask('how much do 10 million output tokens cost?');
    expect(all.chart?.bars.length).toBe(engine.models().length);
    expect(new Set(all.chart?.bars.map((b) => b.label)).size).toBe(engine.models().length);
  });

  it('charts V3 training stages, costed at the price of prices.yaml', () => {
    const r = ask("combien a coûté l'entraînement de v3 ?");
    expect(r.chart?.kind).toBe('training');
    expect(r.chart?.bars.map((b) => b.valueLabel)).toEqual([
      '5,328\u00a0M$',
      '0,238\u00a0M$',
      '0,01\u00a0M$',
    ]);
  });

  it('offers "Show as chart" on a market answer without a chart, and the button answers it', () => {
    const r = ask('nvidia market cap loss?');
    expect(r.chart).toBeUndefined();
    const link = r.related.find((l) => l.question === 'Show as chart');
    expect(link?.id).toBe('chart-market');
    expect(engine.answerEntry(link?.id ?? '', 'en').chart?.kind).toBe('market');
  });

  it('answers "chart …" and "graphique …" directly', () => {
    expect(chartRequest('chart market')?.rest).toBe('market');
    expect(chartRequest('what is a chart?')).toBeUndefined();
    expect(ask('chart training').chart?.kind).toBe('training');
    expect(ask('graphique bourse').chart?.lang).toBe('fr');
    const cost = ask('chart 5M tokens on o1-mini');
    expect(cost.chart?.kind).toBe('cost');
    expect(cost.chart?.title).toContain('5,000,000');
  });

  it('follows an edit of knowledge/charts.yaml after a reload', () => {
    const files = readKnowledgeDir(DIR).map((f) =>
      f.name === 'charts.yaml' ? { ...f, text: f.text.replace('change: -16.97', 'change: -18.5') } : f,
    );
    const v = validateKnowledge(files);
    expect(v.errors).toEqual([]);
    const edited = createEngine(v.kb as NonNullable<typeof v.kb>);
    const bar = edited.answerEntry('chart-market', 'en').chart?.bars.find((b) => b.label === 'Nvidia');
    expect(bar?.value).toBe(-18.5);
  });

  it('names the file and field of a bad chart figure', () => {
    const files = readKnowledgeDir(DIR).map((f) =>
      f.name === 'charts.yaml' ? { ...f, text: f.text.replace('change: -16.97', 'change: "a lot"') } : f,
    );
    const problems = validateKnowledge(files).errors.map(formatProblem);
    expect(problems.join('\n')).toMatch(/charts\.yaml, field "market\.moves\.0\.change": must be a number/);
  });
});

describe('text bars and dates', () => {
  it('draws one line per bar, longest bar for the largest value, no Markdown', () => {
    const spec = ask('chart market').chart;
    const text = renderTextChart(spec as NonNullable<typeof spec>);
    const lines = text.split('\n');
    expect(lines.length).toBe((spec?.bars.length ?? 0) + 2);
    const blocks = (l: string) => (l.match(/█/g) ?? []).length;
    const marvell = lines.find((l) => l.startsWith('Marvell')) ?? '';
    expect(Math.max(...lines.map(blocks))).toBe(blocks(marvell));
    expect(text).not.toMatch(/[`*]{2}|^\s*[-•] /m);
  });
  it('writes dates for the reader', () => {
    expect(formatDate('2025-01-27', 'en')).toBe('27 January 2025');
    expect(formatDate('2025-01-27', 'fr')).toBe('27 janvier 2025');
    expect(formatDate('2025-01', 'fr')).toBe('janvier 2025');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
  it('keeps the chart data file readable for a non-programmer', () => {
    expect(readFileSync(join(DIR, 'charts.yaml'), 'utf8')).toMatch(/^# /);
  });
});
