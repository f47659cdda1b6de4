import * as z from 'zod/mini';
import type { Sex } from '../types.js';
import { InputError, type Issue } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, MAX_PERSONS, nonNegative, numbers, sexSchema } from '../validate/schemas.js';
import { DEFAULT_A0_RULE, type A0Rule } from './a0.js';
import { DEFAULT_AX_RULE, type AxRule } from './ax.js';
import { computeLifeTable, emptyLifeTable, type LifeTable } from './compute.js';
import { a0RuleSchema, axRuleSchema, mxSchema } from './schemas.js';

/** Options of {@link lifeTable}: the sex (for the a0 and 4a1 rules), the a0 and nax rules or given nax, and the radix. */
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

/** The radix l0: from 1 (a table of probabilities) to the most persons of any count (a smaller l0 lets the columns underflow). */
const RADIX_RULE = `expected a radix l0 from 1 to ${MAX_PERSONS.toExponential()}`;

const optionsSchema = z.strictObject(
  {
    sex: sexSchema,
    a0Rule: z.optional(a0RuleSchema),
    axRule: z.optional(axRuleSchema),
    ax: z.optional(numbers(nonNegative())),
    radix: z.optional(finite().check(z.gte(1, { error: RADIX_RULE }), z.lte(MAX_PERSONS, { error: RADIX_RULE }))),
  },
  { error: 'expected an options object with a known key' },
);

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
  computeLifeTable(m, { sex: o.sex, a0Rule: o.a0Rule ?? DEFAULT_A0_RULE, axRule: o.axRule ?? DEFAULT_AX_RULE, ax: o.ax, radix: o.radix ?? 100000 }, out);
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
