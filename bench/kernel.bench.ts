/**
 * The cohort-component step, 21 groups × 2 sexes, 'even' migration:
 * - the JS kernel `step` (unchecked hot loop, buffers reused as in a projection loop);
 * - the same step in C compiled with -O2 (bench/c/kernel.c, built on the fly into bench/.build/;
 *   skipped with a message where no C compiler exists) — issue 5 wants the JS kernel within 2×;
 * - the same step as a mathjs Leslie-matrix product (matrix built once) — issue 2 wants the ratio;
 * - `projectCohorts` (validated public API) for one period, for context.
 * All run on the same inputs (bench/inputs.ts); checksums prove that C, JS and mathjs do the same work.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { add, matrix, multiply, type Matrix } from 'mathjs';
import { BIRTHS_F, BIRTHS_M, DEATHS_F, DEATHS_M, step } from '../src/project/kernel.js';
import { leslieMatrix } from '../src/project/leslie.js';
import { compilePeriod } from '../src/project/periodInputs.js';
import { projectCohorts } from '../src/project/projectCohorts.js';
import type { BenchCase, BenchGroup } from './harness.js';
import { base, GROUPS, period } from './inputs.js';

/** Steps from the base for the checksum (the timed loops run the same step, many more times). */
const CHECK_STEPS = 20;
/** Chained steps per timed call (JS) and per chunk (C): each starts again from the base population. */
const CHUNK_STEPS = 1000;
/** C timing: best of C_REPS repetitions of about C_REP_MS each (many short ones: a quiet window is likelier). */
const C_REPS = 15;
const C_REP_MS = 50;
/**
 * C and JS perform the same IEEE operations in the same order (no FMA contraction, no fast-math), so
 * their checksums should be bit-identical; 1e-12 relative still accepts a compiler that reorders a
 * sum, and rejects any difference in the work itself (one person in a checksum of ~6 million is 1.6e-7).
 */
const CHECKSUM_TOLERANCE = 1e-12;
/**
 * The Leslie product and the kernel add the same terms in a different order: identity to ~1e-12
 * relative (design.md, tolerances).
 */
const LESLIE_TOLERANCE = 1e-12;

const G = GROUPS;
const k = compilePeriod(period);
const baseF = Float64Array.from(base.female);
const baseM = Float64Array.from(base.male);

// ---------------------------------------------------------------------------------------------
// JS kernel: a projection loop with two preallocated buffer pairs; the loop itself allocates nothing.

const curF = new Float64Array(G);
const curM = new Float64Array(G);
const nextF = new Float64Array(G);
const nextM = new Float64Array(G);
const totals = new Float64Array(4);
let kernelSink = 0; // births of every step: keeps the work observable
let kernelOk = true;

/** One timed call: reset to the base, then CHUNK_STEPS chained steps (same loop as the C program). */
function kernelChunk(): void {
  curF.set(baseF);
  curM.set(baseM);
  let sink = 0;
  let ok = true;
  for (let i = 0; i < CHUNK_STEPS; i += 2) {
    ok = step(curF, curM, k, nextF, nextM, totals) && ok;
    sink += totals[BIRTHS_F]!;
    ok = step(nextF, nextM, k, curF, curM, totals) && ok;
    sink += totals[BIRTHS_F]!;
  }
  kernelSink += sink;
  kernelOk &&= ok;
}

/** Σ (births + deaths) over CHECK_STEPS steps from the base + the final total population (as in kernel.c). */
function jsChecksum(): number {
  let pf = Float64Array.from(baseF);
  let pm = Float64Array.from(baseM);
  let qf = new Float64Array(G);
  let qm = new Float64Array(G);
  const t = new Float64Array(4);
  let checksum = 0;
  for (let s = 0; s < CHECK_STEPS; s++) {
    step(pf, pm, k, qf, qm, t);
    checksum += t[BIRTHS_F]! + t[BIRTHS_M]! + t[DEATHS_F]! + t[DEATHS_M]!;
    [pf, qf] = [qf, pf];
    [pm, qm] = [qm, pm];
  }
  for (let x = 0; x < G; x++) checksum += pf[x]! + pm[x]!;
  return checksum;
}

const jsKernel: BenchCase = {
  name: 'JS kernel step (src/project/kernel.ts)',
  run: kernelChunk,
  opsPerCall: CHUNK_STEPS,
};

// ---------------------------------------------------------------------------------------------
// C baseline.

interface CResult {
  compiler: string;
  checksum: number;
  ok: boolean;
  nsBest: number;
  nsMedian: number;
  stepsPerRep: number;
  reps: number;
}

