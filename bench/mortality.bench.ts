/**
 * mx for a target e0 (issue 5: "mxForE0 ≤ 1.5 µs per target at 1e-8 years"). Targets spread evenly
 * over 60–85 years, alternating sexes, many per timed call:
 *
 * - the unchecked core `solveLifeTableForE0` (what the projection engine calls), with its cached
 *   per-(sex, k, rules) table of e0 against ln 5q0 already built;
 * - the validated public `mxForE0` (zod parsing, a copy of the answer);
 * - the floor: one model evaluation plus one life table at each solution's 5q0;
 * - the table build itself (paid once per sex, k, a0Rule and axRule);
 * - R MortCast's `logquad()` on the same kind of targets, timed in the same run by Rscript
 *   (bench/r/logquad.R) where R and MortCast are installed: MORTCAST_LIB names the R library that
 *   holds MortCast (skipped with the reason otherwise). Its figure is the baseline of its group.
 *
 * The checks report the mean number of life tables per target and the largest |e0 − target|.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mxForE0, type Sex } from '../src/index.js';
import { BENCH_DIR, type BenchCase, type BenchGroup } from './harness.js';
import {
  CHINA_2015_MX,
  compileLogQuad,
  computeLifeTable,
  E0_TOLERANCE,
  emptyLifeTable,
  fillLogQuadMx,
  LOGQUAD_ROWS,
  solveLifeTableForE0,
  type E0SolveSpec,
  type LifeTableRules,
  type LogQuadModel,
} from './internals.js';

/** Targets per timed call. */
const TARGETS = 1000;
const SEXES: Sex[] = ['female', 'male'];

/** 60–85 years, evenly spread (midpoints), sexes alternating. */
const targets = Float64Array.from({ length: TARGETS }, (_, i) => 60 + (25 * (i + 0.5)) / TARGETS);
const sexOf = (i: number): Sex => SEXES[i & 1]!;

const RULES = { a0Rule: 'andreev-kingkade', axRule: 'mortpak' } as const;
const logQuadSpecs: Record<Sex, E0SolveSpec> = {
  female: { sex: 'female', model: 'log-quadratic', k: 0, ...RULES },
  male: { sex: 'male', model: 'log-quadratic', k: 0, ...RULES },
};
const hazardSpecs: Record<Sex, E0SolveSpec> = {
  female: { sex: 'female', model: { baseline: 'china-2015' }, k: 0, ...RULES },
  male: { sex: 'male', model: { baseline: 'china-2015' }, k: 0, ...RULES },
};
const lifeTableRules: Record<Sex, LifeTableRules> = {
  female: { sex: 'female', ...RULES, ax: undefined, radix: 100000 },
  male: { sex: 'male', ...RULES, ax: undefined, radix: 100000 },
};
const models: Record<Sex, LogQuadModel> = { female: compileLogQuad('female', 0, RULES.a0Rule), male: compileLogQuad('male', 0, RULES.a0Rule) };

const table = emptyLifeTable(LOGQUAD_ROWS);
const hazardTable = emptyLifeTable(22);

/** Solution 5q0 of every target (for the floor), found once here; warms the solver's tables too. */
const q5s = Float64Array.from(targets, (t, i) => {
  const r = solveLifeTableForE0(t, logQuadSpecs[sexOf(i)], table);
  return r.status === 'reachable' ? r.parameter : NaN;
});

/** Statistics of a solving case, for its check. */
interface Stats {
  targets: number;
  evaluations: number;
  worst: number;
  misses: number;
}
const stats = (): Stats => ({ targets: 0, evaluations: 0, worst: 0, misses: 0 });
function checkOf(s: Stats, perTarget = true) {
  return () => {
    if (s.targets === 0) return { ok: false, message: 'no target solved' };
    const ok = s.misses === 0 && s.worst <= E0_TOLERANCE;
    const its = perTarget ? `mean ${(s.evaluations / s.targets).toFixed(4)} life tables per target; ` : '';
    return { ok, message: `${its}max |e0 − target| = ${s.worst.toExponential(1)} years over ${s.targets.toLocaleString('en-US')} targets${s.misses ? `; ${s.misses} MISSED` : ''}` };
  };
}

