import type { Lang } from '../lang.js';
import { roundTokens } from './decimal.js';
import type { Num } from './numbers.js';
import type { CostCalc, Size, TextUnit } from './request.js';
import { type Direction, textLang } from './words.js';

/**
 * Puts the sizes per unit of work on the calculation: token amounts as input, output or unsaid (a
 * direction from the amount itself, else from the words), a part of the input read from the cache as a
 * count of tokens, or a text size when no token amount is given.
 */
export function placeSizes(
  calc: CostCalc,
  amounts: Num[],
  textSizes: Num[],
  direction: Direction | undefined,
  cached: number | undefined,
  s: string,
  lang: Lang,
): void {
  const sizeOf = (n: Num): Size => ({ tokens: roundTokens(n.value) });
  // "6M input tokens of which 4M are cache hits", "4M cached and 2M uncached": a part of the input
  // read from the cache, as a count of tokens.
  const hits = amounts.filter((n) => n.cache === 'hit' && n.role !== 'output');
  const misses = amounts.filter((n) => n.cache === 'miss' && n.role !== 'output');
  let partial: Num[] = [];
  const hit = hits[0];
  if (hit && hits.length === 1) {
    const whole = amounts.find((n) => n !== hit && n.role === 'input' && n.cache === undefined);
    const miss = misses[0];
    if (whole && Number(hit.value) <= Number(whole.value)) {
      calc.cachedTokens = roundTokens(hit.value);
      partial = [hit];
    } else if (miss) {
      calc.cachedTokens = roundTokens(hit.value);
      calc.input = { tokens: (BigInt(roundTokens(hit.value)) + BigInt(roundTokens(miss.value))).toString() };
      partial = [hit, miss];
    }
    if (partial.length > 0) delete calc.cached;
  }
  const priced = amounts.filter((n) => !partial.includes(n));
  const inputs = priced.filter((n) => n.role === 'input');
  const outputs = priced.filter((n) => n.role === 'output');
  const plain = priced.filter((n) => !n.role);
  if (inputs[0] && !calc.input) calc.input = sizeOf(inputs[0]);
  if (outputs[0]) calc.output = sizeOf(outputs[0]);
  // "10M tokens and 2M output": the amount without a direction is the other one.
  const other = plain[0];
  if (other && calc.input && !calc.output) calc.output = sizeOf(other);
  else if (other && calc.output && !calc.input) calc.input = sizeOf(other);
  const first = plain[0];
  if (first && !calc.input && !calc.output) {
    const size = sizeOf(first);
    place(calc, size, direction ?? (cached !== undefined && cached > 0 ? 'input' : undefined));
  }
  const textSize = textSizes[0];
  if (textSize && !calc.input && !calc.output && !calc.unsaid) {
    const size: Size = {
      text: {
        count: textSize.value,
        unit: (textSize.what as TextUnit) ?? 'word',
        lang: textLang(s, lang),
      },
    };
    place(calc, size, direction);
  }
}

/** One size in the direction given: input, output, both, or unsaid (the reply prices both ways). */
function place(calc: CostCalc, size: Size, dir: Direction | undefined): void {
  if (dir === 'input') calc.input = size;
  else if (dir === 'output') calc.output = size;
  else if (dir === 'both') {
    calc.input = size;
    calc.output = size;
  } else calc.unsaid = size;
}
