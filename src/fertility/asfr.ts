import * as z from 'zod/mini';
import { STEP, type Width } from '../ages/grid.js';
import { parseWith } from '../validate/parse.js';
import { openAgeValue, tfrValue, widthValue } from '../validate/schemas.js';
import { FIRST_FERTILE_GROUP, MIN_GRID_OPEN_AGE } from './layout.js';
import { fertilityPattern, patternShares, type FertilityPattern } from './pattern.js';

/** Options of {@link asfrFromTfr}: the open age and width of the grid to return the rates on. */
export interface AsfrOptions {
  /** Return the whole projection grid with this open age (a multiple of 5, ≥ 50), zeros outside 15–49. */
  openAge?: number;
  /** 5 (default): rates by 5-year group; 1: by single year of age (a 5-year pattern graduated, each group's share kept). */
  width?: Width;
}

const optionsSchema = z.optional(
  z.strictObject(
    {
      openAge: z.optional(
        openAgeValue(MIN_GRID_OPEN_AGE),
      ),
      width: z.optional(widthValue()),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys' ? `expected only the keys openAge and width (unknown: ${iss.keys.join(', ')})` : 'expected an options object { openAge, width }',
    },
  ),
);

/**
 * Annual age-specific fertility rates from a total fertility rate and a pattern:
 * `asfr(x) = TFR · share(x) / n` for each group of n years, 15–19 … 45–49 (n = 5) or the single ages
 * 15 … 49 (`width: 1`, n = 1), so that `n Σ asfr = TFR · Σ share` (= TFR within 1e-9 relative for
 * any accepted pattern; to rounding for the shipped ones, which sum to 1 within 1e-15). A 5-year
 * pattern is graduated to single years (monotone, each group's share kept); a single-year one is
 * summed into 5-year groups. See `tfr()` (the function) for the inverse.
 *
 * Without `openAge`: the 7 rates for 15–19 … 45–49 (35 at width 1). With `openAge` (a multiple of
 * 5, ≥ 50): the whole projection grid, `openAge/n + 1` values from age 0, zeros outside 15–49 —
 * ready for `PeriodInputs.asfr`. Throws an InputError for a TFR outside 0–15, a bad pattern or option.
 *
 * @example
 * asfrFromTfr(1.5, [0, 0.2, 0.4, 0.3, 0.1, 0, 0])
 * // Float64Array(7) [0, 0.06, 0.12, 0.09, 0.03, 0, 0]  (up to rounding)
 * asfrFromTfr(0.71, 'china-2015', { openAge: 100 }).length // 21
 * asfrFromTfr(0.71, 'china-2015', { openAge: 100, width: 1 }).length // 101
 */
export function asfrFromTfr(tfr: number, pattern: FertilityPattern, options?: AsfrOptions): Float64Array {
  const t = parseWith(tfrValue(), tfr, 'tfr');
  const given = fertilityPattern(pattern);
  const o = parseWith(optionsSchema, options, 'options');
  const openAge = o?.openAge;
  const width = o?.width ?? STEP;
  const shares = patternShares(Array.from(given), width);
  const out = new Float64Array(openAge === undefined ? shares.length : openAge / width + 1);
  return fillAsfrFromTfr(t, shares, out, width);
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
