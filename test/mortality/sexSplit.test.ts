import { describe, expect, it } from 'vitest';
import { CHINA_2015_E0 } from '../../src/mortality/baselines.js';
import { DEFAULT_SEX_GAP, bothSexE0, splitE0 } from '../../src/mortality/sexSplit.js';

// Identity round trips: a few ulps of numbers near 80 (design.md: identity ~1e-12 relative).
const IDENTITY = 1e-12;

describe('splitE0 / bothSexE0', () => {
  it('defaults the gap to UN WPP 2019 China 2015–2020 (78.97 − 74.47 = 4.50)', () => {
    expect(DEFAULT_SEX_GAP).toBeCloseTo(CHINA_2015_E0.female - CHINA_2015_E0.male, 12);
    const { female, male } = splitE0(78.75, { srb: 107 });
    expect(female - male).toBeCloseTo(4.5, 12);
  });

  it('applies e0F = e0 + gap·srb/(100+srb), e0M = e0F − gap (design.md)', () => {
    const { female, male } = splitE0(78.75, { gap: 5, srb: 107 });
    expect(female).toBeCloseTo(78.75 + (5 * 107) / 207, 12);
    expect(male).toBeCloseTo(78.75 + (5 * 107) / 207 - 5, 12);
    // Equal births of both sexes (srb = 100): the sexes sit gap/2 either side.
    const even = splitE0(80, { gap: 4, srb: 100 });
    expect(even.female).toBeCloseTo(82, 12);
    expect(even.male).toBeCloseTo(78, 12);
  });

  it('bothSexE0 is the births-weighted mean (100 e0F + srb e0M)/(100 + srb)', () => {
    expect(bothSexE0({ female: 82, male: 78 }, 100)).toBeCloseTo(80, 12);
    expect(bothSexE0({ female: 81.08, male: 76.58 }, 107)).toBeCloseTo((8108 + 107 * 76.58) / 207, 12);
  });

  it('round-trips: bothSexE0(splitE0(e0)) = e0, and splitE0 keeps the gap of bothSexE0 inputs', () => {
    for (const e0 of [30, 62.5, 78.75, 95]) {
      for (const srb of [100, 105, 107, 118]) {
        for (const gap of [0, 4.5, -1, 7]) {
          const split = splitE0(e0, { gap, srb });
          expect(Math.abs(bothSexE0(split, srb) - e0) / e0).toBeLessThanOrEqual(IDENTITY);
          const again = splitE0(bothSexE0(split, srb), { gap, srb });
          expect(Math.abs(again.female - split.female) / split.female).toBeLessThanOrEqual(IDENTITY);
          expect(Math.abs(again.male - split.male) / split.male).toBeLessThanOrEqual(IDENTITY);
        }
      }
    }
  });
});
