import * as z from 'zod/mini';
import type { Sex } from '../types.js';
import { fail, InputError, type Issue } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, MAX_PERSONS, nonNegative, numbers, sexSchema } from '../validate/schemas.js';
import { DEFAULT_A0_RULE, type A0Rule } from './a0.js';
import { DEFAULT_AX_RULE, type AxRule } from './ax.js';
import { extendKannistoMx, resolveKannisto, type KannistoOptions } from './complete.js';
import { computeCompleteLifeTable, computeLifeTable, emptyLifeTable, type LifeTable } from './compute.js';
import type { Width } from '../ages/grid.js';
import { a0RuleSchema, axRuleSchema, kannistoOptionsSchema, mxSchema, mxSingleSchema } from './schemas.js';

/**
 * Options of {@link lifeTable}: the sex (for the a0 and 4a1 rules), the width (abridged or
 * complete), the a0 and nax rules or given nax, the radix, and (complete tables) a Kannisto
 * extension.
 */
export interface LifeTableOptions {
  sex: Sex;
  /** 5 (default): abridged, mx at ages 0, 1, 5, 10, …; 1: complete, mx at single ages 0, 1, 2, …. */
  width?: Width;
  /** a0 rule (4a1 is Coale–Demeny either way); default 'andreev-kingkade'. */
  a0Rule?: A0Rule;
  /** 5-year nax rule (abridged tables only: with width 1 it is an error); default 'mortpak'. */
  axRule?: AxRule;
  /** Given nax for every row but the open one (each at most its row's width; with `extend`, of the extended table); overrides the rules. */
  ax?: ArrayLike<number>;
  /** l0; default 100000. */
  radix?: number;
  /**
   * Complete tables only: replace the rates from the open age up by a Kannisto fit and close the
   * table at `to` (default 130), as WPP's production runs do (DemoTools `lt_single_mx` extends
   * single-age mx to 130 by Kannisto and closes there). `{}` takes every default: fit on ages 80 to
   * the last closed age, 'log' least squares. See `kannistoMx`.
   */
  extend?: KannistoOptions;
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
    width: z.optional(z.union([z.literal(1), z.literal(5)], { error: 'expected 1 or 5' })),
    extend: z.optional(kannistoOptionsSchema),
  },
  { error: 'expected an options object with a known key' },
);

/**
 * Life table from death rates: abridged (ages 0, 1, 5, 10, …) or, with `width: 1`, complete (single
 * ages 0, 1, 2, …); the last row open.
 *
 * q = n m / (1 + (n − a) m), l(x+n) = l(x)(1 − q), d = l q, L = n l(x+n) + a d; open row L = l / m;
 * T = Σ L from x up; e = T / l (Preston, Heuveline & Guillot 2001, *Demography*, ch. 3).
 * a0 by Andreev & Kingkade (2015) or Coale–Demeny, 4a1 by Coale–Demeny (PHG table 3.3); 5-year
 * nax as in UN Mortpak (2.5 at 5–14, Greville from 15, floored at 0.97 from 45) or 2.5 throughout;
 * or given. Complete tables (n = 1): a0 by the same rule, ax = 0.5 for x ≥ 1 (HMD Methods Protocol
 * v6; MortCast `life.table(abridged = FALSE)`; ccmppWPP), optionally extended by Kannisto to 130
 * (`extend`).
 *
 * Throws an `InputError` for rates that break `mxSchema` (width 5: 3 to 28 rates) or
 * `mxSingleSchema` (width 1: 3 to 131 rates), unknown or bad options, `axRule` or `extend` with a
 * width they do not apply to, given ax of the wrong length or above a row's width (or with
 * ax·mx > 1), and Kannisto ages that do not fit the rates (see `kannistoMx`).
 *
 * @example
 * const lt = lifeTable([0.0085, 0.0004, 0.0002, 0.0002, 0.0005, 0.2], { sex: 'female' });
 * lt.ex[0] // life expectancy at birth of this (short) table, in years
 * const single = lifeTable([0.01, 0.001, 0.5], { sex: 'female', width: 1, ax: [0.1, 0.5] });
 * single.ages // Float64Array [0, 1, 2]
 * single.ex[0] // 3.9589
 */
export function lifeTable(mx: ArrayLike<number>, options: LifeTableOptions): LifeTable {
  const complete = (options as { width?: unknown } | undefined)?.width === 1;
  const m = parseWith(complete ? mxSingleSchema : mxSchema, mx, 'mx');
  const o = parseWith(optionsSchema, options, 'options');
  const width = o.width ?? 5;
  if (width === 1 && o.axRule !== undefined) fail('options.axRule', 'expected no axRule with width 1 (complete tables take ax = 0.5 above age 0; give ax to set them)', o.axRule);
  if (width === 5 && o.extend !== undefined) fail('options.extend', 'expected no extend with width 5 (the Kannisto extension is for complete tables: width 1)', o.extend);
  const rules = { sex: o.sex, a0Rule: o.a0Rule ?? DEFAULT_A0_RULE, axRule: o.axRule ?? DEFAULT_AX_RULE, ax: o.ax, radix: o.radix ?? 100000 };
  if (width === 5) {
    if (o.ax) checkGivenAx(m, o.ax, 5);
    const out = emptyLifeTable(m.length);
    computeLifeTable(m, rules, out);
    return out;
  }
  let rates: ArrayLike<number> = m;
  if (o.extend) {
    const k = resolveKannisto(m, o.extend, 'options.extend', 'mx');
    const extended = new Float64Array(k.to + 1);
    extended.set(m); // every given rate (to ≥ ω); the fit reads them before the extension overwrites from `from` on
    extendKannistoMx(extended, k.fitFrom, k.fitTo, k.from, k.to, k.fit, new Float64Array(2));
    rates = extended;
  }
  if (o.ax) checkGivenAx(rates, o.ax, 1);
  const out = emptyLifeTable(rates.length, 1);
  computeCompleteLifeTable(rates, rules, out);
  return out;
}

/** Given ax: one per row but the open one, each at most its row's width (1, then 4 or 1, then `width`) and with a·m ≤ 1. */
function checkGivenAx(mx: ArrayLike<number>, ax: readonly number[], width: Width): void {
  const issues: Issue[] = [];
  if (ax.length !== mx.length - 1) {
    issues.push({ path: 'options.ax', rule: `expected ${mx.length - 1} values (every row but the open one)`, value: ax });
  } else {
    ax.forEach((a, i) => {
      const n = i === 0 ? 1 : i === 1 ? (width === 5 ? 4 : 1) : width;
      if (a > n) issues.push({ path: `options.ax[${i}]`, rule: `expected at most the interval width ${n}`, value: a });
      else if (a * (mx[i] as number) > 1)
        issues.push({ path: `options.ax[${i}]`, rule: `expected ax·mx <= 1 (else qx > 1; mx = ${mx[i]})`, value: a });
    });
  }
  if (issues.length) throw new InputError(issues);
}
