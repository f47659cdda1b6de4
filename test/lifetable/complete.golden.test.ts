import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { survivalRatios } from '../../src/lifetable/survival.js';
import type { LifeTable } from '../../src/lifetable/compute.js';
import type { Sex } from '../../src/types.js';
import { FRANCE_MALES_2018, UK_FEMALES_2017, type HmdRow } from '../fixtures/hmdComplete.js';

// Goldens: two complete (1×1) period life tables of the Human Mortality Database (fixture
// test/fixtures/hmdComplete.ts, with the citation), recomputed from their printed mx by
// lifeTable(mx, { sex, width: 1 }) — the HMD's rules are this table's defaults (a0 Andreev–Kingkade,
// ax = 0.5 above age 0, open group L = l/m).
//
// Tolerance, column by column and age by age. HMD computes from unrounded rates and prints mx to 5
// decimals, so each printed m_y is off the rate behind it by at most h = 5e-6. To first order a
// column f at age x then moves by at most Σ_y |∂f/∂m_y| h, which the test measures: it recomputes
// the table with each m_y in turn raised by h and sums the changes |f(m + h e_y) − f(m)| (the a0
// rule's dependence on m0 included). Add half the printed unit of f (ex, qx: 0.005 and 5e-6; lx, dx,
// Lx, Tx: 0.5 persons; ax: 0.005) and the second-order term (h² terms, below 1e-6 of the first
// here: the bound gets a 1 % margin). The bound on e0 is 0.018 years (UK females 2017) and 0.016
// (France males 2018); the recomputed e0 are 82.9903 and 79.5584 against the printed 82.99 and 79.56.

const H = 5e-6;

/** Columns compared, with half their printed unit. */
const COLUMNS = { qx: 5e-6, ax: 0.005, lx: 0.5, dx: 0.5, Lx: 0.5, Tx: 0.5, ex: 0.005 } as const;
type Column = keyof typeof COLUMNS;

/** Σ_y |f(m + h e_y) − f(m)| for every column and row: the first-order effect of mx rounding. */
function roundingBound(mx: number[], sex: Sex, base: LifeTable): Record<Column, Float64Array> {
  const bound = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, new Float64Array(mx.length)])) as Record<Column, Float64Array>;
  for (let y = 0; y < mx.length; y++) {
    const m = mx.slice();
    m[y] = m[y]! + H;
    const lt = lifeTable(m, { sex, width: 1 });
    for (const c of Object.keys(COLUMNS) as Column[]) for (let x = 0; x < mx.length; x++) bound[c][x]! += Math.abs(lt[c][x]! - base[c][x]!);
  }
  return bound;
}

function golden(name: string, rows: HmdRow[], sex: Sex): void {
  describe(name, () => {
    const mx = rows.map((r) => r.mx);
    it('reproduces every printed column within the rounding of mx and of the print', () => {
      const lt = lifeTable(mx, { sex, width: 1 });
      expect(Array.from(lt.ages)).toEqual(rows.map((r) => r.age));
      const bound = roundingBound(mx, sex, lt);
      let worst = 0; // largest |computed − printed| / tolerance, to report how tight the test is
      for (const c of Object.keys(COLUMNS) as Column[]) {
        rows.forEach((r, x) => {
          const tol = 1.01 * bound[c][x]! + COLUMNS[c];
          const diff = Math.abs(lt[c][x]! - r[c]);
          worst = Math.max(worst, diff / tol);
          expect(diff, `${c}[${x}]: ${lt[c][x]} vs printed ${r[c]} (tolerance ${tol})`).toBeLessThanOrEqual(tol);
        });
      }
      expect(worst).toBeGreaterThan(0);
    });

    it('e0 within its rounding bound (itself below 0.025 years) and half the printed 0.01', () => {
      const lt = lifeTable(mx, { sex, width: 1 });
      const b = roundingBound(mx, sex, lt).ex[0]!;
      expect(b).toBeLessThan(0.025);
      expect(Math.abs(lt.ex[0]! - rows[0]!.ex)).toBeLessThanOrEqual(b + 0.005);
    });

    it('a0 by Andreev–Kingkade: the printed 2-decimal a0', () => {
      const lt = lifeTable(mx, { sex, width: 1 });
      expect(Math.abs(lt.ax[0]! - rows[0]!.ax)).toBeLessThanOrEqual(0.005);
      // Coale–Demeny's a0 would be off the print (0.053 + 2.8 m0 ≈ 0.06 for these m0).
      expect(Math.abs(lifeTable(mx, { sex, width: 1, a0Rule: 'coale-demeny' }).ax[0]! - rows[0]!.ax)).toBeGreaterThan(0.05);
    });

    it('survival ratios on the 1-year grid from the printed Lx and Tx: the same as from the recomputed table, within their rounding', () => {
      const lt = lifeTable(mx, { sex, width: 1 });
      const { birth, ratios } = survivalRatios(lt, { openAge: 100, width: 1 });
      // Printed: L0/l0, L(x)/L(x−1), T(100)/T(99); each printed L is within 0.5 + its bound, so the
      // ratios agree to a relative 2·(0.5 + bound)/L; checked at a few ages where L is large.
      expect(Math.abs(birth - rows[0]!.Lx / rows[0]!.lx)).toBeLessThan(2e-5);
      for (const x of [1, 20, 50, 70, 90]) expect(Math.abs(ratios[x - 1]! - rows[x]!.Lx / rows[x - 1]!.Lx), `S${x}`).toBeLessThan(1e-3);
      expect(Math.abs(ratios[99]! - rows[100]!.Tx / rows[99]!.Tx)).toBeLessThan(2e-3);
    });
  });
}

golden('HMD United Kingdom, females, 2017 (1×1)', UK_FEMALES_2017, 'female');
golden('HMD France, males, 2018 (1×1)', FRANCE_MALES_2018, 'male');
