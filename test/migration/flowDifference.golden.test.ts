import { describe, expect, it } from 'vitest';
import { FLOW_DIFFERENCE_BAYESPOP, flowDifference } from '../../src/migration/flowDifference.js';
import { outMigrationSchedule } from '../../src/migration/outSchedule.js';
import { projectCohorts, type CohortProjection } from '../../src/project/projectCohorts.js';
import type { PeriodInputs } from '../../src/project/periodInputs.js';
import { project } from '../../src/scenario/project.js';
import type { BySex } from '../../src/types.js';
import { yingkou } from '../../src/yingkou/data.js';
import { messageOf } from '../inputError.js';

// Golden tests of migration as gross flows, every expected value computed by hand below.
//
// The Flow-Difference Method (Ševčíková, Raymer & Raftery 2024, "Forecasting net migration by age:
// the flow-difference approach", arXiv 2411.09878; as bayesPop 11 applies it in its CCM,
// src/projection_functions.c): from a net figure N (a year) and the population P at the start of the
// period, IM = max(β0·P + β1·N, m·P, m·P + N) and OM = IM − N.
//
// The kernel's out-flow (src/project/kernel.ts): out-migrants leave in proportion to r(x)·P(x) of
// the people present. Under 'even' the start half takes O_s = persons/2 at u_s = O_s / Σ r·P(t); the
// end half takes O_e = persons/2 from the survivors S (the newborns included) at u = O_e / Σ r·S.
// Under 'end' all of it leaves at the end, and births count the women before migrants arrive or leave.

/** Hand values are exact rationals evaluated in doubles: a few ulps apart, far below 1e-12 relative. */
const HAND_REL_TOL = 1e-12;

function close(actual: number, expected: number, what = ''): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(HAND_REL_TOL * Math.max(1, Math.abs(expected)));
}
function closeAll(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => close(actual[i]!, v, `${what}[${i}]`));
}

describe('Flow-Difference Method: IM = max(β0·P + β1·N, m·P, m·P + N), OM = IM − N', () => {
  const P = 1_000_000;
  it('branch 1, β0·P + β1·N: churn proportional to the population', () => {
    // β0 0.07, β1 0.5, m 0.02, N −10,000: 70,000 − 5,000 = 65,000 > m·P = 20,000 > m·P + N = 10,000.
    expect(flowDifference(-10_000, P, { beta0: 0.07, beta1: 0.5, m: 0.02 })).toEqual({ inPerYear: 65_000, outPerYear: 75_000 });
  });
  it('branch 2, m·P: the least gross in-migration', () => {
    // β0 0.01: 10,000 − 5,000 = 5,000 < m·P = 20,000; m·P + N = 10,000.
    expect(flowDifference(-10_000, P, { beta0: 0.01, beta1: 0.5, m: 0.02 })).toEqual({ inPerYear: 20_000, outPerYear: 30_000 });
  });
  it('branch 3, m·P + N: a large positive net keeps out-migration at its least, m·P', () => {
    // N +50,000: 10,000 + 25,000 = 35,000 < m·P + N = 70,000; OM = 20,000 = m·P.
    expect(flowDifference(50_000, P, { beta0: 0.01, beta1: 0.5, m: 0.02 })).toEqual({ inPerYear: 70_000, outPerYear: 20_000 });
  });
  it('default β0 = β1 = m = 0: a positive N is all in-migration, a negative N all out-migration', () => {
    expect(flowDifference(5_000, P)).toEqual({ inPerYear: 5_000, outPerYear: 0 });
    expect(flowDifference(-21_000, 2_400_000)).toEqual({ inPerYear: 0, outPerYear: 21_000 });
    expect(flowDifference(0, P)).toEqual({ inPerYear: 0, outPerYear: 0 });
  });
  it("'bayespop': β0 0.07, β1 0.5, m 0.02 (bayesPop's defaults for annual steps), the doc-comment example", () => {
    expect(FLOW_DIFFERENCE_BAYESPOP).toEqual({ beta0: 0.07, beta1: 0.5, m: 0.02 });
    // 0.07 · 2,400,000 − 0.5 · 21,000 = 168,000 − 10,500 = 157,500; OM = 157,500 + 21,000 = 178,500.
    const f = flowDifference(-21_000, 2_400_000, 'bayespop');
    close(f.inPerYear, 157_500, 'IM');
    close(f.outPerYear, 178_500, 'OM');
    expect(f.inPerYear - f.outPerYear).toBe(-21_000);
  });
  it('rejects what the method cannot take', () => {
    expect(messageOf(() => flowDifference(-1, 100, { beta0: 0, beta1: 1.5, m: 0 }))).toBe(
      'params.beta1: expected a number in [0, 1] (in-migrants per net migrant), got 1.5',
    );
    expect(messageOf(() => flowDifference(-1, -5))).toBe('population: expected a number of persons from 0 to 1e+10, got -5');
    expect(messageOf(() => flowDifference(NaN, 5))).toBe('netPerYear: expected a finite number, got NaN');
  });
  it('project() applies it to the population at each period start, both sexes: 5 × IM in, 5 × OM out', () => {
    // Yingkou 2015, P = 2,443,000, N = −21,046, 'bayespop': IM = max(171,010 − 10,523, 48,860, 27,814)
    // = 160,487 a year; OM = 181,533. Over 2015–2020: 802,435 in and 907,665 out; net −105,230.
    const p = project(yingkou.base2015, { ...yingkou.scenarios.plan, migration: { netPerYear: -21_046, flowDifference: 'bayespop' } }, { until: 2020 });
    const sum = (x: BySex<number>) => x.female + x.male;
    const P0 = p.indicators.years[0]!.total;
    close(P0, 2_443_000, 'P(2015)');
    close(p.periods[0]!.outMigration!.persons!, 907_665, 'persons out');
    close(sum(p.inMigrants[0]!), 802_435, 'in');
    close(sum(p.outMigrants[0]!), 907_665, 'out');
    close(sum(p.netMigrants[0]!), -105_230, 'net');
    expect(p.indicators.periods[0]).toMatchObject({ inMigrants: sum(p.inMigrants[0]!), outMigrants: sum(p.outMigrants[0]!) });
  });
});

