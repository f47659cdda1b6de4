import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { total } from '../../src/ages/broad.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import type { PeriodInputs } from '../../src/project/periodInputs.js';
import { projectCohorts, type CohortProjection, type Population } from '../../src/project/projectCohorts.js';
import { InvariantError, invariants } from '../../src/testing/index.js';

// A small hand-made case: open age 20 (groups 0-4 … 20+), 2015 → 2025 in two periods.
const base: Population = { year: 2015, female: [1000, 950, 900, 880, 3000], male: [1050, 990, 930, 900, 2700] };
const period: PeriodInputs = {
  survival: {
    female: { birth: 0.98, ratios: [0.995, 0.997, 0.996, 0.9] },
    male: { birth: 0.975, ratios: [0.994, 0.996, 0.993, 0.88] },
  },
  asfr: [0, 0, 0, 0.04, 0.06],
  srb: 106,
  netMigrants: { female: [10, -5, 20, 30, -40], male: [12, -6, 25, 35, -50] },
};
const periods = [period, { ...period, migrationTiming: 'end' as const }];
const good = projectCohorts(base, periods);

/** A deep copy whose population arrays can be tampered with. */
function copy(p: CohortProjection): CohortProjection {
  return {
    width: p.width,
    years: [...p.years],
    population: p.population.map((y) => ({ female: y.female.slice(), male: y.male.slice() })),
    births: p.births.map((b) => ({ ...b })),
    deaths: p.deaths.map((d) => ({ ...d })),
    netMigrants: p.netMigrants.map((m) => ({ ...m })),
    inMigrants: p.inMigrants.map((m) => ({ ...m })),
    outMigrants: p.outMigrants.map((m) => ({ ...m })),
    migrants: p.migrants.map((m) => ({ in: { ...m.in }, out: { ...m.out } })),
  };
}

function failing(r: invariants.InvariantResult): { violations: invariants.Violation[]; message: string } {
  if (r.holds) throw new Error('expected the invariant to fail');
  return r;
}

describe('invariants.assertHolds', () => {
  it('returns true on a result that holds and throws an InvariantError with the message otherwise', () => {
    expect(invariants.assertHolds({ holds: true })).toBe(true);
    const broken = copy(good);
    broken.population[2]!.male[3]! += 10;
    const r = invariants.balancingIdentity(broken);
    expect(() => invariants.assertHolds(r)).toThrow(InvariantError);
    expect(() => invariants.assertHolds(r)).toThrow(/period 2020-2025, male, all ages/);
  });

  it('lets fast-check report the violation with its seed (fast-check 4 keeps it as the error cause)', () => {
    const broken = copy(good);
    broken.population[1]!.female[4] = -3;
    let caught: unknown;
    try {
      fc.assert(fc.property(fc.constant(broken), (p) => invariants.assertHolds(invariants.nonNegative(p))));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toMatch(/seed/);
    expect(((caught as Error).cause as Error).message).toContain('year 2020, female, 20+: expected a count >= 0, got -3');
  });
});

describe('invariants.balancingIdentity', () => {
  it('holds for projectCohorts', () => {
    expect(invariants.balancingIdentity(good)).toEqual({ holds: true });
  });
  it('fails when a group gains 10 people from nowhere, naming the period and sex', () => {
    const broken = copy(good);
    broken.population[2]!.male[3]! += 10;
    const { violations, message } = failing(invariants.balancingIdentity(broken));
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ period: '2020-2025', sex: 'male', group: 'all ages' });
    expect(violations[0]!.by).toBeCloseTo(10, 6);
    expect(message).toMatch(/^balancing identity fails at 1 place:\n {2}period 2020-2025, male, all ages: expected P\(2025\) = P\(2020\)/);
  });
  it('fails when deaths are under-counted', () => {
    const broken = copy(good);
    broken.deaths[0]!.female *= 0.5;
    expect(failing(invariants.balancingIdentity(broken)).violations[0]).toMatchObject({ period: '2015-2020', sex: 'female' });
  });
  it('reports a projection whose arrays do not match its years', () => {
    const broken = copy(good);
    broken.births.pop();
    expect(failing(invariants.balancingIdentity(broken)).message).toMatch(/projection\.births: expected 2 entries, got 1/);
  });
});

