/**
 * Monte Carlo (issue 5 §3): Yingkou plan 2015 → 2030 on the illustrative 2.4-million city of
 * bench/inputs.ts, documented default uncertainty (TFR log-AR(1) σ 0.048 ρ 0.886, e0 random walk
 * σ 0.886, migration given).
 *
 * - `simulate`, 100,000 trajectories on one core, everything included (validation, deterministic
 *   projection, survival tables, pilot, histograms, summary): µs per trajectory (goal ≤ 5 µs,
 *   i.e. ≤ 0.5 s per 100,000); and the same with an exact e0 solve per draw (mortality: 'exact');
 * - `simulateParallel` with 1 and 2 worker threads, 100,000 and 1,000,000 trajectories (goal: 2
 *   workers ≥ 1.7× faster than 1). Async, so measured in a child process (best of several runs,
 *   after a warm-up run that starts the workers), reported as µs per trajectory;
 * - peak memory (maxRSS) of a child process that runs `simulate` with 1,000,000 trajectories
 *   without `keep` (goal < 200 MB), beside the same process's RSS before the run.
 *
 * The child is this file run again with CCMPP_BENCH_CHILD set (same loader flags as the runner).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { closeSimulationWorkers, simulateParallel } from '../src/stochastic/parallel.js';
import { simulate, type Simulation } from '../src/stochastic/simulate.js';
import type { Scenario } from '../src/scenario/schema.js';
import type { BenchCase, BenchGroup } from './harness.js';
import { base } from './inputs.js';

const plan: Scenario = {
  fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: 1.8 }, pattern: 'china-2015' },
  mortality: { e0: { 2015: 78.75, 2020: 79.75, 2030: 81 } },
  srb: 107,
};
const TRAJECTORIES = 100_000;
const EXACT_TRAJECTORIES = 20_000;
const MEMORY_TRAJECTORIES = 1_000_000;
/** Timed runs per setting in the child (best of); the 1,000,000 runs take seconds each. */
const REPS_100K = 7;
const REPS_1M = 3;
const MEMORY_GOAL_MB = 200;

const options = (trajectories: number) => ({ trajectories, seed: 2015, until: 2030 });

// ---------------------------------------------------------------------------------------------
// Child process: parallel timings or memory, printed as one JSON line.

interface ParallelFigures {
  [key: string]: { ms: number; trajectories: number; workers: number };
}

async function childParallel(): Promise<ParallelFigures> {
  const out: ParallelFigures = {};
  for (const [n, reps] of [
    [TRAJECTORIES, REPS_100K],
    [MEMORY_TRAJECTORIES, REPS_1M],
  ] as const) {
    for (const workers of [1, 2]) {
      await simulateParallel(base, plan, {}, { ...options(n), workers }); // warm-up: threads, engines, JIT
      let best = Infinity;
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        await simulateParallel(base, plan, {}, { ...options(n), workers });
        best = Math.min(best, performance.now() - t0);
      }
      out[`${n}/${workers}`] = { ms: best, trajectories: n, workers };
    }
  }
  await closeSimulationWorkers();
  return out;
}

function childMemory(): { beforeMB: number; peakMB: number; ms: number; heapMB: number } {
  const mb = (bytes: number) => bytes / 2 ** 20;
  const beforeMB = mb(process.memoryUsage().rss);
  const t0 = performance.now();
  const sim = simulate(base, plan, {}, options(MEMORY_TRAJECTORIES));
  const ms = performance.now() - t0;
  if (!(sim.years[3]!.total.mean > 0)) throw new Error('no result');
  return { beforeMB, peakMB: process.resourceUsage().maxRSS / 1024, ms, heapMB: mb(process.memoryUsage().heapUsed) };
}

const child = process.env.CCMPP_BENCH_CHILD;
if (child === 'parallel') console.log(JSON.stringify(await childParallel()));
else if (child === 'memory') console.log(JSON.stringify(childMemory()));

function runChild<T>(kind: string): T {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, CCMPP_BENCH_CHILD: kind },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

// ---------------------------------------------------------------------------------------------
// Cases.

let last: Simulation | undefined;
let lastExact: Simulation | undefined;

