import { STEP, type Width } from '../ages/grid.js';
import { emptyLifeTable, type LifeTable } from '../lifetable/compute.js';
import { fillSurvivalRatios } from '../lifetable/survival.js';
import type { E0SolveSpec } from '../mortality/solveE0.js';
import { solveForE0 } from '../scenario/compile.js';

/**
 * Survival on the projection grid as a function of e0, tabulated from exact e0 solves and
 * interpolated: the fast mortality path of the Monte Carlo engine (an exact solve costs about 1 µs;
 * an interpolation about 0.05 µs).
 *
 * Nodes e0(j) = e0Min + j·h; node j holds [birth → 0–4 survival, sx(0), …, sx(G−2)] from
 * `solveLifeTableForE0` (|e0 − target| ≤ 1e-8 years) and `fillSurvivalRatios`. Between nodes, the
 * four-point Lagrange cubic through nodes j−1 … j+2 (weights at fraction f of [j, j+1]:
 * −f(f−1)(f−2)/6, (f+1)(f−1)(f−2)/2, −(f+1)f(f−2)/2, (f+1)f(f−1)/6), whose error is
 * O(h⁴ · max|∂⁴s/∂e0⁴|). At a node (f = 0) it returns the node's values exactly.
 */
export interface SurvivalTable {
  /** Values per node: birth survival, then the G − 1 ratios. */
  width: number;
  e0Min: number;
  h: number;
  /** First and last node the model reaches (interpolation needs one node below and two above). */
  first: number;
  last: number;
  values: Float64Array;
  /**
   * smooth[j] = 1 where the cubic on [node j, node j+1] met the exact solve at the interval's middle
   * within half of {@link SURVIVAL_TABLE_TOLERANCE}; elsewhere (next to a jump of the life-table
   * rules) the engine solves exactly.
   */
  smooth: Uint8Array;
}

/** Node spacing (years): 20 nodes a year. */
const SURVIVAL_TABLE_STEP = 0.05;

/**
 * Accuracy of the interpolated survival: every interval the engine interpolates in has passed a
 * check against an exact solve at its middle to half this (the cubic's error term,
 * ∂⁴s/∂e0⁴ · (f+1)f(f−1)(f−2) h⁴ / 24, peaks at the middle; the other half is margin for the
 * fourth derivative changing within the interval). Measured against exact solves at 300,000 e0 per
 * model and sex: at most 4.7e-10 (log-quadratic males near their 85.8-year limit), 3e-11 to 3e-10
 * elsewhere. Where e0 → survival is smooth the cubic is far better than the bound (about 1e-11 at
 * h = 0.05); the check rejects the intervals next to the small jumps of the life-table rules (the a0
 * and 4a1 breakpoints, the constant-hazard ax fallback at the oldest ages), where a cubic across the
 * jump would be off by up to the jump (measured up to 1.6e-5 for the log-quadratic model at
 * m0 = 0.107, e0 ≈ 54; 4e-3 in the oldest ratios of proportional hazards on 'china-2015' near e0 60):
 * there the engine solves exactly. A survival error of 1e-9 over three periods moves a projected
 * population of millions by hundredths of a person.
 */
export const SURVIVAL_TABLE_TOLERANCE = 1e-9;

/**
 * Tabulates survival for e0 in [lo, hi] (widened by two nodes each side for the cubic), keeping the
 * nodes the model reaches, and checks every interval against an exact solve at its middle.
 * `rows` is the life-table length of `spec`'s model; `openAge` and `width` the grid's. Cost: two e0
 * solves per node (about 2.5 µs on 5-year groups).
 */
export function buildSurvivalTable(
  spec: E0SolveSpec,
  rows: number,
  openAge: number,
  lo: number,
  hi: number,
  gridWidth: Width = STEP,
  h = SURVIVAL_TABLE_STEP,
): SurvivalTable {
  const groups = openAge / gridWidth + 1;
  const width = groups; // birth + (groups − 1) ratios
  const e0Min = Math.floor(lo / h) * h - 2 * h;
  const nodes = Math.ceil((hi - e0Min) / h) + 3;
  const values = new Float64Array(nodes * width);
  const lt: LifeTable = emptyLifeTable(rows, gridWidth);
  const ratios = new Float64Array(groups - 1);
  const ok = new Uint8Array(nodes);
  const solve = (e0: number): boolean => solveForE0(spec, e0, lt);
  for (let j = 0; j < nodes; j++) {
    if (!solve(e0Min + j * h)) continue;
    ok[j] = 1;
    const at = j * width;
    values[at] = fillSurvivalRatios(lt, openAge, ratios, gridWidth);
    values.set(ratios, at + 1);
  }
  let first = 0;
  while (first < nodes && !ok[first]) first++;
  let last = nodes - 1;
  while (last >= 0 && !ok[last]) last--;
  for (let j = first; j <= last; j++) {
    // e0 is monotone in the model parameter: the reachable targets form one interval.
    if (!ok[j]) throw new Error(`survival table: e0 ${e0Min + j * h} unreachable between reachable nodes`);
  }
  const table: SurvivalTable = { width, e0Min, h, first, last, values, smooth: new Uint8Array(nodes) };
  const cubic = new Float64Array(groups - 1);
  for (let j = first + 1; j + 2 <= last; j++) {
    const mid = e0Min + (j + 0.5) * h;
    if (!solve(mid)) continue;
    const birth = fillSurvivalRatios(lt, openAge, ratios, gridWidth);
    let err = Math.abs(cubicAt(table, j, 0.5, cubic) - birth);
    for (let i = 0; i < groups - 1; i++) err = Math.max(err, Math.abs(cubic[i]! - ratios[i]!));
    if (err <= SURVIVAL_TABLE_TOLERANCE / 2) table.smooth[j] = 1;
  }
  return table;
}

/**
 * Interpolated survival at `e0`: fills `ratios` (length width − 1) and returns the birth survival,
 * or returns NaN (and leaves `ratios` alone) where e0 lies outside the checked intervals.
 */
export function interpolateSurvival(t: SurvivalTable, e0: number, ratios: Float64Array): number {
  const x = (e0 - t.e0Min) / t.h;
  const j = Math.floor(x);
  if (!(j >= 0 && j < t.smooth.length && t.smooth[j] === 1)) return NaN;
  return cubicAt(t, j, x - j, ratios);
}

/** The cubic through nodes j − 1 … j + 2 at fraction f of [j, j + 1]. */
function cubicAt(t: SurvivalTable, j: number, f: number, ratios: Float64Array): number {
  const fm1 = f - 1;
  const fm2 = f - 2;
  const fp1 = f + 1;
  const w0 = (-f * fm1 * fm2) / 6;
  const w1 = (fp1 * fm1 * fm2) / 2;
  const w2 = (-fp1 * f * fm2) / 2;
  const w3 = (fp1 * f * fm1) / 6;
  const n = t.width;
  const v = t.values;
  const a = (j - 1) * n;
  const b = a + n;
  const c = b + n;
  const d = c + n;
  for (let i = 1; i < n; i++) ratios[i - 1] = w0 * v[a + i]! + w1 * v[b + i]! + w2 * v[c + i]! + w3 * v[d + i]!;
  return w0 * v[a]! + w1 * v[b]! + w2 * v[c]! + w3 * v[d]!;
}
