import { total } from '../ages/broad.js';
import { fail } from '../validate/errors.js';
import { STEP } from '../ages/grid.js';
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
  /** Median age, by linear interpolation within the 5-year group that holds the middle person. */
  medianAge: number;
  /** 65+ / 15–64. */
  oldAgeDependency: number;
  /** 60+ / 15–59 (the ratio Chinese plans report). */
  ratio60to15_59: number;
}

/** Indicators of one 5-year period `[from, to)`. Rates per person-year. */
export interface PeriodIndicators {
  from: number;
  to: number;
  births: number;
  deaths: number;
  netMigrants: number;
  /** births / person-years, person-years = 5 (P(from) + P(to)) / 2. */
  cbr: number;
  /** deaths / person-years. */
  cdr: number;
  /** ln(P(to)/P(from)) / 5. */
  growthRate: number;
  tfr: number;
  srb: number;
  e0: BySex<number> & { both: number };
}

/**
 * Indicators of a population by sex and 5-year group (open age ≥ 65, so that 60–64 is closed and
 * 65+ exists). One pass, no allocation beyond the result.
 *
 * @example
 * yearIndicators(2030, { female, male }).share60plus
 */
export function yearIndicators(year: number, pop: BySex<ArrayLike<number>>): YearIndicators {
  const G = pop.female.length;
  if (G < 14) fail('pop', 'expected an open age of at least 65 (the indicators need 60-64 and 65+)', 5 * (G - 1));
  let female = 0;
  let male = 0;
  let ages0to14 = 0;
  let ages15to59 = 0;
  let ages60to64 = 0;
  let ages65plus = 0;
  for (let i = 0; i < G; i++) {
    const f = pop.female[i] as number;
    const m = pop.male[i] as number;
    female += f;
    male += m;
    const n = f + m;
    if (i < 3) ages0to14 += n;
    else if (i < 12) ages15to59 += n;
    else if (i === 12) ages60to64 += n;
    else ages65plus += n;
  }
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
    medianAge: medianAgeBySex(pop, all),
    oldAgeDependency: ages65plus / ages15to64,
    ratio60to15_59: ages60plus / ages15to59,
  };
}

function medianAgeBySex(pop: BySex<ArrayLike<number>>, all: number): number {
  const half = all / 2;
  let below = 0;
  for (let i = 0; i < pop.female.length; i++) {
    const n = (pop.female[i] as number) + (pop.male[i] as number);
    if (below + n >= half && n > 0) return STEP * i + (STEP * (half - below)) / n;
    below += n;
  }
  return NaN;
}

/**
 * Median age of a 5-year distribution: the age below which half the population lies, interpolated
 * linearly within its group (people spread evenly over the group). In the open group, the group is
 * taken as 5 years wide: a median there is reported at most 5 years above the open age.
 */
export function medianAge(pop: ArrayLike<number>): number {
  const half = total(pop) / 2;
  let below = 0;
  for (let i = 0; i < pop.length; i++) {
    const n = pop[i] as number;
    if (below + n >= half && n > 0) return STEP * i + (STEP * (half - below)) / n;
    below += n;
  }
  return NaN;
}