describe('invariants.nonNegative', () => {
  it('holds for projectCohorts', () => {
    expect(invariants.nonNegative(good).holds).toBe(true);
  });
  it('names the year, sex and group of a negative count, and negative or NaN flows', () => {
    const broken = copy(good);
    broken.population[1]!.female[4] = -3;
    broken.population[2]!.male[0] = NaN;
    broken.births[1]!.male = -1;
    const { violations, message } = failing(invariants.nonNegative(broken));
    expect(violations.map((v) => v.where)).toEqual(['year 2020, female, 20+', 'year 2025, male, 0-4', 'period 2020-2025, male, births']);
    expect(violations[0]).toMatchObject({ year: 2020, sex: 'female', group: '20+', actual: -3, by: 3 });
    expect(message).toContain('year 2025, male, 0-4: expected a count >= 0, got NaN');
  });
});

describe('invariants.linearInBase', () => {
  it('holds for projectCohorts', () => {
    expect(invariants.linearInBase(projectCohorts, base, periods, 7).holds).toBe(true);
    expect(invariants.linearInBase(projectCohorts, base, periods, 0.01).holds).toBe(true);
  });
  it('fails for a projector that adds one person to every group (affine, not linear)', () => {
    const plusOne = (b: Population, ps: readonly PeriodInputs[]) => {
      const out = copy(projectCohorts(b, ps));
      out.population.slice(1).forEach((y) => (['female', 'male'] as const).forEach((s) => y[s].forEach((_, x) => (y[s][x]! += 1))));
      return out;
    };
    const { violations, message } = failing(invariants.linearInBase(plusOne, base, periods, 10));
    expect(violations).toHaveLength(20); // 2 later years × 2 sexes × 5 groups
    expect(violations[0]).toMatchObject({ year: 2020, sex: 'female', group: '0-4' });
    expect(violations[0]!.by).toBeCloseTo(9, 6); // 10·(x + 1) − (10x + 1)
    expect(message).toMatch(/^linearity in the base \(c = 10\) fails at 20 places:\n {2}year 2020, female, 0-4: expected 10 × /);
    expect(message).toContain('… and 15 more');
  });
  it('fails when migrants are not scaled with the base (migrants held fixed)', () => {
    const fixedMigrants = (b: Population, ps: readonly PeriodInputs[]) => projectCohorts(b, ps.map(() => period));
    const { violations } = failing(invariants.linearInBase(fixedMigrants, base, [period], 3));
    expect(violations.some((v) => v.where === 'period 2015-2020, female, netMigrants')).toBe(true);
  });
});

describe('invariants.kernelEqualsLeslie', () => {
  it('holds for projectCohorts (migrants are dropped: the matrix is the closed step)', () => {
    expect(invariants.kernelEqualsLeslie(base, period)).toEqual({ holds: true });
  });
  it('fails for a kernel that takes births from women at the start of the period only', () => {
    // A known mistake: B = 5 Σ asfr · W(start), instead of the mean of start and end exposure.
    const startOnly = (b: Population, ps: readonly PeriodInputs[]) => {
      const out = copy(projectCohorts(b, ps));
      const p = ps[0]!;
      let births = 0;
      for (let x = 0; x < b.female.length; x++) births += 5 * (p.asfr[x] as number) * (b.female[x] as number);
      const girls = (births * 100) / (100 + p.srb);
      out.population[1]!.female[0] = girls * p.survival.female.birth;
      out.population[1]!.male[0] = (births - girls) * p.survival.male.birth;
      return out;
    };
    const { violations, message } = failing(invariants.kernelEqualsLeslie(base, period, { project: startOnly }));
    expect(violations.map((v) => v.where)).toEqual(['year 2020, female, 0-4', 'year 2020, male, 0-4']);
    expect(message).toMatch(/year 2020, female, 0-4: expected the Leslie product [\d.]+ \(within 1e-12 relative\), got [\d.]+/);
  });
  it('fails for a one-part-in-a-million error in one survival', () => {
    const off = (b: Population, ps: readonly PeriodInputs[]) => {
      const out = copy(projectCohorts(b, ps));
      out.population[1]!.male[2]! *= 1 + 1e-6;
      return out;
    };
    expect(failing(invariants.kernelEqualsLeslie(base, period, { project: off })).violations[0]).toMatchObject({ year: 2020, sex: 'male', group: '10-14' });
  });
});

