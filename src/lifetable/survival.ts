import * as z from 'zod/mini';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { openAgeValue } from '../validate/schemas.js';
import { lifeTableSchema } from './schemas.js';

const optionsSchema = z.strictObject({ openAge: openAgeValue() }, { error: 'expected options { openAge }' });
import type { LifeTable } from './compute.js';

/** Survival on the 5-year projection grid: birth → 0–4, and group i → group i+1. */
export interface SurvivalRatios {
  /** 5L0 / (5 l0): births of a period alive in the 0–4 group at its end. */
  birth: number;
  /** `ratios[i]` survives group i into group i+1; the last carries the last closed group and the open group into the open group. */
  ratios: Float64Array;
}

/**
 * Survival ratios for a projection whose open group starts at `openAge`:
 * birth → 0–4: 5L0 / (5 l0) with 5L0 = 1L0 + 4L1; 0–4 → 5–9: 5L5 / 5L0; i → i+1: 5L(i+1) / 5L(i);
 * the last two groups into the open group: T(A) / T(A−5) (Preston, Heuveline & Guillot 2001, ch. 6).
 * The table may extend beyond `openAge`.
 *
 * @example
 * const { birth, ratios } = survivalRatios(lifeTable(mx, { sex: 'female' }), { openAge: 100 });
 * ratios.length // 20: one per group but the open one
 */
export function survivalRatios(lt: LifeTable, options: { openAge: number }): SurvivalRatios {
  parseWith(lifeTableSchema, lt, 'lt');
  const { openAge } = parseWith(optionsSchema, options, 'options');
  const rows = lt.Lx.length;
  const tableOpen = 5 * (rows - 2);
  if (openAge > tableOpen) fail('options.openAge', `expected at most the life table's open age ${tableOpen}`, openAge);
  const out = new Float64Array(openAge / 5);
  const birth = fillSurvivalRatios(lt, openAge, out);
  return { birth, ratios: out };
}

/** Unchecked core of {@link survivalRatios}: writes the ratios into `out` (length openAge/5) and returns the birth ratio. */
export function fillSurvivalRatios(lt: LifeTable, openAge: number, out: Float64Array): number {
  const { Lx, Tx, lx } = lt;
  const groups = openAge / 5; // closed groups on the projection grid
  // Row r of the table (r >= 2) is the 5-year group r − 1 of the grid; group 0 is rows 0 and 1.
  let prev = Lx[0]! + Lx[1]!;
  for (let i = 0; i < groups - 1; i++) {
    const next = Lx[i + 2]!;
    out[i] = ratio(next, prev);
    prev = next;
  }
  // Open group: T(A) / T(A − 5); A is row groups + 1, A − 5 is row groups (or rows 0–1 when A = 5).
  out[groups - 1] = ratio(Tx[groups + 1]!, Tx[groups === 1 ? 0 : groups]!);
  return (Lx[0]! + Lx[1]!) / (5 * lx[0]!);
}

/** A ratio of person-years; where nobody is left to survive (0/0) the ratio is 0. */
function ratio(num: number, den: number): number {
  return den > 0 ? num / den : 0;
}
