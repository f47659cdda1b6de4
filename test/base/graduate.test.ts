import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graduate, graduateUnchecked, type GraduationMethod } from '../../src/base/graduate.js';
import { BEERS_ORDINARY_PANELS } from '../../src/base/graduate/beers.js';
import { splitMonotone } from '../../src/ages/monotone.js';
import { SPRAGUE_PANELS } from '../../src/base/graduate/sprague.js';
import { beersOrdinaryMultipliers, johnson2016Males, spragueMultipliers } from '../fixtures/graduation/multipliers.js';
import { inputErrorOf, messageOf } from '../inputError.js';

/** Half a unit of the printed 4th decimal of the multipliers. */
const PRINTED_4DP = 0.00005;
/** Identity tolerance (design.md): group totals kept to rounding. */
const IDENTITY_REL = 1e-12;
/** Property runs: fixed seed and count. */
const PROP = { seed: 20261202, numRuns: 200 };

/**
 * The coefficient of each closed group on each single year, as the implementation applies it:
 * column g of the result is the graduation of the unit vector e_g (the open group 0).
 */
function appliedMatrix(method: GraduationMethod, closed: number): number[][] {
  const rows = Array.from({ length: 5 * closed }, () => new Array<number>(closed).fill(0));
  const out = new Float64Array(5 * closed + 1);
  for (let g = 0; g < closed; g++) {
    const e = new Array<number>(closed + 1).fill(0);
    e[g] = 1;
    graduateUnchecked(e, method, out);
    for (let x = 0; x < 5 * closed; x++) rows[x]![g] = out[x]!;
  }
  return rows;
}

/** The same matrix laid out from a printed table (first, second, middle, next-to-last, last panels). */
function printedMatrix(table: readonly (readonly number[])[], closed: number): number[][] {
  const rows = Array.from({ length: 5 * closed }, () => new Array<number>(closed).fill(0));
  for (let k = 0; k < closed; k++) {
    const [panel, from] = k === 0 ? [0, 0] : k === 1 ? [1, 0] : k === closed - 1 ? [4, closed - 5] : k === closed - 2 ? [3, closed - 5] : [2, k - 2];
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) rows[5 * k + r]![from + c] = table[panel * 5 + r]![c]!;
  }
  return rows;
}

const groupSums = (out: ArrayLike<number>, closed: number) =>
  Array.from({ length: closed }, (_, k) => {
    let s = 0;
    for (let x = 5 * k; x < 5 * k + 5; x++) s += out[x]!;
    return s;
  });

describe('graduate: the multipliers against the printed tables (Siegel & Swanson 2004, appendix C)', () => {
  // 5 closed groups: each panel once; 9: the middle panel at groups 2–6 as well.
  for (const closed of [5, 9]) {
    it(`Sprague, derived from the formula, equals the printed multipliers (${closed} closed groups)`, () => {
      const got = appliedMatrix('sprague', closed);
      const want = printedMatrix(spragueMultipliers, closed);
      // The printed multipliers are exact (multiples of 1/625 = 0.0016), so the derivation must meet them
      // to rounding, well inside half the printed precision.
      for (let x = 0; x < got.length; x++) for (let g = 0; g < closed; g++) expect(Math.abs(got[x]![g]! - want[x]![g]!)).toBeLessThanOrEqual(1e-12);
    });
    it(`Beers ordinary equals the printed multipliers to their 4 decimals (${closed} closed groups)`, () => {
      const got = appliedMatrix('beers', closed);
      const want = printedMatrix(beersOrdinaryMultipliers, closed);
      for (let x = 0; x < got.length; x++) for (let g = 0; g < closed; g++) expect(Math.abs(got[x]![g]! - want[x]![g]!)).toBeLessThanOrEqual(PRINTED_4DP);
    });
  }

  it('the printed last panels are the first ones turned end for end, and every column sums to 1 or 0', () => {
    for (const t of [spragueMultipliers, beersOrdinaryMultipliers]) {
      for (let r = 0; r < 10; r++) for (let c = 0; c < 5; c++) expect(t[24 - r]![4 - c]).toBe(t[r]![c]);
      for (let p = 0; p < 5; p++) {
        const own = p === 0 ? 0 : p === 1 ? 1 : p === 2 ? 2 : p === 3 ? 3 : 4;
        for (let c = 0; c < 5; c++) {
          let s = 0;
          for (let r = 0; r < 5; r++) s += t[p * 5 + r]![c]!;
          expect(s).toBeCloseTo(c === own ? 1 : 0, 12);
        }
      }
    }
    expect(SPRAGUE_PANELS.length).toBe(125);
    expect(BEERS_ORDINARY_PANELS.length).toBe(125);
  });
});

