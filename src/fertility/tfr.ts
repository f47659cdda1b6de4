import { STEP } from '../ages/grid.js';
import { parseWith } from '../validate/parse.js';
import { asfrValue, numbers } from '../validate/schemas.js';
import { fertileLayout } from './layout.js';

const asfrSchema = numbers(asfrValue());

/**
 * Total fertility rate of annual rates by 5-year group: `TFR = 5 Σ asfr(x)`, children per woman
 * (Preston, Heuveline & Guillot 2001, ch. 5). Inverts {@link asfrFromTfr}.
 * Accepts either layout: 7 rates for 15–19 … 45–49, or a projection grid from 0–4 (11 values or
 * more, open group last and 0); on a grid every closed group counts, 10–14 included.
 *
 * @example
 * tfr([0, 0.06, 0.12, 0.09, 0.03, 0, 0]) // 1.5  (up to rounding)
 */
export function tfr(asfr: ArrayLike<number>): number {
  const a = parseWith(asfrSchema, asfr, 'asfr');
  const { closed } = fertileLayout(a, 'asfr');
  return tfrOf(a, closed);
}

/** Unchecked core of {@link tfr}: `5 Σ asfr[i]` over the first `closed` values. */
function tfrOf(asfr: ArrayLike<number>, closed = asfr.length): number {
  let s = 0;
  for (let i = 0; i < closed; i++) s += asfr[i] as number;
  return STEP * s;
}
