import { readNumber, UNITS } from './amount.js';

/** Exact decimal strings: a number as typed, whole tokens, micro-dollars. */

/** An exact decimal string from a number as typed and an optional unit; undefined when unreadable. */
export function decimal(num: string, unit?: string): string | undefined {
  const n = readNumber(num);
  if (!n || n.negative) return undefined;
  const power = unit ? UNITS[unit.toLowerCase()] : 0;
  if (power === undefined) return undefined;
  const exp = n.exp + power;
  if (n.digits.toString().length + exp > 24) return undefined;
  const digits = n.digits.toString();
  if (exp >= 0) return (digits + '0'.repeat(exp)).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(-exp + 1, '0');
  const whole = padded.slice(0, padded.length + exp);
  const frac = padded.slice(padded.length + exp).replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : whole;
}

/** Whole tokens (decimal string), rounded half up. */
export function roundTokens(value: string): string {
  const [whole = '0', frac = ''] = value.split('.');
  const up = frac !== '' && Number(frac[0]) >= 5;
  const n = BigInt(whole) + (up ? 1n : 0n);
  return n.toString();
}

/** Dollars as a decimal string → micro-dollars (decimal string). */
export function toMicro(value: string): string {
  const [whole = '0', frac = ''] = value.split('.');
  return (BigInt(whole) * 1_000_000n + BigInt((frac.slice(0, 6) || '0').padEnd(6, '0'))).toString();
}
