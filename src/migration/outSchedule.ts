import * as z from 'zod/mini';
import { STEP, checkOpenAge, type Width } from '../ages/grid.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, plainArrays, widthValue } from '../validate/schemas.js';
import { ROGERS_CASTRO_LAST_AGE } from './profile.js';
import { ROGERS_CASTRO_STANDARD, rogersCastroAt, rogersCastroParamsSchema, type RogersCastroParams } from './rogersCastro.js';

/** An age schedule of out-migration rates: the standard Rogers–Castro schedule, custom parameters, or rates by group. */
export type OutMigrationSchedule = 'rogers-castro' | RogersCastroParams | ArrayLike<number>;

/**
 * zod schema of an out-migration rate schedule (JSON-shaped): `'rogers-castro'`, Rogers–Castro
 * parameters, or rates by 5-year group (finite, ≥ 0, some > 0; only their ratios matter; their count
 * is checked against the grid by {@link outMigrationSchedule}).
 */
export const outScheduleSchema = z.union(
  [
    z.literal('rogers-castro'),
    rogersCastroParamsSchema,
    // No message of its own: inside the union a non-array is reported by the union's message.
    z.array(nonNegative()).check(z.refine((v) => v.some((r) => r > 0), { error: 'expected rates with at least one > 0' })),
  ],
  { error: "expected 'rogers-castro', Rogers-Castro parameters { a1, alpha1, a2, alpha2, mu2, lambda2, c } or rates by age group" },
);

/**
 * Relative out-migration rates r(x) on the grid of `width`-year groups (5, the default, or 1) with open age `openAge`. People leave in
 * proportion to r(x)·P(x): a group's out-migrants are `OM · r(x)P(x) / Σ r·P` (Ševčíková, Raymer &
 * Raftery 2024). From a Rogers–Castro schedule m(x) (Rogers & Castro 1981; a schedule of *rates*),
 * a group's rate is the mean of m over its single ages — `5i … 5i+4` (the age `i` on single years), and `openAge … 100` for the open
 * group — scaled so that the largest is 1. Explicit rates are validated and returned as given; on
 * single years, rates by 5-year group are also taken, each applying at every age of its group.
 * Throws an InputError for another count or bad rates.
 *
 * @example
 * const r = outMigrationSchedule('rogers-castro', 100); // 21 rates: 0.564 at 0-4, 1 at 20-24, 0.087 at 100+
 */
export function outMigrationSchedule(schedule: OutMigrationSchedule, openAge: number, width: Width = STEP): Float64Array {
  checkOpenAge(openAge, 'openAge');
  parseWith(widthValue(), width, 'width');
  return resolveOutSchedule(parseWith(outScheduleSchema, plainArrays(schedule), 'schedule'), openAge, 'schedule', width);
}

/** Turns a parsed schedule into rates on the grid (validating what depends on the grid). */
export function resolveOutSchedule(
  schedule: 'rogers-castro' | RogersCastroParams | readonly number[],
  openAge: number,
  path: string,
  width: Width = STEP,
): Float64Array {
  const groups = openAge / width + 1;
  if (Array.isArray(schedule)) {
    const fiveYear = openAge / STEP + 1;
    // Rates by 5-year group on single years: a group's rate applies at each of its ages.
    if (width === 1 && schedule.length === fiveYear) return Float64Array.from({ length: groups }, (_, x) => schedule[Math.min(Math.floor(x / STEP), fiveYear - 1)]!);
    if (schedule.length !== groups)
      fail(path, `expected ${groups} rates (one per age group for open age ${openAge}${width === 1 ? `, or ${fiveYear} by 5-year group` : ''})`, schedule);
    return Float64Array.from(schedule);
  }
  const params = schedule === 'rogers-castro' ? ROGERS_CASTRO_STANDARD : (schedule as RogersCastroParams);
  const out = new Float64Array(groups);
  let max = 0;
  for (let i = 0; i < groups; i++) {
    const from = width * i;
    const to = i === groups - 1 ? Math.max(openAge, ROGERS_CASTRO_LAST_AGE) : from + width - 1;
    let s = 0;
    for (let x = from; x <= to; x++) s += rogersCastroAt(x, params);
    out[i] = s / (to - from + 1);
    max = Math.max(max, out[i]!); // NaN here is rejected below
  }
  // Math.max carries a NaN or ∞ of any group into max, so this one test covers every group.
  if (!(max > 0 && Number.isFinite(max)))
    fail(path, `expected parameters whose schedule is finite, and > 0 somewhere, over ages 0-${Math.max(openAge, ROGERS_CASTRO_LAST_AGE)}`, schedule);
  // Stryker disable next-line EqualityOperator: a write past a typed array's end is ignored
  for (let i = 0; i < groups; i++) out[i] = out[i]! / max;
  return out;
}
