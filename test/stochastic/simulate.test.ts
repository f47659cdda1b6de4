import { describe, expect, it } from 'vitest';
import { STEP } from '../../src/ages/grid.js';
import { compileScenario, type PeriodLevels } from '../../src/scenario/compile.js';
import { project, projectCompiled } from '../../src/scenario/project.js';
import { parseScenario, type Scenario } from '../../src/scenario/schema.js';
import { merge, type Accumulator } from '../../src/stochastic/accumulator.js';
import { Engine } from '../../src/stochastic/engine.js';
import { fillNormals, streamFor } from '../../src/stochastic/rng.js';
import { prepare, simulate, simulateOptionsSchema, type Simulation } from '../../src/stochastic/simulate.js';
import { SURVIVAL_TABLE_TOLERANCE } from '../../src/stochastic/survivalTable.js';
import { DEFAULT_E0_SIGMA, DEFAULT_TFR_RHO, DEFAULT_TFR_SIGMA, tfrDeviation, type Uncertainty } from '../../src/stochastic/uncertainty.js';
import { wilsonInterval } from '../../src/stochastic/wilson.js';
import { city2015, plan, planWithMigration } from './fixtures.js';

const off: Uncertainty = { tfr: { sigma: 0 }, e0: { sigma: 0 }, migration: { sigma: 0 } };

describe('simulate: reproducibility', () => {
  const options = { trajectories: 3000, seed: 42, until: 2030, keep: true } as const;
  it('the same seed gives bit-identical results', () => {
    const a = simulate(city2015, plan, {}, options);
    const b = simulate(city2015, plan, {}, options);
    expect(JSON.stringify(a.years)).toBe(JSON.stringify(b.years));
    a.totals!.forEach((t, y) => expect(Buffer.from(t.buffer).equals(Buffer.from(b.totals![y]!.buffer))).toBe(true));
  });
  it('another seed gives other trajectories', () => {
    const a = simulate(city2015, plan, {}, options);
    const b = simulate(city2015, plan, {}, { ...options, seed: 43 });
    expect(a.totals![3]![0]).not.toBe(b.totals![3]![0]);
    expect(a.years[3]!.total.mean).not.toBe(b.years[3]!.total.mean);
  });
  it('a trajectory does not depend on how many others run: the first 500 of 3000 are the 500 of a 500-run', () => {
    const a = simulate(city2015, plan, {}, options);
    const b = simulate(city2015, plan, {}, { ...options, trajectories: 500 });
    for (let y = 0; y < 4; y++) expect(Array.from(b.totals![y]!)).toEqual(Array.from(a.totals![y]!.subarray(0, 500)));
  });
});

describe('simulate: with every σ = 0 every trajectory is the deterministic projection', () => {
  for (const [name, scenario] of [
    ['plan', plan],
    ['plan with migration', planWithMigration],
    ['proportional hazards on china-2015', { ...plan, mortality: { e0: { female: 80, male: 75 }, model: { baseline: 'china-2015' } } }],
    ['gross flows: 15,000 in-migrants a year, out-migration 0.6 % a year', { ...plan, migration: { inPerYear: 15000, outRate: 0.006 } }],
    ['net out-migration of 20,000 a year, timing end', { ...plan, migration: { netPerYear: -20000, timing: 'end' } }],
    ["net out-migration of 10,000 a year with bayesPop's flow-difference churn", { ...plan, migration: { netPerYear: -10000, flowDifference: 'bayespop' } }],
  ] as const) {
    it(name, () => {
      const det = project(city2015, scenario, { until: 2035 });
      const sim = simulate(city2015, scenario, off, { trajectories: 200, seed: 7, until: 2035, keep: true });
      sim.years.forEach((y, i) => {
        const ind = det.indicators.years[i]!;
        // bit for bit: the same kernel, the same sums
        for (const total of sim.totals![i]!) expect(total).toBe(ind.total);
        for (const s of ['total', 'ages0to14', 'ages15to59', 'ages60plus', 'ages65plus'] as const) {
          expect(y[s].deterministic).toBe(ind[s]);
          expect(y[s].min).toBe(ind[s]);
          expect(y[s].max).toBe(ind[s]);
          for (const q of y[s].quantiles) expect(q).toBe(ind[s]);
          // the mean is the exact sum of values rounded to 2^-40 of the range's top, divided once
          expect(Math.abs(y[s].mean - ind[s])).toBeLessThanOrEqual(1e-9 * ind[s]);
        }
      });
    });
  }
});

