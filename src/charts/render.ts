import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { parse, type Spec, View } from 'vega';
import type { ChartBar, ChartSpec } from '../core/charts/spec.js';

/**
 * Chart spec → Vega spec → SVG (vega, no browser) → PNG (resvg). Lives outside the core because it
 * pulls a native rasterizer. Text is drawn with the Inter font shipped in assets/fonts/, never the
 * host's fonts, so the PNG is the same on every machine.
 */

/** Inter (SIL Open Font License, assets/fonts/OFL.txt), shipped with the project: two TTFs, 0.7 MB. */
const FONTS_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
export const FONT_FILES = [join(FONTS_DIR, 'Inter-Regular.ttf'), join(FONTS_DIR, 'Inter-SemiBold.ttf')];
const FONT = 'Inter';

export const CHART_WIDTH = 720;
/** Pixels per SVG unit: 1.5 gives a 1080-pixel-wide image: sharp at the sizes Discord and Slack show, and half the rasterizing time of 2. */
export const CHART_SCALE = 1.5;
const BAR_STEP = 30;
const TITLE_HEIGHT = 44;
const LEGEND_HEIGHT = 24;
const CAPTION_LINE = 15;
const LABEL_CHAR = 6.6;

export const COLORS = {
  bar: '#4c6ef5',
  barLight: '#91a7ff',
  highlight: '#e8590c',
  highlightLight: '#ffa94d',
  muted: '#adb5bd',
  fall: '#e03131',
  rise: '#2f9e44',
  text: '#212529',
  caption: '#495057',
  grid: '#e9ecef',
} as const;

const LOCALES = {
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
  fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0$'] },
} as const;

function fill(bar: ChartBar, segment: string | undefined, unit: ChartSpec['unit']): string {
  if (bar.muted) return COLORS.muted;
  if (unit === 'percent') return bar.value < 0 ? COLORS.fall : COLORS.rise;
  const light = segment === 'input';
  if (bar.highlight) return light ? COLORS.highlightLight : COLORS.highlight;
  return light ? COLORS.barLight : COLORS.bar;
}

/** Splits a caption into lines of about `max` characters. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Vega's text metrics are estimates without a canvas: size label room generously. */
const textWidth = (s: string, size = 12) => [...s].length * LABEL_CHAR * (size / 12);

