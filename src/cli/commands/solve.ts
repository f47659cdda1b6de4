import { project, type Projection } from '../../scenario/project.js';
import type { Scenario } from '../../scenario/schema.js';
import { settle, type Settled } from '../../solve/result.js';
import { assessTarget, type TargetAssessment } from '../../targets/assessTarget.js';
import { feasibilityFrontier, type FrontierPoint } from '../../targets/frontier.js';
import { requiredNetMigration } from '../../targets/requiredNetMigration.js';
import { requiredTfr } from '../../targets/requiredTfr.js';
import { applySolution } from '../../targets/applySolution.js';
import type { Target } from '../../targets/target.js';
import type { Warning } from '../../validate/warnings.js';
import { formatFixed, formatPersons, formatSigned } from '../../report/format.js';
import { frontierSpec } from '../../report/frontier.js';
import { tableText, type Table } from '../../report/table.js';
import { trajectorySpec, type TrajectorySeries } from '../../report/trajectory.js';
import { persons, toCsv, type CsvValue } from '../csv.js';
import { UserError } from '../userError.js';
import { gridOptions, readPopulation, readScenario, type GridOptions } from '../inputs.js';
import type { BasePopulation } from '../populationCsv.js';
import { applyMigrationOptions, migrationInputs, type MigrationOptions } from '../migration.js';
import { buildReportHtml, jsonText, VERSION, type ChartRequest, type CommandResult, type Format, type ReportHtml } from '../output.js';
import type { SolveOutput } from '../outputSchemas.js';
import { yearTable } from '../tables.js';
import { checkUntil, gridInputs, runProjection } from './project.js';

export type SolveKind = 'migration' | 'tfr';

export interface SolveArgs extends GridOptions {
  kind: SolveKind;
  scenario: string;
  base: string;
  year?: number;
  target: Target;
  /** Migration only: first year of the constant net migration (default: the base year). */
  from?: number;
  bounds?: [number, number];
  openAge?: number;
  /** Migration options: they set the scenario's migration (`solve migration` replaces it from `from` on). */
  migration?: MigrationOptions;
  /** TFR values of a feasibility frontier to add (net migration needed by target-year TFR). */
  frontier?: number[];
  /** What `table` and `csv` print: 'result' (default) or 'frontier'. */
  table?: 'result' | 'frontier';
  format: Format;
  out?: string;
}

