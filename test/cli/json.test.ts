import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { simulateWithProgress } from '../../src/cli/commands/simulate.js';
import { projectOutputSchema, simulateOutputSchema, solveOutputSchema, yingkouOutputSchema } from '../../src/cli/outputSchemas.js';
import { readPopulation } from '../../src/cli/inputs.js';
import { project } from '../../src/scenario/project.js';
import { simulate } from '../../src/stochastic/simulate.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { requiredTfr } from '../../src/targets/requiredTfr.js';
import { yingkou } from '../../src/yingkou/data.js';
import { yingkouReport } from '../../src/yingkou/report.js';
import { TEMPLATES, yingkouFiles } from './helpers.js';

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
    // Chunked with a progress display (the path a terminal takes): the same numbers, the bar driven to the end.
    const seen: number[] = [];
    const chunked = await simulateWithProgress(base, scenario as never, u, options, { start: (n) => seen.push(-n), update: (d) => seen.push(d), stop: () => seen.push(0) });
    expect(chunked.years).toEqual(direct.years);
    expect(seen).toEqual([-4500, 2000, 4000, 4500, 0]);
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
    expect(doc.census.rebased2020.female).toEqual(Array.from(direct.census.rebased2020.female));
    expect(doc.change.urbanization).toEqual(direct.change.urbanization);
    expect(doc.verdicts.length).toBeGreaterThanOrEqual(6);
  });
});
