import type { A0Rule } from '../lifetable/a0.js';
import type { AxRule } from '../lifetable/ax.js';
import type { Width } from '../ages/grid.js';
import { computeCompleteLifeTable, computeLifeTable, emptyLifeTable, type LifeTable, type LifeTableRules } from '../lifetable/compute.js';
import { fillSingleAgeMx, singleAgeScratch, type SingleAgeScratch } from './complete.js';
import type { Sex } from '../types.js';
import { BASELINES, type BaselineName } from './baselines.js';
import { bracketIndex, buildE0Table, inverseCubic, type E0Curve, type E0Table } from './e0Table.js';
import { LOGQUAD_Q5_MAX, LOGQUAD_Q5_MIN, LOGQUAD_ROWS, compileLogQuad, fillLogQuadMx, type LogQuadModel } from './logQuad.js';

/** e0 solves stop when the life table's e0 is within this many years of the target (design.md: "e0 solves 1e-8 years"). */
export const E0_TOLERANCE = 1e-8;

/**
 * Lowest factor θ of the proportional-hazards model (mx = θ · baseline). A proportional shift keeps
 * the baseline's age pattern, which is only credible near the baseline's level: one order of
 * magnitude either way moves e0 by about ±30 years around China 2015–2020 (females 51–116 years,
 * males 45–108), more than any projection horizon needs. Beyond it, use the log-quadratic model,
 * whose age pattern changes with the level.
 */
export const THETA_MIN = 0.1;
/** Highest factor θ of the proportional-hazards model (see {@link THETA_MIN}). */
export const THETA_MAX = 10;

/**
 * Table nodes over h = ln 5q0 ∈ [ln 1e-4, ln 0.9] (spacing ≈ 0.0044). Dense enough that the inverse
 * cubic's starting point is almost always within the tolerance already: measured 1.006 life tables
 * per target over the whole range (1025 nodes: 1.065; 4097: 1.003, at twice the build cost). The
 * table costs this many life tables (about 2 ms) once per (sex, k, a0Rule, axRule).
 */
const LOGQUAD_TABLE_NODES = 2049;
/** Table nodes over ln θ ∈ [ln 0.1, ln 10] (spacing ≈ 0.0045); e0 is smooth in ln θ. */
const HAZARD_TABLE_NODES = 1025;
/**
 * User baselines kept (by content) per sex and rules before the cache is emptied. A table is built
 * on a baseline's first solve (~1 ms) so that every solve goes the same way: results never depend
 * on what was solved before.
 */
const USER_CACHE_SIZE = 64;
/** Distinct k kept per (sex, rules) before the cache is emptied (each table is ~64 KB). */
const LOGQUAD_CACHE_SIZE = 32;
/**
 * Safety cap on life tables per solve. The safeguard halves the bracket at least every second
 * step, so the bracket reaches the resolution of doubles (and the search ends) long before.
 */
const MAX_EVALUATIONS = 400;
/** Radix of the tables the solver fills (as `lifeTable`'s default; e0 and ratios do not depend on it). */
const RADIX = 100000;

/** Which model the core solves, with every default already resolved. */
export interface E0SolveSpec {
  sex: Sex;
  /**
   * 'log-quadratic', or proportional hazards on a named baseline or on a baseline array (its
   * solver is cached by content, so the array may be reused or changed afterwards).
   */
  model: 'log-quadratic' | { baseline: BaselineName | Float64Array };
  /** The log-quadratic k (ignored by proportional hazards). */
  k: number;
  a0Rule: A0Rule;
  axRule: AxRule;
  /**
   * 5 (default): the model's abridged table; 1: its complete table on single ages 0 … 130+
   * (mortality/complete.ts), whose e0 is then the one solved for.
   */
  width?: Width;
}

/** What the core returns; `out` holds the life table of the solution (or of the bound). */
export type E0Solve =
  | {
      status: 'reachable';
      /** The life table's e0, within {@link E0_TOLERANCE} of the target. */
      achieved: number;
      /** Life tables evaluated in this call (model evaluations). */
      iterations: number;
      /** The solution's 5q0 (log-quadratic) or θ (proportional hazards). */
      parameter: number;
    }
  | {
      status: 'unreachable';
      /** 'above': the target is above the highest e0 the model reaches (at `bound`); 'below': under the lowest. */
      side: 'above' | 'below';
      /** The 5q0 or θ that comes closest. */
      bound: number;
      /** e0 at `bound`. */
      achieved: number;
      iterations: number;
      /** True when the target lies in a jump of e0 inside the domain (see below), not beyond an end. */
      inJump: boolean;
    };

