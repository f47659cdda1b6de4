/**
 * Worker-thread entry of `simulateParallel` (built by tsup as `dist/stochastic-worker.js`; run from
 * source through tsx). It receives tasks { id, spec, binning, from, to, keep }, runs trajectories
 * [from, to) with an engine built from `spec` (the last one is reused while the spec is the same:
 * engines built from equal specs are interchangeable), and answers { id, accumulator, kept }, or
 * { id, error }.
 *
 * The answer is copied (structured clone), never transferred: transferring detaches the worker's
 * ArrayBuffers, and the first detached ArrayBuffer invalidates V8's ArrayBufferDetaching protector
 * for the whole isolate, after which every typed-array access in optimised code pays a detach check
 * — the worker's trajectories then cost a fifth to a third more CPU than `simulate`'s (the bench's
 * "CPU per trajectory" groups measure it; transferring fresh copies costs the same, since any
 * detach does it). Copying the accumulator (about 5 MB of histograms) takes a millisecond or two.
 */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../validate/errors.js';
import type { Accumulator, Binning } from './accumulator.js';
import { Engine, type EngineSpec } from './engine.js';

export interface WorkerTask {
  id: number;
  spec: EngineSpec;
  binning: Binning;
  from: number;
  to: number;
  keep: boolean;
}

export type WorkerAnswer =
  | { id: number; accumulator: Accumulator; kept: Float64Array[] | null }
  | { id: number; error: { name: string; message: string; issues?: InputError['issues'] } };

let last: { key: string; engine: Engine } | null = null;

function engineFor(spec: EngineSpec): Engine {
  const key = JSON.stringify(spec);
  if (last?.key !== key) last = { key, engine: new Engine(spec) };
  return last.engine;
}

function answer(task: WorkerTask): WorkerAnswer {
  try {
    const engine = engineFor(task.spec);
    const kept = task.keep ? engine.years.map(() => new Float64Array(task.to - task.from)) : undefined;
    const accumulator = engine.run(task.from, task.to, task.binning, kept);
    return { id: task.id, accumulator, kept: kept ?? null };
  } catch (e) {
    const err = e as Error;
    const error = err instanceof InputError ? { name: err.name, message: err.message, issues: err.issues } : { name: err.name, message: err.message };
    return { id: task.id, error };
  }
}

// No transfer list: see the note above.
parentPort?.on('message', (task: WorkerTask) => parentPort!.postMessage(answer(task)));
