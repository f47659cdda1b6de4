import * as z from 'zod/mini';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { MAX_OPEN_AGE, openAgeValue } from '../validate/schemas.js';
import type { LifeTable } from './compute.js';
import type { Width } from '../ages/grid.js';
import { isComplete, lifeTableSchema } from './schemas.js';

const SINGLE_AGE_RULE = `expected an integer from 1 to ${MAX_OPEN_AGE}`;
const optionsSchema = z.strictObject(
  {
    // The open age's rule depends on the width: checked below.
    openAge: z.unknown(),
    width: z.optional(z.union([z.literal(1), z.literal(5)], { error: 'expected 1 or 5' })),
  },
  { error: 'expected options { openAge, width? }' },
);
const fiveYearOpenAge = openAgeValue();
const singleOpenAge = z.number({ error: SINGLE_AGE_RULE }).check(z.int({ error: SINGLE_AGE_RULE }), z.gte(1, { error: SINGLE_AGE_RULE }), z.lte(MAX_OPEN_AGE, { error: SINGLE_AGE_RULE }));

/** Survival on the projection grid (5-year groups or single years): birth → the first group, and group i → group i+1. */
export interface SurvivalRatios {
  /** L(first group) / (n l0): births of a period (n = 5) or year (n = 1) alive in the first group at its end. */
  birth: number;
  /** `ratios[i]` survives group i into group i+1; the last carries the last closed group and the open group into the open group. */
  ratios: Float64Array;
}

/**
 * Survival ratios for a projection whose open group starts at `openAge`, on the 5-year grid
 * (`width` 5, the default; an abridged table) or on single years (`width` 1; a complete table),
 * by age at arrival:
 *
 * - 5-year: birth → 0–4: 5L0 / (5 l0) with 5L0 = 1L0 + 4L1; 0–4 → 5–9: 5L5 / 5L0; i → i+1:
 *   5L(i+1) / 5L(i); the last two groups into the open group: T(A) / T(A−5) (Preston, Heuveline &
 *   Guillot 2001, ch. 6).
 * - 1-year: birth → 0: L0 / l0; `ratios[x−1]` (x−1 → x, x = 1 … A−1): L(x) / L(x−1); into the open
 *   group A+: T(A) / (L(A−1) + T(A)) = T(A) / T(A−1) (ccmppWPP, bayesPop; WPP 2022).
 *
 * Both open ratios are one formula, T(A) / T(A−n) with T(A−n) = L(A−n) + T(A). The table may extend
 * beyond `openAge` (a table to 130+, a projection open at 100+): T(A) then comes from the full table.
 * Throws an `InputError` when the table is not one (see `lifeTableSchema`), when `width` does not
 * match its ages (5 for 0, 1, 5, …; 1 for 0, 1, 2, …), or when `openAge` is not a multiple of 5
 * (width 5) or an integer ≥ 1 (width 1), or is beyond the table's open age.
 *
 * @example
 * const { birth, ratios } = survivalRatios(lifeTable(mx, { sex: 'female' }), { openAge: 100 });
 * ratios.length // 20: one per group but the open one
 * const single = survivalRatios(lifeTable([0.01, 0.001, 0.002, 0.5], { sex: 'female', width: 1 }), { openAge: 2, width: 1 });
 * single.ratios.length // 2: 0 → 1, and 1 → 2+ with the open group
 */
export function survivalRatios(lt: LifeTable, options: { openAge: number; width?: Width }): SurvivalRatios {
  parseWith(lifeTableSchema, lt, 'lt');
  const o = parseWith(optionsSchema, options, 'options');
  const width = o.width ?? 5;
  const openAge = parseWith(width === 5 ? fiveYearOpenAge : singleOpenAge, o.openAge, 'options.openAge');
  const complete = isComplete(lt.ages);
  if (complete !== (width === 1))
    fail('options.width', `expected the width of the life table's ages (${complete ? '1: ages 0, 1, 2, …' : '5: ages 0, 1, 5, …'})`, width);
  const rows = lt.Lx.length;
  const tableOpen = width === 5 ? 5 * (rows - 2) : rows - 1;
  if (openAge > tableOpen) fail('options.openAge', `expected at most the life table's open age ${tableOpen}`, openAge);
  const out = new Float64Array(openAge / width);
  const birth = fillSurvivalRatios(lt, openAge, out, width);
  return { birth, ratios: out };
}

/**
 * Unchecked core of {@link survivalRatios}: writes the ratios into `out` (length openAge / width)
 * and returns the birth ratio. No allocation. `width` 5 (default: abridged table, 5-year grid) or 1
 * (complete table, single years).
 *
 * Grid group g is one row of the table, row g + (width 5 ? 1 : 0), except the 5-year group 0–4,
 * which is rows 0 and 1 (1L0 + 4L1).
 */
export function fillSurvivalRatios(lt: LifeTable, openAge: number, out: Float64Array, width: Width = 5): number {
  const { Lx, Tx, lx } = lt;
  const groups = openAge / width; // closed groups on the projection grid
  const shift = width === 5 ? 1 : 0; // row of grid group g ≥ 1 is g + shift
  const first = width === 5 ? Lx[0]! + Lx[1]! : Lx[0]!;
  let prev = first;
  for (let i = 0; i < groups - 1; i++) {
    const next = Lx[i + 1 + shift]!;
    out[i] = ratio(next, prev);
    prev = next;
  }
  // Open group: T(A) / T(A − n) = T(A) / (L(A − n) + T(A)); A is row groups + shift, A − n is row
  // groups − 1 + shift (or row 0 when A − n = 0: the 5-year group 0–4 starts there too).
  out[groups - 1] = ratio(Tx[groups + shift]!, Tx[groups === 1 ? 0 : groups - 1 + shift]!);
  return first / (width * lx[0]!);
}

/** A ratio of person-years; where nobody is left to survive (0/0) the ratio is 0. */
function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}
