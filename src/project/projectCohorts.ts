import { z } from 'zod';
import { ageGroupLabel } from '../ages/grid.js';
import type { BySex, Sex } from '../types.js';
import { InputError } from '../validate/errors.js';
import { ValidationMemo } from '../validate/memo.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, numbers, year } from '../validate/schemas.js';
import { Arena } from '../memory/arena.js';
import { BIRTHS_F, BIRTHS_M, DEATHS_F, DEATHS_M, step, type KernelPeriod } from './kernel.js';
import { compilePeriod, periodInputsSchema, type PeriodInputs } from './periodInputs.js';

/** A population by sex and 5-year group (persons) at a year. */
export type Population = { year: number } & BySex<ArrayLike<number>>;

/** What {@link projectCohorts} returns. */
export interface CohortProjection {
  /** base, base + 5, … */
  years: number[];
  /** One per year. */
  population: BySex<Float64Array>[];
  /** One per period. */
  births: BySex<number>[];
  deaths: BySex<number>[];
  netMigrants: BySex<number>[];
}

export const populationSchema = z
  .object({
    year: year(),
    female: numbers(nonNegative()).refine((v) => v.length >= 2, { error: 'expected at least 2 age groups' }),
    male: numbers(nonNegative()),
  })
  .superRefine((p, ctx) => {
    if (p.male.length !== p.female.length)
      ctx.addIssue({ code: 'custom', path: ['male'], message: 'expected as many male as female groups', input: p.male });
  });

const bases = new ValidationMemo<z.output<typeof populationSchema>>();

/** Validates a base population (remembered for the same, unchanged object: see ValidationMemo). */
export function parsePopulation(base: unknown, path = 'base'): z.output<typeof populationSchema> {
  return bases.get(base, () => parseWith(populationSchema, base, path));
}

/**
 * Projects a population by the cohort-component method, one 5-year period per entry of `periods`.
 * Per sex, exactly: P(t+5) = P(t) + births − deaths + netMigrants (the balancing identity).
 * See {@link step} for the step itself (Preston, Heuveline & Guillot 2001, Box 6.2).
 *
 * @example
 * const out = projectCohorts({ year: 2015, female, male }, [period, period, period]);
 * out.years // [2015, 2020, 2025, 2030]
 */
export function projectCohorts(base: Population, periods: readonly PeriodInputs[]): CohortProjection {
  const b = parsePopulation(base);
  const groups = b.female.length;
  const ps = parseWith(z.array(periodInputsSchema(groups), { error: 'expected an array of periods' }), periods, 'periods');
  return run(b.year, b.female, b.male, ps.map(compilePeriod));
}

/** Where an impossible out-migration is reported: the path of the offending input. */
export type MigrantsPath = (period: number, sex: Sex, group: number) => string;

const periodsPath: MigrantsPath = (t, sex, x) => `periods[${t}].netMigrants.${sex}[${x}]`;

/**
 * Unchecked projection over compiled periods (the start arrays are not modified). Populations are
 * views into `arena`, which must hold 2 × groups × (periods + 1) numbers.
 */
export function run(
  year: number,
  female: ArrayLike<number>,
  male: ArrayLike<number>,
  periods: readonly KernelPeriod[],
  pathOf: MigrantsPath = periodsPath,
  arena: Arena = new Arena(2 * female.length * (periods.length + 1)),
): CohortProjection {
  const groups = female.length;
  const f0 = arena.take(groups);
  const m0 = arena.take(groups);
  f0.set(female);
  m0.set(male);
  const out: CohortProjection = {
    years: [year],
    population: [{ female: f0, male: m0 }],
    births: [],
    deaths: [],
    netMigrants: [],
  };
  const totals = new Float64Array(4);
  let pf = out.population[0]!.female;
  let pm = out.population[0]!.male;
  periods.forEach((k, t) => {
    const nf = arena.take(groups);
    const nm = arena.take(groups);
    const start = year + 5 * t;
    if (!step(pf, pm, k, nf, nm, totals)) throw negativeError(t, start, pf, pm, k, nf, nm, pathOf);
    out.years.push(start + 5);
    out.population.push({ female: nf, male: nm });
    out.births.push({ female: totals[BIRTHS_F]!, male: totals[BIRTHS_M]! });
    out.deaths.push({ female: totals[DEATHS_F]!, male: totals[DEATHS_M]! });
    out.netMigrants.push({ female: k.mf ? sum(k.mf) : 0, male: k.mm ? sum(k.mm) : 0 });
    pf = nf;
    pm = nm;
  });
  return out;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/** Names the period, sex and group where out-migration would take more people than there are. */
function negativeError(
  t: number,
  start: number,
  pf: Float64Array,
  pm: Float64Array,
  k: KernelPeriod,
  nf: Float64Array,
  nm: Float64Array,
  pathOf: MigrantsPath,
): InputError {
  const groups = pf.length;
  const when = `${start}-${start + 5}`;
  for (const [sex, p, mig, end] of [
    ['female', pf, k.mf, nf],
    ['male', pm, k.mm, nm],
  ] as [Sex, Float64Array, Float64Array | null, Float64Array][]) {
    for (let x = 0; x < groups; x++) {
      const m = mig ? mig[x]! : 0;
      const atStart = p[x]! + k.startShare * m;
      const where = atStart < 0 ? `at the start of ${when}` : end[x]! < 0 ? `at the end of ${when}` : '';
      if (where) {
        const left = atStart < 0 ? atStart : end[x]!;
        return new InputError([
          {
            path: pathOf(t, sex, x),
            rule: `expected no more net out-migrants than the ${sex} ${ageGroupLabel(x, groups)} group holds ${where} (it would hold ${left.toFixed(1)})`,
            value: m,
          },
        ]);
      }
    }
  }
  return new InputError([{ path: `periods[${t}]`, rule: 'expected a projection without negative groups', value: undefined }]);
}
