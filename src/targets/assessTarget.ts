import type { Population } from '../project/projectCohorts.js';
import type { Scenario } from '../scenario/schema.js';
import { parseWith } from '../validate/parse.js';
import { targetOptionsSchema, targetProblem, totalAtTarget, type TargetOptions } from './context.js';
import { reaches, type Target } from './target.js';
import { scenarioWarnings } from './plausibility.js';
import type { Warned } from '../validate/warnings.js';

/** A target's verdict under a scenario. */
export interface TargetAssessment {
  year: number;
  target: number;
  projected: number;
  /** projected − target (negative: short of the target). */
  gap: number;
  /** projected ≥ target. */
  reached: boolean;
}

/**
 * Does the scenario reach the population target? Projects to the target year and compares:
 * gap = projected − target; reached when projected ≥ target. `warnings` flags a scenario life
 * expectancy above the highest observed (src/validate/warnings.ts, with its sources).
 *
 * @example
 * assessTarget(yingkou.base2015, yingkou.scenarios.plan, { year: 2030, population: 2_600_000 })
 * // { year: 2030, target: 2600000, projected: …, gap: < 0, reached: false }
 */
export function assessTarget(base: Population, scenario: Scenario, target: Target, options: TargetOptions = {}): Warned<TargetAssessment> {
  const p = targetProblem(base, scenario, target, parseWith(targetOptionsSchema, options, 'options'));
  return { ...targetVerdict(p.target, totalAtTarget(p)), warnings: scenarioWarnings(p) };
}

/** The verdict on a target of a projected population: gap = projected − target, reached when projected ≥ target. */
export function targetVerdict(target: Target, projected: number): TargetAssessment {
  return { year: target.year, target: target.population, projected, gap: projected - target.population, reached: reaches(projected, target.population) };
}