describe('the kernel out-flow on a 3-group grid (0–4, 5–9, 10+), survival 1', () => {
  const one = { birth: 1, ratios: [1, 1] };
  const period = (over: Partial<PeriodInputs>): PeriodInputs => ({ survival: { female: one, male: one }, asfr: [0, 0, 0], srb: 100, ...over });
  const schedule = (r: number[]) => ({ female: r, male: r });
  const run = (base: BySex<number[]>, p: PeriodInputs): CohortProjection => projectCohorts({ year: 2000, ...base }, [p]);

  it("'end', TFR 0: u = O / Σ r·S, every group loses u·r(x)·S(x)", () => {
    // P = f [100, 200, 300], m [100, 100, 200]; r = [0, 1, 0.5]; 60 out-migrants, all at the end.
    // Survivors S: f [0, 100, 200 + 300], m [0, 100, 100 + 200]. Σ r·S = (100 + 250) + (100 + 150) = 600.
    // u = 60 / 600 = 0.1: f loses [0, 10, 25], m [0, 10, 15].
    const out = run({ female: [100, 200, 300], male: [100, 100, 200] }, period({ migrationTiming: 'end', outMigration: { persons: 60, schedule: schedule([0, 1, 0.5]) } }));
    closeAll(out.population[1]!.female, [0, 90, 475], 'female');
    closeAll(out.population[1]!.male, [0, 90, 285], 'male');
    closeAll(out.migrants[0]!.out.female, [0, 10, 25], 'out female');
    closeAll(out.migrants[0]!.out.male, [0, 10, 15], 'out male');
    expect(out.outMigrants[0]).toEqual({ female: 35, male: 25 });
    expect(out.netMigrants[0]).toEqual({ female: -35, male: -25 });
    expect(out.inMigrants[0]).toEqual({ female: 0, male: 0 });
  });

  it("'even', TFR 0: u_s on the start population, u on the survivors", () => {
    // Start half, O_s = 30: Σ r·P(t) = (200 + 150) + (100 + 100) = 550, u_s = 30/550 = 3/55.
    //   f loses [0, 600/55, 450/55], m [0, 300/55, 300/55]; left f [100, 10400/55, 16050/55], m [100, 5200/55, 10700/55].
    // Survivors: f [0, 100, 26450/55], m [0, 100, 15900/55]. Σ r·S = 100 + 13225/55 + 100 + 7950/55 = 200 + 385 = 585.
    // End half, O_e = 30: u = 30/585 = 2/39. f loses [0, 200/39, (13225/55)/39·2], m [0, 200/39, (7950/55)/39·2].
    const out = run({ female: [100, 200, 300], male: [100, 100, 200] }, period({ outMigration: { persons: 60, schedule: schedule([0, 1, 0.5]) } }));
    closeAll(out.population[1]!.female, [0, (100 * 37) / 39, ((26450 / 55) * 38) / 39], 'female');
    closeAll(out.population[1]!.male, [0, (100 * 37) / 39, ((15900 / 55) * 38) / 39], 'male');
    closeAll(out.migrants[0]!.out.female, [0, 600 / 55 + 200 / 39, 450 / 55 + 26450 / 55 / 39], 'out female');
    closeAll(out.migrants[0]!.out.male, [0, 300 / 55 + 200 / 39, 300 / 55 + 15900 / 55 / 39], 'out male');
    close(out.outMigrants[0]!.female + out.outMigrants[0]!.male, 60, 'out total');
  });

  it("'even' with births: the end half's u solves 9u² − 108u + 20 = 0 (births and the newborns' out-flow consistent)", () => {
    // P = f [40, 120, 0], m [40, 0, 0]; r = [1, 1, 0]; ASFR 0.1 at 5–9 only; SRB 100 (half the births
    // girls); 40 out-migrants. Start half: Σ r·P = 200, u_s = 20/200 = 0.1: f [36, 108, 0], m [36, 0, 0] left.
    // Survivors: f [·, 36, 108], m [·, 36, 0]. Births B = 2.5 · 0.1 · (W_start + W_end) with W_start = 108 and
    // W_end = 36 (1 − u) (the 5–9 women after the end half's out-flow): B = 36 − 9u. Newborns B/2 per sex,
    // r(0) = 1. End half, O_e = 20: u (36 + 36 + B) = 20, i.e. u (108 − 9u) = 20, 9u² − 108u + 20 = 0,
    // the smaller root u = (108 − √10944)/18 = 0.18814…
    const out = run(
      { female: [40, 120, 0], male: [40, 0, 0] },
      period({ asfr: [0, 0.1, 0], outMigration: { persons: 40, schedule: schedule([1, 1, 0]) } }),
    );
    const u = (108 - Math.sqrt(10944)) / 18;
    const B = 36 - 9 * u;
    expect(Math.abs(u - 0.18814)).toBeLessThan(1e-5);
    close(out.births[0]!.female, B / 2, 'births female');
    close(out.births[0]!.male, B / 2, 'births male');
    closeAll(out.population[1]!.female, [(B / 2) * (1 - u), 36 * (1 - u), 108], 'female');
    closeAll(out.population[1]!.male, [(B / 2) * (1 - u), 36 * (1 - u), 0], 'male');
    closeAll(out.migrants[0]!.out.female, [4 + (u * B) / 2, 12 + 36 * u, 0], 'out female');
    closeAll(out.migrants[0]!.out.male, [4 + (u * B) / 2, 36 * u, 0], 'out male');
    // The consistency the quadratic buys: births from the women actually there, the out-flow exactly 40.
    close(out.births[0]!.female + out.births[0]!.male, 2.5 * 0.1 * (108 + out.population[1]!.female[1]!), 'B = 2.5 Σ asfr (W_start + W_end)');
    close(out.outMigrants[0]!.female + out.outMigrants[0]!.male, 40, 'out total');
    expect(out.deaths[0]).toEqual({ female: 0, male: 0 });
  });

  it("'end' with births and a rate: O_e = rate · 5 · Σ S, the newborns counted, births not reduced", () => {
    // Same people, rate 0.02 a person-year, all at the end. Births count the women before anyone leaves:
    // B = 2.5 · 0.1 · (120 + 40) = 40 (20 per sex). Σ S = 40 + 120 + 40 + 40 newborns = 240:
    // O_e = 0.02 · 5 · 240 = 24; Σ r·S = (20 + 40) + (20 + 40) = 120; u = 0.2.
    const out = run({ female: [40, 120, 0], male: [40, 0, 0] }, period({ asfr: [0, 0.1, 0], migrationTiming: 'end', outMigration: { rate: 0.02, schedule: schedule([1, 1, 0]) } }));
    expect(out.births[0]).toEqual({ female: 20, male: 20 });
    closeAll(out.population[1]!.female, [16, 32, 120], 'female');
    closeAll(out.population[1]!.male, [16, 32, 0], 'male');
    close(out.outMigrants[0]!.female, 12, 'out female');
    close(out.outMigrants[0]!.male, 12, 'out male');
  });

  it("in-migrant counts and the out-flow together: in-migrants join after each half's out-flow", () => {
    // 'end': P = f [100, 200, 300], m [100, 100, 200]; 60 in-migrant women at 5–9 and 60 out-migrants, r = [0, 1, 0.5]:
    // the out-flow is taken from the survivors before the in-migrants arrive: as in the first case, plus 60.
    const out = run(
      { female: [100, 200, 300], male: [100, 100, 200] },
      period({ migrationTiming: 'end', inMigrants: { female: [0, 60, 0], male: [0, 0, 0] }, outMigration: { persons: 60, schedule: schedule([0, 1, 0.5]) } }),
    );
    closeAll(out.population[1]!.female, [0, 150, 475], 'female');
    expect(out.inMigrants[0]).toEqual({ female: 60, male: 0 });
    expect(out.netMigrants[0]).toEqual({ female: 25, male: -25 });
  });

  it('an out-flow larger than the people present is an error naming the group, never a clamp', () => {
    // 'even': the start half takes 30 at u_s = 30/Σ r·P; with r only at 5–9 female (200 people) and 500 out, 250/200 = 1.25.
    expect(messageOf(() => run({ female: [100, 200, 300], male: [100, 100, 200] }, period({ outMigration: { persons: 500, schedule: { female: [0, 1, 0], male: [0, 0, 0] } } })))).toBe(
      'periods[0].outMigration: expected an out-flow the population can supply (it would take 1.25 times the people of the female 5-9 group), got nothing',
    );
    expect(messageOf(() => run({ female: [0, 200, 300], male: [0, 100, 200] }, period({ outMigration: { persons: 10, schedule: schedule([1, 0, 0]) } })))).toBe(
      'periods[0].outMigration: expected an out-flow the population can supply (no group with people in it has an out-migration rate above 0 to take them from), got nothing',
    );
    expect(messageOf(() => run({ female: [1, 1, 1], male: [1, 1, 1] }, period({ outMigration: { persons: 1, schedule: schedule([0, 0, 0]) } })))).toBe(
      'periods[0].outMigration.schedule: expected rates with at least one > 0 (out-migrants leave in proportion to rate × people), got {"female":[0,0,0],"male":[0,0,0]}',
    );
  });
});

