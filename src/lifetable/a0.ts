import type { Sex } from '../types.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, sexSchema } from '../validate/schemas.js';

/** The rules for the infant separation factor a0 (4a1 is Coale–Demeny under both). */
export const A0_RULES = ['andreev-kingkade', 'coale-demeny'] as const;

/** Rule for the infant and child separation factors a0 and 4a1. */
export type A0Rule = (typeof A0_RULES)[number];

/** The a0 rule when none is given. */
export const DEFAULT_A0_RULE: A0Rule = 'andreev-kingkade';

/** Unchecked core of {@link coaleDemenyA0} (callers have validated m0 and sex). */
function cdA0(m0: number, sex: Sex): number {
  if (sex === 'male') return m0 < 0.107 ? 0.045 + 2.684 * m0 : 0.33;
  return m0 < 0.107 ? 0.053 + 2.8 * m0 : 0.35;
}

/** Coale–Demeny 4a1 from m0 (PHG 2001, table 3.3; see {@link coaleDemenyA0}). Unchecked. */
export function coaleDemeny4a1(m0: number, sex: Sex): number {
  if (sex === 'male') return m0 < 0.107 ? 1.651 - 2.816 * m0 : 1.352;
  return m0 < 0.107 ? 1.522 - 1.518 * m0 : 1.361;
}

/** Unchecked core of {@link andreevKingkadeA0} (callers have validated m0 and sex). */
function akA0(m0: number, sex: Sex): number {
  if (sex === 'male') {
    if (m0 < 0.023) return 0.14929 - 1.99545 * m0;
    return m0 < 0.08307 ? 0.02832 + 3.26021 * m0 : 0.29915;
  }
  if (m0 < 0.01724) return 0.14903 - 2.05527 * m0;
  return m0 < 0.06891 ? 0.04667 + 3.88089 * m0 : 0.31411;
}

/** a0 under a rule (unchecked). 4a1 always comes from Coale–Demeny (as in MortCast). */
export function a0Of(m0: number, sex: Sex, rule: A0Rule): number {
  return rule === 'coale-demeny' ? cdA0(m0, sex) : akA0(m0, sex);
}

function parseA0Args(m0: number, sex: Sex): [number, Sex] {
  return [parseWith(nonNegative(), m0, 'm0'), parseWith(sexSchema, sex, 'sex')];
}

/**
 * Andreev–Kingkade a0: the mean number of years lived in the first year of life by those who die in
 * it, from the infant death rate m0 = 1m0 (deaths under 1 per person-year lived under 1).
 * Andreev & Kingkade (2015), "Average age at death in infancy and infant mortality level:
 * reconsidering the Coale–Demeny formulas at current levels of low mortality", *Demographic
 * Research* 33(13): 363–390, table 3 (the m0 formulas, as in the HMD Methods Protocol v6):
 *
 *   males    a0 = 0.14929 − 1.99545 m0   (m0 < 0.0230)
 *                 0.02832 + 3.26021 m0   (0.0230 ≤ m0 < 0.08307)
 *                 0.29915                (m0 ≥ 0.08307)
 *   females  a0 = 0.14903 − 2.05527 m0   (m0 < 0.01724)
 *                 0.04667 + 3.88089 m0   (0.01724 ≤ m0 < 0.06891)
 *                 0.31411                (m0 ≥ 0.06891)
 *
 * The default a0 rule of `lifeTable`. Throws an `InputError` when m0 is not a finite
 * number ≥ 0 or sex is not 'female' or 'male'.
 *
 * @example
 * andreevKingkadeA0(0.005, 'female') // 0.13875
 * andreevKingkadeA0(0.05, 'male')    // 0.19133
 */
export function andreevKingkadeA0(m0: number, sex: Sex): number {
  return akA0(...parseA0Args(m0, sex));
}

/**
 * Coale–Demeny a0 (West) from the infant death rate m0 = 1m0, as re-estimated on m0 in Preston,
 * Heuveline & Guillot (2001), *Demography: Measuring and Modeling Population Processes*, table 3.3:
 *
 *   males    a0 = 0.045 + 2.684 m0 (m0 < 0.107), else 0.330
 *   females  a0 = 0.053 + 2.800 m0 (m0 < 0.107), else 0.350
 *
 * (the same table gives 4a1 = 1.651 − 2.816 m0 and 1.522 − 1.518 m0, else 1.352 and 1.361, which
 * `lifeTable` uses under both a0 rules). Throws an `InputError` when m0 is not a finite
 * number ≥ 0 or sex is not 'female' or 'male'.
 *
 * @example
 * coaleDemenyA0(419 / 47925, 'male') // 0.06847 (Austria 1992 males, PHG Box 3.1 prints 0.068)
 * coaleDemenyA0(0.2, 'female')     // 0.35
 */
export function coaleDemenyA0(m0: number, sex: Sex): number {
  return cdA0(...parseA0Args(m0, sex));
}
