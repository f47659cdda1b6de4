import { describe, expect, it } from 'vitest';
import { emptyLifeTable, type LifeTable } from '../../src/lifetable/compute.js';
import { LOGQUAD_ROWS } from '../../src/mortality/logQuad.js';
import { bracketIndex, buildE0Table, inverseCubic, type E0Curve, type E0Table } from '../../src/mortality/e0Table.js';
import { E0_TOLERANCE, e0Accepted, solveLifeTableForE0, type E0Solve, type E0SolveSpec } from '../../src/mortality/solveE0.js';

// The e0 solver's table and interpolation on synthetic curves whose answers are known in closed
// form, and the solver's efficiency claim (about one life table per target).

/** A curve whose "life table" is only e0 = f(x) (the solver reads out.ex[0] alone). */
function curve(f: (x: number) => number, xMin: number, xMax: number): E0Curve & { calls: number } {
  const c = {
    xMin,
    xMax,
    calls: 0,
    fill(x: number, out: LifeTable) {
      c.calls++;
      out.ex[0] = f(x);
    },
  };
  return c;
}

describe('inverseCubic: x as the cubic through four table entries, as a function of e0', () => {
  // x = g(e) = 2 + 0.5 e − 0.1 e² + 0.01 e³: the cubic through any four entries is g itself.
  const g = (e: number) => 2 + 0.5 * e - 0.1 * e * e + 0.01 * e ** 3;
  const dg = (e: number) => 0.5 - 0.2 * e + 0.03 * e * e;
  const e0 = [9, 7.5, 6, 4, 3, 1.5];
  const table: E0Table = { e0: Float64Array.from(e0), x: Float64Array.from(e0.map(g)) };

  it('is exact for a cubic, with its slope dx/de0, in every interval (first, middle, last)', () => {
    const into = new Float64Array(2);
    for (const [i, target] of [[0, 8.2], [1, 7], [2, 5.1], [3, 3.5], [4, 2]] as const) {
      inverseCubic(table, i, target, into);
      expect(Math.abs(into[0]! - g(target)), `x at ${target}`).toBeLessThan(1e-12);
      expect(Math.abs(into[1]! - dg(target)), `slope at ${target}`).toBeLessThan(1e-12);
    }
  });

  it('with fewer than four entries: linear between the bracket’s ends', () => {
    const small: E0Table = { e0: Float64Array.of(10, 6, 2), x: Float64Array.of(1, 3, 4) };
    const into = new Float64Array(2);
    inverseCubic(small, 0, 7, into);
    expect(into[0]).toBeCloseTo(2.5, 14); // 1 + (7 − 10)·(3 − 1)/(6 − 10)
    expect(into[1]).toBeCloseTo(-0.5, 14);
    inverseCubic(small, 1, 3, into);
    expect(into[0]).toBeCloseTo(3.75, 14);
    expect(into[1]).toBeCloseTo(-0.25, 14);
  });
});

describe('bracketIndex: the interval with e0[i] > target ≥ e0[i + 1]', () => {
  it('finds it by bisection on a decreasing table', () => {
    const table: E0Table = { e0: Float64Array.of(90, 80, 70, 60, 50, 40, 30), x: new Float64Array(7) };
    expect(bracketIndex(table, 85)).toBe(0);
    expect(bracketIndex(table, 80)).toBe(0); // 90 > 80 ≥ 80
    expect(bracketIndex(table, 79.9)).toBe(1);
    expect(bracketIndex(table, 55)).toBe(3);
    expect(bracketIndex(table, 40)).toBe(4); // 50 > 40 ≥ 40
    expect(bracketIndex(table, 31)).toBe(5);
  });
});

