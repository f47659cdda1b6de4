import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { bySexPopulation, widthValue, year as yearSchema } from '../validate/schemas.js';
import { STEP, type Width } from '../ages/grid.js';
import type { BySex } from '../types.js';

/** Indicators of a population at one year. Counts in persons; shares in [0, 1]. */
export interface YearIndicators {
  year: number;
  total: number;
  female: number;
  male: number;
  ages0to14: number;
  ages15to59: number;
  ages15to64: number;
  ages60plus: number;
  ages65plus: number;
  share0to14: number;
  share15to59: number;
  share60plus: number;
  share65plus: number;
  /** Males per 100 females. */
  sexRatio: number;
  /** Median age, by linear interpolation within the age group (5-year or single year) that holds the middle person. */
  medianAge: number;
  /** 65+ / 15–64. */
  oldAgeDependency: number;
  /** 60+ / 15–59 (the ratio Chinese plans report). */
  ratio60to15_59: number;
}

/** Indicators of one period `[from, to)` (5 years, or 1 on single years). Rates per person-year. */
export interface PeriodIndicators {
  from: number;
  to: number;
  births: number;
  deaths: number;
  /** In-migrants − out-migrants. */
  netMigrants: number;
  inMigrants: number;
  outMigrants: number;
  /** births / person-years, person-years = n (P(from) + P(to)) / 2, n = to − from. */
  cbr: number;
  /** deaths / person-years. */
  cdr: number;
  /** ln(P(to)/P(from)) / n. */
  growthRate: number;
  tfr: number;
  srb: number;
  e0: BySex<number> & { both: number };
}

/**
 * Indicators of a population by sex and age group — 5-year groups, or single years with `width` 1
 * (open age ≥ 65, so that 60–64 is closed and 65+ exists). One pass, no allocation beyond the
 * result. Throws an InputError for a bad year or population, or an open age below 65.
 *
 * @example
 * yearIndicators(2030, { female, male }).share60plus
 */
export function yearIndicators(year: number, pop: BySex<ArrayLike<number>>, width: Width = STEP): YearIndicators {
  const y = parseWith(yearSchema(), year, 'year');
  const p = parseWith(bySexPopulation(), pop, 'pop');
  const w = parseWith(widthValue(), width, 'width');
  if (p.female.length < 65 / w + 1) fail('pop', 'expected an open age of at least 65 (the indicators need 60-64 and 65+)', w * (p.female.length - 1));
  return yearIndicatorsUnchecked(y, p, w);
}

/** {@link yearIndicators} of a validated population (open age ≥ 65), for the projection's own years. */
export function yearIndicatorsUnchecked(year: number, pop: BySex<ArrayLike<number>>, width: Width = STEP): YearIndicators {
  const G = pop.female.length;
  if (G < 65 / width + 1) fail('pop', 'expected an open age of at least 65 (the indicators need 60-64 and 65+)', width * (G - 1));
  const sums = new Float64Array(6);
  broadSums(pop.female, pop.male, sums, 0, width);
  const female = sums[FEMALE]!;
  const male = sums[MALE]!;
  const ages0to14 = sums[AGES_0_14]!;
  const ages15to59 = sums[AGES_15_59]!;
  const ages60to64 = sums[AGES_60_64]!;
  const ages65plus = sums[AGES_65_PLUS]!;
  const all = female + male;
  const ages15to64 = ages15to59 + ages60to64;
  const ages60plus = ages60to64 + ages65plus;
  return {
    year,
    total: all,
    female,
    male,
    ages0to14,
    ages15to59,
    ages15to64,
    ages60plus,
    ages65plus,
    share0to14: ages0to14 / all,
    share15to59: ages15to59 / all,
    share60plus: ages60plus / all,
    share65plus: ages65plus / all,
    sexRatio: (100 * male) / female,
    medianAge: medianAge(pop.female, pop.male, width),
    oldAgeDependency: ages65plus / ages15to64,
    ratio60to15_59: ages60plus / ages15to59,
  };
}

/** Slots of {@link broadSums}. */
export const FEMALE = 0;
export const MALE = 1;
export const AGES_0_14 = 2;
export const AGES_15_59 = 3;
export const AGES_60_64 = 4;
export const AGES_65_PLUS = 5;

/**
 * The sums every indicator starts from, in one pass, written to `out` from `at`: female, male,
 * 0–14, 15–59, 60–64, 65+ (grid of `width`-year groups with open age ≥ 65). The simulation sums with
 * this same function, so a trajectory without uncertainty reproduces `project()`'s indicators bit for bit.
 */
export function broadSums(female: ArrayLike<number>, male: ArrayLike<number>, out: Float64Array, at: number, width: Width = STEP): void {
  let f = 0;
  let m = 0;
  let a0 = 0;
  let a15 = 0;
  let a60 = 0;
  let a65 = 0;
  for (let i = 0; i < female.length; i++) {
    const fi = female[i] as number;
    const mi = male[i] as number;
    f += fi;
    m += mi;
    const n = fi + mi;
    const age = width * i;
    if (age < 15) a0 += n;
    else if (age < 60) a15 += n;
    else if (age < 65) a60 += n;
    else a65 += n;
  }
  out[at + FEMALE] = f;
  out[at + MALE] = m;
  out[at + AGES_0_14] = a0;
  out[at + AGES_15_59] = a15;
  out[at + AGES_60_64] = a60;
  out[at + AGES_65_PLUS] = a65;
}

/**
 * Median age of a distribution by groups of `width` years: the age below which half the population
 * lies, interpolated linearly within its group (people spread evenly over the group). In the open
 * group, the group is taken as `width` years wide: a median there is reported at most that far
 * above the open age. With `other` (e.g. the other sex), the median of the two distributions summed
 * group by group.
 */
export function medianAge(pop: ArrayLike<number>, other?: ArrayLike<number>, width: Width = STEP): number {
  const at = (i: number) => (pop[i] as number) + (other ? (other[i] as number) : 0);
  let all = 0;
  for (let i = 0; i < pop.length; i++) all += at(i);
  const half = all / 2;
  let below = 0;
  for (let i = 0; i < pop.length; i++) {
    const n = at(i);
    if (below + n >= half && n > 0) return width * i + (width * (half - below)) / n;
    below += n;
  }
  return NaN;
}
