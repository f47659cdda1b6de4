import * as z from 'zod/mini';
import { STEP, type Width } from '../ages/grid.js';
import { parseWith } from '../validate/parse.js';
import { openAgeValue, tfrValue } from '../validate/schemas.js';
import { FERTILE_GROUPS, FIRST_FERTILE_GROUP, MIN_GRID_OPEN_AGE } from './layout.js';
import { fertilityPattern, type FertilityPattern } from './pattern.js';

/** Options of {@link asfrFromTfr}: the open age of the grid to return the rates on. */
export interface AsfrOptions {
  /** Return the whole projection grid with this open age (a multiple of 5, ≥ 50), zeros outside 15–49. */
  openAge?: number;
}

const optionsSchema = z.optional(
  z.strictObject(
    {
      openAge: z.optional(
        openAgeValue(MIN_GRID_OPEN_AGE),
      ),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys' ? `expected only the key openAge (unknown: ${iss.keys.join(', ')})` : 'expected an options object { openAge }',
    },
  ),
);

/**
 * Annual age-specific fertility rates from a total fertility rate and a pattern:
 * `asfr(x) = TFR · share(x) / 5` for each 5-year group 15–19 … 45–49, so that
 * `5 Σ asfr = TFR · Σ share` (= TFR within 1e-9 relative for any accepted pattern; to rounding
 * for the shipped ones, which sum to 1 within 1e-15). See `tfr()` (the function) for the inverse.
 *
 * Without `openAge`: the 7 rates for 15–19 … 45–49. With `openAge` (a multiple of 5, ≥ 50):
 * the whole projection grid, `openAge/5 + 1` values from 0–4, zeros outside 15–49 — ready for
 * `PeriodInputs.asfr`.
 *
 * @example
 * asfrFromTfr(1.5, [0, 0.2, 0.4, 0.3, 0.1, 0, 0])
 * // Float64Array(7) [0, 0.06, 0.12, 0.09, 0.03, 0, 0]  (up to rounding)
 * asfrFromTfr(0.71, 'china-2015', { openAge: 100 }).length // 21
 */
export function asfrFromTfr(tfr: number, pattern: FertilityPattern, options?: AsfrOptions): Float64Array {
  const t = parseWith(tfrValue(), tfr, 'tfr');
  const shares = fertilityPattern(pattern);
  const o = parseWith(optionsSchema, options, 'options');
  const openAge = o?.openAge;
  const out = new Float64Array(openAge === undefined ? FERTILE_GROUPS : openAge / STEP + 1);
  return fillAsfrFromTfr(t, shares, out);
}

/**
 * Unchecked core of {@link asfrFromTfr}: writes `tfr · shares[i] / n` into `out` and returns it, for
 * the shares of the fertile groups of width n (`width`): 7 shares of 15–19 … 45–49 (n = 5), or 35
 * single-year shares of ages 15 … 49 (n = 1). `out` as long as `shares` gets the rates alone; any
 * other length is taken as a projection grid: the groups from age 15 get the rates, every other
 * group 0. No allocation, no validation: for loops over periods.
 */
export function fillAsfrFromTfr(tfr: number, shares: ArrayLike<number>, out: Float64Array, width: Width = STEP): Float64Array {
  const count = shares.length;
  const first = out.length === count ? 0 : (FIRST_FERTILE_GROUP * STEP) / width;
  out.fill(0);
  const perYear = tfr / width;
  for (let i = 0; i < count; i++) out[first + i] = perYear * (shares[i] as number);
  return out;
}
