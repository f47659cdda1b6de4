/**
 * Annual projections on single years of age ("width 1": 101 groups 0, 1, …, 99, 100+, one-year
 * steps) against the 5 × 5 path, on Yingkou's estimated 2015 base and the plan's scenario
 * (`ccmpp/yingkou`: TFR 0.71 → 1.2 → 1.8, e0 78.75 → 79.75 → 81, SRB 107, no migration):
 *
 * - `project(yingkou.base2015, plan, { until: 2030, width: 1 })` — graduation of the 5-year base,
 *   15 annual periods with their e0 solves on complete life tables, indicators — against the 5 × 5
 *   `project()` of the same (3 periods); both through the validated public API (the base and the
 *   scenario are the same objects every call, so their validation is remembered, as in
 *   bench/scenario.bench.ts); `projectCompiled` at width 1 (scenario compiled and base graduated
 *   once) for context. Goal: ≤ 8×.
 * - `simulate` of 100,000 annual trajectories (width 1, until 2030) against the 5 × 5 simulation of
 *   100,000 (documented default uncertainty, seed 2015). Seconds a run: timed here outside tinybench
 *   (external cases), after one warm-up run of WARMUP_TRAJECTORIES; median and fastest of
 *   SIM_REPS runs, µs per trajectory. Goal: ≤ 20×.
 * - The annual kernel step, 101 groups × 2 sexes, without migration and with 'even' migration,
 *   against the same step in C (bench/kernelCases.ts, bench/c/kernel.c with n = 1): the generated
 *   JS `step` against C with G = 101 and migration fixed at compile time (loops unrolled), the JS
 *   `loopStep` against the C loop over a group count read at run time. Goal: ≤ 1.5× C. The period
 *   is the first of the annual projection above (2015–16 rates from its complete life tables and
 *   graduated ASFR), on its graduated 2015 base; the migrants, for the case with migration, are the
 *   illustrative city's of bench/inputs.ts spread evenly over single years and years (a 5-year
 *   group's count over 5 years / 25 per single age and year).
 *
 * This file's name sorts after every other bench file: the runner loads and runs them in name
 * order, and width-1 runs make call sites in the package (the kernel's dispatch to its generated
 * step, the life-table loops) see a second grid; running last, they cannot change the figures of
 * the benches before them from what those measured before width 1 existed.
 */
import { parseScenario, project, simulate, type Scenario, type Simulation } from '../src/index.js';
import { yingkou } from '../src/yingkou/index.js';
import type { BenchCase, BenchGroup } from './harness.js';
import { period as cityPeriod } from './inputs.js';
import { kernelCases, type KernelSetup } from './kernelCases.js';
import { compilePeriod, compileScenario, projectCompiled } from './internals.js';

const base = yingkou.base2015;
const plan: Scenario = yingkou.scenarios.plan;
const UNTIL = 2030;
const ANNUAL_PERIODS = UNTIL - base.year;
const five = { until: UNTIL };
const annual = { until: UNTIL, width: 1 as const };

// ---------------------------------------------------------------------------------------------
// project(): width 1 against 5 × 5.

let fiveTotal = NaN;
let annualTotal = NaN;
let compiledTotal = NaN;
const total2030 = (p: ReturnType<typeof project>) => p.indicators.years.at(-1)!.total;

const projectFive: BenchCase = {
  name: 'project() 5×5 — Yingkou plan 2015 → 2030 (3 periods, 6 e0 solves)',
  baseline: true,
  run: () => {
    fiveTotal = total2030(project(base, plan, five));
  },
  check: () => (Number.isFinite(fiveTotal) ? { ok: true, message: `2030 total ${Math.round(fiveTotal).toLocaleString('en-US')}` } : { ok: false, message: 'no total' }),
};

const projectAnnual: BenchCase = {
  name: `project() width 1 — Yingkou plan 2015 → 2030 (graduated base, ${ANNUAL_PERIODS} annual periods with their e0 solves)`,
  goal: '≤ 8× the 5×5',
  run: () => {
    annualTotal = total2030(project(base, plan, annual));
  },
  check: () =>
    Number.isFinite(annualTotal)
      ? { ok: true, message: `2030 total ${Math.round(annualTotal).toLocaleString('en-US')} (5×5: ${Math.round(fiveTotal).toLocaleString('en-US')})` }
      : { ok: false, message: 'no total' },
};

const annualOnce = project(base, plan, annual);
const compiledAnnual = compileScenario(parseScenario(plan), 100, 1);
const graduatedBase = { year: base.year, female: annualOnce.population[0]!.female, male: annualOnce.population[0]!.male };

const projectCompiledAnnual: BenchCase = {
  name: 'projectCompiled width 1 (scenario compiled and base graduated once; e0 solves and steps included)',
  run: () => {
    compiledTotal = projectCompiled(compiledAnnual, graduatedBase, ANNUAL_PERIODS).indicators.years.at(-1)!.total;
  },
  check: () =>
    compiledTotal === annualTotal
      ? { ok: true, message: 'same 2030 total as project() width 1' }
      : { ok: false, message: `2030 total ${compiledTotal} differs from project() width 1's ${annualTotal}` },
};

