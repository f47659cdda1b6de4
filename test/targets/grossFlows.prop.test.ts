import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { arbitraries, invariants } from '../../src/testing/index.js';
import { InputError } from '../../src/validate/errors.js';

// Solvers on scenarios with out-migration (net figures < 0, FDM churn, gross flows): for a scenario
// that projects, they return a SolveResult — never an error thrown from inside the search — and
// the result agrees with assessTarget; a target below the feasibility bound is `unreachable` with it.

const base = arbitraries.population({ openAge: 100, year: { min: 2015, max: 2015 }, total: { min: 2e5, max: 1e7 } });
const scenario = fc.oneof(
  arbitraries.scenario({ migration: 'any', maxNetPerYear: 2000, flowDifference: true, years: { min: 2010, max: 2040 } }),
  arbitraries.scenario({ migration: 'gross', maxInPerYear: 2000, maxOutRate: 0.01, years: { min: 2010, max: 2040 } }),
);
const factor = arbitraries.uniform(0.3, 1.3);
const TARGET_YEAR = 2030;

/** The scenario's migration with the solved net figure in place of its own (what requiredNetMigration varies). */
function withNet(s: Scenario, netPerYear: number): Scenario {
  const { inPerYear: _i, outRate: _o, ...m } = s.migration!;
  return { ...s, migration: { ...m, netPerYear } };
}

/** The TFR path with an anchor at the target year, as requiredTfr builds it. */
function withTfrAnchor(s: Scenario, baseYear: number, value: number): Scenario {
  const tfr = s.fertility.tfr;
  const anchors: Record<number, number> = typeof tfr === 'number' ? { [baseYear]: tfr } : {};
  if (typeof tfr !== 'number') for (const [y, v] of Object.entries(tfr)) if (Number(y) < TARGET_YEAR) anchors[Number(y)] = v;
  anchors[TARGET_YEAR] = value;
  return { ...s, fertility: { ...s.fertility, tfr: anchors } };
}

/** assessTarget's total, or NaN where the out-flow cannot be supplied. */
function totalOrNaN(f: () => number): number {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError && e.issues[0]!.path.startsWith('migration.')) return NaN;
    throw e;
  }
}

describe('target solvers with out-migration', () => {
  it('requiredNetMigration: a result, never a throw; it agrees with assessTarget, the feasibility bound included', () => {
    fc.assert(
      fc.property(base, scenario, factor, (b, s, f) => {
        const own = assessTarget(b, s, { year: TARGET_YEAR, population: 1 }).projected;
        const target = { year: TARGET_YEAR, population: f * own };
        const r = requiredNetMigration(b, s, target);
        const totalAt = (x: number) => totalOrNaN(() => assessTarget(b, withNet(s, x), target).projected);
        if (r.status === 'unreachable' && r.side === 'below') {
          // At the bound the population supplies the out-flow, and a hair more out-migration it cannot —
          // unless the bound is the low end of the range itself.
          expect(totalAt(r.bound)).toBe(r.achieved);
          const lowEnd = -0.1 * (b.female.reduce((x, y) => x + y, 0) + b.male.reduce((x, y) => x + y, 0));
          if (r.bound > lowEnd * (1 - 1e-12)) expect(totalAt(r.bound - Math.abs(r.bound) * 1e-7)).toBeNaN();
          return true;
        }
        return invariants.assertHolds(invariants.solverAgreesWithAssessment(r, target.population, totalAt));
      }),
      { numRuns: 30 },
    );
  });

  it('requiredTfr: a result, never a throw; reached at the value or out of reach, honestly', () => {
    fc.assert(
      fc.property(base, scenario, factor, (b, s, f) => {
        const target = { year: TARGET_YEAR, population: f * assessTarget(b, s, { year: TARGET_YEAR, population: 1 }).projected };
        const r = requiredTfr(b, s, target);
        const totalAt = (x: number) => totalOrNaN(() => assessTarget(b, withTfrAnchor(s, b.year, x), target).projected);
        if (r.status === 'unreachable') {
          expect(totalAt(r.bound)).toBe(r.achieved);
          expect(r.side === 'below' ? r.achieved > target.population : r.achieved < target.population).toBe(true);
          return true;
        }
        return invariants.assertHolds(invariants.solverAgreesWithAssessment(r, target.population, totalAt));
      }),
      { numRuns: 30 },
    );
  });
});
