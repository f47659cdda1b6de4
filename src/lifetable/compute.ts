import type { Width } from '../ages/grid.js';
import type { Sex } from '../types.js';
import { a0Of, coaleDemeny4a1, type A0Rule } from './a0.js';
import { MORTPAK_AX_FLOOR, constantHazardAx, grevilleAx, type AxRule } from './ax.js';

/**
 * A life table, abridged (ages 0, 1, 5, 10, …) or complete (single ages 0, 1, 2, …), the last row
 * open. Columns in the notation of Preston, Heuveline & Guillot (2001), ch. 3; `ages[i]` is the
 * row's starting age, so the ages column tells the width (`ages[2]` is 5 or 2).
 */
export interface LifeTable {
  ages: Float64Array;
  mx: Float64Array;
  qx: Float64Array;
  ax: Float64Array;
  lx: Float64Array;
  dx: Float64Array;
  Lx: Float64Array;
  Tx: Float64Array;
  ex: Float64Array;
}


/** Everything that decides the table besides mx. */
export interface LifeTableRules {
  sex: Sex;
  a0Rule: A0Rule;
  /** The 5-year nax rule (abridged tables only; complete tables take ax = 0.5 above age 0). */
  axRule: AxRule;
  /** Given nax for every row but the open one; overrides both rules. */
  ax: ArrayLike<number> | undefined;
  radix: number;
}

/** Ages of a table of `rows` rows: abridged 0, 1, 5, …, 5(rows − 2), or complete 0, 1, …, rows − 1. */
function tableAges(rows: number, width: Width, ages: Float64Array): Float64Array {
  for (let i = 1; i < rows; i++) ages[i] = width === 1 || i === 1 ? i : 5 * (i - 1);
  return ages;
}

/**
 * Allocates an empty table of `rows` rows (ages filled in: abridged for width 5, the default, or
 * single ages for width 1). Its nine columns are views of one buffer that the table owns (one
 * allocation instead of nine; no two tables ever share a buffer).
 */
export function emptyLifeTable(rows: number, width: Width = 5): LifeTable {
  const buffer = new Float64Array(9 * rows);
  let next = 0;
  const col = () => buffer.subarray(next, (next += rows));
  return { ages: tableAges(rows, width, col()), mx: col(), qx: col(), ax: col(), lx: col(), dx: col(), Lx: col(), Tx: col(), ex: col() };
}

/**
 * Fills `out` with the abridged life table of `mx` at ages 0, 1, 5, …, the last row open
 * (unchecked: the caller has validated). No allocation, so solvers can call it in a loop. For
 * single ages: {@link computeCompleteLifeTable}.
 *
 * q = n m / (1 + (n − a) m), l(x+n) = l(x)(1 − q), d = l q, L = n l(x+n) + a d;
 * open row: q = 1, L = l / m, a = 1/m; T = reverse cumulative sum of L; e = T / l
 * (Preston, Heuveline & Guillot 2001, ch. 3).
 *
 * nax: a0 from the a0 rule and 4a1 from Coale–Demeny; 5-year rows by the ax rule — 'mortpak':
 * 2.5 at 5–9 and 10–14, Greville from 15 (the last closed row takes k of the row before it, as
 * Mortpak does), floored at 0.97 from 45; 'midpoint': 2.5. Where a rule's a would make q ≥ 1
 * (a·m ≥ 1, only for m above ~1) or leave (0, n), the constant-hazard a is used instead.
 */
export function computeLifeTable(mx: ArrayLike<number>, rules: LifeTableRules, out: LifeTable): void {
  const rows = mx.length;
  const last = rows - 1;
  const { ax: given, sex } = rules;
  const m0 = mx[0] as number;
  const { mx: m, ax } = out;
  for (let i = 0; i < rows; i++) m[i] = mx[i] as number;

  // Separation factors.
  if (given) {
    for (let i = 0; i < last; i++) ax[i] = given[i] as number;
  } else {
    const a0 = a0Of(m0, sex, rules.a0Rule);
    const a1 = coaleDemeny4a1(m0, sex);
    ax[0] = a0 * m0 < 1 ? a0 : constantHazardAx(m0, 1);
    ax[1] = a1 * m[1]! < 1 ? a1 : constantHazardAx(m[1]!, 4);
    const greville = rules.axRule === 'mortpak';
    for (let i = 2; i < last; i++) {
      let a = 2.5;
      if (greville && i >= 4) {
        // k from the neighbours; the last closed row reuses the k of the row before it.
        a = i < last - 1 ? grevilleAx(m[i]!, m[i - 1]!, m[i + 1]!) : grevilleAx(m[i]!, m[i - 2]!, m[i]!);
        if (i >= 10 && a < MORTPAK_AX_FLOOR) a = MORTPAK_AX_FLOOR;
      }
      if (!(a > 0 && a < 5) || a * m[i]! >= 1) a = constantHazardAx(m[i]!, 5);
      ax[i] = a;
    }
  }

  fillColumns(out, rows, rules.radix, 5);
}

