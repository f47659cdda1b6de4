/**
 * `ccmpp/parallel`: {@link simulateParallel}, the Monte Carlo of `simulate` (in `ccmpp`) on Node
 * worker threads, bit-identical to it for the same seed whatever the number of workers.
 *
 * Node only (`node:worker_threads`); the core `ccmpp` entry runs in any JavaScript runtime and does
 * not load it.
 *
 * @example
 * import { closeSimulationWorkers, simulateParallel } from 'ccmpp/parallel';
 *
 * const sim = await simulateParallel(base, scenario, {}, { trajectories: 100_000, seed: 1, until: 2030, workers: 2 });
 * sim.probability({ year: 2030, population: 2_600_000 });
 * await closeSimulationWorkers(); // optional: idle workers never keep the process alive
 *
 * @module ccmpp/parallel
 */
import { closeSimulationWorkers as closeWorkers } from './stochastic/parallel.js';

export { simulateParallel, type SimulateParallelOptions } from './stochastic/parallel.js';

/**
 * Stops the worker threads that {@link simulateParallel} keeps between calls (starting one costs
 * tens of milliseconds; they are started again when needed). Idle workers never keep the process
 * alive, so calling it is optional: it frees their memory at once.
 *
 * @example
 * await simulateParallel(base, scenario, {}, { trajectories: 100_000, seed: 1, until: 2030 });
 * await closeSimulationWorkers(); // the workers exit; the next simulateParallel starts new ones
 */
export function closeSimulationWorkers(): Promise<void> {
  return closeWorkers();
}
