import type { Direction } from '../engine-types.js';
import { formatNumber } from '../format.js';
import { t } from '../i18n/index.js';
import type { KnowledgeBase, ModelPrice } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { makeReply, type Reply } from '../reply.js';
import { type AmountError, MAX_TOKENS } from './amount.js';
import { costAnswer } from './answer.js';
import type { CostCalc } from './request.js';

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

/**
 * A plain spec priced by the calculator (chart-only replies): the same reply as the free-text question
 * "N tokens" on the models given.
 */
export function costReply(kb: KnowledgeBase, spec: CostSpec, focus: ModelPrice[], lang: Lang): Reply {
  const calc: CostCalc = {
    type: 'cost',
    models: focus.map((m) => m.id),
    unknown: [],
    period: { kind: 'default' },
  };
  if (spec.kind === 'split') {
    calc.input = { tokens: spec.input.toString() };
    calc.output = { tokens: spec.output.toString() };
  } else {
    const size = { tokens: spec.tokens.toString() };
    if (spec.direction === 'input' || spec.direction === 'both') calc.input = size;
    if (spec.direction === 'output' || spec.direction === 'both') calc.output = size;
    if (spec.direction === null) calc.unsaid = size;
  }
  return costAnswer(kb, calc, lang);
}
