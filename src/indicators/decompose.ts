import type { CohortProjection } from '../project/projectCohorts.js';
import * as z from 'zod/mini';
import { populationTotal } from '../ages/broad.js';
import { parseWith } from '../validate/parse.js';
import { bySexPopulation, MAX_HORIZON, persons, signedPersons, year } from '../validate/schemas.js';

const counts = (value: () => z.ZodMiniType<number, number>) => z.object({ female: value(), male: value() }, { error: 'expected { female, male } persons' });

/** What {@link decomposeChange} reads of a projection: years, populations, and per period births, deaths and net migrants. */
const projectionSchema = z
  .looseObject(
    {
      years: z.array(year(), { error: 'expected an array of years' }).check(
        z.minLength(2, { error: 'expected at least 2 years' }),
        z.maxLength(MAX_HORIZON + 1, { error: `expected at most ${MAX_HORIZON + 1} years` }),
      ),
      population: z.array(bySexPopulation(), { error: 'expected an array of populations' }),
      births: z.array(counts(persons), { error: 'expected an array of births by sex' }),
      deaths: z.array(counts(persons), { error: 'expected an array of deaths by sex' }),
      netMigrants: z.array(counts(() => signedPersons('net migrants')), { error: 'expected an array of net migrants by sex' }),
    },
    { error: 'expected a projection { years, population, births, deaths, netMigrants } (from projectCohorts or project)' },
  )
  .check((ctx) => {
    const { years, population, births, deaths, netMigrants } = ctx.value;
    const n = years.length;
    for (const [key, list, want] of [['population', population, n], ['births', births, n - 1], ['deaths', deaths, n - 1], ['netMigrants', netMigrants, n - 1]] as const)
      if (list.length !== want) ctx.issues.push({ code: 'custom', path: [key], message: `expected ${want} entries (one per ${key === 'population' ? 'year' : 'period'})`, input: list });
  });

/** The components of population change over an interval, both sexes. */
export interface ChangeComponents {
  from: number;
  to: number;
  start: number;
  end: number;
  /** end − start. */
  change: number;
  births: number;
  deaths: number;
  /** births − deaths. */
  naturalIncrease: number;
  netMigrants: number;
}

/**
 * Splits the change of the total population, per period and over the whole projection, into natural
 * increase (births − deaths) and net migration: change = naturalIncrease + netMigrants (the balancing
 * identity; exact up to floating-point rounding, ~1e-12 relative).
 *
 * @example
 * const { total } = decomposeChange(project(base, scenario, { until: 2030 }));
 * total.naturalIncrease + total.netMigrants // === total.change (to rounding)
 */
export function decomposeChange(projection: CohortProjection): { periods: ChangeComponents[]; total: ChangeComponents } {
  const { years, population, births, deaths, netMigrants } = parseWith(projectionSchema, projection, 'projection');
  const sizes = population.map((p) => populationTotal(p.female, p.male));
  const periods = births.map((b, t): ChangeComponents => {
    const d = deaths[t]!;
    const m = netMigrants[t]!;
    return components(years[t]!, years[t + 1]!, sizes[t]!, sizes[t + 1]!, b.female + b.male, d.female + d.male, m.female + m.male);
  });
  const sum = (key: 'births' | 'deaths' | 'netMigrants') => periods.reduce((s, p) => s + p[key], 0);
  const last = years.length - 1;
  return { periods, total: components(years[0]!, years[last]!, sizes[0]!, sizes[last]!, sum('births'), sum('deaths'), sum('netMigrants')) };
}

function components(from: number, to: number, start: number, end: number, births: number, deaths: number, netMigrants: number): ChangeComponents {
  return { from, to, start, end, change: end - start, births, deaths, naturalIncrease: births - deaths, netMigrants };
}
