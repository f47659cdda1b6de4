import { SERIES } from '../../stochastic/accumulator.js';
import { simulate, type Simulation, type SimulateOptions, type TargetProbability } from '../../stochastic/simulate.js';
import { uncertaintySchema, type Uncertainty } from '../../stochastic/uncertainty.js';
import type { Population } from '../../project/projectCohorts.js';
import type { Width } from '../../ages/grid.js';
import type { Scenario } from '../../scenario/schema.js';
import type { Target } from '../../targets/target.js';
import { parseWith } from '../../validate/parse.js';
import { MAX_WORKERS } from '../../validate/schemas.js';
import { uncertaintyText } from '../../report/uncertainty.js';
import { formatLevel, formatPercent, formatPersons } from '../../report/format.js';
import type { Verdict } from '../../report/html.js';
import { tableText, type Table } from '../../report/table.js';
import { FAN_LEVELS, simulationFan } from '../../report/fan.js';
import { trajectorySpec } from '../../report/trajectory.js';
import { persons, toCsv, type CsvValue } from '../csv.js';
import { UserError } from '../userError.js';
import { gridOptions, parseInteger, parseJsonFile, readPopulation, readScenario, readText, validated, type GridOptions } from '../inputs.js';
import { applyMigrationOptions, migrationInputs, type MigrationOptions } from '../migration.js';
import { buildReportHtml, jsonText, VERSION, type CommandResult, type Format, type Progress, type ReportHtml } from '../output.js';
import type { SimulateOutput } from '../outputSchemas.js';
import { checkUntil, gridInputs, projectionError, runProjection } from './project.js';

export interface SimulateArgs extends GridOptions {
  scenario: string;
  base: string;
  year?: number;
  until: number;
  /** JSON file of the uncertainty (`{ tfr?, e0?, migration? }`); absent: the documented defaults. */
  uncertainty?: string;
  trajectories: number;
  seed: number;
  targets?: Target[];
  openAge?: number;
  /**
   * `--workers`: worker threads (`simulateParallel`, the `ccmpp/parallel` entry), 1 to
   * {@link MAX_WORKERS}; default 1, `simulate` on the main thread. The results are the same bit for
   * bit whatever the number.
   */
  workers?: number;
  /** Migration options: they set the scenario's migration (the migration σ varies its net figure). */
  migration?: MigrationOptions;
  format: Format;
  out?: string;
}


/** `--workers n`: an integer from 1 to {@link MAX_WORKERS}. */
export function parseWorkers(text: string, option = '--workers'): number {
  const n = parseInteger(text, option, `expected an integer from 1 to ${MAX_WORKERS} (worker threads)`);
  if (n < 1 || n > MAX_WORKERS) throw new UserError(`${option}: expected an integer from 1 to ${MAX_WORKERS} (worker threads), got ${n}`);
  return n;
}

/**
 * `simulate` driving a progress display through its `onProgress` option (the results are the same
 * bit for bit with or without it). The bar is stopped however the run ends.
 */
export function simulateWithProgress(base: Population, scenario: Scenario, uncertainty: Uncertainty, options: SimulateOptions, progress?: Progress): Simulation {
  if (!progress) return simulate(base, scenario, uncertainty, options);
  progress.start(options.trajectories);
  try {
    return simulate(base, scenario, uncertainty, { ...options, onProgress: (done) => progress.update(done) });
  } finally {
    progress.stop();
  }
}

