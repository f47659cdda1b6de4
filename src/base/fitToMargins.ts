import * as z from 'zod/mini';
import type { BySex, Sex } from '../types.js';
import { CcmppError, fail, InputError, type Issue } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, MAX_OPEN_AGE, numbers, persons, sexSchema, widthOptionsSchema } from '../validate/schemas.js';
import { STEP, type Width } from '../ages/grid.js';

/** A known total of a population: persons in ages [from, to) (to omitted: to the end), of one sex or both. */
export interface Margin {
  /** First age, on the reference's grid (5-year, or single years with `width` 1); default 0. */
  from?: number;
  /** End age (exclusive), on the grid; omitted: to the end, open group included. */
  to?: number;
  /** One sex; omitted: both. */
  sex?: Sex;
  /** Persons. */
  population: number;
}

/** Sweeps stop once every margin is met to this relative error (IPF gets there fast when margins agree). */
const MARGIN_TOLERANCE = 1e-10;
/** After the last sweep, margins met to this relative error are accepted (issue 4 asks 1e-6). */
const MARGIN_ACCEPT = 1e-8;
/** Sweeps before giving up: consistent margins converge geometrically, in tens of sweeps. */
const MAX_SWEEPS = 10_000;

/** An age of a margin: a finite number from 0 to the highest open age (the grid is checked against the reference's). */
const age = () =>
  finite().check(z.gte(0, { error: `expected an age from 0 to ${MAX_OPEN_AGE + 5}` }), z.lte(MAX_OPEN_AGE + 5, { error: `expected an age from 0 to ${MAX_OPEN_AGE + 5}` }));

const marginSchema = z.strictObject(
  {
    from: z.optional(age()),
    to: z.optional(age()),
    sex: z.optional(sexSchema),
    population: persons(),
  },
  { error: 'expected a margin { from?, to?, sex?, population }' },
);

const referenceSchema = z.strictObject({ female: numbers(persons()), male: numbers(persons()) }, { error: 'expected { female, male }' });

/** Most margins: 100, more than the distinct age–sex totals of any published table; IPF's cost grows with their cells. */
const MAX_MARGINS = 100;

/**
 * Fits a reference age–sex shape to known totals by iterative proportional fitting (Deming & Stephan
 * 1940; the raking used to build base populations from a few published totals): every margin in turn
 * scales the cells it covers by target / current, sweeping until all agree to 1e-10 relative. The
 * result is the table closest to the reference (in Kullback–Leibler divergence) that meets every
 * margin. Margins may overlap (0–14, 15–59, 60+, 65+ and the sex totals); margins that contradict one
 * another (e.g. age groups summing to another total than the sexes), or ask for people where the
 * reference has none, are an InputError.
 *
 * @example
 * fitToMargins(chinaShape, [
 *   { from: 0, to: 15, population: 260_000 },
 *   { from: 15, to: 60, population: 1_693_000 },
 *   { from: 60, population: 490_000 },
 * ])
 */
export function fitToMargins(reference: BySex<ArrayLike<number>>, margins: readonly Margin[], options: { width?: Width } = {}): BySex<Float64Array> {
  const ref = parseWith(referenceSchema, reference, 'reference');
  const n = parseWith(widthOptionsSchema, options, 'options').width ?? STEP;
  const ms = parseWith(z.array(marginSchema, { error: 'expected an array of margins' }).check(z.minLength(1, { error: 'expected at least one margin' }), z.maxLength(MAX_MARGINS, { error: `expected at most ${MAX_MARGINS} margins` })), margins, 'margins');
  const G = ref.female.length;
  if (ref.male.length !== G) fail('reference.male', 'expected as many male as female groups', ref.male);
  const openAge = n * (G - 1);
  const grid = n === 1 ? 'single-year grid' : '5-year grid';
  const issues: Issue[] = [];
  // Each margin as the cells it covers: indices into [female…, male…].
  const cells = ms.map((m, j) => {
    const from = m.from ?? 0;
    const to = m.to ?? Infinity;
    const badFrom = from % n !== 0 || from > openAge;
    const badTo = to !== Infinity && (to % n !== 0 || to <= from || to > openAge);
    if (badFrom) issues.push({ path: `margins[${j}].from`, rule: `expected an age on the ${grid} up to ${openAge}`, value: m.from });
    if (badTo) issues.push({ path: `margins[${j}].to`, rule: `expected an age on the ${grid} in (from, ${openAge}] (the open group cannot be split)`, value: m.to });
    const idx: number[] = [];
    if (badFrom || badTo) return idx; // reported; its cells are never listed (a `to` of 1e9 would be 2e8 of them)
    const last = to === Infinity ? G : to / n;
    for (const s of m.sex ? [m.sex] : (['female', 'male'] as const)) {
      for (let i = from / n; i < last; i++) idx.push(s === 'female' ? i : G + i);
    }
    return idx;
  });
  if (issues.length) throw new InputError(issues);

  const x = Float64Array.from([...ref.female, ...ref.male]);
  const sumOf = (idx: number[]) => idx.reduce((s, i) => s + x[i]!, 0);
  ms.forEach((m, j) => {
    if (m.population > 0 && sumOf(cells[j]!) === 0)
      issues.push({ path: `margins[${j}].population`, rule: 'expected 0 where the reference has nobody (cannot scale 0 up)', value: m.population });
  });
  if (issues.length) throw new InputError(issues);

  let worst = Infinity;
  for (let sweep = 0; sweep < MAX_SWEEPS && worst > MARGIN_TOLERANCE; sweep++) {
    for (let j = 0; j < ms.length; j++) {
      const idx = cells[j]!;
      const current = sumOf(idx);
      const factor = current > 0 ? ms[j]!.population / current : 0;
      for (const i of idx) x[i] = x[i]! * factor;
    }
    worst = 0;
    for (let j = 0; j < ms.length; j++) worst = Math.max(worst, relativeError(sumOf(cells[j]!), ms[j]!.population));
  }
  if (worst > MARGIN_ACCEPT) {
    const off = ms
      .map((m, j) => ({ j, got: sumOf(cells[j]!), want: m.population }))
      .filter(({ got, want }) => relativeError(got, want) > 1e-6)
      .map(({ j, got, want }) => ({ path: `margins[${j}]`, rule: `expected margins that agree with one another (this one ends at ${got.toFixed(1)} after fitting the others)`, value: want }));
    if (off.length) throw new InputError(off);
    throw new CcmppError(`fitToMargins: iterative proportional fitting converged only to ${worst.toExponential(2)} relative`);
  }
  return { female: x.slice(0, G), male: x.slice(G) };
}

function relativeError(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / want;
}
