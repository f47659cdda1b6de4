import type { Population } from '../project/projectCohorts.js';
import type { Scenario } from '../scenario/schema.js';
import { targetProblem, totalAtTarget, type TargetOptions } from './context.js';
import type { Target } from './target.js';

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
 * gap = projected − target; reached when projected ≥ target.
 *
 * @example
 * assessTarget(yingkou.base2015, yingkou.scenarios.plan, { year: 2030, population: 2_600_000 })
 * // { year: 2030, target: 2600000, projected: …, gap: < 0, reached: false }
 */
export function assessTarget(base: Population, scenario: Scenario, target: Target, options: TargetOptions = {}): TargetAssessment {
  const p = targetProblem(base, scenario, target, options.openAge);
  const projected = totalAtTarget(p);
  return { year: p.target.year, target: p.target.population, projected, gap: projected - p.target.population, reached: projected >= p.target.population };
}
