import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ageGroupLabels, parseAgeGroupLabel } from '../../src/ages/grid.js';
import { graduate } from '../../src/base/graduate.js';
import { gridOptions, parseWidth, readPopulation } from '../../src/cli/inputs.js';
import { parsePopulationCsv } from '../../src/cli/populationCsv.js';
import { projectOutputSchema, simulateOutputSchema, solveOutputSchema } from '../../src/cli/outputSchemas.js';
import { FAN_LEVELS } from '../../src/report/fan.js';
import { project } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { simulate } from '../../src/stochastic/simulate.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { validate } from './miniJsonSchema.js';
import { messageOf, TEMPLATES, writeTemp } from './helpers.js';

// The command at width 1 (single years of age, annual steps, UN WPP 2022 conventions): `--width 1|5`
// and `--graduation` on project, solve and simulate, base populations by single years of age, and
// the outputs labelled by the grid. The command runs as a person runs it (a child process, as in
// process.test.ts), and its numbers are those of the library called directly.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ccmpp(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      // A child that hangs (a bug) is killed after the test's own timeout has failed it: clean-up only.
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024, timeout: 125_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** A run that succeeded: exit 0, its stdout. */
function ok(r: Run): string {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** A user error: exit 2, the message on stderr, no stack trace, nothing on stdout. */
function expectUserError(r: Run, ...parts: string[]): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  for (const p of parts) expect(r.stderr).toContain(p);
}


const templateScenario = (): Scenario => {
  const { $schema: _, ...s } = JSON.parse(readFileSync(TEMPLATES.scenario, 'utf8')) as Record<string, unknown>;
  return s as unknown as Scenario;
};
const fiveYearBase = () => readPopulation(TEMPLATES.population, 2015);
const base = ['--base', TEMPLATES.population, '--year', '2015'];
const YEARS_2015_2030 = Array.from({ length: 16 }, (_, k) => 2015 + k);

/** The template population graduated to single years 0, …, 84, 85+ (monotone: no negative age), as a CSV and as numbers. */
async function singleYearBase(): Promise<{ csv: string; female: number[]; male: number[] }> {
  const b = await fiveYearBase();
  const female = Array.from(graduate(b.female, { method: 'monotone' }));
  const male = Array.from(graduate(b.male, { method: 'monotone' }));
  const open = female.length - 1;
  // String(x) is the shortest text that reads back as x: the CLI gets exactly these numbers.
  const rows = female.map((f, a) => `${a === open ? `${a}+` : a},${f},${male[a]}`);
  return { csv: `age,female,male\n${rows.join('\n')}\n`, female, male };
}

