import { splitMonotone } from '../ages/monotone.js';
import { FERTILE_AGES, FERTILE_GROUPS, FIRST_FERTILE_GROUP } from './layout.js';



/**
 * Single-year shares of the TFR at ages 15 … 49 from the shares of the 5-year groups 15–19 … 45–49
 * (7 values), by the monotone graduation of `graduate` (a Hyman-filtered cubic through the cumulative
 * shares at ages 10, 15, …, 55, with 0 in 10–14 and 50–54, differenced at single ages). Each group's
 * share is kept (to rounding), no share is negative, and none falls outside 15–49. Allocates the 35
 * shares and the knots (once per scenario).
 *
 * @example
 * const s = singleYearShares(fertilityPattern('china-2015'));
 * s.length // 35
 */
export function singleYearShares(shares: ArrayLike<number>): Float64Array {
  // Group ends the graduation spans: the fertile groups with an empty group on each side (10–14 and
  // 50–54), so that the curve starts and ends flat at 0.
  const knots = Float64Array.from({ length: FERTILE_GROUPS + 3 }, (_, i) => 5 * (FIRST_FERTILE_GROUP - 1 + i));
  // Stryker disable next-line ArithmeticOperator: splitMonotone reads one total per interval; a longer array's last is never read
  const totals = new Float64Array(knots.length - 1); // 10–14, 15–19, …, 50–54
  // Stryker disable next-line EqualityOperator: one more pass writes NaN into 50–54, whose slope Hyman's filter then sets to 0, as for the 0 there; its ages are not returned
  for (let i = 0; i < FERTILE_GROUPS; i++) totals[i + 1] = shares[i] as number;
  // Stryker disable next-line ArithmeticOperator: a longer buffer only holds ages past 54, which are not returned
  const single = splitMonotone(knots, totals, new Float64Array(knots[knots.length - 1]! - knots[0]!));
  return single.slice(5, 5 + FERTILE_AGES);
}
