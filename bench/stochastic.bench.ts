/**
 * Monte Carlo (issue 5 §3): Yingkou plan 2015 → 2030 on the illustrative 2.4-million city of
 * bench/inputs.ts, documented default uncertainty (TFR log-AR(1) σ 0.048 ρ 0.886, e0 random walk
 * σ 0.886, migration given). All through the public API of the built package.
 *
 * - `simulate`, 100,000 trajectories on one core, everything included (validation, deterministic
 *   projection, survival tables, pilot, histograms, summary): µs per trajectory (goal ≤ 5 µs,
 *   i.e. ≤ 0.5 s per 100,000); and the same with an exact e0 solve per draw (mortality: 'exact');
 * - `simulateParallel` with 1 and 2 worker threads, 100,000 and 1,000,000 trajectories (goal: 2
 *   workers ≥ 1.7× faster than 1). Async, so measured in a child process (best of several runs,
 *   after a warm-up run that starts the workers), reported as µs per trajectory;
 * - CPU per trajectory, in the same child: `simulate`'s thread against each worker thread of
 *   `simulateParallel` (per-thread CPU time from /proc/self/task, Linux only, see threadCpu; `simulate`'s figure
 *   includes its pilot and summary, which `simulateParallel` runs on the main thread, so a worker
 *   with no overhead of its own comes out a little below it). The child runs with V8's
 *   --trace-protector-invalidation: a worker that detaches an ArrayBuffer (e.g. by transferring
 *   its results) invalidates its isolate's ArrayBufferDetaching protector, after which every
 *   typed-array access in its optimised code pays a detach check (issue 12: 18–23 % more CPU per
 *   trajectory); the check reports any such invalidation;
 * - peak memory (maxRSS) of a child process that runs `simulate` with 1,000,000 trajectories
 *   without `keep` (goal < 200 MB), beside the same process's RSS before the run.
 *
 * The child is this file run again with CCMPP_BENCH_CHILD set.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulate, type Scenario, type Simulation } from '../src/index.js';
import { closeSimulationWorkers, simulateParallel } from '../src/parallel.js';
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
const SIZES = [
  [TRAJECTORIES, REPS_100K],
  [MEMORY_TRAJECTORIES, REPS_1M],
] as const;

const options = (trajectories: number) => ({ trajectories, seed: 2015, until: 2030 });

// ---------------------------------------------------------------------------------------------
// Child process: parallel timings, CPU per thread, or memory, printed as one JSON line.

/**
 * CPU time (µs) of each thread of this process, by thread id, from /proc/self/task: the scheduler's
 * se.sum_exec_runtime (ms, to the nanosecond) where the kernel shows it, else utime + stime (in
 * USER_HZ ticks, 100 a second: 10 ms steps); undefined where /proc is missing (not Linux).
 */
function threadCpu(): Map<string, number> | undefined {
  try {
    const m = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      m.set(tid, schedRuntime(tid) ?? statTicks(tid));
    }
    return m;
  } catch {
    return undefined;
  }
}

