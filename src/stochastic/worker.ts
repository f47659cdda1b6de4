/**
 * Worker-thread entry of `simulateParallel` (built by tsup as `dist/stochastic-worker.js`; run from
 * source through tsx). It receives tasks { id, spec, binning, from, to, keep }, runs trajectories
 * [from, to) with an engine built from `spec` (the last one is reused while the spec is the same:
 * engines built from equal specs are interchangeable), and answers { id, accumulator, kept } with
 * its buffers transferred, or { id, error }.
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

function answer(task: WorkerTask): { message: WorkerAnswer; transfer: ArrayBuffer[] } {
  try {
    const engine = engineFor(task.spec);
    const kept = task.keep ? engine.years.map(() => new Float64Array(task.to - task.from)) : undefined;
    const a = engine.run(task.from, task.to, task.binning, kept);
    const transfer = [a.counts, a.under, a.over, a.sumHigh, a.sumLow, a.min, a.max, a.targetCounts, ...(kept ?? [])].map((x) => x.buffer as ArrayBuffer);
    return { message: { id: task.id, accumulator: a, kept: kept ?? null }, transfer };
  } catch (e) {
    const err = e as Error;
    const error = err instanceof InputError ? { name: err.name, message: err.message, issues: err.issues } : { name: err.name, message: err.message };
    return { message: { id: task.id, error }, transfer: [] };
  }
}

parentPort?.on('message', (task: WorkerTask) => {
  const { message, transfer } = answer(task);
  parentPort!.postMessage(message, transfer);
});
