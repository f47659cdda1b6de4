import type { Width } from '../ages/grid.js';

/**
 * The cohort-component step: one period of width n (5 years on 5-year groups, or 1 year on single
 * years of age: the same algebra, one kernel) for both sexes, on Float64Array, unchecked and
 * allocation-free. Everything the public functions validate arrives here as plain numbers.
 *
 * Survival by age at arrival: P(x+1, t+n) = P(x, t)·s(x); the open group
 * P(ω, t+n) = (P(ω−1, t) + P(ω, t))·s(ω−1) (Preston, Heuveline & Guillot 2001, ch. 6 at n = 5; UN
 * WPP 2022+, ccmppWPP `project_ccmpp_z_by_z` and bayesPop at n = 1).
 *
 * Migration "even" (UN; Preston, Heuveline & Guillot 2001, Box 6.2): half the period's migrants
 * join (or leave) at the start, in their group; the population is survived and aged; the other half
 * join (or leave) at the end. Timing "end" moves them all at the end (startShare = 0).
 *
 * Two kinds of migrants: counts by group (`mf`, `mm`: in-migrants, or net migrants by age as given),
 * and out-migrants who leave in proportion to how many are there (`out`): in each half the half's
 * out-flow O is taken from the people present then, o(x) = O · r(x)P(x) / Σ r·P over both sexes
 * (Ševčíková, Raymer & Raftery 2024, the population-weighted out-flow of the Flow-Difference Method).
 *
 * Births B = n Σ asfr(x) (W_start(x) + W_end(x)) / 2, from women at the start (migrants of the first
 * half included) and at the end of the period; female births B·100/(100 + srb); the first group at the
 * end is births × birth survival + its end-share of migrants. Under "even", W_end includes the end
 * half's migrants (bayesPop, ccmppWPP); under "end", W_end is taken before the migrants arrive or
 * leave, so migrants who arrive at the end give no births in the period (bayesPop, ccmppWPP, WPP).
 */
export interface KernelPeriod {
  /** Width of the period and of the age groups, in years: 5 or 1. */
  width: Width;
  /** Survival ratios per sex, length groups − 1. */
  sf: Float64Array;
  sm: Float64Array;
  /** Birth → first group survival per sex (0–4, or age 0). */
  bf: number;
  bm: number;
  /** Annual ASFR per group (length groups; group 0 is 0). */
  asfr: Float64Array;
  /** Female share of births, 100 / (100 + srb). */
  femaleShare: number;
  /** Migrants over the whole period per group, or null for none. */
  mf: Float64Array | null;
  mm: Float64Array | null;
  /** Share of migrants joining at the start: 0.5 ('even') or 0 ('end'). */
  startShare: number;
  /** Out-migration by rates on the people present, or null for none (none, too, when its persons and rate are 0). */
  out: KernelOutflow | null;
}

/**
 * Out-migrants who leave in proportion to r(x)·P(x): each half of the period (start share h, end
 * share 1 − h) takes its share of `persons + rate · n · P`, P the population present at that moment.
 */
interface KernelOutflow {
  /** Relative out-migration rates by group per sex (≥ 0; only their ratios matter). */
  rf: Float64Array;
  rm: Float64Array;
  /** Out-migrants over the period, both sexes, persons (a count, e.g. from the Flow-Difference Method). */
  persons: number;
  /** Crude out-migration rate, per person-year, both sexes. */
  rate: number;
  /** Scratch for the start population after the start half's out-flow, per sex. */
  startF: Float64Array;
  startM: Float64Array;
  /** Filled by the step: out-migrants of the period by group, per sex (start and end halves). */
  byAgeF: Float64Array;
  byAgeM: Float64Array;
}

/** Indices of the accounting vector filled by {@link step} (length {@link TOTALS_SIZE}). */
export const BIRTHS_F = 0;
export const BIRTHS_M = 1;
export const DEATHS_F = 2;
export const DEATHS_M = 3;
/** Rate-based out-migrants of the period per sex (0 without `out`). */
export const OUT_F = 4;
export const OUT_M = 5;
/**
 * The largest share of a group's people that the out-flow takes in one half (> 1: more than are
 * there), and where: sex (0 female, 1 male) and group. 0, −1, −1 without `out`.
 */
