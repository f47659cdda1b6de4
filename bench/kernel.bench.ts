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
 * Buffers are reused as in a projection loop; the loops allocate nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { add, matrix, multiply, type Matrix } from 'mathjs';
import { projectCohorts } from '../src/index.js';
import { leslieMatrix } from '../src/leslie.js';
import { BENCH_DIR, type BenchCase, type BenchGroup } from './harness.js';
import { base, GROUPS, period } from './inputs.js';
import { BIRTHS_F, BIRTHS_M, compilePeriod, DEATHS_F, DEATHS_M, loopStep, step, TOTALS_SIZE } from './internals.js';

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
// JS kernels: a projection loop with two preallocated buffer pairs; the loop itself allocates nothing.

/** Buffers and the observable results of one JS kernel's timed loop. */
interface Loop {
  curF: Float64Array;
  curM: Float64Array;
  nextF: Float64Array;
  nextM: Float64Array;
  totals: Float64Array;
  /** Births of every step: keeps the work observable. */
  sink: number;
  ok: boolean;
}

const newLoop = (): Loop => ({
  curF: new Float64Array(G),
  curM: new Float64Array(G),
  nextF: new Float64Array(G),
  nextM: new Float64Array(G),
  totals: new Float64Array(TOTALS_SIZE),
  sink: 0,
  ok: true,
});

const stepLoop = newLoop();
const loopStepLoop = newLoop();

// One timed call: reset to the base, then CHUNK_STEPS chained steps (same loop as the C program).
// Written out twice on purpose: each call site sees one step function only (monomorphic, inlined),
// where one shared function would see both (polymorphic) and time a dispatch besides the step.

function stepChunk(): void {
  const l = stepLoop;
  l.curF.set(baseF);
  l.curM.set(baseM);
  let sink = 0;
  let ok = true;
  for (let i = 0; i < CHUNK_STEPS; i += 2) {
    ok = step(l.curF, l.curM, k, l.nextF, l.nextM, l.totals) && ok;
    sink += l.totals[BIRTHS_F]!;
    ok = step(l.nextF, l.nextM, k, l.curF, l.curM, l.totals) && ok;
    sink += l.totals[BIRTHS_F]!;
  }
  l.sink += sink;
  l.ok &&= ok;
}

function loopStepChunk(): void {
  const l = loopStepLoop;
  l.curF.set(baseF);
  l.curM.set(baseM);
  let sink = 0;
  let ok = true;
  for (let i = 0; i < CHUNK_STEPS; i += 2) {
    ok = loopStep(l.curF, l.curM, k, l.nextF, l.nextM, l.totals) && ok;
    sink += l.totals[BIRTHS_F]!;
    ok = loopStep(l.nextF, l.nextM, k, l.curF, l.curM, l.totals) && ok;
    sink += l.totals[BIRTHS_F]!;
  }
  l.sink += sink;
  l.ok &&= ok;
}

/** Σ (births + deaths) over CHECK_STEPS steps from the base + the final total population (as in kernel.c). */
function checksumOf(stepFn: typeof step): number {
  let pf = Float64Array.from(baseF);
  let pm = Float64Array.from(baseM);
  let qf = new Float64Array(G);
  let qm = new Float64Array(G);
  const t = new Float64Array(TOTALS_SIZE);
  let checksum = 0;
  for (let s = 0; s < CHECK_STEPS; s++) {
    stepFn(pf, pm, k, qf, qm, t);
    checksum += t[BIRTHS_F]! + t[BIRTHS_M]! + t[DEATHS_F]! + t[DEATHS_M]!;
    [pf, qf] = [qf, pf];
    [pm, qm] = [qm, pm];
  }
  for (let x = 0; x < G; x++) checksum += pf[x]! + pm[x]!;
  return checksum;
}

const loopOk = (l: Loop, name: string) =>
  l.ok && Number.isFinite(l.sink) ? undefined : { ok: false, message: `${name} reported a negative group or a non-finite result` };

const jsStep: BenchCase = {
  name: 'JS step: generated, unrolled for the grid (src/project/kernel.ts)',
  run: stepChunk,
  opsPerCall: CHUNK_STEPS,
  check: () => {
    const bad = loopOk(stepLoop, 'step');
    if (bad) return bad;
    const [a, b] = [checksumOf(step), checksumOf(loopStep)];
    return a === b ? { ok: true, message: "checksum = loopStep's (bit-identical)" } : { ok: false, message: `step and loopStep differ: ${a} vs ${b}` };
  },
};

