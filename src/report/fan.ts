import * as z from 'zod/mini';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, year } from '../validate/schemas.js';
import type { FanQuantiles } from './trajectory.js';

/** The quantile levels a fan needs: 2.5, 10, 50, 90 and 97.5 % (the UN's 95 % and 80 % intervals and the median). */
export const FAN_LEVELS: readonly number[] = [0.025, 0.1, 0.5, 0.9, 0.975];

const simulationSchema = z.object(
  {
    quantileLevels: z.array(finite(), { error: 'expected an array of quantile levels' }),
    years: z.array(z.object({ year: year(), total: z.object({ quantiles: z.array(finite()) }) }), { error: 'expected an array of years' }),
  },
  { error: 'expected a simulation { quantileLevels, years }' },
);

/**
 * The fan of a simulation's total population, for {@link trajectorySpec}: per year the quantiles at
 * 2.5, 10, 50, 90 and 97.5 % (`simulate`'s default levels; a simulation run with other levels is an
 * error naming the missing ones).
 *
 * @example
 * const p = project(base, scenario, { until: 2030 });
 * const sim = simulate(base, scenario, {}, { trajectories: 10_000, seed: 1, until: 2030 });
 * trajectorySpec({ series: [{ name: 'plan', projection: p }], fan: simulationFan(sim) });
 */
export function simulationFan(simulation: { quantileLevels: readonly number[]; years: readonly { year: number; total: { quantiles: readonly number[] } }[] }): FanQuantiles[] {
  // Only the fields it reads: a simulation run with `keep` also holds every trajectory's totals.
  const { quantileLevels, years } = (simulation ?? {}) as Partial<typeof simulation>;
  const sim = parseWith(simulationSchema, simulation !== null && typeof simulation === 'object' ? { quantileLevels, years } : simulation, 'simulation');
  const idx = FAN_LEVELS.map((l) => sim.quantileLevels.indexOf(l));
  const missing = FAN_LEVELS.filter((_, k) => idx[k]! < 0);
  if (missing.length > 0) fail('simulation.quantileLevels', `expected the levels ${FAN_LEVELS.join(', ')} (missing ${missing.join(', ')})`, sim.quantileLevels);
  return sim.years.map((y, t) => {
    const q = idx.map((i) => y.total.quantiles[i]);
    if (q.some((v) => v === undefined)) fail(`simulation.years[${t}].total.quantiles`, `expected one quantile per level (${sim.quantileLevels.length})`, y.total.quantiles);
    return { year: y.year, q025: q[0]!, q10: q[1]!, q50: q[2]!, q90: q[3]!, q975: q[4]! };
  });
}
