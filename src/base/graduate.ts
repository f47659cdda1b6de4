import * as z from 'zod/mini';
import { InputError, fail, type Issue } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { keyedObject, MAX_OPEN_AGE, numbers, oneOf, persons } from '../validate/schemas.js';
import { BEERS_ORDINARY_PANELS } from './graduate/beers.js';
import { splitCore } from '../ages/monotone.js';
import { applyPanels, PANEL_MIN_CLOSED } from './graduate/panels.js';
import { SPRAGUE_PANELS } from './graduate/sprague.js';

/** The graduation methods of {@link graduate}. */
export const GRADUATION_METHODS: readonly [GraduationMethod, ...GraduationMethod[]] = ['sprague', 'beers', 'monotone'];

/** A graduation method: Sprague's or Beers' ordinary multipliers, or the monotone cubic. */
export type GraduationMethod = 'sprague' | 'beers' | 'monotone';

/**
 * The default method, 'sprague': the demographers' classic (DemoTools' graduate() defaults to it),
 * exact for a cubic age curve and smooth; where it would give a negative single year, graduate()
 * says so (or, with `onNegative: 'monotone'`, uses the monotone method).
 */
export const DEFAULT_GRADUATION_METHOD: GraduationMethod = 'sprague';

/** Options of {@link graduate}. */
export interface GraduateOptions {
  /** Default 'sprague'. */
  method?: GraduationMethod;
  /**
   * What to do when the method gives a negative single year (Sprague and Beers can, where counts are
   * small next to their neighbours: old ages, zeros): 'throw' (the default) an InputError naming each
   * such group, or 'monotone': graduate the whole distribution by the monotone method instead.
   */
  onNegative?: 'throw' | 'monotone';
}

/** Most groups: open age {@link MAX_OPEN_AGE} (130+), 26 closed groups and the open one. */
const MAX_GROUPS = MAX_OPEN_AGE / 5 + 1;

/** Fewest groups of each method: Sprague and Beers read 5 closed groups; the monotone cubic, one. */
const MIN_GROUPS: Record<GraduationMethod, number> = { sprague: PANEL_MIN_CLOSED + 1, beers: PANEL_MIN_CLOSED + 1, monotone: 2 };

const optionsSchema = z.optional(
  keyedObject({
    method: z.optional(oneOf(GRADUATION_METHODS)),
    onNegative: z.optional(oneOf(['throw', 'monotone'])),
  }),
);

/** Knots 0, 5, …, 130 of the 5-year grid, for the monotone core. */
const FIVE_YEAR_KNOTS = Float64Array.from({ length: MAX_GROUPS }, (_, i) => 5 * i);

/**
 * Graduates 5-year age groups into single years of age. `counts`: persons in [0, 5), [5, 10), …,
 * the last group open (openAge+, openAge = 5·(counts.length − 1), at most 130). Returns the single
 * years 0, 1, …, openAge − 1 and then the open group unchanged (openAge + 1 values); the five single
 * years of each group sum to it (to rounding).
 *
 * - 'sprague' (default): Sprague's fifth-difference osculatory multipliers — first, second, middle,
 *   next-to-last and last panels (Sprague 1880; Siegel & Swanson 2004, *The Methods and Materials
 *   of Demography*, appendix C). Needs at least 6 groups (the open one included).
 * - 'beers': Beers' ordinary six-term multipliers (Beers 1944; Siegel & Swanson 2004, appendix C),
 *   not the modified (smoothing) ones. At least 6 groups.
 * - 'monotone': the Hyman-filtered monotone cubic (Fritsch & Carlson 1980; Hyman 1983) through the
 *   cumulative counts at ages 0, 5, …, openAge, differenced at single ages: never negative, and a
 *   group of 0 gives single years of 0. At least 2 groups.
 *
 * A negative single year is never returned: by default it is an InputError naming each group where
 * one occurs (path `counts[k]`, the value and age in the rule); with `onNegative: 'monotone'` the
 * whole distribution is graduated by the monotone method instead (as if `method: 'monotone'`).
 *
 * Throws InputError for counts that are not persons (finite, 0 to 1e10), fewer groups than the method
 * needs or more than 27, an unknown option or method, and (by default) a negative single year.
 *
 * @example
 * const single = graduate([1000, 950, 900, 850, 800, 750, 700, 3000]);
 * single.length // 36
 * single[0] // 204.0  (age 0: the counts fall linearly, and Sprague is exact for them)
 * single[35] // 3000  (the open group 35+, unchanged)
 * @example
 * graduate([100, 90, 80, 70, 60, 500], { method: 'beers' }).slice(0, 5) // Float64Array(5) [20.8, 20.4, 20.0, 19.6, 19.2]
 * @example
 * graduate([500, 400, 300, 200, 100, 5, 60])
 * // throws InputError: counts[5]: expected a count the sprague method graduates without negative single years (-2.68 at age 28); use method 'monotone', or onNegative: 'monotone', got 5
 * graduate([500, 400, 300, 200, 100, 5, 60], { onNegative: 'monotone' }).slice(25, 31) // Float64Array(6) [2.44, 1.48, 0.76, 0.28, 0.04, 60]
 */
