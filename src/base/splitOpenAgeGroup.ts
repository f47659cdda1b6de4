import * as z from 'zod/mini';
import { checkOpenAge } from '../ages/grid.js';
import type { LifeTable } from '../lifetable/compute.js';
import type { Width } from '../ages/grid.js';
import { fail } from '../validate/errors.js';
import { MAX_OPEN_AGE, numbers, persons } from '../validate/schemas.js';
import { isComplete, lifeTableSchema } from '../lifetable/schemas.js';
import { parseWith } from '../validate/parse.js';

/** How the open group is split: by the stationary population (default) or a stable one fitted to the ages below (DemoTools OPAG). */
export type SplitMethod = 'stationary' | 'opag';

/** Options of {@link splitOpenAgeGroup}. */
export interface SplitOptions {
  /** 5 (default): 5-year groups and an abridged table; 1: single years and a complete table. */
  width?: Width | undefined;
  /** 'stationary' (default): shares of L; 'opag': shares of e^(−r(x+½)) L with r fitted. */
  method?: SplitMethod | undefined;
  /** 'opag' only: the fit uses the groups from this age to the open one; default 20 years below it. */
  fitFrom?: number | undefined;
}

/** Bounds of the growth rate r searched by the 'opag' fit, per year (DemoTools `OPAG_fit_stable_standard` searches the same). */
const OPAG_R_RANGE = [-0.05, 0.05] as const;

/** Years below the open age the 'opag' fit uses when no `fitFrom` is given. */
const OPAG_FIT_YEARS = 20;

/** Golden-section steps of the r fit: the bracket of width 0.1 shrinks by 0.618 a step, to ~1e-12 after 55. */
const OPAG_STEPS = 55;

const optionsSchema = z.strictObject(
  {
    width: z.optional(z.union([z.literal(1), z.literal(5)], { error: 'expected 1 or 5' })),
    method: z.optional(z.enum(['stationary', 'opag'], { error: "expected 'stationary' or 'opag'" })),
    fitFrom: z.optional(z.number({ error: 'expected an age' })),
  },
  { error: 'expected options { width?, method?, fitFrom? }' },
);

/**
 * Extends an age distribution whose open group starts at A₀ to a grid with a higher open age A,
 * splitting the open group by a standard from a life table. Width 5 (default): 5-year groups and an
 * abridged table; width 1: single years 0 … A₀−1, A₀+ and a complete table. Persons are conserved
 * exactly (the new open group takes the remainder). A distribution already at open age A is
 * returned as a copy.
 *
 * - 'stationary' (default): the share of group [x, x+n) is nLx / T(A₀), of the new open group
 *   T(A) / T(A₀).
 * - 'opag': as DemoTools `OPAG`, a stable standard: the stationary population grown at a constant
 *   rate r, weights e^(−r(x+½)) L(x) at single ages (a 5-year nLx spread evenly over its five ages,
 *   the table's open row counted as one age), shares of the weights from A₀ up. r is fitted on the
 *   closed groups from `fitFrom` (default A₀ − 20) to A₀: it minimises Σ |p_g − s_g(r)|, p and s
 *   the population's and the standard's shares of those groups (the criterion of DemoTools
 *   `OPAG_r_min`), by golden-section search over r ∈ [−0.05, 0.05] (the interval DemoTools uses).
 *   With two fit groups the standard matches their ratio exactly when r is in range.
 *
 * Throws an `InputError` when the population is not counts of persons (2 groups at least), the
 * table is not one or its ages do not match `width`, `openAge` is not on the grid or lies below the
 * population's open age or beyond the table's, or (for 'opag') `fitFrom` is not a grid age leaving
 * 2 closed groups at least (from age 5 on the 5-year grid), or nobody lives in the fit ages.
 *
 * @example
 * splitOpenAgeGroup([100, 90, 80, 70], lt, 25)  // Float64Array(6) [100, 90, 80, 5.39, 5.38, 59.23]  (15+ split into 15-19, 20-24, 25+)
 */
