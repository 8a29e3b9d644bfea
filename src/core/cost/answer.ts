import {
  countOf,
  formatApprox,
  formatCount,
  formatNumber,
  formatRatio,
  formatUsd,
  pluralOf,
} from '../format.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase, ModelPrice } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { COST_SCALE, PRICE_SCALE, toDecimalString } from '../money.js';
import { makeReply, type Reply } from '../reply.js';
import { type PriceView, priceFor } from './prices.js';
import { inputCost, multiplierOf, type PricedRow, priceCalc, tokensOf } from './pricing.js';
import {
  div,
  floor,
  fromDecimal,
  isWhole,
  mul,
  ONE,
  type Rational,
  rat,
  round,
  toDecimal,
} from './rational.js';
import type { CostCalc, Size } from './request.js';

const money = (pico: bigint, lang: Lang) => formatUsd(toDecimalString(pico, COST_SCALE), lang);
const perM = (microPrice: bigint, lang: Lang) => formatUsd(toDecimalString(microPrice, PRICE_SCALE), lang);

export function shortName(model: ModelPrice): string {
  return model.name.replace(/\s*\(.*\)$/, '');
}

function ratio(a: bigint, b: bigint): number | undefined {
  if (b === 0n || a === 0n) return undefined;
  return Number((a * 1000n) / b) / 1000;
}

/** "10M input tokens", "1,000 requests × 2,000 output tokens = 2M output tokens", "10,000 words (≈13,000 tokens)". */
function amountText(calc: CostCalc, lang: Lang): string {
  const m = t(lang).cost;
  const mult = multiplierOf(calc);
  const sizeText = (size: Size, kind: 'input' | 'output' | 'unsaid' | 'both', scale: Rational) => {
    const tokens = tokensOf(size) ?? rat(0n);
    const total = round(mul(tokens, scale));
    const noun = m.nouns[kind];
    if (size.text && scale === ONE) {
      const count = fromDecimal(size.text.count) ?? rat(0n);
      const words = countOf(round(count), lang, m.textNouns[size.text.unit]);
      return m.textSize(words, countOf(total, lang, noun));
    }
    return countOf(total, lang, noun);
  };
  const both = calc.input && calc.output && calc.input === calc.output;
  const parts = (scale: Rational) => {
    if (both && calc.input) return sizeText(calc.input, 'both', scale);
    const out: string[] = [];
    if (calc.input) out.push(sizeText(calc.input, 'input', scale));
    if (calc.output) out.push(sizeText(calc.output, 'output', scale));
    if (calc.unsaid) out.push(sizeText(calc.unsaid, 'unsaid', scale));
    return out.join(' + ');
  };
  if (mult.n === mult.d && !calc.span) return parts(ONE);
  const counts = (calc.times ?? []).map((f) => `${formatNumber(f.count, lang)} ${f.what}`);
  let each = parts(ONE);
  if (calc.span) {
    const count = fromDecimal(calc.span.count) ?? ONE;
    const noun = m.timeNouns[calc.span.unit];
    const word = isWhole(count) && pluralOf(count.n, lang) === 'one' ? noun.one : noun.other;
    const rateOnly = calc.span.unit === calc.span.per && calc.span.count === '1';
    each += rateOnly
      ? ` ${m.perRate(m.perUnit[calc.span.per])}`
      : ` ${m.span(m.perUnit[calc.span.per], `${formatNumber(calc.span.count, lang)}\u00a0${word}`)}`;
  }
  const product = [...counts, each].join(' × ');
  return mult.n === mult.d ? product : `${product} = ${parts(mult)}`;
}

/** The price period said in the understood line, or undefined when each model line says its own. */
function periodText(rows: PricedRow[], calc: CostCalc, lang: Lang): string | undefined {
  const m = t(lang).cost;
  if (rows.every((r) => r.view.isDefault)) {
    return calc.period.kind === 'default' ? m.januaryPrices : m.onlyPrice;
  }
  if (rows.length === 1 && rows[0]?.view.label) return rows[0].view.label[lang];
  return undefined;
}