/** `ccmpp simulate`: Monte Carlo around a scenario — quantiles by year and the probability of reaching targets. */
export async function simulateCommand(args: SimulateArgs, progress?: Progress): Promise<CommandResult> {
  const scenario = applyMigrationOptions((await readScenario(args.scenario)).scenario, args.migration, args.scenario);
  const base = await readPopulation(args.base, args.year);
  const grid = gridOptions(base, args);
  checkUntil(args.until, base.year, '--until', grid.width);
  for (const t of args.targets ?? []) checkUntil(t.year, base.year, '--target', grid.width);
  for (const t of args.targets ?? []) if (t.year > args.until) throw new UserError(`--target: expected a year up to --until ${args.until}, got ${t.year}`);
  let uncertainty: Uncertainty = {};
  if (args.uncertainty !== undefined) {
    const file = args.uncertainty;
    const json = parseJsonFile(await readText(file, 'uncertainty'), file);
    uncertainty = validated(file, 'uncertainty', () => parseWith(uncertaintySchema, json));
  }
  const options: SimulateOptions = {
    trajectories: args.trajectories,
    seed: args.seed,
    until: args.until,
    quantiles: [...FAN_LEVELS],
    ...grid,
    ...(args.targets ? { targets: args.targets } : {}),
    ...(args.openAge === undefined ? {} : { openAge: args.openAge }),
  };
  const workers = args.workers ?? 1;
  let sim: Simulation;
  if (workers === 1) sim = runProjection(args.scenario, args.base, () => simulateWithProgress(base, scenario, uncertainty, options, progress));
  else {
    // Loaded only here: worker threads are Node's, and the workers report only when done (no progress bar).
    const { simulateParallel } = await import('../../parallel.js');
    sim = await simulateParallel(base, scenario, uncertainty, { ...options, workers }).catch((e: unknown) => {
      throw projectionError(args.scenario, args.base, e);
    });
  }
  const probabilities = (args.targets ?? []).map((t) => sim.probability(t));
  const verdicts = simulationVerdicts(sim, probabilities);
  const doc: SimulateOutput = {
    format: 'ccmpp.simulate/1',
    ccmpp: VERSION,
    inputs: {
      scenario: args.scenario,
      base: args.base,
      uncertainty: args.uncertainty ?? null,
      baseYear: base.year,
      until: args.until,
      ...(args.openAge === undefined ? {} : { openAge: args.openAge }),
      ...gridInputs(args),
      ...migrationInputs(args.migration),
    },
    width: grid.width,
    trajectories: sim.trajectories,
    seed: sim.seed,
    uncertainty: sim.uncertainty,
    mortality: sim.mortality,
    quantileLevels: sim.quantileLevels,
    years: sim.years,
    e0OutOfReach: sim.e0OutOfReach,
    migrationAtBound: sim.migrationAtBound,
    probabilities,
    verdicts: verdicts.map((v) => v.text),
  };
  const json = jsonText(doc);
  const csv = simulationCsv(sim, probabilities);
  const stdout = args.format === 'json' ? json : args.format === 'csv' ? csv : `${verdicts.map((v) => v.text).join('\n')}\n\n${tableText(quantileTable(sim))}`;
  const files =
    args.out === undefined
      ? []
      : [
          { name: 'simulation.json', content: json },
          { name: 'simulation.csv', content: csv },
          { name: 'report.html', ...(await simulationHtml(args, grid.width, sim, probabilities, verdicts)) },
        ];
  return { stdout, files };
}

function simulationVerdicts(sim: Simulation, probabilities: TargetProbability[]): Verdict[] {
  const last = sim.years[sim.years.length - 1]!;
  const q = last.total.quantiles;
  const out: Verdict[] = [
    {
      text: `${sim.trajectories.toLocaleString('en-US')} trajectories (seed ${sim.seed}): in ${last.year} the total is ${formatPersons(q[2]!)} at the median (the scenario itself: ${formatPersons(last.total.deterministic)}), between ${formatPersons(q[0]!)} and ${formatPersons(q[4]!)} in 95 % of trajectories.`,
    },
  ];
  for (const p of probabilities) {
    out.push({
      text: `P(total ≥ ${formatPersons(p.population)} in ${p.year}) = ${formatPercent(p.p, 1)} (95 % interval of the Monte Carlo error ${formatPercent(p.lower, 1)} to ${formatPercent(p.upper, 1)}).`,
      tone: p.p >= 0.5 ? 'reached' : 'missed',
    });
  }
  if (sim.e0OutOfReach > 0) out.push({ text: `${sim.e0OutOfReach} life-expectancy draws lay beyond the mortality model's reach and were held at its bound.` });
  if (sim.migrationAtBound > 0)
    out.push({
      text: `${sim.migrationAtBound} migration draws (trajectory × period) asked for more out-migrants than an age group held; those periods ran at the largest net out-migration the population could supply.`,
    });
  return out;
}

/** Per year: the scenario, the mean and the quantiles of the total. */
function quantileTable(sim: Simulation): Table {
  const levels = sim.quantileLevels;
  return {
    title: 'Total population: quantiles over the trajectories',
    columns: [
      { key: 'year', label: 'year' },
      { key: 'deterministic', label: 'scenario', format: 'persons' },
      { key: 'mean', label: 'mean', format: 'persons' },
      ...levels.map((l, i) => ({ key: `q${i}`, label: formatLevel(l, 2), format: 'persons' as const })),
    ],
    rows: sim.years.map((y) => {
      const row: Table['rows'][number] = { year: String(y.year), deterministic: y.total.deterministic, mean: y.total.mean };
      y.total.quantiles.forEach((v, i) => (row[`q${i}`] = v));
      return row;
    }),
  };
}

