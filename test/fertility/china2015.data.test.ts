import { describe, expect, it } from 'vitest';
import data from '../../data/fertility/china-2015-pattern.json';
import { fertilityPattern } from '../../src/fertility/pattern.js';
import { SHARE_SUM_TOLERANCE as PATTERN_SUM_TOLERANCE } from '../../src/validate/schemas.js';
import { meanAgeAtChildbearing } from '../../src/fertility/meanAge.js';

// A data test, not a golden one: it pins the shipped 'china-2015' pattern to the figures as quoted
// and checks its one transformation (normalisation), but the per cents have no second, independent
// source here — PUBLISHED below is the same quotation typed a second time, so this catches an edit of
// the data file or of the normalisation, not a wrong quotation.
//
// UN World Population Prospects 2019, China (156), 2015–2020, percentASFR for 15–19 … 45–49
// (R package wpp2019, dataset percentASFR), as quoted in issue 3: 5 decimals (18.6571: 4).
const PUBLISHED = [2.25888, 34.52367, 34.68462, 18.6571, 6.85473, 2.71302, 0.30799];
const PUBLISHED_SUM = 100.00001;
// Half the last printed unit of the 5-decimal figures (the tighter of the two printed precisions).
const HALF_PRINTED_UNIT = 0.000005;
// The shipped shares were divided by their sum once in double precision: their sum is 1 to a few ulps.
const NORMALISED_SUM_TOLERANCE = 1e-12;

describe("fertility pattern 'china-2015' (UN WPP 2019): the data file and its normalisation", () => {
  const shares = fertilityPattern('china-2015');

  it('ships the published per cents with a source, and they sum to 100.00001 as printed', () => {
    expect(data.source).toMatch(/World Population Prospects 2019/);
    expect(data.percentASFR).toEqual(PUBLISHED);
    expect(data.ages).toEqual(['15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49']);
    expect(Math.abs(PUBLISHED.reduce((a, b) => a + b, 0) - PUBLISHED_SUM)).toBeLessThan(1e-12);
    expect(data.publishedSum).toBe(PUBLISHED_SUM);
  });

  it('un-normalised (× 100.00001), reproduces every published per cent within half the printed unit', () => {
    expect(shares).toHaveLength(7);
    PUBLISHED.forEach((p, i) => {
      expect(Math.abs(shares[i]! * PUBLISHED_SUM - p), `group ${data.ages[i]}`).toBeLessThanOrEqual(HALF_PRINTED_UNIT);
    });
  });

  it('is normalised once: the shares sum to 1 within 1e-12 and pass the same rule as a user pattern', () => {
    const sum = shares.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1)).toBeLessThanOrEqual(NORMALISED_SUM_TOLERANCE);
    expect(NORMALISED_SUM_TOLERANCE).toBeLessThan(PATTERN_SUM_TOLERANCE);
    expect(Array.from(fertilityPattern(Array.from(data.shares)))).toEqual(Array.from(shares));
    // Each share is percent / (sum of the per cents), to rounding.
    PUBLISHED.forEach((p, i) => expect(shares[i]).toBeCloseTo(p / PUBLISHED_SUM, 15));
  });

  it('hands out a copy: changing it does not change the named pattern', () => {
    shares[1] = 99;
    expect(fertilityPattern('china-2015')[1]).toBe(data.shares[1]);
  });

  it('has mean age at childbearing 27.6348 (Σ midpoint × per cent / 100.00001)', () => {
    // (17.5·2.25888 + 22.5·34.52367 + 27.5·34.68462 + 32.5·18.6571 + 37.5·6.85473 + 42.5·2.71302
    //  + 47.5·0.30799) / 100.00001 = 2763.481025 / 100.00001 = 27.634807…
    const moment = 17.5 * 2.25888 + 22.5 * 34.52367 + 27.5 * 34.68462 + 32.5 * 18.6571 + 37.5 * 6.85473 + 42.5 * 2.71302 + 47.5 * 0.30799;
    expect(moment).toBeCloseTo(2763.481025, 6);
    expect(meanAgeAtChildbearing(fertilityPattern('china-2015'))).toBeCloseTo(moment / PUBLISHED_SUM, 12);
    expect(Math.abs(meanAgeAtChildbearing(fertilityPattern('china-2015')) - 27.6348)).toBeLessThan(0.00005);
  });
});
