import { roundPersons } from '../report/format.js';
/**
 * Tidy CSV output (RFC 4180): a header, one observation per row, empty for a missing value. Numbers
 * are written at a defined precision, one rule per quantity, so that no float noise
 * (`486434.00000000006`) reaches a spreadsheet:
 *
 * - **persons** (people, births, deaths, migrants, gaps; pass them through {@link persons}): rounded
 *   to the unit, as the tables and report.html print them (`formatPersons` rounds with `Math.round`);
 * - **every other number** (shares, ratios, rates, TFR, e0, probabilities): {@link SIGNIFICANT_DIGITS}
 *   significant digits, and never less than the unit (from 10^5 up, rounded to the unit);
 * - integers (years, counts of trajectories, seeds, iterations) as they are.
 *
 * The JSON output keeps full precision: the CSV is for reading and plotting, the JSON for checking.
 */

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Significant digits of a CSV number that is not a count of persons: more than any table prints
 * (at most 4: `79.50`, `16.5 %`), far fewer than the 17 that carry float noise; a Monte Carlo
 * probability of 100,000 trajectories (`k / 100000`) is exact at this precision.
 */
const SIGNIFICANT_DIGITS = 6;

/** A count of persons as the CSV writes it: rounded as every format rounds it ({@link roundPersons}). */
export const persons = roundPersons;

/** Rows as CSV text with the given columns, `\n` line ends. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const out = [columns.map(field).join(',')];
  for (const r of rows) out.push(r.map(field).join(','));
  return `${out.join('\n')}\n`;
}

/** A number at the CSV's precision (see the module comment), as text. */
function csvNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  if (Number.isInteger(x)) return String(x === 0 ? 0 : x);
  if (Math.abs(x) >= 10 ** (SIGNIFICANT_DIGITS - 1)) return String(Math.round(x));
  const r = Number(x.toPrecision(SIGNIFICANT_DIGITS));
  return String(r === 0 ? 0 : r);
}

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return csvNumber(v);
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
