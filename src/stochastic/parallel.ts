import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as z from 'zod/mini';
import type { Population } from '../project/projectCohorts.js';
import type { Scenario } from '../scenario/schema.js';
import { CcmppError, InputError } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, MAX_WORKERS } from '../validate/schemas.js';
import { merge, type Accumulator, type Binning } from './accumulator.js';
import { Engine, type EngineSpec } from './engine.js';
import { prepare, simulateOptionsSchema, summarize, type Simulation, type SimulateOptions } from './simulate.js';
import { objectError, type Uncertainty } from './uncertainty.js';
import type { WorkerAnswer, WorkerTask } from './worker.js';


/** `simulate`'s options (from `ccmpp`) (without `onProgress`: the workers report only when done) and the number of workers. */
export interface SimulateParallelOptions extends Omit<SimulateOptions, 'onProgress'> {
  /** Worker threads; default: the machine's available parallelism. */
  workers?: number;
}

const parallelOptionsSchema = z.strictObject(
  {
    ...simulateOptionsSchema.shape,
    workers: z.optional(
      finite().check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS, { error: `expected an integer from 1 to ${MAX_WORKERS}` })),
    ),
  },
  { error: objectError('expected options { trajectories, seed, until, quantiles?, keep?, openAge?, targets?, mortality?, workers? }') },
);

/**
 * How to start a worker. From the built package: `stochastic-worker.js` next to the bundle. From
 * TypeScript source (tests, benchmarks): a small bootstrap that registers tsx's loader in the new
 * thread and imports `worker.ts` (on Node 20 a loader given by `--import` in a worker's execArgv
 * does not apply to the worker's own entry).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // The ESM build of tsx's API (its CommonJS build cannot register from an eval'd worker).
    const require = createRequire(here);
    const manifest = require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> };
    const tsx = new URL(manifest.exports['./esm/api']!.import.default, pathToFileURL(require.resolve('tsx/package.json'))).href;
    const entry = new URL('./worker.ts', here).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(boot, { eval: true });
  }
  return new Worker(new URL('./stochastic-worker.js', here));
}

/**
 * A worker thread kept between calls (starting one costs tens of milliseconds). Idle workers are
 * unref'd, so they never keep the process alive; a busy one is ref'd until it answers.
 */
class SimulationWorker {
  readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }>();
  dead = false;

  constructor() {
    this.worker = startWorker();
    this.worker.unref();
    this.worker.on('message', (a: WorkerAnswer) => {
      const p = this.pending.get(a.id);
      if (!p) return;
      this.pending.delete(a.id);
      if (this.pending.size === 0) this.worker.unref();
      p.resolve(a);
    });
    const fail = (e: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new CcmppError(`simulation worker stopped (exit code ${code})`)));
  }

  run(task: WorkerTask): Promise<WorkerAnswer> {
    return new Promise((resolve, reject) => {
      this.pending.set(task.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(task);
    });
  }
}

const pool: SimulationWorker[] = [];
let nextTask = 0;

function workers(n: number): SimulationWorker[] {
  for (let i = 0; i < pool.length; i++) if (pool[i]!.dead) pool[i] = new SimulationWorker();
  while (pool.length < n) pool.push(new SimulationWorker());
  return pool.slice(0, n);
}

/** Stops the worker threads kept by {@link simulateParallel} (they are started again when needed). */
export async function closeSimulationWorkers(): Promise<void> {
  const all = pool.splice(0, pool.length);
  await Promise.all(all.map((w) => w.worker.terminate()));
}

let lastMain: { key: string; trajectories: number; engine: Engine; binning: Binning } | null = null;

/**
 * The main thread's engine and pilot binning, reused while the spec and the number of trajectories
 * stay the same (engines built from equal specs are interchangeable; workers reuse theirs likewise),
 * so that repeated calls pay the survival tables and the pilot once.
 */
function mainEngine(spec: EngineSpec, trajectories: number): { engine: Engine; binning: Binning } {
  const key = JSON.stringify(spec);
  if (lastMain?.key !== key || lastMain.trajectories !== trajectories) {
    const engine = lastMain?.key === key ? lastMain.engine : new Engine(spec);
    lastMain = { key, trajectories, engine, binning: engine.pilot(trajectories) };
  }
  return lastMain;
}

function rethrow(error: { name: string; message: string; issues?: InputError['issues'] }): never {
  if (error.issues) throw new InputError(error.issues);
  throw new CcmppError(`simulation worker failed: ${error.message}`);
}

/**
 * `simulate` (from `ccmpp`) on worker threads: the trajectories are split into `workers` contiguous ranges,
 * each run by a worker thread with the same engine, and the statistics merged. Because trajectory i
 * draws from its own stream keyed by (seed, i) and the statistics are exact integer counts and sums,
 * the result equals `simulate`'s for the same seed bit for bit, whatever the number of workers.
 * The main thread validates, projects the scenario deterministically and runs the pilot (the first
 * 1024 trajectories) that fixes the histogram ranges. Worker threads are kept between calls, and the
 * main thread and each worker keep their last engine (survival tables, deterministic projection)
 * while the inputs stay the same.
 *
 * @example
 * const sim = await simulateParallel(base, scenario, {}, { trajectories: 100_000, seed: 1, until: 2030, workers: 2 });
 * sim.probability({ year: 2030, population: 2_600_000 })
 */
export async function simulateParallel(
  base: Population,
  scenario: Scenario,
  uncertainty: Uncertainty,
  options: SimulateParallelOptions,
): Promise<Simulation> {
  const { workers: count, ...o } = parseWith(parallelOptionsSchema, options, 'options');
  const p = prepare(base, scenario, uncertainty, o);
  const { engine, binning } = mainEngine(p.spec, p.trajectories);
  const N = p.trajectories;
  const W = Math.min(count ?? Math.max(1, availableParallelism()), N);
  const bounds = Array.from({ length: W + 1 }, (_, i) => Math.floor((N * i) / W));
  const answers = await Promise.all(
    workers(W).map((w, i) => w.run({ id: nextTask++, spec: p.spec, binning, from: bounds[i]!, to: bounds[i + 1]!, keep: p.keep })),
  );
  let acc: Accumulator | undefined;
  const kept = p.keep ? engine.years.map(() => new Float64Array(N)) : undefined;
  answers.forEach((a, i) => {
    if ('error' in a) rethrow(a.error);
    if (acc) merge(acc, a.accumulator);
    else acc = a.accumulator;
    if (kept && a.kept) kept.forEach((k, y) => k.set(a.kept![y]!, bounds[i]!));
  });
  return summarize(p, engine, acc!, binning, kept);
}
