import { STEP, type Width } from '../ages/grid.js';
import * as z from 'zod/mini';
import type { BySex } from '../types.js';
import { finite, asfrValue, boundedNonNegative, MAX_OPEN_AGE, numbers, persons, signedPersons, srbValue, unit } from '../validate/schemas.js';
import type { KernelPeriod } from './kernel.js';

/**
 * Everything one period needs: explicit rates, no models. A period is as wide as the population's
 * age groups (`Population.width`): 5 years on 5-year groups, 1 year on single years of age.
 */
export interface PeriodInputs {
  /** Survival per sex: birth → the first group, and ratios[i] from group i into i+1 (length groups − 1). */
  survival: BySex<{ birth: number; ratios: ArrayLike<number> }>;
  /** Annual births per woman, per age group (length = groups; the first group's must be 0). */
  asfr: ArrayLike<number>;
  /** Sex ratio at birth: males per 100 female births. */
  srb: number;
  /** Net migrants over the whole period (5 years or 1), per group; negative = net out-migration. */
  netMigrants?: BySex<ArrayLike<number>>;
  /** In-migrants over the whole period, per group (≥ 0). */
  inMigrants?: BySex<ArrayLike<number>>;
  /**
   * Out-migrants who leave in proportion to `schedule(x) · P(x)`, the people present in each half
   * of the period: `persons` over the period (both sexes) plus `rate` × the person-years at risk
   * (`rate` per person-year; see the kernel's step).
   */
  outMigration?: { persons?: number; rate?: number; schedule: BySex<ArrayLike<number>> };
  /** 'even' (default): half at the start, half at the end; 'end': all at the end. */
  migrationTiming?: 'even' | 'end';
}

const schemaCache = new Map<number, ReturnType<typeof buildSchema>>();

/** zod schema of one period; `groups` fixes every length. */
export function periodInputsSchema(groups: number) {
  // Only grids the rules allow are cached: a bad input's length must not grow module state.
  if (!(Number.isInteger(groups) && groups >= 2 && groups <= MAX_GROUPS)) return buildSchema(groups);
  let s = schemaCache.get(groups);
  if (!s) {
    s = buildSchema(groups);
    schemaCache.set(groups, s);
  }
  return s;
}

/** Most age groups of a period: single years to an open age of at most {@link MAX_OPEN_AGE}. */
const MAX_GROUPS = MAX_OPEN_AGE + 1;

function buildSchema(groups: number) {
  const perGroup = numbers(signedPersons('migrants')).check(z.refine((v) => v.length === groups, { error: `expected ${groups} values (one per age group)` }));
  const perGroupNonNegative = numbers(persons()).check(z.refine((v) => v.length === groups, { error: `expected ${groups} values (one per age group)` }));
  const perGroupRates = numbers(boundedNonNegative()).check(z.refine((v) => v.length === groups, { error: `expected ${groups} rates (one per age group)` }));
  const survival = z.strictObject({
    birth: unit(),
    ratios: numbers(unit()).check(z.refine((v) => v.length === groups - 1, { error: `expected ${groups - 1} ratios (one per group but the open one)` })),
  });
  return z.strictObject({
    survival: z.strictObject({ female: survival, male: survival }),
    asfr: numbers(asfrValue()).check(
      z.refine((v) => v.length === groups, { error: `expected ${groups} rates (one per age group)` }),
      z.refine((v) => v.length >= 2 && v.length <= MAX_GROUPS, { error: `expected from 2 to ${MAX_GROUPS} rates (one per age group, open age at most ${MAX_OPEN_AGE})` }),
      z.refine((v) => v.length === 0 || v[0] === 0, { error: 'expected 0 in the first age group (0-4, or age 0 on single years; asfr[0])' }),
    ),
    srb: srbValue(),
    netMigrants: z.optional(z.strictObject({ female: perGroup, male: perGroup })),
    inMigrants: z.optional(z.strictObject({ female: perGroupNonNegative, male: perGroupNonNegative })),
    outMigration: z.optional(
      z.strictObject({
        persons: z.optional(persons()),
        rate: z.optional(
          finite().check(z.gte(0, { error: 'expected a rate per person-year in [0, 1)' }), z.lt(1, { error: 'expected a rate per person-year in [0, 1)' })),
        ),
        schedule: z.strictObject({ female: perGroupRates, male: perGroupRates }).check(
          z.refine((r) => r.female.some((v) => v > 0) || r.male.some((v) => v > 0), {
            error: 'expected rates with at least one > 0 (out-migrants leave in proportion to rate × people)',
          }),
        ),
      }),
    ),
    migrationTiming: z.optional(z.enum(['even', 'end'], { error: "expected 'even' or 'end'" })),
  });
}

/** A period as the schema returns it. */
export type ParsedPeriod = z.output<ReturnType<typeof buildSchema>>;

/** Female share of births for a sex ratio at birth `srb` (males per 100 female births): 100 / (100 + srb). */
export function femaleBirthShare(srb: number): number {
  return 100 / (100 + srb);
}

/** Turns validated inputs into the kernel's typed arrays for periods of `width` years (copies: the caller's arrays are never aliased). */
export function compilePeriod(p: ParsedPeriod | PeriodInputs, width: Width = STEP): KernelPeriod {
  const out = p.outMigration;
  const G = p.asfr.length;
  return {
    width,
    sf: Float64Array.from(p.survival.female.ratios),
    sm: Float64Array.from(p.survival.male.ratios),
    bf: p.survival.female.birth,
    bm: p.survival.male.birth,
    asfr: Float64Array.from(p.asfr),
    femaleShare: femaleBirthShare(p.srb),
    mf: counts(p.netMigrants?.female, p.inMigrants?.female),
    mm: counts(p.netMigrants?.male, p.inMigrants?.male),
    startShare: p.migrationTiming === 'end' ? 0 : 0.5,
    out:
      out && ((out.persons ?? 0) > 0 || (out.rate ?? 0) > 0)
        ? {
            rf: Float64Array.from(out.schedule.female),
            rm: Float64Array.from(out.schedule.male),
            persons: out.persons ?? 0,
            rate: out.rate ?? 0,
            startF: new Float64Array(G),
            startM: new Float64Array(G),
            byAgeF: new Float64Array(G),
            byAgeM: new Float64Array(G),
          }
        : null,
  };
}

/** Migrant counts by group: net + in (either may be absent), or null for none. */
function counts(net: ArrayLike<number> | undefined, into: ArrayLike<number> | undefined): Float64Array | null {
  if (!net && !into) return null;
  const v = Float64Array.from((net ?? into)!);
  if (net && into) for (let i = 0; i < v.length; i++) v[i] = v[i]! + into[i]!;
  return v;
}