describe('invariants.lifeTableIdentities', () => {
  const mx = [0.0085, 0.0004, 0.0002, 0.0002, 0.0005, 0.0008, 0.001, 0.0015, 0.0025, 0.004, 0.15];
  const lt = lifeTable(mx, { sex: 'female' });
  const tamper = (f: (t: typeof lt) => void) => {
    const t = { ...lt, qx: lt.qx.slice(), lx: lt.lx.slice(), dx: lt.dx.slice(), Lx: lt.Lx.slice(), Tx: lt.Tx.slice(), ex: lt.ex.slice() };
    f(t);
    return t;
  };
  it('holds for lifeTable', () => {
    expect(invariants.lifeTableIdentities(lt)).toEqual({ holds: true });
  });
  it('fails for qx > 1, naming the age', () => {
    const { violations, message } = failing(invariants.lifeTableIdentities(tamper((t) => (t.qx[3] = 1.2))));
    expect(violations).toEqual([expect.objectContaining({ where: 'age 10-14', group: '10-14', actual: 1.2 })]);
    expect(violations[0]!.by).toBeCloseTo(0.2, 12);
    expect(message).toContain('age 10-14: expected 0 <= qx <= 1, got 1.2');
  });
  it('fails for a rising lx (and the dx that no longer match it)', () => {
    const { violations } = failing(invariants.lifeTableIdentities(tamper((t) => (t.lx[5] = t.lx[4]! + 1))));
    expect(violations.map((v) => v.where)).toContain('age 20-24');
    expect(violations.find((v) => v.rule.startsWith('expected lx non-increasing'))).toMatchObject({ where: 'age 20-24', by: 1 });
  });
  it('fails for an ex that is not Tx/lx, at age 1-4, and for a Tx that is not Σ Lx', () => {
    expect(failing(invariants.lifeTableIdentities(tamper((t) => (t.ex[1]! += 0.01)))).message).toMatch(/age 1-4: expected ex = Tx \/ lx/);
    expect(failing(invariants.lifeTableIdentities(tamper((t) => (t.Tx[9]! += 1)))).violations[0]).toMatchObject({ where: 'age 40-44' });
  });
  it('fails when Σ dx is not the radix, and in the open row', () => {
    const { violations } = failing(invariants.lifeTableIdentities(tamper((t) => (t.dx[10]! *= 2))));
    expect(violations.map((v) => v.where)).toEqual(['age 45+', 'all ages']);
  });
});

describe('invariants.increasingIn / decreasingIn', () => {
  it('hold for monotone outputs, inputs in any order', () => {
    expect(invariants.increasingIn([3, 1, 2], [30, 10, 20], { strict: true })).toEqual({ holds: true });
    expect(invariants.increasingIn([1, 2, 3], [1, 1, 2])).toEqual({ holds: true });
    expect(invariants.decreasingIn([1, 2], [5, 4], { strict: true })).toEqual({ holds: true });
    expect(invariants.increasingIn([1, 2], [1, 1 - 1e-12], { tolerance: 1e-9 })).toEqual({ holds: true });
  });
  it('name the first pair out of order', () => {
    const { violations, message } = failing(invariants.increasingIn([1, 2, 3, 4], [10, 30, 20, 15], { input: 'TFR', output: 'P(2030)' }));
    expect(violations.map((v) => v.where)).toEqual(['TFR 2 → 3', 'TFR 3 → 4']);
    expect(message).toMatch(/^P\(2030\) increasing in TFR fails at 2 places:\n {2}TFR 2 → 3: expected P\(2030\) increasing from 30, got 20 \(off by 10\)/);
  });
  it('fail a tie when strict, and a rise when decreasing', () => {
    expect(failing(invariants.increasingIn([1, 2], [5, 5], { strict: true })).violations[0]).toMatchObject({ where: 'input 1 → 2', by: 0 });
    expect(failing(invariants.decreasingIn([0, 1], [70, 70.5], { input: 'mx factor', output: 'e0' })).message).toContain(
      'mx factor 0 → 1: expected e0 decreasing from 70, got 70.5',
    );
  });
});

