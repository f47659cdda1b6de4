import { z } from 'zod';
import { STEP } from '../ages/grid.js';
import type { Population } from '../project/projectCohorts.js';
import { averageOver, type Anchors } from '../scenario/path.js';
import type { Scenario } from '../scenario/schema.js';
import { solveFromFeasible } from '../solve/feasible.js';
import type { SolveResult } from '../solve/result.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, year } from '../validate/schemas.js';
import { targetProblem, type TargetOptions, type TargetProblem } from './context.js';
import { prepare, resetTrial, trialTotal, type Prepared } from './prepared.js';
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
  return solveNetMigration(prepare(p), from, p.target.year, bounds);
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

/**
 * Unchecked core: solves for the constant net migration over [from, target year) on a prepared
 * problem (survival solved once). With `tfr`, the TFR path of the trials (the frontier's anchors).
 * A period only partly inside [from, to) keeps the time-weighted share of the scenario's own
 * migration: its net figure, or its gross flows.
 */
export function solveNetMigration(prep: Prepared, from: number, to: number, bounds: readonly [number, number], tfr?: Anchors): SolveResult<number> {
  const m = prep.c.migration!;
  resetTrial(prep);
  prep.levels.forEach((lv, t) => {
    const w = prep.trial[t]!;
    if (tfr) w.tfr = averageOver(tfr, lv.from, lv.from + STEP);
    const a = Math.max(lv.from, from);
    const b = Math.min(lv.from + STEP, to);
    if (b <= a) return;
    // Gross flows given over [a, b) give way to the solved net figure.
    if (m.inPerYear) w.inPerYear -= (averageOver(m.inPerYear, a, b) * (b - a)) / STEP;
    if (m.outRate) w.outRate -= (averageOver(m.outRate, a, b) * (b - a)) / STEP;
  });
  const total = (x: number) => {
    prep.levels.forEach((lv, t) => {
      const a = Math.max(lv.from, from);
      const b = Math.min(lv.from + STEP, to);
      if (b <= a) return;
      // Replace the path over [a, b) by x: subtract its integral there, add x·(b − a).
      prep.trial[t]!.netPerYear = lv.netPerYear + ((x - (m.net ? averageOver(m.net, a, b) : 0)) * (b - a)) / STEP;
    });
    return trialTotal(prep, tfr !== undefined);
  };
  const r = solveFromFeasible(total, () => prep.worstShare, prep.target, bounds[0], bounds[1], TARGET_TOLERANCE);
  if (!r) fail('options.bounds', 'expected a range where some net migration leaves no group negative', bounds);
  return r;
}
