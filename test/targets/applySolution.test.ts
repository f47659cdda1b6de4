import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile.js';
import { anchorsOf } from '../../src/scenario/path.js';
import { project } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import type { SolveResult } from '../../src/solve/result.js';
import { applySolution } from '../../src/targets/applySolution.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr, withTfrAnchor } from '../../src/targets/requiredTfr.js';
import { tfrAnchoredAt } from '../../src/targets/tfrAnchor.js';
import { yingkou } from '../../src/yingkou/data.js';
import { messageOf } from '../inputError.js';

// applySolution puts a solver's answer into the scenario: projecting the result reproduces the
// solver's `achieved`. The solver and the scenario run the same arithmetic on the same anchors (TFR)
// or the same constant (migration, where the solver adds (x − average) to the path's average), so
// the totals agree to rounding: 1e-6 persons is about 4e-13 of Yingkou's 2.4 million.
const ACHIEVED_TOLERANCE = 1e-6;

const base = yingkou.base2015;
const plan = yingkou.scenarios.plan;

function reachable(r: SolveResult<number>): { value: number; achieved: number } {
  if (r.status !== 'reachable') throw new Error(`expected a reachable solve, got ${JSON.stringify(r)}`);
  return r;
}

const totalIn = (s: Scenario, year: number, openAge?: number) => project(base, s, { until: year, ...(openAge ? { openAge } : {}) }).indicators.years.at(-1)!.total;

/** A deep copy frozen all the way down: a function that wrote into it would throw. */
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('applySolution: tfr', () => {
  it('the Yingkou plan: the 2030 anchor replaced; projecting it gives the solver’s achieved', () => {
    const target = { year: 2030, population: 2_600_000 };
    const r = reachable(requiredTfr(base, plan, target));
    const s = applySolution(plan, 'tfr', { baseYear: 2015, targetYear: 2030, value: r.value });
    expect(s.fertility.tfr).toEqual({ 2015: 0.71, 2020: 1.2, 2030: r.value });
    expect(s.mortality).toEqual(plan.mortality);
    expect(s.srb).toEqual(plan.srb);
    expect(Math.abs(totalIn(s, 2030) - r.achieved)).toBeLessThanOrEqual(ACHIEVED_TOLERANCE);
  });

  it('anchors at and after the target year are dropped: a 2025 target keeps 2015 and 2020', () => {
    const target = { year: 2025, population: 2_450_000 };
    const r = reachable(requiredTfr(base, plan, target));
    const s = applySolution(plan, 'tfr', { baseYear: 2015, targetYear: 2025, value: r.value });
    expect(s.fertility.tfr).toEqual({ 2015: 0.71, 2020: 1.2, 2025: r.value });
    expect(Math.abs(totalIn(s, 2025) - r.achieved)).toBeLessThanOrEqual(ACHIEVED_TOLERANCE);
  });

  it('a constant TFR counts as an anchor at the base year', () => {
    const constant = yingkou.scenarios.constant;
    const target = { year: 2030, population: 2_500_000 };
    const r = reachable(requiredTfr(base, constant, target));
    const s = applySolution(constant, 'tfr', { baseYear: 2015, targetYear: 2030, value: r.value });
    expect(s.fertility.tfr).toEqual({ 2015: 0.71, 2030: r.value });
    expect(Math.abs(totalIn(s, 2030) - r.achieved)).toBeLessThanOrEqual(ACHIEVED_TOLERANCE);
  });

  it('one anchoring rule: the compiled result is what requiredTfr projects (withTfrAnchor)', () => {
    const scenarios: Scenario[] = [plan, yingkou.scenarios.constant, { ...plan, fertility: { tfr: { 2010: 1, 2026: 1.4, 2040: 2 }, pattern: 'china-2015' } }];
    for (const sc of scenarios) {
      for (const targetYear of [2020, 2025, 2030, 2045]) {
        const applied = compileScenario(applySolution(sc, 'tfr', { baseYear: 2015, targetYear, value: 1.9 }), 100).tfr;
        const solver = withTfrAnchor(compileScenario(sc, 100), 2015, targetYear, 1.9).tfr;
        expect(applied).toEqual(solver);
      }
    }
    expect(tfrAnchoredAt({ years: [2010, 2026, 2040], values: [1, 1.4, 2] }, 2015, 2030, 1.9)).toEqual({ years: [2010, 2026, 2030], values: [1, 1.4, 1.9] });
    expect(tfrAnchoredAt({ years: [-Infinity], values: [1.5] }, 2015, 2030, 2.4)).toEqual({ years: [2015, 2030], values: [1.5, 2.4] });
  });
});

