import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../src/charts/index.js';
import { CHART_SCALE, COLORS, renderPng } from '../../src/charts/render.js';
import type { ChartSpec } from '../../src/core/charts/spec.js';
import { loadEngineFromDir } from '../../src/core/index.js';
import type { Lang } from '../../src/core/lang.js';

/**
 * Every chart, in both languages, rendered and read back as an image. The references under
 * tests/charts/reference/ are the PNGs a reviewer looks at; `UPDATE_CHART_REFERENCES=1` rewrites them.
 */
const engine = loadEngineFromDir(join(import.meta.dirname, '../../knowledge'));
const REFERENCE = join(import.meta.dirname, 'reference');
const UPDATE = process.env.UPDATE_CHART_REFERENCES === '1';
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const QUESTIONS: Record<string, Record<Lang, string>> = {
  cost: {
    en: 'how much would 10M tokens cost on r1 vs o1 vs o1-mini?',
    fr: 'combien pour 1M de tokens en entrée et 200k en sortie sur o1 ?',
  },
  market: { en: 'how much did nvidia and the others fall?', fr: 'de combien le nasdaq a baissé ?' },
  training: { en: 'v3 training cost?', fr: "combien a coûté l'entraînement de v3 ?" },
};

function chartOf(kind: string, lang: Lang): ChartSpec {
  const reply = engine.answer({ text: QUESTIONS[kind]?.[lang] ?? '', locale: null });
  expect(reply.lang).toBe(lang);
  expect(reply.chart?.kind).toBe(kind);
  return reply.chart as ChartSpec;
}

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

/** Rows (y) where pixels of one colour are, within a small tolerance. */
function rowsOf(png: PNG, color: string): number[] {
  const [r, g, b] = hex(color) as [number, number, number];
  const rows: number[] = [];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const d =
        Math.abs((png.data[i] ?? 0) - r) +
        Math.abs((png.data[i + 1] ?? 0) - g) +
        Math.abs((png.data[i + 2] ?? 0) - b);
      if (d < 12) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 200) ink++;
  return ink / (png.width * png.height);
}

describe.each(['cost', 'market', 'training'])('the %s chart', (kind) => {
  it.each(['en', 'fr'] as const)('renders as a real, legible PNG in %s', async (lang) => {
    const chart = chartOf(kind, lang);
    const buffer = await renderPng(chart);
    expect(buffer.subarray(0, 8).equals(SIGNATURE)).toBe(true);
    const png = PNG.sync.read(buffer);
    expect(png.width).toBeGreaterThanOrEqual(1000);
    expect(png.width).toBeLessThanOrEqual(2400);
    expect(png.height).toBeGreaterThanOrEqual(150 * CHART_SCALE);
    // Not blank, not a solid block.
    const ink = inkShare(png);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.6);
    if (kind === 'cost') {
      // R1 (the first bar) is highlighted, above the other models' bars.
      const orange = rowsOf(png, COLORS.highlight);
      const blue = rowsOf(png, COLORS.bar);
      expect(orange.length).toBeGreaterThan(10);
      expect(blue.length).toBeGreaterThan(10);
      // (The legend's squares, above the bars, are blue too.)
      const blueBars = blue.filter((y) => y > Math.min(...orange));
      expect(blueBars.length).toBeGreaterThan(10);
      expect(Math.max(...orange)).toBeLessThan(Math.min(...blueBars));
    }
    if (kind === 'market') {
      expect(rowsOf(png, COLORS.fall).length).toBeGreaterThan(100);
      // The Dow rose: one green bar, below the stocks.
      const green = rowsOf(png, COLORS.rise);
      expect(green.length).toBeGreaterThan(10);
      expect(Math.min(...green)).toBeGreaterThan(Math.max(...rowsOf(png, COLORS.muted).slice(0, 1)));
    }
    const file = join(REFERENCE, `${kind}-${lang}.png`);
    if (UPDATE || !existsSync(file)) writeFileSync(file, buffer);
    const ref = PNG.sync.read(readFileSync(file));
    expect([png.width, png.height]).toEqual([ref.width, ref.height]);
    const diff = pixelmatch(png.data, ref.data, undefined, png.width, png.height, { threshold: 0.2 });
    expect(diff / (png.width * png.height)).toBeLessThan(0.005);
  });

  it('draws its text: the title changes the pixels', async () => {
    const chart = chartOf(kind, 'en');
    const a = PNG.sync.read(await renderPng(chart));
    const b = PNG.sync.read(await renderPng({ ...chart, title: 'X' }));
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    expect(pixelmatch(a.data, b.data, undefined, a.width, a.height)).toBeGreaterThan(500);
  });
});

describe('the chart cache', () => {
  it('renders a chart once and serves the same PNG after', async () => {
    const charts = createChartRenderer(2);
    const chart = chartOf('training', 'en');
    const first = await charts.png(chart);
    expect(await charts.png({ ...chart })).toBe(first);
    await charts.png(chartOf('training', 'fr'));
    await charts.png(chartOf('market', 'fr'));
    expect(charts.size).toBe(2);
    expect(await charts.png(chart)).not.toBe(first);
  });
});

describe('rendering in the chart worker', () => {
  it('draws the same PNG as this thread and survives a failed chart', async () => {
    const charts = createChartRenderer(4);
    const chart = chartOf('cost', 'en');
    const fromWorker = await charts.png(chart);
    expect(fromWorker.subarray(0, 8)).toEqual(SIGNATURE);
    expect(Buffer.compare(fromWorker, await renderPng(chart))).toBe(0);
    const broken = { ...chart, bars: 'not a list' } as unknown as ChartSpec;
    await expect(charts.png(broken)).rejects.toThrow(/chart not rendered/);
    // The worker is still there for the next chart.
    const next = await charts.png(chartOf('market', 'fr'));
    expect(next.subarray(0, 8)).toEqual(SIGNATURE);
    const here = createChartRenderer(4, { worker: false });
    expect(Buffer.compare(await here.png(chart), fromWorker)).toBe(0);
  });

  it('holds the process open while it draws, not after', () => {
    // A script that asks for one chart and does nothing else: it must get its PNG, then exit by itself.
    const script = [
      `import { createChartRenderer } from ${JSON.stringify(join(import.meta.dirname, '../../src/charts/index.ts'))};`,
      `const chart = ${JSON.stringify(chartOf('training', 'en'))};`,
      'const png = await createChartRenderer(1).png(chart);',
      'console.log(png.length);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(1_000);
  }, 40_000);
});
