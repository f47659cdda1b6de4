import * as z from 'zod/mini';
import { nonNegative, numbers, oneOf } from '../validate/schemas.js';
import { A0_RULES } from './a0.js';
import { AX_RULES } from './ax.js';

/** Life-table schemas shared by the layers that take rules or death rates (mortality, scenario). */

/** An a0 rule: 'andreev-kingkade' or 'coale-demeny'. */
export const a0RuleSchema = oneOf(A0_RULES);

/** A 5-year nax rule: 'mortpak' or 'midpoint'. */
export const axRuleSchema = oneOf(AX_RULES);

/** The rules of an abridged mx schedule beyond its numbers: ≥ 3 rates (ages 0, 1, 5+), the open one > 0. */
function checkSchedule(ctx: { value: number[]; issues: z.core.$ZodRawIssue[] }): void {
  const mx = ctx.value;
  if (mx.length < 3) ctx.issues.push({ code: 'custom', message: 'expected at least 3 rates (ages 0, 1, 5+)', input: mx });
  else if (!((mx[mx.length - 1] as number) > 0))
    ctx.issues.push({ code: 'custom', path: [mx.length - 1], message: 'expected the open-age rate to be > 0', input: mx[mx.length - 1] });
}

/** An mx schedule at ages 0, 1, 5, …, open: rates ≥ 0, at least 3, the open one > 0 (any array-like). */
export const mxSchema = numbers(nonNegative()).check(checkSchedule);

/** The same rules, JSON-shaped (plain arrays), for scenario files. */
export const mxJsonSchema = z.array(nonNegative(), { error: 'expected an array of death rates' }).check(checkSchedule);
