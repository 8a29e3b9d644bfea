import type { CostCalc } from './request.js';

/**
 * Usage cost or not: numbers that are not token amounts (model sizes, money lost or raised, context
 * windows) keep a question away from the calculator, which prices only what is used.
 */

/**
 * Numbers that are not token amounts: model sizes ("671B parameters", "the 8B", "1.5b"), so the
 * calculators do not price them. (The calculators decide what a usage-cost question is; this only
 * keeps model sizes out of them when no token or price word is there.)
 */
export function notUsageNumbers(raw: string[], text = ''): boolean {
  const tokens = raw.some((w) => USAGE_WORD.test(w));
  if (tokens) return false;
  // A model size ("671b", "1.5b"), or an amount lost, spent, raised or held in context.
  if (raw.some((w) => /^\d+b$/.test(w) || NOT_USAGE_WORD.test(w))) return true;
  // A rank ("#1 in the app store", "n°1", "No. 1"), not an amount.
  if (RANK.test(text)) return true;
  // Money a model was trained or built for ("trained for $294,000", "built with a $6M rental"): no
  // price per GPU-hour, no token budget.
  return MONEY.test(text) && raw.some((w) => TRAINED_WORD.test(w)) && !raw.some((w) => RATE_WORD.test(w));
}

const RANK = /(?:#|\bn°\s?|\bno\.\s?|\bnumber\s|\bnuméro\s|\bnumero\s)(?:1|one|un|2|3|10)\b/i;

const MONEY = /[$€]\s?\d|\d\s?(?:[$€]|dollars?\b|euros?\b|usd\b)/i;
const TRAINED_WORD = /^(train|trained|training|built|build|entraine|entrainer|entrainement|construit)$/;
const RATE_WORD = /^(per|par|hour|hours|hourly|heure|heures|h|gpus?)$/;

const USAGE_WORD =
  /^(tokens?|jetons?|toks?|prix|price|prices|pricing|tarifs?|cost|costs|coute|coutent|couterait|couteraient|bill|facture)$/;
const NOT_USAGE_WORD =
  /^(parameters?|parametres?|params?|lost|lose|loses|perdu|perd|perte|wiped|efface|sheds?|funded|raised|leve|valuation|valorisation|capitalisation|cap|context|contexte|window|fenetre|spent|depense|billion|milliards?|trillion|billions?)$/;

const NOT_COST =
  /\b(context|contexte|max|maximum|max_tokens|limit\w*|window|fenetre|length|longueur|trained on|entraine sur|pre-?train\w*|dataset|data|donnees|corpus|vocab\w*|per second|par seconde|tokens\/s|throughput|speed|vitesse|lenteur|slow|support\w*|accept\w*|handle\w*|gere|prend en charge)\b/;

/** What the question says besides its amounts, for `isUsageCost`. */
export interface UsageCues {
  /** The /cost command's amount field: every number there is a token amount. */
  field?: boolean;
  costWords: boolean;
  tokenWord: boolean;
  /** A known model is named. */
  named: boolean;
  /** How many models without a price are named. */
  unknown: number;
}

/** Whether a calculation with something to price is a usage-cost question, from the words around it. */
export function isUsageCost(s: string, calc: CostCalc, q: UsageCues): boolean {
  // Context windows, limits, training data and speeds are counted in tokens but are not costs.
  if (!q.field && !q.costWords && NOT_COST.test(s)) return false;
  // A size alone is a cost question only with a price word, a token word or a model name.
  if (!q.field && !q.costWords && !q.tokenWord && !q.named && q.unknown === 0 && !calc.times) return false;
  if (
    !q.field &&
    calc.budget &&
    !q.tokenWord &&
    !q.named &&
    !/\b(requests?|requetes?|calls?|appels?|words?|mots?|pages?)\b/.test(s)
  )
    return false;
  return true;
}