/** Prices a calculation on the models asked (every model when none was named). */
export function costAnswer(kb: KnowledgeBase, calc: CostCalc, lang: Lang): Reply {
  const m = t(lang).cost;
  const named = calc.models
    .map((id) => kb.models.find((x) => x.id === id))
    .filter((x): x is ModelPrice => x !== undefined);
  const known = kb.models.map(shortName).join(', ');
  const unknownLine = calc.unknown.length > 0 ? m.noPrice(calc.unknown.join(', '), known) : undefined;
  const currencyLine = calc.currency ? m.usdOnly : undefined;
  // Only unknown models named: say so, price nothing.
  if (named.length === 0 && calc.unknown.length > 0) {
    return makeReply({
      kind: 'cost',
      lang,
      answered: false,
      title: m.usageTitle,
      body: [unknownLine, currencyLine].filter(Boolean).join('\n'),
    });
  }
  const models = named.length > 0 ? named : kb.models;
  const rows = models.map((model) => priceCalc(calc, priceFor(model, calc.period)));
  const refModel = kb.models.find((x) => x.id === kb.referenceModel);
  const ref = refModel ? priceCalc(calc, priceFor(refModel, calc.period)) : undefined;
  const period = periodText(rows, calc, lang);
  const reverse = calc.budget !== undefined;
  const understood = [
    reverse
      ? m.budgetOf(formatUsd(toDecimal(rat(BigInt(calc.budget as string), 1_000_000n)), lang))
      : undefined,
    calc.input || calc.output || calc.unsaid ? amountText(calc, lang) : reverse ? undefined : undefined,
    calc.cachedTokens !== undefined
      ? m.cachedPart(formatCount(BigInt(calc.cachedTokens), lang))
      : calc.cached !== undefined && calc.cached > 0
        ? m.cacheHit(calc.cached === 100 ? undefined : formatNumber(calc.cached, lang))
        : undefined,
    named.length > 0 ? named.map(shortName).join(', ') : m.allModels,
    period,
  ].filter((x): x is string => Boolean(x));
  const lines: string[] = [`${m.understood}${t(lang).colon}${understood.join(' · ')}`];
  if (calc.unsaid && !reverse) lines.push(m.directionUnsaid);
  if (unknownLine) lines.push(unknownLine);
  if (currencyLine) lines.push(currencyLine);
  for (const row of rows) {
    const label = period === undefined && row.view.label ? ` (${row.view.label[lang]})` : '';
    const name = `**${shortName(row.view.model)}**${label}`;
    const p = row.view.micro;
    const value = calc.pricesOnly
      ? m.priceList(perM(p.inputCacheMiss, lang), perM(p.inputCacheHit, lang), perM(p.output, lang))
      : reverse
        ? reverseValue(calc, row.view, lang)
        : rowValue(calc, row, ref, lang);
    lines.push(`${name}${t(lang).colon}${value}`);
  }
  const notes: string[] = [];
  const text = calc.input?.text ?? calc.output?.text ?? calc.unsaid?.text;
  if (text) notes.push(m.textRule(m.rules[text.lang][text.unit]));
  // A month or a year converted to days is said; a rate alone ("per month") converts nothing.
  const span = calc.span && calc.span.unit !== calc.span.per ? calc.span : undefined;
  if (span && (span.unit === 'month' || span.per === 'month')) notes.push(m.monthLength);
  if (span && (span.unit === 'year' || span.per === 'year')) notes.push(m.yearLength);
  const cachedNote = rows.find(
    (r) =>
      ((calc.cached ?? 0) > 0 || calc.cachedTokens !== undefined) &&
      r.view.micro.inputCacheHit === r.view.micro.inputCacheMiss,
  );
  if (cachedNote) notes.push(m.noCachePrice(shortName(cachedNote.view.model)));
  if (calc.compare && !reverse && !calc.pricesOnly && rows.length >= 2) {
    const sorted = [...rows].sort((a, b) => (a.total < b.total ? 1 : a.total > b.total ? -1 : 0));
    const hi = sorted[0] as PricedRow;
    const lo = sorted[sorted.length - 1] as PricedRow;
    lines.push(
      m.difference(money(hi.total - lo.total, lang), shortName(hi.view.model), shortName(lo.view.model)),
    );
  }
  if (notes.length > 0) lines.push(notes.join(' '));
  const first = rows[0]?.view;
  return makeReply({
    kind: 'cost',
    lang,
    answered: true,
    title: reverse ? m.reverseTitle : m.estimateTitle,
    body: lines.join('\n'),
    ...(first
      ? {
          source: {
            label: `${first.source.title} (${m.asOf(first.from ?? first.model.as_of)})`,
            url: first.source.url,
            date: first.source.date,
          },
        }
      : {}),
  });
}

