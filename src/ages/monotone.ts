/**
 * Monotone cubic Hermite interpolation of a cumulative count (Fritsch & Carlson 1980, "Monotone
 * piecewise cubic interpolation", *SIAM Journal on Numerical Analysis* 17(2): 238–246; Hyman 1983,
 * "Accurate monotonicity preserving cubic interpolation", *SIAM Journal on Scientific and
 * Statistical Computing* 4(4): 645–654).
 *
 * Knots x₀ < x₁ < … < x_m carry cumulative values c₀ ≤ c₁ ≤ … ≤ c_m. With hᵢ = xᵢ₊₁ − xᵢ and secants
 * Sᵢ = (cᵢ₊₁ − cᵢ)/hᵢ, the slope at an inner knot starts as the three-point (parabolic) estimate
 * (hᵢ Sᵢ₋₁ + hᵢ₋₁ Sᵢ)/(hᵢ₋₁ + hᵢ), at an end knot as the one-sided three-point estimate
 * ((2h₀ + h₁)S₀ − h₀S₁)/(h₀ + h₁) (mirrored at x_m), and is then filtered as Hyman does: 0 where a
 * neighbouring secant is 0 (or the secants differ in sign), else of the secants' sign and at most
 * 3·min(|Sᵢ₋₁|, |Sᵢ|) in size (3|S| at an end). Slopes in [0, 3S] on each interval make the cubic
 * monotone there (Fritsch & Carlson's sufficient square), so the interpolant never decreases, and
 * an interval whose count is 0 stays flat. On [xᵢ, xᵢ₊₁], with u = (x − xᵢ)/hᵢ,
 *
 *   C(x) = cᵢ + (cᵢ₊₁ − cᵢ)·u²(3 − 2u) + hᵢ·(mᵢ·u(1 − u)² − mᵢ₊₁·u²(1 − u)).
 *
 * With one interval (two knots) both slopes are the secant and C is linear.
 */

/** Hyman-filtered slope at an inner knot from its left and right widths and secants. */
function innerSlope(hl: number, sl: number, hr: number, sr: number): number {
  if (!(sl * sr > 0)) return 0;
  const m = (hr * sl + hl * sr) / (hl + hr);
  const cap = 3 * Math.min(Math.abs(sl), Math.abs(sr));
  return Math.sign(sl) * Math.min(Math.abs(m), cap);
}

/** Hyman-filtered slope at an end knot: `h0`, `s0` the end interval, `h1`, `s1` the next one in. */
function endSlope(h0: number, s0: number, h1: number, s1: number): number {
  const m = ((2 * h0 + h1) * s0 - h0 * s1) / (h0 + h1);
  if (!(m * s0 > 0)) return 0;
  return Math.sign(s0) * Math.min(Math.abs(m), 3 * Math.abs(s0));
}

/** The width of interval j. */
function width(knots: ArrayLike<number>, j: number): number {
  return knots[j + 1]! - knots[j]!;
}

/** The secant of interval j of the cumulative count: its total over its width. */
function secant(knots: ArrayLike<number>, totals: ArrayLike<number>, j: number): number {
  return totals[j]! / width(knots, j);
}

/** Slope at knot `i` of the first `m + 1` knots (one interval: the secant). */
function slopeAt(knots: ArrayLike<number>, totals: ArrayLike<number>, m: number, i: number): number {
  if (m === 1) return secant(knots, totals, 0);
  // The interval at the knot's end (or left) and the next one in (or right).
  const a = i === 0 ? 0 : i === m ? m - 1 : i - 1;
  const b = i === 0 ? 1 : i === m ? m - 2 : i;
  const ha = width(knots, a);
  const sa = secant(knots, totals, a);
  const hb = width(knots, b);
  const sb = secant(knots, totals, b);
  return i === 0 || i === m ? endSlope(ha, sa, hb, sb) : innerSlope(ha, sa, hb, sb);
}

/**
 * Slopes over the secant S = g/h of an interval, α = mₗ/S and β = mᵣ/S, kept in [0, 3] (Hyman's
 * filter already puts them there; here it also holds where S and the slopes were rounded or
 * underflowed). With S = 0 both are 0.
 */
function relativeSlope(m: number, g: number, h: number): number {
  const S = g / h;
  if (!(S > 0)) return 0;
  return Math.min(3, Math.max(0, m / S));
}

/**
 * The share of an interval's rise reached at u ∈ [0, 1]: P(u) = u²(3 − 2u) + α·u(1 − u)² − β·u²(1 − u),
 * so that C(xᵢ + u·h) = cᵢ + (cᵢ₊₁ − cᵢ)·P(u). P(0) = 0, P(1) = 1 and P never decreases for α, β in
 * [0, 3]. Computed on this unit scale, whatever the size of the counts, so that subnormal or huge
 * counts round the same way as others.
 */
function share(alpha: number, beta: number, u: number): number {
  const w = 1 - u;
  return u * u * (3 - 2 * u) + alpha * u * w * w - beta * u * u * w;
}

/**
 * Splits interval totals into single years of age by the monotone cubic through their cumulative
 * sum: `out[x − knots[0]]` = the count in [x, x + 1) for x = knots[0] … knots[last] − 1. Each value
 * is the rise of the interpolant over its year, computed from the interval's own start (not the
 * running total), so that it is never negative and the single years of interval i sum to
 * `totals[i]` to its own rounding, however large the counts before it. Formula and sources: see the
 * module comment.
 *
 * Unchecked (no validation, no allocation): `knots` integer ages, strictly increasing, at least 2;
 * `totals` ≥ 0, one per interval (knots.length − 1; extra values are not read); `out` has room for
 * knots[last] − knots[0] values. Returns `out`.
 *
 * @example
 * splitMonotone([0, 1, 5, 10], [10, 20, 10], new Float64Array(10))
 * // Float64Array(10) [10, 7.5, 5.167, 3.833, 3.5, 3.333, 2.667, 2.0, 1.333, 0.667]
 */
export function splitMonotone(knots: ArrayLike<number>, totals: ArrayLike<number>, out: Float64Array): Float64Array {
  splitCore(knots, totals, knots.length - 1, out);
  return out;
}

/** {@link splitMonotone} over the first `m` intervals of `knots` (m ≥ 1, knots.length > m). */
export function splitCore(knots: ArrayLike<number>, totals: ArrayLike<number>, m: number, out: Float64Array): void {
  const x0 = knots[0]!;
  let mr = slopeAt(knots, totals, m, 0);
  for (let i = 0; i < m; i++) {
    const ml = mr;
    mr = slopeAt(knots, totals, m, i + 1);
    const a = knots[i]!;
    const h = knots[i + 1]! - a;
    const g = totals[i]!;
    const alpha = relativeSlope(ml, g, h);
    const beta = relativeSlope(mr, g, h);
    // Single years are differences of G(j) = g·P(j/h), G(0) = 0, G(h) = g: P never decreases (the
    // max only guards its last rounding) and multiplying by g ≥ 0 keeps the order, so no difference
    // is negative, and they add up to g to rounding (exactly for subnormal counts).
    let p = 0;
    let before = 0;
    for (let j = 1; j <= h; j++) {
      p = j === h ? 1 : Math.max(p, share(alpha, beta, j / h));
      const upTo = j === h ? g : g * p;
      out[a + j - 1 - x0] = upTo - before;
      before = upTo;
    }
  }
}
