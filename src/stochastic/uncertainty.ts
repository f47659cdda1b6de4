import * as z from 'zod/mini';
import { sigmaValue, unit } from '../validate/schemas.js';

/**
 * An object schema's own error for a wrong type; unknown keys keep zod's default, which the error
 * grammar reports as `expected no unknown keys, got <keys>`.
 */
export const objectError = (message: string) => (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? undefined : message);

/**
 * Default σ of the TFR deviation per 5-year period: 0.1016 children per woman, on the TFR scale.
 *
 * bayesTFR projects post-transition fertility (phase III, where China and its cities are) as an
 * AR(1) on the TFR itself, f(t) − μ = ρ (f(t−1) − μ) + ε(t), ε ~ N(0, σ²), with the defaults of
 * `tfr.predict(mu = 2.1, rho = 0.8859, sigmaAR1 = 0.1016)` (Alkema, Raftery, Gerland et al. 2011,
 * *Demography* 48(3); Ševčíková, Alkema & Raftery 2011, *J. Stat. Softw.* 43(1); the hierarchical
 * phase III of Raftery, Alkema & Gerland 2014, *Stat. Sci.* 29(1), and the correlated errors of
 * Fosdick & Raftery 2014, *Demographic Research* 30(35), keep the same additive step). The error is additive: 0.1016 children per woman whatever the level, so its
 * relative size is σ/TFR — 4.8 % at 2.1 but 10.2 % at a TFR of 1.0. A log-scale σ of 0.1016/2.1
 * (this library's earlier default) matched it only at TFR 2.1 and understated it about 2× at a city's
 * TFR near 1. Here the deviation is the same additive AR(1) around the scenario's path (see
 * {@link uncertaintySchema}), so the sd of a period-1 TFR is σ = 0.1016 at any level (pinned by
 * test/stochastic/tfrUncertainty.test.ts).
 */
export const DEFAULT_TFR_SIGMA = 0.1016;
/**
 * Floor below which no drawn TFR goes: 0.5 children per woman, bayesTFR's (`make.tfr.prediction`
 * redraws a phase III error until the TFR exceeds 0.5; R/predict_tfr.R). For a scenario whose own
 * TFR is below 1, the floor is half the scenario's TFR of the period, so the floor always lies below
 * the path; a scenario TFR of 0 stays 0 (no deviation is drawn for that period).
 */
