import { describe, expect, it } from 'vitest';
import { andreevKingkadeA0, coaleDemenyA0 } from '../../src/index.js';
import { coaleDemeny4a1 } from '../../src/lifetable/a0.js';
import { constantHazardAx, grevilleAx } from '../../src/lifetable/ax.js';
import { computeLifeTable, emptyLifeTable } from '../../src/lifetable/compute.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';

// The abridged life table of Preston, Heuveline & Guillot (2001), ch. 3, on small schedules whose
// every column is worked out by hand (below), and the nax rules row by row.
//   q = n m / (1 + (n − a) m), l(x+n) = l(x)(1 − q), d = l q, L = n l(x+n) + a d;
//   open row: q = 1, d = l, a = 1/m, L = l / m; T = Σ L from x up; e = T / l.

/** Hand values carry 15+ significant digits: a few ulps. */
const REL = 1e-14;

function closeAll(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v), `${what}[${i}]: ${actual[i]} vs ${v}`).toBeLessThanOrEqual(REL * Math.max(1, Math.abs(v))));
}

describe('a table worked by hand: mx 0.02, 0.004, 0.002, open 0.25; nax 0.1, 1.5, 2.5; l0 1000', () => {
  // q0 = 0.02/1.018, q1 = 0.016/1.01, q5 = 0.01/1.005; the open row's e = 1/m = 4.
  // Library calls stay inside the tests: a throw while collecting a file is not seen by Stryker's vitest runner.
  const handLifeTable = () => lifeTable([0.02, 0.004, 0.002, 0.25], { sex: 'female', ax: [0.1, 1.5, 2.5], radix: 1000 });

  it('has every column', () => {
    const lt = handLifeTable();
    closeAll(lt.ages, [0, 1, 5, 10], 'ages');
    closeAll(lt.mx, [0.02, 0.004, 0.002, 0.25], 'mx');
    closeAll(lt.qx, [0.019646365422396856, 0.015841584158415842, 0.009950248756218907, 1], 'qx');
    closeAll(lt.ax, [0.1, 1.5, 2.5, 4], 'ax');
    closeAll(lt.lx, [1000, 980.3536345776031, 964.8232799704332, 955.2230483289363], 'lx');
    closeAll(lt.dx, [19.646365422396855, 15.53035460716995, 9.60023164149685, 955.2230483289363], 'dx');
    closeAll(lt.Lx, [982.3182711198427, 3882.588651792488, 4800.115820748424, 3820.8921933157453], 'Lx');
    closeAll(lt.Tx, [13485.9149369765, 12503.596665856658, 8621.00801406417, 3820.8921933157453], 'Tx');
    closeAll(lt.ex, [13.4859149369765, 12.754169745332744, 8.935323383084578, 4], 'ex');
  });

  it('scales with the radix (every count ×, every rate and e unchanged)', () => {
    const lt = handLifeTable();
    const big = lifeTable([0.02, 0.004, 0.002, 0.25], { sex: 'female', ax: [0.1, 1.5, 2.5], radix: 100000 });
    for (let i = 0; i < 4; i++) {
      expect(Math.abs(big.lx[i]! - 100 * lt.lx[i]!)).toBeLessThan(1e-9);
      expect(Math.abs(big.Lx[i]! - 100 * lt.Lx[i]!)).toBeLessThan(1e-9);
      expect(Math.abs(big.ex[i]! - lt.ex[i]!)).toBeLessThan(1e-12);
    }
    expect(lifeTable([0.02, 0.004, 0.002, 0.25], { sex: 'female' }).lx[0]).toBe(100000); // the default radix
  });

  it('computeLifeTable fills a caller-owned table the same way', () => {
    const out = emptyLifeTable(4);
    computeLifeTable([0.02, 0.004, 0.002, 0.25], { sex: 'female', a0Rule: 'andreev-kingkade', axRule: 'mortpak', ax: [0.1, 1.5, 2.5], radix: 1000 }, out);
    const lt = handLifeTable();
    expect(Array.from(out.ex)).toEqual(Array.from(lt.ex));
    expect(Array.from(out.qx)).toEqual(Array.from(lt.qx));
  });
});

