import * as z from 'zod/mini';
import { a0Of, coaleDemeny4a1, DEFAULT_A0_RULE, type A0Rule } from '../lifetable/a0.js';
import { a0RuleSchema } from '../lifetable/schemas.js';
import type { Sex } from '../types.js';
import { parseWith } from '../validate/parse.js';
import { finite, sexSchema } from '../validate/schemas.js';
import { LOGQUAD_COEFFICIENTS, LOGQUAD_MODEL_ROWS } from './coefficients.js';

/**
 * Lowest 5q0 of the log-quadratic model's domain. The model is a quadratic in h = ln 5q0 fitted to
 * the Human Mortality Database; outside the fitted range the quadratic turns and young-age mx rise
 * again as 5q0 falls. The domain [1e-4, 0.9] is MortCast's (`logquad(q5ranges = c(1e-04, 0.9))`).
 */
export const LOGQUAD_Q5_MIN = 1e-4;
/** Highest 5q0 of the log-quadratic model's domain (see {@link LOGQUAD_Q5_MIN}). */
export const LOGQUAD_Q5_MAX = 0.9;

/**
 * Largest |k| accepted. k moves log m(x) by v(x)·k with 0 ≤ v(x) ≤ 0.414, so k = ±10 multiplies
 * adult rates by up to e^±4.13 ≈ 62 — far beyond any observed schedule — while every rate stays
 * finite; large enough |k| overflow exp().
 */
export const LOGQUAD_K_LIMIT = 10;
const K_RULE = `expected a finite number in [-${LOGQUAD_K_LIMIT}, ${LOGQUAD_K_LIMIT}]`;

/** Rows of a log-quadratic schedule: ages 0, 1, 5, 10, …, 105, 110+ (the abridged layout of `lifeTable`). */
export const LOGQUAD_ROWS = LOGQUAD_MODEL_ROWS + 1;

