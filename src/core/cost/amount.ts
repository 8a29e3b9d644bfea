/**
 * Token amounts as people type them, in English and French: "10M", "2.5 million", "500k",
 * "1 000 000", "1,000,000", "2 millions de tokens", "2,5 millions", "1e6". Exact (BigInt), never NaN.
 */

/** Largest amount priced: a quadrillion tokens. */
export const MAX_TOKENS = 10n ** 15n;

export type AmountError = 'unreadable' | 'negative' | 'zero' | 'too-large';
export type AmountResult = { ok: true; tokens: bigint } | { ok: false; error: AmountError };

export const UNITS: Record<string, number> = {
  k: 3,
  thousand: 3,
  thousands: 3,
  mille: 3,
  milles: 3,
  m: 6,
  mn: 6,
  mio: 6,
  mil: 6,
  mils: 6,
  mln: 6,
  million: 6,
  millions: 6,
  b: 9,
  bn: 9,
  md: 9,
  mds: 9,
  billion: 9,
  billions: 9,
  milliard: 9,
  milliards: 9,
  t: 12,
  trillion: 12,
  trillions: 12,
};

export const NUMBER = String.raw`[-+\u2212]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:\.\d{3}){2,}|\d+)(?:[.,]\d+)?(?:e[+-]?\d+)?`;
export const UNIT =
  '(?:thousands?|mille?s?|millions?|milliards?|billions?|trillions?|mio|mils?|mln|mds?|mn|bn|[kmbt])';

/** One amount inside free text. */
export const AMOUNT_PATTERN = new RegExp(
  String.raw`(?<![\w$€.,])(?<num>${NUMBER})\s*(?<unit>${UNIT})?(?![\p{L}\d])(?<tok>\s*(?:de\s+|d['’]\s*)?(?:tokens?|jetons?|toks?))?`,
  'giu',
);

const WHOLE = new RegExp(
  String.raw`^\s*(?<num>${NUMBER})\s*(?<unit>${UNIT})?\s*(?:(?:de\s+|d['’]\s*)?(?:tokens?|jetons?|toks?))?\s*$`,
  'iu',
);

/** Turns a number as typed (grouping spaces or commas, decimal point or comma, exponent) into digits × 10^exp. */
export function readNumber(raw: string): { negative: boolean; digits: bigint; exp: number } | undefined {
  let s = raw.trim().replace(/\u2212/g, '-');
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  let exp = 0;
  const e = /e([+-]?\d+)$/i.exec(s);
  if (e) {
    const v = Number(e[1]);
    if (!Number.isSafeInteger(v) || Math.abs(v) > 1000) return undefined;
    exp = v;
    s = s.slice(0, e.index);
  }
  s = s.replace(/[ \u00a0\u202f]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(',', '.');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  return { negative, digits: BigInt((m[1] ?? '0') + frac), exp: exp - frac.length };
}

/** Applies a unit and checks the range; rounds a fractional result to the nearest token. */
export function toTokens(num: string, unit: string | undefined): AmountResult {
  const n = readNumber(num);
  if (!n) return { ok: false, error: 'unreadable' };
  const power = unit ? UNITS[unit.toLowerCase()] : 0;
  if (power === undefined) return { ok: false, error: 'unreadable' };
  const exp = n.exp + power;
  if (n.digits === 0n) return { ok: false, error: 'zero' };
  if (n.negative) return { ok: false, error: 'negative' };
  // Rough size check before any big power is built.
  if (n.digits.toString().length + exp > 16) return { ok: false, error: 'too-large' };
  let tokens: bigint;
  if (exp >= 0) tokens = n.digits * 10n ** BigInt(exp);
  else {
    const d = 10n ** BigInt(-exp);
    tokens = (n.digits + d / 2n) / d;
  }
  if (tokens === 0n) return { ok: false, error: 'zero' };
  if (tokens > MAX_TOKENS) return { ok: false, error: 'too-large' };
  return { ok: true, tokens };
}

/** Parses a whole field that should hold one amount ("10M", "2 millions de tokens"). */
export function parseAmount(text: string): AmountResult {
  const cleaned = text.normalize('NFKC').trim();
  if (cleaned.length === 0 || cleaned.length > 60) return { ok: false, error: 'unreadable' };
  const m = WHOLE.exec(cleaned);
  if (!m?.groups?.num) {
    if (/^\s*[-\u2212]/.test(cleaned) && /\d/.test(cleaned)) return { ok: false, error: 'negative' };
    return { ok: false, error: 'unreadable' };
  }
  return toTokens(m.groups.num, m.groups.unit);
}

export interface FoundAmount {
  result: AmountResult;
  /** Set when the amount is marked as input or output ("1M in", "200k en sortie"). */
  role?: 'input' | 'output';
  /** True when a unit or the word "tokens" came with it (a bare number is weaker evidence). */
  explicit: boolean;
  index: number;
  text: string;
}

export const INPUT_AFTER =
  /^\s*(?:tokens?|jetons?)?\s*(?:(?:en|d['’]|of|as|de)\s*)?(?:in|input|inputs|entr[ée]e|entr[ée]es|prompt)\b/iu;
export const OUTPUT_AFTER =
  /^\s*(?:tokens?|jetons?)?\s*(?:(?:en|de|of|as)\s*)?(?:out|output|outputs|sortie|sorties|completion|g[ée]n[ée]r[ée]s?)\b/iu;
export const INPUT_BEFORE = /(?:\bin|input|entr[ée]e|prompt)\s*[:=]?\s*$/iu;
export const OUTPUT_BEFORE = /(?:\bout|output|sortie|completion)\s*[:=]?\s*$/iu;

/** Finds the token amounts in a sentence, with their input/output role when one is stated. */
export function findAmounts(text: string): FoundAmount[] {
  const out: FoundAmount[] = [];
  const cleaned = text.normalize('NFKC');
  for (const m of cleaned.matchAll(AMOUNT_PATTERN)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    const after = cleaned.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
    const before = cleaned.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
    // Money, percentages, model names and chip counts are not token amounts.
    if (
      /^\s*(?:\$|€|%|usd|dollars?|euros?|x\b|×|fois|times|gpus?|puces|chips?|h800|h100|heures?|hours?|hrs?|jours?|days?|ans?|years?)/iu.test(
        after,
      )
    )
      continue;
    if (/[$€]\s*$/.test(before) || /\b[a-z]$/i.test(before)) continue;
    const found: FoundAmount = {
      result: toTokens(num, g.unit),
      explicit: Boolean(g.unit || g.tok),
      index: m.index ?? 0,
      text: m[0].trim(),
    };
    if (INPUT_AFTER.test(after) || INPUT_BEFORE.test(before)) found.role = 'input';
    else if (OUTPUT_AFTER.test(after) || OUTPUT_BEFORE.test(before)) found.role = 'output';
    out.push(found);
  }
  return out;
}
