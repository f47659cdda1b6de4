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

/** Results of {@link surviveSex}: deaths, fertility exposure, lowest value (a typed array: no boxing). */
const out3 = new Float64Array(3);
const DEATHS = 0;
const EXPOSURE = 1;
const LOWEST = 2;

/**
 * Ages one sex by a period, except the first group (which needs births): deaths, and with `asfr` the
 * fertility exposure Σ asfr(x)(W_start(x) + W_end(x)), go to `out3`.
 */
function surviveSex(
  p: Float64Array,
  s: Float64Array,
  mig: Float64Array | null,
  k: KernelPeriod,
  out: Float64Array,
  asfr: Float64Array | null,
): void {
  const h = k.startShare;
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
  out3[DEATHS] = deaths;
  out3[EXPOSURE] = expo;
  out3[LOWEST] = lo;
}

/** Signature of a step (see {@link step}). */
export type StepFunction = (pf: Float64Array, pm: Float64Array, k: KernelPeriod, outF: Float64Array, outM: Float64Array, totals: Float64Array) => boolean;

/**
 * The step as a loop over groups, for any grid: the reference implementation, and the fallback
 * where code generation is not allowed. {@link step} computes the same numbers, bit for bit.
 */
export const loopStep: StepFunction = (pf, pm, k, outF, outM, totals) => {
  surviveSex(pf, k.sf, k.mf, k, outF, k.asfr);
  const deathsF = out3[DEATHS]!;
  const births = 2.5 * out3[EXPOSURE]!;
  let lo = out3[LOWEST]!;
  surviveSex(pm, k.sm, k.mm, k, outM, null);
  const deathsM = out3[DEATHS]!;
  if (out3[LOWEST]! < lo) lo = out3[LOWEST]!;
  const birthsF = births * k.femaleShare;
  const birthsM = births - birthsF;
  const e = 1 - k.startShare;
  const f0 = birthsF * k.bf + (k.mf ? e * k.mf[0]! : 0);
  const m0 = birthsM * k.bm + (k.mm ? e * k.mm[0]! : 0);
  outF[0] = f0;
  outM[0] = m0;
  totals[BIRTHS_F] = birthsF;
  totals[BIRTHS_M] = birthsM;
  totals[DEATHS_F] = deathsF + birthsF * (1 - k.bf);
  totals[DEATHS_M] = deathsM + birthsM * (1 - k.bm);
  return lo >= 0 && f0 >= 0 && m0 >= 0;
};

/**
 * Source of one sex's pass of {@link loopStep}, unrolled over the groups: the same operations in
 * the same order, so the result is bit-identical. Straight-line code lets V8 drop the per-iteration
 * typed-array checks that make the loop ~3× slower than C (measured in bench/kernel.bench.ts).
 */
function unrolledSex(S: 'F' | 'M', G: number, migration: boolean, fertility: boolean): string {
  const last = G - 1;
  const start = (i: number) => (migration ? `p${S}[${i}] + h * m${S}[${i}]` : `p${S}[${i}]`);
  const end = (i: number) => (migration ? `sv + e * m${S}[${i}]` : 'sv');
  let src = `let d${S} = 0, a${S} = ${start(0)}; if (a${S} < lo) lo = a${S};\n`;
  for (let x = 0; x < last - 1; x++) {
    src += `{ const sv = a${S} * s${S}[${x}]; d${S} += a${S} - sv; const end = ${end(x + 1)}; if (end < lo) lo = end; o${S}[${x + 1}] = end;`;
    if (fertility) src += ` expo += asfr[${x}] * a${S} + asfr[${x + 1}] * end;`;
    src += ` a${S} = ${start(x + 1)}; if (a${S} < lo) lo = a${S}; }\n`;
  }
  src += `{ const aOpen = ${start(last)}; if (aOpen < lo) lo = aOpen; const pool = a${S} + aOpen; const sv = pool * s${S}[${last - 1}];`;
  src += ` d${S} += pool - sv; const end = ${end(last)}; if (end < lo) lo = end; o${S}[${last}] = end;`;
  if (fertility) src += ` expo += asfr[${last - 1}] * a${S} + asfr[${last}] * (aOpen + end);`;
  return `${src} }\n`;
}

function generate(G: number, femaleMigration: boolean, maleMigration: boolean): StepFunction {
  const body = `const h = k.startShare, e = 1 - h, sF = k.sf, sM = k.sm, mF = k.mf, mM = k.mm, asfr = k.asfr;
let expo = 0, lo = 0;
${unrolledSex('F', G, femaleMigration, true)}const births = 2.5 * expo; const lowF = lo; lo = 0;
${unrolledSex('M', G, maleMigration, false)}if (lowF < lo) lo = lowF;
const birthsF = births * k.femaleShare, birthsM = births - birthsF;
const f0 = birthsF * k.bf + ${femaleMigration ? 'e * mF[0]' : '0'}, m0 = birthsM * k.bm + ${maleMigration ? 'e * mM[0]' : '0'};
oF[0] = f0; oM[0] = m0;
totals[${BIRTHS_F}] = birthsF; totals[${BIRTHS_M}] = birthsM;
totals[${DEATHS_F}] = dF + birthsF * (1 - k.bf); totals[${DEATHS_M}] = dM + birthsM * (1 - k.bm);
return lo >= 0 && f0 >= 0 && m0 >= 0;`;
  return new Function('pF', 'pM', 'k', 'oF', 'oM', 'totals', body) as StepFunction;
}

/** Generated steps by (groups, female migration?, male migration?). */
const generated = new Map<number, StepFunction>();
let canGenerate = true;

/**
 * One 5-year step: from (pf, pm) at the start to (outF, outM) at the end; fills `totals` with
 * births and deaths by sex (indices BIRTHS_F, BIRTHS_M, DEATHS_F, DEATHS_M). Returns false when
 * some group would go negative (more out-migrants than people): the caller reports it.
 * Inputs are not modified; outputs must not alias inputs.
 *
 * Runs {@link loopStep} unrolled for the grid, generated once per grid and migration pattern
 * (where `new Function` is forbidden, e.g. a strict Content-Security-Policy, the loop itself runs).
 */
export function step(
  pf: Float64Array,
  pm: Float64Array,
  k: KernelPeriod,
  outF: Float64Array,
  outM: Float64Array,
  totals: Float64Array,
): boolean {
  const key = 4 * pf.length + (k.mf ? 2 : 0) + (k.mm ? 1 : 0);
  let fn = generated.get(key);
  if (!fn) {
    if (!canGenerate) return loopStep(pf, pm, k, outF, outM, totals);
    try {
      fn = generate(pf.length, k.mf !== null, k.mm !== null);
    } catch {
      canGenerate = false;
      return loopStep(pf, pm, k, outF, outM, totals);
    }
    generated.set(key, fn);
  }
  return fn(pf, pm, k, outF, outM, totals);
}
