/**
 * Figure matching for the calculator sets: does the reply text show the expected number?
 *
 * Numbers are read in either locale ("$37.50", "37,50 $", "1,234.56", "1 234,56", "2.5M", "2,5 millions",
 * "$5.576M", "43,6 M$"). An ambiguous separator ("1,234" or "1.234") yields both readings, so a reply is
 * never failed for its locale. Money is exact to the cent (or to three significant digits under a cent);
 * other figures may carry a relative or absolute tolerance or an accepted range.
 */
export interface Figure {
  /** The expected value, in base units (dollars, tokens, hours…). */
  value?: number;
  /** Accepted range, inclusive (for estimates: month length, words → tokens). */
  min?: number;
  max?: number;
  /** "usd" uses the cent rule; anything else needs rel/abs or a range (default: exact to 3 significant digits). */
  unit?: 'usd' | 'tokens' | 'hours' | 'gpus' | 'days' | 'ratio' | string;
  /** Relative tolerance (0.005 = 0.5%). */
  rel?: number;
  /** Absolute tolerance. */
  abs?: number;
  /** Free note (how the figure was computed by hand). */
  note?: string;
  /** Alternatives: the figure is shown when any of them is (hours or days, tokens or millions…). */
  anyOf?: Figure[];
}

const SCALE: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
  b: 1e9,
  B: 1e9,
  bn: 1e9,
  G: 1e9,
  t: 1e12,
  T: 1e12,
  thousand: 1e3,
  thousands: 1e3,
  mille: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  billions: 1e9,
  milliard: 1e9,
  milliards: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  md: 1e9,
  Md: 1e9,
  Mds: 1e9,
};

// A number with optional grouping (",", ".", regular, no-break and narrow no-break spaces, apostrophe)
// and an optional decimal part, then an optional scale word.
const NUMBER =
  /(?<![\p{L}\d])(\d{1,3}(?:[ \u00a0\u202f,.'’]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?)(?:\s?(k|K|M|B|bn|G|T|Md|Mds|md|thousands?|mille|millions?|billions?|milliards?|trillions?)(?![\p{L}]))?/gu;

/** Every reading of one numeric literal (both locales when the separator is ambiguous). */
export function readNumber(literal: string): number[] {
  const s = literal.replace(/[ \u00a0\u202f'’]/g, '');
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  const out = new Set<number>();
  if (commas === 0 && dots === 0) {
    out.add(Number(s));
  } else if (commas > 0 && dots > 0) {
    // The last separator is the decimal one.
    const dec = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const grp = dec === ',' ? '.' : ',';
    out.add(Number(s.split(grp).join('').replace(dec, '.')));
  } else {
    const sep = commas > 0 ? ',' : '.';
    const count = commas + dots;
    const parts = s.split(sep);
    const groupsOfThree = parts.slice(1).every((p) => p.length === 3);
    if (count > 1) {
      // "1,234,567" or "1.234.567": grouping only.
      out.add(Number(parts.join('')));
    } else {
      // One separator: decimal always possible; grouping when followed by exactly three digits.
      out.add(Number(s.replace(sep, '.')));
      if (groupsOfThree) out.add(Number(parts.join('')));
    }
  }
  return [...out].filter((n) => Number.isFinite(n));
}

export interface Reading {
  n: number;
  /** Written as money: "$" before it, or "$", "US$", "USD", "dollars" after it. */
  money: boolean;
}

const MONEY_BEFORE = /(?:\$|US\$|USD)\s?$/;
const MONEY_AFTER = /^[\s\u00a0\u202f]*(?:\$|US\$|USD|(?:de |d')?dollars?)/i;

/** Every number the text shows, scaled by its suffix ("2.5M" → 2,500,000), with all locale readings. */
export function readingsIn(text: string): Reading[] {
  const out: Reading[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const literal = m[1] ?? '';
    const scale = m[2] ? (SCALE[m[2]] ?? SCALE[m[2].toLowerCase()] ?? 1) : 1;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const money =
      MONEY_BEFORE.test(text.slice(Math.max(0, start - 4), start)) ||
      MONEY_AFTER.test(text.slice(end, end + 12));
    for (const n of readNumber(literal)) {
      out.push({ n: n * scale, money });
      if (scale !== 1) out.push({ n, money });
    }
  }
  return out;
}

export function numbersIn(text: string): number[] {
  return readingsIn(text).map((r) => r.n);
}

function sig3(x: number): number {
  if (x === 0) return 0;
  const p = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / p) * p;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether one number read from the reply satisfies the expected figure. */
export function matchesFigure(n: number, f: Figure): boolean {
  if (f.anyOf) return f.anyOf.some((alt) => matchesFigure(n, alt));
  if (f.min !== undefined || f.max !== undefined) {
    return n >= (f.min ?? Number.NEGATIVE_INFINITY) - 1e-9 && n <= (f.max ?? Number.POSITIVE_INFINITY) + 1e-9;
  }
  const v = f.value;
  if (v === undefined) return false;
  if (f.rel !== undefined) return Math.abs(n - v) <= f.rel * Math.abs(v) + 1e-9;
  if (f.abs !== undefined) return Math.abs(n - v) <= f.abs + 1e-9;
  if ((f.unit ?? 'usd') === 'usd') {
    // To the cent: the reply shows the value rounded to cents (more digits are fine if they agree).
    const cents = Math.round(n * 100 + 1e-6) === Math.round(v * 100 + 1e-6) && Math.abs(n - v) < 0.005 + 1e-9;
    if (Math.abs(v) >= 1) return cents;
    // Under a dollar, significant digits are shown ("$0.0275", "$0.945"): three of them, or the cent.
    return close(sig3(n), sig3(v)) || (Math.abs(v) >= 0.01 && cents);
  }
  // Under a cent, or a non-money figure: three significant digits.
  return close(sig3(n), sig3(v));
}

function isMoney(f: Figure): boolean {
  return f.anyOf ? f.anyOf.every(isMoney) : (f.unit ?? 'usd') === 'usd';
}

function isRange(f: Figure): boolean {
  return f.min !== undefined || f.max !== undefined;
}

/**
 * Whether the text shows every expected figure. A money figure only matches a number written as money.
 * `unitPrices` (the price list's per-million prices) never satisfy a range, since nearly every cost reply
 * repeats them; sets avoid exact figures equal to a unit price for the same reason.
 */
export function textHasFigures(
  text: string,
  figures: readonly Figure[],
  unitPrices: readonly number[] = [],
): { ok: boolean; missing: Figure[] } {
  const readings = readingsIn(text);
  const isUnitPrice = (n: number) => unitPrices.some((p) => close(p, n));
  const missing = figures.filter(
    (f) =>
      !readings.some(
        (r) => (!isMoney(f) || r.money) && !(isRange(f) && isUnitPrice(r.n)) && matchesFigure(r.n, f),
      ),
  );
  return { ok: missing.length === 0, missing };
}

export function describeFigure(f: Figure): string {
  if (f.anyOf) return f.anyOf.map(describeFigure).join(' or ');
  const unit = f.unit ?? 'usd';
  if (f.min !== undefined || f.max !== undefined) return `${f.min ?? '…'}–${f.max ?? '…'} ${unit}`;
  const tol = f.rel !== undefined ? ` ±${f.rel * 100}%` : f.abs !== undefined ? ` ±${f.abs}` : '';
  return `${f.value} ${unit}${tol}`;
}
