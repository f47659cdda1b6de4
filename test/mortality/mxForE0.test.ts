import { describe, expect, it } from 'vitest';
import { emptyLifeTable } from '../../src/lifetable/compute.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { fillSurvivalRatios, survivalRatios } from '../../src/lifetable/survival.js';
import { CHINA_2015_MX } from '../../src/mortality/baselines.js';
import { LOGQUAD_Q5_MAX, LOGQUAD_Q5_MIN, LOGQUAD_ROWS, logQuadMx } from '../../src/mortality/logQuad.js';
import { mxForE0 } from '../../src/mortality/mxForE0.js';
import { E0_TOLERANCE, THETA_MAX, THETA_MIN, solveLifeTableForE0, type E0SolveSpec } from '../../src/mortality/solveE0.js';
import type { SolveResult } from '../../src/solve/result.js';
import { SEXES, type Sex } from '../../src/types.js';

// Every reachable answer is checked here by an independent life table (the public lifeTable with
// the same rules): |e0 − target| ≤ 1e-8 years (design.md: e0 solves 1e-8 years).

type Rules = { a0Rule?: 'andreev-kingkade' | 'coale-demeny'; axRule?: 'mortpak' | 'midpoint' };

function e0Of(mx: ArrayLike<number>, sex: Sex, rules: Rules = {}): number {
  return lifeTable(mx, { sex, ...rules }).ex[0]!;
}

function reached(r: SolveResult<Float64Array>): { value: Float64Array; achieved: number; iterations: number } {
  if (r.status !== 'reachable') throw new Error(`expected reachable, got ${JSON.stringify(r)}`);
  return r;
}

/** e0 of the log-quadratic model at 5q0 (public functions only). */
const logQuadE0 = (sex: Sex, q5: number, k = 0, rules: Rules = {}) =>
  e0Of(logQuadMx({ sex, q5, k }, rules.a0Rule ? { a0Rule: rules.a0Rule } : {}), sex, rules);

const q5Sweep = Array.from({ length: 401 }, (_, i) => LOGQUAD_Q5_MIN * (LOGQUAD_Q5_MAX / LOGQUAD_Q5_MIN) ** (i / 400));

