import { describe, expect, it } from 'vitest';
import { GAUSS_LEGENDRE_8, gaussLegendre, integrate, type QuadratureRule } from '../../src/fertility/quadrature.js';

// Exact integrals of polynomials, evaluated in doubles: a few ulps apart.
const EXACT = 1e-13;

describe('integrate: composite rule on [a, b], mapped affinely from [−1, 1]', () => {
  it('integrates on an interval that does not start at 0 (∫₁³ x³ dx = 20, ∫₋₂⁻¹ x² dx = 7/3)', () => {
    expect(Math.abs(integrate((x) => x ** 3, 1, 3, GAUSS_LEGENDRE_8) - 20)).toBeLessThan(EXACT);
    expect(Math.abs(integrate((x) => x ** 3, 1, 3, GAUSS_LEGENDRE_8, 4) - 20)).toBeLessThan(EXACT);
    expect(Math.abs(integrate((x) => x * x, -2, -1, GAUSS_LEGENDRE_8, 3) - 7 / 3)).toBeLessThan(EXACT);
  });

  it('maps node t to mid + half·t: a one-point rule at t = −1 is the left Riemann sum', () => {
    // Left endpoints of 4 panels of [0, 2] for f(x) = x: 0.5 · (0 + 0.5 + 1 + 1.5) = 1.5; the right
    // sum (t = +1) would be 2.5 and the midpoint sum 2.
    const left: QuadratureRule = { nodes: Float64Array.of(-1), weights: Float64Array.of(2) };
    expect(integrate((x) => x, 0, 2, left, 4)).toBe(1.5);
    const right: QuadratureRule = { nodes: Float64Array.of(1), weights: Float64Array.of(2) };
    expect(integrate((x) => x, 0, 2, right, 4)).toBe(2.5);
  });

  it('reverses sign with the interval and is additive over panels', () => {
    const f = (x: number) => Math.exp(-x) * x;
    const whole = integrate(f, 0, 10, GAUSS_LEGENDRE_8, 10);
    const exact = 1 - 11 * Math.exp(-10); // ∫₀¹⁰ x e^−x dx = 1 − 11 e^−10
    expect(Math.abs(whole - exact)).toBeLessThan(EXACT);
    expect(Math.abs(integrate(f, 10, 0, GAUSS_LEGENDRE_8, 10) + exact)).toBeLessThan(EXACT);
  });
});

describe('gaussLegendre: the n-point rule (Abramowitz & Stegun 1964, table 25.4)', () => {
  it('gives the printed 2- and 3-point rules: ±1/√3 with weights 1; 0, ±√(3/5) with 8/9, 5/9', () => {
    const two = gaussLegendre(2);
    const sorted2 = Array.from(two.nodes).sort((a, b) => a - b);
    expect(Math.abs(sorted2[0]! + 1 / Math.sqrt(3))).toBeLessThan(1e-15);
    expect(Math.abs(sorted2[1]! - 1 / Math.sqrt(3))).toBeLessThan(1e-15);
    two.weights.forEach((w) => expect(Math.abs(w - 1)).toBeLessThan(1e-15));
    const three = gaussLegendre(3);
    const byNode = Array.from(three.nodes.keys()).sort((a, b) => three.nodes[a]! - three.nodes[b]!);
    const x = byNode.map((i) => three.nodes[i]!);
    const w = byNode.map((i) => three.weights[i]!);
    expect(Math.abs(x[0]! + Math.sqrt(0.6))).toBeLessThan(1e-15);
    expect(Math.abs(x[1]!)).toBeLessThan(1e-15);
    expect(Math.abs(x[2]! - Math.sqrt(0.6))).toBeLessThan(1e-15);
    expect(Math.abs(w[0]! - 5 / 9)).toBeLessThan(1e-15);
    expect(Math.abs(w[1]! - 8 / 9)).toBeLessThan(1e-15);
    expect(Math.abs(w[2]! - 5 / 9)).toBeLessThan(1e-15);
  });

  it('has n distinct nodes inside (−1, 1), symmetric about 0, and weights that sum to 2', () => {
    for (const n of [1, 4, 7, 16]) {
      const { nodes, weights } = gaussLegendre(n);
      expect(nodes).toHaveLength(n);
      expect(weights).toHaveLength(n);
      const sorted = Array.from(nodes).sort((a, b) => a - b);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(sorted[i]!)).toBeLessThan(1);
        expect(Math.abs(sorted[i]! + sorted[n - 1 - i]!)).toBeLessThan(1e-15);
        if (i > 0) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(1e-3);
      }
      expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 2)).toBeLessThan(1e-14);
      weights.forEach((v) => expect(v).toBeGreaterThan(0));
    }
  });
});
