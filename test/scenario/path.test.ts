import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathValue, periodAverage } from '../../src/scenario/path.js';
import { arbitraries } from '../../src/testing/index.js';

// A path is linear between anchors and constant outside them; a period takes its exact average.

describe('pathValue and periodAverage', () => {
  const tfr = { 2015: 0.71, 2020: 1.2, 2030: 1.8 };
  it('interpolates linearly and holds the ends', () => {
    expect(pathValue(tfr, 2017)).toBeCloseTo(0.71 + (2 / 5) * 0.49, 14);
    expect(pathValue(tfr, 2025)).toBeCloseTo(1.5, 14);
    expect(pathValue(tfr, 2000)).toBe(0.71);
    expect(pathValue(tfr, 2050)).toBe(1.8);
    expect(pathValue(3, 1900)).toBe(3);
  });
  it('averages a period exactly, anchors on period ends or not', () => {
    expect(periodAverage(tfr, 2015, 2020)).toBeCloseTo((0.71 + 1.2) / 2, 14);
    expect(periodAverage(tfr, 2020, 2025)).toBeCloseTo((1.2 + 1.5) / 2, 14);
    // An anchor at 2017: 2 years rising 0.71 → 1.2, then 3 years at 1.2.
    expect(periodAverage({ 2015: 0.71, 2017: 1.2 }, 2015, 2020)).toBeCloseTo((2 * 0.955 + 3 * 1.2) / 5, 14);
    // Before the first anchor the path is constant.
    expect(periodAverage({ 2017: 1, 2019: 3 }, 2015, 2020)).toBeCloseTo((2 * 1 + 2 * 2 + 1 * 3) / 5, 14);
  });
  it('rejects anchors out of order, non-years and bad values', () => {
    expect(() => pathValue({ 2020: 1, 2017.5: 2 }, 2018)).toThrow('path.2017.5: expected anchor years in increasing order, got "2017.5"');
    expect(() => pathValue({ y2020: 1 } as never, 2018)).toThrow('path.y2020: expected an anchor year (a number from -9999 to 9999), got "y2020"');
    expect(() => pathValue({}, 2018)).toThrow('path: expected at least one anchor, got {}');
    expect(() => pathValue({ 2020: NaN }, 2018)).toThrow('path.2020: expected a finite number, got NaN');
  });

  it('period averages are exact for random anchor sets (against a fine midpoint rule)', () => {
    // The midpoint rule is exact on every subinterval without a kink; on the few with one it errs by
    // at most h²·|slope jump|/8 — with h = 5e-4 years and slopes below ~10 a year, far below 1e-6.
    const MIDPOINTS = 10_000;
    fc.assert(
      fc.property(arbitraries.path({ min: 0, max: 10, years: { min: 2000, max: 2060 }, anchors: { min: 1, max: 8 } }), fc.integer({ min: 1995, max: 2060 }), (path, from) => {
        const to = from + 5;
        const h = (to - from) / MIDPOINTS;
        let sum = 0;
        for (let i = 0; i < MIDPOINTS; i++) sum += pathValue(path, from + (i + 0.5) * h);
        expect(periodAverage(path, from, to)).toBeCloseTo(sum / MIDPOINTS, 6);
      }),
      { numRuns: 40 },
    );
  });
});
