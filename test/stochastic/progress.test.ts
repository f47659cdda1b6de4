import { describe, expect, it } from 'vitest';
import { PROGRESS_CHUNK, simulate, type Simulation } from '../../src/stochastic/simulate.js';
import type { Uncertainty } from '../../src/stochastic/uncertainty.js';
import { messageOf } from '../inputError.js';
import { city2015, planWithMigration } from './fixtures.js';

// onProgress: a progress display changes nothing. The run is split into chunks recorded into one
// accumulator in trajectory order, so every statistic — quantiles, means, extremes, exact target
// counts, kept totals, e0 draws out of reach — is the same bit for bit as without it.

const u: Uncertainty = { migration: { sigma: 3000 } };
const target = { year: 2030, population: 2_690_000 }; // near the 2030 median: p about 0.5

/** Everything a simulation reports, as exact text (bit for bit: JSON keeps every digit of a double). */
function fingerprint(s: Simulation): string {
  return JSON.stringify({
    years: s.years,
    e0OutOfReach: s.e0OutOfReach,
    migrationAtBound: s.migrationAtBound,
    listed: s.probability(target),
    histogram: s.probability({ year: 2025, population: 2_610_000 }), // answered from the histogram
    totals: s.totals?.map((t) => Array.from(t)),
  });
}

describe('simulate: onProgress', () => {
  it('bit-identical results, with keep and listed targets; called after each chunk, ending at the total', () => {
    const N = 2 * PROGRESS_CHUNK + 345; // a last chunk that is not full
    const options = { trajectories: N, seed: 9, until: 2030, keep: true, targets: [target] };
    const plain = simulate(city2015, planWithMigration, u, options);
    const calls: [number, number][] = [];
    const watched = simulate(city2015, planWithMigration, u, { ...options, onProgress: (done, total) => calls.push([done, total]) });
    expect(fingerprint(watched)).toBe(fingerprint(plain));
    expect(calls).toEqual([
      [PROGRESS_CHUNK, N],
      [2 * PROGRESS_CHUNK, N],
      [N, N],
    ]);
  });

  it('periods held at the migration bound are counted across the chunks as in one run', () => {
    const net0 = { ...planWithMigration, migration: { netPerYear: 0 } };
    const huge: Uncertainty = { migration: { sigma: 200000 } };
    const options = { trajectories: PROGRESS_CHUNK + 345, seed: 2, until: 2030 };
    const plain = simulate(city2015, net0, huge, options);
    expect(plain.migrationAtBound).toBeGreaterThan(0);
    const watched = simulate(city2015, net0, huge, { ...options, onProgress: () => {} });
    expect(fingerprint(watched)).toBe(fingerprint(plain));
  });

  it('fewer trajectories than a chunk: one call', () => {
    const calls: number[] = [];
    const options = { trajectories: 10, seed: 1, until: 2030 };
    const s = simulate(city2015, planWithMigration, u, { ...options, onProgress: (done) => calls.push(done) });
    expect(calls).toEqual([10]);
    expect(fingerprint(s)).toBe(fingerprint(simulate(city2015, planWithMigration, u, options)));
  });

  it('an error thrown by onProgress stops the run and propagates (a way to cancel)', () => {
    let calls = 0;
    const stop = new Error('cancelled');
    expect(() =>
      simulate(city2015, planWithMigration, u, {
        trajectories: 5 * PROGRESS_CHUNK,
        seed: 1,
        until: 2030,
        onProgress: () => {
          calls++;
          throw stop;
        },
      }),
    ).toThrow(stop);
    expect(calls).toBe(1);
  });

  it('must be a function', () => {
    const options = { trajectories: 10, seed: 1, until: 2030 };
    expect(messageOf(() => simulate(city2015, planWithMigration, u, { ...options, onProgress: 5 as never }))).toBe(
      'options.onProgress: expected a function (done, total) => void, got 5',
    );
    expect(messageOf(() => simulate(city2015, planWithMigration, u, { ...options, onProgress: 'bar' as never }))).toBe(
      'options.onProgress: expected a function (done, total) => void, got "bar"',
    );
    // Absent or undefined: no progress, no error; the other options are still checked.
    expect(() => simulate(city2015, planWithMigration, u, { ...options, onProgress: undefined as never })).not.toThrow();
    expect(messageOf(() => simulate(city2015, planWithMigration, u, { ...options, trajectories: 0, onProgress: () => {} }))).toMatch(/^options\.trajectories: /);
  });
});