/** Replays trajectory `index` through projectCompiled with the documented model applied to the levels. */
function replay(
  seed: number,
  index: number,
  u: { tfr: { sigma: number; rho: number }; e0: { sigma: number }; migration: { sigma: number } },
  periods: number,
  scenario: Scenario = planWithMigration,
): number[] {
  const c = compileScenario(parseScenario(scenario), 100);
  const z = new Float64Array(3 * periods);
  fillNormals(streamFor(seed, index), z, z.length);
  let d = 0;
  let w = 0;
  const adjust = (lv: PeriodLevels, t: number) => {
    d = tfrDeviation(d, z[3 * t]!, lv.tfr, u.tfr.sigma, u.tfr.rho);
    w += u.e0.sigma * z[3 * t + 1]!;
    lv.tfr += d;
    lv.e0.female += w;
    lv.e0.male += w;
    lv.netPerYear += u.migration.sigma * z[3 * t + 2]!;
  };
  const b = { year: city2015.year, female: Float64Array.from(city2015.female), male: Float64Array.from(city2015.male) };
  return projectCompiled(c, b, periods, adjust).indicators.years.map((y) => y.total);
}

describe('simulate: the trajectories follow the documented model', () => {
  const u = { tfr: { sigma: 0.1, rho: 0.7 }, e0: { sigma: 0.9 }, migration: { sigma: 2500 } };
  it("mortality 'exact': each trajectory equals projectCompiled with TFR + additive AR(1), e0 + random walk, net + σε, bit for bit", () => {
    const sim = simulate(city2015, planWithMigration, u, { trajectories: 40, seed: 11, until: 2035, keep: true, mortality: 'exact' });
    for (const i of [0, 1, 17, 39]) {
      const totals = replay(11, i, u, 4);
      totals.forEach((t, y) => expect(sim.totals![y]![i]).toBe(t));
    }
  });
  for (const [name, scenario] of [
    ['gross flows', { ...plan, migration: { inPerYear: 15000, outRate: 0.006 } }],
    ["net with bayesPop's flow-difference churn", { ...plan, migration: { netPerYear: -10000, flowDifference: 'bayespop' } }],
  ] as const) {
    it(`the same for ${name}: the drawn net becomes gross flows from each period's start population, as project() does`, () => {
      const sim = simulate(city2015, scenario, u, { trajectories: 40, seed: 13, until: 2035, keep: true, mortality: 'exact' });
      expect(sim.migrationAtBound).toBe(0);
      for (const i of [0, 5, 39]) {
        const totals = replay(13, i, u, 4, scenario);
        totals.forEach((t, y) => expect(sim.totals![y]![i]).toBe(t));
      }
    });
  }
  /**
   * Interpolated survival is within SURVIVAL_TABLE_TOLERANCE (1e-9) of exact per ratio; over four
   * periods the deaths and the births they feed move the total by at most a few times that, relatively.
   */
  const INTERPOLATION_TOTAL_TOLERANCE = 10 * SURVIVAL_TABLE_TOLERANCE;
  it('interpolated survival: each trajectory within 1e-8 (relative) of the exact one', () => {
    const sim = simulate(city2015, planWithMigration, u, { trajectories: 400, seed: 11, until: 2035, keep: true });
    const exact = simulate(city2015, planWithMigration, u, { trajectories: 400, seed: 11, until: 2035, keep: true, mortality: 'exact' });
    let worst = 0;
    for (let y = 0; y < 5; y++)
      for (let i = 0; i < 400; i++) worst = Math.max(worst, Math.abs(sim.totals![y]![i]! / exact.totals![y]![i]! - 1));
    expect(worst).toBeLessThanOrEqual(INTERPOLATION_TOTAL_TOLERANCE);
    expect(worst).toBeGreaterThan(0); // the two paths are really different computations
  });
});

/** Standard normal quantiles of the default levels (Φ⁻¹, to 16 digits). */
const Z: Record<number, number> = { 0.025: -1.959963984540054, 0.1: -1.2815515655446004, 0.5: 0, 0.9: 1.2815515655446004, 0.975: 1.959963984540054 };
const phi = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);

