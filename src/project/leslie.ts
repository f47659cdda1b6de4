import { matrix, type Matrix } from 'mathjs';
import type { Sex } from '../types.js';
import { parseWith } from '../validate/parse.js';
import { STEP, type Width } from '../ages/grid.js';
import { sexSchema, widthOptionsSchema } from '../validate/schemas.js';
import { leslieArrays } from './leslieArrays.js';
import { compilePeriod, periodInputsSchema, type PeriodInputs } from './periodInputs.js';

/**
 * The period's projection step as a Leslie matrix (mathjs), for a closed population:
 * `P(t+n) = L · P(t)`, n the period's width (`options.width`: 5, the default, or 1 for a period on
 * single years of age). With `sex`: that sex's G×G block — the female block carries births of girls;
 * the male block only survival (boys are born to women, see the two-sex matrix). Without `sex`: the
 * two-sex 2G×2G matrix on [female; male], whose lower-left block turns women into baby boys.
 * Migration is not part of the matrix: with 'even' timing the step is L(P + M/2) + M/2 + b·(births
 * to the second-half migrant women M/2, in the first row), since births count women at the end too.
 *
 * Leslie (1945); Preston, Heuveline & Guillot (2001), §6.3.
 *
 * @example
 * const L = leslieMatrix(period);            // 2G × 2G
 * multiply(L, [...female, ...male])          // the population five years on
 * leslieMatrix(annualPeriod, 'female', { width: 1 }) // a period of one year on single years of age
 */
export function leslieMatrix(period: PeriodInputs, sex?: Sex, options: { width?: Width } = {}): Matrix {
  const groups = (period as { asfr?: ArrayLike<number> })?.asfr?.length ?? 0;
  const p = parseWith(periodInputsSchema(groups), period, 'period');
  const s = sex === undefined ? undefined : parseWith(sexSchema, sex, 'sex');
  const o = parseWith(widthOptionsSchema, options, 'options');
  return matrix(leslieArrays(compilePeriod(p, o.width ?? STEP), s));
}

