import * as z from 'zod/mini';
import china2015 from '../../data/fertility/china-2015-pattern.json';
import { parseWith } from '../validate/parse.js';
import { plainArrays, sharesSchema } from '../validate/schemas.js';
import { STEP, type Width } from '../ages/grid.js';
import { FERTILE_AGES, FERTILE_GROUPS } from './layout.js';
import { singleYearShares } from './singleYears.js';

/** Names of the shipped patterns. */
export type FertilityPatternName = 'china-2015';

/** A fertility pattern: a shipped name, 7 shares of TFR for 15–19 … 45–49, or 35 for single ages 15 … 49. */
export type FertilityPattern = FertilityPatternName | ArrayLike<number>;

/** Shipped patterns (normalised once, in the data file). Never handed out: callers get copies. */
const NAMED: Record<FertilityPatternName, Float64Array> = {
  'china-2015': Float64Array.from(china2015.shares),
};

/**
 * zod schema of a fertility pattern (JSON-shaped: plain arrays): `'china-2015'`, 7 shares of TFR
 * for 15–19 … 45–49, or 35 for single ages 15 … 49, finite, ≥ 0, summing to 1 within 1e-9. A wrong
 * sum is reported with the sum, e.g. `fertility.pattern: expected shares that sum to 1 (within 1e-9), got 1.1`.
 */
export const fertilityPatternSchema = z.union(
  [
    z.literal('china-2015'),
    sharesSchema(FERTILE_GROUPS, '15-19 … 45-49', { length: FERTILE_AGES, groups: 'single ages 15 … 49' }),
  ],
  { error: "expected 'china-2015' or 7 shares of TFR (15-19 … 45-49)" },
);

/**
 * The shares of TFR by age group 15–19 … 45–49 of a fertility pattern, validated: 7 values (or 35
 * for single ages 15 … 49, returned as given), finite, ≥ 0, summing to 1 within 1e-9 (an error names
 * the actual sum; nothing is rescaled).
 * `'china-2015'`: UN World Population Prospects 2019, China 2015–2020, percentASFR
 * (2.25888, 34.52367, 34.68462, 18.6571, 6.85473, 2.71302, 0.30799 per cent, which sum to
 * 100.00001), divided once by their sum in `data/fertility/china-2015-pattern.json`.
 *
 * @example
 * fertilityPattern('china-2015')[1]                 // 0.3452366654763334  (20-24)
 * fertilityPattern([0, 0.2, 0.4, 0.3, 0.1, 0, 0])   // Float64Array(7) [0, 0.2, 0.4, 0.3, 0.1, 0, 0]
 * fertilityPattern([0, 0.25, 0.5, 0.25, 0.25, 0, 0]) // throws InputError:
 *   // pattern: expected shares that sum to 1 (within 1e-9), got 1.25
 */
export function fertilityPattern(pattern: FertilityPattern): Float64Array {
  const p = parseWith(fertilityPatternSchema, plainArrays(pattern), 'pattern');
  return typeof p === 'string' ? NAMED[p].slice() : Float64Array.from(p);
}

/**
 * Shares of a validated pattern (unchecked) on the fertile groups of a grid of `width`-year groups:
 * 7 five-year shares, or 35 single-year shares. A 5-year pattern is brought to single years by
 * {@link singleYearShares}; a single-year one to 5-year groups by summing each group's five ages.
 */
export function patternShares(pattern: FertilityPatternName | readonly number[], width: Width = STEP): Float64Array {
  const shares = typeof pattern === 'string' ? NAMED[pattern] : Float64Array.from(pattern);
  if (width === 1) return shares.length === FERTILE_AGES ? shares : singleYearShares(shares);
  if (shares.length === FERTILE_GROUPS) return shares;
  const five = new Float64Array(FERTILE_GROUPS);
  for (let g = 0; g < FERTILE_GROUPS; g++) for (let x = 5 * g; x < 5 * g + 5; x++) five[g] = five[g]! + shares[x]!;
  return five;
}