/** One model for one sex and rules: the curve, and its table once built. */
class E0Solver {
  table: E0Table | null = null;
  constructor(
    readonly curve: E0Curve & { parameterOf(x: number): number },
    readonly tableNodes: number,
  ) {}
}

class LogQuadCurve implements E0Curve {
  readonly xMin = Math.log(LOGQUAD_Q5_MIN);
  readonly xMax = Math.log(LOGQUAD_Q5_MAX);
  constructor(
    readonly model: LogQuadModel,
    readonly rules: LifeTableRules,
  ) {}
  parameterOf(h: number): number {
    return h === this.xMin ? LOGQUAD_Q5_MIN : h === this.xMax ? LOGQUAD_Q5_MAX : Math.exp(h);
  }
  fill(h: number, out: LifeTable): void {
    fillLogQuadMx(this.model, h, this.parameterOf(h), out.mx);
    computeLifeTable(out.mx, this.rules, out);
  }
}

class HazardCurve implements E0Curve {
  readonly xMin = Math.log(THETA_MIN);
  readonly xMax = Math.log(THETA_MAX);
  constructor(
    readonly baseline: Float64Array,
    readonly rules: LifeTableRules,
  ) {}
  parameterOf(x: number): number {
    return x === this.xMin ? THETA_MIN : x === this.xMax ? THETA_MAX : Math.exp(x);
  }
  fill(x: number, out: LifeTable): void {
    const theta = this.parameterOf(x);
    const { baseline } = this;
    const mx = out.mx;
    for (let i = 0; i < baseline.length; i++) mx[i] = theta * baseline[i]!;
    computeLifeTable(mx, this.rules, out);
  }
}

/**
 * A model's complete table (width 1): the abridged table of the parameter, brought to single ages
 * 0 … 130+ ({@link fillSingleAgeMx}), then the complete life table of those rates. The abridged
 * table and the conversion's scratch belong to this curve (each fill writes them whole before
 * reading them; everything runs synchronously).
 */
class CompleteCurve implements E0Curve {
  readonly xMin: number;
  readonly xMax: number;
  private readonly abridged: LifeTable;
  private readonly scratch: SingleAgeScratch;
  constructor(
    readonly inner: Curve,
    rows: number,
    readonly rules: LifeTableRules,
  ) {
    this.xMin = inner.xMin;
    this.xMax = inner.xMax;
    this.abridged = emptyLifeTable(rows);
    this.scratch = singleAgeScratch(rows);
  }
  parameterOf(x: number): number {
    return this.inner.parameterOf(x);
  }
  fill(x: number, out: LifeTable): void {
    this.inner.fill(x, this.abridged);
    fillSingleAgeMx(this.abridged, out.mx, this.scratch);
    computeCompleteLifeTable(out.mx, this.rules, out);
  }
}

const SEX_RULES = 16;
function rulesIndex(sex: Sex, a0Rule: A0Rule, axRule: AxRule, width: Width): number {
  return (width === 1 ? 8 : 0) + (sex === 'male' ? 4 : 0) + (a0Rule === 'coale-demeny' ? 2 : 0) + (axRule === 'midpoint' ? 1 : 0);
}

/** The curve of a model at the spec's width: the abridged curve itself, or its complete table. */
function atWidth(curve: Curve, rows: number, spec: E0SolveSpec): Curve {
  return spec.width === 1 ? new CompleteCurve(curve, rows, rulesOf(spec.sex, spec.a0Rule, spec.axRule)) : curve;
}
function rulesOf(sex: Sex, a0Rule: A0Rule, axRule: AxRule): LifeTableRules {
  return { sex, a0Rule, axRule, ax: undefined, radix: RADIX };
}

