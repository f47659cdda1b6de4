import * as z from 'zod/mini';
import { boundedNonNegative, finite, MAX_OPEN_AGE, numbers, oneOf } from '../validate/schemas.js';
import { A0_RULES } from './a0.js';
import { AX_RULES } from './ax.js';
import { KANNISTO_FITS } from './complete.js';

/** Life-table schemas shared by the layers that take rules or death rates (mortality, scenario). */

/** An a0 rule: 'andreev-kingkade' or 'coale-demeny'. */
export const a0RuleSchema = oneOf(A0_RULES);

/** A 5-year nax rule: 'mortpak' or 'midpoint'. */
export const axRuleSchema = oneOf(AX_RULES);

/**
 * Highest death rate accepted, per person-year: 100 (a cohort subject to it is gone within weeks;
 * the highest rates of real tables, at ages past 105, are about 1). Keeps every column finite.
 */
const MAX_MX = 100;

/** Most rows of an abridged table: ages 0, 1, 5, …, {@link MAX_OPEN_AGE}. */
const MAX_ROWS = MAX_OPEN_AGE / 5 + 2;

/** Most rows of a complete (single-year) table: ages 0, 1, 2, …, {@link MAX_OPEN_AGE}. */
const MAX_COMPLETE_ROWS = MAX_OPEN_AGE + 1;

/** A death rate per person-year, in [0, {@link MAX_MX}]. */
const mxValue = () => finite().check(z.gte(0, { error: MX_RULE }), z.lte(MAX_MX, { error: MX_RULE }));
const MX_RULE = `expected a death rate per person-year from 0 to ${MAX_MX}`;

/**
 * The rules of an mx schedule beyond its numbers: 3 to `most` rates (ages 0, 1, 5+, … abridged, or
 * 0, 1, 2+, … complete), the open one > 0.
 */
function checkScheduleOf(most: number, ages: string) {
  return (ctx: { value: number[]; issues: z.core.$ZodRawIssue[] }): void => {
    const mx = ctx.value;
    if (mx.length < 3 || mx.length > most)
      ctx.issues.push({ code: 'custom', message: `expected from 3 to ${most} rates (ages ${ages}, …, open age at most ${MAX_OPEN_AGE})`, input: mx });
    else if (!((mx[mx.length - 1] as number) > 0))
      ctx.issues.push({ code: 'custom', path: [mx.length - 1], message: 'expected the open-age rate to be > 0', input: mx[mx.length - 1] });
  };
}
const checkSchedule = checkScheduleOf(MAX_ROWS, '0, 1, 5');

/** An mx schedule at ages 0, 1, 5, …, open: rates ≥ 0, at least 3, the open one > 0 (any array-like). */
export const mxSchema = numbers(mxValue()).check(checkSchedule);

/**
 * An mx schedule at single ages 0, 1, 2, …, open (a complete table): rates ≥ 0, 3 to
 * {@link MAX_COMPLETE_ROWS} of them (open age at most {@link MAX_OPEN_AGE}), the open one > 0.
 */
export const mxSingleSchema = numbers(mxValue()).check(checkScheduleOf(MAX_COMPLETE_ROWS, '0, 1, 2'));

/** The same rules, JSON-shaped (plain arrays), for scenario files. */
export const mxJsonSchema = z.array(mxValue(), { error: 'expected an array of death rates' }).check(checkSchedule);

/** A column of a life table: finite numbers ≥ 0 (persons, person-years, ages). */
const column = () => numbers(boundedNonNegative());

/** Whether a table's ages column is complete (0, 1, 2, …) rather than abridged (0, 1, 5, …): by its third age. Unchecked. */
export function isComplete(ages: ArrayLike<number>): boolean {
  return ages.length >= 3 && ages[2] === 2;
}

/**
 * A life table as `lifeTable` returns it, for the functions that take one (`survivalRatios`,
 * `splitOpenAgeGroup`): the columns they read (ages; lx, Lx, Tx), finite and ≥ 0, of one length,
 * with person-years > 0 in every row (else survival is 0/0). Abridged (ages 0, 1, 5, 10, …; 3 to
 * {@link MAX_ROWS} rows) or complete (ages 0, 1, 2, …; 3 to {@link MAX_COMPLETE_ROWS} rows): the
 * third age tells which.
 */
export const lifeTableSchema = z
  .looseObject({ ages: column(), lx: column(), Lx: column(), Tx: column() }, { error: 'expected a life table { ages, lx, Lx, Tx, … } (from lifeTable)' })
  .check((ctx) => {
    const { ages, lx, Lx, Tx } = ctx.value;
    const n = ages.length;
    const complete = isComplete(ages);
    const most = complete ? MAX_COMPLETE_ROWS : MAX_ROWS;
    if (n < 3 || n > most || lx.length !== n || Lx.length !== n || Tx.length !== n)
      ctx.issues.push({ code: 'custom', message: `expected columns of one length from 3 to ${most} (rows 0, 1, ${complete ? '2' : '5'}, …)`, input: n });
    else if (ages[0] !== 0 || ages[1] !== 1 || ages.some((a, i) => i >= 2 && a !== (complete ? i : 5 * (i - 1))))
      ctx.issues.push({ code: 'custom', path: ['ages'], message: 'expected abridged ages 0, 1, 5, 10, … or complete ages 0, 1, 2, …', input: ages });
    else if (!Lx.every((v) => v > 0) || !Tx.every((v) => v > 0) || !(lx[0]! > 0))
      ctx.issues.push({ code: 'custom', path: ['Lx'], message: 'expected person-years (Lx, Tx) and a radix lx[0] > 0 in every row', input: Lx });
  });

/** A Kannisto fit: 'log' or 'logit'. */
const kannistoFitSchema = oneOf(KANNISTO_FITS);

const AGE_RULE = `expected an integer age from 0 to ${MAX_OPEN_AGE}`;
/** A single age, an integer from 0 to {@link MAX_OPEN_AGE}. */
const singleAge = () => finite().check(z.int({ error: AGE_RULE }), z.gte(0, { error: AGE_RULE }), z.lte(MAX_OPEN_AGE, { error: AGE_RULE }));

/**
 * Options of a Kannisto extension (`kannistoMx`, `lifeTable`'s `extend`): ages `to`, `fitFrom`,
 * `fitTo`, `from`, and the fit. How they must relate to the rates is checked with the rates
 * (`resolveKannisto` in complete.ts).
 */
export const kannistoOptionsSchema = z.strictObject(
  { to: z.optional(singleAge()), fitFrom: z.optional(singleAge()), fitTo: z.optional(singleAge()), from: z.optional(singleAge()), fit: z.optional(kannistoFitSchema) },
  { error: 'expected Kannisto options { to?, fitFrom?, fitTo?, from?, fit? }' },
);
