/**
 * Exact decimal arithmetic for prices and costs: amounts are BigInt counts of a small unit, never floats.
 */

/** Parses a non-negative decimal string ("2.19", "0.014", "15") into an integer count of 10^-scale units. */
export function parseDecimal(text: string, scale: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (frac.length > scale) return undefined;
  return BigInt(whole + frac.padEnd(scale, '0'));
}

/** Writes a BigInt count of 10^-scale units as a plain decimal string ("21.9", "0.00219"). */
export function toDecimalString(value: bigint, scale: number): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const s = abs.toString().padStart(scale + 1, '0');
  const whole = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Micro-dollars per million tokens. */
export const PRICE_SCALE = 6;
/** Costs are counted in pico-dollars: tokens × (micro-dollars per million tokens) is exactly that. */
export const COST_SCALE = 12;
