import * as z from 'zod/mini';
import { populationTotalByGroup } from '../ages/broad.js';
import type { Population } from '../project/projectCohorts.js';
import { averageOver, type Anchors } from '../scenario/path.js';
import { compileMigration, type CompiledScenario } from '../scenario/compile.js';
import type { Scenario } from '../scenario/schema.js';
import { solveFromFeasible } from '../solve/feasible.js';
import type { SolveResult } from '../solve/result.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { signedPersons, year } from '../validate/schemas.js';
import { gridOptionShape, targetProblem, type TargetOptions, type TargetProblem } from './context.js';
import { prepare, resetTrial, trialTotal, type Prepared } from './prepared.js';
import { TARGET_MARGIN, TARGET_TOLERANCE, type Target } from './target.js';
import { scenarioWarnings } from './plausibility.js';
import type { Warned } from '../validate/warnings.js';

/**
 * Default search range of the annual net migration, as a share of the base population a year
 * (±10 %: over 15 years, more than the whole population). Out-migration that would take more
 * people than a group holds lies beyond the feasibility bound, which the solver computes.
 */
export const NET_MIGRATION_BOUND_SHARE = 0.1;

/** Options of {@link requiredNetMigration}: the first year of the constant net migration and the search range, beside the grid's open age. */
export interface RequiredNetMigrationOptions extends TargetOptions {
  /** First year of the constant migration; default the base year. Before it, the scenario's own. */
  from?: number;
  /** Search range, persons a year; default ±10 % of the base population. */
  bounds?: [number, number];
}

const optionsSchema = z.strictObject(
  {
    from: z.optional(year()),
    bounds: z.optional(z.tuple([signedPersons('net migrants a year'), signedPersons('net migrants a year')], { error: 'expected [low, high]' })),
    ...gridOptionShape,
  },
  { error: 'expected options { from?, bounds?, openAge?, width?, graduation? }' },
);

/**
 * The constant annual net migration N (persons a year, both sexes) that, replacing the scenario's
 * migration from `from` (default: the base year) to the target year, makes the projected total equal
 * the target. N becomes gross flows as in any scenario (Flow-Difference Method with the scenario's
 * parameters, default: N > 0 all in-migrants by the age profile, N < 0 all out-migrants leaving by
 * rates on the people present); a scenario with gross flows given has them replaced by N. A period
 * only partly inside [from, target year) takes the time-weighted mix of the scenario's own migration
 * and N.
 *
 * The projected total rises with N and is close to affine in it, so the bracket grows from N = 0 by
 * secant steps, then regula falsi (Illinois) stops at the smallest value found that reaches the
 * target within 1 person (projected ∈ [target, target + 1]) — a few projections of the kernel alone,
 * survival being computed once per solve. Where out-migration would take more people than a group
 * holds, the feasibility bound is computed (the out-flow share solved to 1) and a target below what
 * it reaches is `unreachable` with that bound.
 *
 * A target no value within `bounds` reaches is `{ status: 'unreachable', side, bound, achieved }`.
 * Throws an InputError for invalid inputs, or when no value in `bounds` can be projected at all.
 * `warnings` flags a scenario life expectancy above the highest observed (src/validate/warnings.ts).
 *
 * @example
 * requiredNetMigration(yingkou.base2015, yingkou.scenarios.plan, { year: 2030, population: 2_600_000 })
 * // { status: 'reachable', value: <persons a year>, achieved: ≈ 2,600,000, iterations }
 */
export function requiredNetMigration(
  base: Population,
  scenario: Scenario,
  target: Target,
  options: RequiredNetMigrationOptions = {},
): Warned<SolveResult<number>> {
  const o = parseWith(optionsSchema, options, 'options');
  const p = withMigration(targetProblem(base, scenario, target, o));
  const from = o.from ?? p.base.year;
  if (from < p.base.year || from >= p.target.year)
    fail('options.from', `expected a year in [${p.base.year}, ${p.target.year})`, from);
  const P0 = baseTotal(p);
  const bounds = o.bounds ?? [-NET_MIGRATION_BOUND_SHARE * P0, NET_MIGRATION_BOUND_SHARE * P0];
  if (!(bounds[0] < bounds[1])) fail('options.bounds', 'expected low < high', bounds);
  return { ...solveNetMigration(prepare(p), from, p.target.year, bounds), warnings: scenarioWarnings(p) };
}

/**
 * A target problem whose compiled scenario has migration to vary: a scenario without a migration
 * block gets net 0 a year with the defaults (no flows at all until the solver sets a figure).
 */
export function withMigration(p: TargetProblem): TargetProblem {
  return p.compiled.migration ? p : { ...p, compiled: compiledWithMigration(p.compiled) };
}

const derived = new WeakMap<CompiledScenario, CompiledScenario>();
function compiledWithMigration(c: CompiledScenario): CompiledScenario {
  let d = derived.get(c);
  if (!d) {
    d = { ...c, migration: compileMigration({ netPerYear: 0 }, c.openAge, c.width) };
    derived.set(c, d);
  }
  return d;
}

export function baseTotal(p: TargetProblem): number {
  return populationTotalByGroup(p.base.female, p.base.male);
}

/**
 * Unchecked core: solves for the constant net migration over [from, target year) on a prepared
 * problem (survival solved once). With `tfr`, the TFR path of the trials (the frontier's anchors).
 * A period only partly inside [from, to) keeps the time-weighted share of the scenario's own
 * migration: its net figure, or its gross flows.
 */
export function solveNetMigration(prep: Prepared, from: number, to: number, bounds: readonly [number, number], tfr?: Anchors): SolveResult<number> {
  const m = prep.c.migration!;
  const n = prep.c.width;
  resetTrial(prep);
  prep.levels.forEach((lv, t) => {
    const w = prep.trial[t]!;
    if (tfr) w.tfr = averageOver(tfr, lv.from, lv.from + n);
    const a = Math.max(lv.from, from);
    const b = Math.min(lv.from + n, to);
    if (b <= a) return;
    // Gross flows given over [a, b) give way to the solved net figure.
    if (m.inPerYear) w.inPerYear -= (averageOver(m.inPerYear, a, b) * (b - a)) / n;
    if (m.outRate) w.outRate -= (averageOver(m.outRate, a, b) * (b - a)) / n;
  });
  const total = (x: number) => {
    prep.levels.forEach((lv, t) => {
      const a = Math.max(lv.from, from);
      const b = Math.min(lv.from + n, to);
      if (b <= a) return;
      // Replace the path over [a, b) by x: subtract its integral there, add x·(b − a).
      prep.trial[t]!.netPerYear = lv.netPerYear + ((x - (m.net ? averageOver(m.net, a, b) : 0)) * (b - a)) / n;
    });
    return trialTotal(prep, tfr !== undefined);
  };
  // Start from no migration (the scenario's own share of the periods stays as it is), in steps
  // scaled to the base population.
  const scale = populationTotalByGroup(prep.female, prep.male);
  const r = solveFromFeasible(total, () => prep.worstShare, prep.target + TARGET_MARGIN, 0, bounds[0], bounds[1], TARGET_TOLERANCE - TARGET_MARGIN, scale);
  if (!r) fail('options.bounds', 'expected a range where some net migration leaves no group negative', bounds);
  return r;
}