/** `ccmpp solve migration|tfr`: what constant net migration, or what target-year TFR, reaches a population target. */
export async function solveCommand(args: SolveArgs): Promise<CommandResult> {
  if (args.kind === 'tfr' && args.from !== undefined) throw new UserError('--from: expected only with `solve migration` (the TFR solve sets the target year’s TFR), got ' + args.from);
  if (args.table === 'frontier' && !args.frontier) throw new UserError('--table frontier: expected --frontier <tfr values> as well, got no --frontier');
  const scenario = applyMigrationOptions((await readScenario(args.scenario)).scenario, args.migration, args.scenario);
  const base = await readPopulation(args.base, args.year);
  const t = args.target;
  const grid = gridOptions(base, args);
  checkUntil(t.year, base.year, '--target', grid.width);
  // The projection grid of every call: open age (when given), width, graduation.
  const onGrid = { ...grid, ...(args.openAge === undefined ? {} : { openAge: args.openAge }) };
  if (args.from !== undefined && (args.from < base.year || args.from >= t.year))
    throw new UserError(`--from: expected a year from the base year ${base.year} to before the target year ${t.year}, got ${args.from}`);
  const call = <T>(fn: () => T) => runProjection(args.scenario, args.base, fn);
  const assessment = call(() => assessTarget(base, scenario, t, onGrid));
  const result = settle(
    args.kind === 'migration'
      ? call(() => requiredNetMigration(base, scenario, t, { ...onGrid, ...(args.from === undefined ? {} : { from: args.from }), ...(args.bounds ? { bounds: args.bounds } : {}) }))
      : call(() => requiredTfr(base, scenario, t, { ...onGrid, ...(args.bounds ? { bounds: args.bounds } : {}) })),
    args.kind === 'migration' ? 'the net migration' : `the TFR in ${t.year}`,
  );
  // The frontier searches net migration: --bounds apply to it in `solve migration`.
  const frontierBounds = args.kind === 'migration' && args.bounds ? { bounds: args.bounds } : {};
  const frontier = args.frontier
    ? call(() => feasibilityFrontier(base, scenario, t, { tfr: args.frontier!, ...frontierBounds, ...onGrid })).map((p) => ({ ...p, netPerYear: settle(p.netPerYear, `the frontier at TFR ${p.tfr}`) }))
    : undefined;
  // Answers far outside experience (src/validate/warnings.ts): each once, after the two verdicts.
  const flagged = [...assessment.warnings, ...((result as { warnings?: Warning[] }).warnings ?? [])].filter((w, i, all) => all.findIndex((x) => x.message === w.message) === i);
  const verdicts = [assessmentSentence(args.scenario, assessment), solveSentence(args.kind, result, t, args.from ?? base.year), ...flagged.map((w) => `Flagged: ${w.message}.`)];
  const doc: SolveOutput = {
    format: 'ccmpp.solve/1',
    ccmpp: VERSION,
    kind: args.kind,
    inputs: {
      scenario: args.scenario,
      base: args.base,
      baseYear: base.year,
      ...(args.kind === 'migration' ? { from: args.from ?? base.year } : {}),
      ...(args.bounds ? { bounds: args.bounds } : {}),
      ...(args.openAge === undefined ? {} : { openAge: args.openAge }),
      ...gridInputs(args),
      ...migrationInputs(args.migration),
    },
    width: grid.width,
    target: t,
    assessment,
    result,
    verdicts,
    ...(frontier ? { frontier } : {}),
  };
  const json = jsonText(doc);
  const csv = args.table === 'frontier' ? frontierCsv(frontier!) : resultCsv(args.kind, t, assessment, result);
  let stdout: string;
  if (args.format === 'json') stdout = json;
  else if (args.format === 'csv') stdout = csv;
  else {
    stdout = `${verdicts.join('\n')}\n\n${tableText(resultTable(args.kind, t, assessment, result))}`;
    if (frontier) stdout += `\n${tableText(frontierTable(frontier, t))}`;
  }
  const files = [];
  if (args.out !== undefined) {
    files.push({ name: 'solve.json', content: json }, { name: 'solve.csv', content: resultCsv(args.kind, t, assessment, result) });
    if (frontier) files.push({ name: 'frontier.csv', content: frontierCsv(frontier) });
    files.push({ name: 'report.html', ...(await solveReport(args, scenario, base, grid, assessment, result, frontier, verdicts)) });
  }
  return { stdout, files };
}

/** "Under s.json, 2030 is projected at 2,408,970: 191,030 short of the target 2,600,000." */
function assessmentSentence(scenarioName: string, a: TargetAssessment): string {
  return a.reached
    ? `Under ${scenarioName}, ${a.year} is projected at ${formatPersons(a.projected)}: the target ${formatPersons(a.target)} is reached (${formatSigned(a.gap)}).`
    : `Under ${scenarioName}, ${a.year} is projected at ${formatPersons(a.projected)}: ${formatPersons(-a.gap)} short of the target ${formatPersons(a.target)}.`;
}

