/** The rules for the separation factors nax of the 5-year groups. */
export const AX_RULES = ['mortpak', 'midpoint'] as const;

/** Rule for the separation factors nax of the 5-year groups. */
export type AxRule = (typeof AX_RULES)[number];

/** The nax rule when none is given. */
export const DEFAULT_AX_RULE: AxRule = 'mortpak';

/** Lowest 5ax from age 45 on under the Mortpak rule: 1 − 5e^−5/(1 − e^−5) ≈ 0.97, constant μ = 1. */
export const MORTPAK_AX_FLOOR = 0.97;

/**
 * Greville's 5ax as used by UN Mortpak: `a = 2.5 − (25/12)(m(x) − k)`, `k = 0.1 ln(m(x+5)/m(x−5))`
 * (Greville 1943; United Nations 1988, *MortPak*). `mPrev`/`mNext` are the neighbouring rates;
 * a zero neighbour gives k = 0 (the log is undefined and the slope unknown).
 */
export function grevilleAx(m: number, mPrev: number, mNext: number): number {
  const k = mPrev > 0 && mNext > 0 ? 0.1 * Math.log(mNext / mPrev) : 0;
  return 2.5 - (25 / 12) * (m - k);
}

/**
 * nax under a constant force of mortality m over the interval:
 * `a = 1/m − n e^(−nm) / (1 − e^(−nm))` (Preston et al. 2001, eq. 3.6 with constant μ).
 * Always in (0, n/2) and below 1/m, so that q = nm/(1 + (n − a)m) stays below 1.
 */
export function constantHazardAx(m: number, n: number): number {
  if (m * n < 1e-6) return n / 2 - (n * n * m) / 12; // series: avoids cancellation for tiny m
  const e = Math.exp(-n * m);
  return 1 / m - (n * e) / (1 - e);
}
