/**
 * The target solvers against one `project()` of the same problem (issue 10 goals, as ratios in one
 * run): `requiredNetMigration` ≤ 6×, `requiredTfr` ≤ 4×, a 19-point `feasibilityFrontier` ≤ 60×.
 * Survival depends on neither migration nor fertility, so each solve computes it once (the e0
 * solves of one projection) and then runs only the kernel steps per trial. Problem: the Yingkou plan
 * scenario on the illustrative 2.4-million city of bench/inputs.ts, target 2.6 million in 2030, and a
 * shrinking case (the 2020 census-like target 2,328,582, reached with net out-migration, whose
 * out-migrants leave by rates on the people present).
 */
import { feasibilityFrontier, project, requiredNetMigration, requiredTfr, type Scenario } from '../src/index.js';
import type { BenchCase, BenchGroup } from './harness.js';
import { base } from './inputs.js';

const plan: Scenario = {
  fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: 1.8 }, pattern: 'china-2015' },
  mortality: { e0: { 2015: 78.75, 2020: 79.75, 2030: 81 } },
  srb: 107,
};
const target = { year: 2030, population: 2_600_000 };
const shrinking = { year: 2020, population: 2_328_582 };
const frontierTfr = Array.from({ length: 19 }, (_, i) => 1.2 + 0.1 * i);

let status = '';
const reached = (r: { status: string }) => {
  status = r.status;
};
const checkReached = () => (status === 'reachable' ? { ok: true, message: 'reachable' } : { ok: false, message: `status ${status}` });

const cases: BenchCase[] = [
  {
    name: 'project() — Yingkou plan 2015 → 2030 (3 periods, 6 e0 solves)',
    baseline: true,
    run: () => {
      project(base, plan, { until: 2030 });
    },
  },
  {
    name: 'requiredNetMigration — 2.6 million in 2030',
    goal: '≤ 6×',
    run: () => reached(requiredNetMigration(base, plan, target)),
    check: checkReached,
  },
  {
    name: 'requiredNetMigration — census-like 2020 target (net out-migration, out-flow by rates)',
    goal: '≤ 6×',
    run: () => reached(requiredNetMigration(base, plan, shrinking)),
    check: checkReached,
  },
  {
    name: 'requiredTfr — 2.6 million in 2030',
    goal: '≤ 4×',
    run: () => reached(requiredTfr(base, plan, target)),
    check: checkReached,
  },
  {
    name: 'feasibilityFrontier — 19 TFR points, 1.2 … 3.0',
    goal: '≤ 60×',
    run: () => {
      const f = feasibilityFrontier(base, plan, target, { tfr: frontierTfr });
      status = f.every((p) => p.netPerYear.status === 'reachable') ? 'reachable' : 'some unreachable';
    },
    check: checkReached,
  },
];

export const groups: BenchGroup[] = [{ title: 'targets: solvers against one project()', cases }];
