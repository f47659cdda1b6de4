/**
 * Gauss–Legendre quadrature, for integrating smooth schedules over age groups.
 * An n-point rule integrates polynomials of degree ≤ 2n − 1 exactly (Abramowitz & Stegun 1964,
 * 25.4.29–30).
 */

/** Nodes on [−1, 1] and their weights. */
export interface QuadratureRule {
  nodes: Float64Array;
  weights: Float64Array;
}

/** Newton steps stop when a node moves less than this: a few ulps of numbers in [−1, 1]. */
const NODE_TOLERANCE = 1e-15;
const MAX_NEWTON_STEPS = 100;

/**
 * The n-point Gauss–Legendre rule on [−1, 1]. Nodes are the roots of the Legendre polynomial
 * P_n, found by Newton's method from the starting value cos(π (i + 3/4) / (n + 1/2)) (Tricomi's
 * approximation), P_n and P_n' by the recurrence k P_k = (2k − 1) x P_{k−1} − (k − 1) P_{k−2};
 * weights w = 2 / ((1 − x²) P_n'(x)²) (A&S 25.4.29).
 *
 * @example
 * gaussLegendre(2) // nodes ±1/√3, weights 1, 1
 */
export function gaussLegendre(n: number): QuadratureRule {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  // Stryker disable next-line EqualityOperator: a write past a typed array's end is ignored
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    // Newton converges quadratically from Tricomi's start: the cap and the exact tolerance are never
    // what stops it (more steps leave x on its root), so their mutants are equivalent.
    // Stryker disable next-line EqualityOperator,UpdateOperator: the cap is never reached (see above)
    for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
      const [p, d] = legendre(n, x);
      const dx = p / d;
      x -= dx;
      // Stryker disable next-line EqualityOperator,ConditionalExpression: a converged node stays put (see above)
      if (Math.abs(dx) < NODE_TOLERANCE) break;
    }
    const dp = legendre(n, x)[1];
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

/** P_n(x) and P_n'(x). */
function legendre(n: number, x: number): [number, number] {
  let p0 = 1;
  let p1 = x;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return [p1, (n * (x * p1 - p0)) / (x * x - 1)];
}

/**
 * ∫ f over [a, b] by `rule` applied on `panels` equal sub-intervals (composite Gauss–Legendre).
 * Unchecked.
 *
 * @example
 * integrate((x) => x ** 3, 0, 2, GAUSS_LEGENDRE_8, 1) // 4
 */
export function integrate(f: (x: number) => number, a: number, b: number, rule: QuadratureRule, panels = 1): number {
  const { nodes, weights } = rule;
  const half = (b - a) / (2 * panels);
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (2 * p + 1) * half;
    for (let i = 0; i < nodes.length; i++) sum += weights[i]! * f(mid + half * nodes[i]!);
  }
  return sum * half;
}

/** The 8-point rule (exact for degree ≤ 15), computed once. */
export const GAUSS_LEGENDRE_8: QuadratureRule = gaussLegendre(8);
