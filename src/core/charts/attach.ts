import { type CostSpec, costOn, costReply } from '../cost/calculator.js';
import { formatDate } from '../dates.js';
import { formatNumber } from '../format.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase, ModelPrice } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { fold } from '../normalize.js';
import { makeReply, type QuestionLink, type Reply } from '../reply.js';
import {
  type CostChartModel,
  costChart,
  formatChange,
  formatMillions,
  marketChart,
  trainingChart,
} from './build.js';
import type { ChartKind, ChartSpec } from './spec.js';

/**
 * Which replies carry which chart, and the chart-only replies (`/chart`, "Show as chart", "chart …").
 * Chart ids look like entry ids ("chart-market") so that buttons that answer an entry answer them too.
 */
export const CHART_KINDS: readonly ChartKind[] = ['market', 'cost', 'training'];
const CHART_ID = /^chart-(market|cost|training)$/;
const PICO_PER_DOLLAR = 1e12;
/** The amount a chart-only cost reply prices. */
const DEFAULT_CHART_TOKENS = 1_000_000n;

export function chartId(kind: ChartKind): string {
  return `chart-${kind}`;
}

/** The chart kind of a "chart-…" id, or undefined for any other id. */
export function chartKindOf(id: string): ChartKind | undefined {
  const m = CHART_ID.exec(id);
  return m ? (m[1] as ChartKind) : undefined;
}

function showAsChart(kind: ChartKind, lang: Lang): QuestionLink {
  return { id: chartId(kind), question: t(lang).charts.showAsChart };
}

const shortName = (model: ModelPrice) => model.name.replace(/\s*\(.*\)$/, '');

/**
 * The cost chart of a priced spec: the models asked (or all when none is named) plus the reference
 * model, from the calculator's exact rows turned into dollars.
 */
export function costChartFor(kb: KnowledgeBase, spec: CostSpec, focus: ModelPrice[], lang: Lang) {
  const m = t(lang).charts;
  const ids = new Set(focus.map((x) => x.id));
  if (ids.size > 0) ids.add(kb.referenceModel);
  const shown = kb.models.filter((x) => ids.size === 0 || ids.has(x.id));
  const names = shown.map(shortName);
  const models: CostChartModel[] = shown.map((model, i) => {
    const row = costOn(model, spec);
    const name = names[i] as string;
    const twin = names.some((n, j) => j !== i && n === name);
    return {
      id: model.id,
      name: twin ? `${name} (${formatDate(model.as_of, lang)})` : name,
      input: Number(row.input) / PICO_PER_DOLLAR,
      output: Number(row.output) / PICO_PER_DOLLAR,
      total: Number(row.total) / PICO_PER_DOLLAR,
    };
  });
  const ref = kb.models.find((x) => x.id === kb.referenceModel) ?? shown[0];
  const amount =
    spec.kind === 'split'
      ? m.tokensSplit(formatNumber(spec.input, lang), formatNumber(spec.output, lang))
      : m.tokens(formatNumber(spec.tokens, lang));
  return costChart({
    lang,
    amount,
    models,
    referenceId: kb.referenceModel,
    asOf: ref?.as_of ?? '',
    source: ref?.source.title ?? '',
  });
}

export function withChart(reply: Reply, chart: ChartSpec | undefined): Reply {
  return chart ? { ...reply, chart } : reply;
}

/** A fact reply on the market or training gets its chart, or a "Show as chart" link in its topic. */
export function decorateFact(kb: KnowledgeBase, reply: Reply): Reply {
  const charts = kb.charts;
  if (!charts || reply.kind !== 'fact' || !reply.answered || !reply.entryId || reply.chart) return reply;
  const lang = reply.lang;
  if (charts.market.entries.includes(reply.entryId))
    return withChart(reply, marketChart(charts.market, lang));
  if (charts.training.entries.includes(reply.entryId))
    return withChart(reply, trainingChart(charts.training, kb.training, lang));
  const topic = kb.byId.get(reply.entryId)?.topic;
  const kind: ChartKind | undefined =
    topic === 'market'
      ? 'market'
      : topic === 'training'
        ? 'training'
        : topic === 'pricing'
          ? 'cost'
          : undefined;
  if (!kind) return reply;
  return { ...reply, related: [...reply.related, showAsChart(kind, lang)] };
}

