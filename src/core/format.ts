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
 * Dollars from an exact decimal string: "$21.90" / "21,90 $US". Amounts under a dollar keep
 * enough digits to stay meaningful ("$0.00219").
 */
export function formatUsd(decimal: string, lang: Lang): string {
  const abs = Math.abs(Number(decimal));
  const small = abs > 0 && abs < 1;
  const options: Intl.NumberFormatOptions = small
    ? { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 }
    : { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 };
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
