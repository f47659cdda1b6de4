/**
 * Runs every bench/*.bench.ts in one process and prints one table (see bench/harness.ts).
 *
 *   npm run bench                       all groups
 *   npm run bench -- kernel             only groups/cases whose title/name contains "kernel"
 *   npm run bench -- --json out.json    also write the results as JSON
 *   npm run bench -- --time 2000        measuring time per case in ms (default 500)
 *
 * How it runs (issue 12: the bench measures what users get): `npm run bench` builds the package
 * (`tsup` → dist/), then the bench itself (`tsup --config bench/tsup.config.ts` → bench/.build/js/),
 * then runs `node bench/.build/js/run.js` — plain Node, no TypeScript loader in the process. The
 * bench files import the public API from the library entries' sources ('../src/index.js',
 * '../src/parallel.js', '../src/leslie.js'), which the bench build turns into `ccmpp`,
 * `ccmpp/parallel`, `ccmpp/leslie`: Node resolves them through the package's `exports` to dist/, the
 * built package, as a user's import does (`simulateParallel` runs dist/stochastic-worker.js). The
 * unchecked cores that the package does not export (bench/internals.ts) are bundled into the bench
 * from source by the same esbuild, target node20.
 * Before measuring, a child process loads the same bench files and runs each case once under V8's
 * --trace-protector-invalidation: the header says whether anything detached an ArrayBuffer (which
 * slows every typed-array loop of the process; tsx's loading of mathjs did, and issue 12 found the
 * kernel step 1.6× slower under tsx than in a user's process). Run from source (`tsx bench/run.ts`) the same
 * table comes out with a warning in its header.
 *
 * Each measured case: a calibration pass (which also warms it up), then tinybench with its own
 * warm-up and a time budget. Calls are batched so that one sample lasts at least SAMPLE_MS, far above
 * the timer's resolution and call cost; a sample is the mean time per call within its batch.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import type { BenchCase, BenchGroup } from './harness.js';

/** Default measuring time per case (ms): about 0.7 s per case with calibration and warm-up. */
const DEFAULT_TIME_MS = 500;
/** Warm-up by tinybench after calibration (ms). */
const WARMUP_MS = 100;
/** Calibration: calls for this long (ms) to estimate the cost of one call. */
const CALIBRATE_MS = 50;
/** Shortest sample (ms): calls are batched up to this, so timer cost and resolution do not matter. */
const SAMPLE_MS = 1;
/** Fewest samples per case; slow cases (a call over a tenth of the budget) take fewer. */
const MIN_SAMPLES = 10;
const MIN_SAMPLES_SLOW = 3;

const USAGE = 'usage: npm run bench -- [filter] [--json <file>] [--time <ms>]';

/** This file's own form: bundled JavaScript (npm run bench) or TypeScript source run by a loader. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const BENCH_SUFFIX = FROM_SOURCE ? '.bench.ts' : '.bench.js';
/** Internal: the child that runs each case once under --trace-protector-invalidation. */
const PROTECTOR_CHECK = '--protector-check';
const CASE_MARK = '@@case ';

interface Row {
  group: string;
  case: string;
  kind: 'measured' | 'external' | 'skipped' | 'error' | 'warning';
  /** Headline figure: median µs per operation (measured), or the external figure. */
  microseconds?: number;
  /** Fastest sample (measured cases): comparable with a best-of-N external figure. */
  minMicroseconds?: number;
  meanMicroseconds?: number;
  /** Relative margin of error of the mean, % (95 %). */
  rmePercent?: number;
  samples?: number;
  /** Operations per sample (calls per batch × ops per call). */
  opsPerSample?: number;
  ratio?: number;
  /** Fastest against fastest: the case's min / the baseline's min. */
  minRatio?: number;
  baseline?: boolean;
  goal?: string;
  note?: string;
}

interface Measured {
  medianUs: number;
  minUs: number;
  meanUs: number;
  rmePercent: number;
  samples: number;
  opsPerSample: number;
  group: string;
}

