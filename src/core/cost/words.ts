import type { Lang } from '../lang.js';
import type { Num } from './numbers.js';

/**
 * What the words of a cost question say beside its numbers: a price word, a token word, a direction
 * (input, output, both), a share read from the cache, a budget asked about or money already spent, a
 * currency, the language of a text to count.
 */

export const COST_WORDS =
  /\b(cost|costs|costing|price|prices|priced|pricing|how much|combien|pay|payer|paie|paye|bill|billed|spend|spent|cher|chere|dollars?|usd|tarifs?|prix|couts?|coute|coutent|couter|couterait|coutera|couteraient|facture|factures|budget|calcul\w*|calculate|estimate|estime\w*|expensive|cheap|cheaper|afford|buy|achete\w*|charge\w*)\b|\$/;
export const TOKEN_WORD = /\b(tokens?|jetons?|toks?)\b/;
const CACHE_MISS =
  /\b(cache miss(?:es)?|uncached|not cached|without (?:the )?cach(?:e|ing)|no cache|sans cache|hors cache|pas en cache|non cachee?s?|cache-miss)\b/;
const CACHE_HIT =
  /\b(cached|cache hits?|cache-hit|from (?:the )?cache|with (?:the )?(?:context )?cach(?:e|ing)|caching|en cache|mis en cache|mise en cache|depuis le cache|du cache|dans le cache|cache)\b/;
const BOTH =
  /\b(input and output|output and input|in and out|entree et (?:en )?sortie|sortie et (?:en )?entree|both ways|each way|les deux sens|both directions|dans les deux sens)\b/;
const INPUT_WORD = /\b(input|inputs|entree|entrees|prompt|prompts|in only|read|lus|lecture)\b/;
const OUTPUT_WORD =
  /\b(output|outputs|sortie|sorties|completion|completions|generated|generes?|generation|written|ecrits?|produced|produits?)\b/;
export const REVERSE =
  /\b(how long|how many days|how many hours|combien de temps|combien de jours|combien d'heures|how many|how much (?:\w+ )?(?:can|could|do|does|would|will) (?:i|we|you|it|that|this) (?:get|buy|afford|have|pay for|process)|what (?:can|could|does|do) .{0,30}(?:get|buy|afford)|combien de|combien d'|jusqu'a combien|que (?:puis|peut)|qu'est-ce que .{0,20}(?:achete|offre|paie|permet)|me permet|buys?|achete)\b/;
export const SPENT = /\b(spent|paid|depense\w*|paye|raised|leve|lost|perdu|invested|investi)\b/;
/** Something already done for an amount ("built it for $6M", "did this for $5M"): money spent, not a budget. */
export const DONE =
  /\b(did|done|built|made|trained|developed|created|a fait|ont fait|a construit|a developpe|a entraine)\b/;

export type Direction = 'input' | 'output' | 'both';

/** The direction the words give to an amount said without one; undefined when they give none or both. */
export function directionOf(s: string): Direction | undefined {
  return BOTH.test(s)
    ? 'both'
    : INPUT_WORD.test(s) && !OUTPUT_WORD.test(s)
      ? 'input'
      : OUTPUT_WORD.test(s) && !INPUT_WORD.test(s)
        ? 'output'
        : undefined;
}

/** The share of input tokens read from the cache, from the words of the question; undefined if not said. */
export function cacheOf(s: string, nums: Num[]): number | undefined {
  if (CACHE_MISS.test(s) && !/\b(?:\d+\s*%|half|moitie)/.test(s)) return 0;
  if (!CACHE_HIT.test(s)) return undefined;
  const cache = s.search(CACHE_HIT);
  const pct = nums.find((n) => n.kind === 'percent' && Math.abs(n.index - cache) < 40);
  if (pct) {
    const v = Number(pct.value);
    if (Number.isFinite(v) && v >= 0 && v <= 100) return v;
  }
  if (/\b(half|moitie)\b/.test(s)) return 50;
  return 100;
}

/** A currency named without an amount: "in euros", "en livres". */
export function foreignWord(s: string): string | undefined {
  const m = /\b(?:in|en|into|to)\s+(euros?|eur|pounds?|livres?|yens?|yuans?|rmb|francs?|chf|gbp|cny)\b/.exec(
    s,
  );
  return m?.[1];
}

/** The language of a text whose size is given ("2000 words in French"), else the question's. */
export function textLang(s: string, lang: Lang): Lang {
  if (/\b(english|anglais|en anglais|in english)\b/.test(s)) return 'en';
  if (/\b(french|francais|en francais|in french)\b/.test(s)) return 'fr';
  return lang;
}
