/**
 * Streaming statistics of many trajectories whose merge is exact and order-free: every quantity is
 * an integer (bin counts, exact fixed-point sums) or a minimum/maximum, so adding the statistics of
 * any split of the trajectories, in any order, gives bit for bit the statistics of all of them.
 * Memory does not depend on the number of trajectories.
 *
 * Per (year, series) value slot s:
 * - a histogram of HISTOGRAM_BINS equal bins on [lo(s), lo(s) + HISTOGRAM_BINS · width(s)), plus
 *   counts below and above it. The range comes from a pilot run (see {@link binningFromPilot});
 * - the exact sum of the values rounded to multiples of 1/scale(s) (scale a power of 2, about
 *   2^40 / the range's top: 1e-12 of the values), kept as two integer-valued doubles
 *   (high and low 32-bit halves), for the mean. Integer arithmetic on doubles is exact below 2^53:
 *   the sums stay exact while N × (largest value / the range's top) < 2^45 — values thousands of
 *   times the pilot's largest, in billions of trajectories, would be needed to break it;
 * - the exact minimum and maximum.
 */

/** Bins per histogram: 2^16. With the pilot's range (about 32 standard deviations wide) a bin is about 5e-4 σ. */
export const HISTOGRAM_BINS = 65536;

/** The value slots per year, in this order. */
export const SERIES = ['total', 'ages0to14', 'ages15to59', 'ages60plus', 'ages65plus'] as const;
/** A series the Monte Carlo summarises each year: the total, and the 0–14, 15–59, 60+ and 65+ groups. */
export type SeriesName = (typeof SERIES)[number];
export const SERIES_COUNT = SERIES.length;

const TWO32 = 4294967296;

/** Histogram ranges and sum scales, one per value slot: the same in every worker. */
export interface Binning {
  lo: Float64Array;
  /** HISTOGRAM_BINS / (hi − lo). */
  inverseWidth: Float64Array;
  width: Float64Array;
  scale: Float64Array;
}

/**
 * Pilot margin: the histogram spans the pilot's [min, max] widened by PILOT_MARGIN × (max − min) on
 * each side. A pilot of 1024 normal draws spans about ±3.2 σ, so the histogram covers about ±16 σ.
 */
const PILOT_MARGIN = 2;

/**
 * Binning from the pilot's minima and maxima per slot. A slot without spread (the base year, or no
 * uncertainty) gets a range of ±1e-9 relative (at least ±1e-9 persons) around its value.
 */
export function binningFromPilot(min: Float64Array, max: Float64Array): Binning {
  const n = min.length;
  const b: Binning = { lo: new Float64Array(n), inverseWidth: new Float64Array(n), width: new Float64Array(n), scale: new Float64Array(n) };
  for (let s = 0; s < n; s++) {
    const spread = max[s]! - min[s]!;
    const pad = Math.max(PILOT_MARGIN * spread, 1e-9 * Math.abs(max[s]!), 1e-9);
    const lo = min[s]! - pad;
    const hi = max[s]! + pad;
    b.lo[s] = lo;
    b.width[s] = (hi - lo) / HISTOGRAM_BINS;
    b.inverseWidth[s] = HISTOGRAM_BINS / (hi - lo);
    // Values near the top map to about 2^40: exact sums of up to 2^13 · N such values stay below 2^53.
    b.scale[s] = 2 ** (40 - Math.ceil(Math.log2(Math.max(Math.abs(hi), 1))));
  }
  return b;
}

/** Statistics of a set of trajectories. */
export interface Accumulator {
  trajectories: number;
  counts: Uint32Array;
  under: Float64Array;
  over: Float64Array;
  sumHigh: Float64Array;
  sumLow: Float64Array;
  min: Float64Array;
  max: Float64Array;
  /** Trajectories whose total reached each listed target (exact). */
  targetCounts: Float64Array;
  /** e0 draws (period × sex) beyond the mortality model's reach, held at its bound. */
  e0OutOfReach: number;
  /** Migration draws (period × trajectory) held at the largest out-flow the population could supply. */
  migrationAtBound: number;
}

export function emptyAccumulator(slots: number, targets: number): Accumulator {
  return {
    trajectories: 0,
    counts: new Uint32Array(slots * HISTOGRAM_BINS),
    under: new Float64Array(slots),
    over: new Float64Array(slots),
    sumHigh: new Float64Array(slots),
    sumLow: new Float64Array(slots),
    min: new Float64Array(slots).fill(Infinity),
    max: new Float64Array(slots).fill(-Infinity),
    targetCounts: new Float64Array(targets),
    e0OutOfReach: 0,
    migrationAtBound: 0,
  };
}

/** Adds one trajectory's values (one per slot, all ≥ 0). */
export function record(a: Accumulator, b: Binning, values: Float64Array): void {
  const { counts, under, over, sumHigh, sumLow, min, max } = a;
  const { lo, inverseWidth, scale } = b;
  for (let s = 0; s < values.length; s++) {
    const v = values[s]!;
    const i = Math.floor((v - lo[s]!) * inverseWidth[s]!);
    if (i < 0) under[s]!++;
    else if (i >= HISTOGRAM_BINS) over[s]!++;
    else counts[s * HISTOGRAM_BINS + i]!++;
    const u = Math.round(v * scale[s]!);
    const high = Math.floor(u / TWO32);
    let low = sumLow[s]! + (u - high * TWO32);
    let h = sumHigh[s]! + high;
    if (low >= TWO32) {
      low -= TWO32;
      h += 1;
    }
    sumLow[s] = low;
    sumHigh[s] = h;
    if (v < min[s]!) min[s] = v;
    if (v > max[s]!) max[s] = v;
  }
  a.trajectories++;
}

