import { project, type Projection } from '../../scenario/project.js';
import type { Scenario } from '../../scenario/schema.js';
import { formatPercent, formatPersons } from '../../report/format.js';
import { pyramidSpec } from '../../report/pyramid.js';
import { tableText } from '../../report/table.js';
import { trajectorySpec } from '../../report/trajectory.js';
import { indent } from '../errors.js';
import { UserError } from '../userError.js';
import { gridOptions, readPopulation, readScenario, type GridOptions } from '../inputs.js';
import type { BasePopulation } from '../populationCsv.js';
import { applyMigrationOptions, migrationInputs, type MigrationOptions } from '../migration.js';
import { buildReportHtml, jsonText, VERSION, type CommandResult, type Format, type ReportHtml } from '../output.js';
import type { ProjectOutput } from '../outputSchemas.js';
import { indicatorsCsv, periodTable, populationCsv, populationTable, yearTable } from '../tables.js';
import { InputError } from '../../validate/errors.js';
import type { Width } from '../../ages/grid.js';

export interface ProjectArgs extends GridOptions {
  scenario: string;
  base: string;
  year?: number;
  until: number;
  openAge?: number;
  /** Migration options (`--net-per-year`, `--in-per-year`, `--out-rate`, `--flow-difference`): they set the scenario's migration. */
  migration?: MigrationOptions;
  /** What `table` and `csv` print: 'indicators' (default) or 'population'. */
  table?: 'indicators' | 'population';
  /** Years of the pyramid in report.html; default the first and the last. */
  pyramidYears?: number[];
  format: Format;
  out?: string;
}

/** Reads the inputs and projects; input problems are UserErrors naming the file. */
async function loadAndProject(args: {
  scenario: string;
  base: string;
  year?: number | undefined;
  until: number;
  openAge?: number | undefined;
  migration?: MigrationOptions | undefined;
} & GridOptions): Promise<{
  scenario: Scenario;
  base: BasePopulation;
  projection: Projection;
}> {
  const scenario = applyMigrationOptions((await readScenario(args.scenario)).scenario, args.migration, args.scenario);
  const base = await readPopulation(args.base, args.year);
  const grid = gridOptions(base, args);
  checkUntil(args.until, base.year, '--until', grid.width);
  const projection = runProjection(args.scenario, args.base, () =>
    project(base, scenario, { until: args.until, ...grid, ...(args.openAge === undefined ? {} : { openAge: args.openAge }) }),
  );
  return { scenario, base, projection };
}

/** A year the projection can reach from `baseYear`: after it, by a multiple of 5 at width 5 (any later year at width 1). */
export function checkUntil(until: number, baseYear: number, option: string, width: Width = 5): void {
  if (width === 1 && !(until > baseYear)) throw new UserError(`${option}: expected a year after the base year ${baseYear} (e.g. ${baseYear + 15}), got ${until}`);
  if (!(until > baseYear) || (until - baseYear) % width !== 0)
    throw new UserError(`${option}: expected a year after the base year ${baseYear} by a multiple of 5 (e.g. ${baseYear + 15}), got ${until}`);
}

/** The grid options as the JSON's `inputs` records them: `width` and `graduation` when given. */
export function gridInputs(args: GridOptions): GridOptions {
  return { ...(args.width === undefined ? {} : { width: args.width }), ...(args.graduation === undefined ? {} : { graduation: args.graduation }) };
}

/** Runs a library call on the inputs; its InputError becomes a UserError naming both files. */
export function runProjection<T>(scenarioFile: string, baseFile: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw projectionError(scenarioFile, baseFile, e);
  }
}

/** What {@link runProjection} throws for an error of a library call: an InputError as a UserError naming both files, anything else as it is. */
export function projectionError(scenarioFile: string, baseFile: string, e: unknown): unknown {
  return e instanceof InputError ? new UserError(`cannot project ${scenarioFile} from ${baseFile}:\n${indent(e.message)}`) : e;
}

/** `ccmpp project`: a projection with its indicators. */
export async function projectCommand(args: ProjectArgs): Promise<CommandResult> {
  const { scenario, base, projection: p } = await loadAndProject(args);
  const doc: ProjectOutput = {
    format: 'ccmpp.project/1',
    ccmpp: VERSION,
    inputs: { scenario: args.scenario, base: args.base, baseYear: base.year, until: args.until, openAge: p.openAge, ...gridInputs(args), ...migrationInputs(args.migration) },
    scenario: scenario as Record<string, unknown>,
    width: p.width,
    ageGroups: p.ageGroups,
    years: p.years,
    population: p.years.map((year, t) => ({ year, female: Array.from(p.population[t]!.female), male: Array.from(p.population[t]!.male) })),
    indicators: p.indicators,
  };
  const json = jsonText(doc);
  const table = args.table ?? 'indicators';
  let stdout: string;
  if (args.format === 'json') stdout = json;
  else if (args.format === 'csv') stdout = table === 'population' ? populationCsv(p) : indicatorsCsv(p.indicators);
  else {
    const head = `${headline(args.scenario, args.base, p)}\n\n`;
    stdout =
      table === 'population'
        ? head + tableText(populationTable(p))
        : `${head}${tableText(yearTable(p.indicators.years))}\n${tableText(periodTable(p.indicators.periods))}`;
  }
  const files = [];
  if (args.out !== undefined) {
    files.push(
      { name: 'projection.json', content: json },
      { name: 'indicators.csv', content: indicatorsCsv(p.indicators) },
      { name: 'population.csv', content: populationCsv(p) },
      { name: 'report.html', ...(await projectReport(args, p)) },
    );
  }
  return { stdout, files };
}

function headline(scenarioFile: string, baseFile: string, p: Projection): string {
  const first = p.indicators.years[0]!;
  const last = p.indicators.years[p.indicators.years.length - 1]!;
  const change = last.total / first.total - 1;
  return (
    `Projection of ${scenarioFile} from ${baseFile}, ${first.year}-${last.year} (${p.width === 1 ? `single years of age and annual steps, open age ${p.openAge}+` : `open age ${p.openAge}+`}): ` +
    `${formatPersons(first.total)} in ${first.year}, ${formatPersons(last.total)} in ${last.year} (${change >= 0 ? '+' : ''}${formatPercent(change, 1)}).`
  );
}

async function projectReport(args: ProjectArgs, p: Projection): Promise<ReportHtml> {
  const first = p.indicators.years[0]!;
  const last = p.indicators.years[p.indicators.years.length - 1]!;
  const years = args.pyramidYears ?? [first.year, last.year];
  for (const y of years) if (!p.years.includes(y)) throw new UserError(`--pyramid-years: expected years of the projection (${p.years.join(', ')}), got ${y}`);
  return buildReportHtml({
    title: 'Population projection',
    subtitle: `${args.scenario} from ${args.base}, ${first.year}-${last.year}`,
    summary: [{ text: headline(args.scenario, args.base, p) }, { text: `The share aged 60+ goes from ${formatPercent(first.share60plus)} to ${formatPercent(last.share60plus)}; the median age from ${first.medianAge.toFixed(1)} to ${last.medianAge.toFixed(1)} years.` }],
    sections: [
      {
        heading: 'Pictures',
        charts: [
          { title: 'Total population', spec: trajectorySpec({ series: [{ name: 'projection', projection: p }] }) },
          { title: 'Population pyramid', spec: pyramidSpec(p, years), caption: 'The first year filled, later years as outlines.' },
        ],
      },
      { heading: 'Tables', tables: [yearTable(p.indicators.years), periodTable(p.indicators.periods), populationTable(p)] },
    ],
  });
}
