import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/index.js';
import { MORTPAK_AX_FLOOR, constantHazardAx, grevilleAx } from '../../src/lifetable/ax.js';

// The Mortpak nax rule (United Nations 1988, MortPak; the same code in MortCast's `doLifeTable` and
// bayesPop): Greville's 5ax = 2.5 − (25/12)(m − k), k = 0.1 ln(m(x+5)/m(x−5)), floored at 0.97 from
// the 45–49 row on. The floor is published as 0.97 = 1 − 5e^−5/(1 − e^−5) rounded: the 5ax of a
// constant force of mortality μ = 1 ("Kannisto assumption", MortCast's comment). The golden tests
// of the rule on published tables are in mortpak.golden.test.ts; no published table has a row where
// the floor binds (it needs 5mx near 1 in a closed row), so it is pinned here on a schedule built for it.

/** Exact arithmetic on a handful of doubles. */
const IDENTITY = 1e-12;

describe('the Mortpak nax floor', () => {
  it('is the published 0.97, the constant-hazard 5ax at μ = 1 rounded to 2 decimals', () => {
    expect(MORTPAK_AX_FLOOR).toBe(0.97);
    expect(constantHazardAx(1, 5)).toBeCloseTo(1 - (5 * Math.exp(-5)) / (1 - Math.exp(-5)), 15);
    expect(Math.round(constantHazardAx(1, 5) * 100) / 100).toBe(0.97);
  });

  it('binds from the 45–49 row on, and not before', () => {
    // 5mx = 0.9 at 35–59 (flat, so k = 0 from 40 on): Greville gives 2.5 − (25/12)·0.9 = 0.625 there.
    const mx = [0.01, 0.001, 0.0005, 0.0005, 0.001, 0.001, 0.001, 0.001, 0.9, 0.9, 0.9, 0.9, 0.9, 1.2];
    const lt = lifeTable(mx, { sex: 'female' });
    const ages = Array.from(lt.ages);
    const at = (age: number) => lt.ax[ages.indexOf(age)]!;
    expect(Math.abs(at(40) - 0.625)).toBeLessThanOrEqual(IDENTITY); // below 45: Greville as is
    for (const age of [45, 50, 55]) expect(at(age), `age ${age}`).toBe(0.97); // 55–59 is the last closed row
  });
});

describe("Greville's formula", () => {
  it('is 2.5 − (25/12)(m − k) with k = 0.1 ln(m(x+5) / m(x−5))', () => {
    // m = 0.01, neighbours 0.005 and 0.02: k = 0.1 ln 4 = 0.138629; a = 2.5 − (25/12)(0.01 − 0.138629) = 2.767978.
    expect(grevilleAx(0.01, 0.005, 0.02)).toBeCloseTo(2.767978, 6);
    expect(grevilleAx(0.01, 0.01, 0.01)).toBeCloseTo(2.5 - (25 / 12) * 0.01, 15);
  });

  it('takes k = 0 when a neighbouring rate is 0 (the log is undefined)', () => {
    expect(grevilleAx(0.01, 0, 0.02)).toBe(2.5 - (25 / 12) * 0.01);
    expect(grevilleAx(0.01, 0.005, 0)).toBe(2.5 - (25 / 12) * 0.01);
  });
});
