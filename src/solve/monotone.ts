import type { SolveResult } from './result.js';

export interface MonotoneSolveOptions {
  /** Accept x once target ≤ f(x) ≤ target + tolerance (f increasing; mirrored when decreasing). */
  tolerance: number;
  maxIterations?: number;
  /** f(lo) and f(hi) when the caller has them already (saves two evaluations). */
  known?: readonly [number, number];
}

/**
 * Solves f(x) = target for a monotone f on [lo, hi] by regula falsi with the Illinois modification
 * (Dowell & Jarratt 1971): the bracket always holds the root, and convergence is superlinear on
 * smooth f. The answer lies on the far side of the target, within the tolerance: f(value) ∈
 * [target, target + tol] when f increases, [target − tol, target] when it decreases — so for a
 * rising total, "reached at the solved value" holds exactly. A target outside [f(lo), f(hi)] is
 * `unreachable`, with the closer bound and what it achieves. A search that stops without meeting the
 * tolerance (iterations run out, the bracket collapses onto a jump of f, f gives NaN) is
 * `unconverged` with the closer end of its bracket — never `reachable`.
 *
 * @example
 * solveMonotone((x) => x * x, 2, 0, 2, { tolerance: 1e-12 }) // { status: 'reachable', value: 1.414…, … }
 */
export function solveMonotone(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  { tolerance, maxIterations = 200, known }: MonotoneSolveOptions,
): SolveResult<number> {
  const fLo = known ? known[0] : f(lo);
  const fHi = known ? known[1] : f(hi);
  const sign = fHi >= fLo ? 1 : -1; // work on g = sign·(f − target), increasing in x
  const gLo = sign * (fLo - target);
  const gHi = sign * (fHi - target);
  // The reachable range is [min(fLo, fHi), max(fLo, fHi)].
  if (gHi < 0) return { status: 'unreachable', side: sign > 0 ? 'above' : 'below', bound: hi, achieved: fHi };
  if (gLo > tolerance) return { status: 'unreachable', side: sign > 0 ? 'below' : 'above', bound: lo, achieved: fLo };
  if (gLo >= 0) return { status: 'reachable', value: lo, achieved: fLo, iterations: 0 };
  if (gHi <= tolerance) return { status: 'reachable', value: hi, achieved: fHi, iterations: 0 };

  let a = lo;
  let ga = gLo; // < 0
  let fa = fLo;
  let b = hi;
  let gb = gHi; // > tolerance
  let fb = fHi;
  let side = 0;
  // The closer end of the bracket to the target: what an unconverged search reports.
  const closest = (it: number, reason: 'iterations' | 'jump' | 'nan'): SolveResult<number> =>
    Math.abs(fa - target) <= Math.abs(fb - target)
      ? { status: 'unconverged', reason, value: a, achieved: fa, iterations: it }
      : { status: 'unconverged', reason, value: b, achieved: fb, iterations: it };
  for (let it = 1; it <= maxIterations; it++) {
    let c = b - (gb * (b - a)) / (gb - ga);
    if (!(c > a && c < b)) c = (a + b) / 2;
    const fc = f(c);
    const gc = sign * (fc - target);
    if (Number.isNaN(gc)) return closest(it, 'nan');
    if (gc >= 0 && gc <= tolerance) return { status: 'reachable', value: c, achieved: fc, iterations: it };
    if (gc < 0) {
      a = c;
      ga = gc;
      fa = fc;
      if (side === -1) gb /= 2;
      side = -1;
    } else {
      b = c;
      gb = gc;
      fb = fc;
      if (side === 1) ga /= 2;
      side = 1;
    }
    // The bracket has shrunk to adjacent floating-point numbers: f jumps over the window here.
    if (b - a <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b), 1)) return closest(it, 'jump');
  }
  return closest(maxIterations, 'iterations');
}