export const WORST_SHARE = 6;
export const WORST_SEX = 7;
export const WORST_GROUP = 8;
export const TOTALS_SIZE = 9;

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
  h: number,
  e: number,
  out: Float64Array,
  asfr: Float64Array | null,
): void {
  const last = p.length - 1;
  // W_end counts the end's migrants under 'even' only (see the module comment).
  const endInBirths = h > 0;
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
    if (asfr) expo += asfr[x]! * adj + asfr[x + 1]! * (endInBirths ? end : survivors);
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
  if (asfr) expo += asfr[last - 1]! * adj + asfr[last]! * (adjOpen + (endInBirths ? end : survivors));
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
  if (hasOutflow(k)) return flowStep(pf, pm, k, outF, outM, totals);
  const h = k.startShare;
  surviveSex(pf, k.sf, k.mf, h, 1 - h, outF, k.asfr);
  const deathsF = out3[DEATHS]!;
  const births = 0.5 * k.width * out3[EXPOSURE]!;
  let lo = out3[LOWEST]!;
  surviveSex(pm, k.sm, k.mm, h, 1 - h, outM, null);
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
  noOutflow(totals);
  return lo >= 0 && f0 >= 0 && m0 >= 0;
};

/** Whether the period has a rate-based out-flow to take (persons or a rate above 0). */
export function hasOutflow(k: KernelPeriod): boolean {
  return k.out !== null && (k.out.persons > 0 || k.out.rate > 0);
}

function noOutflow(totals: Float64Array): void {
  totals[OUT_F] = 0;
  totals[OUT_M] = 0;
  totals[WORST_SHARE] = 0;
  totals[WORST_SEX] = -1;
  totals[WORST_GROUP] = -1;
}

/** Keeps the largest share taken from a group with people in it (see {@link WORST_SHARE}). */
function noteShare(totals: Float64Array, share: number, people: number, sex: number, group: number): void {
  if (people > 0 && share > totals[WORST_SHARE]!) {
    totals[WORST_SHARE] = share;
    totals[WORST_SEX] = sex;
    totals[WORST_GROUP] = group;
  }
}

/**
 * The step with rate-based out-migration (`k.out`). Start half: u_s = O_s / Σ r·P(t), each group
 * loses u_s·r(x)·P(x), O_s = h·(persons + rate·n·ΣP(t)). Then the survival pass of
 * {@link loopStep} with the start half's in-migrants, no end migrants: survivors S(x). End half:
 * u = O_e / Σ r·S over every group, the new 0–4 included (S(0) = births × birth survival), with
 * O_e = (1 − h)·(persons + rate·n·ΣS); each group keeps S(x)(1 − u r(x)) + its end in-migrants.
 *
 * Under 'even' the births depend on the end half's female out-migrants, and u on the births
 * (through the newborns' share of Σ r·S): with B = B0 − κu (κ = (n/2) Σ asfr·r_f·S_f) and
 * u (R1 + βB) = a0 + a1·B, u is the smaller root of βκ u² − (R1 + βB0 + a1κ) u + (a0 + a1 B0) = 0,
 * solved exactly (β, R1, a0, a1: the newborns' and the others' parts of Σ r·S and O_e).
 */
