import { describe, expect, it } from 'vitest';
import { matchesFigure, numbersIn, readNumber, textHasFigures } from '../../src/eval/figures.js';

describe('reading numbers in either locale', () => {
  it('reads English and French money', () => {
    expect(numbersIn('$37.50')).toContain(37.5);
    expect(numbersIn('37,50 $')).toContain(37.5);
    expect(numbersIn('1 234,56 $')).toContain(1234.56);
    expect(numbersIn('1\u202f234,56\u00a0$')).toContain(1234.56);
    expect(numbersIn('$1,234.56')).toContain(1234.56);
  });
  it('keeps both readings of an ambiguous separator', () => {
    expect(readNumber('1,234').sort()).toEqual([1.234, 1234].sort());
    expect(readNumber('2,5')).toEqual([2.5]);
    // Four decimals are not a thousands group: "0,0165" is one number, not "0,016" then "5".
    expect(numbersIn('0,0165 $US')).toEqual([0.0165]);
  });
  it('applies scale words and suffixes', () => {
    expect(numbersIn('$5.576M')).toContain(5_576_000);
    expect(numbersIn('2,5 millions de tokens')).toContain(2_500_000);
    expect(numbersIn('43,6 M$')).toContain(43_600_000);
    expect(numbersIn('589 milliards')).toContain(589e9);
  });
  it('does not read digits inside words as numbers', () => {
    expect(numbersIn('H800 and o1')).toEqual([]);
  });
});

describe('the figure rule', () => {
  it('money is exact to the cent', () => {
    expect(matchesFigure(37.5, { value: 37.5 })).toBe(true);
    expect(matchesFigure(37.49, { value: 37.5 })).toBe(false);
    expect(matchesFigure(21.9, { value: 21.9 })).toBe(true);
  });
  it('under a cent, three significant digits', () => {
    expect(matchesFigure(0.00219, { value: 0.00219 })).toBe(true);
    expect(matchesFigure(0.0022, { value: 0.00219 })).toBe(false);
  });
  it('ranges and tolerances', () => {
    expect(matchesFigure(43.5e6, { min: 43e6, max: 44.2e6 })).toBe(true);
    expect(matchesFigure(40.8e6, { min: 43e6, max: 44.2e6 })).toBe(false);
    expect(matchesFigure(1_670_000, { value: 1_666_667, unit: 'tokens', rel: 0.005 })).toBe(true);
  });
  it('checks every figure against the text', () => {
    expect(textHasFigures('Cost: $4.38 for 2M output tokens', [{ value: 4.38 }]).ok).toBe(true);
    expect(textHasFigures('Coût : 1,40 $', [{ value: 1.4 }]).ok).toBe(true);
    expect(textHasFigures('Cost: $5.50', [{ value: 1.4 }]).ok).toBe(false);
  });
});
