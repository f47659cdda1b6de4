import { readFile, stat } from 'node:fs/promises';
import { ageGroupLabel, STEP, type Width } from '../ages/grid.js';
import type { GraduationMethod } from '../base/graduate.js';
import { populationSchema } from '../project/projectCohorts.js';
import { parseScenario, type ParsedScenario, type Scenario } from '../scenario/schema.js';
import { formatValue, InputError } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { indent } from './errors.js';
import { UserError } from './userError.js';
import { excerpt, parseJson } from './json.js';
import { parsePopulationCsv, quoted, type BasePopulation } from './populationCsv.js';

/**
 * Reading the command's input files. Every problem is a {@link UserError} whose message names the
 * file, and the line (CSV, JSON syntax) or the path inside it (schema violations), in the library's
 * grammar `<where>: <rule>, got <value>`.
 */

/**
 * Largest input file read: 16 MiB. A scenario or a population is a few kilobytes; a bigger file is
 * not one, and is refused before it is read (it would be held, parsed and quoted in full).
 */
const MAX_INPUT_BYTES = 16 * 2 ** 20;

/** A text file's contents (a leading byte-order mark dropped), or a UserError naming the file (too large: over 16 MiB). */
export async function readText(file: string, what: string): Promise<string> {
  let text: string;
  try {
    const { size, isFile } = await stat(file).then((st) => ({ size: st.size, isFile: st.isFile() }));
    if (isFile && size > MAX_INPUT_BYTES)
      throw new UserError(`${what} file is too large: ${file} (${size} bytes; input files are at most ${MAX_INPUT_BYTES} bytes, 16 MiB)`);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${what} file not found: ${file}`);
    if (code === 'EISDIR') throw new UserError(`${what} file is a directory, expected a file: ${file}`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`${what} file cannot be read (permission denied): ${file}`);
    throw new UserError(`${what} file cannot be read: ${file} (${(e as Error).message})`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a JSON file's text, or throws a UserError with the line, the column and the line itself. */
export function parseJsonFile(text: string, file: string): unknown {
  const r = parseJson(text);
  if (r.ok) return r.value;
  const { line, column, rule, found, offset } = r.error;
  throw new UserError(`${file}:${line}:${column}: invalid JSON: ${rule}, got ${found}\n${indent(excerpt(text, offset))}`);
}

/** Runs a library validation, turning its InputError into a UserError that names the file. */
export function validated<T>(file: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InputError) throw new UserError(`${file}: invalid ${what}:\n${indent(e.message)}`);
    throw e;
  }
}

/** A scenario file: JSON validated by `parseScenario` (a top-level `"$schema"` key, for editors, is allowed and ignored). */
export async function readScenario(file: string): Promise<{ scenario: Scenario; parsed: ParsedScenario }> {
  const scenario = parseJsonFile(await readText(file, 'scenario'), file);
  const parsed = validated(file, 'scenario', () => parseScenario(scenario));
  return { scenario: scenario as Scenario, parsed };
}

/**
 * A base population from a CSV or JSON file (by extension: `.csv`, else JSON).
 *
 * - CSV: header `age,female,male` (any order, case-insensitive), one row per 5-year group from
 *   `0-4` up (`0-4`, `5-9`, …) or per single year of age from `0` up (`0`, `1`, …), the last one
 *   open (`85+`, `100+`); persons ≥ 0. The labels give the width (all single years: 1; 5-year
 *   groups: 5; a mix is an error naming the row). The base year is not in the file: give it with
 *   `--year`.
 * - JSON: `{ "year": 2015, "female": [...], "male": [...], "width"?: 1 | 5 }`, persons by 5-year
 *   group from 0-4 (or by single year from 0 with `"width": 1`), the last group open. `--year`, if
 *   given, must agree with `year` (or supplies it when absent).
 *
 * `role` 'reference' (`ccmpp base --reference`): the file gives an age–sex shape only, so `--year`
 * (the fitted population's year) replaces a JSON file's `year` instead of having to agree with it.
 */
export async function readPopulation(file: string, year: number | undefined, role: 'base' | 'reference' = 'base'): Promise<BasePopulation> {
  const text = await readText(file, 'population');
  if (/\.csv$/i.test(file)) {
    if (year === undefined)
      throw new UserError(
        role === 'base'
          ? `--year: expected the base year of ${file} (a CSV population has no year column), got nothing`
          : `--year: expected the year of the fitted population (the CSV reference ${file} has no year column), got nothing`,
      );
    return parsePopulationCsv(text, file, year);
  }
  const json = parseJsonFile(text, file);
  let data = json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const y = (json as { year?: unknown }).year;
    // A reference gives only the shape: --year is the fitted population's, whatever year the shape is of.
    if (role === 'reference' && year !== undefined) data = { ...json, year };
    else if (year !== undefined && y !== undefined && y !== year)
      throw new UserError(`--year: expected the year of ${file} (${formatValue(y)}) or no --year, got ${year}`);
    else if (y === undefined && year !== undefined) data = { ...json, year };
    if (y === undefined && year === undefined) throw new UserError(`${file}: invalid population:\n  year: expected the ${role === 'base' ? 'base year' : 'year of the fitted population'} (or give it with --year), got nothing`);
  }
  const p = validated(file, 'population', () => parseWith(populationSchema, data));
  const G = p.female.length;
  const width = p.width ?? STEP;
  return { year: p.year, female: p.female, male: p.male, width, ageGroups: Array.from({ length: G }, (_, i) => ageGroupLabel(i, G, width)) };
}

/** `2030:2600000` → a target; `_` may group digits (2_600_000). */
export function parseTarget(text: string, option = '--target'): { year: number; population: number } {
  const m = /^\s*(\d{4})\s*:\s*([0-9_.eE+]+)\s*$/.exec(text);
  const population = m ? Number(m[2]!.replace(/_/g, '')) : NaN;
  if (!m || !Number.isFinite(population))
    throw new UserError(`${option}: expected year:population, e.g. 2030:2600000, got ${quoted(text)}`);
  if (!(population > 0)) throw new UserError(`${option}: expected a population > 0, got ${population}`);
  return { year: Number(m[1]), population };
}

/** `lo:hi` → bounds with lo < hi. */
export function parseBounds(text: string, option = '--bounds'): [number, number] {
  const m = /^\s*([^:]+):([^:]+)\s*$/.exec(text);
  const lo = m ? Number(m[1]!.replace(/_/g, '')) : NaN;
  const hi = m ? Number(m[2]!.replace(/_/g, '')) : NaN;
  if (!m || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new UserError(`${option}: expected lower:upper, e.g. -200000:200000, got ${quoted(text)}`);
  if (!(lo < hi)) throw new UserError(`${option}: expected the lower bound below the upper, got ${quoted(text)}`);
  return [lo, hi];
}

/** `--width`: 1 (single years of age, annual steps) or 5 (5-year groups and periods). */
export function parseWidth(text: string, option = '--width'): Width {
  const x = text.trim();
  if (x === '1' || x === '5') return Number(x) as Width;
  throw new UserError(`${option}: expected 1 (single years of age, annual steps) or 5 (5-year groups and periods), got ${quoted(text)}`);
}

/** The grid of a projection from the command line: its width and how a 5-year base is graduated to it. */
export interface GridOptions {
  /** `--width`; absent: the base's. */
  width?: Width;
  /** `--graduation`; only where a 5-year base is projected at width 1. */
  graduation?: GraduationMethod;
}

/**
 * The library's grid options for a base and the options given: the width (`--width`, default the
 * base's) and the graduation, which is refused where there is nothing to graduate (a single-year
 * base, or a projection at width 5): it would be ignored, and an option that does nothing is an
 * error here, not a silence.
 */
export function gridOptions(base: Pick<BasePopulation, 'width'>, o: GridOptions): { width: Width; graduation?: GraduationMethod } {
  const width = o.width ?? base.width;
  if (o.graduation === undefined) return { width };
  if (base.width === 1) throw new UserError(`--graduation: expected a base by 5-year groups to graduate (this one is by single years already), got ${o.graduation}`);
  if (width !== 1) throw new UserError(`--graduation: expected --width 1 as well (it says how a 5-year base becomes single years), got ${o.graduation} at width 5`);
  return { width, graduation: o.graduation };
}

/** An integer (a year, an age, a count), or a UserError naming the option. */
export function parseInteger(text: string, option: string, rule = 'expected an integer'): number {
  const x = Number(text.replace(/_/g, ''));
  if (text.trim() === '' || !Number.isInteger(x)) throw new UserError(`${option}: ${rule}, got ${quoted(text)}`);
  return x;
}

/**
 * A list of numbers: `1.2,1.5,1.8` or a range `from:to:step` (both ends included, e.g. 1.2:3:0.2).
 * Values of a range are rounded to 10 decimals so that 1.2 + 3 × 0.2 prints as 1.8.
 */
export function parseNumberList(text: string, option: string): number[] {
  const range = /^\s*([^:,]+):([^:,]+):([^:,]+)\s*$/.exec(text);
  if (range) {
    const [from, to, step] = [range[1], range[2], range[3]].map((s) => Number(s));
    if (![from, to, step].every((x) => Number.isFinite(x)) || !(step! > 0) || !(to! >= from!))
      throw new UserError(`${option}: expected from:to:step with from <= to and step > 0, e.g. 1.2:3:0.2, got ${quoted(text)}`);
    const n = Math.floor((to! - from!) / step! + 1e-9);
    if (n > 1000) throw new UserError(`${option}: expected at most 1001 values, got ${n + 1}`);
    return Array.from({ length: n + 1 }, (_, k) => Math.round((from! + k * step!) * 1e10) / 1e10);
  }
  const parts = text.split(',').map((s) => s.trim());
  const xs = parts.map(Number);
  if (parts.some((s) => s === '') || xs.some((x) => !Number.isFinite(x)))
    throw new UserError(`${option}: expected numbers separated by commas (1.2,1.5,1.8) or a range from:to:step (1.2:3:0.2), got ${quoted(text)}`);
  return xs;
}
