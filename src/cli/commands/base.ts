import { ageGroupLabel, type Width } from '../../ages/grid.js';
import { sumAges } from '../../ages/broad.js';
import { fitToMargins, type Margin } from '../../base/fitToMargins.js';
import { formatPersons } from '../../report/format.js';
import { pyramidSpec } from '../../report/pyramid.js';
import { tableText, type Table } from '../../report/table.js';
import { SEXES, type Sex } from '../../types.js';
import { formatValue, InputError } from '../../validate/errors.js';
import { indent } from '../errors.js';
import { persons, toCsv } from '../csv.js';
import { parseJsonFile, readPopulation, readText, validated } from '../inputs.js';
import { buildReportHtml, jsonText, type CommandResult, type Format } from '../output.js';
import { quoted, type BasePopulation } from '../populationCsv.js';
import { populationTable } from '../tables.js';
import { UserError } from '../userError.js';

export interface BaseArgs {
  /** Population file (CSV or JSON, as `--base` reads it) whose age–sex shape is fitted. */
  reference: string;
  /** `--margins`: the compact list (see {@link parseMargins}) or a JSON file of Margin[] (ends in `.json`). */
  margins: string;
  /** Year of the fitted population; default the JSON reference's year (a CSV reference needs it). */
  year?: number;
  format: Format;
  out?: string;
}

/** A margin as given on the command line: its text (for messages and tables) and the library's margin. */
interface NamedMargin {
  /** The group (`0-14`, `female`, `female:15-59`). */
  label: string;
  /** The item as written (`0-14:260000`), quoted by messages. */
  item: string;
  margin: Margin;
}

const MARGINS_EXAMPLE = '0-14:260000,15-59:1693000,60+:490000';
const ITEM_RULE = `expected items [sex:][ages:]persons separated by commas, e.g. ${MARGINS_EXAMPLE},female:1220000`;

/**
 * `--margins` in its compact form: items `[sex:][ages:]persons` separated by commas, each a known
 * total of the population:
 *
 * - ages `a-b` (both included, as the labels of the groups: `15-59` is ages 15 to 59), `a+` (a and
 *   over, the open group included) or a single age `a`; absent: all ages;
 * - sex `female` or `male`; absent: both sexes;
 * - persons: a number >= 0 (`_` may group digits: 1_693_000).
 *
 * `0-14:260000,15-59:1693000,60+:490000,female:1220000` gives three age groups and the women. The
 * ages are checked against the reference's grid by {@link checkOnGrid}; whether the margins agree
 * with one another, by `fitToMargins`.
 */
export function parseMargins(text: string, option = '--margins'): NamedMargin[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UserError(`${option}: ${ITEM_RULE}, got ${quoted(text)}`);
  return items.map((item) => {
    const parts = item.split(':').map((s) => s.trim());
    const label = parts.slice(0, -1).join(':');
    if (parts.length < 2 || parts.length > 3) throw new UserError(`${option}: ${ITEM_RULE}, got ${quoted(item)}`);
    const count = parts[parts.length - 1]!;
    const population = count === '' ? NaN : Number(count.replace(/_/g, ''));
    if (!Number.isFinite(population) || population < 0) throw new UserError(`${option}: expected persons >= 0 after the last colon of ${quoted(item)}, got ${quoted(count)}`);
    const margin: Margin = { population };
    const head = parts.slice(0, -1);
    if (head.length === 2 || SEXES.includes(head[0]!.toLowerCase() as Sex)) {
      const sex = head[0]!.toLowerCase();
      if (!SEXES.includes(sex as Sex)) throw new UserError(`${option}: expected the sex female or male before the ages in ${quoted(item)}, got ${quoted(head[0]!)}`);
      margin.sex = sex as Sex;
      head.shift();
    }
    if (head.length === 1) {
      const ages = head[0]!;
      const m = /^(\d+)(?:(\+)|-(\d+))?$/.exec(ages);
      if (!m) throw new UserError(`${option}: expected ages a-b (both included, e.g. 15-59), a+ (a and over, e.g. 60+), a single age, or the sex female or male in ${quoted(item)}, got ${quoted(ages)}`);
      const from = Number(m[1]);
      if (from > 0) margin.from = from;
      if (m[2] === undefined) {
        const last = m[3] === undefined ? from : Number(m[3]);
        if (last < from) throw new UserError(`${option}: expected the first age up to the last in ${quoted(item)}, got ${quoted(ages)}`);
        margin.to = last + 1;
      }
    }
    return { label, item, margin };
  });
}

/**
 * Ages of a margin on the reference's grid, in the label terms the user wrote: a group starts at a
 * multiple of the width and ends one below one (5-year: 0-14, 15-59), and does not split the open group.
 */
