import { STEP } from '../ages/grid.js';
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

/** Length of the shortest projection grid holding 15–49 in closed groups (open age 50). */
const MIN_GRID_LENGTH = MIN_GRID_OPEN_AGE / STEP + 1;

/**
 * Reads the layout of rates (or shares) by age: 7 values are 15–19 … 45–49; 11 values or more
 * are a projection grid from 0–4 with the open group last, which must hold 0 (it has no width to
 * multiply by and no midpoint). Anything else is an InputError at `path`.
 * Returns where the values sit: `values[i]`, for `i < closed`, is the group starting at age
 * `5 (first + i)` — `first` is 3 for the 7 values and 0 for a grid. Values are not otherwise checked.
 */
export function fertileLayout(values: ArrayLike<number>, path: string): { first: number; closed: number } {
  const n = values.length;
  if (n === FERTILE_GROUPS) return { first: FIRST_FERTILE_GROUP, closed: n };
  if (n >= MIN_GRID_LENGTH) {
    const open = values[n - 1] as number;
    if (open !== 0) fail(`${path}[${n - 1}]`, `expected 0 in the open group ${STEP * (n - 1)}+ (it has no width)`, open);
    return { first: 0, closed: n - 1 };
  }
  return fail(
    path,
    `expected ${FERTILE_GROUPS} values (15-19 … 45-49) or a 5-year grid from 0-4 with open age >= ${MIN_GRID_OPEN_AGE} (at least ${MIN_GRID_LENGTH} values)`,
    values,
  );
}
