import { withMirroredEnds } from './panels.js';

/**
 * Sprague's fifth-difference osculatory multipliers (Sprague 1880, "Explanation of a new formula for
 * interpolation", *Journal of the Institute of Actuaries* 22: 270–285), derived here from the formula
 * rather than typed in: test/base/graduate.test.ts checks them against the multipliers as printed
 * (Siegel & Swanson 2004, *The Methods and Materials of Demography*, 2nd ed., appendix C, p. 727).
 *
 * Sprague interpolates the cumulative count Y at the group boundaries (unit = 5 years). In Everett's
 * form, between boundaries k and k + 1, with s ∈ [0, 1] and t = 1 − s,
 *
 *   Y(k + s) = E(s)[k + 1] + E(t)[k],   E(s)[i] = s·Y(i) + s(s² − 1)/6 · δ²Y(i) + s³(s − 1)(5s − 7)/24 · δ⁴Y(i),
 *
 * a curve of degree 5 through every boundary, with continuous first and second derivatives, exact
 * for polynomials of degree 4. It needs δ⁴ at k and k + 1, i.e. Y(k − 2) … Y(k + 3): the middle panel.
 * In the first two and last two groups a δ⁴ beyond the data is taken equal to the nearest one (fifth
 * differences zero); the formula is then the quartic through the five nearest boundaries, Y(0) … Y(4)
 * (the first and second panels) or their mirror image. A single year's count is Y(x + 1) − Y(x).
 */
export const SPRAGUE_PANELS: Float64Array = withMirroredEnds(firstThreePanels());

function firstThreePanels(): number[] {
  const t: number[] = new Array<number>(75).fill(0);
  const a = (s: number) => (s * (s * s - 1)) / 6;
  const b = (s: number) => (s * s * s * (s - 1) * (5 * s - 7)) / 24;
  for (let g = 0; g < 5; g++) {
    // Y at boundaries 0 … 5 when group g holds 1 person and the others none.
    const Y = [0, 1, 2, 3, 4, 5].map((i) => (i > g ? 1 : 0));
    const d2 = (i: number) => Y[i + 1]! - 2 * Y[i]! + Y[i - 1]!;
    const d4 = (i: number) => Y[i + 2]! - 4 * Y[i + 1]! + 6 * Y[i]! - 4 * Y[i - 1]! + Y[i - 2]!;
    const E = (s: number, i: number) => s * Y[i]! + a(s) * d2(i) + b(s) * d4(i);
    const middle = (x: number) => E(x, 3) + E(1 - x, 2); // group 2, between boundaries 2 and 3
    const quartic = (x: number) => lagrange4(Y, x); // groups 0 and 1
    for (let r = 0; r < 5; r++) {
      const [x0, x1] = [r / 5, (r + 1) / 5];
      t[0 * 25 + r * 5 + g] = quartic(x1) - quartic(x0);
      t[1 * 25 + r * 5 + g] = quartic(1 + x1) - quartic(1 + x0);
      t[2 * 25 + r * 5 + g] = middle(x1) - middle(x0);
    }
  }
  return t;
}

/** The quartic through (i, Y[i]), i = 0 … 4, at x (Lagrange). */
function lagrange4(Y: readonly number[], x: number): number {
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    let l = 1;
    for (let j = 0; j < 5; j++) if (j !== i) l *= (x - j) / (i - j);
    sum += l * Y[i]!;
  }
  return sum;
}
