import type { Lang } from '../lang.js';

/**
 * A chart as plain data: what to draw, already labelled and formatted in the reply's language.
 * Platform-free and renderer-free: the PNG renderer (src/charts/) and the text bars (./text.ts)
 * both draw from this.
 */
export type ChartKind = 'cost' | 'market' | 'training';

/** One part of a stacked bar (input / output cost, a training stage). */
export interface ChartSegment {
  /** Stable key across bars, for colours and the legend: "input", "output". */
  key: string;
  value: number;
}

export interface ChartBar {
  label: string;
  /** The bar's length, in the chart's unit (dollars, percent). Negative draws to the left. */
  value: number;
  /** The value as the reader reads it ("$21.90", "−16,97 %"). */
  valueLabel: string;
  /** Drawn after the value ("27× R1", "intraday"). */
  note?: string;
  /** The bar to look at first (DeepSeek-R1 in a cost comparison). */
  highlight?: boolean;
  /** Drawn lighter: an approximate or intraday figure. */
  muted?: boolean;
  /** Stacked parts, summing to `value`. */
  segments?: ChartSegment[];
}

export interface ChartLegendItem {
  key: string;
  label: string;
}

export interface ChartSpec {
  kind: ChartKind;
  lang: Lang;
  title: string;
  /** Source, date and marks explained, under the chart. */
  caption: string;
  /** What the bars measure ("Cost for 10,000,000 tokens"). */
  axisLabel: string;
  /** Dollars, millions of dollars, or percent (values are numbers of percent: -16.97). */
  unit: 'usd' | 'usd-millions' | 'percent';
  bars: ChartBar[];
  /** Segment keys explained, when bars are stacked. */
  legend?: ChartLegendItem[];
  /** Alternative text for screen readers and text-only surfaces (one sentence). */
  alt: string;
}

/** File name of a chart attachment or upload: "briefbot-market-fr.png". */
export function chartFileName(chart: ChartSpec): string {
  return `briefbot-${chart.kind}-${chart.lang}.png`;
}
