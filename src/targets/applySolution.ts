import * as z from 'zod/mini';
import { anchorsOf, type Path } from '../scenario/path.js';
import { parseScenario, type Scenario } from '../scenario/schema.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, year } from '../validate/schemas.js';
import { tfrAnchoredAt } from './tfrAnchor.js';

/** What a solver solved for: a constant net migration ({@link requiredNetMigration}) or a target-year TFR ({@link requiredTfr}). */
export type SolutionKind = 'tfr' | 'migration';

/** Options of {@link applySolution}: the years of the solve whose value is written into the scenario. */
export interface ApplySolutionOptions {
  /** Base year of the projection the solver ran. */
  baseYear: number;
  /** The target's year. */
  targetYear: number;
  /**
   * Migration only: first year of the constant net migration, as given to `requiredNetMigration`;
   * only the base year (the default) can be applied — see {@link applySolution}.
   */
  from?: number;
  /** The solved value: net migrants a year (migration), or children per woman in the target year (tfr). */
  value: number;
}

const kindSchema = z.enum(['tfr', 'migration'], { error: "expected 'tfr' or 'migration'" });

const optionsSchema = z.strictObject(
  { baseYear: year(), targetYear: year(), from: z.optional(year()), value: finite() },
  // Unknown keys keep zod's own issue ("expected no unknown keys, got …").
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected options { baseYear, targetYear, from?, value }') },
);

/**
 * The scenario with a solver's answer put in, as a scenario one can project, save or show:
 *
 * - `'tfr'` ({@link requiredTfr}): the TFR path ending in an anchor (targetYear, value) — anchors
 *   before the target year kept, those at or after it dropped, a constant taken as an anchor at the
 *   base year (`tfrAnchoredAt`, the very rule the solver applies): the path runs linearly from
 *   the last kept anchor to `value` and stays there after the target year.
 * - `'migration'` ({@link requiredNetMigration}): net migration `value` persons a year, constant from
 *   the base year on (the scenario's age profiles, female share, timing and flow-difference
 *   parameters kept; gross flows given, `inPerYear` and `outRate`, replaced, and a scenario without
 *   migration given the defaults, as the solver does).
 *
 * Projecting the result to the target year gives the solver's `achieved` (to rounding: the tests
 * find it within 1e-6 persons). A solve with `from` after the base year is rejected (an InputError on
 * `options.from`): the solver keeps the scenario's migration before `from` and the constant after
 * it, a step, which a path — anchors joined by straight lines — cannot state; any stand-in (anchors a
 * hair before `from`, which objects cannot even list in order) would project to a different total.
 *
 * @example
 * const r = requiredTfr(base, plan, { year: 2030, population: 2_600_000 });
 * if (r.status === 'reachable') {
 *   const s = applySolution(plan, 'tfr', { baseYear: 2015, targetYear: 2030, value: r.value });
 *   // s.fertility.tfr: { 2015: 0.71, 2020: 1.2, 2030: r.value }
 *   project(base, s, { until: 2030 }).indicators.years.at(-1)?.total // r.achieved
 * }
 */
export function applySolution(scenario: Scenario, kind: SolutionKind, options: ApplySolutionOptions): Scenario {
  const s = parseScenario(scenario);
  const k = parseWith(kindSchema, kind, 'kind');
  const o = parseWith(optionsSchema, options, 'options');
  if (o.targetYear <= o.baseYear) fail('options.targetYear', `expected a year after the base year ${o.baseYear}`, o.targetYear);
  if (k === 'migration') {
    const from = o.from ?? o.baseYear;
    if (from !== o.baseYear)
      fail(
        'options.from',
        `expected the base year ${o.baseYear} (a constant net migration from a later year is a step in the path, which anchors joined by straight lines cannot state)`,
        from,
      );
    // Gross flows given give way to the net figure, as in the solver.
    const { inPerYear: _in, outRate: _out, ...kept } = s.migration ?? {};
    return { ...s, migration: { ...kept, netPerYear: o.value } };
  }
  if (o.from !== undefined) fail('options.from', "expected no from with kind 'tfr' (the TFR solve sets the target year's TFR)", o.from);
  if (o.value < 0) fail('options.value', 'expected a TFR >= 0', o.value);
  const a = tfrAnchoredAt(anchorsOf(s.fertility.tfr as Path), o.baseYear, o.targetYear, o.value);
  const tfr: Record<number, number> = {};
  a.years.forEach((y, i) => (tfr[y] = a.values[i]!));
  // An object lists whole-number keys first: a fractional anchor year before the target year would
  // come out after it, out of order.
  const listed = anchorsOf(tfr).years;
  if (listed.some((y, i) => y !== a.years[i]))
    fail('scenario.fertility.tfr', `expected whole-number anchor years before the target year ${o.targetYear} (an object lists whole numbers first)`, s.fertility.tfr);
  return { ...s, fertility: { ...s.fertility, tfr } };
}