describe("under 'end', migrants arriving at the end of a period give no births in it", () => {
  const one = { birth: 1, ratios: [1, 1] };
  const inWomen = { female: [0, 100, 0], male: [0, 0, 0] };
  const base = { year: 2000, female: [0, 0, 0], male: [50, 50, 50] };
  const period = (over: Partial<PeriodInputs>): PeriodInputs => ({ survival: { female: one, male: one }, asfr: [0, 0.1, 0], srb: 100, inMigrants: inWomen, ...over });

  it('a base with no women and in-migrant women arriving at the end: 0 births', () => {
    const end = projectCohorts(base, [period({ migrationTiming: 'end' })]);
    expect(end.births[0]).toEqual({ female: 0, male: 0 });
    expect(Array.from(end.population[1]!.female)).toEqual([0, 100, 0]);
    // With an out-flow too (the other kernel path): still none.
    const flows = projectCohorts(base, [period({ migrationTiming: 'end', outMigration: { persons: 10, schedule: { female: [0, 0, 0], male: [1, 1, 1] } } })]);
    expect(flows.births[0]).toEqual({ female: 0, male: 0 });
    // 'even', by contrast: half arrive at the start. B = 2.5 · 0.1 · (W_start + W_end) = 0.25 · (50 + 50) = 25.
    const even = projectCohorts(base, [period({})]);
    close(even.births[0]!.female + even.births[0]!.male, 25, 'even births');
  });

  it('through project(): in-migrants to a place without women, timing end, give no births in the first period', () => {
    const b = yingkou.base2015;
    const noWomen = { year: 2015, female: Array.from(b.female, () => 0), male: Array.from(b.male) };
    const s = { ...yingkou.scenarios.plan, migration: { inPerYear: 10_000, outRate: 0.01, timing: 'end' as const } };
    const p = project(noWomen, s, { until: 2025 });
    expect(p.indicators.periods[0]!.births).toBe(0);
    expect(p.indicators.periods[1]!.births).toBeGreaterThan(0);
  });
});

describe('out-migration schedule from Rogers–Castro rates', () => {
  it('is the mean of m(x) over the single ages of each group, scaled to a largest of 1 (at 20–24)', () => {
    // m(20…24) = 0.027779472135, 0.033221022957, 0.036559835514, 0.037894574668, 0.037680666544 (Rogers &
    // Castro 1981, standard parameters; m(20) as in rogersCastro.golden.test.ts): mean 0.034627114363.
    // m(100) = 0.02 e^(−10) + 0.06 exp(−8 − e^(−32)) + 0.003 = 0.000000907999 + 0.000020127757 + 0.003
    // = 0.003021035756; 100+ holds age 100 alone: r = 0.003021035756 / 0.034627114363 = 0.087245…
    const r = outMigrationSchedule('rogers-castro', 100);
    expect(r).toHaveLength(21);
    expect(Math.max(...r)).toBe(1);
    expect(r[4]).toBe(1);
    expect(Math.abs(r[20]! - 0.003021035756 / 0.034627114363)).toBeLessThan(1e-10);
    expect(Math.abs(r[0]! - 0.564264)).toBeLessThan(5e-7);
  });
});
