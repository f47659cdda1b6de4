import * as z from 'zod/mini';
import { boundedNonNegative, finite, MAX_OPEN_AGE, numbers, oneOf } from '../validate/schemas.js';
import { A0_RULES } from './a0.js';
import { AX_RULES } from './ax.js';

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

/** A death rate per person-year, in [0, {@link MAX_MX}]. */
const mxValue = () => finite().check(z.gte(0, { error: MX_RULE }), z.lte(MAX_MX, { error: MX_RULE }));
const MX_RULE = `expected a death rate per person-year from 0 to ${MAX_MX}`;

/** The rules of an abridged mx schedule beyond its numbers: 3 to {@link MAX_ROWS} rates (ages 0, 1, 5+, …), the open one > 0. */
function checkSchedule(ctx: { value: number[]; issues: z.core.$ZodRawIssue[] }): void {
  const mx = ctx.value;
  if (mx.length < 3 || mx.length > MAX_ROWS)
    ctx.issues.push({ code: 'custom', message: `expected from 3 to ${MAX_ROWS} rates (ages 0, 1, 5, …, open age at most ${MAX_OPEN_AGE})`, input: mx });
  else if (!((mx[mx.length - 1] as number) > 0))
    ctx.issues.push({ code: 'custom', path: [mx.length - 1], message: 'expected the open-age rate to be > 0', input: mx[mx.length - 1] });
}

/** An mx schedule at ages 0, 1, 5, …, open: rates ≥ 0, at least 3, the open one > 0 (any array-like). */
export const mxSchema = numbers(mxValue()).check(checkSchedule);

/** The same rules, JSON-shaped (plain arrays), for scenario files. */
export const mxJsonSchema = z.array(mxValue(), { error: 'expected an array of death rates' }).check(checkSchedule);

/** A column of a life table: finite numbers ≥ 0 (persons, person-years, ages). */
const column = () => numbers(boundedNonNegative());

/**
 * A life table as `lifeTable` returns it, for the functions that take one (`survivalRatios`,
 * `splitOpenAgeGroup`): the columns they read (ages 0, 1, 5, …; lx, Lx, Tx), finite and ≥ 0, of one
 * length from 3 to {@link MAX_ROWS}, with person-years > 0 in every row (else survival is 0/0).
 */
export const lifeTableSchema = z
  .looseObject({ ages: column(), lx: column(), Lx: column(), Tx: column() }, { error: 'expected a life table { ages, lx, Lx, Tx, … } (from lifeTable)' })
  .check((ctx) => {
    const { ages, lx, Lx, Tx } = ctx.value;
    const n = ages.length;
    if (n < 3 || n > MAX_ROWS || lx.length !== n || Lx.length !== n || Tx.length !== n)
      ctx.issues.push({ code: 'custom', message: `expected columns of one length from 3 to ${MAX_ROWS} (rows 0, 1, 5, …)`, input: n });
    else if (ages[0] !== 0 || ages[1] !== 1 || ages.some((a, i) => i >= 2 && a !== 5 * (i - 1)))
      ctx.issues.push({ code: 'custom', path: ['ages'], message: 'expected abridged ages 0, 1, 5, 10, …', input: ages });
    else if (!Lx.every((v) => v > 0) || !Tx.every((v) => v > 0) || !(lx[0]! > 0))
      ctx.issues.push({ code: 'custom', path: ['Lx'], message: 'expected person-years (Lx, Tx) and a radix lx[0] > 0 in every row', input: Lx });
  });
