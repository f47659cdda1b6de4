import * as z from 'zod/mini';
import { parseWith } from '../validate/parse.js';
import { fail } from '../validate/errors.js';
import { bounded, finite, YEAR_RANGE } from '../validate/schemas.js';

/** A point in time, in years: finite, in the years' range (fractions allowed). */
const time = () =>
  finite().check(
    z.gte(YEAR_RANGE[0], { error: `expected a time in years from ${YEAR_RANGE[0]} to ${YEAR_RANGE[1]}` }),
    z.lte(YEAR_RANGE[1], { error: `expected a time in years from ${YEAR_RANGE[0]} to ${YEAR_RANGE[1]}` }),
  );

/**
 * A quantity over time: a constant, or anchors `{ year: value }` joined by straight lines and held
 * constant before the first anchor and after the last. Anchors need not fall on period ends.
 */
export type Path = number | Record<number, number>;

/** A path's anchors as sorted parallel arrays (a constant is one anchor at year −∞). */
export interface Anchors {
  years: readonly number[];
  values: readonly number[];
}

const ANCHOR_ORDER = 'expected anchor years in increasing order';

/**
 * zod schema of a path whose values satisfy `value` (e.g. `nonNegative()`). Anchor keys must be
 * years (finite numbers), in increasing order as written, at least one.
 */
export function pathSchema(value: z.ZodMiniType<number, number> = bounded()) {
  const anchors = z
    .record(z.string(), value, { error: 'expected a number or an object of anchor year → value' })
    .check(
      z.superRefine((rec, ctx) => {
        const keys = Object.keys(rec);
        if (keys.length === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one anchor', input: rec });
        let prev = -Infinity;
        for (const key of keys) {
          const year = Number(key);
          if (key.trim() === '' || !Number.isFinite(year) || year < YEAR_RANGE[0] || year > YEAR_RANGE[1]) {
            ctx.addIssue({ code: 'custom', path: [key], message: `expected an anchor year (a number from ${YEAR_RANGE[0]} to ${YEAR_RANGE[1]})`, input: key });
          } else if (year <= prev) {
            ctx.addIssue({ code: 'custom', path: [key], message: ANCHOR_ORDER, input: key });
          } else prev = year;
        }
      }),
    );
  return z.union([value, anchors], { error: 'expected a number or an object of anchor year → value' });
}

/** Anchors of a (validated) path. Plain objects list integer keys in increasing order; other keys keep their written order. */
export function anchorsOf(path: Path): Anchors {
  if (typeof path === 'number') return { years: [-Infinity], values: [path] };
  const keys = Object.keys(path);
  return { years: keys.map(Number), values: keys.map((k) => (path as Record<string, number>)[k]!) };
}

/**
 * Value of a path at `year`: linear between anchors, constant outside them.
 *
 * @example
 * pathValue({ 2015: 0.71, 2020: 1.2 }, 2017) // 0.906 (= 0.71 + 2/5 · 0.49)
 */
export function pathValue(path: Path, year: number): number {
  const p = parseWith(pathSchema(), path, 'path') as Path;
  return valueAt(anchorsOf(p), parseWith(time(), year, 'year'));
}

/**
 * Exact average of a path over `[from, to)`: the integral of the piecewise-linear path divided by
 * `to − from` (trapezoids between breakpoints). For anchors at both ends of a period it is the mean
 * of the two end values.
 *
 * @example
 * periodAverage({ 2015: 0.71, 2020: 1.2 }, 2015, 2020) // 0.955
 * periodAverage({ 2015: 0.71, 2017: 1.2 }, 2015, 2020) // 1.102 (= (2·0.955 + 3·1.2)/5)
 */
export function periodAverage(path: Path, from: number, to: number): number {
  const p = parseWith(pathSchema(), path, 'path') as Path;
  const a = parseWith(time(), from, 'from');
  const b = parseWith(time(), to, 'to');
  if (!(b > a)) fail('to', `expected a time after from (${a})`, to);
  return averageOver(anchorsOf(p), a, b);
}

/** Unchecked value at `year`. */
export function valueAt({ years, values }: Anchors, year: number): number {
  const n = years.length;
  if (n === 1 || year <= years[0]!) return values[0]!;
  if (year >= years[n - 1]!) return values[n - 1]!;
  let i = 1;
  while (years[i]! < year) i++;
  const y0 = years[i - 1]!;
  const v0 = values[i - 1]!;
  return v0 + ((values[i]! - v0) * (year - y0)) / (years[i]! - y0);
}

/** Unchecked exact average over [from, to) (to > from). */
export function averageOver(a: Anchors, from: number, to: number): number {
  const { years } = a;
  if (years.length === 1) return a.values[0]!;
  // Breakpoints inside (from, to): the path is linear between consecutive ones.
  let area = 0;
  let x0 = from;
  let v0 = valueAt(a, from);
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    if (y <= from || y >= to) continue;
    const v = a.values[i]!;
    area += ((v0 + v) / 2) * (y - x0);
    x0 = y;
    v0 = v;
  }
  const vEnd = valueAt(a, to);
  area += ((v0 + vEnd) / 2) * (to - x0);
  return area / (to - from);
}
