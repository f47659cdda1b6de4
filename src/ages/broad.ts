import * as z from 'zod/mini';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { bounded, numbers, persons } from '../validate/schemas.js';
import { STEP, openAgeOf, type Width } from './grid.js';
import { widthValue } from '../validate/schemas.js';

/**
 * Sum of an age distribution over ages `[from, to)`; `to = Infinity` (the default) runs to the end,
 * open group included. The distribution is by 5-year groups, or by single years with `width` 1.
 * Both ends must fall on the grid, and `to` cannot cut the open group. Throws an InputError
 * naming the argument otherwise.
 *
 * @example
 * sumAges([10, 20, 30, 40], 5, 15) // 50  (groups 5-9 and 10-14)
 * sumAges([10, 20, 30, 40], 10)    // 70  (10-14 and 15+)
 * sumAges([10, 20, 30, 40], 1, 3, 1) // 50  (ages 1 and 2)
 */
export function sumAges(population: ArrayLike<number>, from: number, to = Infinity, width: Width = STEP): number {
  parseWith(numbers(persons()).check(z.minLength(1, { error: 'expected at least one age group' })), population, 'population');
  parseWith(bounded(), from, 'from');
  if (to !== Infinity) parseWith(bounded(), to, 'to');
  const n = parseWith(widthValue(), width, 'width');
  const grid = n === 1 ? 'single-year grid' : '5-year grid';
  const openAge = openAgeOf(population.length, n);
  if (from % n !== 0 || from < 0) fail('from', `expected an age on the ${grid}`, from);
  if (to !== Infinity && (to % n !== 0 || to < from)) fail('to', `expected an age on the ${grid} >= from`, to);
  if (to !== Infinity && to > openAge) fail('to', `expected at most the open age ${openAge} (the open group cannot be split)`, to);
  const last = to === Infinity ? population.length : to / n;
  let s = 0;
  for (let i = from / n; i < last; i++) s += population[i] as number;
  return s;
}

/** Total of an age distribution. */
export function total(population: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < population.length; i++) s += population[i] as number;
  return s;
}

/**
 * Persons of a population, both sexes: the total of each sex, added (the sum `yearIndicators` and the
 * migration flows of a period use).
 */
export function populationTotal(female: ArrayLike<number>, male: ArrayLike<number>): number {
  return total(female) + total(male);
}

/**
 * Persons of a population, both sexes, summed group by group (female + male of each group, in age
 * order): the sum of the period indicators' person-years and of the default migration bounds. It can
 * differ from {@link populationTotal} in the last bits (another order of additions).
 */
export function populationTotalByGroup(female: ArrayLike<number>, male: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < female.length; i++) s += (female[i] as number) + (male[i] as number);
  return s;
}
