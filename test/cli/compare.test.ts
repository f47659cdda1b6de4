import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { compareCommand } from '../../src/cli/commands/compare.js';
import { compareOutputSchema } from '../../src/cli/outputSchemas.js';
import { compareScenarios } from '../../src/targets/compare.js';
import { variants } from '../../src/scenario/variants.js';
import { yingkou } from '../../src/yingkou/data.js';
import { validate } from './miniJsonSchema.js';
import { tempDir, writeTemp, yingkouFiles, runOk, runUserError } from './helpers.js';

// `ccmpp compare`: scenario files side by side from one base, as compareScenarios lays them out;
// --variants puts the first file's UN-style variants (variants()) in its place.

const { plan: planFile, base } = yingkouFiles();
const constantFile = writeTemp({ 'constant.json': JSON.stringify(yingkou.scenarios.constant) })['constant.json']!;
const target = { year: 2030, population: 2_600_000 };


const json = async (argv: string[]) => compareOutputSchema.parse(JSON.parse(await runOk([...argv, '--format', 'json'])));

describe('ccmpp compare', () => {
  it('two files: the library’s comparison, each column named by its file’s basename', async () => {
    const doc = await json(['compare', planFile, constantFile, '--base', base, '--until', '2030', '--target', '2030:2600000', '--target', '2020:2450000']);
    const c = compareScenarios(yingkou.base2015, { plan: yingkou.scenarios.plan, constant: yingkou.scenarios.constant }, { until: 2030, targets: [target, { year: 2020, population: 2_450_000 }] });
    expect(doc.years).toEqual([2015, 2020, 2025, 2030]);
    expect(doc.rows.map((r) => r.name)).toEqual(['plan', 'constant']);
    expect(doc.rows.map((r) => r.file)).toEqual([planFile, constantFile]);
    expect(doc.rows.map((r) => r.years)).toEqual(c.rows.map((r) => r.years));
    expect(doc.rows.map((r) => r.verdicts)).toEqual(c.rows.map((r) => r.verdicts));
    expect(doc.targets).toEqual([target, { year: 2020, population: 2_450_000 }]);
    expect(doc.inputs).toEqual({ scenarios: [planFile, constantFile], base, baseYear: 2015, until: 2030, variants: false });
    expect(doc.rows[0]!.verdicts[0]!.reached).toBe(false);
  });

  it('table: a sentence per scenario, the totals by year, the verdicts', async () => {
    const c = compareScenarios(yingkou.base2015, { plan: yingkou.scenarios.plan }, { until: 2030, targets: [target] });
    const v = c.rows[0]!.verdicts[0]!;
    const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
    const out = await runOk(['compare', planFile, constantFile, '--base', base, '--until', '2030', '--target', '2030:2600000']);
    expect(out).toContain(`plan: ${fmt(v.projected)} in 2030; misses 2,600,000 in 2030 by ${fmt(-v.gap)}.\n`);
    expect(out).toMatch(/^year +plan +constant$/m);
    expect(out).toMatch(new RegExp(`^2030 +${fmt(v.projected)} +[\\d,]+$`, 'm'));
    expect(out).toMatch(new RegExp(`^plan +2,600,000 in 2030 +${fmt(v.projected)} +-${fmt(-v.gap)} +no$`, 'm'));
  });

  it('--variants: the first file’s variants (held at the base year), then the other files', async () => {
    const doc = await json(['compare', planFile, constantFile, '--variants', '--base', base, '--until', '2030', '--target', '2030:2600000']);
    const vs = variants(yingkou.scenarios.plan, { baseYear: 2015 });
    const c = compareScenarios(yingkou.base2015, [...vs.map((v) => ({ name: v.name, scenario: v.scenario })), { name: 'constant', scenario: yingkou.scenarios.constant }], { until: 2030, targets: [target] });
    expect(doc.rows.map((r) => r.name)).toEqual(['plan medium', 'plan high', 'plan low', 'plan constant-fertility', 'plan constant-mortality', 'plan zero-migration', 'constant']);
    expect(doc.rows.map((r) => r.variant)).toEqual(['medium', 'high', 'low', 'constant-fertility', 'constant-mortality', 'zero-migration', undefined]);
    expect(doc.rows.map((r) => r.years)).toEqual(c.rows.map((r) => r.years));
    expect(doc.rows[1]!.description).toBe('TFR + 0.5 in every period');
    // High fertility gives more people in 2030 than medium, low fewer.
    const end = doc.rows.map((r) => r.years[3]!.total);
    expect(end[1]).toBeGreaterThan(end[0]!);
    expect(end[2]).toBeLessThan(end[0]!);
  });

  it('--width 1: every year', async () => {
    const doc = await json(['compare', planFile, constantFile, '--base', base, '--until', '2030', '--width', '1']);
    expect(doc.years).toEqual(Array.from({ length: 16 }, (_, i) => 2015 + i));
    expect(doc.width).toBe(1);
    const c = compareScenarios(yingkou.base2015, { plan: yingkou.scenarios.plan }, { until: 2030, width: 1 });
    expect(doc.rows[0]!.years).toEqual(c.rows[0]!.years);
  });

  it('the migration options set every file’s migration', async () => {
    const doc = await json(['compare', planFile, constantFile, '--base', base, '--until', '2030', '--net-per-year', '5000']);
    const withNet = (s: object) => ({ ...s, migration: { netPerYear: 5000 } });
    const c = compareScenarios(yingkou.base2015, { plan: withNet(yingkou.scenarios.plan), constant: withNet(yingkou.scenarios.constant) } as never, { until: 2030 });
    expect(doc.rows.map((r) => r.years)).toEqual(c.rows.map((r) => r.years));
    expect(doc.inputs.migration).toEqual({ netPerYear: 5000 });
  });

  it('csv: tidy scenario,year,indicator,value with the gaps and verdicts', async () => {
    const csv = await runOk(['compare', planFile, constantFile, '--base', base, '--until', '2030', '--target', '2030:2600000', '--format', 'csv']);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('scenario,year,indicator,value');
    expect(lines[1]).toBe('plan,2015,total,2443000');
    expect(lines).toContain('plan,2030,reached(>=2600000),false');
    expect(lines.filter((l) => l.startsWith('constant,2030,gap(>=2600000),-'))).toHaveLength(1);
    expect(lines).toHaveLength(1 + 2 * (4 * 5 + 2));
  });

  it('the JSON Schema of `ccmpp schema compare-output` accepts the output', async () => {
    const schema = JSON.parse(await runOk(['schema', 'compare-output'])) as Record<string, unknown> & { properties: { format: { const: string } } };
    expect(schema.properties.format.const).toBe('ccmpp.compare/1');
    const doc = JSON.parse(await runOk(['compare', planFile, '--variants', '--base', base, '--until', '2030', '--target', '2030:2600000', '--format', 'json'])) as unknown;
    expect(validate(schema, doc)).toEqual([]);
  });

  it('--out: comparison.json, comparison.csv and report.html', async () => {
    const dir = tempDir();
    const r = await runCli(['compare', planFile, constantFile, '--base', base, '--until', '2030', '--out', dir]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.files.map((f) => f.path)).toEqual(['comparison.json', 'comparison.csv', 'report.html'].map((n) => `${dir}/${n}`));
    expect(r.files[2]!.content).toContain('Scenarios side by side');
  });

  it('table: two targets joined in one sentence, one reached; no target, the total alone', async () => {
    const out = await runOk(['compare', planFile, '--base', base, '--until', '2030', '--target', '2030:2600000', '--target', '2020:2000000']);
    expect(out).toBe(
      [
        'plan: 2,414,184 in 2030; misses 2,600,000 in 2030 by 185,816; reaches 2,000,000 in 2020 (+438,414).',
        '',
        'Total population by scenario',
        'year       plan',
        '----  ---------',
        '2015  2,443,000',
        '2020  2,438,414',
        '2025  2,436,640',
        '2030  2,414,184',
        '',
        'Against the targets',
        'scenario  target             projected       gap  reached',
        '--------  -----------------  ---------  --------  -------',
        'plan      2,600,000 in 2030  2,414,184  -185,816  no',
        'plan      2,000,000 in 2020  2,438,414  +438,414  yes',
        'Gap: projected - target, persons; reached: projected >= target.',
        '',
      ].join('\n'),
    );
    const alone = await runOk(['compare', planFile, '--base', base, '--until', '2030']);
    expect(alone.split('\n').slice(0, 3)).toEqual(['plan: 2,414,184 in 2030.', '', 'Total population by scenario']);
    expect(alone).not.toContain('Against the targets');
  });

  it('--open-age: the projection’s open age group, in the inputs', async () => {
    const doc = await json(['compare', planFile, '--base', base, '--until', '2030', '--open-age', '70']);
    const c = compareScenarios(yingkou.base2015, { plan: yingkou.scenarios.plan }, { until: 2030, openAge: 70 });
    expect(doc.rows[0]!.years).toEqual(c.rows[0]!.years);
    // Mortality of a 70+ group: 2030 differs from the default open age's.
    expect(Math.round(doc.rows[0]!.years[3]!.total)).toBe(2_353_547);
    expect(doc.inputs).toEqual({ scenarios: [planFile], base, baseYear: 2015, until: 2030, openAge: 70, variants: false });
    expect((await json(['compare', planFile, '--base', base, '--until', '2030', '--variants'])).inputs.variants).toBe(true);
    expect(await runUserError(['compare', planFile, '--base', base, '--until', '2030', '--open-age', '102'])).toBe(
      `ccmpp: cannot compare the scenarios from ${base}:\n  options.openAge: expected a multiple of 5 from 65 to 130, got 102\n`,
    );
  });

  it('--variants holds the TFR at the base’s year (2015), between two anchors', async () => {
    const late = writeTemp({ 'late.json': JSON.stringify({ ...yingkou.scenarios.plan, fertility: { tfr: { 2010: 0.5, 2020: 1.5 }, pattern: 'china-2015' } }) })['late.json']!;
    const doc = await json(['compare', late, '--variants', '--base', base, '--until', '2030']);
    expect(doc.rows.map((r) => (r.scenario.fertility as { tfr: unknown }).tfr)).toEqual([
      { 2010: 0.5, 2020: 1.5 },
      { 2010: 1, 2020: 2 },
      { 2010: 0, 2020: 1 },
      1,
      { 2010: 0.5, 2020: 1.5 },
      { 2010: 0.5, 2020: 1.5 },
    ]);
  });

  it('a scenario the projection refuses: its file (and variant) named, with the path in it', async () => {
    const bad = writeTemp({ 'bad.json': JSON.stringify({ ...yingkou.scenarios.plan, mortality: { e0: 95 } }) })['bad.json']!;
    const rule = 'expected a female life expectancy the log-quadratic model reaches in 2015-2020 (at most 93.70), got 97.32608695652173';
    expect(await runUserError(['compare', planFile, bad, '--base', base, '--until', '2030'])).toBe(`ccmpp: cannot compare the scenarios from ${base}:\n  ${bad}: mortality.e0: ${rule}\n`);
    expect(await runUserError(['compare', bad, '--variants', '--base', base, '--until', '2030'])).toBe(`ccmpp: cannot compare the scenarios from ${base}:\n  ${bad} (variant medium): mortality.e0: ${rule}\n`);
    // The eleventh column (scenarios[10]): the six variants of the plan, four more files, then the bad one.
    const more = Object.values(writeTemp(Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`${n}.json`, JSON.stringify(yingkou.scenarios.constant)]))));
    expect(await runUserError(['compare', planFile, ...more, bad, '--variants', '--base', base, '--until', '2030'])).toBe(`ccmpp: cannot compare the scenarios from ${base}:\n  ${bad}: mortality.e0: ${rule}\n`);
  });

  it('report.html: the verdicts (missed unless every target is reached), the totals, the tables, what each variant assumes', async () => {
    expect((await compareCommand({ scenarios: [planFile], base, until: 2030, format: 'json' })).files).toEqual([]);
    const html = async (argv: string[]) => (await runCli([...argv, '--out', tempDir()])).files[2]!.content;
    const h = await html(['compare', planFile, constantFile, '--variants', '--base', base, '--until', '2030', '--target', '2030:2600000', '--target', '2020:2000000']);
    expect(h).toContain(`<p class="subtitle">${planFile}, ${constantFile} from ${base}, 2015-2030</p>`);
    expect(h).toContain('<li class="missed">plan medium: 2,414,184 in 2030; misses 2,600,000 in 2030 by 185,816; reaches 2,000,000 in 2020 (+438,414).</li>');
    expect(h).toContain('<nav aria-label="contents"><ul><li><a href="#s1">The totals</a></li><li><a href="#s2">Tables</a></li><li><a href="#s3">The variants</a></li></ul></nav>');
    expect(h).toContain('<figure class="chart" role="img" aria-label="Total population by scenario">');
    // The first file's variants; the second file is no variant.
    expect(h).toContain(
      '<ul class="notes"><li>plan medium: the scenario as given.</li><li>plan high: TFR + 0.5 in every period.</li><li>plan low: TFR − 0.5 in every period.</li><li>plan constant-fertility: TFR held at its 2015 value.</li><li>plan constant-mortality: female and male e0 held at its 2015 value.</li><li>plan zero-migration: no net migration.</li></ul>',
    );
    // The target is drawn on the chart: 2.6M is on its y axis only with it.
    expect(h).toContain('values from 2M to 2.6M');
    const reached = await html(['compare', planFile, '--base', base, '--until', '2030', '--target', '2020:2000000']);
    expect(reached).toContain('<li class="reached">plan: 2,414,184 in 2030; reaches 2,000,000 in 2020 (+438,414).</li>');
    expect(reached).toContain('<nav aria-label="contents"><ul><li><a href="#s1">The totals</a></li><li><a href="#s2">Tables</a></li></ul></nav>');
    expect(await html(['compare', planFile, '--base', base, '--until', '2030'])).toContain('<li class="info">plan: 2,414,184 in 2030.</li>');
  });

    it('bad input: the option or the file named, with the rule and the value', async () => {
    const other = writeTemp({ 'plan.json': JSON.stringify(yingkou.scenarios.constant) })['plan.json']!;
    expect(await runUserError(['compare', planFile, other, '--base', base, '--until', '2030'])).toBe(
      `ccmpp: <scenario>: expected files whose names (basename without the extension) differ, as they name the columns, got plan for both ${planFile} and ${other}\n`,
    );
    expect(await runUserError(['compare', planFile, '--base', base, '--until', '2030', '--target', '2035:2600000'])).toBe('ccmpp: --target: expected a year up to --until 2030, got 2035\n');
    expect(await runUserError(['compare', planFile, '--base', base, '--until', '2035', '--target', '2031:2600000'])).toBe(
      'ccmpp: --target: expected a year after the base year 2015 by a multiple of 5 (e.g. 2030), got 2031\n',
    );
    expect(await runUserError(['compare', planFile, '--base', base, '--until', '2031'])).toBe('ccmpp: --until: expected a year after the base year 2015 by a multiple of 5 (e.g. 2030), got 2031\n');
    // The plan's 2015 TFR, 0.71, is above 0.5: the low variant stays >= 0. A TFR of 0.3 is not.
    const low = writeTemp({ 'low.json': JSON.stringify({ ...yingkou.scenarios.plan, fertility: { tfr: 0.3, pattern: 'china-2015' } }) })['low.json']!;
    expect(await runUserError(['compare', low, '--variants', '--base', base, '--until', '2030'])).toBe(
      `ccmpp: ${low}: invalid scenario for --variants:\n  scenario.fertility.tfr: expected a TFR of at least 0.5 so that the low variant (TFR − 0.5) stays >= 0 (or a smaller options.fertilityShift), got 0.3\n`,
    );
    expect(await runUserError(['compare', '--base', base, '--until', '2030'])).toMatch(/missing required argument 'scenario'/);
  });
});
