import type { Direction } from '../engine-types.js';
import { formatNumber } from '../format.js';
import { t } from '../i18n/index.js';
import type { ModelPrice } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { makeReply, type Reply } from '../reply.js';
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
