import { populationTotal } from '../ages/broad.js';
import type { KernelPeriod } from '../project/kernel.js';
import {
  copyLevels,
  fillFertility,
  periodTotals,
  stepPeriod,
  worstShare,
  type CompiledScenario,
  type PeriodLevels,
} from '../scenario/compile.js';
import { compilePeriods } from '../scenario/project.js';
import type { TargetProblem } from './context.js';

/**
 * A target problem with its survival solved once. Survival depends on neither migration nor
 * fertility, so a solver that varies only those runs the kernel steps alone for each trial: no life
 * tables, no e0 solves, no allocation. Trials compute what `project()` computes, bit for bit (the
 * same rates, the same step).
 */
export interface Prepared {
  c: CompiledScenario;
  /** The scenario's own levels, per period. */
  levels: readonly PeriodLevels[];
  /** Working copies of the levels that a trial sets. */
  trial: PeriodLevels[];
  kernels: KernelPeriod[];
  female: Float64Array;
  male: Float64Array;
  buf: [Float64Array, Float64Array, Float64Array, Float64Array];
  totals: Float64Array;
  /** The population a solve aims at. */
  target: number;
  /** Set by {@link trialTotal}: the largest share of a group the out-flow took (> 1: infeasible). */
  worstShare: number;
}

export function prepare(p: TargetProblem, c: CompiledScenario = p.compiled): Prepared {
  const cp = compilePeriods(c, p.base, p.periods);
  const G = c.groups;
  return {
    c,
    levels: cp.levels,
    trial: cp.levels.map(copyLevels),
    kernels: cp.kernels,
    female: Float64Array.from(cp.female),
    male: Float64Array.from(cp.male),
    buf: [new Float64Array(G), new Float64Array(G), new Float64Array(G), new Float64Array(G)],
    totals: periodTotals(),
    target: p.target.population,
    worstShare: 0,
  };
}

/**
 * The total at the end of the last period with the levels in `prep.trial` (their TFR refills the
 * ASFR when `fertility` is set; migration follows each period's start population). NaN when some
 * period's out-flow would take more people than a group holds; `prep.worstShare` then exceeds 1.
 */
export function trialTotal(prep: Prepared, fertility: boolean): number {
  const { c, kernels, trial, totals, buf } = prep;
  let pf = prep.female;
  let pm = prep.male;
  let worst = 0;
  for (let t = 0; t < kernels.length; t++) {
    const k = kernels[t]!;
    const lv = trial[t]!;
    if (fertility) fillFertility(c, lv.tfr, k);
    const nf = buf[2 * (t & 1)]!;
    const nm = buf[2 * (t & 1) + 1]!;
    const ok = stepPeriod(c, lv, populationTotal(pf, pm), k, pf, pm, nf, nm, totals);
    if (worstShare(totals) > worst) worst = worstShare(totals);
    if (!ok) {
      prep.worstShare = Math.max(worst, 1 + Number.EPSILON);
      return NaN;
    }
    pf = nf;
    pm = nm;
  }
  prep.worstShare = worst;
  return populationTotal(pf, pm);
}

/** Restores the trial levels to the scenario's own. */
export function resetTrial(prep: Prepared): void {
  prep.levels.forEach((lv, t) => {
    const w = prep.trial[t]!;
    w.tfr = lv.tfr;
    w.netPerYear = lv.netPerYear;
    w.inPerYear = lv.inPerYear;
    w.outRate = lv.outRate;
  });
}