export function vegaSpec(chart: ChartSpec): Spec {
  const label = (b: ChartBar) =>
    chart.unit === 'percent' || !b.note ? b.valueLabel : `${b.valueLabel} · ${b.note}`;
  // Unique band keys even when two bars share a label.
  const rows = chart.bars.map((b, i) => ({
    key: `${i}`,
    name: b.label,
    text: label(b),
    value: b.value,
    bar: b,
  }));
  const segments = rows.flatMap((r) => {
    const parts =
      r.bar.segments && r.bar.segments.length > 0 ? r.bar.segments : [{ key: 'total', value: r.value }];
    let x = 0;
    return parts.map((p) => {
      const seg = { key: r.key, x0: x, x1: x + p.value, color: fill(r.bar, p.key, chart.unit) };
      x += p.value;
      return seg;
    });
  });
  const legend = chart.legend ?? [];
  const labelWidth = Math.min(220, Math.max(...rows.map((r) => textWidth(r.name))) + 8);
  const plot = CHART_WIDTH - labelWidth - 24;
  const legendTop = legend.length > 0 ? -LEGEND_HEIGHT + 6 : 0;
  const max = Math.max(0, ...rows.map((r) => r.value));
  const min = Math.min(0, ...rows.map((r) => r.value));
  // Room at the bar ends for the value labels.
  const right = Math.max(0, ...rows.filter((r) => r.value >= 0).map((r) => textWidth(r.text) * 1.12 + 14));
  const left = Math.max(0, ...rows.filter((r) => r.value < 0).map((r) => textWidth(r.text) * 1.12 + 14));
  const span = max - min || 1;
  const perPx = span / Math.max(80, plot - right - left);
  const domain = [min - left * perPx, max + right * perPx];
  const height = rows.length * BAR_STEP;
  const captionLines = wrap(chart.caption, 112);
  const unitFormat =
    chart.unit === 'usd'
      ? "format(datum.value, '$,~f')"
      : chart.unit === 'usd-millions'
        ? `${chart.lang === 'fr' ? "format(datum.value, ',~f') + '\u00a0M$'" : "'$' + format(datum.value, ',~f') + 'M'"}`
        : "(datum.value > 0 ? '+' : '') + format(datum.value, '~f') + suffix";
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: plot,
    height,
    // Sizes computed here, not by vega: without a canvas its text widths are rough estimates.
    padding: {
      left: labelWidth + 16,
      right: 8,
      top: TITLE_HEIGHT + (legend.length > 0 ? LEGEND_HEIGHT : 0),
      bottom: 50 + captionLines.length * CAPTION_LINE + 10,
    },
    autosize: 'none',
    background: 'white',
    config: { text: { font: FONT }, axis: { labelFont: FONT, titleFont: FONT } },
    signals: [{ name: 'suffix', value: chart.lang === 'fr' ? '\u202f%' : '%' }],
    data: [
      { name: 'rows', values: rows.map(({ bar: _b, ...r }) => r) },
      { name: 'segments', values: segments },
      { name: 'legend', values: legend.map((l, i) => ({ ...l, i })) },
      { name: 'caption', values: [{ lines: captionLines }] },
    ],
    scales: [
      { name: 'y', type: 'band', domain: { data: 'rows', field: 'key' }, range: 'height', padding: 0.22 },
      { name: 'x', type: 'linear', domain, range: 'width', zero: true, nice: false },
      { name: 'names', type: 'ordinal', domain: rows.map((r) => r.key), range: rows.map((r) => r.name) },
    ],
    axes: [
      {
        orient: 'bottom',
        scale: 'x',
        grid: true,
        gridColor: COLORS.grid,
        domain: false,
        tickCount: 5,
        labelColor: COLORS.caption,
        labelFontSize: 11,
        title: chart.axisLabel,
        titleFontSize: 12,
        titleFontWeight: 600,
        titleColor: COLORS.caption,
        encode: { labels: { update: { text: { signal: unitFormat } } } },
        zindex: 0,
      },
      {
        orient: 'left',
        scale: 'y',
        ticks: false,
        domain: false,
        labelFontSize: 12,
        labelColor: COLORS.text,
        labelLimit: 0,
        labelPadding: 6,
        encode: { labels: { update: { text: { signal: "scale('names', datum.value)" } } } },
      },
    ],
    marks: [
      {
        type: 'text',
        encode: {
          update: {
            x: { value: -labelWidth },
            y: { value: -(TITLE_HEIGHT + (legend.length > 0 ? LEGEND_HEIGHT : 0)) + 12 },
            baseline: { value: 'top' },
            text: { value: chart.title },
            fontSize: { value: 17 },
            fontWeight: { value: 600 },
            fill: { value: COLORS.text },
          },
        },
      },
      {
        type: 'rule',
        encode: {
          update: {
            x: { scale: 'x', value: 0 },
            y: { value: 0 },
            y2: { signal: 'height' },
            stroke: { value: COLORS.caption },
            strokeWidth: { value: 1 },
          },
        },
      },
      {
        type: 'rect',
        from: { data: 'segments' },
        encode: {
          update: {
            y: { scale: 'y', field: 'key' },
            height: { scale: 'y', band: 1 },
            x: { scale: 'x', field: 'x0' },
            x2: { scale: 'x', field: 'x1' },
            fill: { field: 'color' },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'rows' },
        encode: {
          update: {
            y: { scale: 'y', field: 'key', band: 0.5 },
            x: { scale: 'x', field: 'value', offset: { signal: 'datum.value < 0 ? -6 : 6' } },
            align: { signal: "datum.value < 0 ? 'right' : 'left'" },
            baseline: { value: 'middle' },
            text: { field: 'text' },
            fontSize: { value: 12 },
            fontWeight: { value: 600 },
            fill: { value: COLORS.text },
          },
        },
      },
      {
        type: 'symbol',
        from: { data: 'legend' },
        encode: {
          update: {
            shape: { value: 'square' },
            size: { value: 120 },
            x: { signal: 'datum.i * 90 + 6' },
            y: { value: legendTop },
            fill: { signal: `datum.key === 'input' ? '${COLORS.barLight}' : '${COLORS.bar}'` },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'legend' },
        encode: {
          update: {
            x: { signal: 'datum.i * 90 + 16' },
            y: { value: legendTop },
            baseline: { value: 'middle' },
            text: { field: 'label' },
            fontSize: { value: 12 },
            fill: { value: COLORS.text },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'caption' },
        encode: {
          update: {
            x: { value: -labelWidth },
            y: { signal: 'height + 46' },
            baseline: { value: 'top' },
            text: { field: 'lines' },
            lineHeight: { value: CAPTION_LINE },
            fontSize: { value: 11 },
            fill: { value: COLORS.caption },
          },
        },
      },
    ],
  } as Spec;
}

/** Renders a chart to SVG (vega). */
export async function renderSvg(chart: ChartSpec): Promise<string> {
  const view = new View(parse(vegaSpec(chart)), {
    renderer: 'none',
    locale: { number: LOCALES[chart.lang] as never },
  } as never);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Renders a chart to a PNG image. */
export async function renderPng(chart: ChartSpec): Promise<Buffer> {
  const svg = await renderSvg(chart);
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: CHART_SCALE },
    background: 'white',
  });
  return resvg.render().asPng();
}
