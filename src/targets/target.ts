import * as z from 'zod/mini';
import { STEP, type Width } from '../ages/grid.js';
import { onPeriodGrid } from '../scenario/project.js';
import { fail } from '../validate/errors.js';
import { positivePersons, year } from '../validate/schemas.js';

/** A population target: `population` persons in `year`. */
export interface Target {
  year: number;
  population: number;
}

export const targetSchema = z.strictObject(
  { year: year(), population: positivePersons() },
  { error: 'expected a target { year, population }' },
);

/** Checks that a target's year is projected: `baseYear`, `baseYear + n`, …, `until` (n = `width`; else an InputError at `path`). */
export function checkTargetYear(t: Target, baseYear: number, until: number, path: string, width: Width = STEP): void {
  if (!onPeriodGrid(t.year, baseYear, width) || t.year > until) fail(path, `expected a projected year: ${baseYear}, ${baseYear + width}, …, ${until}`, t.year);
}

/** Whether a projected population reaches a target population: projected ≥ target. */
export function reaches(projected: number, target: number): boolean {
  return projected >= target;
}

/**
 * Persons within which a target solve stops: the solution reaches the target (projected ≥ target)
 * and exceeds it by at most this much (issue 4: "solve to 1 person").
 */
export const TARGET_TOLERANCE = 1;

/**
 * Persons inside that window a solve aims at: it accepts [target + 0.001, target + 1], so that the
 * same projection computed by another path (`project()` rather than the solver's prepared trial:
 * the same formulas, sums in another order, measured 1.5e-11 apart on a 50,000-person town) still
 * reaches the target.
 */
export const TARGET_MARGIN = 1e-3;
