import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { UserError } from '../../src/cli/userError.js';
import { parseFlowDifference, parseMigrationPath } from '../../src/cli/migration.js';
import { projectOutputSchema, simulateOutputSchema, solveOutputSchema } from '../../src/cli/outputSchemas.js';
import { readPopulation } from '../../src/cli/inputs.js';
import { flowDifference } from '../../src/migration/flowDifference.js';
import { project } from '../../src/scenario/project.js';
import { TEMPLATES, writeTemp } from './helpers.js';

// Migration as gross flows on the command line: the options that set a scenario's migration
// (--net-per-year, --in-per-year, --out-rate, --flow-difference), the in- and out-migrants in every
// output, and the cases of the issue — net out-migration at every open age, a base that stops at
// 80+, a migration σ around net 0 — which used to exit 2 and now run.

const OPEN_AGES = [80, 85, 90, 100] as const;
const SHRINKING_TOWN = 'data/templates/shrinking-town.json';
/** A town of about 365,700 whose data stop at 80+ (the template's shape, scaled; 80-84 and 85+ summed). */
const TOWN_80 = 'test/cli/fixtures/town-80plus.csv';
const base = ['--base', TEMPLATES.population, '--year', '2015'];

const json = (text: string) => JSON.parse(text) as unknown;
const scenarioFile = (file: string) => {
  const { $schema: _, ...s } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return s;
};
/** The template scenario with its migration block replaced, as a file. */
const withMigration = (migration: Record<string, unknown>) =>
  writeTemp({ 's.json': JSON.stringify({ ...scenarioFile(TEMPLATES.scenario), migration }) })['s.json']!;

