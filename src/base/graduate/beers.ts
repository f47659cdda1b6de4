import { withMirroredEnds } from './panels.js';

/**
 * Beers' ordinary six-term multipliers for subdividing 5-year groups into single years (H. S. Beers
 * 1944, "Six-term formulas for routine actuarial interpolation", *Record of the American Institute
 * of Actuaries* 33; the modified, smoothing formula is his 1945 paper in vol. 34, not this one). The
 * ordinary formula runs through every group boundary of the cumulative counts, is exact for
 * polynomials of degree 4, and keeps the fifth differences of the interpolated series small.
 *
 * The multipliers are data, not derived here: those printed to 4 decimals in Siegel & Swanson
 * (2004), *The Methods and Materials of Demography*, 2nd ed., appendix C, and in the U.S. Census
 * Bureau's Beers spreadsheet (Johnson 2016, BEERSP.XLS), whose worked example the tests reproduce.
 * Every column of every panel sums to exactly 1 for the group itself and 0 for its neighbours, so
 * group totals are kept. Rows: single years of the group, youngest first; columns: the groups read
 * (see panels.ts). Only the first, second and middle panels are written here; the next-to-last and
 * last panels are the second and first turned end for end, as printed.
 */
export const BEERS_ORDINARY_PANELS: Float64Array = withMirroredEnds([
  // First panel: ages 0–4 from groups 0–4.
  0.3333, -0.1636, -0.021, 0.0796, -0.0283,
  0.2595, -0.078, 0.013, 0.01, -0.0045,
  0.1924, 0.0064, 0.0184, -0.0256, 0.0084,
  0.1329, 0.0844, 0.0054, -0.0356, 0.0129,
  0.0819, 0.1508, -0.0158, -0.0284, 0.0115,
  // Second panel: ages 5–9 from groups 0–4.
  0.0404, 0.2, -0.0344, -0.0128, 0.0068,
  0.0093, 0.2268, -0.0402, 0.0028, 0.0013,
  -0.0108, 0.2272, -0.0248, 0.0112, -0.0028,
  -0.0198, 0.1992, 0.0172, 0.0072, -0.0038,
  -0.0191, 0.1468, 0.0822, -0.0084, -0.0015,
  // Middle panel: group k from groups k−2 … k+2.
  -0.0117, 0.0804, 0.157, -0.0284, 0.0027,
  -0.002, 0.016, 0.22, -0.04, 0.006,
  0.005, -0.028, 0.246, -0.028, 0.005,
  0.006, -0.04, 0.22, 0.016, -0.002,
  0.0027, -0.0284, 0.157, 0.0804, -0.0117,
]);