const logQuadSolvers: Map<number, E0Solver>[] = Array.from({ length: SEX_RULES }, () => new Map());
const namedSolvers: Map<BaselineName, E0Solver>[] = Array.from({ length: SEX_RULES }, () => new Map());
const userSolvers: Map<string, E0Solver>[] = Array.from({ length: SEX_RULES }, () => new Map());

function solverFor(spec: E0SolveSpec): E0Solver {
  const { sex, a0Rule, axRule, model } = spec;
  const index = rulesIndex(sex, a0Rule, axRule, spec.width ?? 5);
  if (model === 'log-quadratic') {
    const cache = logQuadSolvers[index]!;
    let s = cache.get(spec.k);
    if (!s) {
      if (cache.size >= LOGQUAD_CACHE_SIZE) cache.clear();
      s = new E0Solver(atWidth(new LogQuadCurve(compileLogQuad(sex, spec.k, a0Rule), rulesOf(sex, a0Rule, axRule)), LOGQUAD_ROWS, spec), LOGQUAD_TABLE_NODES);
      cache.set(spec.k, s);
    }
    return s;
  }
  const baseline = model.baseline;
  if (typeof baseline === 'string') {
    const cache = namedSolvers[index]!;
    let s = cache.get(baseline);
    if (!s) {
      const mx = BASELINES[baseline][sex];
      s = new E0Solver(atWidth(new HazardCurve(mx, rulesOf(sex, a0Rule, axRule)), mx.length, spec), HAZARD_TABLE_NODES);
      cache.set(baseline, s);
    }
    return s;
  }
  const cache = userSolvers[index]!;
  const key = baseline.join(',');
  let s = cache.get(key);
  if (!s) {
    if (cache.size >= USER_CACHE_SIZE) cache.clear();
    s = new E0Solver(atWidth(new HazardCurve(baseline.slice(), rulesOf(sex, a0Rule, axRule)), baseline.length, spec), HAZARD_TABLE_NODES);
    cache.set(key, s);
  }
  return s;
}

/**
 * Largest gap accepted between an e0 target and the life table the solver returns, when the target
 * falls inside one of the jumps of e0 at the a0 rules' breakpoints (measured: at most 1.4e-4 years,
 * Coale–Demeny at m0 = 0.107). The achieved e0 is reported in the period indicators.
 */
const E0_JUMP_TOLERANCE = 1e-3;

/** Whether a solve gives a life table to use for `target`: reached, or inside a jump by at most {@link E0_JUMP_TOLERANCE}. */
export function e0Accepted(r: E0Solve, target: number): r is E0Solve & ({ status: 'reachable' } | { inJump: true }) {
  return r.status === 'reachable' || (r.inJump && Math.abs(r.achieved - target) <= E0_JUMP_TOLERANCE);
}

/**
 * Unchecked core of `mxForE0`, for the projection engine: fills the caller-owned `out` (from
 * `emptyLifeTable(rows)`, rows = 24 for the log-quadratic model, the baseline's length for
 * proportional hazards) with the life table whose e0 is `e0` within {@link E0_TOLERANCE}, and says
 * how it went. No validation; no allocation beyond the small result object (and, once per model,
 * its table).
 *
 * Method: e0 falls as the parameter x rises (x = ln 5q0, or ln θ). A cached table of e0 on a fine
 * grid of x gives a bracket (two neighbouring entries, both real life-table evaluations) and a
 * starting point by inverse cubic interpolation; then safeguarded Newton/secant steps inside the
 * bracket (bisection whenever a step leaves it or the bracket fails to halve in two steps). The
 * answer is always a real life-table evaluation: |achieved − e0| ≤ 1e-8 years, never the
 * interpolation's word. Targets beyond the table's ends are unreachable (bound = 5q0 or θ there).
 *
 * e0 is not exactly continuous in x: the published a0 rules are piecewise linear in m0 with small
 * jumps at their breakpoints (measured on the log-quadratic model at k = 0: Andreev–Kingkade moves
 * e0 by 3e-7 to 1e-5 years at its breakpoints, Coale–Demeny by 1e-4 at m0 = 0.107). A target inside
 * such a jump is met by no parameter within the tolerance; it comes back unreachable, with the
 * nearer side of the jump as bound and achieved (side: where the target lies against it).
 *
 * @example
 * const out = emptyLifeTable(LOGQUAD_ROWS);
 * const r = solveLifeTableForE0(80, { sex: 'female', model: 'log-quadratic', k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' }, out);
 * r.status // 'reachable'; out.ex[0] within 1e-8 of 80
 */
