import { describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { invariants } from '../../src/testing/index.js';
import { yingkou } from '../../src/yingkou/data.js';

// The Yingkou examples on the grids that data and tools use: open ages 80, 85, 90 and 100. With
// out-migrants leaving in proportion to r(x)·P(x), the open group's small rate (Rogers–Castro: about
// 0.09 of the 20–24 peak from 80 on) never asks more of it than it holds, whatever the grid.

const base = yingkou.base2015;
const plan = yingkou.scenarios.plan;
const OPEN_AGES = [80, 85, 90, 100] as const;
/** The 2020 census: 2,328,582 residents (Yingkou bulletin of the seventh census, 2021). */
const census2020 = { year: 2020, population: yingkou.census2020.residents };
/** How close the solved net migration on an 85+ grid comes to the 100+ one: 2 %. */
const GRID_AGREEMENT = 0.02;

describe('Yingkou at open ages 80, 85, 90, 100', () => {
  it('the plan with −21,046 net migrants a year projects to 2050 at every open age, the books balanced', () => {
    expect(census2020.population).toBe(2_328_582);
    for (const openAge of OPEN_AGES) {
      const p = project(base, { ...plan, migration: { netPerYear: -21_046 } }, { until: 2050, openAge });
      expect(p.ageGroups.at(-1)).toBe(`${openAge}+`);
      invariants.assertHolds(invariants.balancingIdentity(p));
      invariants.assertHolds(invariants.nonNegative(p));
      p.indicators.periods.forEach((period) => expect(period.netMigrants).toBeCloseTo(5 * -21_046, 6));
    }
  });

  it('requiredNetMigration for the 2020 census is reachable at each, and 100+ and 85+ agree within 2 %', () => {
    const solved = new Map<number, number>();
    for (const openAge of OPEN_AGES) {
      const r = requiredNetMigration(base, plan, census2020, { openAge });
      expect(r.status, `open age ${openAge}`).toBe('reachable');
      if (r.status !== 'reachable') continue;
      expect(r.value).toBeLessThan(0);
      const projected = assessTarget(base, { ...plan, migration: { netPerYear: r.value } }, census2020, { openAge }).projected;
      expect(projected).toBe(r.achieved);
      expect(projected - census2020.population).toBeGreaterThanOrEqual(0);
      expect(projected - census2020.population).toBeLessThanOrEqual(1);
      solved.set(openAge, r.value);
    }
    const at100 = solved.get(100)!;
    const at85 = solved.get(85)!;
    expect(Math.abs(at85 - at100) / Math.abs(at100)).toBeLessThan(GRID_AGREEMENT);
  });
});