function flowStep(pf: Float64Array, pm: Float64Array, k: KernelPeriod, outF: Float64Array, outM: Float64Array, totals: Float64Array): boolean {
  const o = k.out!;
  const G = pf.length;
  const n = k.width;
  const h = k.startShare;
  const e = 1 - h;
  const { rf, rm, startF, startM, byAgeF, byAgeM } = o;
  totals[WORST_SHARE] = 0;
  totals[WORST_SEX] = -1;
  totals[WORST_GROUP] = -1;
  // Start half.
  let us = 0;
  if (h > 0) {
    let R = 0;
    let T = 0;
    for (let x = 0; x < G; x++) {
      R += rf[x]! * pf[x]! + rm[x]! * pm[x]!;
      T += pf[x]! + pm[x]!;
    }
    const O = h * (o.persons + o.rate * n * T);
    if (O > 0) us = R > 0 ? O / R : Infinity;
  }
  for (let x = 0; x < G; x++) {
    const lf = us === 0 ? 0 : us * rf[x]! * pf[x]!;
    const lm = us === 0 ? 0 : us * rm[x]! * pm[x]!;
    noteShare(totals, us * rf[x]!, pf[x]!, 0, x);
    noteShare(totals, us * rm[x]!, pm[x]!, 1, x);
    startF[x] = pf[x]! - lf;
    startM[x] = pm[x]! - lm;
    byAgeF[x] = lf;
    byAgeM[x] = lm;
  }
  if (us === Infinity) {
    totals[WORST_SHARE] = Infinity;
    return false;
  }
  // A start half that takes more than a group holds leaves negative groups: the end half would
  // compute with them (Σ r·S ≤ 0, u infinite), hiding the real share the solvers and errors need.
  if (totals[WORST_SHARE]! > 1) return false;
  const mf = k.mf;
  const mm = k.mm;
  surviveSex(startF, k.sf, mf, h, 0, outF, k.asfr);
  const deathsF = out3[DEATHS]!;
  const expo = out3[EXPOSURE]!;
  let lo = out3[LOWEST]!;
  surviveSex(startM, k.sm, mm, h, 0, outM, null);
  const deathsM = out3[DEATHS]!;
  if (out3[LOWEST]! < lo) lo = out3[LOWEST]!;
  // End half: outF/outM hold the survivors S(x) for x ≥ 1.
  const asfr = k.asfr;
  let R1 = 0;
  let T1 = 0;
  let Z = 0;
  let E = 0;
  for (let x = 1; x < G; x++) {
    R1 += rf[x]! * outF[x]! + rm[x]! * outM[x]!;
    T1 += outF[x]! + outM[x]!;
    Z += asfr[x]! * rf[x]! * outF[x]!;
    if (mf) E += asfr[x]! * mf[x]!;
  }
  const even = h > 0;
  const B0 = 0.5 * n * (expo + (even ? e * E : 0));
  const phi = k.femaleShare;
  const beta = rf[0]! * phi * k.bf + rm[0]! * (1 - phi) * k.bm;
  const gamma = phi * k.bf + (1 - phi) * k.bm;
  const a0 = e * (o.persons + o.rate * n * T1);
  const a1 = e * o.rate * n * gamma;
  const kappa = even ? 0.5 * n * Z : 0;
  const qa = beta * kappa;
  const qb = R1 + beta * B0 + a1 * kappa;
  const qc = a0 + a1 * B0;
  let u = 0;
  if (qc > 0) {
    if (qa === 0) u = qb > 0 ? qc / qb : Infinity;
    else {
      const disc = qb * qb - 4 * qa * qc;
      u = disc >= 0 ? (2 * qc) / (qb + Math.sqrt(disc)) : Infinity;
    }
  }
  if (u === Infinity) {
    totals[WORST_SHARE] = Infinity;
    return false;
  }
  const births = B0 - kappa * u;
  const birthsF = births * phi;
  const birthsM = births - birthsF;
  outF[0] = birthsF * k.bf;
  outM[0] = birthsM * k.bm;
  let outSumF = 0;
  let outSumM = 0;
  for (let x = 0; x < G; x++) {
    const sF = outF[x]!;
    const sM = outM[x]!;
    noteShare(totals, u * rf[x]!, sF, 0, x);
    noteShare(totals, u * rm[x]!, sM, 1, x);
    const lf = u * rf[x]! * sF;
    const lm = u * rm[x]! * sM;
    const vf = sF - lf + (mf ? e * mf[x]! : 0);
    const vm = sM - lm + (mm ? e * mm[x]! : 0);
    if (vf < lo) lo = vf;
    if (vm < lo) lo = vm;
    outF[x] = vf;
    outM[x] = vm;
    byAgeF[x] = byAgeF[x]! + lf;
    byAgeM[x] = byAgeM[x]! + lm;
    outSumF += byAgeF[x]!;
    outSumM += byAgeM[x]!;
  }
  totals[BIRTHS_F] = birthsF;
  totals[BIRTHS_M] = birthsM;
  totals[DEATHS_F] = deathsF + birthsF * (1 - k.bf);
  totals[DEATHS_M] = deathsM + birthsM * (1 - k.bm);
  totals[OUT_F] = outSumF;
  totals[OUT_M] = outSumM;
  return lo >= 0 && totals[WORST_SHARE]! <= 1;
}

/**
 * Most groups a step is unrolled over, with and without migrant counts. Straight-line code for a
 * longer grid outgrows the instruction cache (at 101 single years with migration V8 emits about
 * 41 KB of machine code for the step, 30 KB without; L1i is 32 KiB) and runs slower a group than a
 * loop: above it the groups between the first and the last two are a generated loop with the same
 * body, branch-free (bench/width1.bench.ts, "kernel step 101×2 annual").
 */
const MAX_UNROLLED_GROUPS = { migration: 48, none: 101 };

/**
 * Source of one sex's pass of {@link loopStep}, unrolled over the groups (or, on a grid of more groups
 * than {@link MAX_UNROLLED_GROUPS}, looped with the body specialised for the migration pattern):
 * the same operations in the same order, so the result is bit-identical. Straight-line code lets V8
 * drop the per-iteration typed-array checks that make the loop ~3× slower than C (measured in
 * bench/kernel.bench.ts).
 */
