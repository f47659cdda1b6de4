import { parseAgeGroupLabel, STEP, type Width } from '../ages/grid.js';
import type { Population } from '../project/projectCohorts.js';
import { SEXES } from '../types.js';
import { UserError } from './userError.js';

/**
 * The population CSV of the command (data/templates/population.csv), parsed from its text: no file
 * system, so the scenario explorer (explorer/) reads an upload with the same rules and the same
 * messages as \`ccmpp project --base file.csv\`.
 */

/** Characters of a user's text quoted in a message, at most (the rest is cut, `…` marking it). */
const QUOTE_MAX = 80;

/** A text as a message quotes it: JSON-quoted, cut to {@link QUOTE_MAX} characters. */
export function quoted(text: string): string {
  return JSON.stringify(text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX - 1)}…`);
}

/** A base population read from a file, with the width and the labels of its age groups. */
export interface BasePopulation extends Population {
  year: number;
  female: number[];
  male: number[];
  /** 5 (groups 0-4, 5-9, …) or 1 (single years 0, 1, …), the last group open either way. */
  width: Width;
  ageGroups: string[];
}

/**
 * Parses a population CSV (see {@link readPopulation}). Blank lines and lines starting with `#` are
 * skipped; fields may be quoted ("…", with "" for a quote). The first row's label sets the width
 * (`0-4`: 5-year groups, `0`: single years); every later row must be on the same grid. Errors name
 * the line and the column.
 */
export function parsePopulationCsv(text: string, file: string, year: number): BasePopulation {
  const lines = text.split(/\r?\n/);
  const at = (line: number, column?: string) => `${file}, line ${line}${column ? `, ${column}` : ''}`;
  let header: string[] | undefined;
  let headerLine = 0;
  const female: number[] = [];
  const male: number[] = [];
  const ageGroups: string[] = [];
  let closedAt = 0; // line of the open group, once seen
  let width: Width | undefined; // set by the first row
  let widthAt = 0; // its line
  lines.forEach((raw, k) => {
    const lineNo = k + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fields = splitCsvLine(raw, at(lineNo));
    if (!header) {
      const names = fields.map((f) => f.trim().toLowerCase());
      const want = ['age', 'female', 'male'];
      if (names.length !== 3 || !want.every((w) => names.includes(w)))
        throw new UserError(`${at(lineNo)}: expected the header age,female,male, got ${quoted(raw.trim())}`);
      header = names;
      headerLine = lineNo;
      return;
    }
    if (fields.length !== header.length)
      throw new UserError(`${at(lineNo)}: expected ${header.length} fields (age,female,male), got ${fields.length}: ${quoted(raw.trim())}`);
    const row: Record<string, string> = {};
    header.forEach((h, j) => (row[h] = fields[j]!.trim()));
    const i = ageGroups.length;
    if (closedAt) throw new UserError(`${at(lineNo)}: expected no group after the open group ${ageGroups[i - 1]} (line ${closedAt}), got ${quoted(row.age!)}`);
    const age = parseAgeGroupLabel(row.age!);
    // The first row sets the grid: a single year (`0`) or anything else (`0-4`, `0+`, a bad label) 5 years.
    if (width === undefined) {
      width = age?.width ?? STEP;
      widthAt = lineNo;
    }
    const label = quoted(row.age!);
    if (age && !age.open && (age.width ?? STEP) !== width)
      throw new UserError(
        width === 1
          ? `${at(lineNo, 'age')}: expected the age ${i} or ${i}+ (single years of age, as from line ${widthAt}: not mixed with 5-year groups), got ${label}`
          : `${at(lineNo, 'age')}: expected the group ${STEP * i}-${STEP * i + STEP - 1} or ${STEP * i}+ (5-year groups, as from line ${widthAt}: not mixed with single years), got ${label}`,
      );
    if (i === 0 && (!age || age.start !== 0))
      throw new UserError(`${at(lineNo, 'age')}: expected the first group 0-4 (5-year groups) or 0 (single years of age), got ${label}`);
    if (!age || age.start !== width * i)
      throw new UserError(
        width === 1
          ? `${at(lineNo, 'age')}: expected the age ${i} or ${i}+ (single years from 0 up, in order, the last one open), got ${label}`
          : `${at(lineNo, 'age')}: expected the group ${STEP * i}-${STEP * i + STEP - 1} or ${STEP * i}+ (5-year groups from 0-4 up, in order, the last one open), got ${label}`,
      );
    if (age.open) closedAt = lineNo;
    for (const sex of SEXES) {
      const v = row[sex]!;
      const x = v === '' ? NaN : Number(v);
      if (!Number.isFinite(x) || x < 0) throw new UserError(`${at(lineNo, sex)}: expected a finite number >= 0 (persons), got ${quoted(v)}`);
      (sex === 'female' ? female : male).push(x);
    }
    ageGroups.push(age.open ? `${age.start}+` : width === 1 ? `${age.start}` : `${age.start}-${age.start + STEP - 1}`);
  });
  if (!header) throw new UserError(`${file}: expected the header age,female,male and one row per age group, got ${text.trim() === '' ? 'an empty file' : 'no header'}`);
  if (ageGroups.length < 2) throw new UserError(`${file}: expected at least 2 age groups after the header (line ${headerLine}), got ${ageGroups.length}`);
  if (!closedAt) throw new UserError(`${file}: expected the last group to be open (e.g. ${width === 1 ? '100+' : '85+'}), got ${quoted(ageGroups[ageGroups.length - 1]!)}`);
  return { year, female, male, width: width!, ageGroups };
}

/** Splits one CSV line into fields (RFC 4180 quoting; no field spans lines). */
export function splitCsvLine(line: string, where: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new UserError(`${where}: expected a closing quote, got the end of the line`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i++];
      }
      const rest = /^\s*/.exec(line.slice(i))![0].length;
      i += rest;
      out.push(v);
      if (i >= line.length) return out;
      if (line[i] !== ',') throw new UserError(`${where}: expected a comma after a quoted field, got ${quoted(line[i]!)}`);
      i++;
    } else {
      const j = line.indexOf(',', i);
      if (j < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, j));
      i = j + 1;
    }
  }
}
