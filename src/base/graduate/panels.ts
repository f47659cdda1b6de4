/**
 * Graduation by 5×5 multiplier panels (Sprague, Beers): the single years of a closed 5-year group
 * are fixed linear combinations of that group and its neighbours. A table holds five panels, each
 * 5 rows (the single years of the group, youngest first) × 5 columns (the groups it reads), row-major,
 * panel after panel: the first panel (group 0, reading groups 0–4), the second (group 1, groups 0–4),
 * the middle one (group k, groups k−2 … k+2), the next-to-last (group n−2, groups n−5 … n−1) and the
 * last (group n−1, groups n−5 … n−1), n being the number of closed groups (Shryock & Siegel 1976,
 * *The Methods and Materials of Demography*, condensed ed., ch. 22 and appendix C; Siegel & Swanson
 * 2004, appendix C). The open group is not read.
 */

/** Numbers in one table: 5 panels × 5 single years × 5 groups. */
const PANEL_TABLE_SIZE = 125;

/** Fewest closed groups a panel table graduates: the middle panel reads 5 groups. */
export const PANEL_MIN_CLOSED = 5;

/** Panel (0 first … 4 last) of closed group `k` of `n`. */
function panelOf(k: number, n: number): number {
  return k === 0 ? 0 : k === 1 ? 1 : k === n - 1 ? 4 : k === n - 2 ? 3 : 2;
}

/**
 * Unchecked core: writes the 5n single years of the n = counts.length − 1 closed groups of `counts`
 * into `out[0 … 5n − 1]` by the panels of `table`, and `out[5n]` = the open group. Needs n ≥ 5.
 * The last single year of each group is the group minus the other four, so that each group's five
 * single years sum to it to rounding whatever the size of its neighbours (the panels' columns sum
 * to 1 for the group itself and 0 for the others, so this changes nothing but rounding).
 * Returns the first age whose value is negative, or −1. Allocates nothing.
 */
export function applyPanels(table: Float64Array, counts: ArrayLike<number>, out: Float64Array): number {
  const n = counts.length - 1;
  let firstNegative = -1;
  for (let k = 0; k < n; k++) {
    const panel = panelOf(k, n);
    const from = panel === 2 ? k - 2 : panel < 2 ? 0 : n - 5; // the first group the panel reads
    const base = panel * 25;
    let given = 0;
    for (let r = 0; r < 5; r++) {
      let v: number;
      if (r < 4) {
        v = 0;
        for (let c = 0; c < 5; c++) v += table[base + r * 5 + c]! * counts[from + c]!;
        given += v;
      } else {
        v = counts[k]! - given;
      }
      out[5 * k + r] = v;
      if (v < 0 && firstNegative < 0) firstNegative = 5 * k + r;
    }
  }
  out[5 * n] = counts[n]!;
  return firstNegative;
}

/** The table whose last two panels are the first two turned end for end (row 4 − r, column 4 − c). */
export function withMirroredEnds(firstThree: readonly number[]): Float64Array {
  const t = new Float64Array(PANEL_TABLE_SIZE);
  t.set(firstThree);
  for (const [to, from] of [
    [3, 1],
    [4, 0],
  ] as const) {
    for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) t[to * 25 + r * 5 + c] = t[from * 25 + (4 - r) * 5 + (4 - c)]!;
  }
  return t;
}
