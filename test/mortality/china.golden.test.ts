import { describe, expect, it } from 'vitest';
import china from '../../data/mortality/china-2015-mx.json';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { CHINA_2015_E0, CHINA_2015_MX } from '../../src/mortality/baselines.js';
import { SEXES } from '../../src/types.js';

// UN World Population Prospects 2019, China 2015–2020: the published mx (5 decimals) give back the
// published e0 (78.97 female, 74.47 male) under our rules (Andreev–Kingkade a0, Mortpak 5ax).
// Tolerance: half a unit of e0's printed precision, 2 decimals: 0.005. (The rounding of the 22 rates
// to 5 decimals adds an error of about 0.0025 years (one standard deviation, if the rounding errors
// are independent) that this leaves out; the measured errors, 0.0028 and 0.0008, are within it.)
const E0_TOLERANCE = 0.005;

describe("the 'china-2015' baseline (UN WPP 2019, China 2015–2020)", () => {
  it('ships 22 rates per sex at ages 0, 1, 5, …, 100+ with its source', () => {
    expect(china.source).toMatch(/World Population Prospects 2019/);
    expect(china.ages).toEqual([0, 1, ...Array.from({ length: 20 }, (_, i) => 5 * i + 5)]);
    for (const sex of SEXES) expect(CHINA_2015_MX[sex]).toHaveLength(22);
    expect(CHINA_2015_MX.female[0]).toBe(0.00819);
    expect(CHINA_2015_MX.male[21]).toBe(0.44596132);
  });

  for (const sex of SEXES) {
    it(`${sex}: life-table e0 within ${E0_TOLERANCE} of the published ${CHINA_2015_E0[sex]}`, () => {
      const e0 = lifeTable(CHINA_2015_MX[sex], { sex }).ex[0]!;
      // Measured: 78.9728 (female, error 0.0028) and 74.4692 (male, error 0.0008).
      expect(Math.abs(e0 - CHINA_2015_E0[sex])).toBeLessThanOrEqual(E0_TOLERANCE);
    });
  }
});
