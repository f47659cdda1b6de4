import { multiply, type Matrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { survivalRatios } from '../../src/lifetable/survival.js';
import { dominantRoot } from '../../src/project/dominantRoot.js';
import { leslieMatrix } from '../../src/project/leslie.js';
import type { PeriodInputs } from '../../src/project/periodInputs.js';
import { fertilityPattern } from '../../src/fertility/pattern.js';
import { asfrFromTfr } from '../../src/fertility/asfr.js';

// Gompertz–Makeham-like rates at ages 0, 1, 5, …, open.
function mxTo(openAge: number): number[] {
  const ages = [0, 1, ...Array.from({ length: openAge / 5 }, (_, i) => 5 * (i + 1))];
  return ages.map((x) => (x === 0 ? 0.01 : 0.0005 + 0.00003 * Math.exp(0.095 * x)));
}

function period(openAge: number, tfrValue: number): PeriodInputs {
  const s = survivalRatios(lifeTable(mxTo(openAge), { sex: 'female' }), { openAge });
  return { survival: { female: s, male: s }, asfr: asfrFromTfr(tfrValue, fertilityPattern('china-2015'), { openAge }), srb: 105 };
}

describe('dominantRoot', () => {
  it('solves the eigen-equation of the female Leslie matrix (mathjs) to 1e-12', () => {
    const p = period(100, 2.1);
    const { lambda, stableAgeShares } = dominantRoot(p);
    const L = leslieMatrix(p, 'female');
    const Lv = (multiply(L, Array.from(stableAgeShares)) as unknown as Matrix).toArray() as number[];
    Lv.forEach((v, i) => expect(Math.abs(v - lambda * stableAgeShares[i]!)).toBeLessThanOrEqual(1e-12 * lambda));
    expect(stableAgeShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });
  it('says so when the open group outlives the population’s growth (no stable distribution on the grid)', () => {
    // Open age 50: the 50+ group keeps most of itself each period while a TFR of 0.7 shrinks the rest.
    expect(() => dominantRoot(period(50, 0.7))).toThrow(/no stable age distribution exists on this grid — use a higher open age/);
  });
});