function parseOptions(): { filter: string | undefined; json: string | undefined; timeMs: number; protectorCheck: boolean } {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        time: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        [PROTECTOR_CHECK.slice(2)]: { type: 'boolean' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const timeMs = values.time === undefined ? DEFAULT_TIME_MS : Number(values.time);
    if (!(timeMs > 0)) throw new Error(`--time: expected a number of milliseconds > 0, got ${values.time}`);
    if (positionals.length > 1) throw new Error(`expected at most one filter, got ${positionals.join(' ')}`);
    return { filter: positionals[0]?.toLowerCase(), json: values.json, timeMs, protectorCheck: values[PROTECTOR_CHECK.slice(2)] === true };
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}

/** Loads the bench files next to this one in name order; a file that fails to load becomes an error row. */
async function loadGroups(rows: Row[]): Promise<BenchGroup[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(BENCH_SUFFIX))
    .sort();
  const groups: BenchGroup[] = [];
  for (const file of files) {
    try {
      const mod = (await import(pathToFileURL(`${dir}/${file}`).href)) as { groups?: BenchGroup[] };
      if (!Array.isArray(mod.groups)) throw new Error('expected an exported `groups: BenchGroup[]`');
      groups.push(...mod.groups);
    } catch (e) {
      rows.push({ group: file, case: '(load)', kind: 'error', note: `failed to load: ${(e as Error).message}` });
    }
  }
  return groups;
}

/** Cases of a group that pass the filter; the baseline stays whenever any case is selected. */
function selectCases(group: BenchGroup, filter: string | undefined): BenchCase[] {
  if (!filter || group.title.toLowerCase().includes(filter)) return group.cases;
  const hit = group.cases.filter((c) => c.name.toLowerCase().includes(filter));
  if (hit.length === 0) return [];
  return group.cases.filter((c) => hit.includes(c) || c.baseline);
}

let loopId = 0;
/**
 * A batch loop compiled separately for each case, so that its call site `run()` sees one function
 * only (monomorphic, inlinable) instead of every case's (megamorphic). The comment makes the source
 * unique, so V8 cannot share the compiled function between cases.
 */
function batchLoop(): (run: () => void, n: number) => void {
  loopId += 1;
  return new Function('run', 'n', `// bench batch loop ${loopId}\nfor (let i = 0; i < n; i++) run();`) as (run: () => void, n: number) => void;
}

async function measure(c: BenchCase & { run: () => void }, timeMs: number): Promise<Omit<Measured, 'group'>> {
  const run = c.run;
  const loop = batchLoop();
  const now = () => performance.now();
  // Calibration (and the first warm-up): the cost of one call once warm.
  let t0 = now();
  let calls = 0;
  do {
    loop(run, 1);
    calls++;
  } while (now() - t0 < CALIBRATE_MS);
  const again = Math.max(1, Math.ceil(calls / 2));
  t0 = now();
  loop(run, again);
  const perCallMs = Math.max((now() - t0) / again, 1e-6);
  const batch = Math.max(1, Math.ceil(SAMPLE_MS / perCallMs));
  const slow = perCallMs * batch > timeMs / MIN_SAMPLES;

  const bench = new Bench({
    time: timeMs,
    iterations: slow ? MIN_SAMPLES_SLOW : MIN_SAMPLES,
    warmupTime: WARMUP_MS,
    warmupIterations: 1,
    timestampProvider: 'hrtimeNow',
    throws: true,
  });
  bench.add(
    c.name,
    () => {
      const start = bench.now();
      loop(run, batch);
      const elapsed = bench.now() - start;
      return { overriddenDuration: elapsed / batch, overriddenIterationCost: elapsed };
    },
    { async: false },
  );
  await bench.run();
  const result = bench.tasks[0]!.result;
  if (result.state !== 'completed') throw new Error(`tinybench ended in state ${result.state}`);
  const ops = c.opsPerCall ?? 1;
  const { latency } = result;
  return {
    medianUs: (latency.p50 * 1000) / ops,
    minUs: (latency.min * 1000) / ops,
    meanUs: (latency.mean * 1000) / ops,
    rmePercent: latency.rme,
    samples: latency.samplesCount,
    opsPerSample: batch * ops,
  };
}

