import { splitMonotone } from '../ages/monotone.js';
import { FERTILE_AGES, FERTILE_GROUPS, FIRST_FERTILE_GROUP } from './layout.js';


/** Group ends the graduation spans: the fertile groups with an empty group on each side (10–14 and 50–54), so that the curve starts and ends flat at 0. */
const KNOTS = Float64Array.from({ length: FERTILE_GROUPS + 3 }, (_, i) => 5 * (FIRST_FERTILE_GROUP - 1 + i));

/**
 * Single-year shares of the TFR at ages 15 … 49 from the shares of the 5-year groups 15–19 … 45–49
 * (7 values), by the monotone graduation of `graduate` (a Hyman-filtered cubic through the cumulative
 * shares at ages 10, 15, …, 55, with 0 in 10–14 and 50–54, differenced at single ages). Each group's
 * share is kept (to rounding), no share is negative, and none falls outside 15–49. Allocates the 35
 * shares (once per scenario).
 *
 * @example
 * const s = singleYearShares(fertilityPattern('china-2015'));
 * s.length // 35
 */
export function singleYearShares(shares: ArrayLike<number>): Float64Array {
  const totals = new Float64Array(KNOTS.length - 1); // 10–14, 15–19, …, 50–54
  for (let i = 0; i < FERTILE_GROUPS; i++) totals[i + 1] = shares[i] as number;
  const single = splitMonotone(KNOTS, totals, new Float64Array(KNOTS[KNOTS.length - 1]! - KNOTS[0]!));
  return single.slice(5, 5 + FERTILE_AGES);
}
