/** Number formats shared by the charts, the HTML report and the CLI's tables (en-US grouping). */

/**
 * A count of persons as every format shows it: rounded to the unit (`Math.round`), never -0
 * (Math.round(-0.3) is -0, which would print as "-0"); a non-finite value as it is.
 */
export function roundPersons(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return r === 0 ? 0 : r;
}

/** Persons, rounded to the unit and grouped: `2,600,000`. */
export function formatPersons(x: number): string {
  return Number.isFinite(x) ? roundPersons(x).toLocaleString('en-US') : String(x);
}

/** A signed count: `+12,345`, `-3,000`, `0`. */
export function formatSigned(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const r = roundPersons(x);
  return r > 0 ? `+${r.toLocaleString('en-US')}` : r.toLocaleString('en-US');
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

/**
 * A probability as a per cent: one decimal (`3.4 %`); closer than 0.1 % to 0 % or 100 %, two
 * significant digits of the distance (`0.0038 %`, `99.9962 %`), so that a small chance is never
 * printed as none, or a near-certainty as certain; 0 and 1 exactly as `0 %` and `100 %`.
 */
export function formatProbability(p: number): string {
  return probabilityText(p, 'percent');
}

/** A probability as a decimal, by the rule of {@link formatProbability}: `0.0338`, `3.8e-5`, `1 − 3.8e-5`, `0`, `1`. */
export function formatProbabilityDecimal(p: number): string {
  return probabilityText(p, 'decimal');
}

function probabilityText(p: number, notation: 'percent' | 'decimal'): string {
  if (notation === 'decimal') {
    if (p === 0 || p === 1) return String(p);
    if (p < 1e-3) return p.toExponential(1);
    if (p > 1 - 1e-3) return `1 − ${(1 - p).toExponential(1)}`;
    return p.toFixed(4);
  }
  if (!Number.isFinite(p)) return String(p);
  if (p <= 0) return '0 %';
  if (p >= 1) return '100 %';
  const pc = 100 * p;
  if (pc < 0.1) return `${Number(pc.toPrecision(2))} %`;
  const rest = 100 - pc;
  if (rest < 0.1) return `${pc.toFixed(1 - Math.floor(Math.log10(rest)))} %`;
  return `${pc.toFixed(1)} %`;
}

/** A quantile level as a per cent, to at most `digits` decimals and without trailing zeros: `2.5 %`, `50 %`. */
export function formatLevel(level: number, digits: number): string {
  return `${+(100 * level).toFixed(digits)} %`;
}

/** A number with a fixed number of decimals. */
export function formatFixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : String(x);
}

/** A ratio of two counts (old-age dependency 65+/15–64, 60+ per 15–59) with 3 decimals: `0.345`. */
export function formatRatio(x: number): string {
  return formatFixed(x, 3);
}

/**
 * One format per quantity, for every table of the reports (terminal, report.html, the Yingkou text):
 * shares of the population as per cents with one decimal (`31.3 %`), dependency ratios as ratios
 * with three decimals (`0.345`, never a per cent: the CSV and JSON hold the same ratio, 0.345), ages
 * and the sex ratio with one decimal. Keys are the fields of `YearIndicators`.
 */
export const INDICATOR_FORMAT = Object.freeze({
  share0to14: 'percent1',
  share15to59: 'percent1',
  share60plus: 'percent1',
  share65plus: 'percent1',
  oldAgeDependency: 'ratio',
  ratio60to15_59: 'ratio',
  medianAge: 'fixed1',
  sexRatio: 'fixed1',
} as const);

/** An indicator as {@link INDICATOR_FORMAT} prints it. */
export function formatIndicator(name: keyof typeof INDICATOR_FORMAT, x: number): string {
  const f = INDICATOR_FORMAT[name];
  return f === 'percent1' ? formatPercent(x, 1) : f === 'ratio' ? formatRatio(x) : formatFixed(x, 1);
}
