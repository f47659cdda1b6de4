import { describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { decomposeChange } from '../../src/indicators/decompose.js';
import { NET_MIGRATION_BOUND_SHARE, requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { projectUrbanShare, urgd } from '../../src/indicators/urbanization.js';
import { InputError } from '../../src/validate/errors.js';
import { yingkou } from '../../src/yingkou/data.js';

const base = yingkou.base2015;
const plan = yingkou.scenarios.plan;
const t2030 = { year: 2030, population: 2_600_000 };

describe('assessTarget', () => {
  it('compares the projected total with the target', () => {
    const a = assessTarget(base, plan, t2030);
    const projected = project(base, plan, { until: 2030 }).indicators.years[3]!.total;
    expect(a).toEqual({ year: 2030, target: 2_600_000, projected, gap: projected - 2_600_000, reached: projected >= 2_600_000, warnings: [] });
  });
  it('rejects a target year off the base grid or before it', () => {
    expect(() => assessTarget(base, plan, { year: 2032, population: 1 })).toThrow('target.year: expected a year after the base year 2015 on its 5-year grid, got 2032');
    expect(() => assessTarget(base, plan, { year: 2015, population: 1 })).toThrow(InputError);
    expect(() => assessTarget(base, plan, { year: 2030, population: -1 })).toThrow('target.population: expected a number of persons > 0 and at most 1e+10, got -1');
  });
});

describe('requiredNetMigration and requiredTfr', () => {
  it('projecting with the solved migration hits the target within 1 person', () => {
    const r = requiredNetMigration(base, plan, t2030);
    expect(r.status).toBe('reachable');
    if (r.status !== 'reachable') return;
    const projected = assessTarget(base, { ...plan, migration: { netPerYear: r.value } }, t2030).projected;
    expect(projected).toBeGreaterThanOrEqual(2_600_000);
    expect(projected - 2_600_000).toBeLessThanOrEqual(1);
    expect(projected).toBe(r.achieved);
  });
  it('replaces migration only from `from` on', () => {
    // Solved from 2015: w. A scenario already at w before 2020 needs w again from 2020 on.
    const w = requiredNetMigration(base, plan, t2030);
    if (w.status !== 'reachable') throw new Error('expected reachable');
    const r = requiredNetMigration(base, { ...plan, migration: { netPerYear: w.value } }, t2030, { from: 2020 });
    if (r.status !== 'reachable') throw new Error('expected reachable');
    // 1 person in 2030 is about 1/10 person a year over 2020–2030.
    expect(Math.abs(r.value - w.value)).toBeLessThan(0.2);
    // Before 2020 the scenario's own migration counts: 5,000 a year then needs less from 2020.
    const more = requiredNetMigration(base, { ...plan, migration: { netPerYear: w.value + 5000 } }, t2030, { from: 2020 });
    if (more.status !== 'reachable') throw new Error('expected reachable');
    expect(more.value).toBeLessThan(w.value);
  });
  it('says a target out of reach within the bounds is unreachable, with the best it can do', () => {
    const r = requiredNetMigration(base, plan, t2030, { bounds: [0, 1000] });
    expect(r).toMatchObject({ status: 'unreachable', side: 'above', bound: 1000 });
    if (r.status === 'unreachable') expect(r.achieved).toBe(assessTarget(base, { ...plan, migration: { netPerYear: 1000 } }, t2030).projected);
    const big = requiredTfr(base, plan, { year: 2030, population: 5_000_000 });
    expect(big).toMatchObject({ status: 'unreachable', side: 'above', bound: 8 });
    const small = requiredTfr(base, plan, { year: 2030, population: 1_000_000 });
    expect(small).toMatchObject({ status: 'unreachable', side: 'below', bound: 0 });
  });
  it('a low bound that would empty a group gives way to the computed feasibility bound', () => {
    // Out-migrants leave in proportion to r(x)·P(x): the default low bound (−10 % of the base a year,
    // −244,300) would take more than every woman aged 20–24 (r = 1 there) in 2015–2020. The solver
    // computes the most net out-migration the population can supply, x*, and searches [x*, high].
    const low = -NET_MIGRATION_BOUND_SHARE * 2_443_000;
    expect(() => assessTarget(base, { ...plan, migration: { netPerYear: low } }, { year: 2020, population: 1 })).toThrow(/20-24 group holds/);
    const r = requiredNetMigration(base, plan, { year: 2020, population: 1_000_000 });
    expect(r.status).toBe('unreachable');
    if (r.status !== 'unreachable') return;
    // A target below what x* reaches: unreachable from below, the bound is x* and what it achieves.
    expect(r.side).toBe('below');
    expect(r.bound).toBeGreaterThan(low);
    expect(r.achieved).toBe(assessTarget(base, { ...plan, migration: { netPerYear: r.bound } }, { year: 2020, population: 1 }).projected);
    expect(r.achieved).toBeGreaterThan(1_000_000);
    // x* is the bound itself (to the feasibility tolerance): a hair more out-migration cannot be projected.
    expect(() => assessTarget(base, { ...plan, migration: { netPerYear: r.bound * (1 + 1e-8) } }, { year: 2020, population: 1 })).toThrow(
      /^migration\.netPerYear: expected an out-migration the people present can supply in 2015-2020/,
    );
    // The error reports the same bound (whole persons, rounded towards less out-migration).
    expect(() => assessTarget(base, { ...plan, migration: { netPerYear: low } }, { year: 2020, population: 1 })).toThrow(
      `at most ${Math.floor(-r.bound).toLocaleString('en-US')} net out-migrants a year`,
    );
    // A target that x* does reach is solved inside [x*, high].
    const reached = requiredNetMigration(base, plan, { year: 2020, population: r.achieved + 10_000 });
    expect(reached.status).toBe('reachable');
    if (reached.status === 'reachable') expect(reached.value).toBeGreaterThan(r.bound);
  });
  it('the feasibility bound of a longer horizon binds in a later period, and still projects', () => {
    const r = requiredNetMigration(base, plan, { year: 2030, population: 500_000 });
    expect(r).toMatchObject({ status: 'unreachable', side: 'below' });
    if (r.status !== 'unreachable') return;
    expect(assessTarget(base, { ...plan, migration: { netPerYear: r.bound } }, { year: 2030, population: 1 }).projected).toBe(r.achieved);
    expect(() => assessTarget(base, { ...plan, migration: { netPerYear: r.bound * (1 + 1e-8) } }, { year: 2030, population: 1 })).toThrow(InputError);
  });
  it('solvers never throw from inside the search for scenarios with out-migration', () => {
    const out = { ...plan, migration: { netPerYear: -21_046 } };
    const t2050 = { year: 2050, population: 1_300_000 };
    const tfr = requiredTfr(base, out, t2050);
    expect(tfr.status).toBe('reachable');
    if (tfr.status === 'reachable') {
      expect(tfr.achieved).toBeGreaterThanOrEqual(1_300_000);
      expect(tfr.achieved - 1_300_000).toBeLessThanOrEqual(1);
    }
    // Every TFR down to 0 is searched; no trial throws, and out of reach is said so.
    expect(requiredTfr(base, out, { year: 2050, population: 100_000 })).toMatchObject({ status: 'unreachable', side: 'below', bound: 0 });
    expect(requiredTfr(base, out, { year: 2050, population: 9_000_000 })).toMatchObject({ status: 'unreachable', side: 'above', bound: 8 });
    // Net migration from 2030 on, beside the scenario's own out-migration before it; gross flows and FDM churn.
    expect(requiredNetMigration(base, out, t2050, { from: 2030 }).status).toBe('reachable');
    const gross = { ...plan, migration: { inPerYear: 30_000, outRate: 0.02 } };
    expect(requiredNetMigration(base, gross, t2050).status).toBe('reachable');
    // In-migrants alone keep 1.5 million in 2050 even at TFR 0: out of reach from below, not an error.
    expect(requiredTfr(base, gross, t2050)).toMatchObject({ status: 'unreachable', side: 'below', bound: 0 });
    const churn = { ...plan, migration: { netPerYear: -21_046, flowDifference: 'bayespop' as const } };
    expect(requiredNetMigration(base, churn, t2050).status).toBe('reachable');
    expect(requiredTfr(base, churn, t2050).status).toBe('reachable');
  });
  it('rejects bad options', () => {
    expect(() => requiredNetMigration(base, plan, t2030, { from: 2030 })).toThrow('options.from: expected a year in [2015, 2030), got 2030');
    expect(() => requiredNetMigration(base, plan, t2030, { bounds: [5, 1] })).toThrow('options.bounds: expected low < high');
    expect(() => requiredTfr(base, plan, t2030, { bounds: [-1, 3] })).toThrow('options.bounds[0]: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -1');
  });
});

describe('decomposeChange', () => {
  it('splits the change into natural increase and migration, adding up to rounding', () => {
    const p = project(base, { ...plan, migration: { netPerYear: { 2015: -20000, 2030: 15000 } } }, { until: 2030, openAge: 85 });
    const d = decomposeChange(p);
    for (const c of [...d.periods, d.total]) {
      expect(Math.abs(c.naturalIncrease + c.netMigrants - c.change)).toBeLessThanOrEqual(1e-9 * c.start);
      expect(c.naturalIncrease).toBe(c.births - c.deaths);
    }
    expect(d.total.change).toBeCloseTo(p.indicators.years[3]!.total - p.indicators.years[0]!.total, 6);
    // A linear path: its 2015–2030 average is the mean of its ends, −2,500 a year.
    expect(d.total.netMigrants).toBeCloseTo(15 * ((-20000 + 15000) / 2), 6);
  });
});

describe('urgd and projectUrbanShare', () => {
  it('are the logit slope and its inverse', () => {
    // logit(0.6417) = ln(0.6417/0.3583) = 0.582751…; logit(0.5886) = ln(0.5886/0.4114) = 0.358178…
    expect(urgd(0.5886, 0.6417, 5)).toBeCloseTo((Math.log(0.6417 / 0.3583) - Math.log(0.5886 / 0.4114)) / 5, 14);
    expect(urgd(0.5886, 0.6417, 5)).toBeCloseTo(0.044915, 5);
    expect(projectUrbanShare(0.6417, urgd(0.6417, 0.72, 15), 15)).toBeCloseTo(0.72, 12);
    expect(projectUrbanShare(0.5, 0, 10)).toBe(0.5);
  });
  it('rejects shares outside (0, 1)', () => {
    expect(() => urgd(0, 0.5, 5)).toThrow('shareStart: expected a share in (0, 1), got 0');
    expect(() => urgd(0.5, 0.6, 0)).toThrow('years: expected a number of years from 1/365 to 1000, got 0');
  });
});