describe('buildE0Table on synthetic curves', () => {
  it('a falling curve: every node, x from xMin to xMax, e0 = f(x)', () => {
    const c = curve((x) => 100 - 10 * x, 0, 4);
    const t = buildE0Table(c, 5, emptyLifeTable(3));
    expect(Array.from(t.x)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(t.e0)).toEqual([100, 90, 80, 70, 60]);
  });

  it('an interior maximum is refined by golden-section search and the rising part dropped', () => {
    // e0 = 50 − (x − 1.3)²: the top is at x = 1.3, nearest node 4/3 of 0, 1/3, …, 4 (a bracket of
    // width 2/3, not 1, so that a wrong golden-section step shows).
    const c = curve((x) => 50 - (x - 1.3) ** 2, 0, 4);
    const t = buildE0Table(c, 13, emptyLifeTable(3));
    expect(Math.abs(t.x[0]! - 1.3)).toBeLessThan(1e-7);
    expect(Math.abs(t.e0[0]! - 50)).toBeLessThan(1e-12);
    // Then the nodes after the top's bracket, to the end.
    expect(Array.from(t.x.subarray(1))).toEqual([5, 6, 7, 8, 9, 10, 11, 12].map((i) => (i === 12 ? 4 : (4 * i) / 12)));
    for (let i = 1; i < t.e0.length; i++) expect(t.e0[i]!).toBeLessThan(t.e0[i - 1]!);
  });

  it('an interior minimum is refined and becomes the last entry', () => {
    // e0 = (x − 2.7)² + 10 falls to its bottom at x = 2.7, then rises.
    const c = curve((x) => (x - 2.7) ** 2 + 10, 0, 4);
    const t = buildE0Table(c, 13, emptyLifeTable(3));
    const n = t.x.length;
    expect(Math.abs(t.x[n - 1]! - 2.7)).toBeLessThan(1e-7);
    expect(Math.abs(t.e0[n - 1]! - 10)).toBeLessThan(1e-12);
    // The lowest node is 8/3; its bracket [7/3, 3] is searched, so the nodes kept end at 7/3.
    expect(Array.from(t.x.subarray(0, n - 1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => (4 * i) / 12));
  });

  it('both: a hump and a dip inside the domain', () => {
    // e0 = −sin(x) on [−1, 4.5]: the top at −π/2 is outside; use cos: top at 0 (inside), bottom at π.
    const c = curve((x) => Math.cos(x), -1, 4.5);
    const t = buildE0Table(c, 14, emptyLifeTable(3));
    expect(Math.abs(t.x[0]!)).toBeLessThan(1e-7);
    expect(Math.abs(t.x[t.x.length - 1]! - Math.PI)).toBeLessThan(1e-7);
    expect(t.e0[0]).toBeCloseTo(1, 12);
    expect(t.e0[t.e0.length - 1]).toBeCloseTo(-1, 12);
  });

  it('a curve that rises throughout is an error', () => {
    expect(() => buildE0Table(curve((x) => x, 0, 1), 5, emptyLifeTable(3))).toThrow(/e0 does not fall with the model parameter on \[0, 1\]/);
  });
});

describe('solveLifeTableForE0: about one life table per target (design of the table)', () => {
  const spec = (sex: 'female' | 'male'): E0SolveSpec => ({ sex, model: 'log-quadratic', k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' });

  it('hits targets from 20 to 90 in 1.1 life tables on average and never more than 5, each within 1e-8', () => {
    for (const sex of ['female', 'male'] as const) {
      const out = emptyLifeTable(LOGQUAD_ROWS);
      solveLifeTableForE0(60, spec(sex), out); // builds the table once
      let total = 0;
      let count = 0;
      for (let e0 = 20; e0 <= (sex === 'male' ? 85 : 90); e0 += 0.37) {
        const r = solveLifeTableForE0(e0, spec(sex), out);
        if (r.status !== 'reachable') throw new Error(`${sex} ${e0}: ${JSON.stringify(r)}`);
        expect(Math.abs(r.achieved - e0)).toBeLessThanOrEqual(E0_TOLERANCE);
        expect(out.ex[0]).toBe(r.achieved);
        expect(r.iterations, `${sex} ${e0}`).toBeLessThanOrEqual(5);
        total += r.iterations;
        count++;
      }
      expect(total / count, sex).toBeLessThan(1.1);
    }
  });

  it('beyond the ends: unreachable on the right side, with the bound and its e0', () => {
    const out = emptyLifeTable(LOGQUAD_ROWS);
    const high = solveLifeTableForE0(150, spec('female'), out);
    expect(high).toMatchObject({ status: 'unreachable', side: 'above', bound: 1e-4, inJump: false, iterations: 1 });
    const low = solveLifeTableForE0(1, spec('female'), out);
    expect(low).toMatchObject({ status: 'unreachable', side: 'below', bound: 0.9, inJump: false, iterations: 1 });
    if (low.status === 'unreachable') expect(low.achieved).toBe(out.ex[0]);
  });
});

describe('e0Accepted: reached, or inside a jump by at most 1e-3 years', () => {
  const jump = (achieved: number, inJump = true): E0Solve => ({ status: 'unreachable', side: 'above', bound: 0.05, achieved, iterations: 9, inJump });
  it('takes reachable results and jumps within 1e-3, not others', () => {
    expect(e0Accepted({ status: 'reachable', achieved: 70, iterations: 1, parameter: 0.05 }, 70)).toBe(true);
    expect(e0Accepted(jump(70.0005), 70)).toBe(true);
    expect(e0Accepted(jump(69.9995), 70)).toBe(true);
    expect(e0Accepted(jump(70.002), 70)).toBe(false);
    expect(e0Accepted(jump(69.998), 70)).toBe(false);
    expect(e0Accepted(jump(70, false), 70)).toBe(false);
    // Exactly 1e-3 away is accepted (0.001 − 0 is exact in doubles).
    expect(e0Accepted(jump(0.001), 0)).toBe(true);
  });
});

describe('solveLifeTableForE0 keeps one solver per sex, rules and model', () => {
  const lifeTableE0 = async (mx: ArrayLike<number>, sex: 'female' | 'male', a0Rule: 'andreev-kingkade' | 'coale-demeny', axRule: 'mortpak' | 'midpoint') => {
    const { lifeTable } = await import('../../src/lifetable/lifeTable.js');
    return lifeTable(mx, { sex, a0Rule, axRule }).ex[0]!;
  };

  it('each of the 8 (sex, a0 rule, nax rule) gives a table whose own life table has the target', async () => {
    const out = emptyLifeTable(LOGQUAD_ROWS);
    for (const sex of ['female', 'male'] as const) {
      for (const a0Rule of ['andreev-kingkade', 'coale-demeny'] as const) {
        for (const axRule of ['mortpak', 'midpoint'] as const) {
          const r = solveLifeTableForE0(66.6, { sex, model: 'log-quadratic', k: 0, a0Rule, axRule }, out);
          expect(r.status).toBe('reachable');
          expect(Math.abs((await lifeTableE0(out.mx, sex, a0Rule, axRule)) - 66.6), `${sex} ${a0Rule} ${axRule}`).toBeLessThanOrEqual(E0_TOLERANCE);
        }
      }
    }
  });

  it('user baselines are told apart by their values (no two share a solver), and are copied', async () => {
    // [0.1, 0.12, 0.5] and [0.1, 0.1, 20.5] join to the same characters without a separator.
    const a = Float64Array.of(0.1, 0.12, 0.5);
    const b = Float64Array.of(0.1, 0.1, 20.5);
    const out = emptyLifeTable(3);
    const spec = (baseline: Float64Array): E0SolveSpec => ({ sex: 'female', model: { baseline }, k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' });
    for (const baseline of [a, b]) {
      // A target a little below the baseline's own e0: θ a little above 1.
      const target = (await lifeTableE0(baseline, 'female', 'andreev-kingkade', 'mortpak')) - 0.05;
      const r = solveLifeTableForE0(target, spec(baseline), out);
      if (r.status !== 'reachable') throw new Error(JSON.stringify(r));
      const theta = out.mx[0]! / baseline[0]!;
      for (let i = 0; i < 3; i++) expect(Math.abs(out.mx[i]! / baseline[i]! / theta - 1)).toBeLessThan(1e-12);
      expect(Math.abs(r.parameter - theta) / theta).toBeLessThan(1e-12);
      expect(Math.abs((await lifeTableE0(out.mx, 'female', 'andreev-kingkade', 'mortpak')) - target)).toBeLessThanOrEqual(E0_TOLERANCE);
    }
    // The solver keeps its own copy: changing the caller's array afterwards does not change it.
    const c = Float64Array.of(0.05, 0.01, 0.4);
    const cTarget = (await lifeTableE0(c, 'female', 'andreev-kingkade', 'mortpak')) - 0.05;
    solveLifeTableForE0(cTarget, spec(c), out);
    c[1] = 0.5;
    const again = solveLifeTableForE0(cTarget, spec(Float64Array.of(0.05, 0.01, 0.4)), out);
    if (again.status !== 'reachable') throw new Error(JSON.stringify(again));
    expect(Math.abs(out.mx[1]! / out.mx[0]! - 0.2)).toBeLessThan(1e-12);
  });
});

describe('solveLifeTableForE0: a target inside a jump of e0 (Coale–Demeny at m0 = 0.107)', () => {
  it('comes back unreachable, in the jump, with the nearer side as bound and achieved', async () => {
    const { lifeTable } = await import('../../src/lifetable/lifeTable.js');
    const { logQuadMx } = await import('../../src/mortality/logQuad.js');
    const sex = 'female';
    const m0 = (h: number) => logQuadMx({ sex, q5: Math.exp(h) }, { a0Rule: 'coale-demeny' })[0]!;
    const e0 = (h: number) => lifeTable(logQuadMx({ sex, q5: Math.exp(h) }, { a0Rule: 'coale-demeny' }), { sex, a0Rule: 'coale-demeny' }).ex[0]!;
    // m0 rises with h: bisect for m0 = 0.107, the breakpoint of the Coale–Demeny a0 and 4a1.
    let lo = Math.log(1e-4);
    let hi = Math.log(0.9);
    for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
      const mid = (lo + hi) / 2;
      if (m0(mid) < 0.107) lo = mid;
      else hi = mid;
    }
    const below = e0(lo - 1e-12);
    const above = e0(hi + 1e-12);
    const jump = below - above;
    expect(jump).toBeGreaterThan(1e-6); // the rules' step moves e0 by about 1e-4 years
    const target = (below + above) / 2;
    const out = emptyLifeTable(LOGQUAD_ROWS);
    const r = solveLifeTableForE0(target, { sex, model: 'log-quadratic', k: 0, a0Rule: 'coale-demeny', axRule: 'mortpak' }, out);
    if (r.status !== 'unreachable') throw new Error(`expected unreachable, got ${JSON.stringify(r)}`);
    expect(r.inJump).toBe(true);
    expect(r.side).toBe(target > r.achieved ? 'above' : 'below');
    expect(Math.abs(r.achieved - target)).toBeLessThanOrEqual(jump / 2 + 1e-9);
    expect(Math.abs(Math.log(r.bound) - lo)).toBeLessThan(1e-9);
    expect(out.ex[0]).toBe(r.achieved);
    expect(r.iterations).toBeGreaterThan(1);
    expect(r.iterations).toBeLessThan(400);
    expect(e0Accepted(r, target)).toBe(true); // within 1e-3 years
  });
});