function checkOnGrid(margins: readonly NamedMargin[], width: Width, openAge: number, option: string): void {
  const grid = width === 1 ? 'single years of age' : '5-year groups (from a multiple of 5 to one below a multiple of 5, e.g. 0-14, 15-59, 60+)';
  for (const { item, margin } of margins) {
    const from = margin.from ?? 0;
    const to = margin.to;
    if (from % width !== 0 || (to !== undefined && to % width !== 0))
      throw new UserError(`${option}: expected ages on the reference's grid, ${grid}, got ${quoted(item)}`);
    if (from > openAge) throw new UserError(`${option}: expected ages starting at most at the reference's open age ${openAge} (its last group is ${openAge}+), got ${quoted(item)}`);
    if (to !== undefined && to > openAge)
      throw new UserError(`${option}: expected ages ending below the reference's open age ${openAge} (${openAge}+ cannot be split; write ${from}+ for ${from} and over), got ${quoted(item)}`);
  }
}

/**
 * Every cell in some margin: the reference gives a shape, not counts, so a cell no margin covers
 * would keep the reference's count (China's millions in a city) — refused rather than kept silently.
 */
function checkCovered(margins: readonly NamedMargin[], reference: BasePopulation, option: string): void {
  const G = reference.female.length;
  const n = reference.width;
  const gaps: string[] = [];
  for (const sex of SEXES) {
    const covered = Array.from({ length: G }, (_, i) =>
      margins.some(({ margin: m }) => (m.sex === undefined || m.sex === sex) && n * i >= (m.from ?? 0) && n * i < (m.to ?? Infinity)),
    );
    for (let i = 0; i < G; i++) {
      if (covered[i]) continue;
      let j = i;
      while (j + 1 < G && !covered[j + 1]) j++;
      gaps.push(`${sex} ${ageGroupLabel(i, G, n)}${j > i ? ` to ${ageGroupLabel(j, G, n)}` : ''}`);
      i = j;
    }
  }
  if (gaps.length)
    throw new UserError(`${option}: expected margins covering every age of both sexes (the reference gives only the shape: a group in no margin would keep its count), got none for ${gaps.join(', ')}`);
}

/** `--margins` as a JSON file of Margin[] (`[{ "from": 0, "to": 15, "population": 260000 }, …]`). */
async function readMargins(file: string): Promise<NamedMargin[]> {
  const json = parseJsonFile(await readText(file, 'margins'), file);
  if (!Array.isArray(json)) throw new UserError(`${file}: invalid margins:\n  (input): expected an array of margins { from?, to?, sex?, population }, got ${formatValue(json)}`);
  return json.map((m: unknown, j) => ({ label: marginLabel(m, j), item: `margins[${j}]`, margin: m as Margin }));
}

/** A margin's name in the grammar of {@link parseMargins} (`female:15-59`), or its index when it is not one. */
function marginLabel(m: unknown, j: number): string {
  if (m === null || typeof m !== 'object') return `margins[${j}]`;
  const { from, to, sex } = m as Margin;
  const f = typeof from === 'number' ? from : 0;
  const ages = typeof to === 'number' ? (to - 1 === f ? `${f}` : `${f}-${to - 1}`) : f === 0 ? '' : `${f}+`;
  const parts = [typeof sex === 'string' ? sex : '', ages].filter((s) => s !== '');
  return parts.length ? parts.join(':') : 'all';
}

/** Persons of a population in a margin's ages and sex (both sexes when it names none). */
function marginTotal(p: BasePopulation, margin: Margin): number {
  const sexes: readonly Sex[] = margin.sex ? [margin.sex] : SEXES;
  return sexes.reduce((s, sex) => s + sumAges(p[sex], margin.from ?? 0, margin.to ?? Infinity, p.width), 0);
}

/**
 * `ccmpp base`: a base population estimated from a few known totals — the reference's age–sex shape
 * fitted to the margins by iterative proportional fitting (`fitToMargins`), as the Yingkou base is
 * fitted to the plan's 0–14, 15–59 and 60+.
 */