/** The model for one sex and k, with what does not change with h precomputed. */
export interface LogQuadModel {
  sex: Sex;
  k: number;
  a0Rule: A0Rule;
  /** a(x) + v(x) k per model row. */
  base: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/** Precomputes a(x) + v(x) k for a sex and k (unchecked). */
export function compileLogQuad(sex: Sex, k: number, a0Rule: A0Rule): LogQuadModel {
  const { a, b, c, v } = LOGQUAD_COEFFICIENTS[sex];
  const base = new Float64Array(LOGQUAD_MODEL_ROWS);
  // Stryker disable next-line EqualityOperator: a write past a typed array's end is ignored
  for (let j = 0; j < LOGQUAD_MODEL_ROWS; j++) base[j] = a[j]! + v[j]! * k;
  return { sex, k, a0Rule, base, b, c };
}

/**
 * Unchecked core of {@link logQuadMx}: writes the 24 rates for `h = ln q5` into `out` (no
 * allocation). `q5` must equal `exp(h)` and lie in the model's domain.
 *
 * Rows 0 and 5–9 … 110+: `m = exp(a + v k + h (b + c h))`. Row 1–4: 1q0 from m0 exactly as the life
 * table computes it (a0 by the rule; a0·m0 < 1 over the whole domain, so never its fallback), then
 * 4q1 = 1 − (1 − 5q0)/(1 − 1q0) = (5q0 − 1q0)/(1 − 1q0), and 4m1 = 4q1 / (4 − (4 − 4a1) 4q1), the
 * exact inverse of the life table's 4q1 = 4·4m1 / (1 + (4 − 4a1) 4m1) with 4a1 = Coale–Demeny(m0).
 * The inverse is single-piece: 4a1 depends on m0 only, and 4a1·4m1 < 1 exactly when 4q1 < 1, so the
 * life table never switches to its constant-hazard fallback on this row.
 */
export function fillLogQuadMx(model: LogQuadModel, h: number, q5: number, out: Float64Array): void {
  const { base, b, c, sex } = model;
  // Stryker disable next-line EqualityOperator: a write past a typed array's end is ignored
  for (let j = 1; j < LOGQUAD_MODEL_ROWS; j++) out[j + 1] = Math.exp(base[j]! + h * (b[j]! + c[j]! * h));
  const m0 = Math.exp(base[0]! + h * (b[0]! + c[0]! * h));
  out[0] = m0;
  // The life table's constant-hazard fallback (a0·m0 ≥ 1) cannot arise here: v(0) = 0 and m0 rises
  // with h on the domain, to 0.47 (female) and 0.55 (male) at 5q0 = 0.9, so a0·m0 < 0.35·0.55 < 1.
  const a0 = a0Of(m0, sex, model.a0Rule);
  const q0 = m0 / (1 + (1 - a0) * m0);
  const q1 = (q5 - q0) / (1 - q0);
  const a1 = coaleDemeny4a1(m0, sex);
  out[1] = q1 / (4 - (4 - a1) * q1);
}

/** The log-quadratic model's inputs (Wilmoth et al. 2012): the sex, 5q0 (h = log 5q0) and k. */
export interface LogQuadMxInput {
  sex: Sex;
  /** 5q0, the probability of dying before age 5, in [1e-4, 0.9]. */
  q5: number;
  /** The model's second parameter (adult mortality relative to child mortality); default 0. */
  k?: number;
}

/** Options of {@link logQuadMx}: the a0 rule that splits 5q0 into 1q0 and 4q1. */
export interface LogQuadMxOptions {
  /** a0 rule used to split 5q0 into 1q0 and 4q1; default 'andreev-kingkade' (as `lifeTable`). */
  a0Rule?: A0Rule;
}

const inputSchema = z.strictObject(
  {
    sex: sexSchema,
    q5: finite().check(
      z.gte(LOGQUAD_Q5_MIN, { error: `expected 5q0 in [${LOGQUAD_Q5_MIN}, ${LOGQUAD_Q5_MAX}] (the log-quadratic model's domain)` }),
      z.lte(LOGQUAD_Q5_MAX, { error: `expected 5q0 in [${LOGQUAD_Q5_MIN}, ${LOGQUAD_Q5_MAX}] (the log-quadratic model's domain)` }),
    ),
    k: z.optional(finite().check(z.gte(-LOGQUAD_K_LIMIT, { error: K_RULE }), z.lte(LOGQUAD_K_LIMIT, { error: K_RULE }))),
  },
  { error: 'expected { sex, q5, k? }' },
);

const optionsSchema = z.strictObject({ a0Rule: z.optional(a0RuleSchema) }, { error: 'expected an options object with a known key' });

/**
 * Death rates of the log-quadratic model of Wilmoth, Zureick, Canudas-Romo, Inoue & Sawyer (2012),
 * *Population Studies* 66(1): 1–28, at ages 0, 1, 5, …, 105, 110+ (24 rows, the layout `lifeTable`
 * takes):
 *
 *   log m(x) = a(x) + b(x) h + c(x) h² + v(x) k,  h = ln 5q0.
 *
 * The 1–4 row has no coefficients: 1q0 comes from m0 with the a0 rule, 4q1 = 1 − (1 − 5q0)/(1 − 1q0),
 * and 4m1 from 4q1 with the Coale–Demeny 4a1, so that the life table of the result (same a0 rule)
 * has (1 − 1q0)(1 − 4q1) = 1 − 5q0.
 *
 * @example
 * const mx = logQuadMx({ sex: 'female', q5: 0.01 });
 * mx.length              // 24
 * lifeTable(mx, { sex: 'female' }).ex[0] // 77.91… years
 */
export function logQuadMx(input: LogQuadMxInput, options: LogQuadMxOptions = {}): Float64Array {
  const { sex, q5, k = 0 } = parseWith(inputSchema, input, 'input');
  const { a0Rule = DEFAULT_A0_RULE } = parseWith(optionsSchema, options, 'options');
  const out = new Float64Array(LOGQUAD_ROWS);
  fillLogQuadMx(compileLogQuad(sex, k, a0Rule), Math.log(q5), q5, out);
  return out;
}
