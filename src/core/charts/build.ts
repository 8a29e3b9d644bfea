import { formatDate } from '../dates.js';
import { formatNumber, formatRatio, formatUsd, locale } from '../format.js';
import { t } from '../i18n/index.js';
import type { ChartsFileData } from '../knowledge/charts-schema.js';
import type { TrainingDefaults } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import type { ChartBar, ChartSpec } from './spec.js';

/** Chart specs from plain numbers and knowledge data; every label formatted for the reader. */

/** One model's cost of the asked amount, in US dollars. */
export interface CostChartModel {
  id: string;
  /** Display name ("OpenAI o1"). */
  name: string;
  input: number;
  output: number;
  total: number;
}

export interface CostChartInput {
  lang: Lang;
  /** The amount as the reader reads it ("10,000,000 tokens"). */
  amount: string;
  models: CostChartModel[];
  /** The model highlighted and that ratios are computed against (DeepSeek-R1). */
  referenceId: string;
  /** Price date (ISO, "2025-01") and source title, for the caption. */
  asOf: string;
  source: string;
}

const MINUS = '\u2212';
const withMinus = (s: string) => s.replace(/-/g, MINUS);

/** "$21.90" / "21,90 $US", from a dollar number. */
function usd(value: number, lang: Lang): string {
  return formatUsd(value.toFixed(value >= 1 ? 2 : 8), lang);
}

/** "−16.97%" / "−16,97 %": a signed percentage from a number of percent. */
/** Intl formatters are costly to build: one per language, made on first use. */
const changeFormats = new Map<Lang, Intl.NumberFormat>();

export function formatChange(percent: number, lang: Lang): string {
  let f = changeFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      style: 'percent',
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    });
    changeFormats.set(lang, f);
  }
  return withMinus(f.format(percent / 100));
}

/** "$5.328M" / "5,328 M$". */
export function formatMillions(dollars: number, lang: Lang): string {
  const n = formatNumber(dollars / 1e6, lang, 3);
  return lang === 'fr' ? `${n}\u00a0M$` : `$${n}M`;
}

export function costChart(input: CostChartInput): ChartSpec | undefined {
  const { lang } = input;
  const m = t(lang).charts;
  const models = input.models.filter((x) => Number.isFinite(x.total) && x.total >= 0);
  if (models.length === 0) return undefined;
  const ref = models.find((x) => x.id === input.referenceId);
  // Stacked only when the total is input + output (not when each is priced on its own).
  const split =
    models.some((x) => x.input > 0 && x.output > 0) &&
    models.every((x) => Math.abs(x.input + x.output - x.total) <= 1e-9 * Math.max(1, x.total));
  // Input and output priced each on its own (no direction asked): one bar for each, side by side.
  const apart = !split && models.some((x) => x.input > 0 && x.output > 0);
  if (apart) return costChartApart(input, models, ref);
  const bars: ChartBar[] = models.map((x) => {
    const isRef = x.id === input.referenceId;
    const ratio = ref && ref.total > 0 ? x.total / ref.total : undefined;
    const note = isRef
      ? m.reference
      : ratio !== undefined
        ? m.ratioToRef(formatRatio(ratio, lang))
        : undefined;
    return {
      label: x.name,
      value: x.total,
      valueLabel: usd(x.total, lang),
      ...(note ? { note } : {}),
      ...(isRef ? { highlight: true } : {}),
      ...(split
        ? {
            segments: [
              { key: 'input', value: x.input },
              { key: 'output', value: x.output },
            ],
          }
        : {}),
    };
  });
  const sorted = [...models].sort((a, b) => a.total - b.total);
  const cheapest = sorted[0] as CostChartModel;
  const dearest = sorted[sorted.length - 1] as CostChartModel;
  const dearRatio = ref && ref.total > 0 ? formatRatio(dearest.total / ref.total, lang) : '?';
  return {
    kind: 'cost',
    lang,
    title: m.costTitle(input.amount),
    caption: m.costCaption(formatDate(input.asOf, lang), input.source),
    axisLabel: m.costAxis,
    unit: 'usd',
    bars,
    ...(split
      ? {
          legend: [
            { key: 'input', label: m.input },
            { key: 'output', label: m.output },
          ],
        }
      : {}),
    alt: m.costAlt(cheapest.name, dearest.name, dearRatio),
  };
}

