import * as z from 'zod/mini';
import { DEFAULT_OPEN_AGE, STEP } from '../ages/grid.js';
import type { BySex } from '../types.js';
import { parseWith } from '../validate/parse.js';
import { MAX_HORIZON, openAgeValue, plainArrays, positive, signedPersons, unit } from '../validate/schemas.js';
import { migrationProfileSchema, resolveProfile, type MigrationProfile } from './profile.js';

/** Options of {@link netMigrantsByAge}: the age profile, the share of women, the grid's open age and the period's length. */
export interface NetMigrantsOptions {
  /** Age profile; default `'rogers-castro'` (standard parameters). */
  profile?: MigrationProfile;
  /** Share of women among the migrants, in [0, 1]; default 0.5. */
  femaleShare?: number;
  /** Open age of the grid (a multiple of 5 from 5 to 130); default 100. */
  openAge?: number;
  /** Length of the period, in years; default 5. */
  years?: number;
}

const optionsSchema = z.optional(
  z.strictObject(
    {
      profile: z.optional(migrationProfileSchema),
      femaleShare: z.optional(unit()),
      openAge: z.optional(openAgeValue()),
      years: z.optional(positive().check(z.lte(MAX_HORIZON, { error: `expected a number of years > 0 and <= ${MAX_HORIZON}` }))),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `expected only the keys profile, femaleShare, openAge, years (unknown: ${iss.keys.join(', ')})`
          : 'expected an options object { profile, femaleShare, openAge, years }',
    },
  ),
);

/**
 * Net migrants by sex and 5-year group over a period, in persons:
 *
 *   N(sex, i) = netPerYear × years × share(sex) × profile(i),
 *
 * share(female) = `femaleShare`, share(male) = 1 − `femaleShare`, and `profile` from
 * {@link migrationProfile} (default: Rogers & Castro 1981 standard schedule). `netPerYear` is
 * persons a year, both sexes; a negative value (net out-migration) is spread by the same profile.
 * The result is what `PeriodInputs.netMigrants` takes (persons over the whole period). Whether a
 * group holds enough people to lose is decided by the projection, not here.
 *
 * @example
 * const { female, male } = netMigrantsByAge(-2000, { femaleShare: 0.45 });
 * // 21 groups each; Σ female = −4500, Σ male = −5500 (persons over 5 years)
 */
export function netMigrantsByAge(netPerYear: number, options?: NetMigrantsOptions): BySex<Float64Array> {
  const net = parseWith(signedPersons('net migrants a year'), netPerYear, 'netPerYear');
  const o = parseWith(optionsSchema, plainArrays(options), 'options') ?? {};
  const openAge = o.openAge ?? DEFAULT_OPEN_AGE;
  const shares = resolveProfile(o.profile ?? 'rogers-castro', openAge, 'options.profile');
  const female = new Float64Array(shares.length);
  const male = new Float64Array(shares.length);
  fillNetMigrants(net * (o.years ?? STEP), o.femaleShare ?? 0.5, shares, female, male);
  return { female, male };
}

/**
 * Unchecked core of {@link netMigrantsByAge}: `female[i] = persons × femaleShare × shares[i]`,
 * `male[i] = persons × (1 − femaleShare) × shares[i]`, where `persons` is the period's net total
 * (netPerYear × years). No allocation, no validation: for loops over periods.
 */
export function fillNetMigrants(persons: number, femaleShare: number, shares: ArrayLike<number>, female: Float64Array, male: Float64Array): void {
  const f = persons * femaleShare;
  const m = persons * (1 - femaleShare);
  // Stryker disable next-line EqualityOperator: one more index writes NaN past the typed arrays' ends (ignored)
  for (let i = 0; i < shares.length; i++) {
    const s = shares[i] as number;
    female[i] = f * s;
    male[i] = m * s;
  }
}
