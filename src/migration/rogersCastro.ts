import * as z from 'zod/mini';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { bounded, boundedNonNegative, numbers } from '../validate/schemas.js';

const KEYS = 'a1, alpha1, a2, alpha2, mu2, lambda2, c';

/**
 * zod schema of the 7 parameters of the Rogers–Castro model migration schedule (see
 * {@link rogersCastro}); every key required. Levels a1, a2, c and rates alpha1, alpha2, lambda2
 * are finite and ≥ 0; mu2 (the age the labour-force curve is centred on) is any finite number.
 */
export const rogersCastroParamsSchema = z.strictObject(
  {
    a1: boundedNonNegative(),
    alpha1: boundedNonNegative(),
    a2: boundedNonNegative(),
    alpha2: boundedNonNegative(),
    mu2: bounded(),
    lambda2: boundedNonNegative(),
    c: boundedNonNegative(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `expected only the keys ${KEYS} (unknown: ${iss.keys.join(', ')})`
        : `expected Rogers-Castro parameters { ${KEYS} }`,
  },
);

/** Parameters of the 7-parameter Rogers–Castro model migration schedule. */
export type RogersCastroParams = z.infer<typeof rogersCastroParamsSchema>;

/**
 * The standard ("fundamental") 7-parameter set of Rogers & Castro (1981), *Model Migration
 * Schedules*, IIASA Research Report RR-81-30: a1 0.02, α1 0.1, a2 0.06, α2 0.1, μ2 20, λ2 0.4,
 * c 0.003 (also distributed as `rc9.fund` in the R package migest).
 */
export const ROGERS_CASTRO_STANDARD: Readonly<RogersCastroParams> = Object.freeze({
  a1: 0.02,
  alpha1: 0.1,
  a2: 0.06,
  alpha2: 0.1,
  mu2: 20,
  lambda2: 0.4,
  c: 0.003,
});

/**
 * Unchecked core of {@link rogersCastro}: the schedule at one age,
 * `a1 e^(−α1 x) + a2 e^(−α2 (x − μ2) − e^(−λ2 (x − μ2))) + c`. The labour-force exponent is
 * formed before exponentiating, so e^(−λ2 (x − μ2)) overflowing to ∞ gives a term of 0, not NaN.
 */
export function rogersCastroAt(x: number, p: RogersCastroParams): number {
  const d = x - p.mu2;
  return p.a1 * Math.exp(-p.alpha1 * x) + p.a2 * Math.exp(-p.alpha2 * d - Math.exp(-p.lambda2 * d)) + p.c;
}

const agesSchema = numbers(boundedNonNegative());

/**
 * The Rogers–Castro (1981) model migration schedule at single ages:
 *
 *   m(x) = a1 e^(−α1 x) + a2 e^(−α2 (x − μ2) − e^(−λ2 (x − μ2))) + c
 *
 * — a pre-labour-force curve falling from birth (children move with their parents), a
 * labour-force hump peaking near x = μ2 + ln(λ2 / α2) / λ2, and a constant. Default parameters:
 * {@link ROGERS_CASTRO_STANDARD}. Rogers, A. & Castro, L. J. (1981), *Model Migration Schedules*,
 * IIASA RR-81-30. Parameters under which the schedule overflows at a requested age (e.g. λ2 = 0
 * with α2 (μ2 − x) > 709) are an InputError.
 *
 * @example
 * rogersCastro([0, 20]) // Float64Array [0.023, 0.0277794721…]
 */
export function rogersCastro(ages: ArrayLike<number>, params: RogersCastroParams = ROGERS_CASTRO_STANDARD): Float64Array {
  const x = parseWith(agesSchema, ages, 'ages');
  const p = parseWith(rogersCastroParamsSchema, params, 'params');
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const m = rogersCastroAt(x[i]!, p);
    if (!Number.isFinite(m)) fail('params', `expected a schedule that is finite at every age (not at age ${x[i]})`, p);
    out[i] = m;
  }
  return out;
}
