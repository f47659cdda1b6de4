/**
 * Warnings: answers a solver or a projection gives that lie far outside human experience. They are
 * not errors — the arithmetic is right — but a planner must see them beside the number. Every result
 * that can carry one (`requiredTfr`, `requiredNetMigration`, `assessTarget`, the Yingkou report) has
 * `warnings: Warning[]`, empty when nothing is flagged; the command and the reports print them.
 *
 * Thresholds, with their sources:
 *
 * - {@link POST_TRANSITION_TFR_MAX} = 2.1 children per woman. No population that has finished its
 *   fertility transition (fallen below replacement) has returned above about 2.1: the highest
 *   recoveries of period TFR in the Human Fertility Database are near it (Sweden 2.13 in 1990, the
 *   United States 2.12 in 2007), and bayesTFR's phase III — the UN model of post-transition
 *   fertility — fluctuates around μ = 2.1 (Alkema, Raftery, Gerland et al. 2011, *Demography* 48(3);
 *   `tfr.predict(mu = 2.1)`). A required TFR above it, for a population whose own TFR is below it,
 *   asks for what no such population has done.
 * - {@link E0_OBSERVED_MAX}: women 88.4, men 83.2 years — the highest national (or territory) period
 *   life expectancies at birth published: Hong Kong SAR, Census and Statistics Department (women 88.4
 *   in 2024, *Women and Men in Hong Kong – Key Statistics*, 2025 edition; men 83.2 in 2021, Census and
 *   Statistics Department figures as published by the Centre for Health Protection, *Men's Facts –
 *   Life Expectancy at Birth*); Japan's women reached 87.7 (Ministry of Health, Labour and
 *   Welfare, abridged life table 2020). An e0 above them is beyond any population observed.
 */

/** What a warning is about. */
export type WarningCode = 'tfr-above-post-transition' | 'e0-above-observed';

/** A flag on a result: a stable `code`, a sentence with the numbers, and the path of the figure it is about. */
export interface Warning {
  code: WarningCode;
  /** One sentence with the figure, the threshold and its source. */
  message: string;
  /** Where the figure is: in the result (`value`) or in the inputs (`scenario.mortality.e0`), dotted. */
  path: string;
}

/** A result with its warnings. */
export type Warned<T> = T & { warnings: Warning[] };

/** TFR no post-transition population has returned above (children per woman; sources in the module comment). */
export const POST_TRANSITION_TFR_MAX = 2.1;

/** Highest national period life expectancies at birth observed, years (sources in the module comment). */
export const E0_OBSERVED_MAX = Object.freeze({ female: 88.4, male: 83.2 });

/**
 * The warning for a TFR `tfr` asked of a population whose own TFR `ownTfr` is at or below
 * {@link POST_TRANSITION_TFR_MAX}, when `tfr` is above it; else none.
 */
export function postTransitionTfrWarnings(tfr: number, ownTfr: number, year: number, path: string): Warning[] {
  if (!(ownTfr <= POST_TRANSITION_TFR_MAX && tfr > POST_TRANSITION_TFR_MAX)) return [];
  return [
    {
      code: 'tfr-above-post-transition',
      message: `a TFR of ${tfr.toFixed(2)} in ${year} for a population at ${ownTfr.toFixed(2)}: no population that has finished its fertility transition has returned above about ${POST_TRANSITION_TFR_MAX} (Human Fertility Database; bayesTFR phase III)`,
      path,
    },
  ];
}

/** A warning per sex whose highest e0 (`e0[sex]`, reached in the period `periods[sex]`, e.g. "2025–2030") is above {@link E0_OBSERVED_MAX}. */
export function observedE0Warnings(e0: { female: number; male: number }, periods: { female: string; male: string }, path: string): Warning[] {
  const out: Warning[] = [];
  for (const sex of ['female', 'male'] as const) {
    if (e0[sex] > E0_OBSERVED_MAX[sex])
      out.push({
        code: 'e0-above-observed',
        message: `a ${sex} life expectancy of ${e0[sex].toFixed(2)} years (${periods[sex]}) is above the highest observed in any country or territory, ${E0_OBSERVED_MAX[sex]} (Hong Kong SAR)`,
        path,
      });
  }
  return out;
}
