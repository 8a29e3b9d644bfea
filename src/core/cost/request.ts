import type { Lang } from '../lang.js';

/**
 * What the calculator understood of a question, as plain JSON (numbers as decimal strings) so that it
 * can be kept in `Turn.calc` and re-run with a change ("and on o1?", "et pour 5 millions ?").
 */

export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'year';
export type TextUnit = 'word' | 'page' | 'char';

/** A size per unit of work: a token count, or a text size turned into tokens by a rule of thumb. */
export interface Size {
  /** Whole tokens, decimal string. */
  tokens?: string;
  /** A text size instead: count (decimal string) of words, pages or characters in a language. */
  text?: { count: string; unit: TextUnit; lang: Lang };
}

/** One multiplier: "1000 requests", "× 30", "10 users". */
export interface Factor {
  /** Decimal string. */
  count: string;
  /** What is counted, as the user wrote it (for the understood line). */
  what: string;
}

/** "per day for 30 days": a rate unit and the length of time it runs. */
export interface Span {
  per: TimeUnit;
  count: string;
  unit: TimeUnit;
}

/** Which prices: the January 2025 ones (default), the latest known, or those on a given day. */
export type PeriodChoice = { kind: 'default' } | { kind: 'latest' } | { kind: 'date'; date: string };

export interface CostCalc {
  type: 'cost';
  /** Tokens priced as input, as output, both, or whose direction was not said (priced both ways, shown apart). */
  input?: Size;
  output?: Size;
  unsaid?: Size;
  /** Share of the input read from the cache, in percent (100 = every input token is a cache hit). */
  cached?: number;
  /** Input tokens (per unit of work) read from the cache, when a count was given instead of a share. */
  cachedTokens?: string;
  times?: Factor[];
  span?: Span;
  /** Model ids from prices.yaml; every model when empty. */
  models: string[];
  /** Model names the user gave that have no price. */
  unknown: string[];
  period: PeriodChoice;
  /** A budget in micro-dollars: how many tokens (or requests) it buys. */
  budget?: string;
  /** For a budget: the direction its tokens were asked in ("how many output tokens"). */
  reverseDirection?: 'input' | 'output';
  /** A currency other than the US dollar that was named. */
  currency?: string;
  /** Nothing can be computed (a budget in another currency): give the prices per million tokens. */
  pricesOnly?: boolean;
  /** The difference between the models was asked ("how much do I save with r1 instead of o1?"). */
  compare?: boolean;
}

export interface TrainingCalc {
  type: 'training';
  gpus?: string;
  /** Hours per GPU, or a duration in other units. */
  duration?: { count: string; unit: TimeUnit };
  gpuHours?: string;
  /** Dollars per GPU-hour, decimal string. */
  price?: string;
  /** Dollars, decimal string: solve for what is missing. */
  budget?: string;
  currency?: string;
  /** What to solve for when no budget is given: the duration ("how long would it take?"). */
  solve?: 'duration';
}

export type Calc = CostCalc | TrainingCalc;

/** Hours in a unit of time; a month is counted as 30 days and a year as 365 (said in the reply). */
export const HOURS: Record<TimeUnit, bigint> = { hour: 1n, day: 24n, week: 168n, month: 720n, year: 8760n };
