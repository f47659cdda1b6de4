import type { LifeTable } from '../lifetable/compute.js';
import { extendKannistoMx } from '../lifetable/complete.js';
import { splitMonotone } from '../ages/monotone.js';
import { MAX_OPEN_AGE } from '../validate/schemas.js';

/**
 * From an abridged life table (ages 0, 1, 5, …, A+) to single-age death rates 0, 1, …, 130+: how a
 * 5-year mortality model (log-quadratic, or proportional hazards on an abridged baseline) serves a
 * projection on single years of age.
 *
 * 1. Deaths at single ages: each interval's deaths d(0), 4d1, 5d5, … split over its ages by the
 *    monotone (Hyman-filtered) cubic through the cumulative deaths (the monotone graduation of
 *    `graduate`), so that no single-age death count is negative and l(x) = l(0) − Σ d goes through
 *    the table's l at 0, 1, 5, … to rounding (every 5-year survival probability is kept).
 * 2. Rates: m(0) is the table's 1m0 (the same a0 rule then gives the same l(1)); for x ≥ 1,
 *    m(x) = d(x) / (l(x+1) + d(x)/2), the rate whose q under a(x) = 1/2 is d(x)/l(x).
 * 3. Above the data (from min(A, 100)): Kannisto, logit m(x) = ln c + d·x, fitted by least squares
 *    of logit m on x over the 20 single ages below (80–99 for the log-quadratic model, as ccmppWPP
 *    fits from 80), to age 130, where the table closes (WPP 2022's single-age tables end at 130+;
 *    DemoTools `lt_single_mx`). The closed-form logit fit, not DemoTools' default fit of ln m: the
 *    rates fitted here come from a smooth model, not from noisy data, and the fit runs inside the
 *    e0 solver, where the iterative fit would cost more than the rest of the table.
 *
 * The projection then solves the model's parameter so that the complete table's e0 is the target
 * (mortality/solveE0.ts): the abridged and complete tables of one parameter differ in e0 (the
 * a(x) = 1/2 rule against the 5-year nax), which the solve removes.
 */

/** Rows of a complete table to the open age 130+: ages 0, 1, …, 130. */
export const COMPLETE_ROWS = MAX_OPEN_AGE + 1;

/** The age from which rates come from the Kannisto extension at most: 100 (the data's open age if lower). */
const KANNISTO_FROM = 100;

/** Single ages the Kannisto fit uses below the first extended age (ages 80–99 below 100). */
const KANNISTO_FIT_AGES = 20;

/** Scratch an abridged → single conversion needs (a caller reuses it across calls). */
export interface SingleAgeScratch {
  /** Deaths at single ages 0 … A − 1 (length ≥ A). */
  deaths: Float64Array;
  /** Kannisto parameters [ln c, d]. */
  params: Float64Array;
}

/** Scratch for abridged tables of up to `rows` rows (open age 5·(rows − 2)). */
export function singleAgeScratch(rows: number): SingleAgeScratch {
  return { deaths: new Float64Array(5 * (rows - 2)), params: new Float64Array(2) };
}

/**
 * Unchecked: single-age rates 0 … 130 (130 the open rate) into `mx` (length {@link COMPLETE_ROWS})
 * from the abridged table `lt` (its lx, dx, mx and ages), by the steps of the module comment: the
 * table's deaths of each interval split over its single ages by the monotone cubic through their
 * cumulative sum (`splitMonotone`, as `graduate` does), survivors l(x + 1) = l(x) − d(x). No allocation.
 */
export function fillSingleAgeMx(lt: LifeTable, mx: Float64Array, scratch: SingleAgeScratch): void {
  const rows = lt.lx.length;
  const A = lt.ages[rows - 1]!;
  const { deaths, params } = scratch;
  splitMonotone(lt.ages, lt.dx, deaths); // reads the closed rows' deaths, not the open row's
  const from = Math.min(A, KANNISTO_FROM);
  mx[0] = lt.mx[0]!;
  let l = lt.lx[0]! - deaths[0]!;
  for (let x = 1; x < from; x++) {
    const d = deaths[x]!;
    const next = l - d;
    // Where nobody is left (l = 0) the rate of the age before carries on.
    mx[x] = l > 0 ? d / (next + 0.5 * d) : mx[x - 1]!;
    l = next;
  }
  const fitFrom = Math.max(1, from - KANNISTO_FIT_AGES);
  extendKannistoMx(mx, fitFrom, from - 1, from, COMPLETE_ROWS - 1, 'logit', params);
}
