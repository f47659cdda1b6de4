import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { simulateWithProgress } from '../../src/cli/commands/simulate.js';
import { formatProbability } from '../../src/cli/commands/yingkou.js';
import { projectOutputSchema, simulateOutputSchema, solveOutputSchema, yingkouOutputSchema } from '../../src/cli/outputSchemas.js';
import { readPopulation } from '../../src/cli/inputs.js';
import { project } from '../../src/scenario/project.js';
import { PROGRESS_CHUNK, simulate } from '../../src/stochastic/simulate.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { yingkou } from '../../src/yingkou/data.js';
import { yingkouReport } from '../../src/yingkou/report.js';
import { TEMPLATES, writeTemp, yingkouFiles } from './helpers.js';

// `--format json` is the stable output: each command's real output is validated against its strict
// zod schema (src/cli/outputSchemas.ts — an unknown or missing field fails), and its numbers are
// checked against the library called directly.

const scenarioOf = async (file: string) => JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('--format json', () => {
  it('project: the template projection, as the library computes it', async () => {
    const r = await runCli(['project', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = projectOutputSchema.parse(JSON.parse(r.stdout));
    const { $schema: _, ...scenario } = await scenarioOf(TEMPLATES.scenario);
    const base = await readPopulation(TEMPLATES.population, 2015);
    const p = project(base, scenario as never, { until: 2030 });
    expect(doc.years).toEqual([2015, 2020, 2025, 2030]);
    expect(doc.ageGroups).toEqual(p.ageGroups);
    expect(doc.population[3]!.female).toEqual(Array.from(p.population[3]!.female));
    expect(doc.indicators).toEqual(JSON.parse(JSON.stringify(p.indicators)));
    expect(doc.inputs).toEqual({ scenario: TEMPLATES.scenario, base: TEMPLATES.population, baseYear: 2015, until: 2030, openAge: 100 });
  });

  it('solve migration and tfr: the library’s answers, with a frontier', async () => {
    const f = yingkouFiles();
    const target = { year: 2030, population: 2_600_000 };
    const m = await runCli(['solve', 'migration', f.plan, '--base', f.base, '--target', '2030:2600000', '--frontier', '1.2,1.8,3', '--format', 'json']);
    expect(m.exitCode, m.stderr).toBe(0);
    const dm = solveOutputSchema.parse(JSON.parse(m.stdout));
    expect(dm.result).toEqual(requiredNetMigration(yingkou.base2015, yingkou.scenarios.plan, target));
    expect(dm.result.status).toBe('reachable');
    expect(dm.frontier?.map((p) => p.tfr)).toEqual([1.2, 1.8, 3]);
    expect(dm.assessment.reached).toBe(false);
    const t = await runCli(['solve', 'tfr', f.plan, '--base', f.base, '--target', '2030:2600000', '--bounds', '0:3', '--format', 'json']);
    expect(t.exitCode, t.stderr).toBe(0);
    const dt = solveOutputSchema.parse(JSON.parse(t.stdout));
    expect(dt.result).toEqual(requiredTfr(yingkou.base2015, yingkou.scenarios.plan, target, { bounds: [0, 3] }));
    expect(dt.result).toMatchObject({ status: 'unreachable', side: 'above', bound: 3 });
    expect(dt.verdicts[1]).toMatch(/^Fertility alone cannot reach 2,600,000 in 2030: the most, a TFR of 3\.00 in 2030, gives 2,\d{3},\d{3}\.$/);
  });

  it('simulate: equal to simulate() bit for bit (the progress chunks change nothing)', async () => {
    const args = ['simulate', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030'];
    const r = await runCli([...args, '--uncertainty', TEMPLATES.uncertainty, '--trajectories', '4500', '--seed', '11', '--target', '2030:1050000', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = simulateOutputSchema.parse(JSON.parse(r.stdout));
    const { $schema: _, ...scenario } = await scenarioOf(TEMPLATES.scenario);
    const base = await readPopulation(TEMPLATES.population, 2015);
    const u = await scenarioOf(TEMPLATES.uncertainty);
    const options = { trajectories: 4500, seed: 11, until: 2030, quantiles: [0.025, 0.1, 0.5, 0.9, 0.975], targets: [{ year: 2030, population: 1_050_000 }] };
    const direct = simulate(base, scenario as never, u, options);
    expect(doc.years).toEqual(JSON.parse(JSON.stringify(direct.years)));
    expect(doc.probabilities).toEqual([direct.probability({ year: 2030, population: 1_050_000 })]);
    // With a progress display (the path a terminal takes: simulate's onProgress): the same output,
    // the bar started with the total, driven chunk by chunk to the end, and stopped.
    const seen: number[] = [];
    const progress = () => ({ start: (n: number) => seen.push(-n), update: (d: number) => seen.push(d), stop: () => seen.push(0) });
    const watched = await runCli([...args, '--uncertainty', TEMPLATES.uncertainty, '--trajectories', '4500', '--seed', '11', '--target', '2030:1050000', '--format', 'json'], { progress });
    expect(watched.stdout).toBe(r.stdout);
    expect(seen).toEqual([-4500, 1000, 2000, 3000, 4000, 4500, 0]);
    expect(PROGRESS_CHUNK).toBe(1000);
    expect(doc.e0OutOfReach).toBe(direct.e0OutOfReach);
    expect(doc.migrationAtBound).toBe(direct.migrationAtBound);
    // Out-migration draws larger than the population no longer abort the run: those periods run at
    // the largest feasible out-flow, and are counted (test/cli/migration.test.ts).
    seen.length = 0;
    const wild = writeTemp({ 'u.json': JSON.stringify({ migration: { sigma: 1e6 } }) })['u.json']!;
    const held = await runCli([...args, '--uncertainty', wild, '--trajectories', '4500', '--format', 'json'], { progress });
    expect(held.exitCode, held.stderr).toBe(0);
    expect(simulateOutputSchema.parse(JSON.parse(held.stdout)).migrationAtBound).toBeGreaterThan(0);
    expect(seen).toEqual([-4500, 1000, 2000, 3000, 4000, 4500, 0]);
    // The bar is stopped even when the run fails: an open age the simulation refuses …
    seen.length = 0;
    const failed = await runCli([...args, '--trajectories', '4500', '--open-age', '62', '--format', 'json'], { progress });
    expect(failed.exitCode).toBe(2);
    expect(failed.stderr).toMatch(/^ccmpp: cannot project data\/templates\/scenario\.json from data\/templates\/population\.csv:\n {2}options\.openAge: expected a multiple of 5 from 65 to 130, got 62/);
    expect(seen).toEqual([-4500, 0]);
    // … or when the display itself throws.
    seen.length = 0;
    const fault = new Error('display broke');
    expect(() => simulateWithProgress(base, scenario as never, u, options, { start: () => {}, update: () => { throw fault; }, stop: () => seen.push(0) })).toThrow(fault);
    expect(seen).toEqual([0]);
  });

  it('yingkou: the report of yingkouReport(), every figure', async () => {
    const r = await runCli(['yingkou', '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = yingkouOutputSchema.parse(JSON.parse(r.stdout));
    const direct = yingkouReport();
    expect(doc.requiredMigration).toEqual(direct.requiredMigration);
    expect(doc.requiredTfr2030).toEqual(direct.requiredTfr2030);
    expect(doc.frontier).toEqual(direct.frontier);
    expect(doc.planAlone.verdicts).toEqual(direct.planAlone.verdicts);
    expect(doc.planAlone.trajectory.indicators).toEqual(JSON.parse(JSON.stringify(direct.planAlone.trajectory.projection.indicators)));
    expect(doc.census.impliedNetMigration).toEqual(direct.census.impliedNetMigration);
    // How migration is modelled, and the 2020 census by its groups against the projected 2020: as computed.
    expect(doc.migrationMethod).toEqual(direct.migrationMethod);
    expect(doc.migrationMethod.inProfile).toBe('rogers-castro');
    expect(doc.census.groups2020).toEqual(JSON.parse(JSON.stringify(direct.census.groups2020)));
    expect(doc.census.groups2020.map((g) => g.label)).toEqual(['total', '0–14', '15–59', '60+', '65+', 'female', 'male']);
    expect(doc.census.groups2020[0]!.census).toBe(doc.census.census2020);
    expect(doc.census.groups2020[0]!.withoutMigration).toBeCloseTo(doc.census.projected2020, 6);
    expect(doc.census.rebased2020.female).toEqual(Array.from(direct.census.rebased2020.female));
    expect(doc.change.urbanization).toEqual(direct.change.urbanization);
    // (7) the uncertainty section: settings, and per run its years and probabilities, as computed.
    expect(doc.uncertainty).toEqual(JSON.parse(JSON.stringify(direct.uncertainty)));
    expect(doc.uncertainty.runs.map((run) => run.name)).toEqual(['plan, no migration', 'plan + migration reaching 2.6 million']);
    expect(doc.uncertainty.runs[0]!.probabilities.map((p) => [p.year, p.population])).toEqual([
      [2020, 2_450_000],
      [2030, 2_600_000],
    ]);
    expect(doc.uncertainty.runs[0]!.years.map((y) => y.year)).toEqual([2015, 2020, 2025, 2030]);
    expect(doc.verdicts).toHaveLength(8);
    const p2030 = direct.uncertainty.runs[0]!.probabilities[1]!;
    expect(doc.verdicts[7]).toContain(`reach 2,600,000 by 2030 with a probability of ${formatProbability(p2030.p)} (95 % interval ${formatProbability(p2030.lower)} to ${formatProbability(p2030.upper)})`);
    expect(doc.verdicts[7]).toMatch(/^\(7\) .*, and 2,450,000 in 2020 with [\d.]+ % \(95 % interval [\d.]+ % to [\d.]+ %\)\. With the \+[\d,]+ net migrants a year of answer \(2\), P\(2,600,000 by 2030\) = [\d.]+ % /);
  });

  it('probabilities print with two significant digits near 0 % and 100 %', () => {
    expect([0, 3.8413e-5, 0.0338393, 0.5014, 0.99996158, 1].map(formatProbability)).toEqual(['0 %', '0.0038 %', '3.4 %', '50.1 %', '99.9962 %', '100 %']);
    expect(formatProbability(0.000999)).toBe('0.1 %'); // 0.0999 % rounds to 2 significant digits
    expect(formatProbability(0.9984)).toBe('99.8 %'); // 0.16 % from 100 %: one decimal is enough
  });
});
