import * as z from 'zod/mini';
import { STEP, checkOpenAge, type Width } from '../ages/grid.js';
import { splitMonotone } from '../ages/monotone.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { plainArrays, sharesSchema, widthValue } from '../validate/schemas.js';
import { ROGERS_CASTRO_STANDARD, rogersCastroAt, rogersCastroParamsSchema, type RogersCastroParams } from './rogersCastro.js';

/**
 * Last single age summed into the open group of a Rogers–Castro profile: the open group is
 * `openAge … 100` (design notes, issue 3). For an open age above 100 the open group is the single
 * age `openAge`.
 */
export const ROGERS_CASTRO_LAST_AGE = 100;

/** An age profile of migrants: the standard Rogers–Castro schedule, custom parameters, or explicit shares by group. */
export type MigrationProfile = 'rogers-castro' | RogersCastroParams | ArrayLike<number>;

/**
 * zod schema of a migration age profile (JSON-shaped: plain arrays): `'rogers-castro'`,
 * Rogers–Castro parameters (see {@link rogersCastroParamsSchema}), or shares by 5-year group
 * (finite, ≥ 0, summing to 1 within 1e-9; their count is checked by {@link migrationProfile}
 * against the grid), e.g. `migration.profile.alpha1: expected a finite number from 0 to 1e+15, got -1`.
 */
export const migrationProfileSchema = z.union([z.literal('rogers-castro'), rogersCastroParamsSchema, sharesSchema()], {
  error: "expected 'rogers-castro', Rogers-Castro parameters { a1, alpha1, a2, alpha2, mu2, lambda2, c } or age shares",
});

/**
 * Age shares of migrants on the grid of `width`-year groups (5, the default, or 1: single years) with
 * open age `openAge` (`openAge/width + 1` groups, summing to 1).
 *
 * From a Rogers–Castro schedule m(x) ({@link rogersCastro}; `'rogers-castro'` is
 * {@link ROGERS_CASTRO_STANDARD}): a group's share is the sum of m at the single ages in it —
 * `5i … 5i+4` (or the age `i` itself on single years), and `openAge … 100` for the open group (just the age `openAge` if it is above
 * 100) — divided by the sum over all groups. Explicit shares are validated (one per group,
 * ≥ 0, summing to 1 within 1e-9) and returned as given, never rescaled; on single years, shares by
 * 5-year group are also taken, each group's share split over its ages by the monotone graduation
 * (never negative, each group's share kept). Throws an InputError for another count or bad shares.
 *
 * @example
 * const shares = migrationProfile('rogers-castro', 100); // 21 shares; 20-24 is the largest
 * migrationProfile([0.5, 0.3, 0.2], 10)                 // Float64Array [0.5, 0.3, 0.2]
 * migrationProfile('rogers-castro', 100, 1).length       // 101: ages 0, 1, …, 99 and 100+
 */
export function migrationProfile(profile: MigrationProfile, openAge: number, width: Width = STEP): Float64Array {
  checkOpenAge(openAge, 'openAge');
  parseWith(widthValue(), width, 'width');
  return resolveProfile(parseWith(migrationProfileSchema, plainArrays(profile), 'profile'), openAge, 'profile', width);
}

/** Turns a parsed profile into shares on the grid (validating what depends on the grid). */
export function resolveProfile(profile: 'rogers-castro' | RogersCastroParams | readonly number[], openAge: number, path: string, width: Width = STEP): Float64Array {
  const groups = openAge / width + 1;
  if (!isShares(profile)) {
    const params = profile === 'rogers-castro' ? ROGERS_CASTRO_STANDARD : profile;
    const out = fillRogersCastroProfile(params, openAge, new Float64Array(groups), width);
    for (let i = 0; i < groups; i++) {
      if (!Number.isFinite(out[i]!)) {
        fail(path, `expected parameters whose schedule is finite, and > 0 somewhere, over ages 0-${Math.max(openAge, ROGERS_CASTRO_LAST_AGE)}`, profile);
      }
    }
    return out;
  }
  const fiveYear = openAge / STEP + 1;
  if (width === 1 && profile.length === fiveYear) return singleYearProfile(profile, openAge);
  if (profile.length !== groups)
    fail(path, `expected ${groups} shares (one per age group for open age ${openAge}${width === 1 ? `, or ${fiveYear} by 5-year group` : ''})`, profile);
  return Float64Array.from(profile);
}

/**
 * Shares by 5-year group brought to single years of age for a projection of width 1: each closed
 * group's share split over its five ages by the monotone graduation of `graduate` (a Hyman-filtered
 * cubic through the cumulative shares: never negative, each group's share kept to rounding), the
 * open group's share kept.
 */
function singleYearProfile(shares: readonly number[], openAge: number): Float64Array {
  const closed = shares.length - 1;
  const knots = Float64Array.from({ length: closed + 1 }, (_, i) => STEP * i);
  const out = new Float64Array(openAge + 1);
  splitMonotone(knots, shares, out);
  out[openAge] = shares[closed]!;
  return out;
}

function isShares(p: 'rogers-castro' | RogersCastroParams | readonly number[]): p is readonly number[] {
  return Array.isArray(p);
}

/**
 * Unchecked core of {@link migrationProfile} for a Rogers–Castro schedule: writes the normalised
 * group shares into `out` (length `openAge/width + 1`) and returns it. No allocation. A schedule that
 * is 0 everywhere, or overflows, leaves NaN in `out` (the wrapper rejects it).
 */
export function fillRogersCastroProfile(params: RogersCastroParams, openAge: number, out: Float64Array, width: Width = STEP): Float64Array {
  const groups = out.length;
  let total = 0;
  for (let i = 0; i < groups - 1; i++) {
    let s = 0;
    for (let x = width * i; x < width * i + width; x++) s += rogersCastroAt(x, params);
    out[i] = s;
    total += s;
  }
  let open = 0;
  const last = Math.max(openAge, ROGERS_CASTRO_LAST_AGE);
  for (let x = openAge; x <= last; x++) open += rogersCastroAt(x, params);
  out[groups - 1] = open;
  total += open;
  // Stryker disable next-line EqualityOperator: a write past a typed array's end is ignored
  for (let i = 0; i < groups; i++) out[i] = out[i]! / total;
  return out;
}
