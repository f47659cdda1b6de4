import * as z from 'zod/mini';
import type { Sex } from '../types.js';
import { InputError, type Issue } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, numbers, positive } from '../validate/schemas.js';
import type { A0Rule } from './a0.js';
import type { AxRule } from './ax.js';
import { computeLifeTable, emptyLifeTable, type LifeTable } from './compute.js';

export interface LifeTableOptions {
  sex: Sex;
  /** a0 rule (4a1 is Coale–Demeny either way); default 'andreev-kingkade'. */
  a0Rule?: A0Rule;
  /** 5-year nax rule; default 'mortpak'. */
  axRule?: AxRule;
  /** Given nax for every row but the open one; overrides both rules. */
  ax?: ArrayLike<number>;
  /** l0; default 100000. */
  radix?: number;
}

export const sexSchema = z.enum(['female', 'male'], { error: "expected 'female' or 'male'" });

const optionsSchema = z.strictObject(
  {
    sex: sexSchema,
    a0Rule: z.optional(z.enum(['andreev-kingkade', 'coale-demeny'], { error: "expected 'andreev-kingkade' or 'coale-demeny'" })),
    axRule: z.optional(z.enum(['mortpak', 'midpoint'], { error: "expected 'mortpak' or 'midpoint'" })),
    ax: z.optional(numbers(nonNegative())),
    radix: z.optional(positive()),
  },
  { error: 'expected an options object with a known key' },
);

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

/**
 * Abridged life table from death rates at ages 0, 1, 5, 10, …, the last row open.
 *
 * q = n m / (1 + (n − a) m), l(x+n) = l(x)(1 − q), d = l q, L = n l(x+n) + a d; open row L = l / m;
 * T = Σ L from x up; e = T / l (Preston, Heuveline & Guillot 2001, *Demography*, ch. 3).
 * a0 by Andreev & Kingkade (2015) or Coale–Demeny, 4a1 by Coale–Demeny (PHG table 3.3); 5-year
 * nax as in UN Mortpak (2.5 at 5–14, Greville from 15, floored at 0.97 from 45) or 2.5 throughout;
 * or given.
 *
 * @example
 * const lt = lifeTable([0.0085, 0.0004, 0.0002, 0.0002, 0.0005, 0.2], { sex: 'female' });
 * lt.ex[0] // life expectancy at birth of this (short) table, in years
 */
export function lifeTable(mx: ArrayLike<number>, options: LifeTableOptions): LifeTable {
  const m = parseWith(mxSchema, mx, 'mx');
  const o = parseWith(optionsSchema, options, 'options');
  if (o.ax) checkGivenAx(m, o.ax);
  const out = emptyLifeTable(m.length);
  computeLifeTable(m, { sex: o.sex, a0Rule: o.a0Rule ?? 'andreev-kingkade', axRule: o.axRule ?? 'mortpak', ax: o.ax, radix: o.radix ?? 100000 }, out);
  return out;
}

function checkGivenAx(mx: readonly number[], ax: readonly number[]): void {
  const issues: Issue[] = [];
  if (ax.length !== mx.length - 1) {
    issues.push({ path: 'options.ax', rule: `expected ${mx.length - 1} values (every row but the open one)`, value: ax });
  } else {
    ax.forEach((a, i) => {
      const n = i === 0 ? 1 : i === 1 ? 4 : 5;
      if (a > n) issues.push({ path: `options.ax[${i}]`, rule: `expected at most the interval width ${n}`, value: a });
      else if (a * (mx[i] as number) > 1)
        issues.push({ path: `options.ax[${i}]`, rule: `expected ax·mx <= 1 (else qx > 1; mx = ${mx[i]})`, value: a });
    });
  }
  if (issues.length) throw new InputError(issues);
}
