import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectCohorts } from '../../src/project/projectCohorts.js';
import { project } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { arbitraries, invariants } from '../../src/testing/index.js';

// Issue 3: a higher TFR path gives more births and a larger total in every later year; a higher
// e0 fewer deaths; more net migration a larger total; project() with constant inputs is
// projectCohorts with the same PeriodInputs; and the books balance.

const base = arbitraries.population({ openAge: 100, year: { min: 2015, max: 2015 }, total: { min: 1e5, max: 1e7 } });
const scenario = arbitraries.scenario({ migration: 'in', maxNetPerYear: 2000, years: { min: 2010, max: 2040 } });
const UNTIL = { until: 2035 };

/** Every value of a path raised by `by`. */
function raise(path: Scenario['fertility']['tfr'], by: number): Scenario['fertility']['tfr'] {
  if (typeof path === 'number') return path + by;
  return Object.fromEntries(Object.entries(path).map(([y, v]) => [y, v + by]));
}

describe('project() properties', () => {
  it('a higher TFR path: more births in every period, a larger total in every later year', () => {
    fc.assert(
      fc.property(base, scenario, arbitraries.uniform(0.05, 1), (b, s, d) => {
        const lo = project(b, s, UNTIL);
        const hi = project(b, { ...s, fertility: { ...s.fertility, tfr: raise(s.fertility.tfr, d) } }, UNTIL);
        lo.indicators.periods.forEach((p, t) => expect(hi.indicators.periods[t]!.births).toBeGreaterThan(p.births));
        lo.indicators.years.slice(1).forEach((y, t) => expect(hi.indicators.years[t + 1]!.total).toBeGreaterThan(y.total));
      }),
      { numRuns: 30 },
    );
  });

  it('a higher e0 path: fewer deaths in the first period, a larger total in every later year', () => {
    fc.assert(
      fc.property(base, scenario, arbitraries.uniform(0.1, 3), (b, s, d) => {
        const lo = project(b, s, UNTIL);
        const hi = project(b, { ...s, mortality: { ...s.mortality, e0: raise(s.mortality.e0 as Scenario['fertility']['tfr'], d) } }, UNTIL);
        expect(hi.indicators.periods[0]!.deaths).toBeLessThan(lo.indicators.periods[0]!.deaths);
        lo.indicators.years.slice(1).forEach((y, t) => expect(hi.indicators.years[t + 1]!.total).toBeGreaterThan(y.total));
      }),
      { numRuns: 30 },
    );
  });

  it('more net migration: a larger total in every later year', () => {
    fc.assert(
      fc.property(base, scenario, arbitraries.uniform(10, 5000), (b, s, d) => {
        const m = s.migration ?? { netPerYear: 0 };
        const lo = project(b, { ...s, migration: m }, UNTIL);
        const hi = project(b, { ...s, migration: { ...m, netPerYear: raise(m.netPerYear ?? 0, d) } }, UNTIL);
        lo.indicators.years.slice(1).forEach((y, t) => expect(hi.indicators.years[t + 1]!.total).toBeGreaterThan(y.total));
      }),
      { numRuns: 30 },
    );
  });

  it('equals projectCohorts on the PeriodInputs it used, and keeps the books', () => {
    fc.assert(
      fc.property(base, scenario, (b, s) => {
        const p = project(b, s, UNTIL);
        const q = projectCohorts(b, p.periods);
        p.population.forEach((pop, i) => {
          expect(Array.from(q.population[i]!.female)).toStrictEqual(Array.from(pop.female));
          expect(Array.from(q.population[i]!.male)).toStrictEqual(Array.from(pop.male));
        });
        invariants.assertHolds(invariants.balancingIdentity(p));
        invariants.assertHolds(invariants.nonNegative(p));
      }),
      { numRuns: 30 },
    );
  });
});