const coreStats = stats();
const publicStats = stats();
const hazardStats = stats();
let sink = 0;

const core: BenchCase = {
  name: 'solveLifeTableForE0 (unchecked core, table cached)',
  opsPerCall: TARGETS,
  goal: '≤ 1.5 µs',
  run: () => {
    const s = coreStats;
    for (let i = 0; i < TARGETS; i++) {
      const t = targets[i]!;
      const r = solveLifeTableForE0(t, logQuadSpecs[sexOf(i)], table);
      if (r.status !== 'reachable') s.misses++;
      s.evaluations += r.iterations;
      const err = Math.abs(table.ex[0]! - t);
      if (err > s.worst) s.worst = err;
    }
    s.targets += TARGETS;
  },
  check: checkOf(coreStats),
};

const floor: BenchCase = {
  name: 'floor: one log-quadratic evaluation + one computeLifeTable',
  opsPerCall: TARGETS,
  run: () => {
    let e = 0;
    for (let i = 0; i < TARGETS; i++) {
      const sex = sexOf(i);
      const q5 = q5s[i]!;
      fillLogQuadMx(models[sex], Math.log(q5), q5, table.mx);
      computeLifeTable(table.mx, lifeTableRules[sex], table);
      e += table.ex[0]!;
    }
    sink += e;
  },
  check: () => (Number.isFinite(sink) && sink > 0 ? undefined : { ok: false, message: 'non-finite or zero e0' }),
};

const publicApi: BenchCase = {
  name: 'mxForE0 (validated public API, returns a copy)',
  opsPerCall: TARGETS,
  run: () => {
    const s = publicStats;
    for (let i = 0; i < TARGETS; i++) {
      const t = targets[i]!;
      const r = mxForE0(t, { sex: sexOf(i) });
      if (r.status !== 'reachable') s.misses++;
      else {
        s.evaluations += r.iterations;
        const err = Math.abs(r.achieved - t);
        if (err > s.worst) s.worst = err;
      }
    }
    s.targets += TARGETS;
  },
  check: checkOf(publicStats),
};

/** A fresh k per call: every call builds a table (2049 life tables). Distinct k never repeat. */
let kBuild = 0;
const build: BenchCase = {
  name: 'table build (2049 life tables, once per sex, k, a0Rule, axRule; one solve included)',
  run: () => {
    kBuild = kBuild >= 1 ? -1 + 1e-9 : kBuild + 1e-6;
    const r = solveLifeTableForE0(72, { ...logQuadSpecs.female, k: kBuild }, table);
    sink += r.achieved;
  },
};

// ---------------------------------------------------------------------------------------------
// R MortCast logquad(), timed by Rscript in this run.

/** Targets per logquad() call (both sexes, the same 60–85 spread as above) and timed calls (best of). */
const R_TARGETS = 10_000;
const R_REPS = 5;

interface RFigures {
  usBest: number;
  usMedian: number;
  reps: number;
  targets: number;
  mortcast: string;
  r: string;
  /** Largest |e0 − target| over a sample of the answers (MortCast's life.table), when it could be computed. */
  worst?: number;
  checked?: number;
}

let rFigures: RFigures | undefined;

