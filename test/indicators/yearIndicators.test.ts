import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { medianAge, yearIndicators } from '../../src/indicators/yearIndicators.js';
import { splitOpenAgeGroup } from '../../src/base/splitOpenAgeGroup.js';

describe('yearIndicators', () => {
  // 14 groups (open age 65): 100 women and 110 men in every group.
  const pop = { female: new Array(14).fill(100), male: new Array(14).fill(110) };
  const y = yearIndicators(2020, pop);
  it('counts broad groups and their ratios', () => {
    expect(y.total).toBe(14 * 210);
    expect(y.ages0to14).toBe(3 * 210);
    expect(y.ages15to59).toBe(9 * 210);
    expect(y.ages60plus).toBe(2 * 210);
    expect(y.ages65plus).toBe(210);
    expect(y.oldAgeDependency).toBeCloseTo(1 / 10, 14);
    expect(y.ratio60to15_59).toBeCloseTo(2 / 9, 14);
    expect(y.sexRatio).toBeCloseTo(110, 12);
  });
  it('interpolates the median age within its group', () => {
    // 14 equal groups: half the people lie below 7 groups = 35 years.
    expect(y.medianAge).toBeCloseTo(35, 12);
    expect(medianAge([10, 30, 10])).toBeCloseTo(7.5, 12); // 25 below 7.5: 10 in 0-4, 15 of 30 in 5-9
  });
  it('needs an open age of at least 65', () => {
    expect(() => yearIndicators(2020, { female: [1, 2, 3], male: [1, 2, 3] })).toThrow('pop: expected an open age of at least 65');
  });
});

describe('splitOpenAgeGroup', () => {
  const mx = [0.01, 0.001, 0.0005, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.3]; // ages 0, 1, 5, …, 45+
  const lt = lifeTable(mx, { sex: 'female' });
  it('splits the open group by the stationary population, conserving persons', () => {
    const out = splitOpenAgeGroup([100, 100, 100, 600], lt, 30); // 15+ into 15-19, 20-24, 25-29, 30+
    expect(out).toHaveLength(7);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(900, 10);
    // Shares 5Lx / T(15) for the new closed groups, T(30)/T(15) for the new open group.
    const T15 = lt.Tx[4]!;
    expect(out[3]).toBeCloseTo((600 * lt.Lx[4]!) / T15, 10);
    expect(out[5]).toBeCloseTo((600 * lt.Lx[6]!) / T15, 10);
    expect(out[6]).toBeCloseTo((600 * lt.Tx[7]!) / T15, 8);
  });
  it('rejects a lower target open age, or one beyond the table', () => {
    expect(() => splitOpenAgeGroup([1, 2, 3, 4], lt, 10)).toThrow("openAge: expected at least the population's open age 15, got 10");
    expect(() => splitOpenAgeGroup([1, 2, 3, 4], lt, 50)).toThrow("openAge: expected at most the life table's open age 45, got 50");
  });
});
