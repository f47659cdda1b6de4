import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  binningFromPilot,
  countAtLeast,
  emptyAccumulator,
  HISTOGRAM_BINS,
  meanOf,
  merge,
  quantilesOf,
  record,
  type Accumulator,
} from '../../src/stochastic/accumulator.js';

/** Values ≥ 0 (populations), some far outside a pilot's range. */
const values = fc.array(fc.oneof(fc.double({ min: 1e5, max: 1e5 + 1000, noNaN: true }), fc.double({ min: 0, max: 1e9, noNaN: true })), {
  minLength: 1,
  maxLength: 300,
});

function run(xs: readonly number[], pilot: number) {
  const p = xs.slice(0, pilot);
  const b = binningFromPilot(Float64Array.of(Math.min(...p)), Float64Array.of(Math.max(...p)));
  const acc = emptyAccumulator(1, 0);
  const v = new Float64Array(1);
  for (const x of xs) {
    v[0] = x;
    record(acc, b, v);
  }
  return { b, acc };
}

const bytes = (x: ArrayBufferView) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
const same = (a: Accumulator, b: Accumulator) =>
  a.trajectories === b.trajectories && (['counts', 'under', 'over', 'sumHigh', 'sumLow', 'min', 'max'] as const).every((k) => bytes(a[k]).equals(bytes(b[k])));

describe('streaming statistics', () => {
  it('any split, merged in any order, gives the statistics of one pass bit for bit', () => {
    fc.assert(
      fc.property(values, fc.array(fc.nat(), { maxLength: 5 }), (xs, cutsRaw) => {
        const { b, acc: whole } = run(xs, 8);
        const cuts = [...new Set([0, ...cutsRaw.map((c) => c % (xs.length + 1)), xs.length])].sort((x, y) => x - y);
        const parts = cuts.slice(1).map((to, i) => {
          const a = emptyAccumulator(1, 0);
          const v = new Float64Array(1);
          for (const x of xs.slice(cuts[i], to)) {
            v[0] = x;
            record(a, b, v);
          }
          return a;
        });
        const acc = parts.pop()!;
        for (const p of parts.reverse()) merge(acc, p);
        return same(acc, whole);
      }),
    );
  });
  it('every quantile lies within its bound of the exact order statistic; the mean is exact to 1e-9', () => {
    fc.assert(
      fc.property(values, fc.array(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), { minLength: 1, maxLength: 6 }), (xs, levels) => {
        const { b, acc } = run(xs, 5);
        const sorted = [...xs].sort((x, y) => x - y);
        const { values: qs, bounds } = quantilesOf(acc, b, 0, levels);
        levels.forEach((q, i) => {
          const exact = sorted[Math.max(1, Math.ceil(q * xs.length)) - 1]!;
          expect(Math.abs(qs[i]! - exact)).toBeLessThanOrEqual(bounds[i]!);
        });
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        expect(Math.abs(meanOf(acc, b, 0) - mean)).toBeLessThanOrEqual(1e-9 * Math.max(...xs) + 1e-9);
      }),
    );
  });
  it('the count of values ≥ x is bracketed by [low, high], exactly when no value shares x’s bin', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1.1e9, noNaN: true }), (xs, x) => {
        const { b, acc } = run(xs, 5);
        const k = xs.filter((v) => v >= x).length;
        const c = countAtLeast(acc, b, 0, x);
        expect(c.low).toBeLessThanOrEqual(k);
        expect(c.high).toBeGreaterThanOrEqual(k);
        expect(c.estimate).toBeGreaterThanOrEqual(c.low);
        expect(c.estimate).toBeLessThanOrEqual(c.high);
        if (c.low === c.high) expect(c.low).toBe(k);
      }),
    );
  });
  it('memory does not depend on the number of values', () => {
    expect(emptyAccumulator(20, 2).counts.length).toBe(20 * HISTOGRAM_BINS);
    const { acc } = run(Array.from({ length: 5000 }, (_, i) => i), 10);
    expect(acc.counts.length).toBe(HISTOGRAM_BINS);
  });
});