export function splitOpenAgeGroup(population: ArrayLike<number>, lt: LifeTable, openAge: number, options: SplitOptions = {}): Float64Array {
  const pop = parseWith(numbers(persons()), population, 'population');
  parseWith(lifeTableSchema, lt, 'lt');
  const o = parseWith(optionsSchema, options, 'options');
  const width = o.width ?? 5;
  const complete = isComplete(lt.ages);
  if (complete !== (width === 1))
    fail('options.width', `expected the width of the life table's ages (${complete ? '1: ages 0, 1, 2, …' : '5: ages 0, 1, 5, …'})`, width);
  if (width === 5) checkOpenAge(openAge);
  else if (!(Number.isInteger(openAge) && openAge >= 1 && openAge <= MAX_OPEN_AGE)) fail('openAge', `expected an integer from 1 to ${MAX_OPEN_AGE}`, openAge);
  const from = width * (pop.length - 1);
  const tableOpen = width === 5 ? 5 * (lt.Lx.length - 2) : lt.Lx.length - 1;
  if (pop.length < 2) fail('population', 'expected at least 2 age groups', population);
  if (openAge < from) fail('openAge', `expected at least the population's open age ${from}`, openAge);
  if (openAge > tableOpen) fail('openAge', `expected at most the life table's open age ${tableOpen}`, openAge);
  const p = Float64Array.from(pop);
  if (o.method !== 'opag') return splitUnchecked(p, lt, openAge, width);
  const fitFrom = o.fitFrom ?? Math.max(width === 5 ? 5 : 0, from - OPAG_FIT_YEARS);
  const lowest = width === 5 ? 5 : 0;
  if (!(Number.isInteger(fitFrom / width) && fitFrom >= lowest && fitFrom <= from - 2 * width))
    fail('options.fitFrom', `expected a multiple of ${width} from ${lowest} to ${from - 2 * width} (2 closed groups at least below the open age ${from})`, fitFrom);
  let fitted = 0;
  for (let g = fitFrom / width; g < pop.length - 1; g++) fitted += p[g]!;
  if (!(fitted > 0)) fail('population', `expected persons in the fit ages ${fitFrom}–${from - 1} (the 'opag' fit needs them)`, population);
  return splitUnchecked(p, lt, openAge, width, opagRate(p, lt, width, fitFrom));
}

/**
 * Unchecked core: `pop` open at A₀ ≤ openAge ≤ the table's open age, on the grid of `width` (5:
 * abridged table; 1: complete table). r = 0 (default): stationary shares of L; r ≠ 0: stable
 * weights e^(−r(x+½)) L (see {@link splitOpenAgeGroup}).
 */
export function splitUnchecked(pop: Float64Array, lt: LifeTable, openAge: number, width: Width = 5, r = 0): Float64Array {
  const first = pop.length - 1; // index of the open group A₀ on the grid
  const groups = openAge / width + 1;
  const out = new Float64Array(groups);
  out.set(pop.subarray(0, first));
  const open = pop[first]!;
  const shift = width === 5 ? 1 : 0; // grid group g ≥ 1 is row g + shift of the table
  let given = 0;
  if (r === 0) {
    const T0 = lt.Tx[first + shift]!;
    for (let g = first; g < groups - 1; g++) {
      const v = T0 > 0 ? (open * lt.Lx[g + shift]!) / T0 : 0;
      out[g] = v;
      given += v;
    }
  } else {
    const rows = lt.Lx.length;
    let total = 0;
    for (let row = first + shift; row < rows; row++) total += stableWeight(lt, row, width, r);
    for (let g = first; g < groups - 1; g++) {
      const v = total > 0 ? (open * stableWeight(lt, g + shift, width, r)) / total : 0;
      out[g] = v;
      given += v;
    }
  }
  out[groups - 1] = open - given; // the open group's share by difference: nobody is lost
  return out;
}

/**
 * Stable weight of a table row (row ≥ 1 on the 5-year grid, any row of a complete table): its L at
 * single ages, each weighted e^(−r(x+½)); an abridged 5-year row spreads its L evenly over its five
 * ages, and the open row counts as one age.
 */
function stableWeight(lt: LifeTable, row: number, width: Width, r: number): number {
  const L = lt.Lx[row]!;
  const x = lt.ages[row]!;
  if (width === 1 || row === lt.Lx.length - 1) return L * Math.exp(-r * (x + 0.5));
  let w = 0;
  for (let j = 0; j < 5; j++) w += Math.exp(-r * (x + j + 0.5));
  return (L / 5) * w;
}

/** Σ |p_g − s_g(r)| over the fit groups g (grid groups fitFrom/width … A₀/width − 1), shares within them. */
function opagLoss(pop: Float64Array, lt: LifeTable, width: Width, g0: number, r: number): number {
  const shift = width === 5 ? 1 : 0;
  const last = pop.length - 1;
  let P = 0;
  let S = 0;
  for (let g = g0; g < last; g++) {
    P += pop[g]!;
    S += stableWeight(lt, g + shift, width, r);
  }
  let loss = 0;
  for (let g = g0; g < last; g++) loss += Math.abs(pop[g]! / P - stableWeight(lt, g + shift, width, r) / S);
  return loss;
}

/**
 * The growth rate r of the 'opag' standard (unchecked: fit groups valid, persons in them): golden-
 * section minimum of the loss Σ |p − s(r)| over r ∈ [−0.05, 0.05] (the better end when the loss falls
 * towards it).
 */
export function opagRate(pop: Float64Array, lt: LifeTable, width: Width, fitFrom: number): number {
  const g0 = fitFrom / width;
  const phi = (Math.sqrt(5) - 1) / 2;
  let [a, b] = OPAG_R_RANGE as readonly [number, number];
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = opagLoss(pop, lt, width, g0, c);
  let fd = opagLoss(pop, lt, width, g0, d);
  for (let i = 0; i < OPAG_STEPS; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = opagLoss(pop, lt, width, g0, c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = opagLoss(pop, lt, width, g0, d);
    }
  }
  return fc <= fd ? c : d;
}