describe('the nax rules, row by row', () => {
  // Ages 0, 1, 5, 10, 15, 20, …, 60, 65+ (15 rows); a schedule rising by a factor 1.5 every 5
  // years from 15, so Greville's k = 0.1 ln(1.5²) at every interior row.
  const mx = [0.03, 0.002, 0.0005, 0.0004];
  for (let age = 15; age <= 65; age += 5) mx.push(0.001 * 1.5 ** ((age - 15) / 5));
  const last = mx.length - 1;

  for (const sex of ['female', 'male'] as const) {
    it(`${sex}, 'mortpak': a0 by the rule, 4a1 Coale–Demeny, 2.5 at 5–14, Greville from 15, the last closed row with the k before it`, () => {
      const lt = lifeTable(mx, { sex });
      expect(lt.ax[0]).toBe(andreevKingkadeA0(0.03, sex));
      expect(lt.ax[1]).toBe(coaleDemeny4a1(0.03, sex));
      expect(lt.ax[2]).toBe(2.5);
      expect(lt.ax[3]).toBe(2.5);
      for (let i = 4; i < last - 1; i++) expect(lt.ax[i], `row ${i}`).toBe(grevilleAx(mx[i]!, mx[i - 1]!, mx[i + 1]!));
      // The last closed row has no rate after it: k = 0.1 ln(m(x)/m(x − 10)), the k of the row before.
      expect(lt.ax[last - 1]).toBe(grevilleAx(mx[last - 1]!, mx[last - 3]!, mx[last - 1]!));
      expect(lt.ax[last]).toBe(1 / mx[last]!);
      // Greville at 20–24 (m 0.0015 between 0.001 and 0.00225): k = 0.1 ln 2.25 = 0.0810930,
      // 5a20 = 2.5 − (25/12)(0.0015 − 0.0810930) = 2.6658188.
      expect(lt.ax[5]).toBeCloseTo(2.6658188, 7);
      const cd = lifeTable(mx, { sex, a0Rule: 'coale-demeny' });
      expect(cd.ax[0]).toBe(coaleDemenyA0(0.03, sex));
      expect(cd.ax[1]).toBe(coaleDemeny4a1(0.03, sex));
    });
  }

  it("'midpoint': 2.5 in every 5-year row, the open row 1/m", () => {
    const lt = lifeTable(mx, { sex: 'female', axRule: 'midpoint' });
    for (let i = 2; i < last; i++) expect(lt.ax[i], `row ${i}`).toBe(2.5);
    expect(lt.ax[last]).toBe(1 / mx[last]!);
    expect(lt.ax[0]).toBe(andreevKingkadeA0(0.03, 'female'));
  });

  it('given nax override both rules; the open row still takes 1/m', () => {
    const given = [0.2, 1.6, 2.4, 2.6, ...mx.slice(4, last).map(() => 2.55)];
    const lt = lifeTable(mx, { sex: 'male', a0Rule: 'coale-demeny', axRule: 'midpoint', ax: given });
    closeAll(lt.ax.subarray(0, last), given, 'ax');
    expect(lt.ax[last]).toBe(1 / mx[last]!);
  });
});

