import type { BySex, Sex } from '../types.js';
import published from '../../data/mortality/logquad-coefficients.json';

/**
 * Coefficients of the log-quadratic model, one entry per model row (ages 0, 5–9, …, 105–109, 110+;
 * the 1–4 row has none): `log m(x) = a(x) + b(x) h + c(x) h² + v(x) k`, `h = ln 5q0`.
 */
export interface LogQuadCoefficients {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  v: Float64Array;
}

/** Number of model rows with coefficients (ages 0, 5–9, …, 110+). */
export const LOGQUAD_MODEL_ROWS = 23;

/**
 * Wilmoth, Zureick, Canudas-Romo, Inoue & Sawyer (2012), *Population Studies* 66(1): 1–28, as
 * copied into `data/mortality/logquad-coefficients.json` (with its source).
 */
export const LOGQUAD_COEFFICIENTS: Readonly<BySex<Readonly<LogQuadCoefficients>>> = {
  female: fromJson('female'),
  male: fromJson('male'),
};

function fromJson(sex: Sex): LogQuadCoefficients {
  const s = published[sex];
  return { a: Float64Array.from(s.a), b: Float64Array.from(s.b), c: Float64Array.from(s.c), v: Float64Array.from(s.v) };
}
