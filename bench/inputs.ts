/**
 * Realistic inputs shared by the kernel and life-table benchmarks (not published figures: an
 * illustrative city of about 2.4 million people with a low-fertility, long-lived population, shaped
 * like north-east China around 2015). Benchmarks need realistic magnitudes, not exact data.
 */
import type { BySex, PeriodInputs, Sex } from '../src/index.js';
import { computeLifeTable, emptyLifeTable, fillSurvivalRatios, type LifeTable } from './internals.js';

/** Projection grid: 21 groups, 0–4 … 95–99 and 100+. */
export const OPEN_AGE = 100;
export const GROUPS = OPEN_AGE / 5 + 1;

/** Abridged life-table rows 0, 1, 5, …, 105, 110+ (24 rows, as log-quadratic tables run to 110+). */
export const LIFE_TABLE_ROWS = 24;

/**
 * Gompertz–Makeham hazard μ(x) = A + B e^(θx) (Makeham 1860), taken at the middle of each 5-year
 * row; the open row at 112.5. Infant and child rates are given directly. The parameters give
 * e0 ≈ 80.4 for women and ≈ 75.4 for men (both sexes ≈ 78, near Yingkou's 78.75 in 2015).
 */
const MAKEHAM: BySex<{ m0: number; m1: number; A: number; B: number; theta: number }> = {
  female: { m0: 0.0045, m1: 0.00025, A: 0.0001, B: 1.1e-5, theta: 0.106 },
  male: { m0: 0.0055, m1: 0.0003, A: 0.0003, B: 3.2e-5, theta: 0.097 },
};

/** mx at ages 0, 1, 5, …, 105, 110+ from the Gompertz–Makeham law above. */
export function mxSchedule(sex: Sex): Float64Array {
  const { m0, m1, A, B, theta } = MAKEHAM[sex];
  const mx = new Float64Array(LIFE_TABLE_ROWS);
  mx[0] = m0;
  mx[1] = m1;
  for (let r = 2; r < LIFE_TABLE_ROWS; r++) mx[r] = A + B * Math.exp(theta * (5 * (r - 1) + 2.5));
  return mx;
}

/** The life table of {@link mxSchedule} (Andreev–Kingkade a0, Mortpak ax, radix 100000). */
export function lifeTableOf(sex: Sex): LifeTable {
  const lt = emptyLifeTable(LIFE_TABLE_ROWS);
  computeLifeTable(mxSchedule(sex), { sex, a0Rule: 'andreev-kingkade', axRule: 'mortpak', ax: undefined, radix: 100000 }, lt);
  return lt;
}

function survival(sex: Sex): { birth: number; ratios: number[] } {
  const ratios = new Float64Array(GROUPS - 1);
  const birth = fillSurvivalRatios(lifeTableOf(sex), OPEN_AGE, ratios);
  return { birth, ratios: Array.from(ratios) };
}

/** Annual ASFR per 5-year group (TFR = 5 Σ asfr = 1.0, peak at 25–29). */
const ASFR_15_49 = [0.004, 0.052, 0.082, 0.045, 0.013, 0.0035, 0.0005];
const asfr = Array.from({ length: GROUPS }, (_, i) => (i >= 3 && i <= 9 ? ASFR_15_49[i - 3]! : 0));

/** Net migrants over the 5-year period per group (in-migration of young adults and their children). */
const netMigrants: BySex<number[]> = {
  female: [1800, 900, 1500, 6200, 9800, 6100, 2800, 1300, 700, 400, 250, 150, 100, 60, 40, 20, 10, 5, 0, 0, 0],
  male: [1900, 950, 1600, 6800, 10400, 6500, 3000, 1400, 750, 420, 260, 150, 90, 50, 30, 15, 8, 3, 0, 0, 0],
};

/** One period as a user passes it to `projectCohorts` (plain arrays). */
export const period: PeriodInputs = {
  survival: { female: survival('female'), male: survival('male') },
  asfr,
  srb: 107,
  netMigrants,
  migrationTiming: 'even',
};

/** Base population (persons) by 5-year group, 0–4 … 100+: small young cohorts, large cohorts born 1960–75. */
export const base = {
  year: 2015,
  female: [
    43000, 46000, 48000, 56000, 78000, 92000, 83000, 88000, 112000, 121000, 118000, 96000, 84000, 52000, 40000,
    30000, 19000, 8500, 2400, 400, 40,
  ],
  male: [
    46500, 49500, 51500, 59000, 80000, 93000, 84000, 89000, 113000, 120000, 115000, 92000, 78000, 47000, 34000,
    23000, 13000, 5000, 1200, 160, 12,
  ],
};
