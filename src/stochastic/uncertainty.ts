import * as z from 'zod/mini';
import { nonNegative, unit } from '../validate/schemas.js';

/**
 * An object schema's own error for a wrong type; unknown keys keep zod's default, which the error
 * grammar reports as `expected no unknown keys, got <keys>`.
 */
export const objectError = (message: string) => (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? undefined : message);

/**
 * Default σ of the TFR deviation per 5-year period, on the log scale: 0.1016 / 2.1 ≈ 0.0484.
 * bayesTFR projects post-transition fertility (phase III, where China and its cities are) as an AR(1)
 * around μ = 2.1 with ρ = 0.8859 and σ = 0.1016 children per woman per 5-year period — the defaults
 * of `tfr.predict(mu = 2.1, rho = 0.8859, sigmaAR1 = 0.1016)` (Ševčíková, Alkema & Raftery 2011,
 * *J. Stat. Softw.* 43(1); Raftery, Alkema & Gerland 2014, *Stat. Sci.* 29(1)). On the log scale
 * the same relative error at the process mean is σ/μ (delta method: sd(log X) ≈ sd(X)/E X).
 */
export const DEFAULT_TFR_SIGMA = 0.1016 / 2.1;
/** Default AR(1) coefficient of the TFR deviation between 5-year periods: bayesTFR's ρ = 0.8859 (see {@link DEFAULT_TFR_SIGMA}). */
export const DEFAULT_TFR_RHO = 0.8859;
/**
 * Default σ of the e0 random walk per 5-year period: √π / 2 ≈ 0.886 years. Raftery, Chunn, Gerland &
 * Ševčíková (2013, *Demography* 50(3):777–801, abstract) report that bayesLife's 10-year e0
 * forecasts had a mean absolute error of about 1 year and calibrated prediction intervals. For a
 * calibrated normal forecast error after two steps of a random walk, sd = σ√2 and
 * E|error| = sd·√(2/π) = 2σ/√π; E|error| = 1 gives σ = √π/2.
 */
export const DEFAULT_E0_SIGMA = Math.sqrt(Math.PI) / 2;
/**
 * Default σ of net migration: 0 persons a year. The UN's probabilistic projections (World Population
 * Prospects 2019, "Definition of projection variants") treat fertility and mortality as uncertain
 * and migration as given; no published model gives the uncertainty of a city's net migration, so a
 * planner who wants it states it (`migration: { sigma }`).
 */
const DEFAULT_MIGRATION_SIGMA = 0;

/**
 * How uncertain the scenario's paths are (issue 5 §2). Every part is optional; a missing part or σ
 * takes the documented default; σ = 0 switches a part off. The defaults (sources beside their
 * constants in src/stochastic/uncertainty.ts): TFR σ = 0.1016 / 2.1 ≈ 0.0484 a period on the log
 * scale and ρ = 0.8859 (bayesTFR's phase III AR(1): Ševčíková, Alkema & Raftery 2011); e0 σ = √π / 2
 * ≈ 0.886 years a period (a 10-year mean absolute error of about 1 year, as bayesLife's: Raftery,
 * Chunn, Gerland & Ševčíková 2013); migration σ = 0 (held as given, as in the UN's WPP 2019).
 *
 * - `tfr`: log-scale AR(1) deviation d from the scenario's TFR per period t:
 *   d(t) = ρ d(t−1) + σ ε(t), d(−1) = 0, TFR(t) = TFR_scenario(t) · exp(d(t)). The scenario's path is
 *   the median of every period's TFR; TFR stays ≥ 0.
 * - `e0`: additive random walk w(t) = w(t−1) + σ ε(t), w(−1) = 0, years; the same w is added to the
 *   female and the male e0 of the period (the sex gap of the scenario is kept).
 * - `migration`: independent additive normal deviation per period, net(t) = net_scenario(t) + σ ε(t),
 *   persons a year, both sexes. What is held: the scenario's age profile of in-migrants, sex share,
 *   timing, out-migration schedule and flow-difference parameters, and its gross flows. The drawn
 *   net becomes gross flows as the scenario's own does, from the population at the period's start
 *   (Flow-Difference Method; by default a positive net is all in-migrants, by the age profile, and a
 *   negative one all out-migrants, who leave in proportion to out-schedule × people present). With
 *   gross flows (`inPerYear`, `outRate`) the scenario's net is 0 and the drawn net adds its flows
 *   beside them. A scenario without migration is taken as 0 net migrants a year with the default
 *   profile and schedule. A drawn net asking for more out-migrants than some group holds is held,
 *   for that period, at the largest net out-migration the population can supply, and counted
 *   (`Simulation.migrationAtBound`); flows the scenario itself asks for, without the draw, that a
 *   trajectory's population cannot supply are an error naming the trajectory and period.
 *
 * ε(t) are independent standard normal draws, three per period (TFR, e0, migration, in that order),
 * always drawn, so that switching one part on or off leaves the draws of the others unchanged.
 */
export const uncertaintySchema = z.strictObject(
  {
    tfr: z.optional(z.strictObject({ sigma: z.optional(nonNegative()), rho: z.optional(unit()) }, { error: objectError('expected { sigma?, rho? }') })),
    e0: z.optional(z.strictObject({ sigma: z.optional(nonNegative()) }, { error: objectError('expected { sigma? }') })),
    migration: z.optional(z.strictObject({ sigma: z.optional(nonNegative()) }, { error: objectError('expected { sigma? }') })),
  },
  { error: objectError('expected uncertainty { tfr?, e0?, migration? }') },
);

/** Uncertainty as written. */
export type Uncertainty = z.input<typeof uncertaintySchema>;

/** Uncertainty with every default filled in (what a simulation used). */
export interface ResolvedUncertainty {
  tfr: { sigma: number; rho: number };
  e0: { sigma: number };
  migration: { sigma: number };
}

/** Fills the defaults into validated uncertainty. */
export function resolveUncertainty(u: z.output<typeof uncertaintySchema>): ResolvedUncertainty {
  return {
    tfr: { sigma: u.tfr?.sigma ?? DEFAULT_TFR_SIGMA, rho: u.tfr?.rho ?? DEFAULT_TFR_RHO },
    e0: { sigma: u.e0?.sigma ?? DEFAULT_E0_SIGMA },
    migration: { sigma: u.migration?.sigma ?? DEFAULT_MIGRATION_SIGMA },
  };
}