function unrolledSex(S: 'F' | 'M', G: number, migration: boolean, fertility: boolean, endInBirths: boolean): string {
  const last = G - 1;
  const w = endInBirths ? 'end' : 'sv';
  const start = (i: number | string) => (migration ? `p${S}[${i}] + h * m${S}[${i}]` : `p${S}[${i}]`);
  const end = (i: number | string) => (migration ? `sv + e * m${S}[${i}]` : 'sv');
  const group = (x: number | string, next: number | string) => {
    let g = `{ const sv = a${S} * s${S}[${x}]; d${S} += a${S} - sv; const end = ${end(next)}; if (end < lo) lo = end; o${S}[${next}] = end;`;
    if (fertility) g += ` expo += asfr[${x}] * a${S} + asfr[${next}] * ${w};`;
    return `${g} a${S} = ${start(next)}; if (a${S} < lo) lo = a${S}; }\n`;
  };
  let src = `let d${S} = 0, a${S} = ${start(0)}; if (a${S} < lo) lo = a${S};\n`;
  if (G > MAX_UNROLLED_GROUPS[migration ? 'migration' : 'none']) src += `for (let x = 0; x < ${last - 1}; x++) ${group('x', 'x + 1')}`;
  else for (let x = 0; x < last - 1; x++) src += group(x, x + 1);
  src += `{ const aOpen = ${start(last)}; if (aOpen < lo) lo = aOpen; const pool = a${S} + aOpen; const sv = pool * s${S}[${last - 1}];`;
  src += ` d${S} += pool - sv; const end = ${end(last)}; if (end < lo) lo = end; o${S}[${last}] = end;`;
  if (fertility) src += ` expo += asfr[${last - 1}] * a${S} + asfr[${last}] * (aOpen + ${w});`;
  return `${src} }\n`;
}

function generate(G: number, femaleMigration: boolean, maleMigration: boolean, endInBirths: boolean): StepFunction {
  const body = `const h = k.startShare, e = 1 - h, sF = k.sf, sM = k.sm, mF = k.mf, mM = k.mm, asfr = k.asfr;
let expo = 0, lo = 0;
${unrolledSex('F', G, femaleMigration, true, endInBirths)}const births = 0.5 * k.width * expo; const lowF = lo; lo = 0;
${unrolledSex('M', G, maleMigration, false, endInBirths)}if (lowF < lo) lo = lowF;
const birthsF = births * k.femaleShare, birthsM = births - birthsF;
const f0 = birthsF * k.bf + ${femaleMigration ? 'e * mF[0]' : '0'}, m0 = birthsM * k.bm + ${maleMigration ? 'e * mM[0]' : '0'};
oF[0] = f0; oM[0] = m0;
totals[${BIRTHS_F}] = birthsF; totals[${BIRTHS_M}] = birthsM;
totals[${DEATHS_F}] = dF + birthsF * (1 - k.bf); totals[${DEATHS_M}] = dM + birthsM * (1 - k.bm);
totals[${OUT_F}] = 0; totals[${OUT_M}] = 0; totals[${WORST_SHARE}] = 0; totals[${WORST_SEX}] = -1; totals[${WORST_GROUP}] = -1;
return lo >= 0 && f0 >= 0 && m0 >= 0;`;
  return new Function('pF', 'pM', 'k', 'oF', 'oM', 'totals', body) as StepFunction;
}

/** Generated steps by (groups, female migration?, male migration?, end migrants in births?). */
const generated = new Map<number, StepFunction>();
let canGenerate = true;

/**
 * One step of width `k.width`: from (pf, pm) at the start to (outF, outM) at the end; fills `totals` (length
 * {@link TOTALS_SIZE}) with births, deaths and rate-based out-migrants by sex, and the largest share
 * of a group the out-flow takes. Returns false when some group would go negative (more out-migrants
 * than people): the caller reports it.
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
  if (hasOutflow(k)) return flowStep(pf, pm, k, outF, outM, totals);
  const key = 8 * pf.length + (k.mf ? 4 : 0) + (k.mm ? 2 : 0) + (k.startShare > 0 ? 1 : 0);
  let fn = generated.get(key);
  if (!fn) {
    if (!canGenerate) return loopStep(pf, pm, k, outF, outM, totals);
    try {
      fn = generate(pf.length, k.mf !== null, k.mm !== null, k.startShare > 0);
    } catch (e) {
      // Only a refusal to compile code (a Content-Security-Policy's EvalError) falls back to the
      // loop; anything else is a fault of the generated source and must not hide behind it.
      if (!(e instanceof EvalError)) throw e;
      canGenerate = false;
      return loopStep(pf, pm, k, outF, outM, totals);
    }
    generated.set(key, fn);
  }
  return fn(pf, pm, k, outF, outM, totals);
}
