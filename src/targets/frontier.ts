import * as z from 'zod/mini';
import type { Population } from '../project/projectCohorts.js';
import type { Scenario } from '../scenario/schema.js';
import type { SolveResult } from '../solve/result.js';
import { parseWith } from '../validate/parse.js';
import { signedPersons, tfrValue } from '../validate/schemas.js';
import { gridOptionShape, targetProblem, type TargetOptions } from './context.js';
import { baseTotal, NET_MIGRATION_BOUND_SHARE, solveNetMigration, withMigration } from './requiredNetMigration.js';
import { prepare } from './prepared.js';
import { tfrAnchoredAt } from './tfrAnchor.js';
import type { Target } from './target.js';

/**
 * One point of the feasibility frontier: a target-year TFR and the net migration it needs (`R`
 * narrows the solve's result, e.g. to `Settled<number>` once a report has settled it).
 */
export interface FrontierPoint<R extends SolveResult<number> = SolveResult<number>> {
  tfr: number;
  netPerYear: R;
}

const optionsSchema = z.strictObject(
  {
    tfr: z.array(tfrValue(), { error: 'expected an array of TFR values' }).check(z.minLength(1, { error: 'expected at least one TFR value' })),
    bounds: z.optional(z.tuple([signedPersons('net migrants a year'), signedPersons('net migrants a year')], { error: 'expected [low, high]' })),
    ...gridOptionShape,
  },
  { error: 'expected options { tfr, bounds?, openAge?, width?, graduation? }' },
);

/**
 * The feasibility frontier: for each TFR in the target year (an anchor as in {@link requiredTfr}),
 * the constant annual net migration from the base year ({@link requiredNetMigration}) that reaches
 * the target. Higher fertility needs less migration: the frontier falls with TFR.
 *
 * @example
 * feasibilityFrontier(base, plan, { year: 2030, population: 2_600_000 }, { tfr: [1.2, 1.8, 2.4, 3.0] })
 * // [{ tfr: 1.2, netPerYear: { status: 'reachable', value: … } }, …]
 */
export function feasibilityFrontier(
  base: Population,
  scenario: Scenario,
  target: Target,
  options: { tfr: number[]; bounds?: [number, number] } & TargetOptions,
): FrontierPoint[] {
  const o = parseWith(optionsSchema, options, 'options');
  const p = withMigration(targetProblem(base, scenario, target, o));
  const P0 = baseTotal(p);
  const bounds = o.bounds ?? [-NET_MIGRATION_BOUND_SHARE * P0, NET_MIGRATION_BOUND_SHARE * P0];
  const prep = prepare(p);
  return o.tfr.map((tfr) => ({
    tfr,
    netPerYear: solveNetMigration(prep, p.base.year, p.target.year, bounds, tfrAnchoredAt(p.compiled.tfr, p.base.year, p.target.year, tfr)),
  }));
}