describe('invariants.solverAgreesWithAssessment', () => {
  // A stand-in model: total(x) = 1000 + 10 x, target 1500 → x = 50.
  const total = (x: number) => 1000 + 10 * x;
  it('holds for a value that reaches the target within the tolerance, and fails for one that overshoots', () => {
    const ok = { status: 'reachable' as const, value: 50.05, achieved: total(50.05), iterations: 3 };
    expect(invariants.solverAgreesWithAssessment(ok, 1500, total)).toEqual({ holds: true });
    // 50.5 gives 1505: reached, but 5 persons over; and just below it (50.3) the target is still reached.
    const over = { status: 'reachable' as const, value: 50.5, achieved: total(50.5), iterations: 3 };
    const { violations } = failing(invariants.solverAgreesWithAssessment(over, 1500, total));
    expect(violations.map((v) => v.where)).toEqual(['value 50.5', 'just below 50.5']);
  });
  it('fails for a value short of the target, and for a wrong unreachable verdict', () => {
    const short = { status: 'reachable' as const, value: 49, achieved: total(49), iterations: 3 };
    expect(failing(invariants.solverAgreesWithAssessment(short, 1500, total)).message).toMatch(/value 49: expected target ≤ total ≤ target \+ 1/);
    const wrong = { status: 'unreachable' as const, side: 'above' as const, bound: 100, achieved: total(100) };
    expect(failing(invariants.solverAgreesWithAssessment(wrong, 1500, total)).message).toMatch(/bound 100: expected the bound to fall short of the target 1500/);
    const right = { status: 'unreachable' as const, side: 'above' as const, bound: 40, achieved: total(40) };
    expect(invariants.solverAgreesWithAssessment(right, 1500, total)).toEqual({ holds: true });
  });
});

