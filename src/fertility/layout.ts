import { STEP, type Width } from '../ages/grid.js';
import { fail } from '../validate/errors.js';

/**
 * Where fertility lives on the 5-year grid. A fertility pattern has 7 groups, 15–19 … 45–49;
 * on the projection grid (group i = [5i, 5i+5)) they are groups 3 … 9.
 */

/** Number of fertile 5-year groups: 15–19 … 45–49. */
export const FERTILE_GROUPS = 7;

/** Grid index of 15–19, the first fertile group. */
export const FIRST_FERTILE_GROUP = 3;

/** Single fertile ages 15 … 49 on a grid of single years: the 7 five-year groups' ages. */
export const FERTILE_AGES = 5 * FERTILE_GROUPS;

/** Youngest open age a projection grid may have to hold all of 15–49 in closed groups. */
export const MIN_GRID_OPEN_AGE = 50;

/**
 * Reads the layout of rates (or shares) by age groups of `width` years: 7 values are 15–19 … 45–49
 * (35 values: single ages 15 … 49 at width 1); 11 values or more (51 at width 1) are a projection
 * grid from age 0 with the open group last, which must hold 0 (it has no width to multiply by and
 * no midpoint). Anything else is an InputError at `path`. Returns where the values sit:
 * `values[i]`, for `i < closed`, is the group starting at age `width · (first + i)` — `first` is 3
 * (15 at width 1) for the fertile values and 0 for a grid. Values are not otherwise checked.
 */
export function fertileLayout(values: ArrayLike<number>, path: string, width: Width = STEP): { first: number; closed: number } {
  const n = values.length;
  const fertile = width === 1 ? FERTILE_AGES : FERTILE_GROUPS;
  const minLength = MIN_GRID_OPEN_AGE / width + 1;
  if (n === fertile) return { first: (FIRST_FERTILE_GROUP * STEP) / width, closed: n };
  if (n >= minLength) {
    const open = values[n - 1] as number;
    if (open !== 0) fail(`${path}[${n - 1}]`, `expected 0 in the open group ${width * (n - 1)}+ (it has no width)`, open);
    return { first: 0, closed: n - 1 };
  }
  return fail(
    path,
    width === 1
      ? `expected ${FERTILE_AGES} values (single ages 15 … 49) or a single-year grid from age 0 with open age >= ${MIN_GRID_OPEN_AGE} (at least ${minLength} values)`
      : `expected ${FERTILE_GROUPS} values (15-19 … 45-49) or a 5-year grid from 0-4 with open age >= ${MIN_GRID_OPEN_AGE} (at least ${minLength} values)`,
    values,
  );
}
