import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodInputs } from '../../src/project/periodInputs.js';
import { projectCohorts } from '../../src/project/projectCohorts.js';
import { arbitraries, invariants } from '../../src/testing/index.js';

// The kernel's gross flows: out-migrants leave in proportion to r(x)·P(x) of the people present in
// each half of the period, in-migrants join by counts. Properties on generated periods whose
// out-flow is bounded so no group loses more than 90 % of its people in either half.

const { assertHolds } = invariants;
const A = arbitraries;
const flows = (o: { maxShare?: number; rate?: boolean } = {}) =>
  A.projectionCase({
    openAge: { min: 10, max: 130 },
    population: { emptyGroups: true, total: { min: 1e2, max: 1e8 } },
    period: { migration: 'in', outMigration: { maxShare: 0.9, ...o } },
  });

/** Rounding of the kernel: a few products and sums over ≤ 27 groups, against the flows involved. */
const KERNEL_REL_TOL = 1e-12;

const sum = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
};

/** u_s of the start half ('even'): h·(persons + 5·rate·ΣP) / Σ r·P, both sexes. */
function startShare(p: PeriodInputs, f: ArrayLike<number>, m: ArrayLike<number>): number {
  const o = p.outMigration!;
  let R = 0;
  for (let x = 0; x < f.length; x++) R += o.schedule.female[x]! * f[x]! + o.schedule.male[x]! * m[x]!;
  const O = 0.5 * ((o.persons ?? 0) + 5 * (o.rate ?? 0) * (sum(f) + sum(m)));
  return O > 0 ? O / R : 0;
}

describe('projectCohorts with gross flows', () => {
  it('no negative group for any feasible out-flow, and the books balance with both flows', () => {
    fc.assert(
      fc.property(flows(), ({ base, periods }) => {
        const p = projectCohorts(base, periods);
        assertHolds(invariants.nonNegative(p));
        return assertHolds(invariants.balancingIdentity(p));
      }),
      { numRuns: 150 },
    );
  });

  it('takes exactly the persons asked for (no rate): Σ out-migrants = persons', () => {
    fc.assert(
      fc.property(flows({ rate: false }), ({ base, periods }) => {
        const p = projectCohorts(base, periods);
        periods.forEach((period, t) => {
          const persons = period.outMigration!.persons!;
          const out = p.outMigrants[t]!.female + p.outMigrants[t]!.male;
          expect(Math.abs(out - persons)).toBeLessThanOrEqual(KERNEL_REL_TOL * persons);
        });
      }),
    );
  });

  it("'end': people leave in proportion to r(x) × the people there, u the same for every group", () => {
    const end = A.projectionCase({ openAge: { min: 10, max: 100 }, periods: { min: 1, max: 1 }, period: { migration: 'in', timing: 'end', outMigration: { maxShare: 0.9 } } });
    fc.assert(
      fc.property(end, ({ base, periods }) => {
        const p = projectCohorts(base, periods);
        const period = periods[0]!;
        const us: number[] = [];
        for (const sex of ['female', 'male'] as const) {
          const out = p.migrants[0]!.out[sex];
          const into = p.migrants[0]!.in[sex];
          const after = p.population[1]![sex];
          const r = period.outMigration!.schedule[sex];
          for (let x = 0; x < out.length; x++) {
            // Before the out-flow the group held after − in + out.
            const there = after[x]! - into[x]! + out[x]!;
            if (r[x]! > 0 && there > 1e-6 * sum(after)) us.push(out[x]! / (r[x]! * there));
          }
        }
        if (us.length < 2) return;
        const u = us[0]!;
        us.forEach((v) => expect(Math.abs(v - u)).toBeLessThanOrEqual(1e-9 * Math.max(u, 1e-300) + 1e-300));
        expect(u).toBeLessThanOrEqual(0.9 + 1e-12);
      }),
    );
  });

  it('births count the women actually there: the start women after the start half out-flow and the end women', () => {
    fc.assert(
      fc.property(A.projectionCase({ openAge: { min: 50, max: 100 }, periods: { min: 1, max: 1 }, period: { migration: 'in', outMigration: { maxShare: 0.9 } } }), ({ base, periods }) => {
        const p = projectCohorts(base, periods);
        const period = periods[0]!;
        const asfr = period.asfr;
        const F = base.female;
        const into = p.migrants[0]!.in.female;
        const after = p.population[1]!.female;
        const out = p.migrants[0]!.out.female;
        const r = period.outMigration!.schedule.female;
        let expo = 0;
        if (period.migrationTiming === 'end') {
          // W_start = P(t); W_end = the survivors before anyone arrives or leaves: after − in + out.
          for (let x = 0; x < F.length; x++) expo += asfr[x]! * (F[x]! + after[x]! - into[x]! + out[x]!);
        } else {
          // W_start = P(t)(1 − u_s r(x)) + in/2; W_end = the women at the end (the end half's in and out included).
          const us = startShare(period, base.female, base.male);
          for (let x = 0; x < F.length; x++) expo += asfr[x]! * (F[x]! * (1 - us * r[x]!) + 0.5 * into[x]! + after[x]!);
        }
        const births = p.births[0]!.female + p.births[0]!.male;
        expect(Math.abs(births - 2.5 * expo)).toBeLessThanOrEqual(1e-12 * Math.max(births, 1));
      }),
    );
  });

  it('is linear: base, in-migrants and out-flow persons × c give every output × c (a rate stays a rate)', () => {
    fc.assert(
      fc.property(flows(), A.uniform(0.01, 100), ({ base, periods }, c) => assertHolds(invariants.linearInBase(projectCohorts, base, periods, c))),
      { numRuns: 50 },
    );
  });

  it('an out-flow of 0 persons at rate 0 is no out-flow: the same bits as without outMigration', () => {
    fc.assert(
      fc.property(flows(), ({ base, periods }) => {
        const none = periods.map((period) => ({ ...period, outMigration: { persons: 0, rate: 0, schedule: period.outMigration!.schedule } }));
        const without = periods.map(({ outMigration: _o, ...period }) => period);
        const a = projectCohorts(base, none);
        const b = projectCohorts(base, without);
        a.population.forEach((y, t) => expect(Array.from(y.female)).toEqual(Array.from(b.population[t]!.female)));
        expect(a.births).toEqual(b.births);
      }),
      { numRuns: 50 },
    );
  });
});