describe('invariants with gross flows (in-migrant counts and a rate-based out-flow)', () => {
  const schedule = { female: [0.5, 0.3, 1, 0.8, 0.2], male: [0.5, 0.3, 1, 0.8, 0.2] };
  const { netMigrants: _net, ...rates } = period;
  const gross: PeriodInputs = {
    ...rates,
    inMigrants: { female: [10, 5, 20, 30, 0], male: [12, 6, 25, 35, 0] },
    outMigration: { persons: 400, rate: 0.01, schedule },
  };
  const grossPeriods = [gross, { ...gross, migrationTiming: 'end' as const }];
  const flows = projectCohorts(base, grossPeriods);

  it('balancingIdentity holds with both flows, and checks in − out = netMigrants and the sums by age', () => {
    expect(invariants.balancingIdentity(flows)).toEqual({ holds: true });
    expect(flows.outMigrants[0]!.female).toBeGreaterThan(0);
    // Out-migrants under-counted: P(t+5) no longer balances, and net ≠ in − out.
    const lost = copy(flows);
    lost.outMigrants[1]!.male -= 5;
    const { violations } = failing(invariants.balancingIdentity(lost));
    expect(violations.map((v) => v.where)).toEqual(['period 2020-2025, male, all ages', 'period 2020-2025, male, netMigrants', 'period 2020-2025, male, migrants.out']);
    expect(violations[0]!.rule).toMatch(/^expected P\(2025\) = P\(2020\) \+ births − deaths \+ in − out = /);
    expect(violations[0]!.by).toBeCloseTo(5, 6);
    // Net migrants that do not match the flows, with the population consistent with the flows.
    const net = copy(flows);
    net.netMigrants[0]!.female += 1;
    expect(failing(invariants.balancingIdentity(net)).violations).toEqual([expect.objectContaining({ where: 'period 2015-2020, female, netMigrants', by: expect.closeTo(1, 6) })]);
  });
  it('balancingIdentity of a projection without gross flows uses netMigrants', () => {
    const { inMigrants: _i, outMigrants: _o, migrants: _m, ...legacy } = flows;
    expect(invariants.balancingIdentity(legacy as CohortProjection)).toEqual({ holds: true });
    const broken = copy(flows);
    const { inMigrants: _i2, outMigrants: _o2, migrants: _m2, ...legacyBroken } = broken;
    legacyBroken.netMigrants[0]!.male += 3;
    expect(failing(invariants.balancingIdentity(legacyBroken as CohortProjection)).message).toMatch(/P\(2020\) = P\(2015\) \+ births − deaths \+ netMigrants/);
  });
  it('nonNegative checks the migrants by age and their totals', () => {
    expect(invariants.nonNegative(flows).holds).toBe(true);
    const broken = copy(flows);
    broken.migrants[0] = { in: flows.migrants[0]!.in, out: { female: Float64Array.from(flows.migrants[0]!.out.female, (v, x) => (x === 2 ? -v : v)), male: flows.migrants[0]!.out.male } };
    broken.inMigrants[1]!.female = -1;
    expect(failing(invariants.nonNegative(broken)).violations.map((v) => v.where)).toEqual(['period 2015-2020, female, 10-14, migrants.out', 'period 2020-2025, female, inMigrants']);
  });
  it('linearInBase scales in-migrants and the out-flow persons, keeps the rate', () => {
    expect(invariants.linearInBase(projectCohorts, base, grossPeriods, 7).holds).toBe(true);
    // A projector that forgets to scale the out-flow's persons breaks it.
    const fixedOut = (b: Population, ps: readonly PeriodInputs[]) =>
      projectCohorts(
        b,
        ps.map((p, t) => ({ ...p, outMigration: grossPeriods[t]!.outMigration! })),
      );
    const { violations } = failing(invariants.linearInBase(fixedOut, base, grossPeriods, 3));
    expect(violations.some((v) => v.where === 'period 2015-2020, female, outMigrants')).toBe(true);
  });
  it('kernelEqualsLeslie drops every migrant: in, out and net', () => {
    expect(invariants.kernelEqualsLeslie(base, gross)).toEqual({ holds: true });
  });
});