/**
 * Fills `out` with the complete (single-year) life table of `mx` at ages 0, 1, …, the last row open
 * (unchecked; no allocation, for solvers that fill tables in a loop). `out` comes from
 * `emptyLifeTable(mx.length, 1)`.
 *
 * q = m / (1 + (1 − a) m), l(x+1) = l(x)(1 − q), d = l q, L = l(x+1) + a d; open row q = 1,
 * L = l / m, a = 1/m; T = Σ L from x up; e = T / l — the same columns as the abridged table with
 * n = 1 (Preston, Heuveline & Guillot 2001, ch. 3). a0 by the a0 rule (the 1a0 formulas of
 * Andreev & Kingkade 2015 or Coale–Demeny, as in abridged tables); ax = 0.5 for x ≥ 1 (HMD Methods
 * Protocol v6, MortCast `life.table(abridged = FALSE)`, ccmppWPP). `rules.axRule` is not used;
 * given `rules.ax` (every row but the open one) overrides both. Where a = 0.5 (or a0) would make
 * q ≥ 1 (a·m ≥ 1, i.e. m ≥ 2 at single ages) the constant-hazard a is used instead, as in the
 * abridged table. Throws nothing (unchecked; `lifeTable(mx, { width: 1 })` validates).
 *
 * @example
 * const out = emptyLifeTable(3, 1);
 * computeCompleteLifeTable([0.01, 0.001, 0.5], { sex: 'female', a0Rule: 'andreev-kingkade', axRule: 'mortpak', ax: [0.1, 0.5], radix: 1000 }, out);
 * out.ex[0] // 3.9589
 */
export function computeCompleteLifeTable(mx: ArrayLike<number>, rules: LifeTableRules, out: LifeTable): void {
  const rows = mx.length;
  const last = rows - 1;
  const given = rules.ax;
  const { mx: m, ax } = out;
  for (let i = 0; i < rows; i++) m[i] = mx[i] as number;
  if (given) {
    for (let i = 0; i < last; i++) ax[i] = given[i] as number;
  } else {
    const m0 = m[0]!;
    const a0 = a0Of(m0, rules.sex, rules.a0Rule);
    ax[0] = a0 * m0 < 1 ? a0 : constantHazardAx(m0, 1);
    for (let i = 1; i < last; i++) ax[i] = 0.5 * m[i]! < 1 ? 0.5 : constantHazardAx(m[i]!, 1);
  }
  fillColumns(out, rows, rules.radix, 1);
}

/**
 * The columns from mx and ax (both in `out`), for either width: row i spans n = 1 year at i = 0,
 * then 4 (abridged) or 1 (complete), then `width`. One implementation of the life-table formulas
 * for both kinds of table.
 */
function fillColumns(out: LifeTable, rows: number, radix: number, width: Width): void {
  const { mx: m, qx, ax, lx, dx, Lx, Tx, ex } = out;
  const last = rows - 1;
  const n1 = width === 5 ? 4 : 1;
  let l = radix;
  for (let i = 0; i < last; i++) {
    const n = i === 0 ? 1 : i === 1 ? n1 : width;
    const mi = m[i]!;
    const a = ax[i]!;
    const q = (n * mi) / (1 + (n - a) * mi);
    const d = l * q;
    const next = l - d;
    qx[i] = q;
    lx[i] = l;
    dx[i] = d;
    Lx[i] = n * next + a * d;
    l = next;
  }
  lx[last] = l;
  qx[last] = 1;
  dx[last] = l;
  ax[last] = 1 / m[last]!;
  Lx[last] = l / m[last]!;

  let T = 0;
  for (let i = last; i >= 0; i--) {
    T += Lx[i]!;
    Tx[i] = T;
    ex[i] = T / lx[i]!;
  }
}
