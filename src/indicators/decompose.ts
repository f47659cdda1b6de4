import type { CohortProjection } from '../project/projectCohorts.js';
import { populationTotal } from '../ages/broad.js';

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
  const { years, population } = projection;
  const sizes = population.map((p) => populationTotal(p.female, p.male));
  const periods = projection.births.map((b, t): ChangeComponents => {
    const births = b.female + b.male;
    const d = projection.deaths[t]!;
    const m = projection.netMigrants[t]!;
    const deaths = d.female + d.male;
    return components(years[t]!, years[t + 1]!, sizes[t]!, sizes[t + 1]!, births, deaths, m.female + m.male);
  });
  const sum = (key: 'births' | 'deaths' | 'netMigrants') => periods.reduce((s, p) => s + p[key], 0);
  const last = years.length - 1;
  return { periods, total: components(years[0]!, years[last]!, sizes[0]!, sizes[last]!, sum('births'), sum('deaths'), sum('netMigrants')) };
}

function components(from: number, to: number, start: number, end: number, births: number, deaths: number, netMigrants: number): ChangeComponents {
  return { from, to, start, end, change: end - start, births, deaths, naturalIncrease: births - deaths, netMigrants };
}
