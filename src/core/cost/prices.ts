import type { ModelPrice } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { PRICE_SCALE, parseDecimal } from '../money.js';
import type { PeriodChoice } from './request.js';

/** One price of one model over a stretch of time, in micro-dollars per million tokens (exact). */
export interface PriceView {
  model: ModelPrice;
  /** True for the January 2025 price (the calculator's default). */
  isDefault: boolean;
  /** First day of a later price. */
  from?: string;
  /** "January 2025 promotional price", "list price from 8 February 2025"; absent when the model had one price. */
  label?: Record<Lang, string>;
  micro: { inputCacheHit: bigint; inputCacheMiss: bigint; output: bigint };
  source: { title: string; url: string; date: string };
}

const micro = (v: string) => parseDecimal(v, PRICE_SCALE) ?? 0n;

/** Every price a model had, January 2025 first, then the later ones by start date. */
export function pricesOf(model: ModelPrice): PriceView[] {
  const first: PriceView = {
    model,
    isDefault: true,
    ...(model.period ? { label: model.period } : {}),
    micro: model.micro,
    source: model.source,
  };
  const later = [...(model.later ?? [])]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map(
      (p): PriceView => ({
        model,
        isDefault: false,
        from: p.from,
        label: p.period,
        micro: {
          inputCacheHit: micro(p.input_cache_hit),
          inputCacheMiss: micro(p.input_cache_miss),
          output: micro(p.output),
        },
        source: p.source,
      }),
    );
  return [first, ...later];
}

/** The price that applies: January 2025 by default, the latest one known, or the one in force on a day. */
export function priceFor(model: ModelPrice, period: PeriodChoice): PriceView {
  const all = pricesOf(model);
  const first = all[0] as PriceView;
  if (period.kind === 'default') return first;
  if (period.kind === 'latest') return all[all.length - 1] ?? first;
  let chosen = first;
  for (const p of all) if (p.from && p.from <= period.date) chosen = p;
  return chosen;
}