describe('graduate: worked examples', () => {
  it('Beers ordinary reproduces the U.S. Census Bureau spreadsheet (Johnson 2016, BEERSP.XLS) to the person', () => {
    const out = graduate(johnson2016Males.counts, { method: 'beers' });
    // Printed in whole persons: half a person for the printing, and up to half a person more for the
    // spreadsheet's own rounding before it prints (4 of the 5 ages are within 0.5; age 11 is 96,718.46
    // against 96,719). DemoTools' test of the same figures allows 1 as well.
    for (const [age, v] of Object.entries(johnson2016Males.printed)) expect(Math.abs(out[Number(age)]! - v)).toBeLessThanOrEqual(1);
    expect(Math.round(out[1]!)).toBe(158163);
    expect(Math.round(out[9]!)).toBe(105733);
    expect(Math.round(out[12]!)).toBe(92551);
  });

  // A cubic density f: group totals ∫ f over [5k, 5k+5) and single years ∫ f over [x, x+1), exactly.
  // f(x) = 2000 − 40x + 0.3x² + 0.001x³ > 0 on 0–100; F its integral from 0 (degree 4).
  const F = (x: number) => 2000 * x - 20 * x * x + 0.1 * x ** 3 + 0.00025 * x ** 4;
  const cubicGroups = (closed: number) => [...Array.from({ length: closed }, (_, k) => F(5 * k + 5) - F(5 * k)), 12345];

  it('Sprague is exact for a cubic age curve: every single year, the end panels included (1e-9 relative)', () => {
    const closed = 16;
    const out = graduate(cubicGroups(closed));
    for (let x = 0; x < 5 * closed; x++) expect(Math.abs(out[x]! / (F(x + 1) - F(x)) - 1)).toBeLessThanOrEqual(1e-9);
    expect(out[5 * closed]).toBe(12345);
  });

  it('Beers ordinary is exact for a cubic age curve to the rounding of its 4-decimal multipliers', () => {
    const closed = 16;
    const c = cubicGroups(closed);
    const out = graduate(c, { method: 'beers' });
    // Each multiplier is within 0.00005 of the exact one: a single year is off by at most 0.00005 · Σ of the 5 groups read.
    for (let x = 0; x < 5 * closed; x++) {
      const k = Math.floor(x / 5);
      const from = Math.min(Math.max(k - 2, 0), closed - 5);
      const bound = PRINTED_4DP * c.slice(from, from + 5).reduce((s, v) => s + v, 0);
      expect(Math.abs(out[x]! - (F(x + 1) - F(x)))).toBeLessThanOrEqual(bound);
    }
  });

  it('the monotone cubic is exact for a linear age curve (its slopes are exact for quadratic cumulative counts)', () => {
    const f = (x: number) => 1000 - 7 * x; // density, positive on 0–100
    const c = [...Array.from({ length: 20 }, (_, k) => 5 * (f(5 * k + 2.5))), 99];
    const out = graduate(c, { method: 'monotone' });
    for (let x = 0; x < 100; x++) expect(out[x]).toBeCloseTo(f(x + 0.5), 9);
  });
});

