import { describe, expect, it } from 'vitest';
import coefficients from '../../data/mortality/logquad-coefficients.json';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { mxForE0 } from '../../src/mortality/mxForE0.js';
import { LOGQUAD_Q5_MAX, LOGQUAD_Q5_MIN, LOGQUAD_ROWS, logQuadMx } from '../../src/mortality/logQuad.js';
import { SEXES } from '../../src/types.js';

// Identity tolerances (design.md: ~1e-12 relative). The 1–4 row is derived so that the life table
// of the output gives back 5q0; the round trip goes through a handful of divisions, so its error is
// a few ulps of 1.
const IDENTITY = 1e-12;

/** 5q0 of the life table of `mx` (same a0 rule): 1 − (1 − 1q0)(1 − 4q1). */
function q5Of(mx: Float64Array, sex: 'female' | 'male', a0Rule: 'andreev-kingkade' | 'coale-demeny') {
  const lt = lifeTable(mx, { sex, a0Rule });
  return 1 - (1 - lt.qx[0]!) * (1 - lt.qx[1]!);
}

/** Log-spaced 5q0 over the model's domain. */
const q5Sweep = Array.from({ length: 301 }, (_, i) => LOGQUAD_Q5_MIN * (LOGQUAD_Q5_MAX / LOGQUAD_Q5_MIN) ** (i / 300));

