import { describe, expect, it } from 'vitest';
import { fertilityPattern } from '../../src/fertility/pattern.js';
import { singleYearShares } from '../../src/fertility/singleYears.js';

describe('singleYearShares: a 5-year fertility pattern on single ages 15 … 49', () => {
  const five = fertilityPattern('china-2015');
  const single = singleYearShares(five);
  it('keeps each group\'s share, is never negative, and starts and ends flat', () => {
    expect(single).toHaveLength(35);
    for (let g = 0; g < 7; g++) {
      let s = 0;
      for (let x = 5 * g; x < 5 * g + 5; x++) s += single[x]!;
      expect(Math.abs(s - five[g]!)).toBeLessThanOrEqual(1e-15);
    }
    expect(single.every((v) => v >= 0)).toBe(true);
    // The cubic leaves the empty 10–14 flat (slope 0 at 15) and rises: age 15 below age 16, age 49 below 48.
    expect(single[0]!).toBeLessThan(single[1]!);
    expect(single[34]!).toBeLessThan(single[33]!);
  });
  it('follows the pattern within groups: the peak single year is in the largest group (20–29)', () => {
    let peak = 0;
    for (let x = 1; x < 35; x++) if (single[x]! > single[peak]!) peak = x;
    expect(15 + peak).toBeGreaterThanOrEqual(20);
    expect(15 + peak).toBeLessThan(30);
  });
  it('gives a flat pattern back flat between groups of the same share (the cumulative is a line there)', () => {
    const flat = [0, 0.25, 0.25, 0.25, 0.25, 0, 0];
    const s = singleYearShares(flat);
    for (let x = 10; x < 20; x++) expect(s[x]!).toBeCloseTo(0.05, 14); // 25–34, between groups of 0.25
    expect(s[5]!).toBeLessThan(0.05); // 20–24 rises from the empty 15–19
    expect(Array.from(s.subarray(25))).toEqual(new Array(10).fill(0));
    expect(Array.from(s.subarray(0, 5)).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