async function runGroup(group: BenchGroup, cases: BenchCase[], timeMs: number, cache: Map<() => void, Measured>): Promise<Row[]> {
  const rows: Row[] = [];
  const checks: Row[] = [];
  for (const c of cases) {
    const row: Row = { group: group.title, case: c.name, kind: 'measured' };
    if (c.baseline) row.baseline = true;
    if (c.goal) row.goal = c.goal;
    try {
      if (c.external) {
        process.stderr.write(`  running   ${group.title} › ${c.name}\n`);
        const r = c.external();
        if ('skipped' in r) {
          row.kind = 'skipped';
          row.note = `skipped: ${r.skipped}`;
        } else {
          row.kind = 'external';
          row.microseconds = r.microseconds;
          if (r.minMicroseconds !== undefined) row.minMicroseconds = r.minMicroseconds;
          row.note = r.note ? `measured outside tinybench: ${r.note}` : 'measured outside tinybench';
        }
      } else if (c.run) {
        let m = cache.get(c.run);
        if (m) {
          row.note = 'same measurement as above';
        } else {
          process.stderr.write(`  measuring ${group.title} › ${c.name}\n`);
          m = { ...(await measure({ ...c, run: c.run }, timeMs)), group: group.title };
          cache.set(c.run, m);
        }
        Object.assign(row, { microseconds: m.medianUs, minMicroseconds: m.minUs, meanMicroseconds: m.meanUs, rmePercent: m.rmePercent, samples: m.samples, opsPerSample: m.opsPerSample });
      } else {
        row.kind = 'error';
        row.note = 'expected run or external';
      }
    } catch (e) {
      row.kind = 'error';
      row.note = `error: ${(e as Error).message}`;
    }
    rows.push(row);
    if (c.check && (row.kind === 'measured' || row.kind === 'external')) {
      let r: { ok: boolean; message: string } | undefined;
      try {
        r = c.check();
      } catch (e) {
        r = { ok: false, message: `check failed: ${(e as Error).message}` };
      }
      if (r && !r.ok) checks.push({ group: group.title, case: `WARNING (${c.name})`, kind: 'warning', note: r.message });
      else if (r) row.note = row.note ? `${row.note}; ${r.message}` : r.message;
    }
  }
  const base = rows.find((r) => r.baseline && r.microseconds !== undefined);
  for (const r of rows) if (base && r.microseconds !== undefined) r.ratio = r.microseconds / base.microseconds!;
  for (const r of rows) if (base?.minMicroseconds !== undefined && r.minMicroseconds !== undefined) r.minRatio = r.minMicroseconds / base.minMicroseconds;
  if (!base && rows.some((r) => r.baseline)) {
    for (const r of rows) if (r.baseline) r.note = `${r.note ? `${r.note}; ` : ''}no baseline figure: no ratios in this group`;
  }
  return [...rows, ...checks];
}

// ---------------------------------------------------------------------------------------------
// Formatting.

function fmtUs(us: number | undefined): string {
  if (us === undefined || !Number.isFinite(us)) return '';
  if (us >= 1000) return Math.round(us).toLocaleString('en-US');
  if (us >= 100) return us.toFixed(0);
  return us.toPrecision(3);
}

