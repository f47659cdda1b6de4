import { periodLevels } from '../scenario/compile.js';
import { valueAt } from '../scenario/path.js';
import type { SolveResult } from '../solve/result.js';
import { observedE0Warnings, postTransitionTfrWarnings, type Warning } from '../validate/warnings.js';
import type { TargetProblem } from './context.js';

/**
 * Warnings on a target problem's scenario (src/validate/warnings.ts has the thresholds and their
 * sources): a female or male life expectancy, in any period from the base year to the target year,
 * above the highest observed in any country ({@link observedE0Warnings}; path `scenario.mortality.e0`).
 */
export function scenarioWarnings(p: TargetProblem): Warning[] {
  const e0 = { female: -Infinity, male: -Infinity };
  const at = { female: '', male: '' };
  for (let t = 0; t < p.periods; t++) {
    const from = p.base.year + p.width * t;
    const lv = periodLevels(p.compiled, from);
    for (const sex of ['female', 'male'] as const) {
      if (lv.e0[sex] > e0[sex]) {
        e0[sex] = lv.e0[sex];
        at[sex] = `${from}–${from + p.width}`;
      }
    }
  }
  return observedE0Warnings(e0, at, 'scenario.mortality.e0');
}

/**
 * Warnings on a required target-year TFR: the scenario's, and a TFR above what any post-transition
 * population has returned to, when the scenario's own TFR in the base year is at or below it
 * ({@link postTransitionTfrWarnings}; path `value`).
 */
export function requiredTfrWarnings(p: TargetProblem, r: SolveResult<number>): Warning[] {
  const own = valueAt(p.compiled.tfr, p.base.year);
  return [...scenarioWarnings(p), ...(r.status === 'reachable' ? postTransitionTfrWarnings(r.value, own, p.target.year, 'value') : [])];
}
