import type { Direction } from '../engine-types.js';
import { formatCost, formatNumber, formatRatio, formatUsd } from '../format.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase, ModelPrice } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { PRICE_SCALE, toDecimalString } from '../money.js';
import { makeReply, type Reply, type ReplyField } from '../reply.js';
import { type AmountError, MAX_TOKENS } from './amount.js';

/** What to price: one amount in a direction, or an explicit input/output split. */
export type CostSpec =
  | { kind: 'single'; tokens: bigint; direction: Direction | null }
  | { kind: 'split'; input: bigint; output: bigint };

export interface CostRow {
  model: ModelPrice;
  /** Pico-dollars (exact). */
  input: bigint;
  output: bigint;
  total: bigint;
}

/** Exact cost of a spec on one model, in pico-dollars: tokens × micro-dollars per million tokens. */
export function costOn(model: ModelPrice, spec: CostSpec): CostRow {
  const p = model.micro;
  let input = 0n;
  let output = 0n;
  if (spec.kind === 'split') {
    input = spec.input * p.inputCacheMiss;
    output = spec.output * p.output;
  } else {
    if (spec.direction !== 'output') input = spec.tokens * p.inputCacheMiss;
    if (spec.direction !== 'input') output = spec.tokens * p.output;
  }
  const total = spec.kind === 'single' && spec.direction === null ? output : input + output;
  return { model, input, output, total };
}

function ratio(a: bigint, b: bigint): number | undefined {
  if (b === 0n) return undefined;
  // Both are exact integers well under 2^80; a float ratio is fine for display.
  return Number((a * 1000n) / b) / 1000;
}

function priceLine(model: ModelPrice, lang: Lang): string {
  const usd = (micro: bigint) => formatUsd(toDecimalString(micro, PRICE_SCALE), lang);
  return lang === 'fr'
    ? `entrée ${usd(model.micro.inputCacheMiss)} (cache : ${usd(model.micro.inputCacheHit)}) · sortie ${usd(model.micro.output)} / M tokens`
    : `input ${usd(model.micro.inputCacheMiss)} (cached: ${usd(model.micro.inputCacheHit)}) · output ${usd(model.micro.output)} / M tokens`;
}

function rowValue(row: CostRow, spec: CostSpec, ref: CostRow | undefined, lang: Lang): string {
  const m = t(lang).cost;
  const inLabel = lang === 'fr' ? 'entrée' : 'in';
  const outLabel = lang === 'fr' ? 'sortie' : 'out';
  let value: string;
  if (spec.kind === 'single' && spec.direction === null) {
    value = `${formatCost(row.input, lang)} ${inLabel} · ${formatCost(row.output, lang)} ${outLabel}`;
  } else if (spec.kind === 'split' || spec.direction === 'both') {
    value = `${formatCost(row.total, lang)} (${formatCost(row.input, lang)} ${inLabel} + ${formatCost(row.output, lang)} ${outLabel})`;
  } else value = formatCost(row.total, lang);
  if (ref && ref.model.id !== row.model.id) {
    const r = ratio(row.total, ref.total);
    if (r !== undefined) value += ` · ${m.ratio(formatRatio(r, lang), shortName(ref.model))}`;
  }
  return value;
}

function shortName(model: ModelPrice): string {
  return model.name.replace(/\s*\(.*\)$/, '');
}

/** Prices a spec on every model of the knowledge base, focused on the models the user named. */
export function costReply(kb: KnowledgeBase, spec: CostSpec, focus: ModelPrice[], lang: Lang): Reply {
  const m = t(lang).cost;
  const rows = kb.models.map((model) => costOn(model, spec));
  const ref = rows.find((r) => r.model.id === kb.referenceModel);
  const title =
    spec.kind === 'split'
      ? m.titleSplit(formatNumber(spec.input, lang), formatNumber(spec.output, lang))
      : m.title(formatNumber(spec.tokens, lang));
  const direction =
    spec.kind === 'single'
      ? spec.direction === 'input'
        ? m.directionInput
        : spec.direction === 'output'
          ? m.directionOutput
          : spec.direction === 'both'
            ? m.directionBoth
            : null
      : null;
  const basis = spec.kind === 'split' ? m.splitBasis : direction ? m.basis(direction) : m.splitBasis;
  const main = focus.length > 0 ? focus : ref ? [ref.model] : [];
  const lines = main.map((model) => {
    const row = rows.find((r) => r.model.id === model.id) as CostRow;
    const note = model.note ? ` ${model.note[lang]}` : '';
    return `**${model.name}**: ${rowValue(row, spec, ref, lang)}.${note}`;
  });
  const fields: ReplyField[] = rows.map((row) => ({
    label: row.model.name,
    value: `${rowValue(row, spec, ref, lang)}\n${priceLine(row.model, lang)}`,
    inline: false,
  }));
  const sourceModel = main[0] ?? kb.models[0];
  return makeReply({
    kind: 'cost',
    lang,
    answered: true,
    title,
    body: [...lines, basis].join('\n'),
    fields,
    ...(sourceModel
      ? {
          source: {
            label: `${sourceModel.source.title} (${m.asOf(sourceModel.as_of)})`,
            url: sourceModel.source.url,
            date: sourceModel.source.date,
          },
        }
      : {}),
  });
}

/** A clear message for an amount that cannot be priced. */
export function amountErrorReply(error: AmountError, input: string, lang: Lang): Reply {
  const m = t(lang).cost;
  const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
  const body =
    error === 'negative'
      ? m.negative
      : error === 'zero'
        ? m.zero
        : error === 'too-large'
          ? m.tooLarge(formatNumber(MAX_TOKENS, lang))
          : m.badAmount(shown);
  return makeReply({ kind: 'cost', lang, title: m.usageTitle, body });
}
