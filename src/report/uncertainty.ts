import type { ResolvedUncertainty } from '../stochastic/uncertainty.js';
import { formatFixed, formatPersons } from './format.js';

/**
 * What a simulation draws and what it holds, one sentence per part (the same words in the terminal,
 * report.html and the Yingkou text), from the uncertainty it used: which paths are random and how,
 * and which are held fixed (σ 0). `whose` names the paths ("the scenario's", "the plan's").
 */
export function uncertaintyText(u: ResolvedUncertainty, whose = "the scenario's"): { tfr: string; e0: string; migration: string } {
  return {
    tfr:
      u.tfr.sigma > 0
        ? `TFR: ${whose} path plus an AR(1) deviation on the TFR scale, σ = ${formatFixed(u.tfr.sigma, 4)} children per woman and ρ = ${formatFixed(u.tfr.rho, 4)} per 5-year period (bayesTFR phase III, additive: the same sd at any TFR level), drawn from a normal truncated to keep the TFR above min(0.5, TFR/2).`
        : `TFR: held at ${whose} path (σ 0: not random).`,
    e0:
      u.e0.sigma > 0
        ? `Life expectancy: ${whose} path plus a random walk, σ = ${formatFixed(u.e0.sigma, 3)} years per period (Raftery et al. 2013), both sexes alike.`
        : `Life expectancy: held at ${whose} path (σ 0: not random).`,
    migration:
      u.migration.sigma > 0
        ? `Net migration: ${whose} figure plus a normal deviation, σ = ${formatPersons(u.migration.sigma)} persons a year per period.`
        : `Net migration: held fixed at ${whose} figure (σ 0: not random), as in the UN's probabilistic projections.`,
  };
}

/**
 * What a P(target reached) and its interval mean: the share of the simulated trajectories at or
 * above the target, and the 95 % Wilson interval of the Monte Carlo error of that share — how far it
 * may lie from the model's probability with more trajectories, not a range of populations.
 */
export function probabilityText(trajectories: number): string {
  return `P(reached) is the share of the ${formatPersons(trajectories)} simulated trajectories at or above the target; its 95 % interval is the Monte Carlo error of that share (Wilson), not a range of populations.`;
}