/** Adds `b` into `a` (exact: integer counts and sums, minima and maxima). */
export function merge(a: Accumulator, b: Accumulator): void {
  a.trajectories += b.trajectories;
  a.e0OutOfReach += b.e0OutOfReach;
  a.migrationAtBound += b.migrationAtBound;
  for (let i = 0; i < a.counts.length; i++) a.counts[i]! += b.counts[i]!;
  for (let s = 0; s < a.under.length; s++) {
    a.under[s]! += b.under[s]!;
    a.over[s]! += b.over[s]!;
    let low = a.sumLow[s]! + b.sumLow[s]!;
    let high = a.sumHigh[s]! + b.sumHigh[s]!;
    if (low >= TWO32) {
      low -= TWO32;
      high += 1;
    }
    a.sumLow[s] = low;
    a.sumHigh[s] = high;
    if (b.min[s]! < a.min[s]!) a.min[s] = b.min[s]!;
    if (b.max[s]! > a.max[s]!) a.max[s] = b.max[s]!;
  }
  for (let t = 0; t < a.targetCounts.length; t++) a.targetCounts[t]! += b.targetCounts[t]!;
}

/** Mean of slot s: the exact sum of the rounded values, divided once. */
export function meanOf(a: Accumulator, b: Binning, s: number): number {
  return (a.sumHigh[s]! * TWO32 + a.sumLow[s]!) / b.scale[s]! / a.trajectories;
}

/**
 * Estimated quantiles of slot s at sorted-or-not `levels` in (0, 1), with the largest possible error
 * of each. The q-quantile is the k-th smallest value, k = max(1, ⌈q N⌉). The histogram locates the
 * bin that holds it; within the bin the values are taken as spread evenly (the c values of a bin at
 * the middles of c equal parts), and the estimate is clamped to the exact [min, max]. The k-th
 * value and its estimate lie in the same bin: the error is below the bin width — or, where k falls
 * below or above the histogram's range, below the distance from that end to the exact min or max.
 */
export function quantilesOf(a: Accumulator, b: Binning, s: number, levels: readonly number[]): { values: number[]; bounds: number[] } {
  const N = a.trajectories;
  const lo = b.lo[s]!;
  const w = b.width[s]!;
  const hi = lo + HISTOGRAM_BINS * w;
  const min = a.min[s]!;
  const max = a.max[s]!;
  const under = a.under[s]!;
  const ranks = levels.map((q) => Math.max(1, Math.ceil(q * N)));
  const order = ranks.map((_, i) => i).sort((x, y) => ranks[x]! - ranks[y]!);
  const values = new Array<number>(levels.length).fill(NaN);
  const bounds = new Array<number>(levels.length).fill(NaN);
  const clamp = (x: number) => (x < min ? min : x > max ? max : x);
  let cum = under;
  let bin = 0;
  const base = s * HISTOGRAM_BINS;
  for (const i of order) {
    const k = ranks[i]!;
    if (k <= under) {
      values[i] = clamp(min + ((lo - min) * (k - 0.5)) / under);
      bounds[i] = lo - min;
      continue;
    }
    while (bin < HISTOGRAM_BINS && cum + a.counts[base + bin]! < k) cum += a.counts[base + bin++]!;
    if (bin < HISTOGRAM_BINS) {
      const c = a.counts[base + bin]!;
      values[i] = clamp(lo + w * (bin + (k - cum - 0.5) / c));
      bounds[i] = w;
    } else {
      const over = a.over[s]!;
      values[i] = clamp(hi + ((max - hi) * (k - cum - 0.5)) / over);
      bounds[i] = max - hi;
    }
  }
  return { values, bounds };
}

/**
 * Trajectories with a value ≥ x in slot s, bracketed: [low, high] (equal when exact) and an
 * estimate (the bin holding x taken as evenly filled). Only the trajectories in the bin holding x
 * are undecided.
 */
export function countAtLeast(a: Accumulator, b: Binning, s: number, x: number): { low: number; high: number; estimate: number } {
  const N = a.trajectories;
  if (x <= a.min[s]!) return { low: N, high: N, estimate: N };
  if (x > a.max[s]!) return { low: 0, high: 0, estimate: 0 };
  const lo = b.lo[s]!;
  const position = (x - lo) * b.inverseWidth[s]!;
  const i = Math.floor(position);
  const under = a.under[s]!;
  const over = a.over[s]!;
  if (i < 0) {
    // x in [min, lo): the trajectories below the histogram are undecided.
    const above = N - under;
    const share = under > 0 ? (lo - x) / (lo - a.min[s]!) : 0;
    return { low: above, high: N, estimate: above + under * share };
  }
  if (i >= HISTOGRAM_BINS) {
    const hi = lo + HISTOGRAM_BINS * b.width[s]!;
    const span = a.max[s]! - hi;
    const share = span > 0 ? (a.max[s]! - x) / span : 1;
    return { low: 0, high: over, estimate: over * share };
  }
  const base = s * HISTOGRAM_BINS;
  let above = over;
  for (let j = i + 1; j < HISTOGRAM_BINS; j++) above += a.counts[base + j]!;
  const c = a.counts[base + i]!;
  return { low: above, high: above + c, estimate: above + c * (1 - (position - i)) };
}