/** The solve's answer in one sentence with its numbers. */
function solveSentence(kind: SolveKind, r: Settled<number>, t: Target, from: number): string {
  const goal = `${formatPersons(t.population)} in ${t.year}`;
  if (kind === 'migration') {
    if (r.status === 'reachable')
      return `A constant net migration of ${formatSigned(r.value)} persons a year from ${from} to ${t.year} reaches ${goal} (projected ${formatPersons(r.achieved)}).`;
    return r.side === 'above'
      ? `No net migration within the bounds searched reaches ${goal}: the most, ${formatSigned(r.bound)} a year, gives ${formatPersons(r.achieved)}.`
      : `Even the least net migration searched, ${formatSigned(r.bound)} a year, overshoots ${goal}: it gives ${formatPersons(r.achieved)}.`;
  }
  if (r.status === 'reachable')
    return `A TFR of ${formatFixed(r.value, 3)} in ${t.year} (the path running linearly to it from its previous anchor) reaches ${goal} (projected ${formatPersons(r.achieved)}).`;
  return r.side === 'above'
    ? `Fertility alone cannot reach ${goal}: the most, a TFR of ${formatFixed(r.bound, 2)} in ${t.year}, gives ${formatPersons(r.achieved)}.`
    : `Even a TFR of ${formatFixed(r.bound, 2)} in ${t.year} overshoots ${goal}: it gives ${formatPersons(r.achieved)}.`;
}

function resultTable(kind: SolveKind, t: Target, a: TargetAssessment, r: Settled<number>): Table {
  const what = kind === 'migration' ? 'net migration a year' : `TFR in ${t.year}`;
  const solution = (x: number) => (kind === 'migration' ? formatSigned(x) : formatFixed(x, 3));
  const unit = kind === 'migration' ? 'persons a year' : 'children per woman';
  const rows: Table['rows'] = [
    { item: 'target', value: formatPersons(t.population), unit: `persons in ${t.year}` },
    { item: 'projected under the scenario', value: formatPersons(a.projected), unit: 'persons' },
    { item: 'gap (projected - target)', value: formatSigned(a.gap), unit: 'persons' },
  ];
  if (r.status === 'reachable')
    rows.push({ item: `required ${what}`, value: solution(r.value), unit }, { item: 'projected with it', value: formatPersons(r.achieved), unit: 'persons' });
  else
    rows.push(
      { item: `unreachable: ${r.side === 'above' ? 'largest' : 'smallest'} ${what} searched`, value: solution(r.bound), unit },
      { item: 'projected with it (the best achievable)', value: formatPersons(r.achieved), unit: 'persons' },
    );
  return {
    title: kind === 'migration' ? 'Net migration that reaches the target' : 'TFR that reaches the target',
    // Preformatted: the column mixes persons, rates and signed counts.
    columns: [
      { key: 'item', label: 'item' },
      { key: 'value', label: 'value', format: 'persons' },
      { key: 'unit', label: 'unit' },
    ],
    rows,
  };
}

function frontierTable(f: readonly FrontierPoint<Settled<number>>[], t: Target): Table {
  return {
    title: `Frontier: net migration a year that reaches ${formatPersons(t.population)} in ${t.year}, by TFR in ${t.year}`,
    columns: [
      { key: 'tfr', label: 'TFR' },
      { key: 'net', label: 'net migration a year', format: 'signed' },
      { key: 'achieved', label: 'projected', format: 'persons' },
    ],
    rows: f.map((p) => ({
      tfr: formatFixed(p.tfr, 2),
      net: p.netPerYear.status === 'reachable' ? p.netPerYear.value : `${p.netPerYear.side === 'above' ? '>' : '<'} ${formatSigned(p.netPerYear.bound)} (unreachable)`,
      achieved: p.netPerYear.achieved,
    })),
  };
}

/**
 * One row per indicator: `indicator,value`. Persons (the target, the projection, the gap, what a
 * value achieves; a net migration and its bound) rounded to the unit; a TFR at the CSV's precision.
 */
function resultCsv(kind: SolveKind, t: Target, a: TargetAssessment, r: Settled<number>): string {
  const solved = (x: number) => (kind === 'migration' ? persons(x) : x);
  const rows: [string, CsvValue][] = [
    ['target.year', t.year],
    ['target.population', persons(t.population)],
    ['projected', persons(a.projected)],
    ['gap', persons(a.gap)],
    ['reached', a.reached],
    ['status', r.status],
  ];
  if (r.status === 'reachable') rows.push(['value', solved(r.value)], ['achieved', persons(r.achieved)], ['iterations', r.iterations]);
  else rows.push(['side', r.side], ['bound', solved(r.bound)], ['achieved', persons(r.achieved)]);
  return toCsv(['indicator', 'value'], rows);
}

