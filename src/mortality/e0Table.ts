import type { LifeTable } from '../lifetable/compute.js';

/**
 * A one-parameter mortality model seen by the e0 solver: `fill(x, out)` writes the model's mx for
 * the parameter x into `out.mx` and computes the whole life table in `out` (no allocation). e0 is
 * expected to fall as x rises (x = ln 5q0 for the log-quadratic model, ln θ for proportional hazards).
 */
export interface E0Curve {
  /** Lowest and highest x searched. */
  readonly xMin: number;
  readonly xMax: number;
  fill(x: number, out: LifeTable): void;
}

/**
 * e0 tabulated on a grid of x, trimmed to the branch on which it falls: from the x of the highest
 * e0 to the x of the lowest. Every entry is a real life-table evaluation, so any two neighbours
 * bracket the targets between their e0 values exactly.
 */
export interface E0Table {
  /** Increasing x. */
  x: Float64Array;
  /** e0 at each x (decreasing on the branch, up to the rules' tiny jumps). */
  e0: Float64Array;
}

/** Golden-section steps to locate an interior extreme of e0 (the interval shrinks by 0.618 a step; 80 steps reach the x resolution). */
const EXTREME_STEPS = 80;

/**
 * Tabulates e0 at `nodes` evenly spaced x in [xMin, xMax] and trims the table to the branch between
 * its highest and lowest e0. Where the highest (or lowest) e0 is not at an end of the domain (the
 * log-quadratic model for large k: below some 5q0 its quadratic turns and e0 falls again), the
 * extreme is refined by golden-section search between the neighbouring nodes and becomes the
 * first (last) entry; the targets the model can reach are then exactly those between the two ends.
 */
export function buildE0Table(curve: E0Curve, nodes: number, scratch: LifeTable): E0Table {
  const xs = new Float64Array(nodes);
  const es = new Float64Array(nodes);
  const { xMin, xMax } = curve;
  for (let i = 0; i < nodes; i++) {
    const x = i === nodes - 1 ? xMax : xMin + ((xMax - xMin) * i) / (nodes - 1);
    curve.fill(x, scratch);
    xs[i] = x;
    es[i] = scratch.ex[0]!;
  }
  let iMax = 0;
  let iMin = 0;
  for (let i = 1; i < nodes; i++) {
    if (es[i]! > es[iMax]!) iMax = i;
    if (es[i]! <= es[iMin]!) iMin = i;
  }
  if (!(iMax < iMin)) throw new Error(`e0 does not fall with the model parameter on [${xMin}, ${xMax}]`);
  const first = iMax === 0 ? null : best(extreme(curve, xs[iMax - 1]!, xs[iMax + 1]!, +1, scratch), xs[iMax]!, es[iMax]!, +1);
  const last = iMin === nodes - 1 ? null : best(extreme(curve, xs[iMin - 1]!, xs[iMin + 1]!, -1, scratch), xs[iMin]!, es[iMin]!, -1);
  // Entries: [refined max], nodes strictly between the extremes' brackets, [refined min].
  const lo = first ? iMax + 1 : 0;
  const hi = last ? iMin - 1 : nodes - 1;
  const n = hi - lo + 1 + (first ? 1 : 0) + (last ? 1 : 0);
  const x = new Float64Array(n);
  const e0 = new Float64Array(n);
  let j = 0;
  if (first) {
    x[j] = first.x;
    e0[j++] = first.e0;
  }
  for (let i = lo; i <= hi; i++) {
    x[j] = xs[i]!;
    e0[j++] = es[i]!;
  }
  if (last) {
    x[j] = last.x;
    e0[j++] = last.e0;
  }
  return { x, e0 };
}

/** The refined extreme, or the node itself where the search did not improve on it. */
function best(found: { x: number; e0: number }, x: number, e0: number, sign: number): { x: number; e0: number } {
  return sign * found.e0 >= sign * e0 ? found : { x, e0 };
}

/** Golden-section search for the highest (sign +1) or lowest (−1) e0 on [a, b]. */
function extreme(curve: E0Curve, a: number, b: number, sign: number, scratch: LifeTable): { x: number; e0: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  const at = (x: number) => {
    curve.fill(x, scratch);
    return sign * scratch.ex[0]!;
  };
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = at(c);
  let fd = at(d);
  for (let i = 0; i < EXTREME_STEPS && c < d; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = at(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = at(d);
    }
  }
  const x = fc >= fd ? c : d;
  return { x, e0: sign * (fc >= fd ? fc : fd) };
}

/**
 * Index i of the table interval with e0[i] > target >= e0[i+1] (binary search; the caller has
 * checked e0[0] > target > e0[n−1] or handled the ends).
 */
export function bracketIndex(table: E0Table, target: number): number {
  const e0 = table.e0;
  let lo = 0;
  let hi = e0.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (e0[mid]! > target) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Inverse cubic interpolation: x at `target` by the Lagrange polynomial through the four table
 * entries around interval i (x as a function of e0), and its slope dx/de0 there. Returned through
 * `into` ([x, slope]) to avoid allocation.
 */
export function inverseCubic(table: E0Table, i: number, target: number, into: Float64Array): void {
  const n = table.e0.length;
  if (n < 4) {
    // Too few entries for a cubic: linear between the bracket's ends.
    const e0a = table.e0[i]!;
    const e0b = table.e0[i + 1]!;
    const s = (table.x[i + 1]! - table.x[i]!) / (e0b - e0a);
    into[0] = table.x[i]! + (target - e0a) * s;
    into[1] = s;
    return;
  }
  const j = i < 1 ? 0 : i > n - 3 ? n - 4 : i - 1;
  const e = table.e0;
  const X = table.x;
  const e0 = e[j]!;
  const e1 = e[j + 1]!;
  const e2 = e[j + 2]!;
  const e3 = e[j + 3]!;
  const d0 = target - e0;
  const d1 = target - e1;
  const d2 = target - e2;
  const d3 = target - e3;
  // Barycentric weights w_k = 1 / Π_{m≠k} (e_k − e_m).
  const w0 = X[j]! / ((e0 - e1) * (e0 - e2) * (e0 - e3));
  const w1 = X[j + 1]! / ((e1 - e0) * (e1 - e2) * (e1 - e3));
  const w2 = X[j + 2]! / ((e2 - e0) * (e2 - e1) * (e2 - e3));
  const w3 = X[j + 3]! / ((e3 - e0) * (e3 - e1) * (e3 - e2));
  const p0 = d1 * d2 * d3;
  const p1 = d0 * d2 * d3;
  const p2 = d0 * d1 * d3;
  const p3 = d0 * d1 * d2;
  into[0] = w0 * p0 + w1 * p1 + w2 * p2 + w3 * p3;
  // d/dt of each product of three factors: sum of the pairwise products.
  into[1] =
    w0 * (d2 * d3 + d1 * d3 + d1 * d2) +
    w1 * (d2 * d3 + d0 * d3 + d0 * d2) +
    w2 * (d1 * d3 + d0 * d3 + d0 * d1) +
    w3 * (d1 * d2 + d0 * d2 + d0 * d1);
}
