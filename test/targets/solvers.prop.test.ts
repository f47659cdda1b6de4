import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { feasibilityFrontier } from '../../src/targets/frontier.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { arbitraries, invariants } from '../../src/testing/index.js';

// Solvers agree with assessTarget: reached at the solved value (within 1 person above the target),
// not reached just below it; and the totals they search over rise with migration and with TFR.

const base = arbitraries.population({ openAge: 100, year: { min: 2015, max: 2015 }, total: { min: 1e5, max: 1e7 } });
const scenario = arbitraries.scenario({ migration: 'in', maxNetPerYear: 500, years: { min: 2010, max: 2040 } });
const factor = arbitraries.uniform(0.9, 1.3);
const TARGET_YEAR = 2030;

/** The TFR path with an anchor at the target year, as requiredTfr builds it. */
function withTfrAnchor(s: Scenario, baseYear: number, value: number): Scenario {
  const tfr = s.fertility.tfr;
  const anchors: Record<number, number> = typeof tfr === 'number' ? { [baseYear]: tfr } : {};
  if (typeof tfr !== 'number') for (const [y, v] of Object.entries(tfr)) if (Number(y) < TARGET_YEAR) anchors[Number(y)] = v;
  anchors[TARGET_YEAR] = value;
  return { ...s, fertility: { ...s.fertility, tfr: anchors } };
}

describe('target solvers', () => {
  it('requiredNetMigration: reached at the value, not just below it', () => {
    fc.assert(
      fc.property(base, scenario, factor, (b, s, f) => {
        const target = { year: TARGET_YEAR, population: f * assessTarget(b, s, { year: TARGET_YEAR, population: 1 }).projected };
        const r = requiredNetMigration(b, s, target);
        const totalAt = (x: number) => assessTarget(b, { ...s, migration: { ...s.migration, netPerYear: x } }, target).projected;
        return invariants.assertHolds(invariants.solverAgreesWithAssessment(r, target.population, totalAt));
      }),
      { numRuns: 30 },
    );
  });

  it('requiredTfr: reached at the value, not just below it (or out of reach, honestly)', () => {
    fc.assert(
      fc.property(base, scenario, factor, (b, s, f) => {
        const target = { year: TARGET_YEAR, population: f * assessTarget(b, s, { year: TARGET_YEAR, population: 1 }).projected };
        const r = requiredTfr(b, s, target);
        const totalAt = (x: number) => assessTarget(b, withTfrAnchor(s, b.year, x), target).projected;
        return invariants.assertHolds(invariants.solverAgreesWithAssessment(r, target.population, totalAt));
      }),
      { numRuns: 30 },
    );
  });

  it('the total rises with net migration and with TFR (what makes bracketing safe)', () => {
    fc.assert(
      fc.property(base, scenario, fc.array(arbitraries.uniform(0, 2000), { minLength: 3, maxLength: 6 }), (b, s, nets) => {
        const target = { year: TARGET_YEAR, population: 1 };
        const xs = [...nets].sort((p, q) => p - q);
        const byNet = xs.map((x) => assessTarget(b, { ...s, migration: { ...s.migration, netPerYear: x } }, target).projected);
        invariants.assertHolds(invariants.increasingIn(xs, byNet));
        const tfrs = xs.map((x) => x / 500); // 0 … 4
        const byTfr = tfrs.map((x) => assessTarget(b, withTfrAnchor(s, b.year, x), target).projected);
        return invariants.assertHolds(invariants.increasingIn(tfrs, byTfr));
      }),
      { numRuns: 30 },
    );
  });

  it('the frontier falls with TFR', () => {
    fc.assert(
      fc.property(base, scenario, factor, (b, s, f) => {
        const target = { year: TARGET_YEAR, population: f * assessTarget(b, s, { year: TARGET_YEAR, population: 1 }).projected };
        const tfr = [0.8, 1.4, 2, 2.6, 3.2];
        const points = feasibilityFrontier(b, s, target, { tfr }).filter((p) => p.netPerYear.status === 'reachable');
        const xs = points.map((p) => p.tfr);
        const ys = points.map((p) => (p.netPerYear.status === 'reachable' ? p.netPerYear.value : NaN));
        return invariants.assertHolds(invariants.decreasingIn(xs, ys));
      }),
      { numRuns: 20 },
    );
  });
});