describe('simulate: only migration uncertain — the total is normal with a computable variance', () => {
  // The kernel is affine in the migrants, so total(T) = deterministic + Σ_t c_t σ ε_t with c_t the
  // response of the total to one more net migrant a year in period t: total ~ N(det, σ² Σ c_t²).
  const sigma = 3000;
  const N = 20000;
  const sim = simulate(city2015, planWithMigration, { tfr: { sigma: 0 }, e0: { sigma: 0 }, migration: { sigma } }, { trajectories: N, seed: 2024, until: 2030 });
  const c = compileScenario(parseScenario(planWithMigration), 100);
  const b = { year: 2015, female: Float64Array.from(city2015.female), male: Float64Array.from(city2015.male) };
  const totals = (bump: number, period: number) =>
    projectCompiled(c, b, 3, (lv, t) => {
      if (t === period) lv.netPerYear += bump;
    }).indicators.years.map((y) => y.total);
  const det = totals(0, -1);
  const DELTA = 1000;
  const response = [0, 1, 2].map((t) => totals(DELTA, t).map((v, y) => (v - det[y]!) / DELTA));

  for (const y of [1, 2, 3]) {
    const sd = sigma * Math.sqrt(response.reduce((s, r) => s + r[y]! ** 2, 0));
    it(`${2015 + 5 * y}: quantiles within 4 standard errors of det + z·sd (sd = ${Math.round(sd)})`, () => {
      const row = sim.years[y]!.total;
      expect(row.deterministic).toBe(det[y]);
      sim.quantileLevels.forEach((q, k) => {
        const expected = det[y]! + Z[q]! * sd;
        // standard error of a sample quantile: √(q(1−q)/N) / density at the quantile
        const se = Math.sqrt((q * (1 - q)) / N) / (phi(Z[q]!) / sd);
        expect(Math.abs(row.quantiles[k]! - expected)).toBeLessThanOrEqual(4 * se + row.resolution);
      });
      expect(Math.abs(row.mean - det[y]!)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(N));
    });
    it(`${2015 + 5 * y}: P(total ≥ det + sd) matches 1 − Φ(1) within the Monte Carlo error`, () => {
      const p = sim.probability({ year: 2015 + 5 * y, population: det[y]! + sd });
      const expected = 0.15865525393145707;
      expect(Math.abs(p.p - expected)).toBeLessThanOrEqual(4 * Math.sqrt((expected * (1 - expected)) / N));
      expect(p.lower).toBeLessThanOrEqual(p.p);
      expect(p.upper).toBeGreaterThanOrEqual(p.p);
    });
  }
});

describe('simulate: quantiles and probabilities against the kept trajectories', () => {
  const N = 5000;
  const targets = [
    { year: 2030, population: 2_360_000 },
    { year: 2025, population: 2_390_000 },
  ];
  const sim: Simulation = simulate(city2015, plan, {}, { trajectories: N, seed: 99, until: 2030, keep: true, targets });
  const sorted = sim.totals!.map((t) => Float64Array.from(t).sort());
  it('each quantile lies within its resolution of the exact order statistic x(⌈qN⌉)', () => {
    sim.years.forEach((row, y) => {
      sim.quantileLevels.forEach((q, k) => {
        const exact = sorted[y]![Math.max(1, Math.ceil(q * N)) - 1]!;
        expect(Math.abs(row.total.quantiles[k]! - exact)).toBeLessThanOrEqual(row.total.resolution);
      });
      expect(row.total.min).toBe(sorted[y]![0]);
      expect(row.total.max).toBe(sorted[y]![N - 1]);
      const mean = sim.totals![y]!.reduce((s, v) => s + v, 0) / N;
      expect(Math.abs(row.total.mean - mean)).toBeLessThanOrEqual(1e-9 * mean);
    });
  });
  it('the resolution is a small fraction of the spread (one of 2^16 bins over about ±16 σ)', () => {
    const row = sim.years[3]!.total;
    const sd = Math.sqrt(sim.totals![3]!.reduce((s, v) => s + (v - row.mean) ** 2, 0) / (N - 1));
    expect(row.resolution).toBeLessThan(1e-3 * sd);
  });
  const count = (y: number, x: number) => sim.totals![y]!.reduce((k, v) => k + (v >= x ? 1 : 0), 0);
  it('a listed target is counted exactly: p = k/N with its Wilson interval', () => {
    for (const t of targets) {
      const k = count((t.year - 2015) / 5, t.population);
      expect(sim.probability(t)).toEqual({ ...t, ...wilsonInterval(k, N), exact: true });
    }
  });
  it('from the histogram alone, the interval holds the exact count, and p is within one bin of trajectories', () => {
    const noKeep = simulate(city2015, plan, {}, { trajectories: N, seed: 99, until: 2030 });
    for (const x of [2_300_000, 2_340_000, 2_355_555, 2_364_000, 2_380_000, 2_400_000, 3_000_000, 1]) {
      const k = count(3, x);
      const r = noKeep.probability({ year: 2030, population: x });
      const exact = wilsonInterval(k, N);
      expect(r.lower).toBeLessThanOrEqual(exact.lower);
      expect(r.upper).toBeGreaterThanOrEqual(exact.upper);
      expect(r.p).toBeGreaterThanOrEqual(r.lower);
      expect(r.p).toBeLessThanOrEqual(r.upper);
      expect(Math.abs(r.p - k / N)).toBeLessThanOrEqual(r.upper - r.lower);
      if (r.exact) expect(r.p).toBe(k / N);
    }
    expect(noKeep.probability({ year: 2030, population: 3_000_000 })).toMatchObject({ p: 0, lower: 0, exact: true });
    expect(noKeep.probability({ year: 2030, population: 1 })).toMatchObject({ p: 1, upper: 1, exact: true });
  });
});

