import { STEP, type Width } from '../ages/grid.js';
import { widthOptionsSchema } from '../validate/schemas.js';
import { CcmppError, fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { solveMonotone } from '../solve/monotone.js';
import { fertilityRow } from './leslieArrays.js';
import { compilePeriod, periodInputsSchema, type PeriodInputs } from './periodInputs.js';

/** The characteristic equation is solved to this absolute error (its terms sum to 1 at the root). */
const EULER_LOTKA_TOLERANCE = 1e-15;

/** How far from 1 the sum may be where the bracket closes on adjacent floats: its rounding error. */
const EULER_LOTKA_ROUNDING = 1e-12;

/** The stable population of a period's rates ({@link dominantRoot}): λ, r = ln(λ)/n and the stable age shares. */
export interface DominantRoot {
  /** Dominant eigenvalue of the female Leslie matrix: growth factor per period (5 years, or 1 at width 1). */
  lambda: number;
  /** Intrinsic growth rate per year, ln(λ)/n, n the period's width. */
  r: number;
  /** Stable female age distribution (shares summing to 1). */
  stableAgeShares: Float64Array;
}

/**
 * Dominant root of the period's female Leslie matrix: the long-run growth factor λ per period (of
 * n = `options.width` years: 5, the default, or 1 for a period on single years of age) of a closed
 * population under the period's rates, r = ln(λ)/n, and the stable age distribution.
 *
 * λ is the root of the matrix's characteristic equation in Euler–Lotka form (Keyfitz & Caswell 2005,
 * §3.1; Preston, Heuveline & Guillot 2001, §7.2): 1 = Σ F(x) ℓ(x) λ^−(x+1), with F the Leslie
 * fertility row and ℓ(x) = s(0)…s(x−1) the survival to group x (the open group, when fertile, adds
 * its geometric series F ℓ λ^−G / (1 − s/λ)). Its right side falls strictly with λ, so a bracketed
 * solve is exact to rounding — unlike power iteration, which crawls when the open group's own survival
 * comes close to λ (mathjs `eigs` does not converge on Leslie matrices at all). Stable shares:
 * c(x) ∝ ℓ(x) λ^−x; open group c ∝ ℓ λ^−(G−1) / (1 − s/λ).
 *
 * If the open group survives at least as well as the population grows (s ≥ λ, only on grids with a
 * low open age), no stable distribution exists on this grid: an error says so.
 *
 * @example
 * const { lambda, r } = dominantRoot(period);  // r < 0 when fertility is below replacement
 */
export function dominantRoot(period: PeriodInputs, options: { width?: Width } = {}): DominantRoot {
  const groups = (period as { asfr?: ArrayLike<number> })?.asfr?.length ?? 0;
  const width = parseWith(widthOptionsSchema, options, 'options').width ?? STEP;
  const k = compilePeriod(parseWith(periodInputsSchema(groups), period, 'period'), width);
  const G = groups;
  const F = fertilityRow(k, k.femaleShare, k.bf);
  const s = k.sf;
  const sOpen = s[G - 2]!;
  const ell = new Float64Array(G); // ℓ(x): survival from group 0 to group x
  ell[0] = 1;
  for (let x = 1; x < G; x++) ell[x] = ell[x - 1]! * s[x - 1]!;
  let fertile = false;
  for (let x = 0; x < G; x++) if (F[x]! * ell[x]! > 0) fertile = true;
  if (!fertile) fail('period', 'expected births that reach the population (asfr > 0 at an age the survival ratios reach with survival > 0)', 'no fertility that survives');

  // Σ F(x) ℓ(x) λ^−(x+1), as a function of ln λ (decreasing).
  const openFertile = F[G - 1]! * ell[G - 1]! > 0;
  const netRatio = (logLambda: number): number => {
    const lambda = Math.exp(logLambda);
    let sum = 0;
    let pow = 1 / lambda;
    for (let x = 0; x < G - 1; x++) {
      const c = F[x]! * ell[x]!;
      if (c > 0) sum += c * pow;
      pow /= lambda;
    }
    const open = F[G - 1]! * ell[G - 1]! * pow;
    return sum + (open > 0 ? open / (1 - sOpen / lambda) : 0);
  };
  // Bracket ln λ around 0 (λ = 1), widening by e per step; the open series diverges as λ → s⁺.
  const floor = openFertile ? Math.log(sOpen) : -Infinity;
  let lo = Math.max(-1, floor + 1e-9);
  let hi = Math.max(1, lo + 1);
  for (let i = 0; i < 60 && netRatio(lo) < 1 && lo > floor + 1e-9; i++) lo = Math.max(lo - 1, floor + 1e-9);
  for (let i = 0; i < 60 && netRatio(hi) > 1; i++) hi += 1;
  const root = solveMonotone(netRatio, 1, lo, hi, { tolerance: EULER_LOTKA_TOLERANCE });
  // A bracket shrunk to adjacent floating-point values of ln λ holds the root to the last bit: the
  // sum's own rounding (a few ulps, ~1e-15) can hide the tolerance window between them.
  const atLastBit = root.status === 'unconverged' && root.reason === 'jump' && Math.abs(root.achieved - 1) <= EULER_LOTKA_ROUNDING;
  if (root.status !== 'reachable' && !atLastBit) throw new CcmppError(`dominantRoot: the characteristic equation has no root in λ ∈ [e^${lo}, e^${hi}]`);
  const lambda = Math.exp(root.value);
  if (!(lambda > sOpen)) {
    throw new CcmppError(
      `dominantRoot: the open group survives (${sOpen}) at least as well as the population grows (λ = ${lambda}); no stable age distribution exists on this grid — use a higher open age`,
    );
  }
  const shares = new Float64Array(G);
  let pow = 1;
  let total = 0;
  for (let x = 0; x < G; x++) {
    shares[x] = x < G - 1 ? ell[x]! * pow : (ell[x]! * pow) / (1 - sOpen / lambda);
    total += shares[x]!;
    pow /= lambda;
  }
  for (let x = 0; x < G; x++) shares[x] = shares[x]! / total;
  return { lambda, r: Math.log(lambda) / width, stableAgeShares: shares };
}