describe('graduate: totals, signs, open group', () => {
  const persons = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e10, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }));
  const counts = (min: number) => fc.array(persons, { minLength: min, maxLength: 27 });

  it('keeps every group total to 1e-12 relative, and the open group unchanged, for every method', () => {
    // Population-like counts (each group within a factor 3 of the one before, zeros after the oldest):
    // the five single years of every group sum to it within 1e-12 of the group.
    const profile = fc
      .tuple(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.array(fc.double({ min: 1 / 3, max: 3, noNaN: true }), { minLength: 5, maxLength: 26 }), fc.nat(4))
      .map(([first, ratios, zeros]) => {
        const c = [first];
        for (const r of ratios) c.push(c.at(-1)! * r);
        for (let i = 0; i < zeros; i++) c[c.length - 2 - i] = 0;
        return c;
      });
    for (const method of ['sprague', 'beers', 'monotone'] as const) {
      fc.assert(
        fc.property(profile, (c) => {
          const out = new Float64Array(5 * (c.length - 1) + 1);
          graduateUnchecked(c, method, out);
          groupSums(out, c.length - 1).forEach((s, k) => expect(Math.abs(s - c[k]!)).toBeLessThanOrEqual(IDENTITY_REL * c[k]!));
          expect(out[out.length - 1]).toBe(c.at(-1));
        }),
        PROP,
      );
    }
  });

  it('any counts: monotone keeps each group to 1e-12 of itself; the multipliers to 1e-12 of the largest group they read', () => {
    // Sprague's and Beers' single years are sums of products with the neighbours, so their rounding is
    // relative to the largest group read, not to the group (a group of 1e-300 next to 1e9 cannot be
    // kept to 1e-12 of itself; such a group gives negative single years, which graduate() refuses).
    for (const [method, min] of [['sprague', 6], ['beers', 6], ['monotone', 2]] as const) {
      fc.assert(
        fc.property(counts(min), (c) => {
          const n = c.length - 1;
          const out = new Float64Array(5 * n + 1);
          graduateUnchecked(c, method, out);
          groupSums(out, n).forEach((s, k) => {
            const from = Math.min(Math.max(k - 2, 0), n - 5);
            const scale = method === 'monotone' ? c[k]! : Math.max(...c.slice(from, from + 5));
            expect(Math.abs(s - c[k]!)).toBeLessThanOrEqual(IDENTITY_REL * scale);
          });
          expect(out[5 * n]).toBe(c[n]);
        }),
        PROP,
      );
    }
  });

  it('the monotone method never gives a negative single year, and a group of 0 gives five 0s', () => {
    fc.assert(
      fc.property(counts(2), (c) => {
        const out = graduate(c, { method: 'monotone' });
        for (const v of out) expect(v).toBeGreaterThanOrEqual(0);
        c.slice(0, -1).forEach((g, k) => {
          if (g === 0) for (let x = 5 * k; x < 5 * k + 5; x++) expect(out[x]).toBe(0);
        });
      }),
      PROP,
    );
  });

  it('graduate() never returns a negative value: it throws, or repairs with onNegative: monotone', () => {
    fc.assert(
      fc.property(counts(6), fc.constantFrom<GraduationMethod>('sprague', 'beers'), (c, method) => {
        const repaired = graduate(c, { method, onNegative: 'monotone' });
        for (const v of repaired) expect(v).toBeGreaterThanOrEqual(0);
        let thrown = false;
        try {
          for (const v of graduate(c, { method })) expect(v).toBeGreaterThanOrEqual(0);
        } catch (e) {
          thrown = true;
          expect((e as Error).name).toBe('InputError');
        }
        // Repaired only when the method itself gave a negative.
        if (!thrown) expect(Array.from(repaired)).toEqual(Array.from(graduate(c, { method })));
        else expect(Array.from(repaired)).toEqual(Array.from(graduate(c, { method: 'monotone' })));
      }),
      PROP,
    );
  });

  it('returns openAge + 1 values, does not mutate its input, and takes typed arrays', () => {
    const c = [100, 90, 80, 70, 60, 50, 400];
    const copy = [...c];
    const out = graduate(c);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.length).toBe(31);
    expect(c).toEqual(copy);
    expect(Array.from(graduate(Float64Array.from(c)))).toEqual(Array.from(out));
  });
});

