/**
 * Tidy CSV output (RFC 4180): a header, one observation per row, numbers at full precision (the
 * shortest text that reads back to the same double), empty for a missing value.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** Rows as CSV text with the given columns, `\n` line ends. */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const out = [columns.map(field).join(',')];
  for (const r of rows) out.push(r.map(field).join(','));
  return `${out.join('\n')}\n`;
}

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