export function isChartLink(link: QuestionLink): boolean {
  return chartKindOf(link.id) !== undefined;
}

/**
 * Up to `max` links for buttons: the related questions first, and a "Show as chart" link kept in the
 * last place rather than cut.
 */
export function pickLinks(links: QuestionLink[], max: number): QuestionLink[] {
  const charts = links.filter(isChartLink).slice(0, 1);
  const questions = links.filter((l) => !isChartLink(l));
  return [...questions.slice(0, Math.max(0, max - charts.length)), ...charts].slice(0, max);
}

/** A reply whose point is the chart: `/chart`, "Show as chart", "chart market". */
export function chartReply(kb: KnowledgeBase, kind: ChartKind, lang: Lang): Reply {
  const m = t(lang).charts;
  const charts = kb.charts;
  if (kind === 'cost') {
    const spec: CostSpec = { kind: 'single', tokens: DEFAULT_CHART_TOKENS, direction: 'both' };
    return withChart(costReply(kb, spec, [], lang), costChartFor(kb, spec, [], lang));
  }
  if (!charts) return makeReply({ kind: 'none', lang, title: m.showAsChart, body: m.unavailable });
  if (kind === 'market') {
    const data = charts.market;
    const worst = [...data.moves].sort((a, b) => a.change - b.change)[0];
    const find = (re: RegExp) => data.moves.find((mv) => re.test(mv.name.en));
    const pct = (mv: (typeof data.moves)[number] | undefined) => (mv ? formatChange(mv.change, lang) : '?');
    const src = data.sources[0];
    return makeReply({
      kind: 'fact',
      lang,
      answered: true,
      title: data.title[lang],
      body: m.marketAnswer(
        worst ? `${worst.name[lang]} (${pct(worst)})` : '?',
        pct(find(/nvidia/i)),
        pct(find(/nasdaq/i)),
      ),
      ...(src ? { source: { label: src.title, url: src.url, date: src.date } } : {}),
      related: [],
      chart: marketChart(data, lang),
    });
  }
  const price = Number(kb.training.pricePerGpuHour);
  const total = charts.training.stages.reduce((n, s) => n + s.gpu_hours * price, 0);
  const s = kb.training.source;
  return makeReply({
    kind: 'training',
    lang,
    answered: true,
    title: charts.training.title[lang],
    body: m.trainingAnswer(formatMillions(total, lang)),
    source: { label: s.title, url: s.url, date: s.date },
    chart: trainingChart(charts.training, kb.training, lang),
  });
}

const CHART_WORDS =
  /^(?:show (?:me )?(?:a |the )?|montre(?:-moi)? (?:un |le )?|affiche (?:un |le )?)?(?:chart|graph|graphique|diagramme|graphe)s?\b[\s:,-]*/i;

/**
 * "chart market", "graphique coût 10M tokens", "/ask chart …": the rest of the question, or
 * undefined when the text does not ask for a chart first.
 */
export function chartRequest(text: string): { rest: string } | undefined {
  const m = CHART_WORDS.exec(text.trim());
  return m ? { rest: text.trim().slice(m[0].length).trim() } : undefined;
}

/** The chart a bare chart request names ("market", "bourse", "training", "coût"…), market by default. */
export function chartKindFromWords(text: string): ChartKind | undefined {
  const f = fold(text);
  if (f === '') return 'market';
  if (/\b(market|marche|bourse|nasdaq|nvidia|stock|action|selloff|krach|chute)/.test(f)) return 'market';
  if (/\b(train|entrain|gpu|v3)/.test(f)) return 'training';
  if (/\b(cost|cout|price|prix|token|api|o1)/.test(f)) return 'cost';
  return undefined;
}
