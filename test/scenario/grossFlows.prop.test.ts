import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowDifference } from '../../src/migration/flowDifference.js';
import { netMigrantsByAge } from '../../src/migration/netMigrants.js';
import { projectCohorts, type CohortProjection } from '../../src/project/projectCohorts.js';
import { periodAverage, type Path } from '../../src/scenario/path.js';
import { project, type Projection } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { arbitraries, invariants } from '../../src/testing/index.js';
import { InputError } from '../../src/validate/errors.js';

// Migration as gross flows in project(): net figures become in- and out-migrants by the
// Flow-Difference Method (IM = max(β0·P + β1·N, m·P, m·P + N), OM = IM − N, P at each period's
// start), out-migrants leave in proportion to r(x)·P(x), and the books still balance exactly.

const { assertHolds } = invariants;
const base = arbitraries.population({ openAge: 100, year: { min: 2015, max: 2015 }, total: { min: 2e5, max: 1e7 } });
const years = { min: 2010, max: 2040 };
/** Net figures of either sign, with drawn Flow-Difference parameters (or none). */
const netScenario = arbitraries.scenario({ migration: 'any', maxNetPerYear: 1000, flowDifference: true, years });
const grossScenario = arbitraries.scenario({ migration: 'gross', maxInPerYear: 2000, maxOutRate: 0.01, years });
const inScenario = arbitraries.scenario({ migration: 'in', maxNetPerYear: 2000, years });
const UNTIL = { until: 2030 };

/**
 * Accounting tolerance: a period's flows are sums over ≤ 42 groups of a few products each, so they
 * agree with the asked totals to a few 1e-16 of the gross flows (ACCOUNTING_REL_TOL, 1e-9, leaves room).
 */
const REL = invariants.ACCOUNTING_REL_TOL;

const both = (x: { female: number; male: number }) => x.female + x.male;
const total = (p: CohortProjection, t: number) => {
  let s = 0;
  for (const v of p.population[t]!.female) s += v;
  for (const v of p.population[t]!.male) s += v;
  return s;
};

/** The scenario's migration with its net path replaced by a constant. */
function withNet(s: Scenario, netPerYear: number): Scenario {
  return { ...s, migration: { ...s.migration, netPerYear } };
}

/** Every output of two projections, bit for bit. */
function expectSameBits(a: CohortProjection, b: CohortProjection): void {
  expect(b.years).toEqual(a.years);
  a.population.forEach((y, t) => {
    expect(Array.from(b.population[t]!.female)).toEqual(Array.from(y.female));
    expect(Array.from(b.population[t]!.male)).toEqual(Array.from(y.male));
  });
  expect(b.births).toEqual(a.births);
  expect(b.deaths).toEqual(a.deaths);
}

