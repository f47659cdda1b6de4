import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { CHINA_2015_MX } from '../../src/mortality/baselines.js';
import { LOGQUAD_Q5_MAX, LOGQUAD_Q5_MIN, logQuadMx } from '../../src/mortality/logQuad.js';
import { mxForE0 } from '../../src/mortality/mxForE0.js';
import { E0_TOLERANCE } from '../../src/mortality/solveE0.js';
import { bothSexE0, splitE0 } from '../../src/mortality/sexSplit.js';
import type { SolveResult } from '../../src/solve/result.js';
import type { Sex } from '../../src/types.js';

// Invariants of the mortality layer. Seed and run count are fixed in test/setup.ts.

const sex = fc.constantFrom<Sex>('female', 'male');
const ln = Math.log;
/** 5q0 log-uniform over the model's domain. */
const q5 = fc.double({ min: ln(LOGQUAD_Q5_MIN), max: ln(LOGQUAD_Q5_MAX), noNaN: true }).map(Math.exp);
const e0Of = (mx: ArrayLike<number>, s: Sex) => lifeTable(mx, { sex: s }).ex[0]!;
const valueOf = (r: SolveResult<Float64Array>) => {
  if (r.status !== 'reachable') throw new Error(`expected reachable, got ${JSON.stringify(r)}`);
  return r.value;
};
/** A fixed population, China-like in shape: persons by abridged row (0, 1–4, 5–9, …, 100+). */
const population = Array.from({ length: 22 }, (_, i) => (i === 0 ? 1 : i === 1 ? 4 : 5) * 1000 * Math.exp(-0.015 * Math.max(0, 5 * (i - 1))));
/** Deaths in the fixed population: Σ P(x) m(x) over its rows. */
const deaths = (mx: ArrayLike<number>) => population.reduce((s, p, i) => s + p * mx[i]!, 0);
/** Life-table deaths before age 5 per birth: 5q0. */
const q5Of = (mx: ArrayLike<number>, s: Sex) => {
  const lt = lifeTable(mx, { sex: s });
  return 1 - (1 - lt.qx[0]!) * (1 - lt.qx[1]!);
};

describe('mortality properties', () => {
  it('log-quadratic: e0 rises as 5q0 falls, within the domain (k = 0)', () => {
    fc.assert(
      fc.property(sex, q5, q5, (s, a, b) => {
        fc.pre(Math.abs(a - b) > 1e-9 * Math.max(a, b));
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(e0Of(logQuadMx({ sex: s, q5: lo }), s)).toBeGreaterThan(e0Of(logQuadMx({ sex: s, q5: hi }), s));
      }),
    );
  });

  it('log-quadratic: every target inside the reachable range is hit within 1e-8, for any k in [-2, 2] and rules', () => {
    fc.assert(
      fc.property(
        sex,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom('andreev-kingkade', 'coale-demeny' as const),
        fc.constantFrom('mortpak', 'midpoint' as const),
        (s, u, k, a0Rule, axRule) => {
          const rules = { sex: s, a0Rule, axRule };
          const endE0 = (q: number) => lifeTable(logQuadMx({ sex: s, q5: q, k }, { a0Rule }), rules).ex[0]!;
          const top = endE0(LOGQUAD_Q5_MIN);
          const bottom = endE0(LOGQUAD_Q5_MAX);
          const target = bottom + u * (top - bottom);
          const r = mxForE0(target, { sex: s, k, a0Rule, axRule });
          // Inside the range only a jump of the a0 rule (≤ ~1.4e-4 years wide) can stop the solver.
          if (r.status === 'unreachable') {
            expect(Math.abs(r.achieved - target)).toBeLessThan(2e-4);
            return;
          }
          expect(Math.abs(lifeTable(r.value, rules).ex[0]! - target)).toBeLessThanOrEqual(E0_TOLERANCE);
        },
      ),
    );
  });

  it('log-quadratic: a higher e0 target gives a lower 5q0 (fewer deaths before 5 per birth)', () => {
    fc.assert(
      fc.property(sex, fc.double({ min: 20, max: 84, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (s, t, d) => {
        const lower = valueOf(mxForE0(t, { sex: s }));
        const higher = valueOf(mxForE0(t + d, { sex: s }));
        expect(q5Of(higher, s)).toBeLessThan(q5Of(lower, s));
      }),
    );
  });

  it('proportional hazards: a higher e0 target gives lower mx at every age, and fewer deaths in a fixed population', () => {
    fc.assert(
      fc.property(sex, fc.double({ min: 52, max: 97, noNaN: true }), fc.double({ min: 0.001, max: 10, noNaN: true }), (s, t, d) => {
        // Reachable on China 2015 with θ ∈ [0.1, 10]: 51.4–116.5 (female), 45.3–107.6 (male).
        const model = { baseline: 'china-2015' as const };
        const lower = valueOf(mxForE0(t, { sex: s, model }));
        const higher = valueOf(mxForE0(t + d, { sex: s, model }));
        higher.forEach((m, i) => expect(m, `age row ${i}`).toBeLessThan(lower[i]!));
        expect(deaths(higher)).toBeLessThan(deaths(lower));
      }),
    );
  });

  it('proportional hazards: the answer is the baseline times one θ, and hits the target within 1e-8', () => {
    fc.assert(
      fc.property(sex, fc.double({ min: 52, max: 107, noNaN: true }), (s, t) => {
        const mx = valueOf(mxForE0(t, { sex: s, model: { baseline: 'china-2015' } }));
        const theta = mx[5]! / CHINA_2015_MX[s][5]!;
        mx.forEach((m, i) => expect(Math.abs(m / CHINA_2015_MX[s][i]! / theta - 1)).toBeLessThan(1e-13));
        expect(Math.abs(e0Of(mx, s) - t)).toBeLessThanOrEqual(E0_TOLERANCE);
      }),
    );
  });

  it('splitE0 and bothSexE0 are inverse to each other, and the split keeps the gap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 100, noNaN: true }),
        fc.double({ min: -5, max: 10, noNaN: true }),
        fc.double({ min: 90, max: 130, noNaN: true }),
        (e0, gap, srb) => {
          const split = splitE0(e0, { gap, srb });
          expect(Math.abs(split.female - split.male - gap)).toBeLessThanOrEqual(1e-12 * e0);
          expect(Math.abs(bothSexE0(split, srb) - e0)).toBeLessThanOrEqual(1e-12 * e0);
        },
      ),
    );
  });
});
