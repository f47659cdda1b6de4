import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveFromFeasible } from '../../src/solve/feasible.js';
import { solveMonotone } from '../../src/solve/monotone.js';
import { settle } from '../../src/solve/result.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { CcmppError, InputError } from '../../src/validate/errors.js';
import { yingkou } from '../../src/yingkou/data.js';

// One contract for every solver (issue 11 §3): `reachable` only when what the answer achieves meets
// the target within the stated tolerance; a search that stops short says so (`unconverged`).

describe('solveMonotone: reachable only within the tolerance', () => {
  it('a jump over the target window is unconverged (jump), not reachable', () => {
    const step = (x: number) => (x < 1 ? 0 : 10);
    const r = solveMonotone(step, 5, 0, 2, { tolerance: 1 });
    expect(r.status).toBe('unconverged');
    if (r.status === 'unconverged') {
      expect(r.reason).toBe('jump');
      expect([0, 10]).toContain(r.achieved);
    }
  });

  it('iterations that run out are unconverged (iterations), with the closer end of the bracket', () => {
    const r = solveMonotone((x) => x * x * x, 2, 0, 1e6, { tolerance: 1e-12, maxIterations: 3 });
    expect(r).toMatchObject({ status: 'unconverged', reason: 'iterations', iterations: 3 });
  });

  it('NaN inside the bracket is unconverged (nan)', () => {
    const r = solveMonotone((x) => (x > 0.3 && x < 0.7 ? NaN : x), 0.5, 0, 1, { tolerance: 1e-9 });
    expect(r).toMatchObject({ status: 'unconverged', reason: 'nan' });
  });

  it('property: every reachable answer meets the target within the tolerance, on its far side', () => {
    // Monotone functions with jumps of random size at random places: a + b·x + Σ jumps.
    const fn = fc.record({
      a: fc.double({ min: -10, max: 10, noNaN: true }),
      b: fc.double({ min: 0, max: 5, noNaN: true }),
      jumps: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), size: fc.double({ min: 0, max: 20, noNaN: true }) }), { maxLength: 4 }),
      target: fc.double({ min: -20, max: 40, noNaN: true }),
      tolerance: fc.constantFrom(1e-9, 1e-3, 0.5),
      decreasing: fc.boolean(),
    });
    fc.assert(
      fc.property(fn, ({ a, b, jumps, target, tolerance, decreasing }) => {
        const up = (x: number) => a + b * x + jumps.reduce((s, j) => s + (x >= j.at ? j.size : 0), 0);
        const f = decreasing ? (x: number) => -up(x) : up;
        const t = decreasing ? -target : target;
        const r = solveMonotone(f, t, 0, 1, { tolerance });
        if (r.status === 'reachable') {
          expect(r.achieved).toBe(f(r.value));
          // The far side of the target in the direction f runs (a constant f counts as rising).
          const g = f(1) >= f(0) ? r.achieved - t : t - r.achieved;
          expect(g).toBeGreaterThanOrEqual(0);
          expect(g).toBeLessThanOrEqual(tolerance);
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('solveFromFeasible: the bracket grows in the problem’s own scale, not the bounds’', () => {
  it('a smooth rising total over bounds of ±1e300 is solved in a few steps, to the tolerance', () => {
    let calls = 0;
    const total = (x: number) => {
      calls++;
      return 2_414_184 + 15.2 * x + 2e-5 * x * Math.abs(x); // rising, and curved like a total against net migration
    };
    const r = solveFromFeasible(total, () => 0, 2_600_000, 0, -1e300, 1e300, 1, 2_443_000);
    expect(r).toMatchObject({ status: 'reachable' });
    if (r?.status === 'reachable') {
      expect(r.achieved - 2_600_000).toBeGreaterThanOrEqual(0);
      expect(r.achieved - 2_600_000).toBeLessThanOrEqual(1);
    }
    expect(calls).toBeLessThan(10);
  });
});

describe('the target solvers converge however wide the bounds', () => {
  const base = yingkou.base2015;
  const plan = yingkou.scenarios.plan;
  const target = { year: 2030, population: 2_600_000 };

  // The widest bounds the options allow: net migration ±1e10 a year, TFR 0 to 15 (beyond them an
  // InputError names options.bounds); before the fix [0, 1e65] took 174 iterations and ±1e300 gave
  // "reachable" at 1.2e231 a year.
  it('requiredNetMigration: bounds of [0, 1e10] and ±1e10 give the answer of the default bounds', () => {
    const own = requiredNetMigration(base, plan, target);
    expect(own.status).toBe('reachable');
    for (const bounds of [[0, 1e10], [-1e10, 1e10]] as [number, number][]) {
      const r = requiredNetMigration(base, plan, target, { bounds });
      expect(r.status).toBe('reachable');
      if (r.status === 'reachable' && own.status === 'reachable') {
        expect(r.value).toBeCloseTo(own.value, 3);
        expect(r.achieved - target.population).toBeGreaterThanOrEqual(0);
        expect(r.achieved - target.population).toBeLessThanOrEqual(1);
      }
    }
  });

  it('requiredTfr: bounds of [0, 15] give the answer of the default bounds', () => {
    const own = requiredTfr(base, plan, target);
    expect(own.status).toBe('reachable');
    for (const bounds of [[0, 15]] as [number, number][]) {
      const r = requiredTfr(base, plan, target, { bounds });
      expect(r.status).toBe('reachable');
      if (r.status === 'reachable' && own.status === 'reachable') expect(r.value).toBeCloseTo(own.value, 6);
    }
  });

  it('a target below what the least migration gives is unreachable at that bound', () => {
    const r = requiredNetMigration(base, plan, { year: 2030, population: 1_200_000 }, { bounds: [0, 1e10] });
    expect(r).toMatchObject({ status: 'unreachable', side: 'below', bound: 0 });
  });
});

describe('bounds beyond the limits are an InputError naming them', () => {
  it('net migration 1e65 and TFR 1e70', () => {
    const base = yingkou.base2015;
    const plan = yingkou.scenarios.plan;
    const target = { year: 2030, population: 2_600_000 };
    expect(() => requiredNetMigration(base, plan, target, { bounds: [0, 1e65] })).toThrow(InputError);
    expect(() => requiredNetMigration(base, plan, target, { bounds: [0, 1e65] })).toThrow(/^options\.bounds\[1\]/);
    expect(() => requiredTfr(base, plan, target, { bounds: [0, 1e70] })).toThrow(/^options\.bounds\[1\]/);
  });
});

describe('settle: reports never print an unconverged search as an answer', () => {
  it('passes reachable and unreachable through and throws a CcmppError naming the solve otherwise', () => {
    const ok = { status: 'reachable', value: 1, achieved: 2, iterations: 3 } as const;
    expect(settle(ok, 'x')).toBe(ok);
    expect(() => settle({ status: 'unconverged', reason: 'iterations', value: 1, achieved: 2, iterations: 200 }, 'the 2030 TFR')).toThrow(CcmppError);
    expect(() => settle({ status: 'unconverged', reason: 'jump', value: 1, achieved: 2, iterations: 9 }, 'the 2030 TFR')).toThrow(/the 2030 TFR: the search stopped/);
  });
});