describe('single-year labels and options', () => {
  it('parseAgeGroupLabel reads a single year, and a 5-year group and an open group as before', () => {
    expect(parseAgeGroupLabel('17')).toEqual({ start: 17, open: false, width: 1 });
    expect(parseAgeGroupLabel(' 0 ')).toEqual({ start: 0, open: false, width: 1 });
    expect(parseAgeGroupLabel('100+')).toEqual({ start: 100, open: true });
    expect(parseAgeGroupLabel('15-19')).toEqual({ start: 15, open: false });
    expect(parseAgeGroupLabel('17.5')).toBeUndefined();
    expect(parseAgeGroupLabel('-1')).toBeUndefined();
  });

  it('a CSV by single years of age is read at width 1, labelled 0, 1, …, the last open', () => {
    const csv = 'age,female,male\n0,10,11\n1,12,13\n2,14,15\n3+,16,17\n';
    expect(parsePopulationCsv(csv, 'p.csv', 2015)).toEqual({ year: 2015, female: [10, 12, 14, 16], male: [11, 13, 15, 17], width: 1, ageGroups: ['0', '1', '2', '3+'] });
    expect(parsePopulationCsv('age,female,male\n0-4,1,1\n5+,1,1\n', 'p.csv', 2015).width).toBe(5);
  });

  it('a CSV that mixes single years and 5-year groups is an error naming the row, either way round', () => {
    const at = (csv: string) => messageOf(() => parsePopulationCsv(csv, 'p.csv', 2015));
    expect(at('age,female,male\n0,1,1\n1,1,1\n2-6,1,1\n7+,1,1\n')).toBe(
      'p.csv, line 4, age: expected the age 2 or 2+ (single years of age, as from line 2: not mixed with 5-year groups), got "2-6"',
    );
    expect(at('age,female,male\n0-4,1,1\n5,1,1\n6+,1,1\n')).toBe('p.csv, line 3, age: expected the group 5-9 or 5+ (5-year groups, as from line 2: not mixed with single years), got "5"');
    // Single years in order, from 0, the last one open.
    expect(at('age,female,male\n0,1,1\n2,1,1\n3+,1,1\n')).toBe('p.csv, line 3, age: expected the age 1 or 1+ (single years from 0 up, in order, the last one open), got "2"');
    expect(at('age,female,male\n1,1,1\n2+,1,1\n')).toBe('p.csv, line 2, age: expected the first group 0-4 (5-year groups) or 0 (single years of age), got "1"');
    expect(at('age,female,male\n0,1,1\n1,1,1\n')).toBe('p.csv: expected the last group to be open (e.g. 100+), got "1"');
    // A 5-year file keeps its messages.
    expect(at('age,female,male\n0-4,1,1\n5-10,1,1\n10+,1,1\n')).toBe(
      'p.csv, line 3, age: expected the group 5-9 or 5+ (5-year groups from 0-4 up, in order, the last one open), got "5-10"',
    );
  });

  it('a JSON base may carry its width; its labels follow it', async () => {
    const f = writeTemp({ 'p.json': JSON.stringify({ year: 2015, width: 1, female: [1, 2, 3], male: [1, 2, 3] }), 'q.json': JSON.stringify({ year: 2015, width: 2, female: [1, 2], male: [1, 2] }) });
    expect(await readPopulation(f['p.json']!, undefined)).toEqual({ year: 2015, female: [1, 2, 3], male: [1, 2, 3], width: 1, ageGroups: ['0', '1', '2+'] });
    await expect(readPopulation(f['q.json']!, undefined)).rejects.toThrow(`${f['q.json']}: invalid population:\n  width: expected 1 or 5 (years), got 2`);
  });

  it('--width is 1 or 5; --graduation only where a 5-year base becomes single years', () => {
    expect(parseWidth('1')).toBe(1);
    expect(parseWidth(' 5 ')).toBe(5);
    for (const bad of ['3', '', '1.0', 'one'])
      expect(messageOf(() => parseWidth(bad))).toBe(`--width: expected 1 (single years of age, annual steps) or 5 (5-year groups and periods), got ${JSON.stringify(bad)}`);
    expect(gridOptions({ width: 5 }, {})).toEqual({ width: 5 });
    expect(gridOptions({ width: 1 }, {})).toEqual({ width: 1 });
    expect(gridOptions({ width: 5 }, { width: 1, graduation: 'beers' })).toEqual({ width: 1, graduation: 'beers' });
    expect(messageOf(() => gridOptions({ width: 5 }, { graduation: 'beers' }))).toBe(
      '--graduation: expected --width 1 as well (it says how a 5-year base becomes single years), got beers at width 5',
    );
    expect(messageOf(() => gridOptions({ width: 1 }, { width: 1, graduation: 'sprague' }))).toBe(
      '--graduation: expected a base by 5-year groups to graduate (this one is by single years already), got sprague',
    );
  });
});

