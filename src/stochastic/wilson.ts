/** z of a two-sided 95 % interval: the 97.5th percentile of the standard normal. */
const Z_95 = 1.959963984540054;

/** A proportion with its confidence interval. */
export interface ProportionInterval {
  p: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a binomial proportion k / n (Wilson 1927, *JASA* 22:209–212; Agresti &
 * Coull 1998, *Am. Stat.* 52:119–126): centre (p̂ + z²/2n) / (1 + z²/n), half-width
 * z √(p̂(1 − p̂)/n + z²/4n²) / (1 + z²/n). Unlike the normal ("Wald") interval it stays inside
 * [0, 1] and does not collapse to a point at k = 0 or k = n.
 *
 * @example
 * wilsonInterval(0, 100)  // { p: 0, lower: 0, upper: 0.037 }
 * wilsonInterval(50, 100) // { p: 0.5, lower: 0.404, upper: 0.596 }
 */
export function wilsonInterval(k: number, n: number, z = Z_95): ProportionInterval {
  const p = k / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denom;
  // At k = 0 (k = n) the lower (upper) bound is 0 (1) exactly; the formula would leave a last-bit residue.
  return { p, lower: k === 0 ? 0 : centre - half, upper: k === n ? 1 : centre + half };
}