const jsLoopStep: BenchCase = {
  name: 'JS loopStep: loop over the groups (src/project/kernel.ts)',
  run: loopStepChunk,
  opsPerCall: CHUNK_STEPS,
  check: () => loopOk(loopStepLoop, 'loopStep'),
};

/** The case without its check, for a group that lists it again (the first listing checks). */
function again(c: BenchCase, extra: Partial<BenchCase> = {}): BenchCase {
  const { check: _check, ...rest } = c;
  return { ...rest, ...extra };
}

// ---------------------------------------------------------------------------------------------
// C baselines: one source, two builds (see bench/c/kernel.c).

interface CResult {
  compiler: string;
  flags: string;
  checksum: number;
  ok: boolean;
  nsBest: number;
  nsMedian: number;
  stepsPerRep: number;
  reps: number;
}

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

/** -ffp-contract=off: no fused multiply-add (JS has none), so both sides round identically. */
const C_FLAGS = ['-O2', '-ffp-contract=off'];

function runC(variant: 'loop' | 'unrolled'): CResult | { skipped: string } {
  const compiler = findCompiler();
  if (!compiler) return { skipped: 'no C compiler found ($CC, cc, gcc or clang)' };
  const fixed = variant === 'unrolled' ? [`-DFIXED_GROUPS=${G}`, `-DFIXED_MIGRATION=${k.mf && k.mm ? 1 : 0}`] : [];
  const flags = [...C_FLAGS, ...fixed];
  const source = join(BENCH_DIR, 'c', 'kernel.c');
  const buildDir = join(BENCH_DIR, '.build');
  mkdirSync(buildDir, { recursive: true });
  const exe = join(buildDir, `kernel-${variant}${process.platform === 'win32' ? '.exe' : ''}`);
  const build = spawnSync(compiler.cmd, [...flags, '-o', exe, source], { encoding: 'utf8' });
  if (build.status !== 0) {
    return { skipped: `${compiler.cmd} ${flags.join(' ')} failed: ${(build.stderr || build.error?.message || '').trim().split('\n')[0]}` };
  }
  const run = spawnSync(exe, [], { input: cInput(), encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) return { skipped: `the C program failed: ${(run.stderr || run.error?.message || '').trim()}` };
  const out = new Map(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(' ') as [string, string]),
  );
  if (out.get('variant') !== variant) return { skipped: `the C program built as ${variant} reports variant ${out.get('variant')}` };
  const num = (key: string) => Number(out.get(key));
  return {
    compiler: compiler.version,
    flags: `${compiler.cmd} ${flags.join(' ')}`,
    checksum: num('checksum'),
    ok: num('ok') === 1,
    nsBest: num('ns_best'),
    nsMedian: num('ns_median'),
    stepsPerRep: num('steps_per_rep'),
    reps: num('reps'),
  };
}

/** Each C program runs once per bench run, however many groups list it. */
const cResults = new Map<string, CResult | { skipped: string }>();
const cResult = (variant: 'loop' | 'unrolled') => {
  let r = cResults.get(variant);
  if (!r) cResults.set(variant, (r = runC(variant)));
  return r;
};

function cCase(variant: 'loop' | 'unrolled', name: string, js: typeof step): BenchCase {
  return {
    name,
    external: () => {
      const c = cResult(variant);
      if ('skipped' in c) return c;
      return {
        microseconds: c.nsMedian / 1000,
        minMicroseconds: c.nsBest / 1000,
        note: `${c.reps} repetitions × ${c.stepsPerRep.toExponential(1)} steps; ${c.flags}; ${c.compiler}`,
      };
    },
    check: () => {
      const c = cResults.get(variant);
      if (!c || 'skipped' in c) return undefined;
      const jsSum = checksumOf(js);
      const rel = Math.abs(c.checksum - jsSum) / Math.abs(jsSum);
      if (!c.ok) return { ok: false, message: 'the C step reported a negative group: C and JS may not do the same work' };
      if (!(rel <= CHECKSUM_TOLERANCE)) {
        return { ok: false, message: `checksums differ: C ${c.checksum} vs JS ${jsSum} (relative ${rel.toExponential(2)}): C and JS do not do the same work` };
      }
      return {
        ok: true,
        message: `checksum after ${CHECK_STEPS} steps: C = JS = ${jsSum.toFixed(3)}${c.checksum === jsSum ? ' (bit-identical)' : ` (relative difference ${rel.toExponential(1)})`}`,
      };
    },
  };
}

const cUnrolled = cCase('unrolled', 'C step: G = 21 and migration fixed at compile time, loops unrolled (bench/c/kernel.c)', step);
const cLoop = cCase('loop', 'C step: loop over a group count read at run time (bench/c/kernel.c)', loopStep);

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