describe('graduate: a negative single year is an error that names the group, or is repaired', () => {
  const sparse = [500, 400, 300, 200, 100, 5, 60];

  it('Sprague: throws with the group, the age and the value', () => {
    const e = inputErrorOf(() => graduate(sparse));
    expect(e.issues).toEqual([
      {
        path: 'counts[5]',
        rule: "expected a count the sprague method graduates without negative single years (-2.68 at age 28); use method 'monotone', or onNegative: 'monotone'",
        value: 5,
      },
    ]);
    expect(e.message).toBe(
      "counts[5]: expected a count the sprague method graduates without negative single years (-2.68 at age 28); use method 'monotone', or onNegative: 'monotone', got 5",
    );
  });

  it('lists every group with a negative single year, one issue each', () => {
    const zeros = [500, 400, 300, 200, 100, 5, 0, 0, 30];
    const e = inputErrorOf(() => graduate(zeros));
    expect(e.message).toBe(
      [
        "counts[5]: expected a count the sprague method graduates without negative single years (-0.808 at age 27); use method 'monotone', or onNegative: 'monotone', got 5",
        "counts[6]: expected a count the sprague method graduates without negative single years (-0.984 at age 30); use method 'monotone', or onNegative: 'monotone', got 0",
        "counts[7]: expected a count the sprague method graduates without negative single years (-0.6 at age 38); use method 'monotone', or onNegative: 'monotone', got 0",
      ].join('\n'),
    );
    // A realistic distribution with small old-age groups graduates without one: DemoTools' pop5_mat, 1950.
    const pop = [54170, 44775, 42142, 38464, 34406, 30386, 26933, 23481, 20602, 16489, 14248, 9928, 8490, 4801, 3599, 2048, 941, 326, 80, 17, 0];
    for (const v of graduate(pop)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it("onNegative: 'monotone' re-graduates the whole distribution by the monotone method", () => {
    const repaired = graduate(sparse, { onNegative: 'monotone' });
    expect(Array.from(repaired)).toEqual(Array.from(graduate(sparse, { method: 'monotone' })));
    for (const v of repaired) expect(v).toBeGreaterThanOrEqual(0);
    expect(groupSums(repaired, 6).map((s, k) => Math.abs(s - sparse[k]!) <= IDENTITY_REL * sparse[k]!)).toEqual(new Array(6).fill(true));
  });

  it('Beers: the same rule names the beers method', () => {
    expect(messageOf(() => graduate([500, 400, 300, 200, 100, 0, 0, 60], { method: 'beers' }))).toMatch(/^counts\[5\]: expected a count the beers method graduates without negative single years/);
  });

  it("onNegative: 'throw' is the default", () => {
    expect(messageOf(() => graduate(sparse, { onNegative: 'throw' }))).toBe(messageOf(() => graduate(sparse)));
  });
});

describe('graduate: input errors', () => {
  it('too few groups for the method, and too many', () => {
    expect(messageOf(() => graduate([10, 20, 30, 40, 50]))).toBe(
      'counts: expected at least 6 age groups (5 closed and the open one) for the sprague method, whose multipliers span 5 groups, got an array of length 5',
    );
    expect(messageOf(() => graduate([10, 20, 30, 40, 50], { method: 'beers' }))).toBe(
      'counts: expected at least 6 age groups (5 closed and the open one) for the beers method, whose multipliers span 5 groups, got an array of length 5',
    );
    expect(messageOf(() => graduate([10], { method: 'monotone' }))).toBe('counts: expected at least 2 age groups (one closed group and the open one), got an array of length 1');
    expect(Array.from(graduate([10, 3], { method: 'monotone' }))).toEqual([2, 2, 2, 2, 2, 3].map((v) => expect.closeTo(v, 12)));
    expect(messageOf(() => graduate(new Array(28).fill(1)))).toBe('counts: expected at most 27 age groups (open age at most 130), got an array of length 28');
    expect(graduate(new Array(27).fill(1)).length).toBe(131);
  });

  it('counts that are not persons', () => {
    expect(messageOf(() => graduate([10, 20, -1, 40, 50, 60]))).toBe('counts[2]: expected a number of persons from 0 to 1e+10, got -1');
    expect(messageOf(() => graduate([10, 20, NaN, 40, 50, 60]))).toBe('counts[2]: expected a finite number, got NaN');
    expect(messageOf(() => graduate('10, 20' as unknown as number[]))).toBe('counts: expected an array of numbers, got "10, 20"');
  });

  it('a bad method, an unknown option, options that are not an object', () => {
    const c = [10, 20, 30, 40, 50, 60];
    expect(messageOf(() => graduate(c, { method: 'spline' as GraduationMethod }))).toBe("options.method: expected 'sprague', 'beers' or 'monotone', got \"spline\"");
    expect(messageOf(() => graduate(c, { onNegative: 'clamp' as 'throw' }))).toBe("options.onNegative: expected 'throw' or 'monotone', got \"clamp\"");
    expect(messageOf(() => graduate(c, { methd: 'beers' } as never))).toBe('options: expected only the keys method, onNegative, got "methd"');
    expect(messageOf(() => graduate(c, 'beers' as never))).toBe('options: expected an object { method, onNegative }, got "beers"');
  });
});

describe('monotone cores at general knots (abridged ages 0, 1, 5, 10, …)', () => {
  const knotsAndTotals = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }))), { minLength: 1, maxLength: 20 })
    .map((parts) => {
      const knots = [0];
      for (const [h] of parts) knots.push(knots.at(-1)! + h);
      return { knots, totals: parts.map(([, t]) => t) };
    });

  it('splitMonotone: single years never negative, each interval kept to 1e-12 relative', () => {
    fc.assert(
      fc.property(knotsAndTotals, ({ knots, totals }) => {
        const out = splitMonotone(knots, totals, new Float64Array(knots.at(-1)!));
        for (const v of out) expect(v).toBeGreaterThanOrEqual(0);
        totals.forEach((t, i) => {
          let s = 0;
          for (let x = knots[i]!; x < knots[i + 1]!; x++) s += out[x]!;
          expect(Math.abs(s - t)).toBeLessThanOrEqual(IDENTITY_REL * t);
        });
      }),
      PROP,
    );
  });

  it('the 5-year monotone graduation is splitMonotone at knots 0, 5, …, openAge', () => {
    const c = [300, 0, 120, 90, 90, 2, 0, 5, 40];
    const knots = Array.from({ length: c.length }, (_, i) => 5 * i);
    const split = splitMonotone(knots, c.slice(0, -1), new Float64Array(5 * (c.length - 1)));
    expect(Array.from(graduate(c, { method: 'monotone' }))).toEqual([...Array.from(split), 40]);
  });

  it('is flat where a knot interval holds nobody, and linear with one interval', () => {
    expect(Array.from(splitMonotone([0, 1, 5, 10], [10, 0, 5], new Float64Array(10))).slice(1, 5)).toEqual([0, 0, 0, 0]);
    expect(Array.from(splitMonotone([5, 9], [8], new Float64Array(4)))).toEqual([2, 2, 2, 2]);
  });
});