describe('mxForE0 — log-quadratic', () => {
  it('reaches about 4–94 years (females) and 5–86 (males) over 5q0 ∈ [1e-4, 0.9], as MortCast', () => {
    // Issue 3 quotes MortCast's range as "about 4–93 years for females and 5–85 for males". The ends
    // of the reachable range are the e0 of the domain's ends (e0 falls as 5q0 rises); measured here
    // with our life table: 93.70 / 4.08 (female) and 85.84 / 4.89 (male).
    const ends = (sex: Sex) => [logQuadE0(sex, LOGQUAD_Q5_MIN), logQuadE0(sex, LOGQUAD_Q5_MAX)];
    const [fTop, fBottom] = ends('female');
    const [mTop, mBottom] = ends('male');
    expect(fTop).toBeGreaterThan(93);
    expect(fTop).toBeLessThan(94);
    expect(fBottom).toBeGreaterThan(4);
    expect(fBottom).toBeLessThan(4.5);
    expect(mTop).toBeGreaterThan(85);
    expect(mTop).toBeLessThan(86);
    expect(mBottom).toBeGreaterThan(4.5);
    expect(mBottom).toBeLessThan(5);
  });

  for (const sex of SEXES) {
    it(`${sex}: hits every target over the whole domain within 1e-8 (sweep of 5q0 from 1e-4 to 0.9)`, () => {
      let worst = 0;
      for (const q5 of q5Sweep) {
        const target = logQuadE0(sex, q5);
        const r = reached(mxForE0(target, { sex }));
        expect(r.value).toHaveLength(LOGQUAD_ROWS);
        const err = Math.abs(e0Of(r.value, sex) - target);
        worst = Math.max(worst, err);
        expect(err, `q5=${q5} target=${target}`).toBeLessThanOrEqual(E0_TOLERANCE);
        expect(r.achieved).toBe(e0Of(r.value, sex));
        expect(Math.abs(r.achieved - target)).toBeLessThanOrEqual(E0_TOLERANCE);
        // The solution is the model at the same 5q0: its life table's 5q0 matches.
        const lt = lifeTable(r.value, { sex });
        expect(Math.abs(1 - (1 - lt.qx[0]!) * (1 - lt.qx[1]!) - q5) / q5).toBeLessThan(1e-6);
      }
      expect(worst).toBeLessThanOrEqual(E0_TOLERANCE);
    });

    it(`${sex}: hits evenly spread targets between the range's ends within 1e-8`, () => {
      const top = logQuadE0(sex, LOGQUAD_Q5_MIN);
      const bottom = logQuadE0(sex, LOGQUAD_Q5_MAX);
      for (let i = 0; i <= 500; i++) {
        const target = bottom + ((top - bottom) * i) / 500;
        const r = reached(mxForE0(target, { sex }));
        expect(Math.abs(e0Of(r.value, sex) - target), `target=${target}`).toBeLessThanOrEqual(E0_TOLERANCE);
      }
    });
  }

  it('returns unreachable targets (150, 2) with the 5q0 bound and its e0, not numbers', () => {
    expect(mxForE0(150, { sex: 'female' })).toEqual({ status: 'unreachable', side: 'above', bound: LOGQUAD_Q5_MIN, achieved: logQuadE0('female', LOGQUAD_Q5_MIN) });
    expect(mxForE0(2, { sex: 'female' })).toEqual({ status: 'unreachable', side: 'below', bound: LOGQUAD_Q5_MAX, achieved: logQuadE0('female', LOGQUAD_Q5_MAX) });
    expect(mxForE0(150, { sex: 'male' })).toEqual({ status: 'unreachable', side: 'above', bound: LOGQUAD_Q5_MIN, achieved: logQuadE0('male', LOGQUAD_Q5_MIN) });
    expect(mxForE0(2, { sex: 'male' })).toEqual({ status: 'unreachable', side: 'below', bound: LOGQUAD_Q5_MAX, achieved: logQuadE0('male', LOGQUAD_Q5_MAX) });
    // Just past the top by more than the tolerance: still unreachable; at the top: reachable.
    const top = logQuadE0('male', LOGQUAD_Q5_MIN);
    expect(mxForE0(top + 1e-6, { sex: 'male' }).status).toBe('unreachable');
    expect(Math.abs(e0Of(reached(mxForE0(top, { sex: 'male' })).value, 'male') - top)).toBeLessThanOrEqual(E0_TOLERANCE);
  });

  it('honours k, a0Rule and axRule (the life table with the same rules gives the target)', () => {
    for (const rules of [{}, { a0Rule: 'coale-demeny' }, { axRule: 'midpoint' }, { a0Rule: 'coale-demeny', axRule: 'midpoint' }] as Rules[]) {
      for (const k of [0, -1, 1.5]) {
        for (const sex of SEXES) {
          const r = reached(mxForE0(72.5, { sex, k, ...rules }));
          expect(Math.abs(e0Of(r.value, sex, rules) - 72.5), JSON.stringify({ sex, k, rules })).toBeLessThanOrEqual(E0_TOLERANCE);
          // The answer is the model's schedule at k: row 5–9 sits on the model's curve.
          const q5 = 1 - (1 - lifeTable(r.value, { sex, ...rules }).qx[0]!) * (1 - lifeTable(r.value, { sex, ...rules }).qx[1]!);
          const model = logQuadMx({ sex, q5, k }, rules.a0Rule ? { a0Rule: rules.a0Rule } : {});
          expect(Math.abs(model[2]! / r.value[2]! - 1)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('where the quadratic turns (large k), the highest e0 is inside the domain and beyond it is unreachable', () => {
    // Males, k = 5: below some 5q0 near 2e-4 the young-adult rates rise again as 5q0 falls, so e0 peaks
    // inside the domain. The peak is the bound, and it beats the domain's end.
    const r = mxForE0(90, { sex: 'male', k: 5 });
    if (r.status !== 'unreachable') throw new Error('expected unreachable');
    expect(r.side).toBe('above');
    expect(r.bound).toBeGreaterThan(LOGQUAD_Q5_MIN * 1.1);
    expect(r.achieved).toBeCloseTo(logQuadE0('male', r.bound, 5), 10);
    expect(r.achieved).toBeGreaterThan(logQuadE0('male', LOGQUAD_Q5_MIN, 5));
    for (const f of [0.99, 1.01]) expect(logQuadE0('male', r.bound * f, 5)).toBeLessThan(r.achieved);
    // Just under the peak is reachable, on the falling branch (5q0 above the peak's).
    const near = reached(mxForE0(r.achieved - 1e-3, { sex: 'male', k: 5 }));
    expect(Math.abs(e0Of(near.value, 'male') - (r.achieved - 1e-3))).toBeLessThanOrEqual(E0_TOLERANCE);
  });

  it('a target inside a jump of e0 (the Coale–Demeny a0 rule at m0 = 0.107) is reported unreachable, not rounded', () => {
    // Locate the jump: 5q0 at which the model's m0 crosses 0.107 (bisection on the public model).
    const sex = 'female';
    let lo = 0.05;
    let hi = 0.5;
    for (let i = 0; i < 200; i++) {
      const mid = 0.5 * (lo + hi);
      if (logQuadMx({ sex, q5: mid })[0]! < 0.107) lo = mid;
      else hi = mid;
    }
    const rules: Rules = { a0Rule: 'coale-demeny' };
    const left = logQuadE0(sex, lo, 0, rules);
    const right = logQuadE0(sex, hi, 0, rules);
    expect(left - right).toBeGreaterThan(1e-4); // the jump: ~1.4e-4 years
    const target = 0.5 * (left + right);
    const r = mxForE0(target, { sex, ...rules });
    if (r.status !== 'unreachable') throw new Error('expected unreachable');
    expect(Math.abs(r.bound - lo) / lo).toBeLessThan(1e-12);
    expect(Math.min(Math.abs(r.achieved - left), Math.abs(r.achieved - right))).toBeLessThan(1e-9);
    expect(r.side).toBe(target > r.achieved ? 'above' : 'below');
    // Either side of the jump is reachable.
    for (const t of [left, right]) expect(Math.abs(e0Of(reached(mxForE0(t, { sex, ...rules })).value, sex, rules) - t)).toBeLessThanOrEqual(E0_TOLERANCE);
  });
});

describe('mxForE0 — proportional hazards on a baseline', () => {
  for (const sex of SEXES) {
    it(`${sex}: reaches 80 on the 'china-2015' baseline with mx = θ · baseline`, () => {
      const r = reached(mxForE0(80, { sex, model: { baseline: 'china-2015' } }));
      expect(r.value).toHaveLength(22);
      expect(Math.abs(e0Of(r.value, sex) - 80)).toBeLessThanOrEqual(E0_TOLERANCE);
      const theta = r.value[0]! / CHINA_2015_MX[sex][0]!;
      r.value.forEach((m, i) => expect(Math.abs(m / CHINA_2015_MX[sex][i]! - theta)).toBeLessThan(1e-14));
      expect(theta).toBeLessThan(1); // 80 is above both published e0
    });
  }

  it('gives the same answer for the named baseline and the same rates passed as an array, which is not modified', () => {
    const rates = Array.from(CHINA_2015_MX.male);
    const copy = rates.slice();
    const a = reached(mxForE0(76.3, { sex: 'male', model: { baseline: 'china-2015' } }));
    const b = reached(mxForE0(76.3, { sex: 'male', model: { baseline: rates } }));
    expect(rates).toEqual(copy);
    expect(Math.abs(e0Of(b.value, 'male') - 76.3)).toBeLessThanOrEqual(E0_TOLERANCE);
    b.value.forEach((m, i) => expect(Math.abs(m / a.value[i]! - 1)).toBeLessThan(1e-8));
  });

  it('returns targets beyond θ ∈ [0.1, 10] as unreachable with the θ bound', () => {
    const e0At = (theta: number) => e0Of(CHINA_2015_MX.female.map((m) => m * theta), 'female');
    expect(mxForE0(150, { sex: 'female', model: { baseline: 'china-2015' } })).toEqual({ status: 'unreachable', side: 'above', bound: THETA_MIN, achieved: e0At(THETA_MIN) });
    expect(mxForE0(20, { sex: 'female', model: { baseline: 'china-2015' } })).toEqual({ status: 'unreachable', side: 'below', bound: THETA_MAX, achieved: e0At(THETA_MAX) });
    // A short user schedule with a low e0 cannot reach 80 with θ ≥ 0.1.
    const r = mxForE0(80, { sex: 'female', model: { baseline: [0.05, 0.01, 0.02, 0.3] } });
    expect(r.status).toBe('unreachable');
    if (r.status === 'unreachable') {
      expect(r.side).toBe('above');
      expect(r.bound).toBe(THETA_MIN);
      expect(r.achieved).toBeCloseTo(e0Of([0.005, 0.001, 0.002, 0.03], 'female'), 10);
    }
  });

  it('hits targets over the reachable range of a user baseline, with and without its cached table', () => {
    // The core caches a table per baseline array after repeated use; both paths must agree.
    const baseline = Float64Array.from(CHINA_2015_MX.female);
    const spec: E0SolveSpec = { sex: 'female', model: { baseline }, k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' };
    const out = emptyLifeTable(22);
    for (let i = 0; i < 600; i++) {
      const target = 55 + (i * 60) / 599;
      const r = solveLifeTableForE0(target, spec, out);
      expect(r.status, `target ${target}`).toBe('reachable');
      expect(Math.abs(e0Of(out.mx, 'female') - target)).toBeLessThanOrEqual(E0_TOLERANCE);
    }
  });
});

describe('solveLifeTableForE0 — the unchecked core', () => {
  it('fills a caller-owned life table whose survival ratios are those of lifeTable(mx)', () => {
    const out = emptyLifeTable(LOGQUAD_ROWS);
    const spec: E0SolveSpec = { sex: 'female', model: 'log-quadratic', k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' };
    const r = solveLifeTableForE0(78.75, spec, out);
    expect(r.status).toBe('reachable');
    if (r.status !== 'reachable') return;
    expect(Math.abs(out.ex[0]! - 78.75)).toBeLessThanOrEqual(E0_TOLERANCE);
    expect(r.achieved).toBe(out.ex[0]);
    expect(r.iterations).toBeGreaterThanOrEqual(1);
    expect(r.parameter).toBeGreaterThan(LOGQUAD_Q5_MIN);
    const ratios = new Float64Array(20);
    const birth = fillSurvivalRatios(out, 100, ratios);
    const ref = survivalRatios(lifeTable(out.mx, { sex: 'female' }), { openAge: 100 });
    expect(birth).toBe(ref.birth);
    expect(ratios).toEqual(ref.ratios);
  });

  it('leaves the table of the bound in out when the target is unreachable', () => {
    const out = emptyLifeTable(LOGQUAD_ROWS);
    const r = solveLifeTableForE0(2, { sex: 'male', model: 'log-quadratic', k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' }, out);
    expect(r.status).toBe('unreachable');
    expect(out.ex[0]).toBe(r.achieved);
    expect(out.mx).toEqual(logQuadMx({ sex: 'male', q5: LOGQUAD_Q5_MAX }));
  });

  it('needs about one life table per target once the table is built', () => {
    const out = emptyLifeTable(LOGQUAD_ROWS);
    for (const sex of SEXES) {
      const spec: E0SolveSpec = { sex, model: 'log-quadratic', k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' };
      let evaluations = 0;
      const n = 2000;
      for (let i = 0; i < n; i++) {
        const r = solveLifeTableForE0(60 + (25 * (i + 0.5)) / n, spec, out);
        evaluations += r.iterations;
      }
      // Measured: about 1.006 per target (the inverse cubic start is almost always within 1e-8 already).
      expect(evaluations / n).toBeLessThan(1.05);
    }
  });
});
