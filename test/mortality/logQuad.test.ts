import { describe, expect, it } from 'vitest';
import coefficients from '../../data/mortality/logquad-coefficients.json';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
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
