import * as z from 'zod/mini';
import { DEFAULT_OPEN_AGE } from '../ages/grid.js';
import { parsePopulation, type Population } from '../project/projectCohorts.js';
import { compiledScenario, type CompiledScenario } from '../scenario/compile.js';
import { onPeriodGrid, periodsUntil, projectCompiled, projectionOpenAgeSchema, type AdjustLevels } from '../scenario/project.js';
import type { ParsedScenario, Scenario } from '../scenario/schema.js';
import type { BySex } from '../types.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { targetSchema, type Target } from './target.js';

/** Options shared by the target functions. */
export interface TargetOptions {
  /** Open age of the projection grid; default 100. */
  openAge?: number;
}

/** A validated problem: base, scenario and target, compiled once for many projections. */
export interface TargetProblem {
  base: { year: number } & BySex<Float64Array>;
  scenario: ParsedScenario;
  compiled: CompiledScenario;
  target: Target;
  /** Periods from the base year to the target year. */
  periods: number;
  openAge: number;
}

/** Options of the target functions that take no other: the grid's open age. */
export const targetOptionsSchema = z.strictObject({ openAge: z.optional(projectionOpenAgeSchema) }, { error: 'expected options { openAge? }' });

/** Validates and compiles; the target year must be on the base's 5-year grid, after the base year. */
export function targetProblem(base: Population, scenario: Scenario | ParsedScenario, target: Target, openAgeOption?: number): TargetProblem {
  const openAge = parseWith(z.optional(projectionOpenAgeSchema), openAgeOption, 'options.openAge') ?? DEFAULT_OPEN_AGE;
  const b = parsePopulation(base);
  const t = parseWith(targetSchema, target, 'target');
  if (t.year === b.year || !onPeriodGrid(t.year, b.year)) fail('target.year', `expected a year after the base year ${b.year} on its 5-year grid`, t.year);
  const periods = periodsUntil(b.year, t.year, 'target.year');
  const { parsed: s, compiled } = compiledScenario(scenario, openAge);
  return {
    base: { year: b.year, female: Float64Array.from(b.female), male: Float64Array.from(b.male) },
    scenario: s,
    compiled,
    target: t,
    periods,
    openAge,
  };
}

/** Total population in the target year under a compiled scenario (and an optional level adjustment). */
export function totalAtTarget(p: TargetProblem, c: CompiledScenario = p.compiled, adjust?: AdjustLevels): number {
  const proj = projectCompiled(c, p.base, p.periods, adjust);
  return proj.indicators.years[p.periods]!.total;
}