// The same checkers on single years of age and one-year periods (width 1). A hand-made grid with
// open age 10 (ages 0 … 9 and 10+), 2015 → 2017 in two annual periods; survival by age at arrival.
describe('invariants at width 1 (single years, annual periods)', () => {
  const ones = (v: number, n = 11) => new Array<number>(n).fill(v);
  const annualBase: Population = {
    year: 2015,
    width: 1,
    female: [200, 198, 196, 195, 193, 190, 188, 186, 185, 183, 900],
    male: [210, 207, 205, 203, 200, 198, 196, 193, 191, 189, 800],
  };
  const annual: PeriodInputs = {
    survival: {
      female: { birth: 0.995, ratios: [0.9993, 0.9996, 0.9997, 0.9997, 0.9996, 0.9995, 0.9994, 0.9993, 0.999, 0.93] },
      male: { birth: 0.994, ratios: [0.9991, 0.9995, 0.9996, 0.9996, 0.9994, 0.9993, 0.9991, 0.999, 0.9985, 0.91] },
    },
    // A toy fertile span (ages 4 … 9 of this short grid): the kernel knows no biology.
    asfr: [0, 0, 0, 0, 0.05, 0.09, 0.11, 0.1, 0.07, 0.03, 0],
    srb: 106,
    netMigrants: { female: [1, -2, 3, 2, 4, -1, 2, 1, 0, -2, -3], male: [1, -1, 2, 3, 5, -2, 1, 2, 1, -1, -4] },
  };
  const annualPeriods = [annual, { ...annual, migrationTiming: 'end' as const }];
  const out = projectCohorts(annualBase, annualPeriods);

  it('the projection is annual on single years (the checkers read its width)', () => {
    expect(out.width).toBe(1);
    expect(out.years).toEqual([2015, 2016, 2017]);
  });

  it('balancingIdentity holds, and fails for 10 persons from nowhere, naming the year-long period', () => {
    expect(invariants.balancingIdentity(out)).toEqual({ holds: true });
    const broken = copy(out);
    broken.population[2]!.male[7]! += 10;
    const { violations, message } = failing(invariants.balancingIdentity(broken));
    expect(violations).toEqual([expect.objectContaining({ period: '2016-2017', sex: 'male', group: 'all ages', by: expect.closeTo(10, 6) })]);
    expect(message).toMatch(/period 2016-2017, male, all ages: expected P\(2017\) = P\(2016\) \+ births − deaths \+ in − out/);
  });

  it('nonNegative holds, and names single years and the open group', () => {
    expect(invariants.nonNegative(out)).toEqual({ holds: true });
    const broken = copy(out);
    broken.population[1]!.female[10] = -3;
    broken.population[2]!.male[0] = NaN;
    broken.population[2]!.male[7] = -1;
    const { violations } = failing(invariants.nonNegative(broken));
    expect(violations.map((v) => v.where)).toEqual(['year 2016, female, 10+', 'year 2017, male, 0', 'year 2017, male, 7']);
    expect(violations[2]).toMatchObject({ year: 2017, sex: 'male', group: '7', actual: -1, by: 1 });
  });

  it('linearInBase holds (the scaled base keeps width 1), and fails for an affine projector, naming single years', () => {
    expect(invariants.linearInBase(projectCohorts, annualBase, annualPeriods, 7)).toEqual({ holds: true });
    const plusOne = (b: Population, ps: readonly PeriodInputs[]) => {
      const o = copy(projectCohorts(b, ps));
      o.population.slice(1).forEach((y) => (['female', 'male'] as const).forEach((s) => y[s].forEach((_, x) => (y[s][x]! += 1))));
      return o;
    };
    const { violations } = failing(invariants.linearInBase(plusOne, annualBase, annualPeriods, 10));
    expect(violations).toHaveLength(44); // 2 later years × 2 sexes × 11 single years
    expect(violations[0]).toMatchObject({ year: 2016, sex: 'female', group: '0' });
    expect(violations[10]).toMatchObject({ year: 2016, sex: 'female', group: '10+' });
  });

  it('kernelEqualsLeslie holds with the annual Leslie matrix (drops the migrants)', () => {
    expect(invariants.kernelEqualsLeslie(annualBase, annual)).toEqual({ holds: true });
  });

  it('kernelEqualsLeslie fails for a kernel that takes births from women at the start of the year only', () => {
    const startOnly = (b: Population, ps: readonly PeriodInputs[]) => {
      const o = copy(projectCohorts(b, ps));
      const p = ps[0]!;
      let births = 0;
      for (let x = 0; x < b.female.length; x++) births += (p.asfr[x] as number) * (b.female[x] as number);
      const girls = (births * 100) / (100 + p.srb);
      o.population[1]!.female[0] = girls * p.survival.female.birth;
      o.population[1]!.male[0] = (births - girls) * p.survival.male.birth;
      return o;
    };
    const { violations, message } = failing(invariants.kernelEqualsLeslie(annualBase, annual, { project: startOnly }));
    expect(violations.map((v) => v.where)).toEqual(['year 2016, female, 0', 'year 2016, male, 0']);
    expect(message).toMatch(/year 2016, female, 0: expected the Leslie product [\d.]+ \(within 1e-12 relative\), got [\d.]+/);
  });

  it('kernelEqualsLeslie fails for a projector that steps single years as a 5-year period (births × 5)', () => {
    const asFiveYears = (b: Population, ps: readonly PeriodInputs[]) => {
      const { width: _w, ...five } = b;
      return { ...projectCohorts(five, ps), width: 1 as const };
    };
    const { violations } = failing(invariants.kernelEqualsLeslie(annualBase, annual, { project: asFiveYears }));
    expect(violations.map((v) => v.group)).toEqual(['0', '0']);
    expect(violations[0]!.actual / projectCohorts(annualBase, [{ ...annual, netMigrants: { female: ones(0), male: ones(0) } }]).population[1]!.female[0]!).toBeCloseTo(5, 12);
  });

  it('lifeTableIdentities holds for a complete table, and names single ages', () => {
    const mx = [0.005, 0.0004, 0.0003, 0.0003, 0.0004, 0.0006, 0.0009, 0.0013, 0.002, 0.003, 0.2];
    const lt = lifeTable(mx, { sex: 'male', width: 1 });
    expect(invariants.lifeTableIdentities(lt)).toEqual({ holds: true });
    const t = { ...lt, qx: lt.qx.slice(), ex: lt.ex.slice() };
    t.qx[3] = 1.2;
    t.ex[7]! += 0.01;
    const { violations } = failing(invariants.lifeTableIdentities(t));
    expect(violations.map((v) => v.where)).toEqual(['age 7', 'age 3']);
    const open = { ...lt, dx: lt.dx.slice() };
    open.dx[10]! *= 2;
    expect(failing(invariants.lifeTableIdentities(open)).violations.map((v) => v.where)).toEqual(['age 10+', 'all ages']);
  });

  it('increasingIn / decreasingIn on annual projections: the total rises with fertility', () => {
    const factors = [0.5, 1, 2];
    const totals = factors.map((k) => {
      const p = projectCohorts(annualBase, annualPeriods.map((q) => ({ ...q, asfr: Array.from(q.asfr, (a) => a * k) })));
      return total(p.population[2]!.female) + total(p.population[2]!.male);
    });
    expect(invariants.increasingIn(factors, totals, { strict: true, input: 'fertility factor', output: 'P(2017)' })).toEqual({ holds: true });
    expect(failing(invariants.decreasingIn(factors, totals, { input: 'fertility factor', output: 'P(2017)' })).violations.map((v) => v.where)).toEqual([
      'fertility factor 0.5 → 1',
      'fertility factor 1 → 2',
    ]);
  });

  it('solverAgreesWithAssessment on an annual projection: the in-migrants a year that reach a target', () => {
    // total(x): P(2017) with x in-migrants a year spread evenly over the 11 single years (affine in x).
    const totalAt = (x: number) => {
      const m = { female: ones(x / 22), male: ones(x / 22) };
      const { netMigrants: _n, ...rates } = annual;
      const p = projectCohorts(annualBase, [{ ...rates, netMigrants: m }, { ...rates, netMigrants: m }]);
      return total(p.population[2]!.female) + total(p.population[2]!.male);
    };
    const target = totalAt(0) + 500;
    const slope = (totalAt(100) - totalAt(0)) / 100;
    const x = 500 / slope + 0.1 / slope; // reaches the target, 0.1 persons over
    const reached = { status: 'reachable' as const, value: x, achieved: totalAt(x), iterations: 1 };
    expect(invariants.solverAgreesWithAssessment(reached, target, totalAt)).toEqual({ holds: true });
    const over = { status: 'reachable' as const, value: x + 10 / slope, achieved: totalAt(x + 10 / slope), iterations: 1 };
    expect(failing(invariants.solverAgreesWithAssessment(over, target, totalAt)).violations.map((v) => v.where)).toEqual([
      `value ${Number((x + 10 / slope).toPrecision(12))}`,
      `just below ${Number((x + 10 / slope).toPrecision(12))}`,
    ]);
  });
});