function runMortCast(): RFigures | { skipped: string } {
  const lib = process.env['MORTCAST_LIB'];
  if (!lib) return { skipped: 'MORTCAST_LIB is not set (it names the R library path that holds MortCast)' };
  if (!existsSync(lib)) return { skipped: `MORTCAST_LIB=${lib} does not exist` };
  const rscript = process.env['RSCRIPT'] ?? 'Rscript';
  const probe = spawnSync(rscript, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skipped: `${rscript} not found (R is not installed, or RSCRIPT names no Rscript)` };
  const script = join(BENCH_DIR, 'r', 'logquad.R');
  const run = spawnSync(rscript, ['--vanilla', script, lib, String(R_TARGETS), String(R_REPS)], { encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) return { skipped: `bench/r/logquad.R failed: ${(run.stderr || run.error?.message || '').trim().split('\n').slice(-3).join(' ')}` };
  const out = new Map(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const i = line.indexOf(' ');
        return [line.slice(0, i), line.slice(i + 1)] as [string, string];
      }),
  );
  const num = (key: string) => Number(out.get(key));
  if (!(num('us_best') > 0)) return { skipped: `bench/r/logquad.R printed no timing: ${run.stdout.trim().split('\n')[0] ?? ''}` };
  const f: RFigures = {
    usBest: num('us_best'),
    usMedian: num('us_median'),
    reps: num('reps'),
    targets: num('targets'),
    mortcast: out.get('mortcast') ?? '?',
    r: out.get('r') ?? '?',
  };
  if (Number.isFinite(num('worst')) && num('checked') > 0) {
    f.worst = num('worst');
    f.checked = num('checked');
  }
  return f;
}

const mortcast: BenchCase = {
  name: 'R MortCast logquad() (Rscript, bench/r/logquad.R)',
  external: () => {
    const r = runMortCast();
    if ('skipped' in r) return r;
    rFigures = r;
    return {
      microseconds: r.usMedian,
      minMicroseconds: r.usBest,
      note: `µs per target: ${r.reps} calls of ${r.targets.toLocaleString('en-US')} targets each; MortCast ${r.mortcast}, ${r.r}; MortCast's own bisection tolerance`,
    };
  },
  check: () =>
    rFigures?.worst === undefined
      ? undefined
      : { ok: true, message: `max |e0 − target| = ${rFigures.worst.toExponential(1)} years over ${rFigures.checked} of its answers (MortCast life.table)` },
};

const hazardCore: BenchCase = {
  name: "solveLifeTableForE0, proportional hazards on 'china-2015' (table cached)",
  opsPerCall: TARGETS,
  run: () => {
    const s = hazardStats;
    for (let i = 0; i < TARGETS; i++) {
      const t = targets[i]!;
      const r = solveLifeTableForE0(t, hazardSpecs[sexOf(i)], hazardTable);
      if (r.status !== 'reachable') s.misses++;
      s.evaluations += r.iterations;
      const err = Math.abs(hazardTable.ex[0]! - t);
      if (err > s.worst) s.worst = err;
    }
    s.targets += TARGETS;
  },
  check: checkOf(hazardStats),
};

/** The same baseline as a fresh user array each call: no table, a bracketed secant from the θ bounds. */
const userStats = stats();
const hazardUser: BenchCase = {
  name: 'mxForE0, proportional hazards on a user baseline array (no table)',
  opsPerCall: 100,
  run: () => {
    const s = userStats;
    for (let i = 0; i < 100; i++) {
      const t = targets[i * 10]!;
      const sex = sexOf(i);
      const r = mxForE0(t, { sex, model: { baseline: CHINA_2015_MX[sex] } });
      if (r.status !== 'reachable') s.misses++;
      else {
        s.evaluations += r.iterations;
        const err = Math.abs(r.achieved - t);
        if (err > s.worst) s.worst = err;
      }
    }
    s.targets += 100;
  },
  check: checkOf(userStats),
};

export const groups: BenchGroup[] = [
  {
    title: 'mx for a target e0, log-quadratic: vs R MortCast logquad() (60–85 years, both sexes)',
    cases: [{ ...mortcast, baseline: true }, publicApi, core],
  },
  {
    title: 'mx for a target e0, log-quadratic (60–85 years, both sexes, 1e-8 years)',
    cases: [{ ...core, baseline: true }, publicApi, floor, build],
  },
  {
    title: 'mx for a target e0, proportional hazards (60–85 years, both sexes, 1e-8 years)',
    cases: [hazardCore, hazardUser],
  },
];
