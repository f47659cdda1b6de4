/**
 * `project()` of the Yingkou plan scenario 2015 → 2030 (issue 5: ≤ 20 µs): three 5-year periods,
 * TFR {2015: 0.71, 2020: 1.2, 2030: 1.8} with the 'china-2015' pattern, e0 {2015: 78.75, 2020:
 * 79.75, 2030: 81} (log-quadratic, split by the default sex gap), SRB 107, on the illustrative
 * 2.4-million city of bench/inputs.ts. Cases:
 * - `project()`: the public API (six e0 solves, indicators), called again with the same base and
 *   scenario objects — the validation is remembered for unchanged inputs (ValidationMemo);
 * - `project()` with a new base and scenario object every call (a sweep that builds them): full
 *   zod validation and compilation each time;
 * - `projectCompiled`: the same projection from an already validated and compiled scenario.
 * The check confirms both give the same 2030 total.
 */
import { parseScenario, project, type Scenario } from '../src/index.js';
import type { BenchCase, BenchGroup } from './harness.js';
import { base } from './inputs.js';
import { compileScenario, projectCompiled } from './internals.js';

const plan: Scenario = {
  fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: 1.8 }, pattern: 'china-2015' },
  mortality: { e0: { 2015: 78.75, 2020: 79.75, 2030: 81 } },
  srb: 107,
};
const options = { until: 2030 };
const compiled = compileScenario(parseScenario(plan), 100);
const typedBase = { year: base.year, female: Float64Array.from(base.female), male: Float64Array.from(base.male) };

let publicTotal = NaN;
let compiledTotal = NaN;

const publicApi: BenchCase = {
  name: 'project() — Yingkou plan 2015 → 2030 (validated, 3 periods, 6 e0 solves)',
  baseline: true,
  goal: '≤ 20 µs',
  run: () => {
    publicTotal = project(base, plan, options).indicators.years[3]!.total;
  },
  check: () => (Number.isFinite(publicTotal) ? { ok: true, message: `2030 total ${Math.round(publicTotal).toLocaleString('en-US')}` } : { ok: false, message: 'no total' }),
};

let freshTotal = NaN;
const freshObjects: BenchCase = {
  name: 'project() with new base and scenario objects each call (validated every time)',
  run: () => {
    const b = { year: base.year, female: base.female, male: base.male };
    freshTotal = project(b, { ...plan }, options).indicators.years[3]!.total;
  },
  check: () =>
    freshTotal === publicTotal
      ? { ok: true, message: 'same 2030 total as project()' }
      : { ok: false, message: `2030 total ${freshTotal} differs from project()'s ${publicTotal}` },
};

const unchecked: BenchCase = {
  name: 'projectCompiled (scenario validated and compiled once)',
  run: () => {
    compiledTotal = projectCompiled(compiled, typedBase, 3).indicators.years[3]!.total;
  },
  check: () =>
    compiledTotal === publicTotal
      ? { ok: true, message: 'same 2030 total as project()' }
      : { ok: false, message: `2030 total ${compiledTotal} differs from project()'s ${publicTotal}` },
};

export const groups: BenchGroup[] = [{ title: 'scenario: project()', cases: [publicApi, freshObjects, unchecked] }];