export function marketChart(data: ChartsFileData['market'], lang: Lang): ChartSpec {
  const m = t(lang).charts;
  const bars: ChartBar[] = data.moves.map((mv) => {
    const intraday = mv.basis === 'intraday';
    const value = formatChange(mv.change, lang);
    return {
      label: `${mv.name[lang]}${intraday ? ' *' : ''}`,
      value: mv.change,
      valueLabel: mv.approx ? `≈\u00a0${value}` : value,
      ...(intraday ? { note: m.intraday, muted: true } : {}),
    };
  });
  const date = formatDate(data.date, lang);
  const sources = [...new Set(data.sources.map((s) => s.title))].join(', ');
  const worst = [...data.moves].sort((a, b) => a.change - b.change)[0];
  const nasdaq = data.moves.find((mv) => /nasdaq/i.test(mv.name.en));
  return {
    kind: 'market',
    lang,
    title: data.title[lang],
    caption: m.marketCaption(date, sources),
    axisLabel: m.marketAxis,
    unit: 'percent',
    bars,
    alt: m.marketAlt(
      worst ? `${worst.name[lang]} ${formatChange(worst.change, lang)}` : '?',
      nasdaq ? formatChange(nasdaq.change, lang) : '?',
    ),
  };
}

export function trainingChart(
  data: ChartsFileData['training'],
  defaults: TrainingDefaults,
  lang: Lang,
): ChartSpec {
  const m = t(lang).charts;
  const price = Number(defaults.pricePerGpuHour);
  const total = data.stages.reduce((n, s) => n + s.gpu_hours * price, 0);
  const bars: ChartBar[] = data.stages.map((s) => {
    const cost = s.gpu_hours * price;
    return {
      label: s.name[lang],
      value: cost / 1e6,
      valueLabel: formatMillions(cost, lang),
      note: m.gpuHours(formatNumber(s.gpu_hours, lang)),
    };
  });
  const top = [...data.stages].sort((a, b) => b.gpu_hours - a.gpu_hours)[0];
  const share = top && total > 0 ? formatChange((top.gpu_hours * price * 100) / total, lang) : '?';
  return {
    kind: 'training',
    lang,
    title: data.title[lang],
    caption: m.trainingCaption(
      usd(price, lang),
      defaults.source.title,
      formatDate(defaults.source.date, lang),
    ),
    axisLabel: m.trainingAxis,
    unit: 'usd-millions',
    bars,
    alt: m.trainingAlt(top?.name[lang] ?? '?', share.replace(/^\+/, '')),
  };
}

/** Two bars per model, input then output, each with its ratio to the reference's same price. */
function costChartApart(
  input: CostChartInput,
  models: CostChartModel[],
  ref: CostChartModel | undefined,
): ChartSpec {
  const { lang } = input;
  const m = t(lang).charts;
  const bars: ChartBar[] = models.flatMap((x) =>
    (['input', 'output'] as const).map((key) => {
      const value = x[key];
      const base = ref?.[key] ?? 0;
      const isRef = x.id === input.referenceId;
      const note = isRef ? m.reference : base > 0 ? m.ratioToRef(formatRatio(value / base, lang)) : undefined;
      return {
        label: `${x.name} · ${(key === 'input' ? m.input : m.output).toLowerCase()}`,
        value,
        valueLabel: usd(value, lang),
        ...(note ? { note } : {}),
        ...(isRef ? { highlight: true } : {}),
        segments: [{ key, value }],
      };
    }),
  );
  const dearest = [...models].sort((a, b) => b.output - a.output)[0] as CostChartModel;
  const cheapest = [...models].sort((a, b) => a.output - b.output)[0] as CostChartModel;
  const ratio = ref && ref.output > 0 ? formatRatio(dearest.output / ref.output, lang) : '?';
  return {
    kind: 'cost',
    lang,
    title: m.costTitle(input.amount),
    caption: `${m.costCaption(formatDate(input.asOf, lang), input.source)} ${m.apartNote}`,
    axisLabel: m.costAxis,
    unit: 'usd',
    bars,
    legend: [
      { key: 'input', label: m.input },
      { key: 'output', label: m.output },
    ],
    alt: m.costAlt(cheapest.name, dearest.name, ratio),
  };
}
