import { checkOpenAge } from '../ages/grid.js';
import type { LifeTable } from '../lifetable/compute.js';
import { fail } from '../validate/errors.js';
import { numbers, persons } from '../validate/schemas.js';
import { lifeTableSchema } from '../lifetable/schemas.js';
import { parseWith } from '../validate/parse.js';

/**
 * Extends a 5-year age distribution whose open group starts at A₀ to a grid with a higher open age A,
 * splitting the open group by the stationary population of a life table: the share of group
 * [x, x+5) is 5Lx / T(A₀), and of the new open group T(A) / T(A₀). Persons are conserved exactly.
 * A distribution already at open age A is returned as a copy.
 *
 * @example
 * splitOpenAgeGroup([100, 90, 80, 70], lt, 25)  // Float64Array(6) [100, 90, 80, 5.39, 5.38, 59.23]  (15+ split into 15-19, 20-24, 25+)
 */
export function splitOpenAgeGroup(population: ArrayLike<number>, lt: LifeTable, openAge: number): Float64Array {
  const pop = parseWith(numbers(persons()), population, 'population');
  parseWith(lifeTableSchema, lt, 'lt');
  checkOpenAge(openAge);
  const from = 5 * (pop.length - 1);
  const tableOpen = 5 * (lt.Lx.length - 2);
  if (pop.length < 2) fail('population', 'expected at least 2 age groups', population);
  if (openAge < from) fail('openAge', `expected at least the population's open age ${from}`, openAge);
  if (openAge > tableOpen) fail('openAge', `expected at most the life table's open age ${tableOpen}`, openAge);
  return splitUnchecked(Float64Array.from(pop), lt, openAge);
}

/** Unchecked core: `pop` open at A₀ ≤ openAge ≤ the table's open age. */
export function splitUnchecked(pop: Float64Array, lt: LifeTable, openAge: number): Float64Array {
  const first = pop.length - 1; // index of the open group A₀ on the 5-year grid
  const groups = openAge / 5 + 1;
  const out = new Float64Array(groups);
  out.set(pop.subarray(0, first));
  const open = pop[first]!;
  // Grid group g ≥ 1 is row g + 1 of the abridged table.
  const T0 = lt.Tx[first + 1]!;
  let given = 0;
  for (let g = first; g < groups - 1; g++) {
    const v = T0 > 0 ? (open * lt.Lx[g + 1]!) / T0 : 0;
    out[g] = v;
    given += v;
  }
  out[groups - 1] = open - given; // T(A)/T(A₀) of the open group, by difference: nobody is lost
  return out;
}
