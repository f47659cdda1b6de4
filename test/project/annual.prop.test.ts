import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodInputs } from '../../src/project/periodInputs.js';
import { projectCohorts, type Population } from '../../src/project/projectCohorts.js';
import { arbitraries, invariants } from '../../src/testing/index.js';

// Properties of annual projections on single years of age (width 1, UN WPP 2022+ conventions).
// Every fc.assert runs with the suite's fixed seed (20151231) and run count (100), set in
// test/setup.ts; a failure prints the seed and the counterexample's path (FC_SEED, FC_RUNS replay it).

const { assertHolds } = invariants;
const A = arbitraries;

/** Single years, open age anywhere on the arbitraries' grid (5 … 130), 1–10 years. */
const grid = { width: 1 as const, openAge: { min: 5, max: 130 }, periods: { min: 1, max: 10 } };

describe('annual projections (width 1): accounting', () => {
  it.each([
    ['no migration', { migration: 'none' as const }],
    ['net migrants of either sign by single year of age', { migration: 'any' as const, maxOutShare: 0.9 }],
    ['in-migrants and a rate-based out-flow (gross flows)', { migration: 'in' as const, outMigration: { maxShare: 0.9 } }],
  ])('balancing identity per sex each year, with %s: P(t+1) = P(t) + births − deaths + in − out', (_name, period) => {
    fc.assert(
      fc.property(A.projectionCase({ ...grid, population: { emptyGroups: true }, period }), ({ base, periods }) => {
        const out = projectCohorts(base, periods);
        expect(out.width).toBe(1);
        expect(out.years).toEqual(Array.from({ length: periods.length + 1 }, (_, t) => base.year + t));
        return assertHolds(invariants.balancingIdentity(out));
      }),
    );
  });

  it.each([
    ['net migrants of either sign', { migration: 'any' as const, maxOutShare: 0.9 }],
    ['gross flows', { migration: 'in' as const, outMigration: { maxShare: 0.9 } }],
  ])('non-negativity of every single year, births, deaths and migrants, with %s', (_name, period) => {
    fc.assert(
      fc.property(A.projectionCase({ ...grid, population: { emptyGroups: true }, period }), ({ base, periods }) =>
        assertHolds(invariants.nonNegative(projectCohorts(base, periods))),
      ),
    );
  });
});

describe('annual projections (width 1): the kernel', () => {
  it('equals the annual two-sex Leslie-matrix product, to 1e-12 relative', () => {
    fc.assert(
      fc.property(A.projectionCase({ ...grid, periods: { min: 1, max: 1 }, period: { migration: 'any' } }), ({ base, periods }) =>
        assertHolds(invariants.kernelEqualsLeslie(base, periods[0]!)),
      ),
    );
  });

  /** What the single-year recursion may differ from the kernel by: the same products and sums, in another order. */
  const ONE_KERNEL_REL_TOL = 1e-12;

  /**
   * One year by the single-year recursion, written out (UN WPP 2022; ccmppWPP `project_ccmpp_z_by_z`):
   * survival by age at arrival, S_0 = survival.birth, S_x = survival.ratios[x − 1] (x = 1 … ω);
   *   P_x(t+1) = P_{x−1}(t)·S_x + M_x                          for 1 ≤ x < ω,
   *   P_ω(t+1) = (P_{ω−1}(t) + P_ω(t))·S_ω + M_ω               (the open group),
   *   B = Σ_x asfr_x (F_x(t) + F_x(t+1)) / 2,  F(t+1) the survivors, before the migrants arrive,
   *   B_f = B·100/(100 + srb),  B_m = B − B_f,
   *   P_0(t+1) = B_sex·S_0 + M_0,
   * with M the period's net migrants, all at the end of the year ('end' timing), or none.
   */
  function recursion(P: { female: readonly number[]; male: readonly number[] }, k: PeriodInputs): { female: number[]; male: number[] } {
    const omega = P.female.length - 1;
    const survive = (p: readonly number[], s: ArrayLike<number>): number[] => {
      const next = new Array<number>(omega + 1).fill(0);
      for (let x = 1; x < omega; x++) next[x] = p[x - 1]! * (s[x - 1] as number);
      next[omega] = (p[omega - 1]! + p[omega]!) * (s[omega - 1] as number);
      return next;
    };
    const female = survive(P.female, k.survival.female.ratios);
    const male = survive(P.male, k.survival.male.ratios);
    let B = 0;
    for (let x = 0; x <= omega; x++) B += ((k.asfr[x] as number) * (P.female[x]! + female[x]!)) / 2;
    const Bf = (B * 100) / (100 + k.srb);
    const Bm = B - Bf;
    female[0] = Bf * k.survival.female.birth;
    male[0] = Bm * k.survival.male.birth;
    const M = k.netMigrants;
    if (M) {
      if (k.migrationTiming !== 'end') throw new Error('the written recursion is for no migration or end-of-year migrants');
      for (let x = 0; x <= omega; x++) {
        female[x]! += M.female[x] as number;
        male[x]! += M.male[x] as number;
      }
    }
    return { female, male };
  }

  it.each([
    ['no migration', { migration: 'none' as const }],
    ["net migrants at the end of each year ('end')", { migration: 'any' as const, timing: 'end' as const, maxOutShare: 0.9 }],
  ])('one kernel: a width-1 period equals the hand-written single-year recursion, year after year, with %s', (_name, period) => {
    fc.assert(
      fc.property(A.projectionCase({ ...grid, population: { emptyGroups: true }, period }), ({ base, periods }) => {
        const out = projectCohorts(base, periods);
        let P: { female: number[]; male: number[] } = { female: base.female, male: base.male };
        periods.forEach((k, t) => {
          P = recursion(P, k);
          for (const sex of ['female', 'male'] as const) {
            const kernel = out.population[t + 1]![sex];
            P[sex].forEach((want, x) => {
              const got = kernel[x]!;
              if (!(Math.abs(got - want) <= ONE_KERNEL_REL_TOL * Math.max(Math.abs(got), Math.abs(want))))
                throw new Error(`year ${base.year + t + 1}, ${sex}, age ${x}: kernel ${got}, recursion ${want}`);
            });
          }
        });
        return true;
      }),
    );
  });

  it('the recursion written above fails on a kernel that ages by five years (it can tell the widths apart)', () => {
    // The same rates stepped as a 5-year period (births × 5): the recursion must not agree.
    const { base, periods } = fc.sample(A.projectionCase({ width: 1, openAge: 25, periods: { min: 1, max: 1 } }), { seed: 1, numRuns: 1 })[0]!;
    const { width: _w, ...five }: Population = base;
    const got = projectCohorts(five, periods).population[1]!.female[0]!;
    const want = recursion({ female: base.female, male: base.male }, periods[0]!).female[0]!;
    expect(got / want).toBeCloseTo(5, 9);
  });
});
