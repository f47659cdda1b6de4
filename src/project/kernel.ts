/**
 * The cohort-component step: one 5-year period for both sexes, on Float64Array, unchecked and
 * allocation-free. Everything the public functions validate arrives here as plain numbers.
 *
 * Migration "even" (UN; Preston, Heuveline & Guillot 2001, Box 6.2): half the period's net migrants
 * join at the start, in their group; the population is survived and aged; the other half join at the
 * end. Timing "end" adds them all at the end (startShare = 0).
 *
 * Births B = 5 Σ asfr(x) (W_start(x) + W_end(x)) / 2, from women at the start (migrants of the first
 * half included) and at the end of the period; female births B·100/(100 + srb); the first group at the
 * end is births × birth survival + its end-share of migrants.
 */
export interface KernelPeriod {
  /** Survival ratios per sex, length groups − 1. */
  sf: Float64Array;
  sm: Float64Array;
  /** Birth → 0–4 survival per sex. */
  bf: number;
  bm: number;
  /** Annual ASFR per group (length groups; group 0 is 0). */
  asfr: Float64Array;
  /** Female share of births, 100 / (100 + srb). */
  femaleShare: number;
  /** Net migrants over the period per group, or null for none. */
  mf: Float64Array | null;
  mm: Float64Array | null;
  /** Share of migrants joining at the start: 0.5 ('even') or 0 ('end'). */
  startShare: number;
}

/** Indices of the accounting vector filled by {@link step}. */
export const BIRTHS_F = 0;
export const BIRTHS_M = 1;
export const DEATHS_F = 2;
export const DEATHS_M = 3;

let fertilityExposure = 0; // Σ asfr(x)(W_start(x) + W_end(x)) of the last surviveSex call with asfr
let lowest = 0; // lowest start-adjusted or end value seen by the last surviveSex call

/**
 * Ages one sex by a period, except the first group (which needs births). Returns deaths.
 * With `asfr`, also accumulates the fertility exposure of women.
 */
function surviveSex(
  p: Float64Array,
  s: Float64Array,
  mig: Float64Array | null,
  h: number,
  out: Float64Array,
  asfr: Float64Array | null,
): number {
  const last = p.length - 1;
  const e = 1 - h;
  let deaths = 0;
  let expo = 0;
  let lo = 0;
  let adj = mig ? p[0]! + h * mig[0]! : p[0]!;
  if (adj < lo) lo = adj;
  for (let x = 0; x < last - 1; x++) {
    const survivors = adj * s[x]!;
    deaths += adj - survivors;
    const end = mig ? survivors + e * mig[x + 1]! : survivors;
    if (end < lo) lo = end;
    out[x + 1] = end;
    if (asfr) expo += asfr[x]! * adj + asfr[x + 1]! * end;
    adj = mig ? p[x + 1]! + h * mig[x + 1]! : p[x + 1]!;
    if (adj < lo) lo = adj;
  }
  const adjOpen = mig ? p[last]! + h * mig[last]! : p[last]!;
  if (adjOpen < lo) lo = adjOpen;
  const pool = adj + adjOpen;
  const survivors = pool * s[last - 1]!;
  deaths += pool - survivors;
  const end = mig ? survivors + e * mig[last]! : survivors;
  if (end < lo) lo = end;
  out[last] = end;
  if (asfr) expo += asfr[last - 1]! * adj + asfr[last]! * (adjOpen + end);
  fertilityExposure = expo;
  lowest = lo;
  return deaths;
}

/**
 * One 5-year step: from (pf, pm) at the start to (outF, outM) at the end; fills `totals` with
 * births and deaths by sex (indices BIRTHS_F, BIRTHS_M, DEATHS_F, DEATHS_M). Returns false when
 * some group would go negative (more out-migrants than people): the caller reports it.
 * Inputs are not modified; outputs must not alias inputs.
 */
export function step(
  pf: Float64Array,
  pm: Float64Array,
  k: KernelPeriod,
  outF: Float64Array,
  outM: Float64Array,
  totals: Float64Array,
): boolean {
  const h = k.startShare;
  const deathsF = surviveSex(pf, k.sf, k.mf, h, outF, k.asfr);
  let lo = lowest;
  const births = 2.5 * fertilityExposure;
  const deathsM = surviveSex(pm, k.sm, k.mm, h, outM, null);
  if (lowest < lo) lo = lowest;
  const birthsF = births * k.femaleShare;
  const birthsM = births - birthsF;
  const e = 1 - h;
  const f0 = birthsF * k.bf + (k.mf ? e * k.mf[0]! : 0);
  const m0 = birthsM * k.bm + (k.mm ? e * k.mm[0]! : 0);
  outF[0] = f0;
  outM[0] = m0;
  totals[BIRTHS_F] = birthsF;
  totals[BIRTHS_M] = birthsM;
  totals[DEATHS_F] = deathsF + birthsF * (1 - k.bf);
  totals[DEATHS_M] = deathsM + birthsM * (1 - k.bm);
  return lo >= 0 && f0 >= 0 && m0 >= 0;
}
