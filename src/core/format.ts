import type { Lang } from './lang.js';
import { COST_SCALE, toDecimalString } from './money.js';

/** Number, money and percentage formatting for the reader's language, with Intl. */
const LOCALES: Record<Lang, string> = { en: 'en-US', fr: 'fr-FR' };

export function locale(lang: Lang): string {
  return LOCALES[lang];
}

type IntlDecimal = number | bigint | `${number}`;

const formatters = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is costly to build: one per language and set of options, reused. */
function formatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    formatters.set(key, f);
  }
  return f;
}

/** Whole or decimal number, grouped for the locale: "10,000,000" / "10 000 000". */
export function formatNumber(value: number | bigint | string, lang: Lang, maxFractionDigits = 2): string {
  return formatter(lang, { maximumFractionDigits: maxFractionDigits }).format(value as IntlDecimal);
}

/**
 * Dollars from an exact decimal string: "$21.90" / "21,90 $US". Whole cents from a dollar up; below a
 * dollar at least two decimals and three significant digits ("$0.70", "$0.438", "$0.00219"), never "$0.7".
 */
export function formatUsd(decimal: string, lang: Lang): string {
  const abs = Math.abs(Number(decimal));
  const small = abs > 0 && abs < 0.995;
  const decimals = small ? Math.min(20, Math.max(2, 2 - Math.floor(Math.log10(abs)))) : 2;
  const options: Intl.NumberFormatOptions = {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: decimals,
  };
  return formatter(lang, options).format(decimal as IntlDecimal);
}

/** Dollars from a cost counted in pico-dollars (exact). */
export function formatCost(pico: bigint, lang: Lang): string {
  return formatUsd(toDecimalString(pico, COST_SCALE), lang);
}

/** "27.4" / "27,4" for a ratio. */
export function formatRatio(value: number, lang: Lang): string {
  const digits = value >= 100 ? 0 : 1;
  return formatter(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A 0..1 share (clamped) as a percentage: "87%" / "87 %". */
export function formatPercent(share: number, lang: Lang): string {
  const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return formatter(lang, { style: 'percent', maximumFractionDigits: 0 }).format(clamped);
}

/**
 * A token count for reading: "10M" / "10 millions" when that is exact, the grouped number otherwise
 * ("1,666,666"). Big counts only: below a million the grouped number is as short.
 */
export function formatCount(value: bigint, lang: Lang): string {
  if (value >= 1_000_000n) {
    const options: Intl.NumberFormatOptions = {
      notation: 'compact',
      compactDisplay: lang === 'fr' ? 'long' : 'short',
      maximumFractionDigits: 3,
    };
    const compact = formatter(lang, options);
    // Exact only: the compact form read back must be the same number.
    const parts = compact.formatToParts(value as IntlDecimal);
    const digits = parts
      .filter((p) => p.type === 'integer' || p.type === 'fraction' || p.type === 'decimal')
      .map((p) => (p.type === 'decimal' ? '.' : p.value))
      .join('');
    const power = value >= 1_000_000_000_000n ? 12n : value >= 1_000_000_000n ? 9n : 6n;
    const [whole = '0', frac = ''] = digits.split('.');
    const back = BigInt(whole + frac) * 10n ** (power - BigInt(frac.length));
    if (back === value) return compact.format(value as IntlDecimal);
  }
  return formatNumber(value, lang, 0);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category of a count for the language ("one" for 1 token, and for 0 or 1 in French). */
export function pluralOf(count: number | bigint, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  // Intl.PluralRules takes numbers; any count at or above 2 is "other" in English and French.
  const n = typeof count === 'bigint' ? (count > 2n ? 2 : Number(count)) : count;
  return rules.select(n);
}

/** "1 token" / "2 tokens" / "1,5 million de tokens": a count with its noun in the right form. */
export function countOf(
  count: bigint,
  lang: Lang,
  noun: { one: string; other: string },
  shown = formatCount(count, lang),
): string {
  const word = pluralOf(count, lang) === 'one' ? noun.one : noun.other;
  // French: "10 millions de tokens", "2,5 milliards de tokens".
  const de = lang === 'fr' && /(?:million|milliard|billion)s?$/.test(shown) ? ' de' : '';
  return `${shown}${de}\u00a0${word}`;
}

/** A count rounded to three significant digits, short: "1.67M" / "1,67 million". */
export function formatApprox(value: bigint, lang: Lang): string {
  return formatter(lang, {
    notation: 'compact',
    compactDisplay: lang === 'fr' ? 'long' : 'short',
    maximumSignificantDigits: 3,
  }).format(value as IntlDecimal);
}