/** Bit-for-bit equality of two accumulators (typed arrays compared as bytes). */
function sameAccumulator(a: Accumulator, b: Accumulator): boolean {
  const bytes = (x: ArrayBufferView) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  const arrays = ['counts', 'under', 'over', 'sumHigh', 'sumLow', 'min', 'max', 'targetCounts'] as const;
  return (
    a.trajectories === b.trajectories &&
    a.e0OutOfReach === b.e0OutOfReach &&
    a.migrationAtBound === b.migrationAtBound &&
    arrays.every((k) => bytes(a[k]).equals(bytes(b[k])))
  );
}

describe('simulate: split-independent statistics', () => {
  for (const [name, scenario, sigma] of [
    ['σ 2,000 around 20,000 a year', planWithMigration, 2000],
    ['σ 200,000 around 0 (periods held at the bound)', { ...plan, migration: { netPerYear: 0 } }, 200000],
  ] as const) {
    it(`runs over any split of the trajectories merge into the statistics of one run, bit for bit: ${name}`, () => {
      const p = prepare(city2015, scenario, { migration: { sigma } }, simulateOptionsSchema.parse({ trajectories: 2000, seed: 5, until: 2030, targets: [{ year: 2030, population: 2.5e6 }] }));
      const engine = new Engine(p.spec);
      const binning = engine.pilot(2000);
      const whole = engine.run(0, 2000, binning);
      if (sigma > 100000) expect(whole.migrationAtBound).toBeGreaterThan(0);
      for (const cuts of [[0, 1000, 2000], [0, 1, 777, 1999, 2000], [0, 400, 800, 1200, 1600, 2000]]) {
        const parts = cuts.slice(1).map((to, i) => engine.run(cuts[i]!, to, binning));
        // merged in reverse order: order does not matter either
        const acc = parts.pop()!;
        for (const part of parts.reverse()) merge(acc, part);
        expect(sameAccumulator(acc, whole)).toBe(true);
      }
    });
  }
});

const SERIES_NAMES = ['total', 'ages0to14', 'ages15to59', 'ages60plus', 'ages65plus'] as const;

/** An engine for a simulation's inputs, as simulate builds it. */
function engineFor(scenario: Scenario, u: Uncertainty, options: { trajectories: number; seed: number; until: number }): Engine {
  return new Engine(prepare(city2015, scenario, u, simulateOptionsSchema.parse(options)).spec);
}

