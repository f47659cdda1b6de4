import * as z from 'zod/mini';
import china2015 from '../../data/fertility/china-2015-pattern.json';
import { parseWith } from '../validate/parse.js';
import { plainArrays, sharesSchema } from '../validate/schemas.js';
import { FERTILE_GROUPS } from './layout.js';

/** Names of the shipped patterns. */
export type FertilityPatternName = 'china-2015';

/** A fertility pattern: a shipped name, or 7 shares of TFR for 15–19 … 45–49. */
export type FertilityPattern = FertilityPatternName | ArrayLike<number>;

/** Shipped patterns (normalised once, in the data file). Never handed out: callers get copies. */
const NAMED: Record<FertilityPatternName, Float64Array> = {
  'china-2015': Float64Array.from(china2015.shares),
};

/**
 * zod schema of a fertility pattern (JSON-shaped: plain arrays): `'china-2015'` or 7 shares of TFR
 * for 15–19 … 45–49, finite, ≥ 0, summing to 1 within 1e-9. A wrong sum is reported with the sum,
 * e.g. `fertility.pattern: expected shares that sum to 1 (within 1e-9), got 1.1`.
 */
export const fertilityPatternSchema = z.union(
  [z.literal('china-2015'), sharesSchema(FERTILE_GROUPS, '15-19 … 45-49')],
  { error: "expected 'china-2015' or 7 shares of TFR (15-19 … 45-49)" },
);

/**
 * The shares of TFR by age group 15–19 … 45–49 of a fertility pattern, validated: 7 values,
 * finite, ≥ 0, summing to 1 within 1e-9 (an error names the actual sum; nothing is rescaled).
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

/** Shares of a validated pattern (unchecked). */
export function patternShares(pattern: FertilityPatternName | readonly number[]): Float64Array {
  return typeof pattern === 'string' ? NAMED[pattern] : Float64Array.from(pattern);
}
