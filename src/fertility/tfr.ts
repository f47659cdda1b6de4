import { STEP, type Width } from '../ages/grid.js';
import { parseWith } from '../validate/parse.js';
import { asfrValue, numbers, widthOptionsSchema } from '../validate/schemas.js';
import { fertileLayout } from './layout.js';

const asfrSchema = numbers(asfrValue());

/**
 * Total fertility rate of annual rates by age group of n years: `TFR = n Σ asfr(x)`, children per
 * woman (Preston, Heuveline & Guillot 2001, ch. 5); n = 5 by default, 1 with `{ width: 1 }` (single
 * years). Inverts {@link asfrFromTfr}. Accepts either layout: the fertile groups (7 rates for 15–19 …
 * 45–49, or 35 for ages 15 … 49), or a projection grid from age 0 (open group last and 0); on a grid
 * every closed group counts, 10–14 included. Throws an InputError for rates outside 0–3 a year or
 * another layout.
 *
 * @example
 * tfr([0, 0.06, 0.12, 0.09, 0.03, 0, 0]) // 1.5  (up to rounding)
 * tfr(new Array(35).fill(0.04), { width: 1 }) // 1.4  (up to rounding)
 */
export function tfr(asfr: ArrayLike<number>, options: { width?: Width } = {}): number {
  const a = parseWith(asfrSchema, asfr, 'asfr');
  const width = parseWith(widthOptionsSchema, options, 'options').width ?? STEP;
  const { closed } = fertileLayout(a, 'asfr', width);
  return width * sumOf(a, closed);
}


/** Σ asfr[i] over the first `closed` values. */
function sumOf(asfr: ArrayLike<number>, closed: number): number {
  let s = 0;
  for (let i = 0; i < closed; i++) s += asfr[i] as number;
  return s;
}
