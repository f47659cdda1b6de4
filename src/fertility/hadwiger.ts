import * as z from 'zod/mini';
import { STEP, type Width } from '../ages/grid.js';
import { parseWith } from '../validate/parse.js';
import { bounded, finite, widthOptionsSchema } from '../validate/schemas.js';
import { FERTILE_AGES, FERTILE_GROUPS, FIRST_FERTILE_GROUP } from './layout.js';
import { GAUSS_LEGENDRE_8, integrate } from './quadrature.js';

/** Shape of a Hadwiger fertility schedule, free of its level (TFR). */
export interface HadwigerShape {
  /** Mean age at childbearing of the (untruncated) schedule, in years; 15–50. */
  meanAge: number;
  /** Standard deviation of the age at childbearing, in years; from 1 to meanAge. */
  sd: number;
}

/** Youngest and oldest mean age accepted: the span the 7 groups cover. */
const HADWIGER_MEAN_AGE_RANGE = [15, 50] as const;

/**
 * Narrowest spread accepted, in years. No population bears its children within a couple of single
 * years, and one-year quadrature panels integrate a density this narrow to ~1e-14 (tested against
 * Simpson's rule).
 */
const HADWIGER_MIN_SD = 1;

/** One-year panels per 5-year group, each with 8 Gauss–Legendre points. */
const PANELS = 5;

const shapeSchema = z
  .strictObject(
    {
      meanAge: finite().check(
        z.gte(HADWIGER_MEAN_AGE_RANGE[0], { error: 'expected a mean age in [15, 50] years' }),
        z.lte(HADWIGER_MEAN_AGE_RANGE[1], { error: 'expected a mean age in [15, 50] years' }),
      ),
      sd: finite().check(z.gte(HADWIGER_MIN_SD, { error: `expected a standard deviation >= ${HADWIGER_MIN_SD} year` })),
    },
    { error: 'expected { meanAge, sd }' },
  )
  // Spread at most the mean (coefficient of variation ≤ 1; the China 2015 pattern has 0.2): wider
  // shapes have their mode below 0.3 × meanAge, and absurd ones (sd ~ 1e300) underflow.
  .check((ctx) => {
    const { meanAge, sd } = ctx.value;
    if (sd > meanAge) {
      ctx.issues.push({
        // Stryker disable next-line StringLiteral: the issue's code is only zod's tag; parseWith reports its message whatever the code
        code: 'custom',
        message: `expected a standard deviation <= meanAge (${meanAge})`,
        path: ['sd'],
        input: sd,
      });
    }
  });

/**
 * The Hadwiger (1940) fertility function at age x, scaled to integrate to 1 over (0, ∞), in the
 * form used by Hoem et al. (1981) and Chandola, Coleman & Hiorns (1999):
 *
 *   f(x) = H / (T √π) · (T/x)^(3/2) · exp(−H² (T/x + x/T − 2)).
 *
 * This is the inverse Gaussian density with mean T and variance T² / (2H²) (expand
 * λ (x − μ)² / (2μ² x) with μ = T, λ = 2H²T), so the shape is set by its moments:
 * T = meanAge, H = meanAge / (√2 · sd); x ≤ 0 gives 0. Throws an InputError for a non-finite x, or a
 * meanAge or sd that {@link hadwigerPattern} would reject.
 *
 * Hadwiger, H. (1940), Eine analytische Reproduktionsfunktion für biologische Gesamtheiten,
 * *Skandinavisk Aktuarietidskrift* 23: 101–113. Hoem, J. M. et al. (1981), Experiments in modelling
 * recent Danish fertility curves, *Demography* 18(2): 231–244. Chandola, T., Coleman, D. A. &
 * Hiorns, R. W. (1999), Recent European fertility patterns: fitting curves to 'distorted'
 * distributions, *Population Studies* 53(3): 317–329.
 *
 * @example
 * hadwigerDensity(29, 29, 5.5) // 0.07253…, per year of age
 */
export function hadwigerDensity(x: number, meanAge: number, sd: number): number {
  parseWith(bounded(), x, 'x');
  parseWith(shapeSchema, { meanAge, sd }, '');
  if (!(x > 0)) return 0;
  const H = meanAge / (Math.SQRT2 * sd);
  const r = meanAge / x;
  if (r === Infinity) return 0; // x within a subnormal of 0: the density's limit
  // (T/x)^(3/2) · exp(…) as one exponential: near x = 0 the power overflows where the exponential is 0.
  return (H / (meanAge * Math.sqrt(Math.PI))) * Math.exp(1.5 * Math.log(r) - H * H * (r + 1 / r - 2));
}

/**
 * Shares of TFR for 15–19 … 45–49 (or, with `{ width: 1 }`, for single ages 15 … 49) from a
 * Hadwiger schedule with the given mean age at childbearing and spread (see {@link hadwigerDensity};
 * Hadwiger 1940; Chandola, Coleman & Hiorns 1999). Each share is the density integrated over its
 * group (8-point Gauss–Legendre on one-year panels, not sampled at the midpoint), divided by the
 * integral over 15–50, so the 7 (or 35) shares sum to 1 and pass {@link fertilityPattern}. Throws an
 * InputError for a mean age outside 15–50, an sd below 1 or above the mean age, or another width.
 *
 * `meanAge` and `sd` are moments of the whole schedule; the part outside 15–50 is dropped, so the
 * shares' own mean age ({@link meanAgeAtChildbearing}) differs a little, mostly by the long right
 * tail: 28.973 for meanAge 29, sd 5.5; within 0.06 years for meanAge 27–31, sd 4–5.5 (tested).
 *
 * @example
 * const shares = hadwigerPattern({ meanAge: 29, sd: 5.5 });
 * asfrFromTfr(1.2, shares) // ASFR of a TFR-1.2 schedule with this timing
 * hadwigerPattern({ meanAge: 29, sd: 5.5 }, { width: 1 }).length // 35
 */
export function hadwigerPattern(shape: HadwigerShape, options: { width?: Width } = {}): Float64Array {
  const { meanAge, sd } = parseWith(shapeSchema, shape, 'shape');
  const width = parseWith(widthOptionsSchema, options, 'options').width ?? STEP;
  return fillHadwigerPattern(meanAge, sd, new Float64Array(width === 1 ? FERTILE_AGES : FERTILE_GROUPS), width);
}

/**
 * Unchecked core of {@link hadwigerPattern}: writes the 7 shares (35 with `width` 1) into `out` and
 * returns it. Each group's mass is `integrate` (composite 8-point Gauss–Legendre) on one-year panels.
 */
export function fillHadwigerPattern(meanAge: number, sd: number, out: Float64Array, width: Width = STEP): Float64Array {
  const H = meanAge / (Math.SQRT2 * sd);
  const H2 = H * H;
  // The density without its constant factor H / (T √π) (see hadwigerDensity), which cancels in the shares.
  const kernel = (x: number) => {
    const r = meanAge / x;
    return r * Math.sqrt(r) * Math.exp(-H2 * (r + 1 / r - 2));
  };
  let total = 0;
  const groups = out.length;
  for (let g = 0; g < groups; g++) {
    const start = STEP * FIRST_FERTILE_GROUP + width * g;
    const mass = integrate(kernel, start, start + width, GAUSS_LEGENDRE_8, width === 1 ? 1 : PANELS);
    out[g] = mass;
    total += mass;
  }
  // Stryker disable next-line EqualityOperator: a write past a typed array's end is ignored
  for (let g = 0; g < groups; g++) out[g] = out[g]! / total;
  return out;
}
