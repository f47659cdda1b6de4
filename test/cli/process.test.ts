import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARTS_HINT } from '../../src/cli/output.js';
import { MAX_DEPTH } from '../../src/validate/schemas.js';
import { TEMPLATES, tempDir, writeTemp, yingkouFiles } from './helpers.js';

// The command as a person runs it: a child process (`node --import tsx src/cli/main.ts …`), its
// exit code, stdout and stderr. User errors of every kind exit 2 with a plain message naming the
// problem and no stack trace; an internal error exits 1 with the stack.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const node = (args: string[], preload: string[] = []) => ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'src/cli/main.ts', ...args];

function ccmpp(args: string[], preload: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      node(args, preload),
      // A child that hangs (a bug) is killed after the test's own timeout has failed it: clean-up only,
      // no assertion on time. Up to 64 MB of output, so that a flood is measured, not cut.
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 125_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/**
 * The command with a reader that closes the pipe before reading anything (`ccmpp … | head -0`):
 * every write to stdout fails with EPIPE. Its exit code and stderr.
 */
function ccmppIntoClosedPipe(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, node(args), { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** A user error: exit 2, the message on stderr, no stack trace, nothing on stdout. */
function expectUserError(r: Run, ...parts: (string | RegExp)[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const p of parts) expect(r.stderr).toMatch(p);
}

const base = ['--base', TEMPLATES.population, '--year', '2015'];

// Each child compiles the sources with tsx: allow for a loaded CI machine.
describe.concurrent('ccmpp as a child process', { timeout: 120_000 }, () => {
  it('a missing file: exit 2, the file named', async () => {
    expectUserError(await ccmpp(['project', 'no/such/scenario.json', ...base, '--until', '2030']), 'ccmpp: scenario file not found: no/such/scenario.json');
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, '--base', 'missing.csv', '--year', '2015', '--until', '2030']), 'population file not found: missing.csv');
    expectUserError(await ccmpp(['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--uncertainty', 'nope.json']), 'uncertainty file not found: nope.json');
  });

  it('bad JSON: exit 2, the line, the column and what was expected there', async () => {
    const f = writeTemp({ 'broken.json': '{\n  "fertility": { "tfr": 1.2, },\n  "mortality": { "e0": 80 }\n}\n' });
    const r = await ccmpp(['project', f['broken.json']!, ...base, '--until', '2030']);
    expectUserError(r, `${f['broken.json']}:2:30: invalid JSON: expected another property after the comma (JSON allows no trailing comma), got "}"`);
    // The line itself, indented by 2, and a caret under column 30.
    expect(r.stderr).toContain(`\n    "fertility": { "tfr": 1.2, },\n${' '.repeat(2 + 29)}^\n`);
  });

  it('deeply nested JSON (100,000 levels): exit 2, a plain message with the place, no stack', async () => {
    const f = writeTemp({ 'deep.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deepu.json': `${'{"tfr":'.repeat(100_000)}1${'}'.repeat(100_000)}` });
    expectUserError(await ccmpp(['project', f['deep.json']!, ...base, '--until', '2030']), `ccmpp: ${f['deep.json']}:1:${MAX_DEPTH + 2}: invalid JSON: expected data nested at most ${MAX_DEPTH} levels deep, got a "[" ${MAX_DEPTH + 1} levels deep`);
    expectUserError(await ccmpp(['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--uncertainty', f['deepu.json']!]), `ccmpp: ${f['deepu.json']}:1:${7 * (MAX_DEPTH + 1) + 1}: invalid JSON: expected data nested at most ${MAX_DEPTH} levels deep, got a "{"`);
  });

  it('a long one-line JSON with a trailing comma: the message quotes ~80 characters around it', async () => {
    // 10 MB: under the input-file limit (16 MiB), so that the JSON is read and its error placed.
    const text = `{"fertility":{"tfr":1.2,"pattern":"china-2015","pad":[${'1,'.repeat(5_000_000)}1],}}`;
    const f = writeTemp({ 'big.json': text, 'huge.json': text.replace('"pad":[', `"pad":[${'1,'.repeat(5_000_000)}`) });
    const r = await ccmpp(['project', f['big.json']!, ...base, '--until', '2030']);
    expect(r.stderr.length).toBeLessThan(500); // first: a failure must not print 20 MB
    expectUserError(r, `ccmpp: ${f['big.json']}:1:${text.length - 1}: invalid JSON: expected another property after the comma (JSON allows no trailing comma), got "}"\n  …${text.slice(-42)}\n${' '.repeat(2 + 41)}^\n`);
    // 20 MB, the case: a short message too.
    const huge = await ccmpp(['project', f['huge.json']!, ...base, '--until', '2030']);
    expect(huge.stderr.length).toBeLessThan(500);
    expectUserError(huge, `ccmpp: `);
  });

  it('schema violations: exit 2, every problem with its path', async () => {
    const s = { fertility: { tfr: { 2015: 1.2, 2030: -1 }, pattern: 'china-2015' }, mortality: { e0: 'eighty' }, migration: { netPerYear: 100, timing: 'start' } };
    const f = writeTemp({ 'bad.json': JSON.stringify(s) });
    expectUserError(
      await ccmpp(['project', f['bad.json']!, ...base, '--until', '2030']),
      `ccmpp: ${f['bad.json']}: invalid scenario:`,
      '  fertility.tfr.2030: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -1',
      /  mortality\.e0: expected .*, got "eighty"/,
      `  migration.timing: expected 'even' or 'end', got "start"`,
    );
  });

  it('a bad CSV line: exit 2, its line number and column', async () => {
    const csv = readFileSync(TEMPLATES.population, 'utf8').replace('15-19,29229,33091', '15-19,29229,33O91');
    const f = writeTemp({ 'pop.csv': csv });
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, '--base', f['pop.csv']!, '--year', '2015', '--until', '2030']), `${f['pop.csv']}, line 5, male: expected a finite number >= 0 (persons), got "33O91"`);
    const g = writeTemp({ 'gap.csv': 'age,female,male\n0-4,10,10\n10-14,10,10\n15+,5,5\n' });
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, '--base', g['gap.csv']!, '--year', '2015', '--until', '2030']), `${g['gap.csv']}, line 3, age: expected the group 5-9 or 5+`);
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, '--base', TEMPLATES.population, '--until', '2030']), '--year: expected the base year of data/templates/population.csv');
  });

  it('targets that cannot be posed: exit 2; a target out of reach is an answer: exit 0', async () => {
    const solve = ['solve', 'migration', TEMPLATES.scenario, ...base];
    expectUserError(await ccmpp([...solve, '--target', '2032:1100000']), '--target: expected a year after the base year 2015 by a multiple of 5 (e.g. 2030), got 2032');
    expectUserError(await ccmpp([...solve, '--target', '2010:1100000']), 'got 2010');
    expectUserError(await ccmpp([...solve, '--target', '2030:0']), '--target: expected a population > 0, got 0');
    expectUserError(await ccmpp([...solve, '--target', '2.6 million']), '--target: expected year:population, e.g. 2030:2600000, got "2.6 million"');
    const out = await ccmpp(['solve', 'tfr', TEMPLATES.scenario, ...base, '--target', '2030:5000000']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/Fertility alone cannot reach 5,000,000 in 2030: the most, a TFR of 8\.00 in 2030, gives [\d,]+\./);
  });

  it('usage errors: exit 2 with commander’s message and a pointer to --help', async () => {
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--format', 'xml']), "option '--format <format>' argument 'xml' is invalid", '(run with --help for usage and examples)');
    expectUserError(await ccmpp(['projetc']), "unknown command 'projetc'");
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', 'soon']), '--until: expected an integer year, got "soon"');
    expectUserError(await ccmpp(['solve', 'births', TEMPLATES.scenario, ...base, '--target', '2030:1']), "argument value 'births' is invalid for argument 'what'. Allowed choices are migration, tfr.");
  });

  it('a bad migration option: exit 2 with the library’s rule and the option named', async () => {
    expectUserError(
      await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--out-rate', '1.5']),
      `ccmpp: --out-rate 1.5: invalid migration for ${TEMPLATES.scenario}:\n  migration.outRate: expected a rate a year in [0, 1), got 1.5`,
    );
    const ok = await ccmpp(['project', 'data/templates/shrinking-town.json', ...base, '--until', '2030', '--net-per-year', '-2000']);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('an internal error: exit 1 with the stack, to be reported', async () => {
    const r = await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030'], ['./test/cli/fixtures/internalFault.mjs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ccmpp: internal error (please report it):\nTypeError: simulated internal fault\n    at ');
  });

  it('--help: exit 0, with examples', async () => {
    for (const cmd of [[], ['project'], ['solve'], ['simulate'], ['base'], ['compare'], ['yingkou'], ['schema']]) {
      const r = await ccmpp([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n {2}\$ ccmpp /);
    }
  });

  it('--out writes the files; a pipe gets no progress bar', async () => {
    const dir = join(tempDir(), 'results');
    const r = await ccmpp(['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--trajectories', '3000', '--seed', '3', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\x1b['); // no terminal control codes: stderr is not a TTY here
    expect(r.stderr).toContain(`ccmpp: wrote ${join(dir, 'report.html')}`);
    expect(r.stderr).not.toContain(CHARTS_HINT); // vega is installed here: the charts are drawn
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<svg');
    for (const f of ['simulation.json', 'simulation.csv', 'report.html']) expect(existsSync(join(dir, f))).toBe(true);
  });

  it('without vega and vega-lite (optional peers): every file still written, report.html without charts, the hint once, exit 0', async () => {
    const dir = join(tempDir(), 'results');
    const r = await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--out', dir], ['./test/cli/fixtures/withoutCharts.mjs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Projection of /);
    expect(r.stderr.split(CHARTS_HINT).length - 1).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(readFileSync(join(dir, 'projection.json'), 'utf8')).format).toBe('ccmpp.project/1');
    for (const f of ['indicators.csv', 'population.csv']) expect(readFileSync(join(dir, f), 'utf8')).toMatch(/^\w+(,\w+)+\n/);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toContain('<svg');
    expect(html).toContain('Charts left out (Total population; Population pyramid): ccmpp draws them with vega and vega-lite, which are not installed here (npm install vega vega-lite).');
    expect(html).toContain('<table');
  });

  it('stdout closed by its reader (EPIPE): a quiet end, exit 0, and the --out files written whole', async () => {
    const dir = join(tempDir(), 'results');
    // ~150 kB of CSV: more than a pipe holds, so that the writes meet the closed pipe.
    const r = await ccmppIntoClosedPipe(['project', TEMPLATES.scenario, ...base, '--until', '2515', '--format', 'csv', '--table', 'population', '--out', dir]);
    expect(r.stderr).not.toMatch(/\n\s+at |EPIPE|Error/);
    expect([r.code, r.signal]).toEqual([0, null]);
    const names = ['projection.json', 'indicators.csv', 'population.csv', 'report.html'];
    expect(readdirSync(dir).sort()).toEqual([...names].sort()); // no temporary file left
    expect(JSON.parse(readFileSync(join(dir, 'projection.json'), 'utf8')).years.at(-1)).toBe(2515);
    const csv = readFileSync(join(dir, 'population.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 101 * 2 * 21);
    expect(readFileSync(join(dir, 'report.html'), 'utf8').trimEnd()).toMatch(/<\/html>$/);
  });

  it.skipIf(!existsSync('/dev/full'))('stdout that cannot be written (a full disk): exit 2 with the reason, no stack', async () => {
    const full = openSync('/dev/full', 'w');
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, node(['project', TEMPLATES.scenario, ...base, '--until', '2030']), { stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    closeSync(full);
    expect(r).toEqual({ code: 2, stderr: 'ccmpp: cannot write to stdout: ENOSPC: no space left on device, write\n' });
  });

  it('--out that cannot be made: exit 2 at once with the directory and the reason, before any work', async () => {
    // procfs answers ENOENT to mkdir under /proc, where mkdir(…, { recursive: true }) loops forever.
    if (existsSync('/proc/self')) expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--out', '/proc/ccmpp']), 'ccmpp: --out /proc/ccmpp: cannot create the directory /proc/ccmpp (the file system refuses to create it here, ENOENT)');
    const f = writeTemp({ 'file.txt': 'not a directory' });
    const under = join(f['file.txt']!, 'results');
    // A simulation too long to finish within the test's timeout if it ran first: the check comes before it.
    expectUserError(await ccmpp(['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--trajectories', '100000000', '--out', under]), `ccmpp: --out ${under}: ${f['file.txt']} exists and is not a directory`);
  });

  // How long it takes is measured in bench/, not asserted here.
  it('the Yingkou report runs with no arguments but its name', async () => {
    const r = await ccmpp(['yingkou']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Yingkou Population Development Plan 2016–2030: is 2.6 million reachable?');
    const f = yingkouFiles();
    const s = await ccmpp(['solve', 'migration', f.plan, '--base', f.base, '--target', '2030:2600000']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/^A constant net migration of \+[\d,]+ persons a year from 2015 to 2030 reaches 2,600,000 in 2030/m);
  });
});
