import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { LOGQUAD_Q5_MAX, LOGQUAD_Q5_MIN, LOGQUAD_ROWS, compileLogQuad, fillLogQuadMx, logQuadMx } from '../../src/mortality/logQuad.js';
import { InputError } from '../../src/validate/errors.js';

// The log-quadratic model row by row (Wilmoth, Zureick, Canudas-Romo, Inoue & Sawyer 2012):
// log m(x) = a(x) + b(x) h + c(x) h² + v(x) k, h = ln 5q0, evaluated here from the published
// coefficients in the data file (read independently of the library), and the derived 1–4 row.

const published = JSON.parse(readFileSync(new URL('../../data/mortality/logquad-coefficients.json', import.meta.url), 'utf8'));

/** exp of a sum of three products: a few ulps. */
const REL = 1e-14;

function expected(sex: 'female' | 'male', q5: number, k: number): number[] {
  const { a, b, c, v } = published[sex] as Record<'a' | 'b' | 'c' | 'v', number[]>;
  const h = Math.log(q5);
  return a.map((_, j) => Math.exp(a[j]! + b[j]! * h + c[j]! * h * h + v[j]! * k));
}

describe('logQuadMx, rows 0 and 5–9 … 110+', () => {
  for (const sex of ['female', 'male'] as const) {
    it(`${sex}: m(x) = exp(a + b h + c h² + v k) at 5q0 = 0.001, 0.03, 0.25 and k = 0, 1, −0.7`, () => {
      for (const q5 of [0.001, 0.03, 0.25]) {
        for (const k of [0, 1, -0.7]) {
          const mx = logQuadMx({ sex, q5, k });
          expect(mx).toHaveLength(LOGQUAD_ROWS);
          const want = expected(sex, q5, k);
          // Model row 0 is age 0; model row j ≥ 1 (5–9 …) is table row j + 1 (row 1 is 1–4).
          expect(Math.abs(mx[0]! / want[0]! - 1), `${sex} q5 ${q5} k ${k} age 0`).toBeLessThan(REL);
          for (let j = 1; j < want.length; j++) expect(Math.abs(mx[j + 1]! / want[j]! - 1), `${sex} q5 ${q5} k ${k} row ${j}`).toBeLessThan(REL);
        }
      }
    });
  }

  it('k moves log m(x) by v(x)·k (and not m0: v(0) = 0)', () => {
    const base = logQuadMx({ sex: 'male', q5: 0.02 });
    const shifted = logQuadMx({ sex: 'male', q5: 0.02, k: 0.8 });
    const v: number[] = published.male.v;
    expect(shifted[0]).toBe(base[0]);
    for (let j = 1; j < v.length; j++) expect(Math.abs(Math.log(shifted[j + 1]! / base[j + 1]!) - 0.8 * v[j]!)).toBeLessThan(1e-13);
  });
});

describe('logQuadMx, the derived 1–4 row', () => {
  for (const a0Rule of ['andreev-kingkade', 'coale-demeny'] as const) {
    it(`${a0Rule}: the life table with the same rule gives (1 − 1q0)(1 − 4q1) = 1 − 5q0`, () => {
      for (const sex of ['female', 'male'] as const) {
        for (const q5 of [LOGQUAD_Q5_MIN, 0.004, 0.05, 0.3, LOGQUAD_Q5_MAX]) {
          const mx = logQuadMx({ sex, q5 }, { a0Rule });
          const lt = lifeTable(mx, { sex, a0Rule });
          const q5Back = 1 - (1 - lt.qx[0]!) * (1 - lt.qx[1]!);
          // 1 − (1 − 1q0)(1 − 4q1) is formed near 1: a few ulps of 1, absolute.
          expect(Math.abs(q5Back - q5), `${sex} ${q5}`).toBeLessThan(1e-15);
        }
      }
    });
  }

  it('the a0 rule matters for 4m1 (so the option is used), not for the other rows', () => {
    const ak = logQuadMx({ sex: 'female', q5: 0.05 });
    const cd = logQuadMx({ sex: 'female', q5: 0.05 }, { a0Rule: 'coale-demeny' });
    expect(ak[0]).toBe(cd[0]);
    expect(ak[5]).toBe(cd[5]);
    expect(Math.abs(ak[1]! - cd[1]!)).toBeGreaterThan(1e-6);
  });

  it('fillLogQuadMx writes the same 24 rates into the caller’s array', () => {
    const out = new Float64Array(LOGQUAD_ROWS).fill(9);
    fillLogQuadMx(compileLogQuad('male', 0.5, 'coale-demeny'), Math.log(0.07), 0.07, out);
    expect(Array.from(out)).toEqual(Array.from(logQuadMx({ sex: 'male', q5: 0.07, k: 0.5 }, { a0Rule: 'coale-demeny' })));
  });
});

describe("the model's domain, 5q0 in [1e-4, 0.9] (MortCast's)", () => {
  it('takes both ends and rejects values beyond them', () => {
    expect(LOGQUAD_Q5_MIN).toBe(1e-4);
    expect(LOGQUAD_Q5_MAX).toBe(0.9);
    expect(() => logQuadMx({ sex: 'female', q5: 1e-4 })).not.toThrow();
    expect(() => logQuadMx({ sex: 'female', q5: 0.9 })).not.toThrow();
    expect(() => logQuadMx({ sex: 'female', q5: 0.99e-4 })).toThrow(InputError);
    expect(() => logQuadMx({ sex: 'female', q5: 0.9001 })).toThrow(InputError);
    expect(() => logQuadMx({ sex: 'female', q5: 0.01 }, { a0Rule: 'brass' as never })).toThrow(InputError);
  });
});
