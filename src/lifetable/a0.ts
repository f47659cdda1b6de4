import type { Sex } from '../types.js';

/** The rules for the infant separation factor a0 (4a1 is Coale–Demeny under both). */
export const A0_RULES = ['andreev-kingkade', 'coale-demeny'] as const;

/** Rule for the infant and child separation factors a0 and 4a1. */
export type A0Rule = (typeof A0_RULES)[number];

/** The a0 rule when none is given. */
export const DEFAULT_A0_RULE: A0Rule = 'andreev-kingkade';

/**
 * Coale–Demeny separation factors from m0 = 1m0, as re-estimated on m0 in Preston, Heuveline &
 * Guillot (2001), *Demography*, table 3.3:
 * males   a0 = 0.045 + 2.684 m0, 4a1 = 1.651 − 2.816 m0 (m0 < 0.107), else 0.330 and 1.352;
 * females a0 = 0.053 + 2.800 m0, 4a1 = 1.522 − 1.518 m0 (m0 < 0.107), else 0.350 and 1.361.
 */
function coaleDemenyA0(m0: number, sex: Sex): number {
  if (sex === 'male') return m0 < 0.107 ? 0.045 + 2.684 * m0 : 0.33;
  return m0 < 0.107 ? 0.053 + 2.8 * m0 : 0.35;
}

/** Coale–Demeny 4a1 from m0 (see {@link coaleDemenyA0}). */
export function coaleDemeny4a1(m0: number, sex: Sex): number {
  if (sex === 'male') return m0 < 0.107 ? 1.651 - 2.816 * m0 : 1.352;
  return m0 < 0.107 ? 1.522 - 1.518 * m0 : 1.361;
}

/**
 * Andreev & Kingkade (2015), "Average age at death in infancy and infant mortality level",
 * *Demographic Research* 33(13), table 3 (a0 from m0):
 * males   0.14929 − 1.99545 m0 (m0 < 0.0230), 0.02832 + 3.26201 m0 (m0 < 0.08307), else 0.29915;
 * females 0.14903 − 2.05527 m0 (m0 < 0.01724), 0.04667 + 3.88089 m0 (m0 < 0.06891), else 0.31411.
 */
function andreevKingkadeA0(m0: number, sex: Sex): number {
  if (sex === 'male') {
    if (m0 < 0.023) return 0.14929 - 1.99545 * m0;
    return m0 < 0.08307 ? 0.02832 + 3.26201 * m0 : 0.29915;
  }
  if (m0 < 0.01724) return 0.14903 - 2.05527 * m0;
  return m0 < 0.06891 ? 0.04667 + 3.88089 * m0 : 0.31411;
}

/** a0 under a rule. 4a1 always comes from Coale–Demeny (as in MortCast). */
export function a0Of(m0: number, sex: Sex, rule: A0Rule): number {
  return rule === 'coale-demeny' ? coaleDemenyA0(m0, sex) : andreevKingkadeA0(m0, sex);
}
