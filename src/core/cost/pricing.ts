import type { Lang } from '../lang.js';
import type { PriceView } from './prices.js';
import { add, fromDecimal, mul, ONE, type Rational, rat, round, sub } from './rational.js';
import { type CostCalc, HOURS, type Size, type TextUnit } from './request.js';

/** Exact prices of a calculation: tokens from sizes, multipliers, cache hits, in pico-dollars. */

/** Rules of thumb for text sizes, per language of the text (tokens per unit, as exact fractions). */
export const TEXT_RULES: Record<Lang, Record<TextUnit, Rational>> = {
  // ≈1.3 tokens per English word, ≈4 characters per token, a page of ≈500 words.
  en: { word: rat(13n, 10n), char: rat(1n, 4n), page: rat(650n) },
  // ≈1.5 tokens per French word (longer words, accents), ≈4 characters per token, ≈500 words a page.
  fr: { word: rat(3n, 2n), char: rat(1n, 4n), page: rat(750n) },
};

/** The tokens of a size: a count, or a text size by the rules of thumb; undefined when unreadable. */
export function tokensOf(size: Size | undefined): Rational | undefined {
  if (!size) return undefined;
  if (size.tokens !== undefined) return fromDecimal(size.tokens);
  if (size.text) {
    const count = fromDecimal(size.text.count);
    const rule = TEXT_RULES[size.text.lang]?.[size.text.unit];
    return count && rule ? rat(round(mul(count, rule))) : undefined;
  }
  return undefined;
}

/** The product of every multiplier: "1000 requests" × "per day for 30 days". */
export function multiplierOf(calc: CostCalc): Rational {
  let m = ONE;
  for (const f of calc.times ?? []) m = mul(m, fromDecimal(f.count) ?? ONE);
  if (calc.span) {
    const span = fromDecimal(calc.span.count) ?? ONE;
    m = mul(m, rat(span.n * HOURS[calc.span.unit], span.d * HOURS[calc.span.per]));
  }
  return m;
}

export interface PricedRow {
  view: PriceView;
  /** Pico-dollars (exact up to the last pico-dollar). */
  input: bigint;
  output: bigint;
  total: bigint;
  /** Cost of one unit of work (one request, one day) when there is a multiplier. */
  each?: bigint;
}

/** The input cost of `tokens` on one price, a share (percent) or a count of them read from the cache. */
export function inputCost(
  tokens: Rational,
  view: PriceView,
  cachedPercent: number,
  cachedTokens?: string,
): Rational {
  const share = rat(BigInt(Math.round(cachedPercent * 100)), 10000n);
  const count = cachedTokens !== undefined ? fromDecimal(cachedTokens) : undefined;
  const hit = count ? (count.n * tokens.d <= tokens.n * count.d ? count : tokens) : mul(tokens, share);
  const miss = sub(tokens, hit);
  return add(mul(hit, rat(view.micro.inputCacheHit)), mul(miss, rat(view.micro.inputCacheMiss)));
}

/** Exact cost of a calculation on one price. */
export function priceCalc(calc: CostCalc, view: PriceView): PricedRow {
  const mult = multiplierOf(calc);
  const cached = calc.cached ?? 0;
  const per = (size: Size | undefined, f: (x: Rational) => Rational) => {
    const tokens = tokensOf(size);
    return tokens ? f(tokens) : rat(0n);
  };
  const inOne = per(calc.input, (x) => inputCost(x, view, cached, calc.cachedTokens));
  const outOne = per(calc.output, (x) => mul(x, rat(view.micro.output)));
  const unsaidIn = per(calc.unsaid, (x) => inputCost(x, view, cached));
  const unsaidOut = per(calc.unsaid, (x) => mul(x, rat(view.micro.output)));
  const input = round(mul(add(inOne, unsaidIn), mult));
  const output = round(mul(add(outOne, unsaidOut), mult));
  const row: PricedRow = { view, input, output, total: input + output };
  if (mult.n !== mult.d) row.each = round(add(add(inOne, outOne), add(unsaidIn, unsaidOut)));
  return row;
}
