import { CcmppError } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { fertilityRow } from './leslie.js';
import { compilePeriod, periodInputsSchema, type PeriodInputs } from './periodInputs.js';

/** Relative change of λ below which the power iteration has converged. */
const ROOT_TOLERANCE = 1e-14;
const MAX_ITERATIONS = 100_000;

export interface DominantRoot {
  /** Dominant eigenvalue of the female Leslie matrix: growth factor per 5 years. */
  lambda: number;
  /** Intrinsic growth rate per year, ln(λ)/5. */
  r: number;
  /** Stable female age distribution (shares summing to 1). */
  stableAgeShares: Float64Array;
}

/**
 * Dominant root of the period's female Leslie matrix by power iteration (the Perron root of a
 * non-negative primitive matrix; Leslie 1945, Keyfitz & Caswell 2005 §3): the long-run growth
 * factor λ per 5 years of a closed population under the period's rates, r = ln(λ)/5, and the
 * stable age distribution. (mathjs `eigs` does not converge reliably on Leslie matrices.)
 *
 * @example
 * const { lambda, r } = dominantRoot(period);  // r < 0 when fertility is below replacement
 */
export function dominantRoot(period: PeriodInputs): DominantRoot {
  const groups = (period as { asfr?: ArrayLike<number> })?.asfr?.length ?? 0;
  const k = compilePeriod(parseWith(periodInputsSchema(groups), period, 'period'));
  const G = groups;
  const F = fertilityRow(k, k.femaleShare, k.bf);
  const s = k.sf;
  let v = new Float64Array(G).fill(1 / G);
  let w = new Float64Array(G);
  let lambda = 0;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    // w = L v
    let births = 0;
    for (let x = 0; x < G; x++) births += F[x]! * v[x]!;
    w[0] = births;
    for (let x = 0; x < G - 2; x++) w[x + 1] = s[x]! * v[x]!;
    w[G - 1] = s[G - 2]! * (v[G - 2]! + v[G - 1]!);
    let norm = 0;
    for (let x = 0; x < G; x++) norm += w[x]!;
    let change = 0;
    for (let x = 0; x < G; x++) {
      w[x] = w[x]! / norm;
      change = Math.max(change, Math.abs(w[x]! - v[x]!));
    }
    const converged = Math.abs(norm - lambda) <= ROOT_TOLERANCE * norm && change <= ROOT_TOLERANCE * 100;
    lambda = norm; // v sums to 1, so ‖Lv‖₁ → λ
    [v, w] = [w, v];
    if (converged) return { lambda, r: Math.log(lambda) / 5, stableAgeShares: v };
  }
  throw new CcmppError(`dominantRoot: power iteration did not converge in ${MAX_ITERATIONS} iterations (lambda ≈ ${lambda})`);
}
