import { describe, expect, it } from 'vitest';
import { fitToMargins } from '../../src/base/fitToMargins.js';
import { InputError } from '../../src/validate/errors.js';

// Issue 4: every margin matched to 1e-6 relative (the fit itself stops at 1e-10).
const MARGIN_REL = 1e-6;

const sum = (a: ArrayLike<number>, from = 0, to = a.length) => Array.from(a).slice(from, to).reduce((s, v) => s + v, 0);

describe('fitToMargins', () => {
  it('scales each group of a partition by its own factor (closed form)', () => {
    const reference = { female: [10, 20, 30, 40], male: [12, 18, 33, 37] };
    const fit = fitToMargins(reference, [
      { from: 0, to: 10, population: 120 },
      { from: 10, population: 420 },
    ]);
    // 0–9 holds 60 in the reference → × 2; 10+ holds 140 → × 3. Unequal factors: one global
    // rescale (540/200 = 2.7) would miss both margins.
    expect(Array.from(fit.female)).toEqual([20, 40, 90, 120].map((v) => expect.closeTo(v, 10)));
    expect(Array.from(fit.male)).toEqual([24, 36, 99, 111].map((v) => expect.closeTo(v, 10)));
  });

  it('keeps the cross-product ratio of a 2×2 table (the known IPF solution)', () => {
    // Ages 0–4 / 5+ × sex, reference odds ratio (f0·m1)/(f1·m0) = (10·40)/(20·30) = 2/3.
    // Margins: ages 0–4 = 50, 5+ = 150; female = 90, male = 110. With f0 = x: f1 = 90 − x,
    // m0 = 50 − x, m1 = 60 + x, and x(60 + x) / ((90 − x)(50 − x)) = 2/3 ⇒ 3x(60 + x) = 2(90 − x)(50 − x)
    // ⇒ x² + 460x − 9000 = 0
    // ⇒ x = (−460 + √(460² + 4·9000)) / 2 ≈ 18.797.
    const x = (-460 + Math.sqrt(460 * 460 + 4 * 9000)) / 2;
    const fit = fitToMargins({ female: [10, 20], male: [30, 40] }, [
      { to: 5, population: 50 },
      { from: 5, population: 150 },
      { sex: 'female', population: 90 },
      { sex: 'male', population: 110 },
    ]);
    expect(fit.female[0]).toBeCloseTo(x, 8);
    expect(fit.female[1]).toBeCloseTo(90 - x, 8);
    expect(fit.male[0]).toBeCloseTo(50 - x, 8);
    expect(fit.male[1]).toBeCloseTo(60 + x, 8);
  });

  it('meets overlapping margins (0–14, 15–59, 60+, 65+, sexes) to 1e-6 relative', () => {
    const reference = { female: Array.from({ length: 21 }, (_, i) => 100 + 10 * Math.sin(i)), male: Array.from({ length: 21 }, (_, i) => 105 + 9 * Math.cos(i)) };
    const margins = [
      { from: 0, to: 15, population: 269137 },
      { from: 15, to: 60, population: 1475067 },
      { from: 60, population: 584378 },
      { from: 65, population: 402789 },
      { sex: 'female' as const, population: 1155148 },
      { sex: 'male' as const, population: 1173434 },
    ];
    const fit = fitToMargins(reference, margins);
    const both = Array.from(fit.female, (f, i) => f + fit.male[i]!);
    const got = [sum(both, 0, 3), sum(both, 3, 12), sum(both, 12), sum(both, 13), sum(fit.female), sum(fit.male)];
    got.forEach((g, j) => expect(Math.abs(g / margins[j]!.population - 1)).toBeLessThanOrEqual(MARGIN_REL));
  });

  it('rejects margins that contradict one another', () => {
    const reference = { female: [10, 20, 30], male: [10, 20, 30] };
    const bad = () =>
      fitToMargins(reference, [
        { to: 5, population: 50 },
        { from: 5, population: 150 },
        { sex: 'female', population: 100 },
        { sex: 'male', population: 120 }, // the sexes sum to 220, the ages to 200
      ]);
    expect(bad).toThrow(InputError);
    expect(bad).toThrow(/margins\[\d\]: expected margins that agree with one another/);
    // A nested margin larger than the one that holds it.
    expect(() => fitToMargins(reference, [{ from: 5, population: 10 }, { from: 10, population: 20 }])).toThrow(/agree with one another/);
  });

  it('rejects people where the reference has nobody, and margins off the grid', () => {
    expect(() => fitToMargins({ female: [0, 5], male: [0, 5] }, [{ to: 5, population: 3 }])).toThrow(
      'margins[0].population: expected 0 where the reference has nobody (cannot scale 0 up), got 3',
    );
    expect(() => fitToMargins({ female: [1, 5, 2], male: [1, 5, 2] }, [{ from: 3, population: 3 }])).toThrow(
      'margins[0].from: expected an age on the 5-year grid up to 10, got 3',
    );
    expect(() => fitToMargins({ female: [1, 5, 2], male: [1, 5, 2] }, [{ from: 0, to: 15, population: 3 }])).toThrow(
      'margins[0].to: expected an age on the 5-year grid in (from, 10] (the open group cannot be split), got 15',
    );
    expect(() => fitToMargins({ female: [1, 5], male: [1, 5] }, [{ population: -3 }])).toThrow('margins[0].population: expected a number of persons from 0 to 1e+10, got -3');
  });
});