// Each child compiles the sources with tsx: allow for a loaded CI machine.
describe.concurrent('ccmpp at width 1, as a child process', { timeout: 120_000 }, () => {
  it('project --width 1 from a 5-year CSV: 16 years 2015-2030 on single years, the library’s 2030 total', async () => {
    const doc = projectOutputSchema.parse(JSON.parse(ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--width', '1', '--format', 'json']))));
    const p = project(await fiveYearBase(), templateScenario(), { until: 2030, width: 1 });
    expect(doc.width).toBe(1);
    expect(doc.years).toEqual(YEARS_2015_2030);
    expect(doc.ageGroups).toEqual(ageGroupLabels(100, 1));
    expect(doc.ageGroups.slice(0, 3)).toEqual(['0', '1', '2']);
    expect(doc.population[15]!.female).toHaveLength(101);
    expect(doc.indicators.years[15]!.total).toBe(p.indicators.years[15]!.total);
    expect(doc.indicators.years).toEqual(JSON.parse(JSON.stringify(p.indicators.years)));
    expect(doc.indicators.periods.map((q) => [q.from, q.to])).toEqual(YEARS_2015_2030.slice(0, 15).map((y) => [y, y + 1]));
    expect(doc.inputs).toEqual({ scenario: TEMPLATES.scenario, base: TEMPLATES.population, baseYear: 2015, until: 2030, openAge: 100, width: 1 });
    // The 5-year projection is as it was, and says its width.
    const five = projectOutputSchema.parse(JSON.parse(ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--format', 'json']))));
    expect(five.width).toBe(5);
    expect(five.years).toEqual([2015, 2020, 2025, 2030]);
    expect(five.ageGroups[0]).toBe('0-4');
    expect(five.inputs).not.toHaveProperty('width');
  });

  it('project --width 1: tables and CSV label ages by the grid and list every year', async () => {
    const csv = ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--width', '1', '--format', 'csv', '--table', 'population'])).trimEnd().split('\n');
    expect(csv[0]).toBe('year,sex,age,population');
    expect(csv).toHaveLength(1 + 16 * 2 * 101);
    expect(csv.slice(1, 4).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['2015,female,0', '2015,female,1', '2015,female,2']);
    expect(csv.at(-1)).toMatch(/^2030,male,100\+,\d+$/);
    const indicators = ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--width', '1', '--format', 'csv']));
    expect(indicators).toMatch(/^2029-2030,births,\d+$/m);
    expect(indicators).toMatch(/^2016,total,\d+$/m);
    const table = ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--width', '1']));
    expect(table).toMatch(/^Projection of data\/templates\/scenario\.json from data\/templates\/population\.csv, 2015-2030 \(single years of age and annual steps, open age 100\+\): 1,000,000 in 2015, [\d,]+ in 2030/);
    expect(table).toMatch(/^2027 {2}\d/m);
    expect(table).toMatch(/^2015-2016 /m);
    expect(table).toContain('Births, deaths, in-, out- and net migrants over each year.');
  });

  it('--graduation: how the 5-year base becomes single years, as the library graduates it; refused where nothing is graduated', async () => {
    const doc = projectOutputSchema.parse(JSON.parse(ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2020', '--width', '1', '--graduation', 'monotone', '--format', 'json']))));
    const b = await fiveYearBase();
    const monotone = project(b, templateScenario(), { until: 2020, width: 1, graduation: 'monotone' });
    const sprague = project(b, templateScenario(), { until: 2020, width: 1 });
    expect(doc.population[0]!.female).toEqual(Array.from(monotone.population[0]!.female));
    expect(doc.population[0]!.female).not.toEqual(Array.from(sprague.population[0]!.female));
    expect(doc.inputs.graduation).toBe('monotone');
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--graduation', 'beers']), 'ccmpp: --graduation: expected --width 1 as well');
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--width', '1', '--graduation', 'spline']), "option '--graduation <method>' argument 'spline' is invalid");
  });

  it('a single-year CSV base is read at width 1 (its own width by default), or summed to 5-year groups with --width 5', async () => {
    const single = await singleYearBase();
    const f = writeTemp({ 'single.csv': single.csv, 'single.json': JSON.stringify({ year: 2015, width: 1, female: single.female, male: single.male }) });
    const lib = { year: 2015, width: 1 as const, female: single.female, male: single.male };
    const text = ok(await ccmpp(['project', TEMPLATES.scenario, '--base', f['single.csv']!, '--year', '2015', '--until', '2030', '--format', 'json']));
    const doc = projectOutputSchema.parse(JSON.parse(text));
    const p = project(lib, templateScenario(), { until: 2030 });
    expect(doc.width).toBe(1);
    expect(doc.years).toEqual(YEARS_2015_2030);
    expect(doc.indicators.years[15]!.total).toBe(p.indicators.years[15]!.total);
    expect(doc.population[0]!.female.slice(0, 85)).toEqual(single.female.slice(0, 85)); // as read, then split 85+ to 100+
    // The JSON form gives the same projection.
    expect(ok(await ccmpp(['project', TEMPLATES.scenario, '--base', f['single.json']!, '--until', '2030', '--format', 'json']))).toBe(text.replace(f['single.csv']!, f['single.json']!));
    const five = projectOutputSchema.parse(JSON.parse(ok(await ccmpp(['project', TEMPLATES.scenario, '--base', f['single.csv']!, '--year', '2015', '--until', '2030', '--width', '5', '--format', 'json']))));
    expect(five.width).toBe(5);
    expect(five.years).toEqual([2015, 2020, 2025, 2030]);
    expect(five.indicators.years[3]!.total).toBe(project(lib, templateScenario(), { until: 2030, width: 5 }).indicators.years[3]!.total);
    expectUserError(
      await ccmpp(['project', TEMPLATES.scenario, '--base', f['single.csv']!, '--year', '2015', '--until', '2030', '--graduation', 'sprague']),
      '--graduation: expected a base by 5-year groups to graduate (this one is by single years already), got sprague',
    );
  });

  it('a CSV mixing single years and 5-year groups: exit 2, the line and the label', async () => {
    const f = writeTemp({ 'mixed.csv': 'age,female,male\n0,100,100\n1,100,100\n2,100,100\n3,100,100\n4,100,100\n5-9,500,500\n10+,900,900\n' });
    expectUserError(
      await ccmpp(['project', TEMPLATES.scenario, '--base', f['mixed.csv']!, '--year', '2015', '--until', '2030', '--width', '1']),
      `ccmpp: ${f['mixed.csv']}, line 7, age: expected the age 5 or 5+ (single years of age, as from line 2: not mixed with 5-year groups), got "5-9"`,
    );
  });

  it('solve migration --width 1: the library’s answer, a target in any year after the base', async () => {
    const target = { year: 2030, population: 1_100_000 };
    const doc = solveOutputSchema.parse(JSON.parse(ok(await ccmpp(['solve', 'migration', TEMPLATES.scenario, ...base, '--target', '2030:1100000', '--width', '1', '--format', 'json']))));
    const b = await fiveYearBase();
    expect(doc.result).toEqual(requiredNetMigration(b, templateScenario(), target, { width: 1 }));
    expect(doc.result.status).toBe('reachable');
    // Annual steps give another answer than 5-year ones (the same question on another grid).
    expect(doc.result).not.toEqual(requiredNetMigration(b, templateScenario(), target));
    expect(doc.width).toBe(1);
    expect(doc.inputs.width).toBe(1);
    // 2028 is off the 5-year grid but a year of the annual one.
    const y2028 = solveOutputSchema.parse(JSON.parse(ok(await ccmpp(['solve', 'migration', TEMPLATES.scenario, ...base, '--target', '2028:1100000', '--width', '1', '--format', 'json']))));
    expect(y2028.result).toEqual(requiredNetMigration(b, templateScenario(), { year: 2028, population: 1_100_000 }, { width: 1 }));
    expectUserError(await ccmpp(['solve', 'migration', TEMPLATES.scenario, ...base, '--target', '2028:1100000']), '--target: expected a year after the base year 2015 by a multiple of 5 (e.g. 2030), got 2028');
    expectUserError(await ccmpp(['solve', 'migration', TEMPLATES.scenario, ...base, '--target', '2010:1100000', '--width', '1']), '--target: expected a year after the base year 2015 (e.g. 2030), got 2010');
  });

  it('solve tfr and the frontier at width 1 run, with a report', async () => {
    const dir = writeTemp({ 'x.txt': '' })['x.txt']!.replace(/\/x\.txt$/, '');
    const r = await ccmpp(['solve', 'tfr', TEMPLATES.scenario, ...base, '--target', '2030:1100000', '--width', '1', '--frontier', '1.2,2', '--format', 'json', '--out', dir]);
    const doc = solveOutputSchema.parse(JSON.parse(ok(r)));
    expect(doc.frontier?.map((p) => p.tfr)).toEqual([1.2, 2]);
    expect(readFileSync(`${dir}/report.html`, 'utf8')).toContain('What fertility reaches the target?');
  });

  it('simulate --width 1: every year, the library’s figures, and JSON that validates against its schema', async () => {
    const args = ['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--width', '1', '--uncertainty', TEMPLATES.uncertainty, '--trajectories', '200', '--seed', '3', '--target', '2027:1040000'];
    const json = JSON.parse(ok(await ccmpp([...args, '--format', 'json']))) as unknown;
    const doc = simulateOutputSchema.parse(json);
    // The JSON Schema `ccmpp schema simulate-output` prints accepts it too.
    const schema = JSON.parse(ok(await ccmpp(['schema', 'simulate-output']))) as Record<string, unknown>;
    expect(validate(schema, json)).toEqual([]);
    expect(validate(schema, { ...(json as object), width: 3 })).not.toEqual([]);
    expect(doc.width).toBe(1);
    expect(doc.years.map((y) => y.year)).toEqual(YEARS_2015_2030);
    const u = JSON.parse(readFileSync(TEMPLATES.uncertainty, 'utf8')) as Record<string, unknown>;
    const target = { year: 2027, population: 1_040_000 };
    const direct = simulate(await fiveYearBase(), templateScenario(), u, { trajectories: 200, seed: 3, until: 2030, width: 1, quantiles: [...FAN_LEVELS], targets: [target] });
    expect(doc.years).toEqual(JSON.parse(JSON.stringify(direct.years)));
    expect(doc.probabilities).toEqual([direct.probability(target)]);
    const csv = ok(await ccmpp([...args, '--format', 'csv']));
    expect(csv).toMatch(/^2029,total,mean,\d+$/m);
    expect(csv).toMatch(/^2027,total,p\(>=1040000\),[\d.]+$/m);
  });

  it('--width 3 is refused by every command that takes it, with what it accepts', async () => {
    const msg = 'ccmpp: --width: expected 1 (single years of age, annual steps) or 5 (5-year groups and periods), got "3"';
    for (const args of [
      ['project', TEMPLATES.scenario, ...base, '--until', '2030'],
      ['solve', 'migration', TEMPLATES.scenario, ...base, '--target', '2030:1100000'],
      ['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--trajectories', '10'],
      ['yingkou'],
    ])
      expectUserError(await ccmpp([...args, '--width', '3']), msg);
  });

  it('--until at width 1: any year after the base', async () => {
    const doc = projectOutputSchema.parse(JSON.parse(ok(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2016', '--width', '1', '--format', 'json']))));
    expect(doc.years).toEqual([2015, 2016]);
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2015', '--width', '1']), '--until: expected a year after the base year 2015 (e.g. 2030), got 2015');
    expectUserError(await ccmpp(['project', TEMPLATES.scenario, ...base, '--until', '2016']), '--until: expected a year after the base year 2015 by a multiple of 5 (e.g. 2030), got 2016');
  });

  it('the help of each command shows --width with an example; the output schemas describe width', async () => {
    expect(ok(await ccmpp(['project', '--help']))).toContain('$ ccmpp project scenario.json --base population.csv --year 2015 --until 2030 --width 1');
    for (const cmd of ['project', 'solve', 'simulate', 'yingkou']) expect(ok(await ccmpp([cmd, '--help']))).toMatch(/--width <years>[\s\S]*\$ ccmpp .*--width 1/);
    for (const cmd of ['project', 'solve', 'simulate']) expect(ok(await ccmpp([cmd, '--help']))).toMatch(/--graduation <method>/);
    expect(ok(await ccmpp(['--help']))).toContain('--until 2030 --width 1');
    for (const name of ['project', 'solve', 'simulate']) {
      const s = JSON.parse(ok(await ccmpp(['schema', `${name}-output`]))) as { properties: Record<string, { anyOf?: { const: number }[]; description?: string }>; required: string[] };
      expect(s.properties.width!.anyOf!.map((a) => a.const)).toEqual([5, 1]);
      expect(s.required).toContain('width');
    }
  });
});
