/**
 * The cohort-component step, 21 groups × 2 sexes, 'even' migration, like with like:
 * - the JS kernel `step` (src/project/kernel.ts: straight-line code generated once for the grid and
 *   migration pattern) beside the same step in C with the group count and migration as compile-time
 *   constants and the loops fully unrolled (`cc -O2 -DFIXED_GROUPS=21 -DFIXED_MIGRATION=1`);
 * - the JS `loopStep` (the loop over groups, for any grid) beside the C loop over a group count read
 *   at run time (`cc -O2`) — the same source, bench/c/kernel.c, built on the fly into bench/.build/
 *   (skipped with a message where no C compiler exists). Issue 5 wants the JS kernel within 2× of C;
 * - the same step as a mathjs Leslie-matrix product (matrix built once) — issue 2 wants the ratio;
 * - `projectCohorts` (validated public API, the built package) for one period, for context.
 * All run on the same inputs (bench/inputs.ts); checksums prove that C, JS and mathjs do the same work.
 * Buffers are reused as in a projection loop; the loops allocate nothing. The JS and C cases are
 * bench/kernelCases.ts, shared with the annual (single-year) step of bench/width1.bench.ts.
 */
import { add, matrix, multiply, type Matrix } from 'mathjs';
import { projectCohorts } from '../src/index.js';
import { leslieMatrix } from '../src/leslie.js';
import type { BenchCase, BenchGroup } from './harness.js';
import { base, GROUPS, period } from './inputs.js';
import { again, kernelCases } from './kernelCases.js';
import { compilePeriod, step, TOTALS_SIZE } from './internals.js';

/**
 * The Leslie product and the kernel add the same terms in a different order: identity to ~1e-12
 * relative (design.md, tolerances).
 */
const LESLIE_TOLERANCE = 1e-12;

const G = GROUPS;
const k = compilePeriod(period);
const baseF = Float64Array.from(base.female);
const baseM = Float64Array.from(base.male);

// JS and C kernels (bench/kernelCases.ts).
const { jsStep, jsLoopStep, cUnrolled, cLoop } = kernelCases({ k, baseF, baseM });

// ---------------------------------------------------------------------------------------------
// mathjs: the same step as an affine Leslie product P' = L P + c, with L (2G × 2G, female first)
// and c built once. With start share h of the migrants M: P' = L (P + h M) + (1 − h) M + births to
// the women who arrive in the second half (the matrix counts births to survivors only):
// 2.5 Σ asfr(x) (1 − h) Mf(x), split by sex and survived to 0–4.

const L = leslieMatrix(period);
const h = k.startShare;
const mf = k.mf ?? new Float64Array(G);
const mm = k.mm ?? new Float64Array(G);
const migrants = [...mf, ...mm];
let lateBirths = 0;
for (let x = 0; x < G; x++) lateBirths += k.asfr[x]! * (1 - h) * mf[x]!;
lateBirths *= 2.5;
const lateBirthsVector = new Array<number>(2 * G).fill(0);
lateBirthsVector[0] = lateBirths * k.femaleShare * k.bf;
lateBirthsVector[G] = (lateBirths - lateBirths * k.femaleShare) * k.bm;
const c = add(
  add(multiply(L, matrix(migrants.map((m) => h * m))), matrix(migrants.map((m) => (1 - h) * m))),
  matrix(lateBirthsVector),
) as Matrix;
const baseVector = matrix([...baseF, ...baseM]);
const MATHJS_STEPS = 10;
let mathjsSink = 0;

function mathjsChunk(): void {
  let v = baseVector;
  for (let i = 0; i < MATHJS_STEPS; i++) {
    v = add(multiply(L, v), c) as Matrix;
    mathjsSink += v.get([0]) as number;
  }
}

/** The Leslie product and the kernel agree on one step from the base. */
function checkLeslie(): { ok: boolean; message: string } {
  const v = (add(multiply(L, baseVector), c) as Matrix).toArray() as number[];
  const f = new Float64Array(G);
  const m = new Float64Array(G);
  step(baseF, baseM, k, f, m, new Float64Array(TOTALS_SIZE));
  let worst = 0;
  for (let x = 0; x < G; x++) {
    worst = Math.max(worst, Math.abs(v[x]! - f[x]!) / Math.max(1, Math.abs(f[x]!)));
    worst = Math.max(worst, Math.abs(v[G + x]! - m[x]!) / Math.max(1, Math.abs(m[x]!)));
  }
  return worst <= LESLIE_TOLERANCE && Number.isFinite(mathjsSink)
    ? { ok: true, message: `same population as the kernel after one step (largest relative difference ${worst.toExponential(1)})` }
    : { ok: false, message: `the Leslie product differs from the kernel by ${worst.toExponential(2)} relative: not the same work` };
}

const mathjsLeslie: BenchCase = {
  name: 'mathjs Leslie product L·P + c (42×42 built once)',
  run: mathjsChunk,
  opsPerCall: MATHJS_STEPS,
  check: checkLeslie,
};

// ---------------------------------------------------------------------------------------------
// projectCohorts: validation (zod) + compile + one step + result objects.

let projectSink = 0;
const projectOne: BenchCase = {
  name: 'projectCohorts, 1 period (validated API)',
  run: () => {
    projectSink += projectCohorts(base, [period]).births[0]!.female;
  },
  check: () => (Number.isFinite(projectSink) ? undefined : { ok: false, message: 'non-finite births' }),
};

export const groups: BenchGroup[] = [
  {
    title: 'kernel step 21×2, unrolled: JS step vs C with G fixed (cc -O2)',
    cases: [{ ...cUnrolled, baseline: true }, { ...jsStep, goal: '≤ 2× C (issue 5)' }],
  },
  {
    title: 'kernel step 21×2, loop: JS loopStep vs C with G at run time (cc -O2)',
    cases: [{ ...cLoop, baseline: true }, jsLoopStep],
  },
  {
    title: 'kernel step 21×2: all four against the C loop',
    cases: [again(cLoop, { baseline: true }), again(cUnrolled), again(jsLoopStep), again(jsStep)],
  },
  {
    title: 'kernel step 21×2: vs mathjs',
    cases: [again(jsStep, { baseline: true }), mathjsLeslie, projectOne],
  },
];
