import type { CostSpec } from './calculator.js';
import { multiplierOf, tokensOf } from './pricing.js';
import { mul, round } from './rational.js';
import type { CostCalc, Size } from './request.js';

/**
 * The plain token spec a cost chart can show, when it shows exactly what was priced: January 2025
 * prices, no cache hit, tokens in one direction or an input/output split (multipliers and text sizes
 * already applied). Undefined for budgets, cache hits and later price periods.
 */
export function chartSpecOf(raw: Record<string, unknown>): { spec: CostSpec; models: string[] } | undefined {
  const calc = raw as unknown as CostCalc;
  if (calc.type !== 'cost' || calc.budget || calc.pricesOnly || (calc.cached ?? 0) > 0 || calc.cachedTokens)
    return undefined;
  if (calc.period?.kind !== 'default') return undefined;
  const mult = multiplierOf(calc);
  const total = (size: Size | undefined) => {
    const tokens = tokensOf(size);
    return tokens ? round(mul(tokens, mult)) : undefined;
  };
  const input = total(calc.input);
  const output = total(calc.output);
  const unsaid = total(calc.unsaid);
  const models = calc.models ?? [];
  if (unsaid !== undefined && input === undefined && output === undefined)
    return { spec: { kind: 'single', tokens: unsaid, direction: null }, models };
  if (unsaid !== undefined) return undefined;
  if (input !== undefined && output !== undefined) {
    if (JSON.stringify(calc.input) === JSON.stringify(calc.output))
      return { spec: { kind: 'single', tokens: input, direction: 'both' }, models };
    return { spec: { kind: 'split', input, output }, models };
  }
  if (input !== undefined) return { spec: { kind: 'single', tokens: input, direction: 'input' }, models };
  if (output !== undefined) return { spec: { kind: 'single', tokens: output, direction: 'output' }, models };
  return undefined;
}
