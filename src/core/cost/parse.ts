import type { Lang } from '../lang.js';
import { toMicro } from './decimal.js';
import { unknownModels } from './models.js';
import { scanNumbers } from './numbers.js';
import { parseTraining, trainingFactors } from './parse-training.js';
import { periodOf } from './period.js';
import type { CostCalc, Factor, TrainingCalc } from './request.js';
import { placeSizes } from './sizes.js';
import { spanOf } from './span.js';
import { simplify, spellNumbers } from './text.js';
import { isUsageCost } from './usage.js';
import { COST_WORDS, cacheOf, DONE, directionOf, foreignWord, REVERSE, SPENT, TOKEN_WORD } from './words.js';

/**
 * Reads a whole cost or training question, in English or French: every number is classified first
 * (numbers.ts), then the words say what is asked (words.ts, period.ts, span.ts), then the sizes are
 * placed (sizes.ts) and the result is kept only if it is a usage-cost question (usage.ts) or a training
 * calculation (parse-training.ts).
 */

export interface Parsed {
  cost?: CostCalc;
  training?: TrainingCalc;
  /** Everything read, whether or not it makes a question by itself (for follow-ups). */
  draft: CostCalc;
  draftTraining: TrainingCalc;
  /** What the question said, for follow-ups: which parts of a calculation it changes. */
  said: {
    amount: boolean;
    models: boolean;
    also: boolean;
    direction?: 'input' | 'output' | 'both';
    cached?: number;
    period: boolean;
    times: boolean;
    budget: boolean;
    training: boolean;
  };
  /** The question reads as a calculation (a price word, a token word or a calculator number). */
  looksCost: boolean;
  /** The first sum of US dollars, in micro-dollars, whatever it is for. */
  money?: string;
}

export interface ParseInput {
  text: string;
  lang: Lang;
  /** Model ids found in the text, in order (from the knowledge's model names and aliases). */
  models: string[];
  /** True for the /cost command's amount field: every number there is a token amount. */
  field?: boolean;
  /** The previous turn was a calculation: an amount with a unit alone ("and for 5 million?") counts. */
  followUp?: boolean;
}

/** Understands a question as a token-cost or training-cost calculation, or neither. */
export function parseQuestion(raw: ParseInput): Parsed {
  const input = { ...raw, text: spellNumbers(raw.text) };
  const s = simplify(input.text);
  const nums = scanNumbers(input.text);
  const costWords = COST_WORDS.test(s);
  const tokenWord = TOKEN_WORD.test(s);
  const named = input.models.length > 0;
  const unknown = unknownModels(s);
  const cached = cacheOf(s, nums);
  const { period, said: periodSaid } = periodOf(s);
  const currency = nums.find((n) => n.kind === 'foreign')?.what || foreignWord(s);

  // Token amounts: with "tokens", a direction, or a unit beside a price word or model name; a bare
  // number only in the /cost field or beside both a price word and a model name.
  const amounts = nums.filter((n) => {
    if (n.kind === 'tokens') return true;
    if (n.kind !== 'bare') return false;
    if (input.field) return true;
    if (n.role && (costWords || named)) return true;
    if (n.unit && (tokenWord || input.followUp || ((named || unknown.length > 0) && costWords && n.priced)))
      return true;
    return costWords && (named || unknown.length > 0) && n.priced === true && Number(n.value) >= 1000;
  });
  const textSizes = nums.filter((n) => n.kind === 'text');
  const counts = nums.filter((n) => n.kind === 'count');
  const money = nums.filter((n) => n.kind === 'money');
  const timesNums = nums.filter((n) => n.kind === 'time');

  const said: Parsed['said'] = {
    amount: amounts.length > 0 || textSizes.length > 0,
    models: named || unknown.length > 0,
    also: /\b(too|also|as well|aussi|egalement|en plus)\b/.test(s),
    period: periodSaid,
    times: counts.length > 0,
    budget: money.length > 0,
    training: false,
  };
  if (cached !== undefined) said.cached = cached;
  const direction = directionOf(s);
  if (direction) said.direction = direction;

  const calc: CostCalc = { type: 'cost', models: input.models, unknown, period };
  const draftTraining = trainingFactors(nums, s);
  if (currency) draftTraining.currency = currency;
  const out: Parsed = { said, looksCost: costWords || tokenWord, draft: calc, draftTraining };
  const firstMoney = nums.find((n) => n.kind === 'money');
  if (firstMoney) out.money = toMicro(firstMoney.value);

  const training = parseTraining(s, nums, costWords, named);
  if (training) {
    said.training = true;
    out.training = { ...training, ...(currency ? { currency } : {}) };
    return out;
  }

  // Sizes per unit of work.
  if (cached !== undefined && cached > 0) calc.cached = cached;
  if (currency) calc.currency = currency;
  if (
    /\b(save|saves|saving|savings|difference|differ\w*|economi\w*|ecart|gagne\w*|cheaper by|de moins)\b/.test(
      s,
    )
  )
    calc.compare = true;
  placeSizes(calc, amounts, textSizes, direction, cached, s, input.lang);

  // Multipliers: "1000 requests", "× 30", "per day for 30 days".
  const factors: Factor[] = counts
    .filter((n) => !amounts.includes(n))
    .map((n) => ({ count: n.value, what: n.what ?? '×' }));
  const span = spanOf(s, timesNums);
  if (factors.length > 0) calc.times = factors;
  if (span) calc.span = span;

  const hasSize = Boolean(calc.input || calc.output || calc.unsaid);
  const budget = money.find((n) => !n.at) ?? money[0];
  // A budget is asked about ("how many tokens for $100?"), never money already spent ("spent $6M").
  const reverse =
    budget &&
    !SPENT.test(s) &&
    (REVERSE.test(s) ||
      (!hasSize && (tokenWord || (named && !DONE.test(s))) && /\b(?:for|with|pour|avec)\s*\$?\s*\d/.test(s)));
  if (budget && reverse) {
    calc.budget = toMicro(budget.value);
    said.budget = true;
    if (!hasSize) {
      if (direction === 'input' || (cached ?? 0) > 0) calc.reverseDirection = 'input';
      else if (direction === 'output') calc.reverseDirection = 'output';
    }
  }
  // A budget in another currency: the prices per million, and the reason no count is given.
  const foreignBudget = nums.find((n) => n.kind === 'foreign');
  if (!hasSize && !calc.budget && foreignBudget && (REVERSE.test(s) || tokenWord) && (named || tokenWord)) {
    calc.pricesOnly = true;
  }
  const asked = hasSize || calc.budget !== undefined || calc.pricesOnly === true;
  if (!asked) {
    // Nothing to price. A currency or an unknown model with a price word is still said, by the caller.
    return out;
  }
  if (!isUsageCost(s, calc, { field: input.field, costWords, tokenWord, named, unknown: unknown.length }))
    return out;
  out.cost = calc;
  return out;
}
