import { formatFixed, formatPercent, formatPersons, formatRatio, formatSigned } from './format.js';

/** A cell: a number (formatted by its column), a text, or nothing (printed as a dash). */
export type CellValue = string | number | null;

/**
 * How a column prints its numbers: `persons` 2,443,000 · `signed` +14,500 · `percent1`/`percent2`
 * a share in [0, 1] as 20.1 % / 20.06 % · `ratio` a ratio of counts as 0.345 · `fixed1`…`fixed3`
 * decimals · `text` as given. Indicators take theirs from `INDICATOR_FORMAT` (format.ts): one per quantity.
 */
export type CellFormat = 'text' | 'persons' | 'signed' | 'percent1' | 'percent2' | 'ratio' | 'fixed1' | 'fixed2' | 'fixed3';

/** One column of a {@link Table}: the row key it shows, its header and how its cells are formatted. */
export interface Column {
  /** Key of the value in each row. */
  key: string;
  /** Header. */
  label: string;
  format?: CellFormat;
}

/** A table as the reports print it: the same object feeds the terminal, the CSV and the HTML page. */
export interface Table {
  title: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
  /** A sentence under the table (sources, units). */
  note?: string;
}

/** Printed for a missing value. */
const EMPTY_CELL = '–';

/** A cell as text, by its column's format. */
export function formatCell(value: CellValue | undefined, format: CellFormat = 'text'): string {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (typeof value === 'string') return value;
  switch (format) {
    case 'persons':
      return formatPersons(value);
    case 'signed':
      return formatSigned(value);
    case 'percent1':
      return formatPercent(value, 1);
    case 'percent2':
      return formatPercent(value, 2);
    case 'ratio':
      return formatRatio(value);
    case 'fixed1':
      return formatFixed(value, 1);
    case 'fixed2':
      return formatFixed(value, 2);
    case 'fixed3':
      return formatFixed(value, 3);
    case 'text':
      return String(value);
  }
}

/** Whether a column holds numbers (right-aligned). */
export function isNumeric(format: CellFormat | undefined): boolean {
  return format !== undefined && format !== 'text';
}

/**
 * A table as aligned plain text for a terminal: the title, the header, a rule, one line per row;
 * numeric columns right-aligned, text left-aligned, two spaces between columns.
 *
 * @example
 * tableText({ title: 'Totals', columns: [{ key: 'year', label: 'year' }, { key: 'total', label: 'total', format: 'persons' }],
 *             rows: [{ year: 2015, total: 2443000 }] })
 * // 'Totals\nyear      total\n----  ---------\n2015  2,443,000\n'
 */
export function tableText(table: Table): string {
  const cells = table.rows.map((r) => table.columns.map((c) => formatCell(r[c.key], c.format)));
  const right = table.columns.map((c) => isNumeric(c.format));
  const out = [table.title, ...alignedLines(table.columns.map((c) => c.label), cells, right, { trimEnd: true })];
  if (table.note) out.push(table.note);
  return `${out.join('\n')}\n`;
}

/**
 * Text cells in aligned columns, two spaces apart: the header line, a rule of dashes as wide as each
 * column, one line per row; column `j` right-aligned where `right[j]`, else left-aligned (widths in
 * display columns, CJK ideographs counting two). With `trimEnd`, the header and row lines lose
 * trailing spaces.
 */
export function alignedLines(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[], options: { trimEnd?: boolean } = {}): string[] {
  const widths = header.map((h, j) => Math.max(width(h), ...rows.map((row) => width(row[j]!))));
  const line = (values: readonly string[]) => {
    const text = values.map((v, j) => pad(v, widths[j]!, right[j] ? 'left' : 'right')).join('  ');
    return options.trimEnd ? text.trimEnd() : text;
  };
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

/** Display width: code points, with CJK ideographs counted as two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, side: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return side === 'left' ? fill + s : s + fill;
}