describe('logQuadMx — the Wilmoth et al. (2012) log-quadratic model', () => {
  it('ships the published coefficients: 23 rows per sex (0, 5–9, …, 110+) with a source', () => {
    expect(coefficients.source).toMatch(/Wilmoth.*2012.*Population Studies 66\(1\)/);
    for (const sex of SEXES) {
      const c = coefficients[sex];
      expect(c.ages).toEqual(['0', ...Array.from({ length: 21 }, (_, i) => `${5 * i + 5}-${5 * i + 9}`), '110+']);
      for (const col of [c.a, c.b, c.c, c.v]) expect(col).toHaveLength(23);
    }
    // Spot checks against issue 3's table (first and last rows of each sex).
    expect([coefficients.female.a[0], coefficients.female.b[0], coefficients.female.c[0], coefficients.female.v[0]]).toEqual([-0.66186281, 0.76837546, -0.027652659, 0]);
    expect([coefficients.male.a[22], coefficients.male.b[22], coefficients.male.c[22], coefficients.male.v[22]]).toEqual([-0.22117565, 0.0028079037, -0.0026504159, 0]);
    expect(coefficients.male.b[21]).toBe(6.0300439e-5);
  });

  it('returns 24 rates at ages 0, 1, 5, …, 110+ with log m = a + b h + c h² + v k outside the 1–4 row', () => {
    for (const sex of SEXES) {
      for (const k of [0, -1.3, 0.7]) {
        for (const q5 of [1e-4, 0.004, 0.05, 0.9]) {
          const mx = logQuadMx({ sex, q5, k });
          expect(mx).toBeInstanceOf(Float64Array);
          expect(mx).toHaveLength(LOGQUAD_ROWS);
          const h = Math.log(q5);
          const { a, b, c, v } = coefficients[sex];
          for (let j = 0; j < 23; j++) {
            const row = j === 0 ? 0 : j + 1;
            const expected = a[j]! + b[j]! * h + c[j]! * h * h + v[j]! * k;
            expect(Math.abs(Math.log(mx[row]!) - expected), `${sex} k=${k} q5=${q5} row ${row}`).toBeLessThanOrEqual(IDENTITY);
          }
          expect(mx[1]).toBeGreaterThan(0);
        }
      }
    }
  });

  it('k defaults to 0 and does not touch ages 0 or 1–4 (v(0) = 0)', () => {
    const a = logQuadMx({ sex: 'male', q5: 0.02 });
    const b = logQuadMx({ sex: 'male', q5: 0.02, k: 0 });
    const c = logQuadMx({ sex: 'male', q5: 0.02, k: 1.5 });
    expect(a).toEqual(b);
    expect(c[0]).toBe(a[0]);
    expect(c[1]).toBe(a[1]);
    expect(c[10]).toBeGreaterThan(a[10]!); // v > 0 at adult ages
  });

  it('is consistent: the life table of the output gives back 5q0 from 1q0 and 4q1, over the whole domain', () => {
    let worst = 0;
    for (const sex of SEXES) {
      for (const a0Rule of ['andreev-kingkade', 'coale-demeny'] as const) {
        for (const q5 of q5Sweep) {
          const err = Math.abs(q5Of(logQuadMx({ sex, q5 }, { a0Rule }), sex, a0Rule) - q5);
          worst = Math.max(worst, err);
          expect(err, `${sex} ${a0Rule} q5=${q5}`).toBeLessThanOrEqual(IDENTITY);
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(4 * Number.EPSILON); // measured: 2.2e-16, one ulp of 1
  });

  it('the a0 rule matters: with the other rule the round trip is off', () => {
    const mx = logQuadMx({ sex: 'female', q5: 0.05 }, { a0Rule: 'coale-demeny' });
    expect(Math.abs(q5Of(mx, 'female', 'andreev-kingkade') - 0.05)).toBeGreaterThan(1e-6);
  });
});

describe('logQuadMx against R MortCast 2.8-0 (an independent implementation)', () => {
  // MortCast 2.8-0, `logquad(e0 = 70, sex = "male")` (k = 0): mx at ages 0, 1–4, 5–9, 10–14, 15–19,
  // printed to 5 significant digits. MortCast bisects on 5q0 until its life table's e0 is within 0.01
  // years of the target, so its schedule is the model's at a 5q0 a little off e0 = 70.
  const MORTCAST = [0.016907, 0.00084711, 0.00042299, 0.00039932, 0.0010396];
  /** Half a unit of the 5th significant digit of each printed value. */
  const HALF_UNIT = [5e-7, 5e-9, 5e-9, 5e-9, 5e-8];
  /** MortCast's stopping rule: |e0 − target| ≤ 0.01 years. */
  const MORTCAST_E0_TOLERANCE = 0.01;
  /** An e0 within 0.01 years of 70 moves these rates by up to ~0.25 %; 0.5 % covers it. */
  const E0_SOLVE_RELATIVE = 0.005;

  /** h = ln 5q0 at which the model's m0 is `m0`: the root of a + b h + c h² = ln m0 in the model's domain. */
  function hOfM0(m0: number): number {
    const { a, b, c } = coefficients.male;
    const [A, B, C] = [c[0]!, b[0]!, a[0]! - Math.log(m0)];
    const roots = [1, -1].map((s) => (-B + s * Math.sqrt(B * B - 4 * A * C)) / (2 * A));
    const inDomain = roots.filter((h) => Math.exp(h) >= LOGQUAD_Q5_MIN && Math.exp(h) <= LOGQUAD_Q5_MAX);
    if (inDomain.length !== 1) throw new Error(`expected one root in the model's domain, got ${roots.join(', ')}`);
    return inDomain[0]!;
  }

  // At MortCast's own level (h from its printed m0), the model gives its other four rates. The
  // tolerance is the printed half unit plus what the rounding of m0 (±5e-7) does to h and hence to
  // each rate (central differences). The 1–4 rate also checks the split of 5q0: MortCast splits with
  // the Andreev–Kingkade a0, as logQuadMx does by default.
  const h = hOfM0(MORTCAST[0]!);
  const dh = HALF_UNIT[0]! / MORTCAST[0]! / Math.abs(coefficients.male.b[0]! + 2 * coefficients.male.c[0]! * h);
  const tolerance = (mxAt: (h: number) => Float64Array) => {
    const up = mxAt(h + dh);
    const down = mxAt(h - dh);
    return HALF_UNIT.map((u, i) => u + Math.abs(up[i]! - down[i]!) / 2);
  };

  it('reproduces the printed rates at MortCast’s level of 5q0 within their printed precision', () => {
    const mxAt = (hh: number) => logQuadMx({ sex: 'male', q5: Math.exp(hh) });
    const mx = mxAt(h);
    const tol = tolerance(mxAt);
    // Measured relative errors: 0, 5e-6, 9e-6, 8e-6, −2.7e-5 (5q0 = 0.019983).
    MORTCAST.forEach((m, i) => expect(Math.abs(mx[i]! - m), `row ${i}`).toBeLessThanOrEqual(tol[i]!));
  });

  it('splits 5q0 as MortCast does: with the Coale–Demeny a0 the 1–4 rate is off by 0.2 %', () => {
    const mxAt = (hh: number) => logQuadMx({ sex: 'male', q5: Math.exp(hh) }, { a0Rule: 'coale-demeny' });
    expect(Math.abs(mxAt(h)[1]! - MORTCAST[1]!)).toBeGreaterThan(tolerance(mxAt)[1]! * 10);
  });

  it('MortCast’s schedule is within its 0.01-year stopping rule of e0 = 70 under our life table', () => {
    const e0 = lifeTable(logQuadMx({ sex: 'male', q5: Math.exp(h) }), { sex: 'male' }).ex[0]!;
    expect(Math.abs(e0 - 70)).toBeLessThanOrEqual(MORTCAST_E0_TOLERANCE); // measured 70.0055
  });

  it('mxForE0(70) gives MortCast’s rates within 0.5 % (ours solves e0 to 1e-8 years)', () => {
    const r = mxForE0(70, { sex: 'male' });
    expect(r.status).toBe('reachable');
    if (r.status !== 'reachable') return;
    // Measured: +0.12 %, +0.13 %, +0.11 %, +0.09 %, +0.05 %.
    MORTCAST.forEach((m, i) => expect(Math.abs(r.value[i]! / m - 1), `row ${i}`).toBeLessThanOrEqual(E0_SOLVE_RELATIVE));
  });
});
