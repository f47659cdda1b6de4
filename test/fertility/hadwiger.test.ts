import { describe, expect, it } from 'vitest';
import { fillHadwigerPattern, hadwigerDensity, hadwigerPattern } from '../../src/fertility/hadwiger.js';
import { meanAgeAtChildbearing } from '../../src/fertility/meanAge.js';
import { fertilityPattern } from '../../src/fertility/pattern.js';
import { GAUSS_LEGENDRE_8, gaussLegendre, integrate } from '../../src/fertility/quadrature.js';

/** Composite Simpson's rule with n (even) steps: an integrator independent of the library's. */
function simpson(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

// Simpson's error is ~h⁴/180 · |f''''| per unit length: with h = 0.01 about 1e-11 for the
// narrowest shape (sd = 1, measured 9e-12), with h = 0.001 below rounding (measured ≤ 3.4e-15).
const SIMPSON_STEPS_PER_YEAR = 100;
const FINE_SIMPSON_STEPS_PER_YEAR = 1000;
// Agreement of the library's shares with the fine Simpson shares: both at rounding level, so the
// shares are the integrals (midpoint sampling is off by > 1e-3, see below).
const INTEGRAL_AGREEMENT = 1e-13;

const SHAPES = [
  { meanAge: 29, sd: 5.5 },
  { meanAge: 25, sd: 4 },
  { meanAge: 32, sd: 6.5 },
  { meanAge: 27.63, sd: 5.45 }, // about the China 2015 pattern
  { meanAge: 30, sd: 1 }, // the narrowest accepted
  { meanAge: 17.2, sd: 1 },
  { meanAge: 47.3, sd: 1 },
];

function simpsonShares(meanAge: number, sd: number): number[] {
  const g = [];
  for (let i = 0; i < 7; i++) {
    g.push(simpson((x) => hadwigerDensity(x, meanAge, sd), 15 + 5 * i, 20 + 5 * i, 5 * FINE_SIMPSON_STEPS_PER_YEAR));
  }
  const total = g.reduce((a, b) => a + b, 0);
  return g.map((v) => v / total);
}

describe('hadwigerDensity (Hadwiger 1940; Chandola, Coleman & Hiorns 1999)', () => {
  it('is a density with mean meanAge and standard deviation sd (an inverse Gaussian)', () => {
    // Over (0, 300]: the tails beyond hold < 1e-30 for these shapes. Simpson with h = 0.01 is
    // accurate to ~1e-12 for these wider shapes; moments to 1e-9 since x runs up to 300.
    for (const { meanAge, sd } of SHAPES.slice(0, 4)) {
      const f = (x: number) => hadwigerDensity(x, meanAge, sd);
      const n = 300 * SIMPSON_STEPS_PER_YEAR;
      const mass = simpson(f, 0, 300, n);
      const mean = simpson((x) => x * f(x), 0, 300, n);
      const variance = simpson((x) => (x - meanAge) ** 2 * f(x), 0, 300, n);
      expect(Math.abs(mass - 1)).toBeLessThan(1e-10);
      expect(Math.abs(mean - meanAge)).toBeLessThan(1e-9);
      expect(Math.abs(Math.sqrt(variance) - sd)).toBeLessThan(1e-9);
    }
  });

  it('matches the formula at a point computed by hand', () => {
    // x = T = 29: (T/x)^(3/2) = 1 and the exponent is −H²(1 + 1 − 2) = 0, so f = H / (T √π),
    // H = 29 / (√2 · 5.5) = 3.7284…, f = 3.7284 / (29 · 1.7725) = 0.072535.
    expect(hadwigerDensity(29, 29, 5.5)).toBeCloseTo(29 / (Math.SQRT2 * 5.5) / (29 * Math.sqrt(Math.PI)), 15);
    expect(hadwigerDensity(29, 29, 5.5)).toBeCloseTo(0.072535, 6);
    expect(hadwigerDensity(0, 29, 5.5)).toBe(0);
    expect(hadwigerDensity(-3, 29, 5.5)).toBe(0);
  });
});

describe('hadwigerPattern', () => {
  it('integrates the density over each group (not sampled at midpoints) and sums to 1', () => {
    for (const { meanAge, sd } of SHAPES) {
      const shares = hadwigerPattern({ meanAge, sd });
      const ref = simpsonShares(meanAge, sd);
      shares.forEach((v, i) => expect(Math.abs(v - ref[i]!), `${meanAge}/${sd} group ${i}`).toBeLessThan(INTEGRAL_AGREEMENT));
      expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      // It passes the same rule as any pattern.
      expect(() => fertilityPattern(shares)).not.toThrow();
    }
    // Midpoint sampling would be visibly different (the test above can tell them apart).
    const mid = [17.5, 22.5, 27.5, 32.5, 37.5, 42.5, 47.5].map((x) => hadwigerDensity(x, 25, 4));
    const midTotal = mid.reduce((a, b) => a + b, 0);
    const shares = hadwigerPattern({ meanAge: 25, sd: 4 });
    expect(Math.max(...mid.map((v, i) => Math.abs(v / midTotal - shares[i]!)))).toBeGreaterThan(1e-3);
  });

  it("has the requested mean age at childbearing, less the dropped tails' pull", () => {
    // The shares keep only 15–50 of the density. Over meanAge 27–31, sd 4–5.5 the dropped part is
    // < 0.3% of it (checked here), mostly in the long right tail some 20 years above the mean, so it
    // pulls the shares' mean age down by about 0.003 × 20 = 0.06 years at most; the grouping
    // (midpoint ages for integrated groups) adds < 0.004 (measured). Hence 0.06.
    const MAX_OUTSIDE = 0.003;
    const TOLERANCE = 0.06;
    for (let meanAge = 27; meanAge <= 31; meanAge += 0.5) {
      for (let sd = 4; sd <= 5.5 + 1e-9; sd += 0.25) {
        const inside = integrate((x) => hadwigerDensity(x, meanAge, sd), 15, 50, GAUSS_LEGENDRE_8, 35);
        expect(1 - inside).toBeLessThan(MAX_OUTSIDE);
        const mac = meanAgeAtChildbearing(hadwigerPattern({ meanAge, sd }));
        expect(Math.abs(mac - meanAge), `${meanAge}/${sd}`).toBeLessThanOrEqual(TOLERANCE);
      }
    }
    // The documented example: 29 / 5.5 → 28.973 (printed to 3 decimals).
    expect(Math.abs(meanAgeAtChildbearing(hadwigerPattern({ meanAge: 29, sd: 5.5 })) - 28.973)).toBeLessThanOrEqual(0.0005);
  });

  it('moves with the mean age, and a larger sd flattens it', () => {
    const young = hadwigerPattern({ meanAge: 26, sd: 5 });
    const old = hadwigerPattern({ meanAge: 32, sd: 5 });
    expect(meanAgeAtChildbearing(old) - meanAgeAtChildbearing(young)).toBeGreaterThan(5);
    expect(Math.max(...hadwigerPattern({ meanAge: 29, sd: 7 }))).toBeLessThan(Math.max(...hadwigerPattern({ meanAge: 29, sd: 4 })));
  });

  it('fillHadwigerPattern writes into the caller’s array', () => {
    const out = new Float64Array(7).fill(9);
    expect(fillHadwigerPattern(29, 5.5, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(hadwigerPattern({ meanAge: 29, sd: 5.5 })));
  });
});

describe('Gauss–Legendre quadrature', () => {
  it('reproduces the 8-point nodes and weights of Abramowitz & Stegun (1964), table 25.4', () => {
    // Printed to 15 decimals; tolerance half the printed unit plus one ulp of numbers near 1.
    const HALF_UNIT = 5e-16 + 2 ** -52;
    const x = [0.183434642495650, 0.525532409916329, 0.796666477413627, 0.960289856497536];
    const w = [0.362683783378362, 0.313706645877887, 0.222381034453374, 0.101228536290376];
    const { nodes, weights } = GAUSS_LEGENDRE_8;
    const pos = Array.from(nodes.keys()).filter((i) => nodes[i]! > 0).sort((a, b) => nodes[a]! - nodes[b]!);
    pos.forEach((i, k) => {
      expect(Math.abs(nodes[i]! - x[k]!)).toBeLessThanOrEqual(HALF_UNIT);
      expect(Math.abs(weights[i]! - w[k]!)).toBeLessThanOrEqual(HALF_UNIT);
    });
  });

  it('integrates polynomials of degree up to 2n − 1 exactly, and not degree 2n', () => {
    for (const n of [1, 2, 5, 8, 12]) {
      const rule = gaussLegendre(n);
      expect(Math.abs(rule.weights.reduce((a, b) => a + b, 0) - 2)).toBeLessThan(1e-14);
      for (let k = 0; k <= 2 * n - 1; k++) expect(Math.abs(integrate((x) => x ** k, 0, 1, rule) - 1 / (k + 1))).toBeLessThan(1e-14);
      // Error for x^(2n) on [0, 1]: (n!)⁴ / ((2n + 1) ((2n)!)²) (A&S 25.4.30) — 3.6e-10 at n = 8,
      // below rounding from n = 12 on.
      const error = Math.abs(integrate((x) => x ** (2 * n), 0, 1, rule) - 1 / (2 * n + 1));
      const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
      if (n <= 8) expect(error / (fact(n) ** 4 / ((2 * n + 1) * fact(2 * n) ** 2))).toBeCloseTo(1, 3);
    }
    expect(integrate((x) => x ** 3, 0, 2, GAUSS_LEGENDRE_8, 3)).toBeCloseTo(4, 14);
  });
});
