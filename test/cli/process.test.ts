import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHARTS_HINT } from '../../src/cli/output.js';
import { TEMPLATES, tempDir, writeTemp, yingkouFiles } from './helpers.js';

// The command as a person runs it: a child process (`node --import tsx src/cli/main.ts …`), its
// exit code, stdout and stderr. User errors of every kind exit 2 with a plain message naming the
// problem and no stack trace; an internal error exits 1 with the stack.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ccmpp(args: string[], preload: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'src/cli/main.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
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

  it('schema violations: exit 2, every problem with its path', async () => {
    const s = { fertility: { tfr: { 2015: 1.2, 2030: -1 }, pattern: 'china-2015' }, mortality: { e0: 'eighty' }, migration: { netPerYear: 100, timing: 'start' } };
    const f = writeTemp({ 'bad.json': JSON.stringify(s) });
    expectUserError(
      await ccmpp(['project', f['bad.json']!, ...base, '--until', '2030']),
      `ccmpp: ${f['bad.json']}: invalid scenario:`,
      '  fertility.tfr.2030: expected a finite number >= 0, got -1',
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
    for (const cmd of [[], ['project'], ['solve'], ['simulate'], ['yingkou'], ['schema']]) {
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