function rowValue(calc: CostCalc, row: PricedRow, ref: PricedRow | undefined, lang: Lang): string {
  const m = t(lang).cost;
  const p = row.view.micro;
  const cachedAll = (calc.cached ?? 0) === 100;
  const inRate = cachedAll ? p.inputCacheHit : p.inputCacheMiss;
  let value: string;
  if (calc.unsaid && !calc.input && !calc.output) {
    value = m.inOut(money(row.input, lang), money(row.output, lang));
  } else if ((calc.input || calc.unsaid) && calc.output) {
    value = m.split(money(row.total, lang), money(row.input, lang), money(row.output, lang));
  } else {
    const rate = calc.output ? p.output : inRate;
    const partial =
      !calc.output && (((calc.cached ?? 0) > 0 && !cachedAll) || calc.cachedTokens !== undefined);
    value = partial ? money(row.total, lang) : m.at(money(row.total, lang), perM(rate, lang));
  }
  if (row.each !== undefined && !calc.unsaid) {
    const per = calc.span && !(calc.times ?? []).length ? m.perUnit[calc.span.per] : undefined;
    value += ` ${per ? m.eachPer(money(row.each, lang), per) : m.each(money(row.each, lang))}`;
  }
  if (ref && ref.view.model.id !== row.view.model.id) {
    const r = ratio(row.total, ref.total);
    const refName = shortName(ref.view.model);
    const inverse = ratio(ref.total, row.total);
    if (r !== undefined && r >= 0.95) value += ` · ${m.ratio(formatRatio(r, lang), refName)}`;
    else if (inverse !== undefined) value += ` · ${m.cheaper(formatRatio(inverse, lang), refName)}`;
  }
  return value;
}

/** "1,666,666 output tokens for $100.00 (at $60.00 per M)", or requests when a size per request was given. */
function reverseValue(calc: CostCalc, view: PriceView, lang: Lang): string {
  const m = t(lang).cost;
  const budgetPico = rat(BigInt(calc.budget as string) * 1_000_000n);
  const cached = calc.cached ?? 0;
  const inPrice = inputCost(ONE, view, cached);
  const outPrice = rat(view.micro.output);
  const hasSize = calc.input || calc.output || calc.unsaid;
  if (hasSize) {
    const one = priceCalc({ ...calc, times: [], span: undefined } as CostCalc, view);
    const each = calc.unsaid && !calc.input && !calc.output ? one.input : one.total;
    const units = div(budgetPico, rat(each));
    if (!units) return m.free;
    const n = formatNumber(floor(units), lang, 0);
    if (calc.unsaid && !calc.input && !calc.output) {
      const units2 = div(budgetPico, rat(one.output));
      const n2 = formatNumber(units2 ? floor(units2) : 0n, lang, 0);
      return m.unitsInOut(n, money(one.input, lang), n2, money(one.output, lang));
    }
    return m.units(n, money(each, lang));
  }
  const tokensFor = (price: Rational) => {
    const q = div(budgetPico, price);
    return q ? floor(q) : undefined;
  };
  const inTokens = tokensFor(inPrice);
  const outTokens = tokensFor(outPrice);
  const input =
    inTokens !== undefined ? countOf(inTokens, lang, m.nouns.input, approx(inTokens, lang)) : m.free;
  const output =
    outTokens !== undefined ? countOf(outTokens, lang, m.nouns.output, approx(outTokens, lang)) : m.free;
  const inRate = perM(round(inPrice), lang);
  const outRate = perM(view.micro.output, lang);
  const dir = directionAsked(calc);
  if (dir === 'input') return m.at(input, inRate);
  if (dir === 'output') return m.at(output, outRate);
  return `${m.at(input, inRate)} ${m.or} ${m.at(output, outRate)}`;
}

/** "1,666,666 (≈1.67M)": the exact count and a short reading of it. */
function approx(n: bigint, lang: Lang): string {
  const exact = formatNumber(n, lang, 0);
  const short = formatApprox(n, lang);
  return n < 10_000n || short === exact ? exact : `${exact} (≈${short})`;
}

function directionAsked(calc: CostCalc): 'input' | 'output' | undefined {
  return calc.reverseDirection;
}