function schedRuntime(tid: string): number | undefined {
  try {
    const line = /se\.sum_exec_runtime\s*:\s*([\d.]+)/.exec(readFileSync(`/proc/self/task/${tid}/sched`, 'utf8'));
    return line ? Number(line[1]) * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function statTicks(tid: string): number {
  // Fields after "(comm) ": state is field 3, utime 14 and stime 15.
  const f = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 1e4;
}

interface Run {
  ms: number;
  /** CPU µs per trajectory of the main thread, and of each worker thread (busiest first) per trajectory it ran. */
  mainCpu?: number;
  workerCpu?: number[];
}

interface ChildFigures {
  /** Timed runs by `${trajectories}/${workers}`; workers 0: `simulate` on the main thread. */
  runs: { [key: string]: Run[] };
  procThreads: boolean;
  /** The per-thread clock: the scheduler's runtime (ns) or utime + stime ticks (10 ms). */
  clock: 'sched' | 'ticks' | 'none';
}

async function timed(n: number, workers: number): Promise<Run> {
  const before = threadCpu();
  const t0 = performance.now();
  if (workers === 0) simulate(base, plan, {}, options(n));
  else await simulateParallel(base, plan, {}, { ...options(n), workers });
  const ms = performance.now() - t0;
  const after = threadCpu();
  if (!before || !after) return { ms };
  const main = String(process.pid);
  const delta = [...after].map(([tid, us]) => [tid, us - (before.get(tid) ?? 0)] as const);
  const mainCpu = delta.find(([tid]) => tid === main)![1] / n;
  if (workers === 0) return { ms, mainCpu };
  // The worker threads: the W busiest threads besides the main one (V8's GC helpers do far less).
  const workerCpu = delta
    .filter(([tid]) => tid !== main)
    .map(([, us]) => us)
    .sort((a, b) => b - a)
    .slice(0, workers)
    .map((us) => us / (n / workers));
  return { ms, mainCpu, workerCpu };
}

async function childParallel(): Promise<ChildFigures> {
  const clock = threadCpu() === undefined ? 'none' : schedRuntime(String(process.pid)) === undefined ? 'ticks' : 'sched';
  const out: ChildFigures = { runs: {}, procThreads: clock !== 'none', clock };
  for (const [n, reps] of SIZES) {
    for (const workers of [0, 1, 2]) {
      await timed(n, workers); // warm-up: threads, engines, JIT
      const runs: Run[] = [];
      for (let r = 0; r < reps; r++) runs.push(await timed(n, workers));
      out.runs[`${n}/${workers}`] = runs;
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

const child = process.env['CCMPP_BENCH_CHILD'];
if (child === 'parallel') console.log(JSON.stringify(await childParallel()));
else if (child === 'memory') console.log(JSON.stringify(childMemory()));

/** Runs this file as a child; returns its last line (JSON) and the lines before it (V8 traces). */
function runChild<T>(kind: string, v8Flags: string[] = []): { result: T; log: string[] } {
  const out = execFileSync(process.execPath, [...process.execArgv, ...v8Flags, fileURLToPath(import.meta.url)], {
    env: { ...process.env, CCMPP_BENCH_CHILD: kind },
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const lines = out.trim().split('\n');
  return { result: JSON.parse(lines.at(-1)!) as T, log: lines.slice(0, -1) };
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

let parallel: { result: ChildFigures; log: string[] } | undefined;
/** The parallel child, run once per bench run (the V8 flag traces protector invalidations). */
const parallelChild = () => (parallel ??= runChild<ChildFigures>('parallel', ['--trace-protector-invalidation']));
const runsOf = (trajectories: number, workers: number) => parallelChild().result.runs[`${trajectories}/${workers}`]!;

/** Median and fastest of some figures. */
function spread(xs: number[]): { microseconds: number; minMicroseconds: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return { microseconds: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2, minMicroseconds: sorted[0]! };
}

const parallelCase = (trajectories: number, workers: number, extra: Partial<BenchCase> = {}): BenchCase => ({
  name: `simulateParallel, ${trajectories.toLocaleString('en-US')} trajectories, ${workers} worker${workers > 1 ? 's' : ''}`,
  external: () => {
    const runs = runsOf(trajectories, workers);
    const s = spread(runs.map((r) => (1000 * r.ms) / trajectories));
    return { ...s, note: `µs per trajectory; ${runs.length} runs in a child process, ${Math.round((s.microseconds * trajectories) / 1000)} ms a run (median)` };
  },
  ...extra,
});

/** Protector invalidations the parallel child traced (main thread and workers). */
function protectorCheck(): { ok: boolean; message: string } {
  const hits = parallelChild().log.filter((l) => l.includes('Invalidating protector cell ArrayBufferDetaching')).length;
  return hits === 0
    ? { ok: true, message: 'ArrayBufferDetaching protector intact in every thread of the child (--trace-protector-invalidation)' }
    : { ok: false, message: `${hits} thread(s) of the child invalidated the ArrayBufferDetaching protector (an ArrayBuffer was detached, e.g. transferred): their typed-array code runs slower` };
}

const cpuSkip = () => (parallelChild().result.procThreads ? undefined : { skipped: 'per-thread CPU time needs Linux /proc/self/task' });

const simulateCpu = (trajectories: number): BenchCase => ({
  name: `simulate: its thread's CPU per trajectory (pilot and summary included)`,
  baseline: true,
  external: () => {
    const runs = runsOf(trajectories, 0);
    const clock = parallelChild().result.clock === 'sched' ? 'scheduler runtime' : 'utime + stime, 10 ms ticks';
    return cpuSkip() ?? { ...spread(runs.map((r) => r.mainCpu!)), note: `CPU µs per trajectory (${clock}), ${runs.length} runs in the parallel child` };
  },
  check: protectorCheck,
});

const workerCpu = (trajectories: number, workers: number, index: number): BenchCase => ({
  name: `simulateParallel, ${workers} worker${workers > 1 ? 's' : ''}: ${workers > 1 ? `the ${index === 0 ? 'busier' : 'other'} worker` : 'the worker'}'s CPU per trajectory it ran`,
  external: () => {
    const skip = cpuSkip();
    if (skip) return skip;
    const runs = runsOf(trajectories, workers);
    const main = spread(runs.map((r) => r.mainCpu!)).microseconds;
    return {
      ...spread(runs.map((r) => r.workerCpu![index]!)),
      note: `CPU µs per trajectory, ${runs.length} runs; the main thread meanwhile ${main.toFixed(3)} µs per trajectory (median)`,
    };
  },
});

let memory: ReturnType<typeof childMemory> | undefined;
const memoryCase: BenchCase = {
  name: `simulate, ${MEMORY_TRAJECTORIES.toLocaleString('en-US')} trajectories without keep: peak memory (child process)`,
  goal: `peak RSS < ${MEMORY_GOAL_MB} MB`,
  external: () => {
    memory = runChild<ReturnType<typeof childMemory>>('memory').result;
    return { microseconds: (1000 * memory.ms) / MEMORY_TRAJECTORIES, note: `µs per trajectory, one run` };
  },
  check: () =>
    memory
      ? {
          ok: memory.peakMB < MEMORY_GOAL_MB,
          message: `peak RSS ${memory.peakMB.toFixed(0)} MB (RSS ${memory.beforeMB.toFixed(0)} MB before the run, modules included; heap after ${memory.heapMB.toFixed(0)} MB)`,
        }
      : { ok: false, message: 'not measured' },
};

const sizes = SIZES.map(([n]) => n);
const label = (n: number) => n.toLocaleString('en-US');

export const groups: BenchGroup[] = [
  { title: 'Monte Carlo: simulate (µs per trajectory)', cases: [simulate100k, simulateExact, memoryCase] },
  ...sizes.map((n) => ({
    title: `Monte Carlo: simulateParallel, ${label(n)} (µs per trajectory)`,
    cases: [parallelCase(n, 1, { baseline: true }), parallelCase(n, 2, { goal: '≤ 0.59× (≥ 1.7× faster)' })],
  })),
  ...sizes.map((n) => ({
    title: `Monte Carlo: CPU per trajectory, simulate vs each worker, ${label(n)} (child process)`,
    cases: [simulateCpu(n), workerCpu(n, 1, 0), workerCpu(n, 2, 0), workerCpu(n, 2, 1)],
  })),
];
