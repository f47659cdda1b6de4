import * as z from 'zod/mini';
import { DEFAULT_A0_RULE, type A0Rule } from '../lifetable/a0.js';
import { DEFAULT_AX_RULE, type AxRule } from '../lifetable/ax.js';
import { emptyLifeTable } from '../lifetable/compute.js';
import { a0RuleSchema, axRuleSchema, mxSchema } from '../lifetable/schemas.js';
import type { SolveResult } from '../solve/result.js';
import type { Sex } from '../types.js';
import { fail } from '../validate/errors.js';
import { ValidationMemo } from '../validate/memo.js';
import { parseWith } from '../validate/parse.js';
import { finite, positive, sexSchema } from '../validate/schemas.js';
import { BASELINES, type BaselineName } from './baselines.js';
import { LOGQUAD_K_LIMIT, LOGQUAD_ROWS } from './logQuad.js';
import { solveLifeTableForE0, type E0SolveSpec } from './solveE0.js';

/** The mortality model `mxForE0` solves: the log-quadratic model, or proportional hazards on a baseline mx. */
export type E0Model = 'log-quadratic' | { baseline: BaselineName | ArrayLike<number> };

/** Options of {@link mxForE0}: the sex, the model (log-quadratic with its k, or proportional hazards on a baseline) and the life-table rules. */
export interface MxForE0Options {
  sex: Sex;
  /** Default 'log-quadratic'. `{ baseline }`: mx × θ on a baseline at ages 0, 1, 5, …, open (≥ 3 rows, ≥ 0, open rate > 0). */
  model?: E0Model;
  /** Log-quadratic k, |k| ≤ 10; default 0. Not accepted with a baseline model. */
  k?: number;
  /** Default 'andreev-kingkade' (as `lifeTable`). */
  a0Rule?: A0Rule;
  /** Default 'mortpak' (as `lifeTable`). */
  axRule?: AxRule;
}

const kSchema = finite().check(
  z.gte(-LOGQUAD_K_LIMIT, { error: `expected a finite number in [-${LOGQUAD_K_LIMIT}, ${LOGQUAD_K_LIMIT}]` }),
  z.lte(LOGQUAD_K_LIMIT, { error: `expected a finite number in [-${LOGQUAD_K_LIMIT}, ${LOGQUAD_K_LIMIT}]` }),
);

const optionsSchema = z.strictObject(
  {
    sex: sexSchema,
    model: z.optional(z.unknown()),
    k: z.optional(kSchema),
    a0Rule: z.optional(a0RuleSchema),
    axRule: z.optional(axRuleSchema),
  },
  { error: 'expected an options object with a known key' },
);

const e0Schema = positive();

const MODEL_RULE = "expected 'log-quadratic' or { baseline: 'china-2015' | mx array }";

function parseModel(model: unknown): E0SolveSpec['model'] {
  if (model === undefined || model === 'log-quadratic') return 'log-quadratic';
  if (typeof model !== 'object' || model === null || ArrayBuffer.isView(model) || Array.isArray(model)) fail('options.model', MODEL_RULE, model);
  const keys = Object.keys(model);
  if (keys.length !== 1 || keys[0] !== 'baseline') fail('options.model', MODEL_RULE, model);
  const baseline = (model as { baseline: unknown }).baseline;
  if (baseline === 'china-2015') return { baseline };
  if (typeof baseline === 'string') fail('options.model.baseline', "expected 'china-2015' or an mx array", baseline);
  // A fresh copy: the solver never aliases the caller's array.
  return { baseline: Float64Array.from(parseWith(mxSchema, baseline, 'options.model.baseline')) };
}

/** Validated options, remembered for the same unchanged object (see ValidationMemo). */
const solveSpecs = new ValidationMemo<{ spec: E0SolveSpec; rows: number }>();

function solveSpecOf(options: unknown): { spec: E0SolveSpec; rows: number } {
  const o = parseWith(optionsSchema, options, 'options');
  const model = parseModel(o.model);
  if (model !== 'log-quadratic' && o.k !== undefined) fail('options.k', 'expected no k with a baseline model (k belongs to the log-quadratic model)', o.k);
  const spec: E0SolveSpec = {
    sex: o.sex,
    model,
    k: o.k ?? 0,
    a0Rule: o.a0Rule ?? DEFAULT_A0_RULE,
    axRule: o.axRule ?? DEFAULT_AX_RULE,
  };
  const rows = model === 'log-quadratic' ? LOGQUAD_ROWS : typeof model.baseline === 'string' ? BASELINES[model.baseline][o.sex].length : model.baseline.length;
  return { spec, rows };
}

/**
 * The mx schedule whose life expectancy at birth is `e0`, within 1e-8 years, under a one-parameter
 * mortality model:
 *
 * - 'log-quadratic' (default): Wilmoth, Zureick, Canudas-Romo, Inoue & Sawyer (2012),
 *   `log m(x) = a + b h + c h² + v k`, solving for h = ln 5q0 over the model's domain
 *   5q0 ∈ [1e-4, 0.9] (as MortCast; about 4–94 years for females, 5–86 for males at k = 0).
 *   24 rows: ages 0, 1, 5, …, 110+.
 * - `{ baseline }`: proportional hazards, mx = θ · baseline, solving for θ ∈ [0.1, 10]
 *   (`THETA_MIN`, `THETA_MAX`); 'china-2015' is UN WPP 2019 China 2015–2020. Rows as the baseline.
 *
 * e0 is that of `lifeTable(mx, { sex, a0Rule, axRule })`. The solver is bracketed and safeguarded
 * (see `solveLifeTableForE0`); the answer is checked by a real life table. A target outside what the
 * model reaches is `{ status: 'unreachable', side, bound, achieved }` with the 5q0 or θ bound and
 * its e0 — never a silent boundary value; so is a target inside one of the tiny jumps of e0 at the
 * a0 rules' breakpoints (see `solveLifeTableForE0`). `iterations` counts life tables evaluated.
 *
 * @example
 * const r = mxForE0(80, { sex: 'female' });
 * if (r.status === 'reachable') lifeTable(r.value, { sex: 'female' }).ex[0]; // 80 ± 1e-8
 * mxForE0(150, { sex: 'female' }); // { status: 'unreachable', side: 'above', bound: 0.0001, achieved: 93.70… }
 */
export function mxForE0(e0: number, options: MxForE0Options): SolveResult<Float64Array> {
  const target = parseWith(e0Schema, e0, 'e0');
  const { spec, rows } = solveSpecs.get(options, () => solveSpecOf(options));
  const out = emptyLifeTable(rows); // owned by this call; the mx returned is a copy with its own buffer
  const r = solveLifeTableForE0(target, spec, out);
  if (r.status === 'reachable') {
    const mx = Float64Array.from(out.mx);
    return { status: 'reachable', value: mx, achieved: r.achieved, iterations: r.iterations };
  }
  return { status: 'unreachable', side: r.side, bound: r.bound, achieved: r.achieved };
}