export async function baseCommand(args: BaseArgs): Promise<CommandResult> {
  const reference = await readPopulation(args.reference, args.year, 'reference');
  const fromFile = /\.json$/i.test(args.margins);
  const margins = fromFile ? await readMargins(args.margins) : parseMargins(args.margins);
  const openAge = reference.width * (reference.female.length - 1);
  if (!fromFile) checkOnGrid(margins, reference.width, openAge, '--margins');
  const fit = fitted(args, reference, margins, fromFile);
  checkCovered(margins, reference, fromFile ? args.margins : '--margins');
  const fittedPopulation: BasePopulation = { ...reference, female: Array.from(fit.female), male: Array.from(fit.male) };
  const met = margins.map(({ label, margin }) => ({ label, target: margin.population, fitted: marginTotal(fittedPopulation, margin) }));
  const json = jsonText({ year: fittedPopulation.year, female: fittedPopulation.female, male: fittedPopulation.male, width: fittedPopulation.width });
  const csv = baseCsv(fittedPopulation);
  const head = headline(args, fittedPopulation, margins.length);
  const tables = [populationTable({ years: [fittedPopulation.year], population: [fit], ageGroups: fittedPopulation.ageGroups }, `Fitted population ${fittedPopulation.year} by age group and sex`), marginTable(met)];
  const stdout = args.format === 'json' ? json : args.format === 'csv' ? csv : `${head}\n\n${tables.map(tableText).join('\n')}`;
  const files =
    args.out === undefined
      ? []
      : [
          { name: 'base.json', content: json },
          { name: 'base.csv', content: csv },
          {
            name: 'report.html',
            ...(await buildReportHtml({
              title: 'Base population fitted to known totals',
              subtitle: `${args.reference} fitted to ${margins.length} margins`,
              summary: [{ text: head }],
              sections: [
                {
                  heading: 'Pictures',
                  charts: [{ title: 'Population pyramid', spec: pyramidSpec({ years: [fittedPopulation.year], population: [fit], ageGroups: fittedPopulation.ageGroups, width: fittedPopulation.width }) }],
                },
                { heading: 'Tables', tables },
              ],
            })),
          },
        ];
  return { stdout, files };
}

/** Runs `fitToMargins`; its InputError becomes a UserError naming the option and the margin (or the file). */
function fitted(args: BaseArgs, reference: BasePopulation, margins: readonly NamedMargin[], fromFile: boolean) {
  const run = () => fitToMargins({ female: reference.female, male: reference.male }, margins.map((m) => m.margin), { width: reference.width });
  if (fromFile) return validated(args.margins, 'margins', run);
  try {
    return run();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // Paths `margins[j]…` are the j-th item of --margins, `margins` the list (e.g. too many items); anything else is the reference's.
    const lines = e.issues.map((iss) => {
      const j = /^margins\[(\d+)\]/.exec(iss.path);
      if (j) return `--margins ${quoted(margins[Number(j[1])]!.item)}: ${iss.rule}, got ${formatValue(iss.value)}`;
      return iss.path === 'margins' ? `--margins: ${iss.rule}, got ${formatValue(iss.value)}` : `${args.reference}: ${iss.path}: ${iss.rule}, got ${formatValue(iss.value)}`;
    });
    throw new UserError(lines.length === 1 ? lines[0]! : `cannot fit ${args.reference} to --margins:\n${indent(lines.join('\n'))}`);
  }
}

/** The first line of the table and of report.html: the year, the reference's grid, the margins and the total. */
function headline(args: BaseArgs, p: BasePopulation, margins: number): string {
  const total = p.female.reduce((s, x) => s + x, 0) + p.male.reduce((s, x) => s + x, 0);
  const grid = p.width === 1 ? 'single years of age' : '5-year groups';
  return `Base population ${p.year}: the age-sex shape of ${args.reference} (${grid}, ${ageGroupLabel(0, p.female.length, p.width)} to ${ageGroupLabel(p.female.length - 1, p.female.length, p.width)}) fitted to ${margins} margin${margins === 1 ? '' : 's'} by iterative proportional fitting: ${formatPersons(total)} persons.`;
}

/** How well each margin is met: its target, the fitted population's total and the difference. */
function marginTable(met: readonly { label: string; target: number; fitted: number }[]): Table {
  return {
    title: 'Margins: given and fitted',
    columns: [
      { key: 'label', label: 'margin' },
      { key: 'target', label: 'given', format: 'persons' },
      { key: 'fitted', label: 'fitted', format: 'persons' },
      { key: 'difference', label: 'fitted - given', format: 'signed' },
    ],
    rows: met.map((m) => ({ label: m.label, target: m.target, fitted: m.fitted, difference: m.fitted - m.target })),
    note: 'Iterative proportional fitting meets every margin to 1e-8 relative or fails. The CSV output rounds each cell to the person, so its sums may differ from the margins by up to half a person a cell; the JSON output keeps full precision.',
  };
}

/** The population CSV that `--base` reads: `age,female,male`, one row per group, persons rounded to the unit. */
function baseCsv(p: BasePopulation): string {
  return toCsv(['age', 'female', 'male'], p.ageGroups.map((age, i) => [age, persons(p.female[i]!), persons(p.male[i]!)]));
}
