import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/validate/errors.js';
import { closeSimulationWorkers, simulateParallel } from '../../src/stochastic/parallel.js';
import { PILOT_TRAJECTORIES } from '../../src/stochastic/engine.js';
import { simulate, type Simulation } from '../../src/stochastic/simulate.js';
import { city2015, plan, planWithMigration } from './fixtures.js';

afterAll(closeSimulationWorkers);

/** Everything a simulation reports, for bit-for-bit comparison (numbers serialise exactly). */
function fingerprint(s: Simulation, targets: { year: number; population: number }[]): string {
  return JSON.stringify({
    years: s.years,
    e0OutOfReach: s.e0OutOfReach,
    migrationAtBound: s.migrationAtBound,
    uncertainty: s.uncertainty,
    p: targets.map((t) => s.probability(t)),
    totals: s.totals?.map((t) => Array.from(t)),
  });
}

describe('simulateParallel equals simulate for the same seed, whatever the number of workers', () => {
  const targets = [
    { year: 2030, population: 2_500_000 },
    { year: 2025, population: 2_450_000 },
  ];
  const probe = [...targets, { year: 2030, population: 2_533_333 }];
  const options = { trajectories: 6001, seed: 77, until: 2030, targets: [targets[0]!] };
  const u = { migration: { sigma: 2500 } };
  const single = simulate(city2015, planWithMigration, u, options);
  for (const workers of [1, 2, 3]) {
    it(`${workers} worker(s)`, async () => {
      const parallel = await simulateParallel(city2015, planWithMigration, u, { ...options, workers });
      expect(fingerprint(parallel, probe)).toBe(fingerprint(single, probe));
    });
  }
  it('with keep: the raw totals land in trajectory order', async () => {
    const o = { trajectories: 1001, seed: 5, until: 2030, keep: true };
    const a = simulate(city2015, plan, {}, o);
    const b = await simulateParallel(city2015, plan, {}, { ...o, workers: 2 });
    expect(fingerprint(b, targets)).toBe(fingerprint(a, targets));
  });
  it("mortality 'exact' with a user baseline (solver tables built lazily) agrees too", async () => {
    const mx = [0.008, 0.0004, 0.0003, 0.0002, 0.0003, 0.0004, 0.0005, 0.0006, 0.0008, 0.0012, 0.0017, 0.0027, 0.0046, 0.0086, 0.0156, 0.0289, 0.0491, 0.0827, 0.1332, 0.1929, 0.2695, 0.33];
    const scenario = { ...plan, mortality: { e0: { female: 79, male: 75 }, model: { baseline: { female: mx, male: mx } } } };
    const o = { trajectories: 600, seed: 9, until: 2030, mortality: 'exact' as const };
    const a = simulate(city2015, scenario, {}, o);
    const b = await simulateParallel(city2015, scenario, {}, { ...o, workers: 2 });
    expect(fingerprint(b, targets)).toBe(fingerprint(a, targets));
  });
  it('with migration draws held at the feasible bound: the same count and statistics with 1 and 2 workers', async () => {
    const net0 = { ...plan, migration: { netPerYear: 0 } };
    const huge = { migration: { sigma: 200000 } };
    const o = { trajectories: 3001, seed: 31, until: 2030, keep: true };
    const a = simulate(city2015, net0, huge, o);
    expect(a.migrationAtBound).toBeGreaterThan(0);
    for (const workers of [1, 2]) {
      const b = await simulateParallel(city2015, net0, huge, { ...o, workers });
      expect(b.migrationAtBound).toBe(a.migrationAtBound);
      expect(fingerprint(b, targets)).toBe(fingerprint(a, targets));
    }
    for (const totals of a.totals!) for (const t of totals) expect(t).toBeGreaterThan(0);
  });
  it('an error in a worker comes back as the same InputError simulate throws', async () => {
    // All out-migrants from the 100+ groups at an out-rate the deterministic population supplies,
    // but a trajectory whose e0 draws leave fewer people aged 100+ does not: an InputError naming
    // the trajectory. The first such trajectory f (found with simulate) is past the main thread's
    // pilot; with f + 1 trajectories on 2 workers it is in the second worker's half.
    const onlyOldest = Array.from({ length: 21 }, (_, i) => (i === 20 ? 1 : 0));
    const scenario = { ...plan, migration: { outRate: 5.3e-6, outSchedule: onlyOldest } };
    const u2 = { tfr: { sigma: 0 }, e0: { sigma: 1 } };
    const messageOf = (o: { trajectories: number; seed: number; until: number }) => {
      try {
        simulate(city2015, scenario, u2, o);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      return '';
    };
    const first = /on trajectory (\d+) /.exec(messageOf({ trajectories: 20000, seed: 1, until: 2030 }))?.[1];
    expect(first).toBeDefined();
    const f = Number(first);
    expect(f).toBeGreaterThanOrEqual(PILOT_TRAJECTORIES);
    const o = { trajectories: f + 1, seed: 1, until: 2030 };
    const expected = messageOf(o);
    expect(expected).toMatch(/^migration\.outRate: expected an out-migration the people present can supply in 20\d\d-20\d\d: /);
    expect(expected).toContain(`on trajectory ${f} `);
    const run = simulateParallel(city2015, scenario, u2, { ...o, workers: 2 });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(expected);
    // the worker that failed is replaced or kept: the next call works
    const ok = await simulateParallel(city2015, plan, {}, { trajectories: 100, seed: 1, until: 2030, workers: 2 });
    expect(ok.trajectories).toBe(100);
  });
  it('rejects a bad worker count', async () => {
    await expect(simulateParallel(city2015, plan, {}, { trajectories: 10, seed: 1, until: 2030, workers: 0 })).rejects.toThrow(
      'options.workers: expected an integer from 1 to 256, got 0',
    );
  });
});
