import { z } from 'zod';
import { STEP } from '../ages/grid.js';
import type { Population } from '../project/projectCohorts.js';
import type { CompiledScenario } from '../scenario/compile.js';
import { averageOver } from '../scenario/path.js';
import type { AdjustLevels } from '../scenario/project.js';
import type { Scenario } from '../scenario/schema.js';
import { solveMonotone } from '../solve/monotone.js';
import type { SolveResult } from '../solve/result.js';
import { fail, InputError } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, year } from '../validate/schemas.js';
import { targetProblem, totalAtTarget, type TargetOptions, type TargetProblem } from './context.js';
import { TARGET_TOLERANCE, type Target } from './target.js';

/**
 * Default search range of the annual net migration, as a share of the base population a year
 * (±10 %: over 15 years, more than the whole population). Where the low end would take more people
 * from some group than it holds, the search starts at the lowest feasible value instead.
 */
export const NET_MIGRATION_BOUND_SHARE = 0.1;

export interface RequiredNetMigrationOptions extends TargetOptions {
  /** First year of the constant migration; default the base year. Before it, the scenario's own. */
  from?: number;
  /** Search range, persons a year; default ±10 % of the base population. */
  bounds?: [number, number];
}

const optionsSchema = z.strictObject(
  {
    from: year().optional(),
    bounds: z.tuple([finite(), finite()], { error: 'expected [low, high]' }).optional(),
    openAge: finite().optional(),
  },
  { error: 'expected options { from?, bounds?, openAge? }' },
);

/**
 * The constant annual net migration (persons a year, both sexes) that, replacing the scenario's
 * migration from `from` (default: the base year) to the target year, makes the projected total equal
 * the target. The projected total rises with net migration, so a bracketed solve (regula falsi,
 * Illinois) is safe; it stops at the smallest value found that reaches the target, within 1 person
 * (projected ∈ [target, target + 1]). Migrants follow the scenario's age profile, female share and
 * timing (defaults: Rogers–Castro, 0.5, 'even'). A period only partly inside [from, target year)
 * takes the time-weighted mix of the scenario's path and the constant.
 *
 * A target no value within `bounds` reaches is `{ status: 'unreachable', side, bound, achieved }`.
 *
 * @example
 * requiredNetMigration(yingkou.base2015, yingkou.scenarios.plan, { year: 2030, population: 2_600_000 })
 * // { status: 'reachable', value: <persons a year>, achieved: 2600000.x, iterations }
 */
export function requiredNetMigration(
  base: Population,
  scenario: Scenario,
  target: Target,
  options: RequiredNetMigrationOptions = {},
): SolveResult<number> {
  const o = parseWith(optionsSchema, options, 'options');
  const p = targetProblem(base, withMigration(scenario), target, o.openAge);
  const from = o.from ?? p.base.year;
  if (from < p.base.year || from >= p.target.year)
    fail('options.from', `expected a year in [${p.base.year}, ${p.target.year})`, from);
  const P0 = baseTotal(p);
  const bounds = o.bounds ?? [-NET_MIGRATION_BOUND_SHARE * P0, NET_MIGRATION_BOUND_SHARE * P0];
  if (!(bounds[0] < bounds[1])) fail('options.bounds', 'expected low < high', bounds);
  return solveNetMigration(p, p.compiled, from, bounds);
}

/** The scenario with a migration block (net 0 a year) when it has none, so the solver can vary it. */
export function withMigration(scenario: Scenario): Scenario {
  const s = scenario as { migration?: unknown } | null;
  return s && typeof s === 'object' && s.migration === undefined ? { ...(scenario as object), migration: { netPerYear: 0 } } as Scenario : scenario;
}

export function baseTotal(p: TargetProblem): number {
  let s = 0;
  for (let i = 0; i < p.base.female.length; i++) s += p.base.female[i]! + p.base.male[i]!;
  return s;
}

/** Unchecked core: solves for the constant net migration over [from, target year) under `c`. */
export function solveNetMigration(p: TargetProblem, c: CompiledScenario, from: number, bounds: readonly [number, number]): SolveResult<number> {
  const net = c.migration!.net;
  const to = p.target.year;
  const total = (x: number) => {
    const adjust: AdjustLevels = (lv) => {
      const a = Math.max(lv.from, from);
      const b = Math.min(lv.from + STEP, to);
      if (b <= a) return;
      // Replace the path over [a, b) by x: subtract its integral there, add x·(b − a).
      lv.netPerYear += ((x - averageOver(net, a, b)) * (b - a)) / STEP;
    };
    return totalAtTarget(p, c, adjust);
  };
  const feasible = (x: number) => {
    try {
      total(x);
      return true;
    } catch (e) {
      if (e instanceof InputError && e.issues[0]?.path.startsWith('migration.netPerYear')) return false;
      throw e;
    }
  };
  let [lo, hi] = bounds;
  if (!feasible(lo)) {
    if (!feasible(hi)) fail('options.bounds', 'expected a range where some net migration leaves no group negative', bounds);
    // Bisect for the most negative net migration the population can supply (to 1 person a year).
    let good = hi;
    let bad = lo;
    while (good - bad > 1) {
      const mid = (good + bad) / 2;
      if (feasible(mid)) good = mid;
      else bad = mid;
    }
    lo = good;
  }
  return solveMonotone(total, p.target.population, lo, hi, { tolerance: TARGET_TOLERANCE });
}
