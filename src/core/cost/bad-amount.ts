import { type AmountError, findAmounts, MAX_TOKENS } from './amount.js';
import { tokensOf } from './pricing.js';
import type { CostCalc } from './request.js';

/** Amounts the calculator cannot price, and the reason the reply gives. */

/** Why a calculation's sizes cannot be priced (unreadable, zero, too large), or undefined. */
export function sizeProblem(calc: CostCalc): AmountError | undefined {
  for (const size of [calc.input, calc.output, calc.unsaid]) {
    if (!size) continue;
    const tokens = tokensOf(size);
    if (!tokens) return 'unreadable';
    if (tokens.n === 0n) return 'zero';
    if (tokens.n > MAX_TOKENS * tokens.d) return 'too-large';
  }
  return undefined;
}

/** Why the /cost amount field could not be read as a token amount. */
export function amountError(raw: string): AmountError {
  const s = raw.trim();
  if (/^[-\u2212]\s*\d/.test(s)) return 'negative';
  if (/^0+(?:[.,]0+)?\s*\p{L}*$/u.test(s)) return 'zero';
  if (/\d/.test(s) && /e\s*\+?\d{2,}/i.test(s)) return 'too-large';
  return 'unreadable';
}

const BAD_AMOUNT =
  /\b(nan|infinity|infinite|infini|inf|undefined|null|lots|loads|plein|beaucoup|some)\s+(?:of\s+|de\s+|d'\s*)?(tokens?|jetons?)\b/;
const PRICE_WORDS = /\b(cost|costs|price|prix|how much|combien|couts?|coute\w*|pay|payer|tarifs?)\b|\$/;

/** A token amount that cannot be priced ("-5 tokens", "lots of tokens", "1e99 tokens") in a cost question. */
export function badAmount(
  text: string,
  s: string,
  mentionsModel: boolean,
): { error: AmountError; text: string } | undefined {
  if (!PRICE_WORDS.test(s) && !mentionsModel) return undefined;
  const words = BAD_AMOUNT.exec(s);
  if (words) return { error: 'unreadable', text: words[0] };
  const failed = findAmounts(text).find((a) => a.explicit && !a.result.ok && /tokens?|jetons?/i.test(a.text));
  if (failed && !failed.result.ok) return { error: failed.result.error, text: failed.text };
  return undefined;
}