/** One row per TFR: `tfr,status,netPerYear,achieved,side,bound` (net migration, achieved and bound in persons). */
function frontierCsv(f: readonly FrontierPoint<Settled<number>>[]): string {
  return toCsv(
    ['tfr', 'status', 'netPerYear', 'achieved', 'side', 'bound'],
    f.map((p) => {
      const r = p.netPerYear;
      return r.status === 'reachable' ? [p.tfr, r.status, persons(r.value), persons(r.achieved), null, null] : [p.tfr, r.status, null, persons(r.achieved), r.side, persons(r.bound)];
    }),
  );
}

async function solveReport(
  args: SolveArgs,
  scenario: Scenario,
  base: BasePopulation,
  grid: ReturnType<typeof gridOptions>,
  a: TargetAssessment,
  r: Settled<number>,
  frontier: FrontierPoint<Settled<number>>[] | undefined,
  verdicts: string[],
): Promise<ReportHtml> {
  const t = args.target;
  const opts = { until: t.year, ...grid, ...(args.openAge === undefined ? {} : { openAge: args.openAge }) };
  const asGiven = runProjection(args.scenario, args.base, () => project(base, scenario, opts));
  const series: TrajectorySeries[] = [{ name: 'scenario as given', projection: asGiven }];
  let solved: Projection | undefined;
  // A constant net migration from a later year than the base is a step no path can state
  // (applySolution refuses it): then only the scenario as given is drawn.
  const from = args.from ?? base.year;
  const drawable = args.kind === 'tfr' || from === base.year;
  if (r.status === 'reachable' && drawable) {
    const s = runProjection(args.scenario, args.base, () => applySolution(scenario, args.kind, { baseYear: base.year, targetYear: t.year, ...(args.kind === 'migration' ? { from } : {}), value: r.value }));
    solved = runProjection(args.scenario, args.base, () => project(base, s, opts));
    series.push({ name: args.kind === 'migration' ? `with ${formatSigned(r.value)} net migrants a year` : `with TFR ${formatFixed(r.value, 2)} in ${t.year}`, projection: solved });
  }
  const trajectory: ChartRequest = { title: 'Total population against the target', spec: trajectorySpec({ series, targets: [{ year: t.year, population: t.population }] }) };
  if (r.status === 'reachable' && !drawable)
    trajectory.caption = `The solution starts in ${from}, within the projection: the scenario's migration before it and the constant after it make a step no scenario path can state, so only the scenario as given is drawn.`;
  const charts: ChartRequest[] = [trajectory];
  if (frontier) charts.push({ title: 'Feasibility frontier', spec: frontierSpec(frontier, { target: t }) });
  const tables = [resultTable(args.kind, t, a, r), yearTable(asGiven.indicators.years, 'Population by year, scenario as given')];
  if (solved) tables.push(yearTable(solved.indicators.years, 'Population by year, with the solution'));
  if (frontier) tables.push(frontierTable(frontier, t));
  return buildReportHtml({
    title: args.kind === 'migration' ? 'What net migration reaches the target?' : 'What fertility reaches the target?',
    subtitle: `${args.scenario} from ${args.base} (${base.year}), target ${formatPersons(t.population)} in ${t.year}`,
    summary: [
      { text: verdicts[0]!, tone: a.reached ? 'reached' : 'missed' },
      { text: verdicts[1]!, tone: r.status === 'reachable' ? 'info' : 'missed' },
      ...verdicts.slice(2).map((text) => ({ text, tone: 'missed' as const })),
    ],
    sections: [
      { heading: 'Pictures', charts },
      { heading: 'Tables', tables },
    ],
  });
}