function fmtRatio(r: number | undefined): string {
  if (r === undefined || !Number.isFinite(r)) return '';
  if (r >= 100) return `${Math.round(r).toLocaleString('en-US')}×`;
  return `${r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

function printTable(rows: Row[]): void {
  const header = ['group', 'case', 'µs/op (median)', 'min', 'mean ± rme', 'ratio', 'ratio (min)', 'goal', 'note'];
  const cells = rows.map((r, i) => {
    const firstOfGroup = i === 0 || rows[i - 1]!.group !== r.group;
    const mean = r.meanMicroseconds === undefined ? '' : `${fmtUs(r.meanMicroseconds)} ± ${r.rmePercent!.toFixed(1)}%`;
    const label = r.baseline ? `${r.case} [baseline]` : r.case;
    const samples = r.samples === undefined ? '' : `${r.samples} samples × ${r.opsPerSample!.toLocaleString('en-US')} ops`;
    const note = [samples, r.note].filter(Boolean).join('; ');
    return [firstOfGroup ? r.group : '', label, fmtUs(r.microseconds), fmtUs(r.minMicroseconds), mean, fmtRatio(r.ratio), fmtRatio(r.minRatio), r.goal ?? '', note];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...cells.map((c) => c[j]!.length)));
  const right = new Set([2, 3, 4, 5, 6]);
  const line = (c: string[]) =>
    c
      .map((s, j) => (j === c.length - 1 ? s : right.has(j) ? s.padStart(widths[j]!) : s.padEnd(widths[j]!)))
      .join(' | ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w, j) => '-'.repeat(j === widths.length - 1 ? Math.min(w, 40) : w)).join('-|-'));
  cells.forEach((c, i) => {
    if (i > 0 && c[0] !== '') console.log('');
    console.log(line(c));
  });
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// The ArrayBufferDetaching check: V8 keeps typed-array accesses in optimised code free of detach
// checks until the process detaches an ArrayBuffer once (a transfer, ArrayBuffer.prototype.transfer,
// a loader's internals); from then on, every such access pays. A child loads the same bench files
// and runs each selected case once with --trace-protector-invalidation; V8 prints a line where the
// protector falls, after the marker of the case (or load) that did it.

/** In the child: runs each selected case once, printing a marker before each. */
async function protectorCheckChild(filter: string | undefined): Promise<void> {
  console.log(`${CASE_MARK}(loading the bench files)`);
  const groups = await loadGroups([]);
  const seen = new Set<() => void>();
  for (const g of groups) {
    for (const c of selectCases(g, filter)) {
      if (!c.run || seen.has(c.run)) continue;
      seen.add(c.run);
      console.log(`${CASE_MARK}${g.title} › ${c.name}`);
      c.run();
    }
  }
  console.log(`${CASE_MARK}(done)`);
}

/** Where the protector fell (loading or a case): none when intact; an error when the check could not run. */
function protectorCheck(filter: string | undefined): { culprits: string[]; error?: string } {
  const args = [...process.execArgv, '--trace-protector-invalidation', fileURLToPath(import.meta.url), PROTECTOR_CHECK, ...(filter ? [filter] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 300_000 });
  const lines = (r.stdout ?? '').split('\n');
  if (r.status !== 0 || !lines.includes(`${CASE_MARK}(done)`)) {
    return { culprits: [], error: `the check's child failed: ${(r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-2).join(' ')}` };
  }
  const culprits: string[] = [];
  let current = '(start-up)';
  for (const line of lines) {
    if (line.startsWith(CASE_MARK)) current = line.slice(CASE_MARK.length);
    else if (line.includes('Invalidating protector cell ArrayBufferDetaching') && !culprits.includes(current)) culprits.push(current);
  }
  return { culprits };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.protectorCheck) {
    await protectorCheckChild(options.filter);
    return;
  }
  const m = machine();
  console.log(`ccmpp benchmarks · ${m.date}`);
  console.log(`machine: ${m.cpu}, ${m.cores} logical cores, ${m.memoryGB} GB · node ${m.node} (V8 ${m.v8}) · ${m.platform}`);
  console.log(
    FROM_SOURCE
      ? `WARNING: running from TypeScript source through a loader (${process.execArgv.join(' ') || 'none'}), not the built package: use npm run bench`
      : `process: plain node${process.execArgv.length ? ` ${process.execArgv.join(' ')}` : ''}, the built package (ccmpp, ccmpp/parallel, ccmpp/leslie → dist/); unexported cores bundled from source (bench/internals.ts)`,
  );
  const protector = protectorCheck(options.filter);
  const protectorRows: Row[] = [];
  if (protector.error) {
    console.log(`ArrayBufferDetaching protector: not checked (${protector.error})`);
    protectorRows.push({ group: 'process', case: 'WARNING (ArrayBufferDetaching protector)', kind: 'warning', note: `not checked: ${protector.error}` });
  } else if (protector.culprits.length === 0) {
    console.log('ArrayBufferDetaching protector: intact after loading the bench files and running each case once (child with --trace-protector-invalidation)');
  } else {
    const where = protector.culprits.join('; ');
    console.log(`ArrayBufferDetaching protector: INVALIDATED by ${where}: every later typed-array loop of such a process pays detach checks`);
    protectorRows.push({ group: 'process', case: 'WARNING (ArrayBufferDetaching protector)', kind: 'warning', note: `invalidated by ${where}` });
  }
  console.log(
    `µs per operation: median and fastest of the tinybench samples (a sample is the mean of a batch of calls lasting ≥ ${SAMPLE_MS} ms), ` +
      `mean ± relative margin of error (95 %); external cases: median and fastest of their own repetitions (see note)`,
  );
  console.log(
    `ratio = the case's median / the group's baseline median; ratio (min) = fastest / fastest (steadier on a busy machine) · ${options.timeMs} ms per case${options.filter ? ` · filter "${options.filter}"` : ''}`,
  );
  console.log('');

  const rows: Row[] = [...protectorRows];
  const groups = await loadGroups(rows);
  const cache = new Map<() => void, Measured>();
  const started = performance.now();
  for (const g of groups) {
    const cases = selectCases(g, options.filter);
    if (cases.length) rows.push(...(await runGroup(g, cases, options.timeMs, cache)));
  }
  if (rows.length === protectorRows.length) {
    console.log(options.filter ? `no group or case matches "${options.filter}"` : 'no benchmarks found');
    return;
  }
  printTable(rows);
  const warnings = rows.filter((r) => r.kind === 'warning' || r.kind === 'error').length;
  console.log('');
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s${warnings ? ` · ${warnings} warning/error row(s): read them before trusting the figures` : ''}`);
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ machine: m, fromSource: FROM_SOURCE, protector, timeMsPerCase: options.timeMs, filter: options.filter ?? null, rows }, null, 2)}\n`);
    console.log(`results written to ${options.json}`);
  }
}

await main();
