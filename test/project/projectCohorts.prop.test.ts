import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { total } from '../../src/ages/broad.js';
import { dominantRoot } from '../../src/project/dominantRoot.js';
import { projectCohorts } from '../../src/project/projectCohorts.js';
import { arbitraries, invariants } from '../../src/testing/index.js';

const { assertHolds } = invariants;

describe('projectCohorts — properties over generated cases (ccmpp/testing)', () => {
  it('balances per sex: P(t+5) = P(t) + births − deaths + netMigrants, to 1e-9 relative', () => {
    fc.assert(
      fc.property(arbitraries.projectionCase({ openAge: { min: 5, max: 130 }, period: { migration: 'any', maxOutShare: 0.9 } }), ({ base, periods }) =>
        assertHolds(invariants.balancingIdentity(projectCohorts(base, periods), { relTol: 1e-9 })),
      ),
    );
  });

  it('keeps every group, births and deaths non-negative without out-migration', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('none', 'in').chain((migration) =>
          arbitraries.projectionCase({ openAge: { min: 5, max: 130 }, population: { emptyGroups: true }, period: { migration } }),
        ),
        ({ base, periods }) => assertHolds(invariants.nonNegative(projectCohorts(base, periods))),
      ),
    );
  });

  it('is linear: base and migrants × c give every output × c', () => {
    fc.assert(
      fc.property(arbitraries.projectionCase({ period: { migration: 'any' } }), arbitraries.uniform(1e-3, 1e3), ({ base, periods }, c) =>
        assertHolds(invariants.linearInBase(projectCohorts, base, periods, c)),
      ),
    );
  });

  it('shrinks every year without births or migration', () => {
    fc.assert(
      fc.property(arbitraries.projectionCase({ openAge: { min: 5, max: 130 }, periods: { min: 1, max: 6 } }), ({ base, periods }) => {
        const noBirths = periods.map((p) => ({ ...p, asfr: new Array<number>(p.asfr.length).fill(0) }));
        const out = projectCohorts(base, noBirths);
        const totals = out.population.map((p) => total(p.female) + total(p.male));
        return assertHolds(invariants.decreasingIn(out.years, totals, { strict: true, input: 'year', output: 'total population' }));
      }),
    );
  });

  it('equals the two-sex Leslie-matrix product for a closed population (1e-12 relative)', () => {
    fc.assert(
      fc.property(arbitraries.projectionCase({ openAge: { min: 5, max: 130 }, periods: { min: 1, max: 1 } }), ({ base, periods }) =>
        assertHolds(invariants.kernelEqualsLeslie(base, periods[0]!, { relTol: 1e-12 })),
      ),
    );
  });
});

/**
 * dominantRoot against repeated closed kernel steps. For a non-negative matrix L and a positive
 * vector v, min_x (Lv)_x / v_x ≤ λ ≤ max_x (Lv)_x / v_x (Collatz–Wielandt), and under iteration the
 * minimum never falls and the maximum never rises; for a primitive L both close on λ and v/Σv on the
 * stable age shares. The female part of a closed step is the female Leslie matrix, so these hold for
 * the women of any projection. The default grid (100+) is used, and open ages from 85 for the
 * eigen-equation: on short grids the post-reproductive open group feeds only itself, so its survival
 * T(A)/T(A−5) is an eigenvalue of its own; when it comes close to the growth of the fertile ages (an
 * open age of 55 and a TFR of 0.7 will do) the groups never share one growth rate and dominantRoot's
 * power iteration does not converge.
 */
