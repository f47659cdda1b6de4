import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loopStep, step } from '../../src/project/kernel.js';
import { compilePeriod } from '../../src/project/periodInputs.js';
import { arbitraries } from '../../src/testing/index.js';

// `step` runs the loop kernel unrolled per grid (generated code); it must give the very same
// numbers as the loop — bit for bit, including the verdict on negative groups.

describe('generated step = loop step', () => {
  it('bit for bit, on any grid, with and without migration', () => {
    const migration = fc.constantFrom('none' as const, 'in' as const, 'any' as const);
    fc.assert(
      fc.property(
        migration.chain((m) => arbitraries.projectionCase({ openAge: { min: 5, max: 130 }, periods: { min: 1, max: 1 }, period: { migration: m } })),
        fc.boolean(),
        ({ base, periods }, oneSided) => {
          const k = compilePeriod(periods[0]!);
          if (oneSided && k.mf) k.mm = null; // migration of one sex only: its own generated variant
          const pf = Float64Array.from(base.female);
          const pm = Float64Array.from(base.male);
          const G = pf.length;
          const [aF, aM, bF, bM] = [0, 1, 2, 3].map(() => new Float64Array(G)) as [Float64Array, Float64Array, Float64Array, Float64Array];
          const ta = new Float64Array(4);
          const tb = new Float64Array(4);
          expect(step(pf, pm, k, aF, aM, ta)).toBe(loopStep(pf, pm, k, bF, bM, tb));
          expect(Array.from(aF)).toStrictEqual(Array.from(bF));
          expect(Array.from(aM)).toStrictEqual(Array.from(bM));
          expect(Array.from(ta)).toStrictEqual(Array.from(tb));
        },
      ),
    );
  });
  it('reports the same negative group (out-migration beyond the population)', () => {
    const k = compilePeriod({
      survival: { female: { birth: 0.99, ratios: [0.99, 0.98] }, male: { birth: 0.99, ratios: [0.99, 0.98] } },
      asfr: [0, 0.05, 0.02],
      srb: 105,
      netMigrants: { female: [0, -500, 0], male: [0, 0, 0] },
    });
    const p = Float64Array.of(100, 100, 100);
    const o = () => new Float64Array(3);
    expect(step(p, p, k, o(), o(), new Float64Array(4))).toBe(false);
    expect(loopStep(p, p, k, o(), o(), new Float64Array(4))).toBe(false);
  });
});
