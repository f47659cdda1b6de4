import { solveMonotone } from './monotone.js';
import type { SolveResult } from './result.js';

/** How close to 1 the largest share of a group an out-flow takes may come at the feasibility bound. */
export const FEASIBILITY_TOLERANCE = 1e-9;

/**
 * Solves f(x) = target for f increasing on [lo, hi], where f is NaN (infeasible: an out-flow that
 * would take more people than a group holds) below some x*. `share(x)` is the largest share of a
 * group the out-flow takes at x (read after f(x)), decreasing in x and > 1 exactly where f is NaN.
 * When f(lo) is NaN, x* is computed first as the root of share(x) = 1 (regula falsi, Illinois:
 * share is smooth in x, so a handful of trials — not a bisection to one person), and the search
 * runs on [x*, hi]: a target below f(x*) is `unreachable` with `bound` x*, the most out-migration
 * the population can supply.
 *
 * Returns null when f(hi) itself is infeasible (no value in the range can be projected).
 */
export function solveFromFeasible(
  f: (x: number) => number,
  share: () => number,
  target: number,
  lo: number,
  hi: number,
  tolerance: number,
): SolveResult<number> | null {
  if (Number.isNaN(f(hi))) return null;
  if (Number.isNaN(f(lo))) {
    const shareAt = (x: number) => {
      f(x);
      return share();
    };
    const r = solveMonotone(shareAt, 1, lo, hi, { tolerance: FEASIBILITY_TOLERANCE });
    let x = r.status === 'reachable' ? r.value : hi;
    // The bound's own total; step towards hi by rounding units should the root sit on the edge.
    for (let i = 0; i < 64 && Number.isNaN(f(x)); i++) x += Math.max(Math.abs(x), 1) * 4 * Number.EPSILON * 2 ** i;
    lo = x;
  }
  return solveMonotone(f, target, lo, hi, { tolerance });
}