describe('dominantRoot — agrees with the long-run growth of repeated kernel steps', () => {
  /** λ comes from a power iteration converged to 1e-14: allow rounding around it. */
  const ROOT_REL_TOL = 1e-12;
  /** The run stops once the groups' growth factors agree to this. */
  const CONVERGED_REL_WIDTH = 1e-9;
  /** Stable shares are compared once converged: the eigenvector error is at most width / spectral gap. */
  const SHARE_ABS_TOL = 1e-6;
  const MAX_STEPS = 2000;
  const CHUNK = 50;

  it('brackets λ between the groups’ growth factors at every step, and both close on λ and the stable shares', () => {
    fc.assert(
      fc.property(arbitraries.projectionCase({ periods: { min: 1, max: 1 } }), ({ base, periods }) => {
        const period = periods[0]!;
        const { lambda, stableAgeShares } = dominantRoot(period);
        let female = Float64Array.from(base.female);
        let male = Float64Array.from(base.male);
        let lo = 0;
        let hi = Infinity;
        let steps = 0;
        let ratioOfTotals = NaN;
        while (steps < MAX_STEPS && hi - lo > CONVERGED_REL_WIDTH * lambda) {
          const out = projectCohorts({ year: 2000, female, male }, new Array(CHUNK).fill(period));
          let j = 1; // population[j] is the end of the chunk's j-th step
          for (; j <= CHUNK && hi - lo > CONVERGED_REL_WIDTH * lambda; j++, steps++) {
            const a = out.population[j - 1]!.female;
            const b = out.population[j]!.female;
            let stepLo = Infinity;
            let stepHi = -Infinity;
            for (let x = 0; x < a.length; x++) {
              if (!(a[x]! > 0)) continue;
              stepLo = Math.min(stepLo, b[x]! / a[x]!);
              stepHi = Math.max(stepHi, b[x]! / a[x]!);
            }
            if (stepLo > stepHi) continue; // no women yet
            // Plain comparisons (an expect per step would dominate the run time); the first breach throws.
            const breach =
              stepLo > lambda * (1 + ROOT_REL_TOL)
                ? 'smallest growth factor above λ'
                : stepHi < lambda * (1 - ROOT_REL_TOL)
                  ? 'largest growth factor below λ'
                  : stepLo < lo * (1 - ROOT_REL_TOL)
                    ? "the bracket's bottom fell"
                    : stepHi > hi * (1 + ROOT_REL_TOL)
                      ? "the bracket's top rose"
                      : '';
            if (breach) throw new Error(`step ${steps}: ${breach}: λ = ${lambda}, growth factors ${stepLo}…${stepHi}, before ${lo}…${hi}`);
            lo = stepLo;
            hi = stepHi;
            ratioOfTotals = total(b) / total(a);
          }
          // Rescale (the step is linear) so that long runs neither overflow nor underflow.
          const last = out.population[j - 1]!; // the last step examined
          const size = total(last.female) + total(last.male);
          female = last.female.map((v) => v / size);
          male = last.male.map((v) => v / size);
        }
        expect(hi - lo, `growth factors still ${lo}…${hi} after ${steps} steps`).toBeLessThanOrEqual(CONVERGED_REL_WIDTH * lambda);
        expect(Math.abs(ratioOfTotals / lambda - 1)).toBeLessThanOrEqual(CONVERGED_REL_WIDTH);
        const shares = female.map((v) => v / total(female));
        stableAgeShares.forEach((s, x) => expect(Math.abs(shares[x]! - s), `share of group ${x}`).toBeLessThanOrEqual(SHARE_ABS_TOL));
      }),
    );
  });

  it('grows the stable population by exactly λ in one kernel step (the eigen-equation)', () => {
    fc.assert(
      fc.property(arbitraries.periodInputs({ openAge: { min: 85, max: 130 } }), (period) => {
        const { lambda, stableAgeShares: v } = dominantRoot(period);
        const next = projectCohorts({ year: 2000, female: v, male: new Float64Array(v.length) }, [period]).population[1]!.female;
        // The power iteration stops when the shares move by ≤ 1e-12: the residual is of that order.
        next.forEach((w, x) => expect(Math.abs(w - lambda * v[x]!), `group ${x}`).toBeLessThanOrEqual(1e-9 * lambda));
      }),
    );
  });
});
