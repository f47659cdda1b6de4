import { STEP } from '../ages/grid.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, numbers } from '../validate/schemas.js';
import { fertileLayout } from './layout.js';

const ratesSchema = numbers(nonNegative());

/**
 * Mean age at childbearing of a fertility schedule by 5-year group, each group at its midpoint:
 * `MAC = Σ (x + 2.5) f(x) / Σ f(x)` with midpoints 17.5, 22.5, …, 47.5 (Preston, Heuveline &
 * Guillot 2001, ch. 5; UN WPP's indicator). `f` may be annual rates (asfr) or shares of TFR — the
 * level cancels. Layout as in {@link tfr}: 7 values for 15–19 … 45–49, or a projection grid from
 * 0–4 (11 values or more, open group 0), where every closed group counts at its midpoint.
 *
 * @example
 * meanAgeAtChildbearing([0, 0.2, 0.4, 0.3, 0.1, 0, 0]) // 29.0 = 22.5·.2 + 27.5·.4 + 32.5·.3 + 37.5·.1
 */
export function meanAgeAtChildbearing(rates: ArrayLike<number>): number {
  const f = parseWith(ratesSchema, rates, 'rates');
  const { first, closed } = fertileLayout(f, 'rates');
  let total = 0;
  for (let i = 0; i < closed; i++) total += f[i]!;
  if (!(total > 0)) fail('rates', 'expected at least one rate > 0', f);
  return meanAgeOf(f, first, closed);
}

/**
 * Unchecked core of {@link meanAgeAtChildbearing}: `values[i]` is the group starting at age
 * `5 (first + i)`, for `i < closed`; the total must be > 0.
 */
function meanAgeOf(values: ArrayLike<number>, first: number, closed: number): number {
  let total = 0;
  let moment = 0;
  for (let i = 0; i < closed; i++) {
    const v = values[i] as number;
    total += v;
    moment += (STEP * (first + i) + STEP / 2) * v;
  }
  return moment / total;
}