describe('applySolution: migration', () => {
  it('a scenario without migration: net migration from the base year; projecting it gives the solver’s achieved', () => {
    for (const target of yingkou.targets) {
      const r = reachable(requiredNetMigration(base, plan, target));
      const s = applySolution(plan, 'migration', { baseYear: 2015, targetYear: target.year, value: r.value });
      expect(s.migration).toEqual({ netPerYear: r.value });
      expect(s.fertility).toEqual(plan.fertility);
      expect(Math.abs(totalIn(s, target.year) - r.achieved)).toBeLessThanOrEqual(ACHIEVED_TOLERANCE);
    }
  });

  it('a scenario with a migration path: the path replaced, its profile, female share and timing kept', () => {
    const withPath: Scenario = { ...plan, migration: { netPerYear: { 2015: -3000, 2025: 4000 }, femaleShare: 0.45, timing: 'end' } };
    const target = { year: 2030, population: 2_500_000 };
    const r = reachable(requiredNetMigration(base, withPath, target, { from: 2015 }));
    const s = applySolution(withPath, 'migration', { baseYear: 2015, targetYear: 2030, from: 2015, value: r.value });
    expect(s.migration).toEqual({ netPerYear: r.value, femaleShare: 0.45, timing: 'end' });
    expect(Math.abs(totalIn(s, 2030) - r.achieved)).toBeLessThanOrEqual(ACHIEVED_TOLERANCE);
  });

  it('refuses a constant from a later year than the base: a step no path can state', () => {
    expect(messageOf(() => applySolution(plan, 'migration', { baseYear: 2015, targetYear: 2030, from: 2020, value: 5000 }))).toBe(
      'options.from: expected the base year 2015 (a constant net migration from a later year is a step in the path, which anchors joined by straight lines cannot state), got 2020',
    );
  });
});

describe('applySolution: inputs', () => {
  it('does not change its arguments', () => {
    const sc = deepFreeze(structuredClone({ ...plan, migration: { netPerYear: { 2015: 100, 2030: 200 } } }) as Scenario);
    const o = deepFreeze({ baseYear: 2015, targetYear: 2030, value: 1.5 });
    expect(() => applySolution(sc, 'tfr', o)).not.toThrow();
    expect(() => applySolution(sc, 'migration', o)).not.toThrow();
  });

  it('rejects bad input with its path', () => {
    const o = { baseYear: 2015, targetYear: 2030, value: 1.5 };
    expect(messageOf(() => applySolution(plan, 'fertility' as never, o))).toBe('kind: expected \'tfr\' or \'migration\', got "fertility"');
    expect(messageOf(() => applySolution(plan, 'tfr', { ...o, targetYear: 2015 }))).toBe('options.targetYear: expected a year after the base year 2015, got 2015');
    expect(messageOf(() => applySolution(plan, 'tfr', { ...o, value: -0.1 }))).toBe('options.value: expected a TFR >= 0, got -0.1');
    expect(messageOf(() => applySolution(plan, 'tfr', { ...o, from: 2015 }))).toBe("options.from: expected no from with kind 'tfr' (the TFR solve sets the target year's TFR), got 2015");
    expect(messageOf(() => applySolution(plan, 'migration', { ...o, value: NaN }))).toMatch(/^options\.value: expected a finite number/);
    expect(messageOf(() => applySolution(plan, 'migration', { ...o, baseYear: 2015.5 }))).toBe('options.baseYear: expected an integer year from -9999 to 9999, got 2015.5');
    expect(messageOf(() => applySolution(plan, 'tfr', { ...o, extra: 1 } as never))).toMatch(/^options: expected no unknown keys/);
    expect(messageOf(() => applySolution({ ...plan, fertility: { tfr: -1, pattern: 'china-2015' } }, 'tfr', o))).toMatch(/^fertility\.tfr: /);
  });

  it('refuses a fractional anchor year that an object would list after the target year', () => {
    const odd: Scenario = { ...plan, fertility: { tfr: { 2015: 0.71, 2017.5: 1 }, pattern: 'china-2015' } };
    expect(anchorsOf(odd.fertility.tfr).years).toEqual([2015, 2017.5]); // valid as written …
    expect(messageOf(() => applySolution(odd, 'tfr', { baseYear: 2015, targetYear: 2030, value: 1.5 }))).toMatch(
      /^scenario\.fertility\.tfr: expected whole-number anchor years before the target year 2030/,
    ); // … but { 2015, 2017.5, 2030 } would be listed 2015, 2030, 2017.5
  });
});
