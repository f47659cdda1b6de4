import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
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

  it('bad input: the option or the file named, with the rule and the value', async () => {
    const other = writeTemp({ 'plan.json': JSON.stringify(yingkou.scenarios.constant) })['plan.json']!;
    expect(await runUserError(['compare', planFile, other, '--base', base, '--until', '2030'])).toBe(
      `ccmpp: <scenario>: expected files whose names (basename without the extension) differ, as they name the columns, got plan for both ${planFile} and ${other}\n`,
    );
    expect(await runUserError(['compare', planFile, '--base', base, '--until', '2030', '--target', '2035:2600000'])).toBe('ccmpp: --target: expected a year up to --until 2030, got 2035\n');
    expect(await runUserError(['compare', planFile, '--base', base, '--until', '2031'])).toBe('ccmpp: --until: expected a year after the base year 2015 by a multiple of 5 (e.g. 2030), got 2031\n');
    // The plan's 2015 TFR, 0.71, is above 0.5: the low variant stays >= 0. A TFR of 0.3 is not.
    const low = writeTemp({ 'low.json': JSON.stringify({ ...yingkou.scenarios.plan, fertility: { tfr: 0.3, pattern: 'china-2015' } }) })['low.json']!;
    expect(await runUserError(['compare', low, '--variants', '--base', base, '--until', '2030'])).toBe(
      `ccmpp: ${low}: invalid scenario for --variants:\n  scenario.fertility.tfr: expected a TFR of at least 0.5 so that the low variant (TFR − 0.5) stays >= 0 (or a smaller options.fertilityShift), got 0.3\n`,
    );
    expect(await runUserError(['compare', '--base', base, '--until', '2030'])).toMatch(/missing required argument 'scenario'/);
  });
});
