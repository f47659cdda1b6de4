import { basename, extname } from 'node:path';
import { compareScenarios, type ScenarioComparison } from '../../targets/compare.js';
import type { TargetAssessment } from '../../targets/assessTarget.js';
import type { Target } from '../../targets/target.js';
import { variants, type VariantName } from '../../scenario/variants.js';
import type { Scenario } from '../../scenario/schema.js';
import { formatPersons, formatSigned } from '../../report/format.js';
import type { Verdict } from '../../report/html.js';
import { tableText, type Table } from '../../report/table.js';
import { trajectorySpec } from '../../report/trajectory.js';
import { indent } from '../errors.js';
import { persons, toCsv, type CsvValue } from '../csv.js';
import { gridOptions, readPopulation, readScenario, validated, type GridOptions } from '../inputs.js';
import { applyMigrationOptions, migrationInputs, type MigrationOptions } from '../migration.js';
import { buildReportHtml, jsonText, VERSION, type CommandResult, type Format, type ReportHtml } from '../output.js';
import type { CompareOutput } from '../outputSchemas.js';
import { UserError } from '../userError.js';
import { checkUntil, gridInputs } from './project.js';
import { InputError } from '../../validate/errors.js';

export interface CompareArgs extends GridOptions {
  /** Scenario files, in the order of the columns. */
  scenarios: string[];
  base: string;
  year?: number;
  until: number;
  targets?: Target[];
  openAge?: number;
  /** `--variants`: the first scenario's UN-style variants (medium, high, low, …) take its place. */
  variants?: boolean;
  /** Migration options: they set the migration of every scenario file (the zero-migration variant has none). */
  migration?: MigrationOptions;
  format: Format;
  out?: string;
}

/** One scenario of the comparison: its name (the column), where it comes from, and what it is. */
interface Compared {
  name: string;
  file: string;
  /** The variant (`high`, …) with `--variants`; absent for a file as it is. */
  variant?: VariantName;
  description?: string;
  scenario: Scenario;
}

/** A file's name as a column: its basename without the extension (`scenarios/plan.json` → `plan`). */
function nameOf(file: string): string {
  const b = basename(file);
  return b.slice(0, b.length - extname(b).length) || b;
}

/** The scenarios compared: each file (named by its basename), the first replaced by its variants with `--variants`. */
async function comparedScenarios(args: CompareArgs, baseYear: number): Promise<Compared[]> {
  const out: Compared[] = [];
  const seen = new Map<string, string>();
  for (const [k, file] of args.scenarios.entries()) {
    const scenario = applyMigrationOptions((await readScenario(file)).scenario, args.migration, file);
    const name = nameOf(file);
    const other = seen.get(name);
    if (other !== undefined) throw new UserError(`<scenario>: expected files whose names (basename without the extension) differ, as they name the columns, got ${name} for both ${other} and ${file}`);
    seen.set(name, file);
    if (k === 0 && args.variants) {
      const vs = validated(file, 'scenario for --variants', () => variants(scenario, { baseYear }));
      for (const v of vs) out.push({ name: `${name} ${v.name}`, file, variant: v.name, description: v.description, scenario: v.scenario });
    } else out.push({ name, file, scenario });
  }
  return out;
}

/**
 * `ccmpp compare`: scenario files side by side from one base — the totals and broad age groups at
 * every projected year and each one's verdict against the targets (`compareScenarios`), with
 * `--variants` the first file's UN-style variants (`variants`).
 */
export async function compareCommand(args: CompareArgs): Promise<CommandResult> {
  const base = await readPopulation(args.base, args.year);
  const grid = gridOptions(base, args);
  checkUntil(args.until, base.year, '--until', grid.width);
  for (const t of args.targets ?? []) {
    checkUntil(t.year, base.year, '--target', grid.width);
    if (t.year > args.until) throw new UserError(`--target: expected a year up to --until ${args.until}, got ${t.year}`);
  }
  const compared = await comparedScenarios(args, base.year);
  const c = compareAll(args, compared, () =>
    compareScenarios(
      base,
      compared.map((s) => ({ name: s.name, scenario: s.scenario })),
      { until: args.until, ...grid, ...(args.targets ? { targets: args.targets } : {}), ...(args.openAge === undefined ? {} : { openAge: args.openAge }) },
    ),
  );
  const verdicts = comparisonVerdicts(c);
  const doc: CompareOutput = {
    format: 'ccmpp.compare/1',
    ccmpp: VERSION,
    inputs: {
      scenarios: args.scenarios,
      base: args.base,
      baseYear: base.year,
      until: args.until,
      ...(args.openAge === undefined ? {} : { openAge: args.openAge }),
      variants: args.variants === true,
      ...gridInputs(args),
      ...migrationInputs(args.migration),
    },
    width: grid.width,
    years: c.years,
    targets: c.targets,
    rows: c.rows.map((r, i) => {
      const s = compared[i]!;
      return {
        name: r.name,
        file: s.file,
        ...(s.variant === undefined ? {} : { variant: s.variant, description: s.description! }),
        scenario: s.scenario as Record<string, unknown>,
        years: r.years,
        verdicts: r.verdicts,
      };
    }),
    verdicts: verdicts.map((v) => v.text),
  };
  const json = jsonText(doc);
  const csv = comparisonCsv(c);
  const tables = [totalsTable(c), ...(c.targets.length ? [verdictTable(c)] : [])];
  const stdout = args.format === 'json' ? json : args.format === 'csv' ? csv : `${verdicts.map((v) => v.text).join('\n')}\n\n${tables.map(tableText).join('\n')}`;
  const files =
    args.out === undefined
      ? []
      : [
          { name: 'comparison.json', content: json },
          { name: 'comparison.csv', content: csv },
          { name: 'report.html', ...(await comparisonHtml(args, compared, c, verdicts, tables)) },
        ];
  return { stdout, files };
}