describe('where a rule’s nax would make q ≥ 1, the constant-hazard nax is used', () => {
  it('a0·m0 = 1 exactly (Andreev–Kingkade female plateau 0.31411): constant hazard, q0 < 1', () => {
    const m0 = 3.183598102575531; // 0.31411 · m0 === 1 in doubles
    expect(0.31411 * m0).toBe(1);
    const lt = lifeTable([m0, 0.01, 0.01, 0.5], { sex: 'female' });
    expect(lt.ax[0]).toBe(constantHazardAx(m0, 1));
    expect(lt.qx[0]).toBeLessThan(1);
    expect(lt.lx[1]).toBeGreaterThan(0);
    // Just below, the rule's own a0 stands.
    expect(lifeTable([3.18, 0.01, 0.01, 0.5], { sex: 'female' }).ax[0]).toBe(0.31411);
  });

  it('4a1·4m1 = 1 exactly (Coale–Demeny male plateau 1.352): constant hazard', () => {
    const m1 = 0.7396449704142012; // 1.352 · m1 === 1
    expect(1.352 * m1).toBe(1);
    const lt = lifeTable([0.2, m1, 0.01, 0.5], { sex: 'male' });
    expect(lt.ax[1]).toBe(constantHazardAx(m1, 4));
    expect(lt.qx[1]).toBeLessThan(1);
    expect(lifeTable([0.2, 0.7, 0.01, 0.5], { sex: 'male' }).ax[1]).toBe(1.352);
  });

  it('2.5 · 0.4 = 1 in a 5-year row: constant hazard; at 0.39 the rule stands', () => {
    const lt = lifeTable([0.01, 0.001, 0.4, 0.5], { sex: 'female', axRule: 'midpoint' });
    expect(lt.ax[2]).toBe(constantHazardAx(0.4, 5));
    expect(lt.qx[2]).toBeLessThan(1);
    expect(lifeTable([0.01, 0.001, 0.39, 0.5], { sex: 'female', axRule: 'midpoint' }).ax[2]).toBe(2.5);
  });

  it('a Greville nax of exactly 0 (m = 1.2, k = 0) or below, or of 5 and more, is replaced', () => {
    // Row 15–19 at m = 1.2 between equal neighbours: 2.5 − (25/12)·1.2 = 0 exactly.
    expect(grevilleAx(1.2, 0.01, 0.01)).toBe(0);
    const zero = lifeTable([0.01, 0.001, 0.001, 0.01, 1.2, 0.01, 0.01, 0.5], { sex: 'female' });
    expect(zero.ax[4]).toBe(constantHazardAx(1.2, 5));
    const negative = lifeTable([0.01, 0.001, 0.001, 0.01, 1.5, 0.01, 0.01, 0.5], { sex: 'female' });
    expect(negative.ax[4]).toBe(constantHazardAx(1.5, 5));
    // A steep rise around a row gives k ≫ 0 and Greville's a > 5: m(20) / m(10) = e^13, k = 1.3,
    // 5a15 = 2.5 + (25/12)(1.3 − 0.001) = 5.206.
    const steep = [0.01, 0.001, 0.001, 1e-6, 0.001, 1e-6 * Math.exp(13), 0.001, 0.5];
    expect(grevilleAx(0.001, 1e-6, 1e-6 * Math.exp(13))).toBeGreaterThan(5);
    expect(lifeTable(steep, { sex: 'female' }).ax[4]).toBe(constantHazardAx(0.001, 5));
    for (const lt of [zero, negative, lifeTable(steep, { sex: 'female' })]) lt.qx.forEach((q) => expect(q).toBeLessThanOrEqual(1));
  });

  it('a Greville nax of exactly 5 is replaced too (the interval is (0, 5), open)', () => {
    // m = 0 between 2^−20 and 2^−20 · r with 0.1 ln r === 1.2 in doubles: 2.5 + (25/12)·1.2 = 5 exactly.
    const r = 162754.7914190035;
    const mPrev = 2 ** -20;
    expect(grevilleAx(0, mPrev, mPrev * r)).toBe(5);
    const lt = lifeTable([0.01, 0.001, 0.001, mPrev, 0, mPrev * r, 0.01, 0.5], { sex: 'female' });
    expect(lt.ax[4]).toBe(constantHazardAx(0, 5)); // 2.5
    expect(lt.ax[4]).toBe(2.5);
  });

  it('the Mortpak floor 0.97 applies from 45 (row 10) on, not at 40 (row 9)', () => {
    // Flat 0.9 at 30–64: Greville gives 2.5 − (25/12)·0.9 = 0.625 wherever k = 0.
    const mx = [0.01, 0.001, 0.0005, 0.0005, 0.001, 0.001, 0.001, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.2];
    const lt = lifeTable(mx, { sex: 'male' });
    expect(lt.ax[9]).toBeCloseTo(0.625, 14); // age 40
    expect(lt.ax[10]).toBe(0.97); // age 45
    expect(lt.ax[13]).toBe(0.97); // age 60, the last closed row
  });
});

describe('constantHazardAx: a = 1/m − n e^(−nm) / (1 − e^(−nm)) (constant force over the interval)', () => {
  it('at μ = 1 over 5 years: 1 − 5e^−5/(1 − e^−5) = 0.96608', () => {
    expect(constantHazardAx(1, 5)).toBeCloseTo(1 - (5 * Math.exp(-5)) / (1 - Math.exp(-5)), 15);
    expect(constantHazardAx(1, 5)).toBeCloseTo(0.966082, 6);
    // 1 year at m = 2: 0.5 − e^−2/(1 − e^−2) = 0.343482.
    expect(constantHazardAx(2, 1)).toBeCloseTo(0.5 - Math.exp(-2) / (1 - Math.exp(-2)), 15);
  });

  it('for tiny m follows its series n/2 − n²m/12 (no cancellation)', () => {
    expect(constantHazardAx(1e-9, 5)).toBe(2.5 - (25 * 1e-9) / 12);
    expect(constantHazardAx(1e-8, 1)).toBe(0.5 - 1e-8 / 12);
    expect(constantHazardAx(0, 4)).toBe(2);
  });

  it('lies in (0, n/2) and below 1/m, so q = n m / (1 + (n − a) m) < 1', () => {
    for (const n of [1, 4, 5]) {
      for (const m of [1e-7, 1e-4, 0.01, 0.5, 3]) {
        const a = constantHazardAx(m, n);
        expect(a).toBeGreaterThan(0);
        expect(a).toBeLessThan(n / 2);
        expect(a * m).toBeLessThan(1);
        expect((n * m) / (1 + (n - a) * m)).toBeLessThan(1);
      }
    }
  });
});
