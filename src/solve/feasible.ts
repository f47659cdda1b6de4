import { solveMonotone } from './monotone.js';
import type { SolveResult } from './result.js';

/** How close to 1 the largest share of a group an out-flow takes may come at the feasibility bound. */
const FEASIBILITY_TOLERANCE = 1e-9;

/** Overshoot of each outward secant step, as a share of the step: enough to bracket a near-affine f. */
const OVERSHOOT = 0.1;

/** Most outward steps: with doubling at worst, from a first step of 1e-9 of the range to all of it. */
const MAX_STEPS = 64;

/**
 * Solves f(x) = target for f increasing on [lo, hi], where f may be NaN (infeasible: an out-flow
 * that would take more people than a group holds) below some x*. `share()` is the largest share of
 * a group the out-flow took in the last call of f: decreasing in x, and > 1 exactly where f is NaN.
 *
 * The bracket grows outwards from `start` (the scenario's own value): secant steps with a 10 %
 * overshoot, so a near-affine f (a total against net migration or TFR) is bracketed in two or three
 * projections whatever the bounds; then regula falsi (Illinois) inside the bracket
 * ({@link solveMonotone}). Where the search meets infeasible values, x* is computed as the root of
 * share(x) = 1 (regula falsi, a handful of trials) and a target below f(x*) is `unreachable` with
 * `bound` x*: the most out-migration (or the least fertility) the population can supply. A target
 * beyond f(hi), or below f(lo), is `unreachable` at that bound.
 *
 * `scale` is the size of a small change of x in the problem's own units (a thousandth of the base
 * population for net migration, 1 for a TFR): the first step is a thousandth of it or of |start|,
 * whichever is larger — never a share of the bounds, so bounds of ±1e300 cost no more than tight
 * ones. Outward steps that run out (64, each at least doubling) before the target is bracketed or
 * an edge is met give `unconverged` at the closer value, never `unreachable` or `reachable`.
 *
 * Returns null when f is infeasible at `start` and at hi (no value in the range can be projected).
 */
export function solveFromFeasible(
  f: (x: number) => number,
  share: () => number,
  target: number,
  start: number,
  lo: number,
  hi: number,
  tolerance: number,
  scale: number,
): SolveResult<number> | null {
  let a = Math.min(Math.max(start, lo), hi);
  let fa = f(a);
  if (Number.isNaN(fa)) {
    if (Number.isNaN(f(hi))) return null;
    a = feasibilityBound(f, share, a, hi);
    fa = f(a);
    if (fa > target + tolerance) return { status: 'unreachable', side: 'below', bound: a, achieved: fa };
  }
  if (fa >= target && fa <= target + tolerance) return { status: 'reachable', value: a, achieved: fa, iterations: 0 };
  const dir = fa < target ? 1 : -1;
  const edge = dir > 0 ? hi : lo;
  let step = Math.max(Math.abs(a), scale) * 1e-3;
  let b = clamp(a + dir * step, lo, hi);
  let fb = b === a ? fa : f(b);
  for (let i = 0; i < MAX_STEPS; i++) {
    if (Number.isNaN(fb)) {
      // Went past the feasibility bound (downwards): the bound, then the bracket [x*, a].
      const x = feasibilityBound(f, share, b, a);
      const fx = f(x);
      if (fx > target + tolerance) return { status: 'unreachable', side: 'below', bound: x, achieved: fx };
      if (fx >= target) return { status: 'reachable', value: x, achieved: fx, iterations: i + 1 };
      return solveMonotone(f, target, x, a, { tolerance, known: [fx, fa] });
    }
    if (dir > 0 ? fb >= target : fb <= target) {
      return dir > 0 ? solveMonotone(f, target, a, b, { tolerance, known: [fa, fb] }) : solveMonotone(f, target, b, a, { tolerance, known: [fb, fa] });
    }
    if (b === edge) return { status: 'unreachable', side: dir > 0 ? 'above' : 'below', bound: b, achieved: fb };
    const slope = (fb - fa) / (b - a);
    const secant = slope > 0 ? (target - fb) / slope : NaN;
    step = Number.isFinite(secant) && Math.abs(secant) > 0 ? Math.max(Math.abs(secant) * (1 + OVERSHOOT), Math.abs(b - a) * OVERSHOOT) : 2 * Math.abs(b - a);
    a = b;
    fa = fb;
    b = clamp(a + dir * step, lo, hi);
    fb = f(b);
  }
  return { status: 'unconverged', reason: 'iterations', value: b, achieved: fb, iterations: MAX_STEPS };
}

/**
 * The feasibility bound between an infeasible x and a feasible y: the root of share = 1 (regula
 * falsi, Illinois, to {@link FEASIBILITY_TOLERANCE}), on the feasible side; nudged towards y by
 * rounding units should the root sit on the edge.
 */
function feasibilityBound(f: (x: number) => number, share: () => number, infeasible: number, feasible: number): number {
  const shareAt = (x: number) => {
    f(x);
    return share();
  };
  const [l, h] = infeasible < feasible ? [infeasible, feasible] : [feasible, infeasible];
  const r = solveMonotone(shareAt, 1, l, h, { tolerance: FEASIBILITY_TOLERANCE });
  let x = r.status === 'reachable' ? r.value : feasible;
  const towards = Math.sign(feasible - x);
  for (let i = 0; i < 64 && Number.isNaN(f(x)); i++) x += towards * Math.max(Math.abs(x), 1) * 4 * Number.EPSILON * 2 ** i;
  return x;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * The boundary of a monotone predicate by bisection: from `good` (feasible) towards `bad`
 * (infeasible), `steps` halvings; returns the last feasible value (within |bad − good|·2^−steps of
 * the boundary, on its feasible side). For the rare paths that need one period's bound (an error
 * message, a Monte Carlo draw held at it), where a few dozen kernel steps cost nothing.
 */
export function bisectFeasible(feasible: (x: number) => boolean, good: number, bad: number, steps: number): number {
  for (let i = 0; i < steps; i++) {
    const mid = (good + bad) / 2;
    if (feasible(mid)) good = mid;
    else bad = mid;
  }
  return good;
}