const simulate100k: BenchCase = {
  name: `simulate, ${TRAJECTORIES.toLocaleString('en-US')} trajectories, 1 core (tables, pilot, summary included)`,
  opsPerCall: TRAJECTORIES,
  baseline: true,
  goal: '≤ 5 µs (0.5 s / 100,000)',
  run: () => {
    last = simulate(base, plan, {}, options(TRAJECTORIES));
  },
  check: () => {
    if (!last) return { ok: false, message: 'no simulation' };
    const y = last.years[3]!.total;
    const p = last.probability({ year: 2030, population: 2_400_000 });
    return {
      ok: Number.isFinite(y.mean) && y.quantiles.every(Number.isFinite),
      message: `2030 total median ${Math.round(y.quantiles[2]!).toLocaleString('en-US')} (95 % ${Math.round(y.quantiles[0]!).toLocaleString('en-US')}–${Math.round(y.quantiles[4]!).toLocaleString('en-US')}, resolution ${y.resolution.toFixed(1)}); P(≥ 2.4 M) = ${p.p.toFixed(4)}; e0 draws held at the model's bound: ${last.e0OutOfReach}`,
    };
  },
};

const simulateExact: BenchCase = {
  name: `simulate, ${EXACT_TRAJECTORIES.toLocaleString('en-US')} trajectories, mortality: 'exact' (an e0 solve per draw)`,
  opsPerCall: EXACT_TRAJECTORIES,
  run: () => {
    lastExact = simulate(base, plan, {}, { ...options(EXACT_TRAJECTORIES), mortality: 'exact' });
  },
  check: () => {
    if (!lastExact) return { ok: false, message: 'no simulation' };
    return { ok: Number.isFinite(lastExact.years[3]!.total.mean), message: 'the same trajectories as the interpolated path to about 1e-11 (test/stochastic)' };
  },
};

let parallel: ParallelFigures | undefined;
const parallelCase = (trajectories: number, workers: number, extra: Partial<BenchCase> = {}): BenchCase => ({
  name: `simulateParallel, ${trajectories.toLocaleString('en-US')} trajectories, ${workers} worker${workers > 1 ? 's' : ''}`,
  external: () => {
    parallel ??= runChild<ParallelFigures>('parallel');
    const f = parallel[`${trajectories}/${workers}`]!;
    return { microseconds: (1000 * f.ms) / f.trajectories, note: `µs per trajectory; best of ${trajectories === TRAJECTORIES ? REPS_100K : REPS_1M} runs in a child process, ${Math.round(f.ms)} ms a run` };
  },
  ...extra,
});

let memory: ReturnType<typeof childMemory> | undefined;
const memoryCase: BenchCase = {
  name: `simulate, ${MEMORY_TRAJECTORIES.toLocaleString('en-US')} trajectories without keep: peak memory (child process)`,
  goal: `peak RSS < ${MEMORY_GOAL_MB} MB`,
  external: () => {
    memory = runChild<ReturnType<typeof childMemory>>('memory');
    return { microseconds: (1000 * memory.ms) / MEMORY_TRAJECTORIES, note: `µs per trajectory, one run` };
  },
  check: () =>
    memory
      ? {
          ok: memory.peakMB < MEMORY_GOAL_MB,
          message: `peak RSS ${memory.peakMB.toFixed(0)} MB (RSS ${memory.beforeMB.toFixed(0)} MB before the run, loader and modules included; heap after ${memory.heapMB.toFixed(0)} MB)`,
        }
      : { ok: false, message: 'not measured' },
};

export const groups: BenchGroup[] = [
  { title: 'Monte Carlo: simulate (µs per trajectory)', cases: [simulate100k, simulateExact, memoryCase] },
  {
    title: 'Monte Carlo: simulateParallel, 100,000 (µs per trajectory)',
    cases: [parallelCase(TRAJECTORIES, 1, { baseline: true }), parallelCase(TRAJECTORIES, 2, { goal: '≤ 0.59× (≥ 1.7× faster)' })],
  },
  {
    title: 'Monte Carlo: simulateParallel, 1,000,000 (µs per trajectory)',
    cases: [parallelCase(MEMORY_TRAJECTORIES, 1, { baseline: true }), parallelCase(MEMORY_TRAJECTORIES, 2, { goal: '≤ 0.59× (≥ 1.7× faster)' })],
  },
];