// ---------------------------------------------------------------------------------------------
// simulate(): 100,000 annual trajectories against 100,000 on 5 × 5.

const TRAJECTORIES = 100_000;
/** One run before the timed ones (JIT, caches), small: the annual run of 100,000 takes seconds. */
const WARMUP_TRAJECTORIES = 10_000;
/** Timed runs of TRAJECTORIES per width (median and fastest). */
const SIM_REPS = 3;
const SEED = 2015;

interface SimTiming {
  ms: number[];
  sim: Simulation;
}

const simTimings = new Map<number, SimTiming>();

function timeSimulate(width: 1 | 5): SimTiming {
  let t = simTimings.get(width);
  if (t) return t;
  simulate(base, plan, {}, { trajectories: WARMUP_TRAJECTORIES, seed: SEED, until: UNTIL, width });
  const ms: number[] = [];
  let sim: Simulation | undefined;
  for (let r = 0; r < SIM_REPS; r++) {
    const t0 = performance.now();
    sim = simulate(base, plan, {}, { trajectories: TRAJECTORIES, seed: SEED, until: UNTIL, width });
    ms.push(performance.now() - t0);
  }
  t = { ms, sim: sim! };
  simTimings.set(width, t);
  return t;
}

function simCase(width: 1 | 5, extra: Partial<BenchCase>): BenchCase {
  return {
    name: `simulate ${width === 1 ? 'width 1 (annual steps, single years)' : '5×5'}, ${TRAJECTORIES.toLocaleString('en-US')} trajectories until ${UNTIL}, 1 core`,
    external: () => {
      const { ms } = timeSimulate(width);
      const sorted = [...ms].sort((a, b) => a - b);
      const perTrajectory = (x: number) => (1000 * x) / TRAJECTORIES;
      return {
        microseconds: perTrajectory(sorted[sorted.length >> 1]!),
        minMicroseconds: perTrajectory(sorted[0]!),
        note: `µs per trajectory; ${SIM_REPS} timed runs in this process after a warm-up run of ${WARMUP_TRAJECTORIES.toLocaleString('en-US')}; runs of ${sorted.map((x) => (x / 1000).toFixed(2)).join(', ')} s`,
      };
    },
    check: () => {
      const t = simTimings.get(width);
      if (!t) return undefined;
      const y = t.sim.years.at(-1)!.total;
      return {
        ok: Number.isFinite(y.mean) && y.quantiles.every(Number.isFinite),
        message: `2030 total median ${Math.round(y.quantiles[2]!).toLocaleString('en-US')} (95 % ${Math.round(y.quantiles[0]!).toLocaleString('en-US')}–${Math.round(y.quantiles[4]!).toLocaleString('en-US')})`,
      };
    },
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// The annual kernel step, 101 × 2, against C.

const p0 = annualOnce.periods[0]!;
const annualPeriod = { survival: p0.survival, asfr: p0.asfr, srb: p0.srb, migrationTiming: 'even' as const };
/** The city's migrants of a 5-year group over 5 years, per single age and year: / 25 (the open group 100+ alone: / 5). */
const singleYearMigrants = (byGroup: ArrayLike<number>) =>
  Array.from({ length: 101 }, (_, age) => (age === 100 ? byGroup[20]! / 5 : byGroup[Math.floor(age / 5)]! / 25));
const netMigrants = { female: singleYearMigrants(cityPeriod.netMigrants!.female), male: singleYearMigrants(cityPeriod.netMigrants!.male) };
const annualBase = { baseF: Float64Array.from(graduatedBase.female), baseM: Float64Array.from(graduatedBase.male) };

const noMigration: KernelSetup = { k: compilePeriod(annualPeriod, 1), ...annualBase };
const withMigration: KernelSetup = { k: compilePeriod({ ...annualPeriod, netMigrants }, 1), ...annualBase };

function kernelGroups(setup: KernelSetup, label: string): BenchGroup[] {
  const c = kernelCases(setup);
  return [
    {
      title: `kernel step 101×2 annual (n = 1), ${label}, unrolled: JS step vs C with G fixed (cc -O2)`,
      cases: [{ ...c.cUnrolled, baseline: true }, { ...c.jsStep, goal: '≤ 1.5× C' }],
    },
    {
      title: `kernel step 101×2 annual (n = 1), ${label}, loop: JS loopStep vs C with G at run time (cc -O2)`,
      cases: [{ ...c.cLoop, baseline: true }, c.jsLoopStep],
    },
  ];
}

export const groups: BenchGroup[] = [
  { title: 'width 1: project() annual vs 5×5 (Yingkou plan 2015 → 2030)', cases: [projectFive, projectAnnual, projectCompiledAnnual] },
  {
    title: 'width 1: simulate annual vs 5×5, 100,000 trajectories (µs per trajectory)',
    cases: [simCase(5, { baseline: true }), simCase(1, { goal: '≤ 20× the 5×5' })],
  },
  ...kernelGroups(noMigration, 'no migration'),
  ...kernelGroups(withMigration, "'even' migration"),
];
