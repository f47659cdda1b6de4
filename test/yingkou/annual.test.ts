import { describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import { yingkouAnnual } from '../../src/yingkou/annual.js';
import { yingkou } from '../../src/yingkou/data.js';

// The year-by-year section (issue 13): every figure from the library, the census compared at its
// date by geometric interpolation between the annual run's year-ends.

const a = yingkouAnnual();

describe('yingkouAnnual', () => {
  it('runs 2015 … 2030 on single years and sets the 5×5 totals beside the 1×1 ones in their years', () => {
    expect(a.years.map((y) => y.year)).toEqual(Array.from({ length: 16 }, (_, i) => 2015 + i));
    expect(a.annual.width).toBe(1);
    expect(a.years.filter((y) => y.fiveYear !== null).map((y) => y.year)).toEqual([2015, 2020, 2025, 2030]);
    expect(a.years.find((y) => y.year === 2030)!.target).toBe(2_600_000);
    expect(a.years.find((y) => y.year === 2021)!.target).toBeNull();
  });

  it('places 1 November 2020 by days, 4 + 305/366 years after year-end 2015, and interpolates geometrically', () => {
    const c = a.census.planAlone;
    expect(c.years).toBeCloseTo(4 + 305 / 366, 12);
    const p2019 = a.annual.indicators.years[4]!.total;
    const p2020 = a.annual.indicators.years[5]!.total;
    expect(c.projected).toBeCloseTo(p2019 * Math.pow(p2020 / p2019, 305 / 366), 6);
    expect(c.observed).toBe(yingkou.census2020.residents);
  });

  it('solves the census-implied migration at the census date, and continues it to the year-end figures', () => {
    const im = a.census.impliedNetMigration;
    expect(im.atCensusDate.status).toBe('reachable');
    if (im.atCensusDate.status !== 'reachable' || im.atYearEnd2020.status !== 'reachable') return;
    // The same loss over a shorter span: more out-migration a year.
    expect(im.atCensusDate.value).toBeLessThan(im.atYearEnd2020.value);
    const check = project(yingkou.base2015, { ...yingkou.scenarios.plan, migration: { netPerYear: im.atCensusDate.value } }, { until: 2023, width: 1 });
    const [y2021, y2023] = a.census.yearEnd;
    expect(y2021!.projected).toBe(check.indicators.years[6]!.total);
    expect(y2023!.projected).toBe(check.indicators.years[8]!.total);
    expect([y2021!.observed, y2023!.observed]).toEqual([2_312_000, 2_266_000]);
  });

  it('asks the report\'s targets when given', () => {
    const other = yingkouAnnual({ targets: [{ year: 2020, population: 2_400_000 }, { year: 2030, population: 2_400_000 }] });
    expect(other.years.find((y) => y.year === 2030)!.target).toBe(2_400_000);
    expect(() => yingkouAnnual({ targets: [{ year: 2021, population: 1 }, { year: 2030, population: 1 }] })).toThrow('expected targets for 2020 and 2030, in that order');
  });
});