export function solveLifeTableForE0(e0: number, spec: E0SolveSpec, out: LifeTable): E0Solve {
  const solver = solverFor(spec);
  solver.table ??= buildE0Table(solver.curve, solver.tableNodes, out);
  return solveWithTable(solver.curve, solver.table, e0, out);
}

type Curve = E0Curve & { parameterOf(x: number): number };

function solveWithTable(curve: Curve, table: E0Table, target: number, out: LifeTable): E0Solve {
  const X = table.x;
  const E = table.e0;
  const last = E.length - 1;
  if (target >= E[0]!) return atEnd(curve, X[0]!, target, 'above', out, 0);
  if (target <= E[last]!) return atEnd(curve, X[last]!, target, 'below', out, 0);
  const i = bracketIndex(table, target);
  const guess = new Float64Array(2); // [x, dx/de0] from the inverse interpolation
  inverseCubic(table, i, target, guess);
  return refine(curve, target, out, X[i]!, E[i]! - target, X[i + 1]!, E[i + 1]! - target, guess[0]!, guess[1]!, 0);
}

/** A target at or beyond an end of the reachable range: reachable there if within the tolerance. */
function atEnd(curve: Curve, x: number, target: number, side: 'above' | 'below', out: LifeTable, evals: number): E0Solve {
  curve.fill(x, out);
  const achieved = out.ex[0]!;
  const iterations = evals + 1;
  if (Math.abs(achieved - target) <= E0_TOLERANCE) return { status: 'reachable', achieved, iterations, parameter: curve.parameterOf(x) };
  return { status: 'unreachable', side, bound: curve.parameterOf(x), achieved, iterations, inJump: false };
}

/**
 * Safeguarded Newton/secant on f(x) = e0(x) − target inside the bracket [xl, xh] with f(xl) > 0 ≥ f(xh).
 * The first step uses the interpolation's slope, later ones the secant through the last two
 * evaluations; a step outside the bracket, or a bracket that did not halve over two steps, is
 * replaced by bisection.
 */
function refine(
  curve: Curve,
  target: number,
  out: LifeTable,
  xl: number,
  fl: number,
  xh: number,
  fh: number,
  x: number,
  slope: number,
  evals: number,
): E0Solve {
  if (!(x > xl && x < xh)) x = xl + (fl * (xh - xl)) / (fl - fh);
  if (!(x > xl && x < xh)) x = 0.5 * (xl + xh);
  let xPrev = NaN;
  let fPrev = NaN;
  let width1 = xh - xl;
  let width2 = Infinity;
  for (;;) {
    curve.fill(x, out);
    evals++;
    const f = out.ex[0]! - target;
    if (Math.abs(f) <= E0_TOLERANCE) return { status: 'reachable', achieved: out.ex[0]!, iterations: evals, parameter: curve.parameterOf(x) };
    if (f > 0) {
      xl = x;
      fl = f;
    } else {
      xh = x;
      fh = f;
    }
    const width = xh - xl;
    if (!(width > 4 * Number.EPSILON * Math.max(1, Math.abs(xl), Math.abs(xh))) || evals >= MAX_EVALUATIONS)
      return inJump(curve, target, out, xl, fl, xh, fh, evals);
    let next = xPrev === xPrev ? x - (f * (x - xPrev)) / (f - fPrev) : x - f * slope;
    if (!(next > xl && next < xh) || width > 0.5 * width2) next = 0.5 * (xl + xh);
    width2 = width1;
    width1 = width;
    xPrev = x;
    fPrev = f;
    x = next;
  }
}

/** The bracket has shrunk to adjacent doubles without meeting the target: it lies in a jump of e0. */
function inJump(curve: Curve, target: number, out: LifeTable, xl: number, fl: number, xh: number, fh: number, evals: number): E0Solve {
  const x = fl <= -fh ? xl : xh;
  curve.fill(x, out);
  const achieved = out.ex[0]!;
  return { status: 'unreachable', side: target > achieved ? 'above' : 'below', bound: curve.parameterOf(x), achieved, iterations: evals + 1, inJump: true };
}