/**
 * Runs the comparison; the library's InputError names a scenario by its column (`scenarios[1].scenario…`),
 * which becomes the file (and the variant) it came from.
 */
function compareAll(args: CompareArgs, compared: readonly Compared[], fn: () => ScenarioComparison): ScenarioComparison {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const lines = e.issues.map((iss) => {
      const m = /^scenarios\[(\d+)\]\.scenario\.?/.exec(iss.path);
      const s = m ? compared[Number(m[1])] : undefined;
      const where = s ? `${s.file}${s.variant === undefined ? '' : ` (variant ${s.variant})`}: ${iss.path.slice(m![0].length) || '(scenario)'}` : iss.path;
      return { ...iss, path: where };
    });
    throw new UserError(`cannot compare the scenarios from ${args.base}:\n${indent(new InputError(lines).message)}`);
  }
}

/** One sentence per scenario: its last total, and how it fares against each target. */
function comparisonVerdicts(c: ScenarioComparison): Verdict[] {
  const last = c.years[c.years.length - 1]!;
  return c.rows.map((r) => {
    const end = r.years[r.years.length - 1]!.total;
    const against = r.verdicts.map((v) => verdictPhrase(v));
    const tone = r.verdicts.length === 0 ? undefined : r.verdicts.every((v) => v.reached) ? 'reached' : 'missed';
    const text = `${r.name}: ${formatPersons(end)} in ${last}${against.length ? `; ${against.join('; ')}` : ''}.`;
    return tone === undefined ? { text } : { text, tone };
  });
}

/** A verdict in words: `reaches 2,600,000 in 2030 (+12,345)` or `misses 2,600,000 in 2030 by 185,815`. */
function verdictPhrase(v: TargetAssessment): string {
  return v.reached
    ? `reaches ${formatPersons(v.target)} in ${v.year} (${formatSigned(v.gap)})`
    : `misses ${formatPersons(v.target)} in ${v.year} by ${formatPersons(-v.gap)}`;
}

/** The totals, one row per year, one column per scenario. */
function totalsTable(c: ScenarioComparison): Table {
  return {
    title: 'Total population by scenario',
    columns: [{ key: 'year', label: 'year' }, ...c.rows.map((r, i) => ({ key: `s${i}`, label: r.name, format: 'persons' as const }))],
    rows: c.years.map((year, t) => {
      const row: Table['rows'][number] = { year: String(year) };
      c.rows.forEach((r, i) => (row[`s${i}`] = r.years[t]!.total));
      return row;
    }),
  };
}

/** Each scenario against each target: projected, gap (projected − target), reached. */
function verdictTable(c: ScenarioComparison): Table {
  return {
    title: 'Against the targets',
    columns: [
      { key: 'scenario', label: 'scenario' },
      { key: 'target', label: 'target' },
      { key: 'projected', label: 'projected', format: 'persons' },
      { key: 'gap', label: 'gap', format: 'signed' },
      { key: 'reached', label: 'reached' },
    ],
    rows: c.rows.flatMap((r) => r.verdicts.map((v) => ({ scenario: r.name, target: `${formatPersons(v.target)} in ${v.year}`, projected: v.projected, gap: v.gap, reached: v.reached ? 'yes' : 'no' }))),
    note: 'Gap: projected - target, persons; reached: projected >= target.',
  };
}

/**
 * Tidy: `scenario,year,indicator,value`, one row per scenario × year × indicator (`total`,
 * `ages0to14`, `ages15to59`, `ages60plus`, `ages65plus`, persons), then per target, in its year,
 * `gap(>=2600000)` (projected − target, persons) and `reached(>=2600000)` (true or false).
 */
function comparisonCsv(c: ScenarioComparison): string {
  const rows: CsvValue[][] = [];
  const keys = ['total', 'ages0to14', 'ages15to59', 'ages60plus', 'ages65plus'] as const;
  for (const r of c.rows) {
    for (const y of r.years) for (const k of keys) rows.push([r.name, y.year, k, persons(y[k])]);
    for (const v of r.verdicts) rows.push([r.name, v.year, `gap(>=${v.target})`, persons(v.gap)], [r.name, v.year, `reached(>=${v.target})`, v.reached]);
  }
  return toCsv(['scenario', 'year', 'indicator', 'value'], rows);
}

/** report.html: the verdicts, the trajectories against the targets, the tables, and what each variant assumes. */
async function comparisonHtml(args: CompareArgs, compared: readonly Compared[], c: ScenarioComparison, verdicts: Verdict[], tables: Table[]): Promise<ReportHtml> {
  const spec = trajectorySpec({
    series: c.rows.map((r) => ({ name: r.name, points: r.years.map((y) => ({ year: y.year, total: y.total })) })),
    targets: c.targets.map((t) => ({ year: t.year, population: t.population })),
  });
  const described = compared.filter((s) => s.description !== undefined);
  return buildReportHtml({
    title: 'Scenarios side by side',
    subtitle: `${args.scenarios.join(', ')} from ${args.base}, ${c.years[0]}-${c.years[c.years.length - 1]}`,
    summary: verdicts,
    sections: [
      { heading: 'The totals', charts: [{ title: 'Total population by scenario', spec }] },
      { heading: 'Tables', tables },
      ...(described.length ? [{ heading: 'The variants', notes: described.map((s) => `${s.name}: ${s.description}.`) }] : []),
    ],
  });
}
