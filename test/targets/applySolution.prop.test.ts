import fc from 'fast-check';
import { describe, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import { applySolution } from '../../src/targets/applySolution.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { arbitraries } from '../../src/testing/index.js';

// For any base, scenario and target: the scenario applySolution returns projects to the solver's
// `achieved` — the solve and the scenario are one computation. 1e-6 persons: rounding only (the
// migration solve adds (x − path average) to the path's average, the scenario states x), about
// 1e-13 of the largest populations generated here.
const ACHIEVED_TOLERANCE = 1e-6;

const base = arbitraries.population({ openAge: 100, year: { min: 2015, max: 2015 }, total: { min: 1e5, max: 1e7 } });
const scenario = arbitraries.scenario({ migration: 'in', maxNetPerYear: 500, years: { min: 2010, max: 2040 } });
const factor = arbitraries.uniform(0.9, 1.3);
const targetYear = fc.constantFrom(2020, 2025, 2030);

function check(achieved: number, projected: number): true {
  if (!(Math.abs(projected - achieved) <= ACHIEVED_TOLERANCE)) throw new Error(`projected ${projected}, solver achieved ${achieved}`);
  return true;
}

describe('applySolution', () => {
  it('tfr and migration: projecting the applied scenario gives the solver’s achieved', () => {
    fc.assert(
      fc.property(base, scenario, factor, targetYear, (b, s, f, year) => {
        const target = { year, population: f * assessTarget(b, s, { year, population: 1 }).projected };
        const totalIn = (sc: typeof s) => project(b, sc, { until: year }).indicators.years.at(-1)!.total;
        const opts = { baseYear: b.year, targetYear: year };
        const t = requiredTfr(b, s, target);
        if (t.status === 'unconverged') throw new Error(`requiredTfr did not converge: ${JSON.stringify(t)}`);
        if (t.status === 'reachable') check(t.achieved, totalIn(applySolution(s, 'tfr', { ...opts, value: t.value })));
        // Unreachable: the bound is a value too, and `achieved` is what it gives.
        else check(t.achieved, totalIn(applySolution(s, 'tfr', { ...opts, value: t.bound })));
        const m = requiredNetMigration(b, s, target);
        if (m.status === 'unconverged') throw new Error(`requiredNetMigration did not converge: ${JSON.stringify(m)}`);
        if (m.status === 'reachable') check(m.achieved, totalIn(applySolution(s, 'migration', { ...opts, value: m.value })));
        else check(m.achieved, totalIn(applySolution(s, 'migration', { ...opts, value: m.bound })));
        return true;
      }),
      { numRuns: 30 },
    );
  });
});
