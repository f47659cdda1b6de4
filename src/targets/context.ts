import * as z from 'zod/mini';
import { DEFAULT_OPEN_AGE, STEP, type Width } from '../ages/grid.js';
import { parsePopulation, type Population } from '../project/projectCohorts.js';
import { compiledScenario, type CompiledScenario } from '../scenario/compile.js';
import { graduationMethodSchema, onPeriodGrid, onWidth, periodsUntil, projectCompiled, projectionOpenAgeSchema, type AdjustLevels } from '../scenario/project.js';
import type { GraduationMethod } from '../base/graduate.js';
import { widthValue } from '../validate/schemas.js';
import type { ParsedScenario, Scenario } from '../scenario/schema.js';
import type { BySex } from '../types.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { targetSchema, type Target } from './target.js';

/** Options shared by the target functions: the projection grid (as `project`'s options). */
export interface TargetOptions {
  /** Open age of the projection grid; default 100. */
  openAge?: number | undefined;
  /** Width of the age groups and periods: 5 or 1 (annual steps on single years); default the base's (5). */
  width?: Width | undefined;
  /** How a 5-year base is graduated at width 1 (see `project`); default 'sprague'. */
  graduation?: GraduationMethod | undefined;
}

/** The schema entries of {@link TargetOptions}, for the option schemas of the target functions. */
export const gridOptionShape = {
  openAge: z.optional(projectionOpenAgeSchema),
  width: z.optional(widthValue()),
  graduation: z.optional(graduationMethodSchema),
};

/** A validated problem: base, scenario and target, compiled once for many projections. */
export interface TargetProblem {
  base: { year: number } & BySex<Float64Array>;
  scenario: ParsedScenario;
  compiled: CompiledScenario;
  target: Target;
  /** Periods from the base year to the target year. */
  periods: number;
  openAge: number;
  width: Width;
}

/** Options of the target functions that take no other: the grid. */
export const targetOptionsSchema = z.strictObject(gridOptionShape, { error: 'expected options { openAge?, width?, graduation? }' });

/** Validates and compiles; the target year must be on the base's grid (5-year, or any year at width 1), after the base year. */
export function targetProblem(base: Population, scenario: Scenario | ParsedScenario, target: Target, grid: TargetOptions = {}): TargetProblem {
  const openAge = parseWith(z.optional(projectionOpenAgeSchema), grid.openAge, 'options.openAge') ?? DEFAULT_OPEN_AGE;
  const b = parsePopulation(base);
  const width = parseWith(z.optional(widthValue()), grid.width, 'options.width') ?? b.width ?? STEP;
  const t = parseWith(targetSchema, target, 'target');
  if (t.year === b.year || !onPeriodGrid(t.year, b.year, width))
    fail('target.year', width === 1 ? `expected a year after the base year ${b.year}` : `expected a year after the base year ${b.year} on its 5-year grid`, t.year);
  const periods = periodsUntil(b.year, t.year, 'target.year', width);
  const { parsed: s, compiled } = compiledScenario(scenario, openAge, width);
  const g = onWidth(b, width, grid.graduation);
  return {
    base: { year: b.year, female: Float64Array.from(g.female), male: Float64Array.from(g.male) },
    scenario: s,
    compiled,
    target: t,
    periods,
    openAge,
    width,
  };
}

/** Total population in the target year under a compiled scenario (and an optional level adjustment). */
export function totalAtTarget(p: TargetProblem, c: CompiledScenario = p.compiled, adjust?: AdjustLevels): number {
  const proj = projectCompiled(c, p.base, p.periods, adjust);
  return proj.indicators.years[p.periods]!.total;
}
