import { describe, expect, it } from 'vitest';
import { lifeTable, type LifeTableOptions } from '../../src/index.js';
import { mortpak1988Female as mp } from '../fixtures/mortpak1988Female.js';
import { un1982LatinMale as un } from '../fixtures/un1982LatinMale.js';

// Golden tests of the library's OWN rules: the tables below are computed from the published nmx
// with lifeTable's a0, 4a1 and nax rules (nothing printed but nmx goes in) and compared with the
// nax and ex the UN printed. Both UN tables use the rules lifeTable implements (Coale–Demeny a0 and
// 4a1, 2.5 at 5–14, Greville from 15, open row l/m; see the fixtures), so a wrong Coale–Demeny
// constant, a wrong Greville k or a wrong nax rule shows here.
//
// Tolerance, from the printed precision: half a unit of the printed output (3 decimals: 0.0005) plus
// how far the rounding of the printed inputs (nmx to 5 decimals: ±0.000005 each) can move the output,
// to first order: Σ_j |∂f/∂m_j| · 0.000005 (a worst-case bound, computed below by central
// differences). The UN computed its tables from unrounded rates; we only have the rounded ones.
//
// Measured (max |computed − printed|): UN 1982 ex 0.0034 (age 5; tolerance there 0.0073), nax
// 0.00049 (age 55; tolerance 0.00058); MortPak 1988 ex 0.0013 (age 1; tolerance 0.0100).

/** Half a unit of the last of `decimals` printed decimals. */
const half = (decimals: number) => 0.5 * 10 ** -decimals;

/**
 * Σ_j |∂f/∂m_j| · h: how far rounding each printed rate by up to ±h can move each output of f, to
 * first order (central differences with step h).
 */
function roundingBound(f: (mx: number[]) => ArrayLike<number>, mx: readonly number[], h: number): number[] {
  const out = Array.from(f([...mx]), () => 0);
  for (let j = 0; j < mx.length; j++) {
    const up = [...mx];
    const down = [...mx];
    up[j]! += h;
    down[j]! -= h;
    const fu = f(up);
    const fd = f(down);
    for (let i = 0; i < out.length; i++) out[i]! += Math.abs(fu[i]! - fd[i]!) / 2;
  }
  return out;
}

/** |computed − printed| and its tolerance at every age of a printed column. */
function compare(column: 'ex' | 'ax', printed: readonly number[], mx: readonly number[], options: LifeTableOptions, decimals: number, mxDecimals: number) {
  const f = (m: number[]) => lifeTable(m, options)[column];
  const computed = f([...mx]);
  const bound = roundingBound(f, mx, half(mxDecimals));
  return printed.map((p, i) => ({ i, error: Math.abs(computed[i]! - p), tolerance: half(decimals) + bound[i]! }));
}

/** Prints the largest error of a column (the figure the README quotes) and returns the rows. */
function printed(label: string, rows: ReturnType<typeof compare>, ages: readonly number[]) {
  const worst = rows.reduce((a, b) => (b.error > a.error ? b : a));
  console.log(`golden ${label}: max |computed − printed| ${worst.error.toFixed(5)} at age ${ages[worst.i]} (tolerance there ${worst.tolerance.toFixed(5)})`);
  return rows;
}

const unRules: LifeTableOptions = { sex: 'male', a0Rule: 'coale-demeny', axRule: 'mortpak' };
const mpRules: LifeTableOptions = { sex: 'female', a0Rule: 'coale-demeny', axRule: 'mortpak' };

describe('UN (1982) Model Life Tables for Developing Countries, p. 34 (Latin American model, males)', () => {
  it('gives every printed nax (Coale–Demeny 0.330 and 1.352, 2.5, Greville, 1/m) within tolerance', () => {
    for (const { i, error, tolerance } of printed('UN 1982 males nax', compare('ax', un.ax, un.mx, unRules, un.decimals, un.mxDecimals), un.x)) {
      expect(error, `nax at ${un.x[i]}`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('gives every printed ex within tolerance', () => {
    for (const { i, error, tolerance } of printed('UN 1982 males ex', compare('ex', un.ex, un.mx, unRules, un.decimals, un.mxDecimals), un.x)) {
      expect(error, `ex at ${un.x[i]}`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('is not reproduced under other rules: the tolerance is tight enough to tell them apart', () => {
    const e0Tolerance = compare('ex', un.ex, un.mx, unRules, un.decimals, un.mxDecimals)[0]!.tolerance;
    for (const other of [{ ...unRules, a0Rule: 'andreev-kingkade' as const }, { ...unRules, axRule: 'midpoint' as const }]) {
      const e0 = lifeTable(un.mx, other).ex[0]!;
      expect(Math.abs(e0 - un.ex[0]), JSON.stringify(other)).toBeGreaterThan(e0Tolerance);
    }
  });
});

describe('UN (1988) MortPak, p. 82 (the LIFTB example, females)', () => {
  it('gives every printed ex within tolerance', () => {
    for (const { i, error, tolerance } of printed('MortPak 1988 females ex', compare('ex', mp.ex, mp.mx, mpRules, mp.decimals, mp.mxDecimals), mp.x)) {
      expect(error, `ex at ${mp.x[i]}`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('is not reproduced with the Andreev–Kingkade a0 (0.31411 instead of 0.350)', () => {
    const e0Tolerance = compare('ex', mp.ex, mp.mx, mpRules, mp.decimals, mp.mxDecimals)[0]!.tolerance;
    const e0 = lifeTable(mp.mx, { ...mpRules, a0Rule: 'andreev-kingkade' }).ex[0]!;
    expect(Math.abs(e0 - mp.ex[0])).toBeGreaterThan(e0Tolerance);
  });
});
