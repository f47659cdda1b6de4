import { describe, expect, it } from 'vitest';
import { asfrFromTfr, fillAsfrFromTfr } from '../../src/fertility/asfr.js';
import { meanAgeAtChildbearing } from '../../src/fertility/meanAge.js';
import { fertilityPattern } from '../../src/fertility/pattern.js';
import { tfr } from '../../src/fertility/tfr.js';

const P = [0, 0.2, 0.4, 0.3, 0.1, 0, 0];
// One multiplication and one division per value: results agree with the exact decimals to rounding.
const ROUNDING = 1e-15;

describe('asfrFromTfr', () => {
  it('gives TFR × share / 5 for 15-19 … 45-49', () => {
    const asfr = asfrFromTfr(1.5, P);
    expect(asfr).toBeInstanceOf(Float64Array);
    [0, 0.06, 0.12, 0.09, 0.03, 0, 0].forEach((v, i) => expect(Math.abs(asfr[i]! - v)).toBeLessThanOrEqual(ROUNDING));
  });

  it('with openAge, fills the projection grid with zeros outside 15-49', () => {
    const shares = fertilityPattern('china-2015');
    const grid = asfrFromTfr(0.71, 'china-2015', { openAge: 100 });
    expect(grid).toHaveLength(21);
    grid.forEach((v, i) => {
      if (i >= 3 && i <= 9) expect(v).toBe((0.71 / 5) * shares[i - 3]!);
      else expect(v).toBe(0);
    });
    expect(asfrFromTfr(0.71, 'china-2015', { openAge: 50 })).toHaveLength(11);
    expect(Array.from(asfrFromTfr(0.71, 'china-2015', { openAge: 50 }).subarray(3, 10))).toEqual(Array.from(asfrFromTfr(0.71, 'china-2015')));
  });

  it('TFR 0 gives zeros; it does not mutate the pattern', () => {
    expect(Array.from(asfrFromTfr(0, P))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const pattern = Float64Array.from(P);
    asfrFromTfr(2, pattern, { openAge: 85 });
    expect(Array.from(pattern)).toEqual(P);
  });

  it('fillAsfrFromTfr writes into the caller’s array, clearing stale values on a grid', () => {
    const out = new Float64Array(21).fill(7);
    const shares = Float64Array.from(P);
    expect(fillAsfrFromTfr(1.5, shares, out)).toBe(out);
    expect(out[0]).toBe(0);
    expect(out[2]).toBe(0);
    expect(out[4]).toBe((1.5 / 5) * 0.2);
    expect(out[20]).toBe(0);
    const seven = new Float64Array(7);
    fillAsfrFromTfr(1.5, shares, seven);
    expect(seven[2]).toBe((1.5 / 5) * 0.4);
  });
});

describe('tfr', () => {
  it('is 5 Σ asfr on either layout', () => {
    expect(Math.abs(tfr([0, 0.06, 0.12, 0.09, 0.03, 0, 0]) - 1.5)).toBeLessThanOrEqual(4 * ROUNDING);
    expect(tfr(asfrFromTfr(1.8, 'china-2015', { openAge: 100 }))).toBeCloseTo(1.8, 14);
  });
  it('counts 10-14 on a grid (every closed group)', () => {
    const grid = new Float64Array(11);
    grid[2] = 0.001; // 10-14
    grid[5] = 0.1;
    expect(tfr(grid)).toBeCloseTo(5 * 0.101, 15);
  });
});

describe('meanAgeAtChildbearing', () => {
  it('weights the midpoints 17.5 … 47.5', () => {
    // 22.5·0.2 + 27.5·0.4 + 32.5·0.3 + 37.5·0.1 = 4.5 + 11 + 9.75 + 3.75 = 29
    expect(meanAgeAtChildbearing(P)).toBeCloseTo(29, 13);
    expect(meanAgeAtChildbearing([1, 0, 0, 0, 0, 0, 0])).toBe(17.5);
    expect(meanAgeAtChildbearing([0, 0, 0, 0, 0, 0, 3])).toBe(47.5);
  });
  it('is the same for asfr on the grid as for the shares, at any TFR', () => {
    expect(meanAgeAtChildbearing(asfrFromTfr(1.3, P, { openAge: 100 }))).toBeCloseTo(29, 13);
    expect(meanAgeAtChildbearing(asfrFromTfr(4, P))).toBeCloseTo(29, 13);
  });
  it('puts 10-14 at 12.5 on a grid', () => {
    const grid = new Float64Array(11);
    grid[2] = 1;
    grid[3] = 1;
    expect(meanAgeAtChildbearing(grid)).toBe(15);
  });
});