describe('simulate: migration draws at the feasible bound', () => {
  const net0: Scenario = { ...plan, migration: { netPerYear: 0 } };
  const huge: Uncertainty = { migration: { sigma: 200000 } };

  it('σ 2,000 around net 0 at the default open age 100 never aborts, and no period is held', () => {
    const sim = simulate(city2015, net0, { migration: { sigma: 2000 } }, { trajectories: 3000, seed: 12, until: 2050 });
    expect(sim.migrationAtBound).toBe(0);
    expect(sim.years).toHaveLength(8);
    for (const y of sim.years) for (const s of SERIES_NAMES) expect(y[s].min).toBeGreaterThanOrEqual(0);
  });

  it('a huge σ: periods are held and counted, no group of any trajectory ever goes below 0, and a held period leaves a group about empty', () => {
    const N = 300;
    const engine = engineFor(net0, huge, { trajectories: N, seed: 3, until: 2035 });
    const v = new Float64Array(engine.slots);
    let held = 0;
    let lowest = Infinity;
    let emptiestHeld = 0;
    for (let i = 0; i < N; i++) {
      let before = engine.migrationAtBound;
      engine.trajectory(i, v, (_t, female, male) => {
        let min = Infinity;
        for (let x = 0; x < female.length; x++) min = Math.min(min, female[x]!, male[x]!);
        lowest = Math.min(lowest, min);
        if (engine.migrationAtBound > before) {
          held++;
          // held at the largest feasible out-flow: the group it would empty first is left with ~0 people
          emptiestHeld = Math.max(emptiestHeld, min);
          before = engine.migrationAtBound;
        }
      });
      for (let y = 0; y < engine.years.length; y++) expect(v[y * SERIES_NAMES.length]).toBeGreaterThan(0);
    }
    expect(held).toBeGreaterThan(0);
    expect(engine.migrationAtBound).toBe(held);
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(emptiestHeld).toBeLessThan(1e-6);
  });

  it('the pilot does not count: simulate reports what one pass over the trajectories counts', () => {
    const N = 500; // fewer than the pilot's 1024: every trajectory runs twice in simulate
    const options = { trajectories: N, seed: 4, until: 2030 };
    const a = engineFor(net0, huge, options);
    const binning = a.pilot(N);
    const fresh = engineFor(net0, huge, options).run(0, N, binning);
    expect(fresh.migrationAtBound).toBeGreaterThan(0);
    expect(a.run(0, N, binning).migrationAtBound).toBe(fresh.migrationAtBound);
    expect(simulate(city2015, net0, huge, options).migrationAtBound).toBe(fresh.migrationAtBound);
    expect(simulate(city2015, net0, huge, { ...options, onProgress: () => {} }).migrationAtBound).toBe(fresh.migrationAtBound);
  });

  it('keep: every trajectory total stays above 0, and the held draws leave the other statistics consistent', () => {
    const sim = simulate(city2015, net0, huge, { trajectories: 400, seed: 6, until: 2030, keep: true });
    expect(sim.migrationAtBound).toBeGreaterThan(0);
    sim.totals!.forEach((totals, y) => {
      for (const t of totals) expect(t).toBeGreaterThan(0);
      expect(sim.years[y]!.total.min).toBe(Math.min(...totals));
    });
  });

  it("gross flows the scenario asks for that a trajectory's population cannot supply are an error naming the trajectory and period", () => {
    // All out-migrants from the 100+ groups: an out-rate the deterministic population just supplies,
    // which trajectories with a lower e0 (fewer people aged 100+) cannot. No net figure is to blame.
    const onlyOldest = Array.from({ length: 21 }, (_, i) => (i === 20 ? 1 : 0));
    const scenario: Scenario = { ...plan, migration: { outRate: 5.7e-6, outSchedule: onlyOldest } };
    expect(() => project(city2015, scenario, { until: 2030 })).not.toThrow();
    expect(() => simulate(city2015, scenario, { tfr: { sigma: 0 }, e0: { sigma: 1 } }, { trajectories: 200, seed: 1, until: 2030 })).toThrow(
      /^migration\.outRate: expected an out-migration the people present can supply in 20\d\d-20\d\d: an out-migration rate of at most [\d.e-]+ a year \(more would take more people than the (fe)?male 100\+ group holds\) on trajectory \d+ \(its draws left fewer people there than the scenario's own flows take\), got 0\.0000057$/,
    );
  });

  it('a gross-flow scenario (inPerYear, outRate) simulates; no period is held at σ 2,000', () => {
    const gross: Scenario = { ...plan, migration: { inPerYear: 15000, outRate: 0.006 } };
    const det = project(city2015, gross, { until: 2035 });
    const sim = simulate(city2015, gross, { migration: { sigma: 2000 } }, { trajectories: 2000, seed: 21, until: 2035 });
    expect(sim.migrationAtBound).toBe(0);
    sim.years.forEach((y, i) => {
      expect(y.total.deterministic).toBe(det.indicators.years[i]!.total);
      expect(Number.isFinite(y.total.mean)).toBe(true);
      expect(y.total.min).toBeGreaterThan(0);
    });
    // the draws really move the totals, around the deterministic projection
    const last = sim.years.at(-1)!.total;
    expect(last.max - last.min).toBeGreaterThan(STEP * 2000);
    expect(last.min).toBeLessThan(last.deterministic);
    expect(last.max).toBeGreaterThan(last.deterministic);
  });
});

describe('simulate: defaults and edge cases', () => {
  it('fills the documented defaults', () => {
    const sim = simulate(city2015, plan, {}, { trajectories: 10, seed: 1, until: 2020 });
    expect(sim.uncertainty).toEqual({ tfr: { sigma: DEFAULT_TFR_SIGMA, rho: DEFAULT_TFR_RHO }, e0: { sigma: DEFAULT_E0_SIGMA }, migration: { sigma: 0 } });
    expect(sim.quantileLevels).toEqual([0.025, 0.1, 0.5, 0.9, 0.975]);
    expect(sim.mortality).toBe('interpolated');
    expect(sim.years.map((y) => y.year)).toEqual([2015, 2020]);
    expect(sim.totals).toBeUndefined();
  });
  it('a base year only (until = base year) gives the base', () => {
    const sim = simulate(city2015, plan, {}, { trajectories: 5, seed: 1, until: 2015 });
    const total = city2015.female.reduce((s, v) => s + v, 0) + city2015.male.reduce((s, v) => s + v, 0);
    expect(sim.years).toHaveLength(1);
    expect(sim.years[0]!.total.quantiles).toEqual([total, total, total, total, total]);
  });
  it('e0 draws beyond the model are held at its bound and counted, not thrown', () => {
    // Log-quadratic males reach about 85.8 years: a male e0 of 84 with σ = 3 a period strays beyond it.
    const near = { ...plan, mortality: { e0: { female: 88, male: 84 } } };
    const sim = simulate(city2015, near, { e0: { sigma: 3 } }, { trajectories: 300, seed: 3, until: 2030 });
    expect(sim.e0OutOfReach).toBeGreaterThan(0);
    expect(Number.isFinite(sim.years[3]!.total.mean)).toBe(true);
  });
  it('migration draws that would empty an age group are held at the feasible bound and counted, not thrown', () => {
    // Out-migrants leave in proportion to the people present: net 0 ± 20,000 a year never asks for
    // more than a group holds in this city of 2.4 million (the count is 0), ± 200,000 often does.
    const net0 = { ...plan, migration: { netPerYear: 0 } };
    const o = { trajectories: 50, seed: 1, until: 2030 };
    expect(simulate(city2015, net0, { migration: { sigma: 20000 } }, o).migrationAtBound).toBe(0);
    const sim = simulate(city2015, net0, { migration: { sigma: 200000 } }, o);
    expect(sim.migrationAtBound).toBeGreaterThan(0);
    expect(sim.migrationAtBound).toBeLessThanOrEqual(50 * 3);
    for (const y of sim.years) for (const s of SERIES_NAMES) expect(y[s].min).toBeGreaterThanOrEqual(0);
  });
  it('a scenario without migration takes net 0 a year when migration is uncertain', () => {
    const sim = simulate(city2015, plan, { tfr: { sigma: 0 }, e0: { sigma: 0 }, migration: { sigma: 500 } }, { trajectories: 2000, seed: 8, until: 2020 });
    const det = project(city2015, plan, { until: 2020 }).indicators.years[1]!.total;
    expect(sim.years[1]!.total.deterministic).toBe(det);
    expect(sim.years[1]!.total.max - sim.years[1]!.total.min).toBeGreaterThan(STEP * 500);
  });
  it('does not modify its arguments', () => {
    const base = structuredClone(city2015);
    const scenario = structuredClone(planWithMigration);
    const u = { tfr: { sigma: 0.1 } };
    const options = { trajectories: 20, seed: 1, until: 2030, quantiles: [0.5], targets: [{ year: 2030, population: 2e6 }] };
    const copies = structuredClone({ base, scenario, u, options });
    simulate(base, scenario, u, options);
    expect({ base, scenario, u, options }).toEqual(copies);
  });
});
