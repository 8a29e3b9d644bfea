/**
 * `npm run bench:charts`: chart render time and the install size the chart libraries add.
 *
 * For each chart (cost, market, training) in both languages: cold renders (spec → vega SVG → resvg PNG,
 * no cache), split into the SVG and the rasterizing step, against the cached renderer and the text
 * bars, in the same run. Targets: p99 under 100 ms per chart cold, under 1 ms cached.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { createChartRenderer } from '../src/charts/index.js';
import { CHART_SCALE, FONT_FILES, renderPng, renderSvg } from '../src/charts/render.js';
import type { ChartSpec } from '../src/core/charts/spec.js';
import { renderTextChart } from '../src/core/charts/text.js';
import { loadEngineFromDir } from '../src/core/index.js';
import { fmt, percentile, ratio, sortedCopy, table } from './lib.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const CACHED_ROUNDS = 2000;
const engine = loadEngineFromDir('knowledge');
const charts: ChartSpec[] = (['market', 'cost', 'training'] as const).flatMap((kind) =>
  (['en', 'fr'] as const).map((lang) => engine.answerEntry(`chart-${kind}`, lang).chart as ChartSpec),
);

async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const stats = (xs: number[]) => {
  const s = sortedCopy(xs);
  return { p50: percentile(s, 50), p99: percentile(s, 99) };
};

// Warm-up: module loading, font parsing and JIT are paid once per process, not per chart.
const firstMs = await time(() => renderPng(charts[0] as ChartSpec));
for (const c of charts) await renderPng(c);

const rows: string[][] = [];
let worstP99 = 0;
let worstCached = 0;
for (const chart of charts) {
  const cold: number[] = [];
  const svgOnly: number[] = [];
  const raster: number[] = [];
  const svg = await renderSvg(chart);
  for (let i = 0; i < ROUNDS; i++) {
    cold.push(await time(() => renderPng(chart)));
    svgOnly.push(await time(() => renderSvg(chart)));
    raster.push(
      await time(() =>
        new Resvg(svg, {
          font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Inter' },
          fitTo: { mode: 'zoom', value: CHART_SCALE },
        })
          .render()
          .asPng(),
      ),
    );
  }
  const renderer = createChartRenderer();
  await renderer.png(chart);
  const cached: number[] = [];
  // A new but equal spec each time, as a repeated question brings (the key is computed from it).
  for (let i = 0; i < CACHED_ROUNDS; i++) cached.push(await time(() => renderer.png({ ...chart })));
  const text: number[] = [];
  for (let i = 0; i < CACHED_ROUNDS; i++) text.push(await time(() => renderTextChart(chart)));
  const c = stats(cold);
  const k = stats(cached);
  worstP99 = Math.max(worstP99, c.p99);
  worstCached = Math.max(worstCached, k.p99);
  const png = await renderPng(chart);
  rows.push([
    `${chart.kind} ${chart.lang}`,
    `${fmt(c.p50)} / ${fmt(c.p99)}`,
    `${fmt(stats(svgOnly).p50)} / ${fmt(stats(raster).p50)}`,
    `${fmt(k.p50 * 1000, 0)} / ${fmt(k.p99 * 1000, 0)}`,
    `${fmt(stats(text).p50 * 1000, 0)}`,
    ratio(c.p50, k.p50),
    `${fmt(png.length / 1024, 0)}`,
  ]);
}

console.log(
  `Chart rendering (${ROUNDS} cold rounds, ${CACHED_ROUNDS} cached; first render in a process: ${fmt(firstMs)} ms)\n`,
);
console.log(
  table(
    [
      'chart',
      'cold p50 / p99 ms',
      'svg / raster p50 ms',
      'cached p50 / p99 µs',
      'text bars p50 µs',
      'cold ÷ cached',
      'PNG KiB',
    ],
    rows,
  ),
);
console.log(
  `\nworst cold p99 ${fmt(worstP99)} ms (target < 100 ms: ${worstP99 < 100 ? 'met' : 'NOT met'}); ` +
    `worst cached p99 ${fmt(worstCached * 1000, 0)} µs (target < 1 ms: ${worstCached < 1 ? 'met' : 'NOT met'})`,
);

// Install size: packages reachable only from the chart dependencies, from package-lock.json.
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<
    string,
    { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; dev?: boolean }
  >;
};
const CHART_DEPS = ['vega', '@resvg/resvg-js'];
const root = lock.packages[''] ?? {};
const resolve = (from: string, name: string): string | undefined => {
  let base = from;
  for (;;) {
    const path = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[path]) return path;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
};
const reach = (names: string[]) => {
  const seen = new Set<string>();
  const stack = names.map((n) => resolve('', n)).filter((p): p is string => p !== undefined);
  while (stack.length > 0) {
    const p = stack.pop() as string;
    if (seen.has(p)) continue;
    seen.add(p);
    const pkg = lock.packages[p] ?? {};
    for (const d of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const r = resolve(p, d);
      if (r) stack.push(r);
    }
  }
  return seen;
};
const others = Object.keys(root.dependencies ?? {}).filter((d) => !CHART_DEPS.includes(d));
const base = reach(others);
const added = [...reach(CHART_DEPS)].filter((p) => !base.has(p));
const du = (dir: string): number => {
  let n = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !(e.name === 'node_modules')) n += du(p);
    else if (e.isFile()) n += statSync(p).size;
  }
  return n;
};
const installed = added.filter((p) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
});
const fontBytes = du('assets/fonts');
const addedBytes = installed.reduce((n, p) => n + du(p), 0) + fontBytes;
const prodBytes = [...base].reduce((n, p) => n + du(p), 0);
const biggest = installed
  .map((p) => [p.replace(/^.*node_modules\//, ''), du(p)] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 4)
  .map(([n, b]) => `${n} ${fmt(b / 2 ** 20)} MiB`)
  .join(', ');
console.log(
  `\nInstall size added by the charts: ${fmt(addedBytes / 2 ** 20)} MiB in ${installed.length} packages ` +
    `and the fonts in assets/fonts (${fmt(fontBytes / 2 ** 20)} MiB) ` +
    `(the other production dependencies: ${fmt(prodBytes / 2 ** 20)} MiB, ratio ${ratio(addedBytes, prodBytes)}). ` +
    `Largest: ${biggest}.`,
);