export function graduate(counts: ArrayLike<number>, options?: GraduateOptions): Float64Array {
  const c = parseWith(numbers(persons()), counts, 'counts');
  const o = parseWith(optionsSchema, options, 'options') ?? {};
  const method = o.method ?? DEFAULT_GRADUATION_METHOD;
  if (c.length > MAX_GROUPS) fail('counts', `expected at most ${MAX_GROUPS} age groups (open age at most ${MAX_OPEN_AGE})`, counts);
  if (c.length < MIN_GROUPS[method]) {
    const rule =
      method === 'monotone'
        ? 'expected at least 2 age groups (one closed group and the open one)'
        : `expected at least ${MIN_GROUPS[method]} age groups (5 closed and the open one) for the ${method} method, whose multipliers span 5 groups`;
    fail('counts', rule, counts);
  }
  const out = new Float64Array(5 * (c.length - 1) + 1);
  if (graduateUnchecked(c, method, out) < 0) return out;
  if (o.onNegative === 'monotone') {
    graduateUnchecked(c, 'monotone', out);
    return out;
  }
  throw new InputError(negativeIssues(c, method, out));
}

/** One issue per group with a negative single year: its first one, in the rule. */
function negativeIssues(counts: readonly number[], method: GraduationMethod, out: Float64Array): Issue[] {
  const issues: Issue[] = [];
  for (let k = 0; k < counts.length - 1; k++) {
    for (let x = 5 * k; x < 5 * k + 5; x++) {
      if (out[x]! < 0) {
        const v = Number(out[x]!.toPrecision(3));
        const rule = `expected a count the ${method} method graduates without negative single years (${v} at age ${x}); use method 'monotone', or onNegative: 'monotone'`;
        issues.push({ path: `counts[${k}]`, rule, value: counts[k] });
        break;
      }
    }
  }
  return issues;
}

/**
 * Unchecked core of {@link graduate}: writes the graduation of `counts` (5-year groups, the last open;
 * at least 6 groups for 'sprague' and 'beers', 2 for 'monotone', at most 27) into `out`, which has
 * room for 5·(counts.length − 1) + 1 values: single years 0 … openAge − 1, then the open group.
 * Returns the first age whose single year is negative (Sprague, Beers), or −1 when there is none
 * (always for 'monotone'); the values are written either way. No validation, no allocation.
 *
 * @example
 * const out = new Float64Array(26);
 * graduateUnchecked([100, 90, 80, 70, 60, 500], 'sprague', out) // -1
 * out[0] // 20.8
 */
export function graduateUnchecked(counts: ArrayLike<number>, method: GraduationMethod, out: Float64Array): number {
  if (method === 'sprague') return applyPanels(SPRAGUE_PANELS, counts, out);
  if (method === 'beers') return applyPanels(BEERS_ORDINARY_PANELS, counts, out);
  const n = counts.length - 1;
  splitCore(FIVE_YEAR_KNOTS, counts, n, out);
  out[5 * n] = counts[n]!;
  return -1;
}
