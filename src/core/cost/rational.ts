import { readNumber } from './amount.js';

/** Exact non-negative fractions of BigInts, for multipliers, text rules and budgets (never a float). */
export interface Rational {
  n: bigint;
  d: bigint;
}

export const ONE: Rational = { n: 1n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

export function rat(n: bigint, d = 1n): Rational {
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

/** "2.5", "1000" → 5/2, 1000/1; undefined when unreadable or negative. */
export function fromDecimal(text: string): Rational | undefined {
  const r = readNumber(text);
  if (!r || r.negative) return undefined;
  return r.exp >= 0 ? rat(r.digits * 10n ** BigInt(r.exp)) : rat(r.digits, 10n ** BigInt(-r.exp));
}

export function mul(a: Rational, b: Rational): Rational {
  return rat(a.n * b.n, a.d * b.d);
}

export function add(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational | undefined {
  return b.n === 0n ? undefined : rat(a.n * b.d, a.d * b.n);
}

/** Nearest whole number, halves up. */
export function round(a: Rational): bigint {
  return (2n * a.n + a.d) / (2n * a.d);
}

export function floor(a: Rational): bigint {
  return a.n / a.d;
}

export function isWhole(a: Rational): boolean {
  return a.d === 1n;
}

/** An exact decimal string when the fraction has one (×10^scale rounding otherwise). */
export function toDecimal(a: Rational, scale = 6): string {
  const scaled = round(mul(a, rat(10n ** BigInt(scale))));
  const s = scaled.toString().padStart(scale + 1, '0');
  const whole = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}
