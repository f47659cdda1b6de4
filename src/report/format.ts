/** Number formats shared by the charts, the HTML report and the CLI's tables (en-US grouping). */

/** Persons, rounded to the unit and grouped: `2,600,000`. */
export function formatPersons(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : String(x);
}

/** A signed count: `+12,345`, `-3,000`, `0`. */
export function formatSigned(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Math.round(x);
  // Math.round(-0.3) is -0, which toLocaleString prints as "-0".
  return r > 0 ? `+${r.toLocaleString('en-US')}` : r === 0 ? '0' : r.toLocaleString('en-US');
}

/** A signed share as a per cent with one decimal: `+9.9 %`, `-3.7 %`, `0.0 %`. */
export function formatSignedPercent(x: number): string {
  const v = (100 * x).toFixed(1);
  return Number(v) === 0 ? '0.0 %' : `${x > 0 ? '+' : ''}${v} %`;
}

/** A share in [0, 1] as a per cent with `digits` decimals: `20.06 %`. */
export function formatPercent(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)} %` : String(x);
}

/** A number with a fixed number of decimals. */
export function formatFixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}