const TFR_FLOOR = 0.5;

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
 * constants in src/stochastic/uncertainty.ts): TFR σ = 0.1016 children per woman a period and
 * ρ = 0.8859 (bayesTFR's phase III AR(1): Ševčíková, Alkema & Raftery 2011); e0 σ = √π / 2
 * ≈ 0.886 years a period (a 10-year mean absolute error of about 1 year, as bayesLife's: Raftery,
 * Chunn, Gerland & Ševčíková 2013); migration σ = 0 (held as given, as in the UN's WPP 2019).
 *
 * - `tfr`: additive AR(1) deviation d from the scenario's TFR per period t, children per woman (as
 *   bayesTFR's phase III): d(t) = ρ d(t−1) + σ ε(t), d(−1) = 0, TFR(t) = TFR_scenario(t) + d(t).
 *   The TFR stays above a floor L(t) = min(0.5, TFR_scenario(t) / 2) (bayesTFR's 0.5): ε(t) is drawn
 *   from the standard normal truncated to TFR(t) > L(t), by inverse CDF from the same single draw
 *   (ε = Q⁻¹(Q(z) · Q(a)), z the standard normal draw, a the bound, Q the upper tail) — a truncated
 *   normal, not a clamp: no TFR is set to the floor. Where the floor is more than about 8.2 σ below
 *   the mean (Q(a) rounds to 1), ε = z exactly; a scenario TFR of 0 stays 0 (d(t) = 0). The scenario's path is the median of
 *   every period's TFR up to the truncation.
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
    tfr: z.optional(z.strictObject({ sigma: z.optional(sigmaValue('tfr')), rho: z.optional(unit()) }, { error: objectError('expected { sigma?, rho? }') })),
    e0: z.optional(z.strictObject({ sigma: z.optional(sigmaValue('e0')) }, { error: objectError('expected { sigma? }') })),
    migration: z.optional(z.strictObject({ sigma: z.optional(sigmaValue('migration')) }, { error: objectError('expected { sigma? }') })),
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

/**
 * The uncertainty of one step of `width` years. The parameters are stated per 5-year period; on
 * annual steps (width 1) they are the same processes seen every year, so that the draws at the
 * 5-year marks have the distribution the 5-year parameters give:
 * - TFR AR(1): ρ₁ = ρ^(1/5), and σ₁ with Var d after 5 annual steps = σ² (from d = 0):
 *   σ₁² (1 − ρ₁¹⁰)/(1 − ρ₁²) = σ², i.e. σ₁ = σ √((1 − ρ₁²)/(1 − ρ²)) (σ/√5 as ρ → 1);
 * - e0 random walk: σ₁ = σ/√5 (variances add over the 5 steps);
 * - net migration, independent per period: σ₁ = σ√5, so that a 5-year average of annual draws
 *   has sd σ, as a 5-year period's draw.
 */
export function perStep(u: ResolvedUncertainty, width: number): ResolvedUncertainty {
  if (width === 5) return u;
  const { sigma, rho } = u.tfr;
  const rho1 = Math.pow(rho, 1 / 5);
  const tfrSigma = rho < 1 ? sigma * Math.sqrt((1 - rho1 * rho1) / (1 - rho * rho)) : sigma / Math.sqrt(5);
  return { tfr: { sigma: tfrSigma, rho: rho1 }, e0: { sigma: u.e0.sigma / Math.sqrt(5) }, migration: { sigma: u.migration.sigma * Math.sqrt(5) } };
}

/** Fills the defaults into validated uncertainty. */
export function resolveUncertainty(u: z.output<typeof uncertaintySchema>): ResolvedUncertainty {
  return {
    tfr: { sigma: u.tfr?.sigma ?? DEFAULT_TFR_SIGMA, rho: u.tfr?.rho ?? DEFAULT_TFR_RHO },
    e0: { sigma: u.e0?.sigma ?? DEFAULT_E0_SIGMA },
    migration: { sigma: u.migration?.sigma ?? DEFAULT_MIGRATION_SIGMA },
  };
}

/**
 * One period's TFR deviation of the additive AR(1) (see {@link uncertaintySchema}): from the previous
 * deviation `previous`, the period's standard normal draw `z` and the scenario's TFR of the period
 * `tfr`, d = ρ·previous + σ·ε with ε the draw truncated so that tfr + d > L = min(0.5, tfr / 2)
 * (bayesTFR's floor, {@link TFR_FLOOR}); a scenario TFR of 0 stays 0 (d = 0). Unchecked: σ > 0, tfr ≥ 0.
 */
export function tfrDeviation(previous: number, z: number, tfr: number, sigma: number, rho: number): number {
  if (tfr === 0) return 0; // no births in the scenario: none drawn
  const mean = rho * previous;
  const floor = Math.min(TFR_FLOOR, tfr / 2);
  return mean + sigma * normalAbove(z, (floor - tfr - mean) / sigma);
}

/**
 * A standard normal draw `z` mapped to the standard normal truncated to (a, ∞), monotonically, by
 * inverse CDF: ε = Q⁻¹(Q(z) · Q(a)) with Q the upper tail (survival) of N(0, 1). ε = z exactly when
 * Q(a) rounds to 1 (a below about −8.2: the truncation would remove less than 1e-16 of the mass).
 */
function normalAbove(z: number, a: number): number {
  const qa = normalUpperTail(a);
  if (qa >= 1) return z;
  return normalUpperQuantile(normalUpperTail(z) * qa);
}

/**
 * Q(x) = P(Z > x) = erfc(x/√2)/2 for a standard normal Z. erfc by the Chebyshev-fitted rational
 * approximation of Press, Teukolsky, Vetterling & Flannery, *Numerical Recipes* (2nd ed., 1992,
 * §6.2, `erfcc`): fractional error below 1.2e-7 everywhere — ample for a sampling transform, whose
 * inverse ({@link normalUpperQuantile}) is solved against this same Q.
 */
function normalUpperTail(x: number): number {
  const u = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * u);
  const erfc =
    t *
    Math.exp(
      -u * u -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * The x with Q(x) = q, q ∈ (0, 1): Acklam's rational approximation of the normal quantile (relative
 * error 1.15e-9; P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
 * function", 2003) as the start, then three Newton steps on {@link normalUpperTail}
 * (x ← x + (Q(x) − q)/φ(x)), so that the two are inverses of each other.
 */
function normalUpperQuantile(q: number): number {
  let x = -acklamQuantile(q);
  for (let i = 0; i < 3; i++) {
    const phi = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    if (!(phi > 0)) break;
    x += (normalUpperTail(x) - q) / phi;
  }
  return x;
}

/** Φ⁻¹(p) by Acklam's algorithm (see {@link normalUpperQuantile}). */
function acklamQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
