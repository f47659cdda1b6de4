import { DEFAULT_OPEN_AGE, STEP } from '../ages/grid.js';
import { parsePopulation, type Population } from '../project/projectCohorts.js';
import { compiledScenario, type CompiledScenario } from '../scenario/compile.js';
import { onPeriodGrid, projectCompiled, type AdjustLevels } from '../scenario/project.js';
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

/** Validates and compiles; the target year must be on the base's 5-year grid, after the base year. */
export function targetProblem(base: Population, scenario: Scenario | ParsedScenario, target: Target, openAge = DEFAULT_OPEN_AGE): TargetProblem {
  const b = parsePopulation(base);
  const { parsed: s, compiled } = compiledScenario(scenario, openAge);
  const t = parseWith(targetSchema, target, 'target');
  if (t.year === b.year || !onPeriodGrid(t.year, b.year))
    fail('target.year', `expected a year after the base year ${b.year} on its 5-year grid`, t.year);
  return {
    base: { year: b.year, female: Float64Array.from(b.female), male: Float64Array.from(b.male) },
    scenario: s,
    compiled,
    target: t,
    periods: (t.year - b.year) / STEP,
    openAge,
  };
}

/** Total population in the target year under a compiled scenario (and an optional level adjustment). */
export function totalAtTarget(p: TargetProblem, c: CompiledScenario = p.compiled, adjust?: AdjustLevels): number {
  const proj = projectCompiled(c, p.base, p.periods, adjust);
  return proj.indicators.years[p.periods]!.total;
}