let cResult: CResult | { skipped: string } | undefined;

function findCompiler(): { cmd: string; version: string } | undefined {
  for (const cmd of [process.env['CC'], 'cc', 'gcc', 'clang']) {
    if (!cmd) continue;
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return { cmd, version: (r.stdout.split('\n')[0] ?? cmd).trim() };
  }
  return undefined;
}

/** The kernel inputs as the C program reads them (shortest round-trip decimals: exact doubles). */
function cInput(): string {
  const nums = (a: ArrayLike<number>) => Array.from(a, String).join(' ');
  const zeros = new Float64Array(G);
  return [
    G,
    nums(k.sf),
    nums(k.sm),
    k.bf,
    k.bm,
    nums(k.asfr),
    k.femaleShare,
    k.mf && k.mm ? 1 : 0,
    nums(k.mf ?? zeros),
    nums(k.mm ?? zeros),
    k.startShare,
    nums(baseF),
    nums(baseM),
    `${CHECK_STEPS} ${CHUNK_STEPS} ${C_REPS} ${C_REP_MS}`,
  ].join('\n');
}

function runC(): CResult | { skipped: string } {
  const compiler = findCompiler();
  if (!compiler) return { skipped: 'no C compiler found ($CC, cc, gcc or clang)' };
  const source = fileURLToPath(new URL('./c/kernel.c', import.meta.url));
  const buildDir = fileURLToPath(new URL('./.build/', import.meta.url));
  mkdirSync(buildDir, { recursive: true });
  const exe = join(buildDir, process.platform === 'win32' ? 'kernel.exe' : 'kernel');
  // -ffp-contract=off: no fused multiply-add (JS has none), so both sides round identically.
  const build = spawnSync(compiler.cmd, ['-O2', '-ffp-contract=off', '-o', exe, source], { encoding: 'utf8' });
  if (build.status !== 0) {
    return { skipped: `${compiler.cmd} -O2 failed: ${(build.stderr || build.error?.message || '').trim().split('\n')[0]}` };
  }
  const run = spawnSync(exe, [], { input: cInput(), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) return { skipped: `the C program failed: ${(run.stderr || run.error?.message || '').trim()}` };
  const out = new Map(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  );
  const num = (key: string) => Number(out.get(key));
  return {
    compiler: compiler.version,
    checksum: num('checksum'),
    ok: num('ok') === 1,
    nsBest: num('ns_best'),
    nsMedian: num('ns_median'),
    stepsPerRep: num('steps_per_rep'),
    reps: num('reps'),
  };
}

const cKernel: BenchCase = {
  name: 'C step, cc -O2 (bench/c/kernel.c)',
  baseline: true,
  external: () => {
    cResult = runC();
    if ('skipped' in cResult) return cResult;
    const c = cResult;
    return {
      microseconds: c.nsBest / 1000,
      note: `best of ${c.reps} × ${c.stepsPerRep.toExponential(1)} steps (median ${(c.nsMedian / 1000).toPrecision(3)} µs); ${c.compiler}`,
    };
  },
  check: () => {
    if (!cResult || 'skipped' in cResult) return undefined;
    const js = jsChecksum();
    const c = cResult.checksum;
    const rel = Math.abs(c - js) / Math.abs(js);
    if (!cResult.ok) return { ok: false, message: 'the C step reported a negative group: C and JS may not do the same work' };
    if (!(rel <= CHECKSUM_TOLERANCE)) {
      return { ok: false, message: `checksums differ: C ${c} vs JS ${js} (relative ${rel.toExponential(2)}): C and JS do not do the same work` };
    }
    return { ok: true, message: `checksum after ${CHECK_STEPS} steps: C = JS = ${js.toFixed(3)}${c === js ? ' (bit-identical)' : ` (relative difference ${rel.toExponential(1)})`}` };
  },
};

const jsKernelVsC: BenchCase = {
  ...jsKernel,
  goal: '≤ 2× C (issue 5)',
  check: () =>
    kernelOk && Number.isFinite(kernelSink)
      ? undefined
      : { ok: false, message: 'the JS step reported a negative group or a non-finite result' },
};

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
  step(baseF, baseM, k, f, m, new Float64Array(4));
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
    title: 'kernel step 21×2: JS vs C -O2',
    cases: [cKernel, jsKernelVsC],
  },
  {
    title: 'kernel step 21×2: vs mathjs',
    cases: [{ ...jsKernel, baseline: true }, mathjsLeslie, projectOne],
  },
];
