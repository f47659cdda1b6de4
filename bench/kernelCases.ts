/**
 * The kernel-step cases for one setup (a grid, a period's rates and a base population), like with
 * like, shared by bench/kernel.bench.ts (21 groups × 2, 5-year step) and bench/width1.bench.ts
 * (101 single years × 2, annual step):
 * - the JS kernel `step` (src/project/kernel.ts: straight-line code generated once for the grid and
 *   migration pattern) beside the same step in C with the group count and migration as compile-time
 *   constants and the loops fully unrolled (`cc -O2 -DFIXED_GROUPS=G -DFIXED_MIGRATION=0|1`);
 * - the JS `loopStep` (the loop over groups, for any grid) beside the C loop over a group count read
 *   at run time (`cc -O2`) — the same source, bench/c/kernel.c, built on the fly into bench/.build/
 *   (skipped with a message where no C compiler exists).
 * Checksums prove that C and JS do the same work (bit-identical: same operations in the same order).
 * Buffers are reused as in a projection loop; the timed loops allocate nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, type BenchCase } from './harness.js';
import { BIRTHS_F, BIRTHS_M, type compilePeriod, DEATHS_F, DEATHS_M, loopStep, step, TOTALS_SIZE } from './internals.js';

/** What one kernel bench steps: `k` (from compilePeriod) on the base `baseF`, `baseM` (G groups each). */
export interface KernelSetup {
  k: ReturnType<typeof compilePeriod>;
  baseF: Float64Array;
  baseM: Float64Array;
}

/** Steps from the base for the checksum (the timed loops run the same step, many more times). */
export const CHECK_STEPS = 20;
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

export interface KernelCases {
  jsStep: BenchCase;
  jsLoopStep: BenchCase;
  cUnrolled: BenchCase;
  cLoop: BenchCase;
  /** Σ (births + deaths) over CHECK_STEPS steps from the base + the final total population (as in kernel.c). */
  checksumOf: (stepFn: typeof step) => number;
}

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

const newLoop = (G: number): Loop => ({
  curF: new Float64Array(G),
  curM: new Float64Array(G),
  nextF: new Float64Array(G),
  nextM: new Float64Array(G),
  totals: new Float64Array(TOTALS_SIZE),
  sink: 0,
  ok: true,
});

const loopOk = (l: Loop, name: string) =>
  l.ok && Number.isFinite(l.sink) ? undefined : { ok: false, message: `${name} reported a negative group or a non-finite result` };

/** The case without its check, for a group that lists it again (the first listing checks). */
export function again(c: BenchCase, extra: Partial<BenchCase> = {}): BenchCase {
  const { check: _check, ...rest } = c;
  return { ...rest, ...extra };
}

export function kernelCases(setup: KernelSetup): KernelCases {
  const { k, baseF, baseM } = setup;
  const G = baseF.length;
  const migration = k.mf !== null && k.mm !== null;
  const stepLoop = newLoop(G);
  const loopStepLoop = newLoop(G);

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

  // -------------------------------------------------------------------------------------------
  // C baselines: one source, two builds (see bench/c/kernel.c).

  /** The kernel inputs as the C program reads them (shortest round-trip decimals: exact doubles). */
  function cInput(): string {
    const nums = (a: ArrayLike<number>) => Array.from(a, String).join(' ');
    const zeros = new Float64Array(G);
    return [
      `${G} ${k.width}`,
      nums(k.sf),
      nums(k.sm),
      k.bf,
      k.bm,
      nums(k.asfr),
      k.femaleShare,
      migration ? 1 : 0,
      nums(k.mf ?? zeros),
      nums(k.mm ?? zeros),
      k.startShare,
      nums(baseF),
      nums(baseM),
      `${CHECK_STEPS} ${CHUNK_STEPS} ${C_REPS} ${C_REP_MS}`,
    ].join('\n');
  }

  function runC(variant: Variant): CResult | { skipped: string } {
    const compiler = findCompiler();
    if (!compiler) return { skipped: 'no C compiler found ($CC, cc, gcc or clang)' };
    const fixed = variant === 'unrolled' ? [`-DFIXED_GROUPS=${G}`, `-DFIXED_MIGRATION=${migration ? 1 : 0}`] : [];
    const flags = [...C_FLAGS, ...fixed];
    const source = join(BENCH_DIR, 'c', 'kernel.c');
    const buildDir = join(BENCH_DIR, '.build');
    mkdirSync(buildDir, { recursive: true });
    const name = variant === 'unrolled' ? `kernel-unrolled-g${G}-m${migration ? 1 : 0}` : 'kernel-loop';
    const exe = join(buildDir, `${name}${process.platform === 'win32' ? '.exe' : ''}`);
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
  const cResults = new Map<Variant, CResult | { skipped: string }>();
  const cResult = (variant: Variant) => {
    let r = cResults.get(variant);
    if (!r) cResults.set(variant, (r = runC(variant)));
    return r;
  };

  function cCase(variant: Variant, name: string, js: typeof step): BenchCase {
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

  const fixedWhat = `G = ${G} and migration (${migration ? 'present' : 'none'}) fixed at compile time, loops unrolled`;
  return {
    jsStep,
    jsLoopStep,
    cUnrolled: cCase('unrolled', `C step: ${fixedWhat} (bench/c/kernel.c)`, step),
    cLoop: cCase('loop', 'C step: loop over a group count read at run time (bench/c/kernel.c)', loopStep),
    checksumOf,
  };
}

type Variant = 'loop' | 'unrolled';

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

let compilerFound: { cmd: string; version: string } | undefined | null = null;
function findCompiler(): { cmd: string; version: string } | undefined {
  if (compilerFound !== null) return compilerFound;
  compilerFound = undefined;
  for (const cmd of [process.env['CC'], 'cc', 'gcc', 'clang']) {
    if (!cmd) continue;
    const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return (compilerFound = { cmd, version: (r.stdout.split('\n')[0] ?? cmd).trim() });
  }
  return compilerFound;
}

/** -ffp-contract=off: no fused multiply-add (JS has none), so both sides round identically. */
const C_FLAGS = ['-O2', '-ffp-contract=off'];
