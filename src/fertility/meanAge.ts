import { STEP, type Width } from '../ages/grid.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, numbers, widthOptionsSchema } from '../validate/schemas.js';
import { fertileLayout } from './layout.js';

const ratesSchema = numbers(nonNegative());

/**
 * Mean age at childbearing of a fertility schedule by age group of n years, each group at its
 * midpoint: `MAC = Σ (x + n/2) f(x) / Σ f(x)`, midpoints 17.5, 22.5, …, 47.5 for 5-year groups (15.5,
 * 16.5, … for single years, `{ width: 1 }`) (Preston, Heuveline & Guillot 2001, ch. 5; UN WPP's
 * indicator). `f` may be annual rates (asfr) or shares of TFR — the level cancels. Layout as in
 * {@link tfr}: the fertile groups, or a projection grid from age 0 (open group 0), where every
 * closed group counts at its midpoint. Throws an InputError for negative rates, all zeros or another
 * layout.
 *
 * @example
 * meanAgeAtChildbearing([0, 0.2, 0.4, 0.3, 0.1, 0, 0]) // 29.0 = 22.5·.2 + 27.5·.4 + 32.5·.3 + 37.5·.1
 */
export function meanAgeAtChildbearing(rates: ArrayLike<number>, options: { width?: Width } = {}): number {
  const f = parseWith(ratesSchema, rates, 'rates');
  const width = parseWith(widthOptionsSchema, options, 'options').width ?? STEP;
  const { first, closed } = fertileLayout(f, 'rates', width);
  let total = 0;
  for (let i = 0; i < closed; i++) total += f[i]!;
  if (!(total > 0)) fail('rates', 'expected at least one rate > 0', f);
  return meanAgeOf(f, first, closed, width);
}


/**
 * Unchecked core of {@link meanAgeAtChildbearing}: `values[i]` is the group starting at age
 * `n (first + i)`, for `i < closed`; the total must be > 0.
 */
function meanAgeOf(values: ArrayLike<number>, first: number, closed: number, n: number): number {
  let total = 0;
  let moment = 0;
  for (let i = 0; i < closed; i++) {
    const v = values[i] as number;
    total += v;
    moment += (n * (first + i) + n / 2) * v;
  }
  return moment / total;
}