describe('project() with gross flows', () => {
  it('balances per sex with both flows (P(t+5) = P(t) + births − deaths + in − out, in − out = net), no group negative', () => {
    fc.assert(
      fc.property(base, fc.oneof(netScenario, grossScenario), (b, s) => {
        const p = project(b, s, UNTIL);
        assertHolds(invariants.balancingIdentity(p));
        return assertHolds(invariants.nonNegative(p));
      }),
      { numRuns: 40 },
    );
  });

  it('net = IM − OM as asked: 5 × the period average of netPerYear, the flows by the FDM on P(t)', () => {
    fc.assert(
      fc.property(base, netScenario, (b, s) => {
        const p = project(b, s, UNTIL);
        const m = s.migration!;
        p.indicators.periods.forEach((period, t) => {
          const N = periodAverage(m.netPerYear as Path, period.from, period.to);
          const flows = flowDifference(N, total(p, t), m.flowDifference);
          const gross = 5 * (flows.inPerYear + flows.outPerYear);
          expect(Math.abs(both(p.netMigrants[t]!) - 5 * N)).toBeLessThanOrEqual(REL * gross + 1e-9);
          expect(Math.abs(both(p.inMigrants[t]!) - 5 * flows.inPerYear)).toBeLessThanOrEqual(REL * gross + 1e-9);
          expect(Math.abs(both(p.outMigrants[t]!) - 5 * flows.outPerYear)).toBeLessThanOrEqual(REL * gross + 1e-9);
          expect(period.netMigrants).toBe(both(p.netMigrants[t]!));
        });
      }),
      { numRuns: 40 },
    );
  });

  it('the total rises with N in every later year, out-migration (N < 0) and FDM churn included', () => {
    fc.assert(
      fc.property(base, netScenario, arbitraries.uniform(-1000, 1000), arbitraries.uniform(1, 1000), (b, s, N, d) => {
        const lo = project(b, withNet(s, N), UNTIL);
        const hi = project(b, withNet(s, N + d), UNTIL);
        lo.indicators.years.slice(1).forEach((y, t) => expect(hi.indicators.years[t + 1]!.total).toBeGreaterThan(y.total));
      }),
      { numRuns: 30 },
    );
  });

  it('inPerYear = N ≥ 0 with outRate = 0 is netPerYear = N, bit for bit', () => {
    fc.assert(
      fc.property(base, inScenario, (b, s) => {
        const { netPerYear, ...rest } = s.migration!;
        const gross = project(b, { ...s, migration: { ...rest, inPerYear: netPerYear!, outRate: 0 } }, UNTIL);
        const net = project(b, s, UNTIL);
        expectSameBits(net, gross);
        expect(gross.netMigrants).toEqual(net.netMigrants);
        expect(gross.outMigrants.every((o) => o.female === 0 && o.male === 0)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('for N ≥ 0 the default method gives the old numbers to the last bit: netMigrantsByAge through projectCohorts', () => {
    fc.assert(
      fc.property(base, inScenario, (b, s) => {
        const p = project(b, s, UNTIL);
        const m = s.migration!;
        // The old path: the period's net migrants by age, as PeriodInputs.netMigrants.
        const old = p.periods.map((period, t) => {
          const { inMigrants: _in, outMigration: _out, ...rates } = period;
          const N = periodAverage(m.netPerYear as Path, b.year + 5 * t, b.year + 5 * t + 5);
          return { ...rates, netMigrants: netMigrantsByAge(N, { femaleShare: m.femaleShare ?? 0.5, openAge: 100 }) };
        });
        const q = projectCohorts({ year: p.years[0]!, ...p.population[0]! }, old);
        expectSameBits(p, q);
        expect(q.netMigrants).toEqual(p.netMigrants);
      }),
      { numRuns: 30 },
    );
  });

  it('projectCohorts(base, projection.periods) reproduces project() with out-flows, bit for bit', () => {
    fc.assert(
      fc.property(base, fc.oneof(netScenario, grossScenario), (b, s) => {
        const p = project(b, s, UNTIL);
        const q = projectCohorts({ year: p.years[0]!, ...p.population[0]! }, p.periods);
        expectSameBits(p, q);
        expect(q.netMigrants).toEqual(p.netMigrants);
        expect(q.inMigrants).toEqual(p.inMigrants);
        expect(q.outMigrants).toEqual(p.outMigrants);
        q.migrants.forEach((m, t) => {
          expect(Array.from(m.out.female)).toEqual(Array.from(p.migrants[t]!.out.female));
          expect(Array.from(m.in.male)).toEqual(Array.from(p.migrants[t]!.in.male));
        });
      }),
      { numRuns: 30 },
    );
  });

  it('no negative group for any feasible out-flow; an infeasible one names a figure that is feasible, and 1 % more is not', () => {
    const at = (b: { year: number; female: number[]; male: number[] }, s: Scenario, N: number): Projection =>
      project(b, withNet(s, N), { until: b.year + 5 });
    fc.assert(
      fc.property(base, arbitraries.scenario({ migration: 'any', years }), arbitraries.uniform(0, 0.25), (b, s, k) => {
        const P0 = b.female.reduce((x, y) => x + y, 0) + b.male.reduce((x, y) => x + y, 0);
        const N = -k * P0;
        let p: Projection;
        try {
          p = at(b, s, N);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          const issue = (e as InputError).issues[0]!;
          expect(issue.path).toBe('migration.netPerYear');
          const figure = issue.rule.match(/at most ([\d,]+) net out-migrants a year/);
          expect(figure, issue.rule).not.toBeNull();
          const most = Number(figure![1]!.replaceAll(',', ''));
          expect(most).toBeLessThan(-N);
          p = at(b, s, -most);
          expect(() => at(b, s, -most * 1.01 - 1)).toThrow(InputError);
        }
        assertHolds(invariants.nonNegative(p));
        return assertHolds(invariants.balancingIdentity(p));
      }),
      { numRuns: 40 },
    );
  });
});
