import * as z from 'zod/mini';
import type { Population } from '../project/projectCohorts.js';
import type { CompiledScenario } from '../scenario/compile.js';
import type { Scenario } from '../scenario/schema.js';
import { averageOver, valueAt } from '../scenario/path.js';
import { solveFromFeasible } from '../solve/feasible.js';
import type { SolveResult } from '../solve/result.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { tfrValue } from '../validate/schemas.js';
import { gridOptionShape, targetProblem, type TargetOptions } from './context.js';
import { prepare, resetTrial, trialTotal } from './prepared.js';
import { TARGET_MARGIN, TARGET_TOLERANCE, type Target } from './target.js';
import { tfrAnchoredAt } from './tfrAnchor.js';
import { requiredTfrWarnings } from './plausibility.js';
import type { Warned } from '../validate/warnings.js';

/** Default TFR search range: 0 to 8 children per woman (above any observed national TFR). */
const TFR_BOUNDS: readonly [number, number] = [0, 8];

/** Options of {@link requiredTfr}: the TFR search range, beside the grid's open age. */
export interface RequiredTfrOptions extends TargetOptions {
  /** TFR search range; default [0, 8]. */
  bounds?: [number, number];
}

const optionsSchema = z.strictObject(
  { bounds: z.optional(z.tuple([tfrValue(), tfrValue()], { error: 'expected [low, high]' })), ...gridOptionShape },
  { error: 'expected options { bounds?, openAge?, width?, graduation? }' },
);

/**
 * The TFR in the target year that makes the projected total equal the target: an anchor at the
 * target year replaces the scenario's value there, and the path runs linearly to it from the previous
 * anchor (a constant TFR counts as an anchor at the base year); anchors after the target year do not
 * matter. More births never lower the total, so a bracketed solve is safe: the bracket grows from the
 * scenario's own target-year TFR by secant steps, then regula falsi stops at the smallest TFR found
 * that reaches the target, within 1 person. Survival is computed once per solve; each trial runs the
 * kernel alone. Under out-migration given as persons, a TFR so low that the out-flow would take more
 * people than a group holds lies beyond a computed feasibility bound (`unreachable`, side 'below').
 *
 * A target no TFR within `bounds` (default [0, 8]) reaches is
 * `{ status: 'unreachable', side: 'above', bound: 8, achieved: <the most it gives> }`.
 *
 * `warnings` flags a required TFR above 2.1 for a population whose own TFR is at or below it (no
 * post-transition population has returned above about 2.1) and a scenario life expectancy above the
 * highest observed (src/validate/warnings.ts, with the sources).
 *
 * @example
 * requiredTfr(yingkou.base2015, yingkou.scenarios.plan, { year: 2030, population: 2_600_000 })
 */
export function requiredTfr(base: Population, scenario: Scenario, target: Target, options: RequiredTfrOptions = {}): Warned<SolveResult<number>> {
  const o = parseWith(optionsSchema, options, 'options');
  const p = targetProblem(base, scenario, target, o);
  const bounds = o.bounds ?? TFR_BOUNDS;
  if (!(bounds[0] < bounds[1])) fail('options.bounds', 'expected low < high', bounds);
  const prep = prepare(p);
  resetTrial(prep);
  const total = (x: number) => {
    const tfr = tfrAnchoredAt(p.compiled.tfr, p.base.year, p.target.year, x);
    prep.levels.forEach((lv, t) => (prep.trial[t]!.tfr = averageOver(tfr, lv.from, lv.from + prep.c.width)));
    return trialTotal(prep, true);
  };
  // Fewer births never make an out-flow easier to supply: infeasible TFRs lie at the low end.
  // Start from the scenario's own TFR in the target year.
  const own = valueAt(p.compiled.tfr, p.target.year);
  const r = solveFromFeasible(total, () => prep.worstShare, p.target.population + TARGET_MARGIN, own, bounds[0], bounds[1], TARGET_TOLERANCE - TARGET_MARGIN, 1);
  if (!r) fail('options.bounds', 'expected a TFR range where the scenario’s out-migration leaves no group negative', bounds);
  return { ...r, warnings: requiredTfrWarnings(p, r) };
}

/**
 * The compiled scenario with the TFR path ending in an anchor (year, value): anchors before `year`
 * kept, the rest replaced; a constant counts as an anchor at the base year ({@link tfrAnchoredAt},
 * the rule `applySolution` applies to scenarios as written).
 */
export function withTfrAnchor(c: CompiledScenario, baseYear: number, year: number, value: number): CompiledScenario {
  return { ...c, tfr: tfrAnchoredAt(c.tfr, baseYear, year, value) };
}