describe('the issue’s examples run at open ages 80, 85, 90 and 100', () => {
  it('project: the template scenario with netPerYear -2000 (it exited 2: "no more net out-migrants than the male 95-99 group holds")', async () => {
    const file = withMigration({ netPerYear: -2000, profile: 'rogers-castro', femaleShare: 0.5, timing: 'even' });
    for (const openAge of OPEN_AGES) {
      const r = await runCli(['project', file, ...base, '--until', '2030', '--open-age', String(openAge), '--format', 'json']);
      expect(r.exitCode, r.stderr).toBe(0);
      const doc = projectOutputSchema.parse(json(r.stdout));
      expect(doc.inputs.openAge).toBe(openAge);
      for (const p of doc.indicators.periods) {
        // Default flow-difference parameters: a negative net figure is all out-migration.
        expect(p.inMigrants).toBe(0);
        expect(p.outMigrants).toBeCloseTo(10_000, 6);
        expect(p.netMigrants).toBeCloseTo(-10_000, 6);
      }
      // The balancing identity, period by period.
      doc.indicators.periods.forEach((p, i) => {
        const change = doc.indicators.years[i + 1]!.total - doc.indicators.years[i]!.total;
        expect(change).toBeCloseTo(p.births - p.deaths + p.inMigrants - p.outMigrants, 5);
      });
      // The same with the option instead of the edited file.
      const o = await runCli(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--open-age', String(openAge), '--net-per-year', '-2000', '--format', 'json']);
      expect(o.exitCode, o.stderr).toBe(0);
      const od = projectOutputSchema.parse(json(o.stdout));
      expect(od.indicators).toEqual(doc.indicators);
      expect(od.population).toEqual(doc.population);
    }
  });

  it('solve migration --target 2035:300000 from a base that stops at 80+: reachable at every open age, 100 and 85 within 2 %', async () => {
    const pop = readFileSync(TOWN_80, 'utf8').trim().split('\n');
    expect(pop.at(-1)).toMatch(/^80\+,/);
    const total = pop.slice(1).reduce((s, l) => s + Number(l.split(',')[1]) + Number(l.split(',')[2]), 0);
    expect(Math.abs(total - 365_700)).toBeLessThan(50);
    for (const scenario of [TEMPLATES.scenario, SHRINKING_TOWN]) {
      const value = new Map<number, number>();
      for (const openAge of OPEN_AGES) {
        const r = await runCli(['solve', 'migration', scenario, '--base', TOWN_80, '--year', '2015', '--target', '2035:300000', '--open-age', String(openAge), '--format', 'json']);
        expect(r.exitCode, r.stderr).toBe(0);
        const doc = solveOutputSchema.parse(json(r.stdout));
        expect(doc.result.status, `${scenario} at open age ${openAge}`).toBe('reachable');
        if (doc.result.status !== 'reachable') continue;
        expect(doc.result.value).toBeLessThan(0); // the town has to shrink: net out-migration
        expect(Math.abs(doc.result.achieved - 300_000)).toBeLessThanOrEqual(1);
        value.set(openAge, doc.result.value);
      }
      const [a, b] = [value.get(100)!, value.get(85)!];
      expect(Math.abs(a - b) / Math.abs(a), `${scenario}: ${a} at 100+, ${b} at 85+`).toBeLessThan(0.02);
    }
  });

  it('simulate with a migration σ of 2,000 around net 0 does not abort', async () => {
    const u = writeTemp({ 'u.json': JSON.stringify({ migration: { sigma: 2000 } }) })['u.json']!;
    for (const openAge of OPEN_AGES) {
      for (const b of [base, ['--base', TOWN_80, '--year', '2015']]) {
        const r = await runCli(['simulate', TEMPLATES.scenario, ...b, '--until', '2035', '--net-per-year', '0', '--uncertainty', u, '--trajectories', '600', '--open-age', String(openAge), '--format', 'json']);
        expect(r.exitCode, r.stderr).toBe(0);
        const doc = simulateOutputSchema.parse(json(r.stdout));
        expect(doc.uncertainty.migration.sigma).toBe(2000);
        expect(doc.inputs.migration).toEqual({ netPerYear: 0 });
        expect(doc.migrationAtBound).toBeGreaterThanOrEqual(0);
        expect(doc.years.at(-1)!.total.min).toBeLessThan(doc.years.at(-1)!.total.max);
      }
    }
  });
});

describe('data/templates/shrinking-town.json', () => {
  it('runs at the default open age 100 with the template population: 2,000 net out-migrants a year, a shrinking total', async () => {
    const r = await runCli(['project', SHRINKING_TOWN, ...base, '--until', '2030', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = projectOutputSchema.parse(json(r.stdout));
    expect(doc.inputs.openAge).toBe(100);
    expect(doc.indicators.periods.map((p) => p.netMigrants)).toEqual([-10_000, -10_000, -10_000].map((x) => expect.closeTo(x, 6)));
    const totals = doc.indicators.years.map((y) => y.total);
    for (let i = 1; i < totals.length; i++) expect(totals[i]!).toBeLessThan(totals[i - 1]!);
    // The table shows the flows.
    const t = await runCli(['project', SHRINKING_TOWN, ...base, '--until', '2030']);
    expect(t.stdout).toMatch(/period\s+births\s+deaths\s+in-migrants\s+out-migrants\s+net migrants/);
    expect(t.stdout).toMatch(/^2015-2020\s+[\d,]+\s+[\d,]+\s+0\s+10,000\s+-10,000\s/m);
  });
});

describe('the migration options', () => {
  it('--in-per-year and --out-rate: gross flows instead of the scenario’s net figure, recorded in the inputs and the scenario', async () => {
    const r = await runCli(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--in-per-year', '6000', '--out-rate', '0.008', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = projectOutputSchema.parse(json(r.stdout));
    expect(doc.inputs.migration).toEqual({ inPerYear: 6000, outRate: 0.008 });
    const m = doc.scenario.migration as Record<string, unknown>;
    expect(m).toEqual({ inPerYear: 6000, outRate: 0.008, profile: 'rogers-castro', femaleShare: 0.5, timing: 'even' });
    // The library on the same scenario.
    const pop = await readPopulation(TEMPLATES.population, 2015);
    const direct = project(pop, doc.scenario as never, { until: 2030 });
    expect(doc.indicators).toEqual(JSON.parse(JSON.stringify(direct.indicators)));
    for (const p of doc.indicators.periods) {
      expect(p.inMigrants).toBeCloseTo(30_000, 6);
      // About 0.8 % a year of about a million people, over 5 years.
      expect(p.outMigrants).toBeGreaterThan(35_000);
      expect(p.outMigrants).toBeLessThan(45_000);
      expect(p.netMigrants).toBeCloseTo(p.inMigrants - p.outMigrants, 6);
    }
    // One gross flow alone: the other is 0.
    const only = projectOutputSchema.parse(json((await runCli(['project', TEMPLATES.scenario, ...base, '--until', '2025', '--out-rate', '0.01', '--format', 'json'])).stdout));
    expect(only.indicators.periods.map((p) => p.inMigrants)).toEqual([0, 0]);
    expect(only.scenario.migration).not.toHaveProperty('netPerYear');
  });

  it('keep the scenario’s other gross flow, and --net-per-year replaces gross flows', async () => {
    const gross = withMigration({ inPerYear: 4000, outRate: 0.01 });
    const r = projectOutputSchema.parse(json((await runCli(['project', gross, ...base, '--until', '2020', '--out-rate', '0.002', '--format', 'json'])).stdout));
    expect(r.scenario.migration).toEqual({ inPerYear: 4000, outRate: 0.002 });
    const n = projectOutputSchema.parse(json((await runCli(['project', gross, ...base, '--until', '2020', '--net-per-year', '-500', '--format', 'json'])).stdout));
    expect(n.scenario.migration).toEqual({ netPerYear: -500 });
    expect(n.indicators.periods[0]!.outMigrants).toBeCloseTo(2500, 6);
    // Gross flows drop the scenario's flow-difference parameters (they belong to its net figure).
    const fdm = withMigration({ netPerYear: 1000, flowDifference: 'bayespop' });
    const g = projectOutputSchema.parse(json((await runCli(['project', fdm, ...base, '--until', '2020', '--in-per-year', '100', '--format', 'json'])).stdout));
    expect(g.scenario.migration).toEqual({ inPerYear: 100 });
  });

  it('--flow-difference: bayespop or beta0=…,beta1=…,m=…, as flowDifference() computes the flows', async () => {
    const P = 1_000_000; // the template population
    const first = async (fd: string) => {
      const r = await runCli(['project', TEMPLATES.scenario, ...base, '--until', '2020', '--net-per-year', '-2000', '--flow-difference', fd, '--format', 'json']);
      expect(r.exitCode, r.stderr).toBe(0);
      return projectOutputSchema.parse(json(r.stdout));
    };
    const b = await first('bayespop');
    expect(b.inputs.migration).toEqual({ netPerYear: -2000, flowDifference: 'bayespop' });
    expect(b.indicators.periods[0]!.inMigrants).toBeCloseTo(5 * flowDifference(-2000, P, 'bayespop').inPerYear, 4);
    expect(b.indicators.periods[0]!.outMigrants).toBeCloseTo(5 * flowDifference(-2000, P, 'bayespop').outPerYear, 4);
    const c = await first('m=0.01, beta1=0.5,beta0=0.02');
    expect((c.scenario.migration as Record<string, unknown>).flowDifference).toEqual({ beta0: 0.02, beta1: 0.5, m: 0.01 });
    expect(c.indicators.periods[0]!.inMigrants).toBeCloseTo(5 * flowDifference(-2000, P, { beta0: 0.02, beta1: 0.5, m: 0.01 }).inPerYear, 4);
    expect(c.indicators.periods[0]!.netMigrants).toBeCloseTo(-10_000, 6);
    // With the scenario's own net figure.
    const s = await runCli(['project', TEMPLATES.scenario, ...base, '--until', '2020', '--flow-difference', 'bayespop', '--format', 'json']);
    expect(projectOutputSchema.parse(json(s.stdout)).indicators.periods[0]!.inMigrants).toBeCloseTo(5 * flowDifference(2000, P, 'bayespop').inPerYear, 4);
  });

  it('anchors year:value,… give a path', async () => {
    expect(parseMigrationPath('2015:-3000, 2030:-1_000', '--net-per-year')).toEqual({ 2015: -3000, 2030: -1000 });
    expect(parseMigrationPath(' -2_000 ', '--net-per-year')).toBe(-2000);
    expect(parseMigrationPath('1e3', '--in-per-year')).toBe(1000);
    const r = await runCli(['project', TEMPLATES.scenario, ...base, '--until', '2030', '--net-per-year', '2015:-3000,2030:-1000', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = projectOutputSchema.parse(json(r.stdout));
    // Period averages of the linear path: -2667, -2000, -1333 a year.
    expect(doc.indicators.periods.map((p) => p.netMigrants)).toEqual([-13_333.333, -10_000, -6_666.667].map((x) => expect.closeTo(x, 2)));
  });

  it('work in solve and simulate, and are recorded in their inputs', async () => {
    const s = await runCli(['solve', 'tfr', TEMPLATES.scenario, ...base, '--target', '2030:1000000', '--in-per-year', '5000', '--out-rate', '0.006', '--format', 'json']);
    expect(s.exitCode, s.stderr).toBe(0);
    const sd = solveOutputSchema.parse(json(s.stdout));
    expect(sd.inputs.migration).toEqual({ inPerYear: 5000, outRate: 0.006 });
    const plain = solveOutputSchema.parse(json((await runCli(['solve', 'tfr', TEMPLATES.scenario, ...base, '--target', '2030:1000000', '--format', 'json'])).stdout));
    expect(plain.inputs).not.toHaveProperty('migration');
    expect(sd.assessment.projected).not.toBe(plain.assessment.projected);
    const m = await runCli(['solve', 'migration', TEMPLATES.scenario, ...base, '--target', '2030:950000', '--flow-difference', 'bayespop', '--format', 'json']);
    expect(m.exitCode, m.stderr).toBe(0);
    expect(solveOutputSchema.parse(json(m.stdout)).result.status).toBe('reachable');
    const sim = await runCli(['simulate', SHRINKING_TOWN, ...base, '--until', '2025', '--trajectories', '300', '--in-per-year', '6000', '--out-rate', '0.008', '--format', 'json']);
    expect(sim.exitCode, sim.stderr).toBe(0);
    expect(simulateOutputSchema.parse(json(sim.stdout)).inputs.migration).toEqual({ inPerYear: 6000, outRate: 0.008 });
  });

  it('bad values exit 2 with the library’s message, naming the option', async () => {
    const bad = async (...extra: string[]) => {
      const r = await runCli(['project', SHRINKING_TOWN, ...base, '--until', '2030', ...extra]);
      expect(r.exitCode, extra.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(await bad('--out-rate', '1.5')).toBe(`ccmpp: --out-rate 1.5: invalid migration for ${SHRINKING_TOWN}:\n  migration.outRate: expected a rate a year in [0, 1), got 1.5\n`);
    expect(await bad('--out-rate', '-0.1')).toContain('migration.outRate: expected a rate a year in [0, 1), got -0.1');
    expect(await bad('--in-per-year', '-5')).toBe(`ccmpp: --in-per-year -5: invalid migration for ${SHRINKING_TOWN}:\n  migration.inPerYear: expected a number of persons from 0 to 1e+10, got -5\n`);
    expect(await bad('--in-per-year', '2015:100,2030:-1')).toContain('migration.inPerYear.2030: expected a number of persons from 0 to 1e+10, got -1');
    expect(await bad('--flow-difference', 'bayes')).toBe(
      `ccmpp: --flow-difference bayes: invalid migration for ${SHRINKING_TOWN}:\n  migration.flowDifference: expected 'bayespop' or flow-difference parameters { beta0, beta1, m }, got "bayes"\n`,
    );
    expect(await bad('--flow-difference', 'beta0=0.07,beta1=1.5,m=0.02')).toContain('migration.flowDifference.beta1: expected a number in [0, 1] (in-migrants per net migrant), got 1.5');
    expect(await bad('--flow-difference', 'beta0=0.07')).toMatch(/migration\.flowDifference\.beta1: .*, got nothing\n {2}migration\.flowDifference\.m: .*, got nothing/);
    expect(await bad('--flow-difference', 'beta0=0.07,beta1=0.5,m=0.02,gamma=1')).toContain('migration.flowDifference');
    expect(await bad('--in-per-year', '100', '--flow-difference', 'bayespop')).toContain(
      'ccmpp: --flow-difference bayespop: invalid migration for data/templates/shrinking-town.json:\n  migration.flowDifference: expected flow-difference parameters only with netPerYear',
    );
    expect(await bad('--net-per-year', '-100', '--in-per-year', '100')).toBe(
      'ccmpp: --net-per-year: expected either a net figure or gross flows (--in-per-year, --out-rate), not both, got --net-per-year -100 --in-per-year 100\n',
    );
    // Syntax: the option's own message.
    expect(await bad('--out-rate', 'one percent')).toBe('ccmpp: --out-rate: expected a number or anchors year:value,… (e.g. -2000 or 2015:-2000,2030:-500), got "one percent"\n');
    expect(await bad('--net-per-year', '2015:-1,2015:-2')).toContain('--net-per-year: expected a number or anchors');
    expect(await bad('--flow-difference', 'beta0=x,beta1=0,m=0')).toBe(
      'ccmpp: --flow-difference: expected bayespop or beta0=<number>,beta1=<number>,m=<number> (e.g. beta0=0.07,beta1=0.5,m=0.02), got "beta0=x,beta1=0,m=0"\n',
    );
    expect(await bad('--net-per-year')).toContain("option '--net-per-year <n>' argument missing");
    // A scenario with gross flows and --flow-difference alone: the library's rule.
    const gross = withMigration({ inPerYear: 4000, outRate: 0.01 });
    const r = await runCli(['project', gross, ...base, '--until', '2030', '--flow-difference', 'bayespop']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('migration.flowDifference: expected flow-difference parameters only with netPerYear');
    // The same in solve and simulate.
    for (const cmd of [['solve', 'migration', SHRINKING_TOWN, ...base, '--target', '2030:900000'], ['simulate', SHRINKING_TOWN, ...base, '--until', '2030', '--trajectories', '100']]) {
      const e = await runCli([...cmd, '--out-rate', '1']);
      expect(e.exitCode).toBe(2);
      expect(e.stderr).toContain('--out-rate 1: invalid migration for data/templates/shrinking-town.json:\n  migration.outRate: expected a rate a year in [0, 1), got 1');
    }
  });

  it('parse their syntax only (the rules are the library’s)', () => {
    expect(parseFlowDifference('bayespop')).toBe('bayespop');
    expect(parseFlowDifference(' beta0 = 0.07 , beta1=0.5,m=2e-2')).toEqual({ beta0: 0.07, beta1: 0.5, m: 0.02 });
    expect(parseFlowDifference('beta0=-1,beta1=0,m=0')).toEqual({ beta0: -1, beta1: 0, m: 0 }); // the library rejects it
    expect(() => parseFlowDifference('beta0=1,beta0=2')).toThrow(UserError);
    expect(() => parseMigrationPath('', '--in-per-year')).toThrow(UserError);
    expect(() => parseMigrationPath('2015:', '--in-per-year')).toThrow(UserError);
  });

  it('are listed by --help in a group of their own', async () => {
    for (const cmd of ['project', 'solve', 'simulate']) {
      const r = await runCli([cmd, '--help']);
      expect(r.stdout).toMatch(/Migration \(sets the scenario's migration block\):\n {2}--net-per-year <n>[^]*--in-per-year <n>[^]*--out-rate <r>[^]*--flow-difference <params>/);
    }
  });
});

describe('in- and out-migrants in every output format', () => {
  it('project --format csv has inMigrants and outMigrants per period', async () => {
    const r = await runCli(['project', SHRINKING_TOWN, ...base, '--until', '2025', '--format', 'csv']);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const at = (time: string, k: string) => rows.find((x) => x[0] === time && x[1] === k)?.[2];
    expect(Number(at('2015-2020', 'inMigrants'))).toBe(0);
    expect(Number(at('2015-2020', 'outMigrants'))).toBeCloseTo(10_000, 6);
    expect(Number(at('2015-2020', 'netMigrants'))).toBeCloseTo(-10_000, 6);
  });

  it('simulate: migration draws held at the bound are counted in the JSON and told in the text', async () => {
    const wild = writeTemp({ 'u.json': JSON.stringify({ migration: { sigma: 1e6 } }) })['u.json']!;
    const args = ['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--uncertainty', wild, '--trajectories', '400'];
    const j = await runCli([...args, '--format', 'json']);
    expect(j.exitCode, j.stderr).toBe(0);
    const doc = simulateOutputSchema.parse(json(j.stdout));
    expect(doc.migrationAtBound).toBeGreaterThan(0);
    const line = `${doc.migrationAtBound} migration draws (trajectory × period) asked for more out-migrants than an age group held; those periods ran at the largest net out-migration the population could supply.`;
    expect(doc.verdicts).toContain(line);
    const t = await runCli(args);
    expect(t.stdout).toContain(`\n${line}\n`);
    // None at the default uncertainty: no line.
    const calm = await runCli(['simulate', TEMPLATES.scenario, ...base, '--until', '2030', '--trajectories', '300']);
    expect(calm.stdout).not.toContain('migration draws');
  });
});
