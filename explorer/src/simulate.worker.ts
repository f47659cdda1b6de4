/// <reference lib="webworker" />
import { simulate, simulationFan, type FanQuantiles, type Population, type Scenario, type Target } from 'ccmpp';

/**
 * The Monte Carlo off the page's thread: `simulate` with the default uncertainty, its progress
 * posted every few milliseconds of work; the page cancels by terminating the worker. The same
 * seed gives the same answer as `ccmpp simulate … --seed` (the library's engine, unchanged).
 */

/** What the page asks for. */
export interface SimulationRequest {
  base: Population;
  scenario: Scenario;
  target: Target;
  until: number;
  width: 1 | 5;
  trajectories: number;
  seed: number;
}

/** What the worker answers: progress, the result, or the library's error message. */
export type SimulationMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; p: number; lower: number; upper: number; trajectories: number; seed: number; fan: FanQuantiles[] }
  | { type: 'error'; message: string };

const post = (m: SimulationMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<SimulationRequest>) => {
  const r = e.data;
  try {
    const sim = simulate(r.base, r.scenario, {}, {
      trajectories: r.trajectories,
      seed: r.seed,
      until: r.until,
      width: r.width,
      targets: [r.target],
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    });
    const pr = sim.probability(r.target);
    post({ type: 'done', p: pr.p, lower: pr.lower, upper: pr.upper, trajectories: sim.trajectories, seed: sim.seed, fan: simulationFan(sim) });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