/**
 * Tidy: `year,series,statistic,value`, one row per year × series (total, 0–14, …) × statistic
 * (persons: `deterministic`, `mean`, `min`, `max`, the quantiles `q0.025`…; `resolution`, the
 * width within which the quantiles are exact), then per target, in its year and series `total`, the
 * probability `p(>=2600000)` with its Monte Carlo interval `p(>=2600000).lower` / `.upper` and
 * `p(>=2600000).exact` (as in the JSON's `probabilities`).
 */
function simulationCsv(sim: Simulation, probabilities: readonly TargetProbability[]): string {
  const rows: CsvValue[][] = [];
  for (const y of sim.years) {
    for (const name of SERIES) {
      const s = y[name];
      rows.push([y.year, name, 'deterministic', persons(s.deterministic)], [y.year, name, 'mean', persons(s.mean)], [y.year, name, 'min', persons(s.min)], [y.year, name, 'max', persons(s.max)]);
      sim.quantileLevels.forEach((l, i) => rows.push([y.year, name, `q${l}`, persons(s.quantiles[i]!)]));
      rows.push([y.year, name, 'resolution', s.resolution]);
    }
  }
  for (const p of probabilities) {
    const stat = `p(>=${p.population})`;
    rows.push([p.year, 'total', stat, p.p], [p.year, 'total', `${stat}.lower`, p.lower], [p.year, 'total', `${stat}.upper`, p.upper], [p.year, 'total', `${stat}.exact`, p.exact]);
  }
  return toCsv(['year', 'series', 'statistic', 'value'], rows);
}

async function simulationHtml(args: SimulateArgs, width: Width, sim: Simulation, probabilities: TargetProbability[], verdicts: Verdict[]): Promise<ReportHtml> {
  const spec = trajectorySpec({
    series: [{ name: 'scenario', points: sim.years.map((y) => ({ year: y.year, total: y.total.deterministic })) }],
    fan: simulationFan(sim),
    targets: (args.targets ?? []).map((t) => ({ year: t.year, population: t.population })),
  });
  const u = sim.uncertainty;
  const probTable: Table = {
    title: 'Probability of reaching the targets',
    columns: [
      { key: 'target', label: 'target' },
      { key: 'p', label: 'P(total ≥ target)', format: 'percent1' },
      { key: 'lower', label: '95 % low', format: 'percent1' },
      { key: 'upper', label: '95 % high', format: 'percent1' },
    ],
    rows: probabilities.map((p) => ({ target: `${formatPersons(p.population)} in ${p.year}`, p: p.p, lower: p.lower, upper: p.upper })),
  };
  return buildReportHtml({
    title: 'Simulation: how uncertain is the projection?',
    subtitle: `${args.scenario} from ${args.base}, ${sim.trajectories.toLocaleString('en-US')} trajectories, seed ${sim.seed}`,
    summary: verdicts,
    sections: [
      { heading: 'The fan', charts: [{ title: 'Total population with its simulation fan', spec }] },
      { heading: 'Tables', tables: [quantileTable(sim), ...(probabilities.length ? [probTable] : [])] },
      {
        heading: 'Assumptions',
        notes: [
          uncertaintyText(u).tfr,
          `Life expectancy: the scenario's path plus a random walk with σ = ${u.e0.sigma.toFixed(3)} years per period (both sexes alike).`,
          `Migration: the scenario's, plus a normal deviation of net migration with σ = ${formatPersons(u.migration.sigma)} persons a year per period (turned into gross flows as the scenario's net figure is; with gross flows, on top of them). A draw asking for more out-migrants than an age group holds runs at the largest net out-migration the population can supply (${sim.migrationAtBound} such draws).`,
          ...(width === 1
            ? ['Annual steps on single years of age: the σ and ρ above are per 5-year period, each year’s draw scaled so that the spread at the 5-year marks is theirs (src/stochastic/uncertainty.ts, perStep).']
            : []),
          `Survival for a drawn e0: ${sim.mortality === 'exact' ? 'solved exactly' : 'interpolated from a table of exact solves'}. Quantiles from histograms, each within its resolution (see the JSON).`,
        ],
      },
    ],
  });
}
