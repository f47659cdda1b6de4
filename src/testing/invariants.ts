import { multiply, type Matrix } from 'mathjs';
import { total as sum } from '../ages/broad.js';
import { ageGroupLabel, type Width } from '../ages/grid.js';
import type { LifeTable } from '../lifetable/compute.js';
import { leslieMatrix } from '../project/leslie.js';
import type { PeriodInputs } from '../project/periodInputs.js';
import { projectCohorts, type CohortProjection, type Population } from '../project/projectCohorts.js';
import { SEXES, type Sex } from '../types.js';
import type { SolveResult } from '../solve/result.js';
import { CcmppError, fail } from '../validate/errors.js';

/**
 * Invariant checkers for projections and life tables. Each returns an {@link InvariantResult}:
 * `{ holds: true }`, or every violation found with where it is (year or period, sex, age group), what
 * was required and by how much it was missed. {@link assertHolds} turns a failure into an Error, so
 * a checker drops straight into `fc.assert(fc.property(…))` and fast-check prints the message with
 * the seed and the counterexample.
 *
 * Every projection checker works at both of ccmpp's widths: 5-year groups and periods, or single
 * years of age and one-year periods (`projection.width` 1, or a base with `width: 1`); age groups
 * are then named `'0'`, `'1'`, …, `'100+'`.
 */

/** One place where an invariant fails. */
export interface Violation {
  /** Where, in words: `'period 2015-2020, female, all ages'`, `'year 2020, male, 85+'`, `'age 1-4'`. */
  where: string;
  /** What was required, phrased "expected …". */
  rule: string;
  /** The value found. */
  actual: number;
  /** How far it is from what was required (≥ 0, NaN when the value is NaN). */
  by: number;
  year?: number;
  /** `'2015-2020'`. */
  period?: string;
  sex?: Sex;
  /** Age group label (`'0-4'`, `'85+'`, `'all ages'`; `'0'`, `'17'` on single years; `'0'`, `'1-4'` in abridged life tables). */
  group?: string;
}

/** What a checker returns. */
export type InvariantResult = { holds: true } | { holds: false; violations: Violation[]; message: string };

/** Thrown by {@link assertHolds}. */
export class InvariantError extends CcmppError {
  override name = 'InvariantError';
  readonly violations: readonly Violation[];
  constructor(message: string, violations: readonly Violation[]) {
    super(message);
    this.violations = violations;
  }
}

/**
 * Throws an {@link InvariantError} carrying the result's message when it does not hold; returns
 * `true` otherwise, so it can end a fast-check predicate.
 *
 * @example
 * fc.assert(fc.property(arbitraries.projectionCase(), ({ base, periods }) =>
 *   assertHolds(invariants.balancingIdentity(projectCohorts(base, periods)))))
 */
export function assertHolds(result: InvariantResult): true {
  if (!result.holds) throw new InvariantError(result.message, result.violations);
  return true;
}

/** Violations listed in full in a message; the rest are counted. */
const SHOWN = 5;

function fmt(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e9)) return String(Number(v.toPrecision(12)));
  return v.toExponential(6);
}

/** Builds a result from the violations found; the message follows `<where>: <rule>, got <value> (off by …)`. */
function result(name: string, violations: Violation[]): InvariantResult {
  if (violations.length === 0) return { holds: true };
  const lines = violations.slice(0, SHOWN).map((v) => `  ${v.where}: ${v.rule}, got ${fmt(v.actual)} (off by ${fmt(v.by)})`);
  if (violations.length > SHOWN) lines.push(`  … and ${violations.length - SHOWN} more`);
  const message = `${name} fails at ${violations.length} place${violations.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
  return { holds: false, violations, message };
}

function checkTolerance(relTol: number): void {
  if (!(Number.isFinite(relTol) && relTol >= 0)) fail('options.relTol', 'expected a finite number >= 0', relTol);
}

function sumAbs(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] as number);
  return s;
}

/** Checks the shape of a projection: one population per year, one flow per period. */
function shapeViolations(p: CohortProjection): Violation[] {
  const periods = p.years.length - 1;
  const out: Violation[] = [];
  const want = (what: string, actual: number, expected: number) => {
    if (actual !== expected)
      out.push({ where: `projection.${what}`, rule: `expected ${expected} entries`, actual, by: Math.abs(actual - expected) });
  };
  want('population', p.population.length, periods + 1);
  want('births', p.births.length, periods);
  want('deaths', p.deaths.length, periods);
  want('netMigrants', p.netMigrants.length, periods);
  // Gross flows: checked when present (a projector written before them may leave them out).
  if (p.inMigrants) want('inMigrants', p.inMigrants.length, periods);
  if (p.outMigrants) want('outMigrants', p.outMigrants.length, periods);
  if (p.migrants) want('migrants', p.migrants.length, periods);
  return out;
}

/** Width of a projection's groups and periods: its `width` (5 for a projection that reports none, as before widths). */
function widthOf(p: CohortProjection): Width {
  return (p as { width?: Width }).width === 1 ? 1 : 5;
}

/** Width of a base population: its `width`, 5 by default. */
function baseWidth(base: Population): Width {
  return base.width === 1 ? 1 : 5;
}

/** In- and out-migrants of period t and a sex, when the projection reports gross flows. */
function grossOf(p: CohortProjection, t: number, sex: Sex): { into: number; out: number } | null {
  const i = p.inMigrants?.[t];
  const o = p.outMigrants?.[t];
  return i && o ? { into: i[sex], out: o[sex] } : null;
}

/**
 * Accounting identities of a projection hold to 1e-9 of the flows: a step (5-year or annual) is a
 * few multiply-adds per group and sums over ≤ 131 groups, each rounded to ~1e-16; 1e-9 leaves ample
 * room and still catches a single misplaced person in a population of a billion.
 */
export const ACCOUNTING_REL_TOL = 1e-9;

/**
 * The balancing identity per period and sex: `P(t+n) = P(t) + births − deaths + in − out` (totals
 * over all ages; n = 5, or 1 for a projection on single years), within `relTol` of the gross
 * accounting `|P(t)| + births + deaths + in + out` (Preston, Heuveline & Guillot 2001, §6.1); and
 * the migration accounts agree: `in − out = netMigrants`, and the migrants by age (`migrants[t].in`,
 * `.out`) sum to `inMigrants`, `outMigrants`. A projection without gross flows (no
 * `inMigrants`/`outMigrants`) is checked with `P(t+n) = P(t) + births − deaths + netMigrants`.
 * Throws an InputError for a `relTol` that is not finite and ≥ 0.
 *
 * @example
 * assertHolds(invariants.balancingIdentity(projectCohorts(base, periods)))
 * invariants.balancingIdentity(project(base, plan, { until: 2020, width: 1 })) // { holds: true }
 */
export function balancingIdentity(projection: CohortProjection, options?: { relTol?: number }): InvariantResult {
  const relTol = options?.relTol ?? ACCOUNTING_REL_TOL;
  checkTolerance(relTol);
  const shape = shapeViolations(projection);
  if (shape.length) return result('balancing identity', shape);
  const violations: Violation[] = [];
  const { years } = projection;
  for (let t = 0; t + 1 < years.length; t++) {
    const period = `${years[t]}-${years[t + 1]}`;
    for (const sex of SEXES) {
      const start = sum(projection.population[t]![sex]);
      const end = sum(projection.population[t + 1]![sex]);
      const births = projection.births[t]![sex];
      const deaths = projection.deaths[t]![sex];
      const net = projection.netMigrants[t]![sex];
      const gross = grossOf(projection, t, sex);
      const at = { period, sex, group: 'all ages' };
      if (gross) {
        const expected = start + births - deaths + gross.into - gross.out;
        const scale = Math.abs(start) + Math.abs(births) + Math.abs(deaths) + Math.abs(gross.into) + Math.abs(gross.out);
        const by = Math.abs(end - expected);
        if (!(by <= relTol * scale))
          violations.push({
            where: `period ${period}, ${sex}, all ages`,
            rule: `expected P(${years[t + 1]}) = P(${years[t]}) + births − deaths + in − out = ${fmt(start)} + ${fmt(births)} − ${fmt(deaths)} + ${fmt(gross.into)} − ${fmt(gross.out)} = ${fmt(expected)} (within ${relTol} relative)`,
            actual: end,
            by,
            ...at,
          });
        const flows = Math.abs(gross.into) + Math.abs(gross.out);
        const byNet = Math.abs(net - (gross.into - gross.out));
        if (!(byNet <= relTol * flows))
          violations.push({
            where: `period ${period}, ${sex}, netMigrants`,
            rule: `expected netMigrants = in − out = ${fmt(gross.into)} − ${fmt(gross.out)} = ${fmt(gross.into - gross.out)} (within ${relTol} relative)`,
            actual: net,
            by: byNet,
            ...at,
          });
        const byAge = projection.migrants?.[t];
        if (byAge) {
          for (const [what, total, ages] of [
            ['in', gross.into, byAge.in[sex]],
            ['out', gross.out, byAge.out[sex]],
          ] as const) {
            const s = sum(ages);
            const off = Math.abs(s - total);
            if (!(off <= relTol * sumAbs(ages)))
              violations.push({
                where: `period ${period}, ${sex}, migrants.${what}`,
                rule: `expected the ${what}-migrants by age to sum to ${what === 'in' ? 'inMigrants' : 'outMigrants'} = ${fmt(total)} (within ${relTol} relative)`,
                actual: s,
                by: off,
                ...at,
              });
          }
        }
      } else {
        const expected = start + births - deaths + net;
        const scale = Math.abs(start) + Math.abs(births) + Math.abs(deaths) + Math.abs(net);
        const by = Math.abs(end - expected);
        if (!(by <= relTol * scale))
          violations.push({
            where: `period ${period}, ${sex}, all ages`,
            rule: `expected P(${years[t + 1]}) = P(${years[t]}) + births − deaths + netMigrants = ${fmt(start)} + ${fmt(births)} − ${fmt(deaths)} + ${fmt(net)} = ${fmt(expected)} (within ${relTol} relative)`,
            actual: end,
            by,
            ...at,
          });
      }
    }
  }
  return result('balancing identity', violations);
}

/** A flow per sex. */
type BySexNumbers = { female: number; male: number };

/**
 * Every population group, every period's births and deaths, and (when the projection reports them)
 * its in- and out-migrants, in total and by age, are ≥ 0 (and not NaN). Groups are named on the
 * projection's grid (`'20-24'`, or `'22'` at width 1).
 *
 * @example
 * assertHolds(invariants.nonNegative(projectCohorts(base, periods)))
 * invariants.nonNegative(project(base, plan, { until: 2020, width: 1 })) // { holds: true }
 */
export function nonNegative(projection: CohortProjection): InvariantResult {
  const violations: Violation[] = [];
  const { years } = projection;
  const width = widthOf(projection);
  projection.population.forEach((pop, t) => {
    for (const sex of SEXES) {
      const p = pop[sex];
      for (let x = 0; x < p.length; x++) {
        const v = p[x]!;
        if (!(v >= 0)) {
          const group = ageGroupLabel(x, p.length, width);
          violations.push({ where: `year ${years[t]}, ${sex}, ${group}`, rule: 'expected a count >= 0', actual: v, by: -v, sex, group, ...yearOf(years[t]) });
        }
      }
    }
  });
  const flowsToCheck: [string, BySexNumbers[]][] = [
    ['births', projection.births],
    ['deaths', projection.deaths],
  ];
  if (projection.inMigrants) flowsToCheck.push(['inMigrants', projection.inMigrants]);
  if (projection.outMigrants) flowsToCheck.push(['outMigrants', projection.outMigrants]);
  projection.migrants?.forEach((m, t) => {
    for (const sex of SEXES) {
      for (const [what, ages] of [
        ['in', m.in[sex]],
        ['out', m.out[sex]],
      ] as const) {
        for (let x = 0; x < ages.length; x++) {
          const v = ages[x]!;
          if (!(v >= 0)) {
            const period = `${years[t]}-${years[t + 1]}`;
            const group = ageGroupLabel(x, ages.length, width);
            violations.push({ where: `period ${period}, ${sex}, ${group}, migrants.${what}`, rule: `expected ${what}-migrants >= 0`, actual: v, by: -v, period, sex, group });
          }
        }
      }
    }
  });
  for (const [what, flows] of flowsToCheck) {
    flows.forEach((f, t) => {
      for (const sex of SEXES) {
        const v = f[sex];
        if (!(v >= 0)) {
          const period = `${years[t]}-${years[t + 1]}`;
          violations.push({ where: `period ${period}, ${sex}, ${what}`, rule: `expected ${what} >= 0`, actual: v, by: -v, period, sex });
        }
      }
    });
  }
  return result('non-negativity', violations);
}

function yearOf(year: number | undefined): { year?: number } {
  return year === undefined ? {} : { year };
}

/** Scales a period's migrant counts (net and in) and its out-flow's persons by c (an out-migration rate stays: it applies to c × the people). */
function scaleMigrants(period: PeriodInputs, c: number): PeriodInputs {
  const scaled = (m: { female: ArrayLike<number>; male: ArrayLike<number> }) => ({ female: Array.from(m.female, (v) => v * c), male: Array.from(m.male, (v) => v * c) });
  const out: PeriodInputs = { ...period };
  if (period.netMigrants) out.netMigrants = scaled(period.netMigrants);
  if (period.inMigrants) out.inMigrants = scaled(period.inMigrants);
  if (period.outMigration) out.outMigration = { ...period.outMigration, ...(period.outMigration.persons !== undefined ? { persons: period.outMigration.persons * c } : {}) };
  return out;
}

/**
 * Linearity in the base population: projecting `c · base` with every period's migrant counts × c
 * (net and in-migrants by age, and the out-flow's persons; an out-migration rate is per person, so
 * it stays) gives c × every output (population by year, sex and group; births, deaths, net, in- and
 * out-migrants by period). The cohort-component step is linear in (population, migrants) for fixed
 * rates: out-migrants leave in proportion to r(x)·P(x), a share that scaling leaves alone. A group is compared
 * within `relTol` of its sex's total at that year (single groups may be tiny, or the difference of
 * large in- and out-flows). `project` is the function under test (default ccmpp's `projectCohorts`).
 * The scaled base keeps the base's `width` (single years and annual periods at width 1). Throws an
 * InputError for a `c` that is not finite and > 0, or a bad `relTol`.
 *
 * @example
 * assertHolds(invariants.linearInBase(projectCohorts, base, periods, 3))
 * const annual = project(base, plan, { until: 2017, width: 1 });
 * invariants.linearInBase(projectCohorts, { ...annual.population[0]!, year: 2015, width: 1 }, annual.periods, 3) // { holds: true }
 */
export function linearInBase(
  project: (base: Population, periods: readonly PeriodInputs[]) => CohortProjection,
  base: Population,
  periods: readonly PeriodInputs[],
  c: number,
  options?: { relTol?: number },
): InvariantResult {
  const relTol = options?.relTol ?? ACCOUNTING_REL_TOL;
  checkTolerance(relTol);
  if (!(Number.isFinite(c) && c > 0)) fail('c', 'expected a finite number > 0', c);
  const a = project(base, periods);
  const scaled: Population = {
    year: base.year,
    ...(base.width !== undefined ? { width: base.width } : {}),
    female: Array.from(base.female, (v) => v * c),
    male: Array.from(base.male, (v) => v * c),
  };
  const b = project(
    scaled,
    periods.map((p) => scaleMigrants(p, c)),
  );
  const violations: Violation[] = [];
  const { years } = a;
  const width = widthOf(a);
  if (b.years.length !== years.length)
    violations.push({ where: 'projection.years', rule: `expected ${years.length} years, as unscaled`, actual: b.years.length, by: Math.abs(b.years.length - years.length) });
  const compare = (where: string, expected: number, actual: number, scale: number, extra: Partial<Violation>) => {
    const by = Math.abs(actual - expected);
    if (!(by <= relTol * scale))
      violations.push({ where, rule: `expected ${c} × ${fmt(expected / c)} = ${fmt(expected)} (within ${relTol} of ${fmt(scale)})`, actual, by, ...extra });
  };
  const years2 = Math.min(years.length, b.years.length);
  for (let t = 0; t < years2; t++) {
    for (const sex of SEXES) {
      const pa = a.population[t]![sex];
      const pb = b.population[t]![sex];
      const scale = c * sumAbs(pa);
      for (let x = 0; x < pa.length; x++) {
        const group = ageGroupLabel(x, pa.length, width);
        compare(`year ${years[t]}, ${sex}, ${group}`, c * pa[x]!, pb[x]!, scale, { year: years[t]!, sex, group });
      }
      if (t + 1 < years2) {
        const period = `${years[t]}-${years[t + 1]}`;
        for (const what of ['births', 'deaths', 'netMigrants', 'inMigrants', 'outMigrants'] as const) {
          if (!a[what] || !b[what]) continue;
          const fa = a[what][t]![sex];
          compare(`period ${period}, ${sex}, ${what}`, c * fa, b[what][t]![sex], c * Math.abs(fa) + scale, { period, sex });
        }
      }
    }
  }
  return result(`linearity in the base (c = ${c})`, violations);
}

/**
 * The kernel and the Leslie matrix agree to 1e-12 relative: both are a handful of products and a
 * sum of ≤ 35 positive terms per group (births: 7 five-year groups, or 35 single ages, each counted
 * at the start and the end), so they differ by a few 1e-16.
 */
export const KERNEL_LESLIE_REL_TOL = 1e-12;

/**
 * One closed-population step (the period without its migrants: net, in and out) by `project` (default ccmpp's
 * `projectCohorts`) equals the two-sex Leslie-matrix product `L · [female; male]` (mathjs
 * `multiply` on `leslieMatrix(period, undefined, { width })`, the width the base's: 5, or 1 for a
 * base on single years and a one-year period), group by group, within `relTol` of the larger of
 * the two. Leslie (1945); Preston, Heuveline & Guillot (2001), §6.3. Throws an InputError for a bad
 * base or period (as `leslieMatrix`) or `relTol`.
 *
 * @example
 * assertHolds(invariants.kernelEqualsLeslie(base, period))
 * const annual = project(base, plan, { until: 2016, width: 1 });
 * invariants.kernelEqualsLeslie({ ...annual.population[0]!, year: 2015, width: 1 }, annualPeriod) // { holds: true }
 */
export function kernelEqualsLeslie(
  base: Population,
  period: PeriodInputs,
  options?: { relTol?: number; project?: (base: Population, periods: readonly PeriodInputs[]) => CohortProjection },
): InvariantResult {
  const relTol = options?.relTol ?? KERNEL_LESLIE_REL_TOL;
  checkTolerance(relTol);
  const project = options?.project ?? projectCohorts;
  const { netMigrants: _net, inMigrants: _in, outMigration: _out, ...closed } = period;
  const width = baseWidth(base);
  const kernel = project(base, [closed]).population[1];
  const L = leslieMatrix(closed, undefined, { width });
  const v = [...Array.from(base.female), ...Array.from(base.male)];
  const product = (multiply(L, v) as Matrix).toArray() as number[];
  const G = base.female.length;
  const year = base.year + width;
  const violations: Violation[] = [];
  SEXES.forEach((sex, s) => {
    const k = kernel?.[sex];
    for (let x = 0; x < G; x++) {
      const expected = product[s * G + x]!;
      const actual = k ? k[x]! : NaN;
      const by = Math.abs(actual - expected);
      if (!(by <= relTol * Math.max(Math.abs(expected), Math.abs(actual)))) {
        const group = ageGroupLabel(x, G, width);
        violations.push({
          where: `year ${year}, ${sex}, ${group}`,
          rule: `expected the Leslie product ${fmt(expected)} (within ${relTol} relative)`,
          actual,
          by,
          year,
          sex,
          group,
        });
      }
    }
  });
  return result('kernel = Leslie product', violations);
}

/**
 * Life-table identities hold to 1e-12 relative: each column is one or two roundings away from the
 * others (T is the same reverse sum, e one division).
 */
export const IDENTITY_REL_TOL = 1e-12;

function abridgedLabel(i: number, rows: number, ages: ArrayLike<number>): string {
  const x = ages[i] as number;
  if (i === rows - 1) return `${x}+`;
  const next = ages[i + 1] as number;
  return next - x === 1 ? `${x}` : `${x}-${next - 1}`;
}

/**
 * Identities of a life table, abridged or complete (Preston, Heuveline & Guillot 2001, ch. 3):
 * 0 ≤ qx ≤ 1, the open row's qx = 1; lx non-increasing; dx = lx − l(x+n); Σ dx = l0 (the radix);
 * Tx = Σ Lx from x on; ex = Tx / lx. Sums are compared within `relTol` of the radix, ratios within
 * `relTol` of themselves. Rows are named by their ages (`'1-4'`, `'45+'`; `'17'` in a complete
 * table). Throws an InputError for a bad `relTol`.
 *
 * @example
 * assertHolds(invariants.lifeTableIdentities(lifeTable(mx, { sex: 'female' })))
 * invariants.lifeTableIdentities(lifeTable([0.01, 0.001, 0.002, 0.5], { sex: 'female', width: 1 })) // { holds: true }
 */
export function lifeTableIdentities(lt: LifeTable, options?: { relTol?: number }): InvariantResult {
  const relTol = options?.relTol ?? IDENTITY_REL_TOL;
  checkTolerance(relTol);
  const { qx, lx, dx, Lx, Tx, ex, ages } = lt;
  const rows = lx.length;
  const radix = lx[0]!;
  const violations: Violation[] = [];
  const at = (i: number) => {
    const group = abridgedLabel(i, rows, ages);
    return { where: `age ${group}`, group };
  };
  const push = (i: number, rule: string, actual: number, by: number) => violations.push({ ...at(i), rule, actual, by });
  let dSum = 0;
  let T = 0;
  for (let i = rows - 1; i >= 0; i--) {
    T += Lx[i]!;
    const tol = relTol * radix;
    if (!(Math.abs(Tx[i]! - T) <= tol)) push(i, `expected Tx = Σ Lx from x on = ${fmt(T)}`, Tx[i]!, Math.abs(Tx[i]! - T));
    const e = Tx[i]! / lx[i]!;
    if (!(Math.abs(ex[i]! - e) <= relTol * Math.abs(e))) push(i, `expected ex = Tx / lx = ${fmt(e)}`, ex[i]!, Math.abs(ex[i]! - e));
  }
  for (let i = 0; i < rows; i++) {
    const q = qx[i]!;
    if (!(q >= 0 && q <= 1)) push(i, 'expected 0 <= qx <= 1', q, q < 0 ? -q : q - 1);
    if (i === rows - 1 && q !== 1) push(i, 'expected qx = 1 in the open row', q, Math.abs(q - 1));
    dSum += dx[i]!;
    if (i + 1 < rows) {
      if (!(lx[i + 1]! <= lx[i]!)) push(i + 1, `expected lx non-increasing (at most ${fmt(lx[i]!)})`, lx[i + 1]!, lx[i + 1]! - lx[i]!);
      const d = lx[i]! - lx[i + 1]!;
      if (!(Math.abs(dx[i]! - d) <= relTol * radix)) push(i, `expected dx = lx − l(x+n) = ${fmt(d)}`, dx[i]!, Math.abs(dx[i]! - d));
    } else if (!(Math.abs(dx[i]! - lx[i]!) <= relTol * radix)) {
      push(i, `expected dx = lx in the open row (${fmt(lx[i]!)})`, dx[i]!, Math.abs(dx[i]! - lx[i]!));
    }
  }
  if (!(Math.abs(dSum - radix) <= relTol * radix))
    violations.push({ where: 'all ages', group: 'all ages', rule: `expected Σ dx = l0 = ${fmt(radix)}`, actual: dSum, by: Math.abs(dSum - radix) });
  return result('life-table identities', violations);
}

/** Options of {@link increasingIn} and {@link decreasingIn}. */
export interface MonotoneOptions {
  /** Require a strict change between distinct inputs (default false). */
  strict?: boolean;
  /** Slack allowed against the direction (absolute, default 0); ignored when strict. */
  tolerance?: number;
  /** Name of the input in messages (default 'input'). */
  input?: string;
  /** Name of the output in messages (default 'output'). */
  output?: string;
}

function monotone(direction: 1 | -1, inputs: ArrayLike<number>, outputs: ArrayLike<number>, options: MonotoneOptions | undefined): InvariantResult {
  if (inputs.length !== outputs.length) fail('outputs', `expected ${inputs.length} values (one per input)`, outputs);
  const strict = options?.strict ?? false;
  const tolerance = options?.tolerance ?? 0;
  if (!(Number.isFinite(tolerance) && tolerance >= 0)) fail('options.tolerance', 'expected a finite number >= 0', tolerance);
  const inName = options?.input ?? 'input';
  const outName = options?.output ?? 'output';
  const order = Array.from({ length: inputs.length }, (_, i) => i).sort((i, j) => (inputs[i] as number) - (inputs[j] as number));
  const violations: Violation[] = [];
  const word = direction === 1 ? 'increasing' : 'decreasing';
  for (let k = 1; k < order.length; k++) {
    const i = order[k - 1]!;
    const j = order[k]!;
    const xi = inputs[i] as number;
    const xj = inputs[j] as number;
    if (xi === xj) continue;
    const yi = outputs[i] as number;
    const yj = outputs[j] as number;
    const change = direction * (yj - yi); // > 0 in the right direction
    const ok = strict ? change > 0 : change >= -tolerance;
    if (!ok) {
      violations.push({
        where: `${inName} ${fmt(xi)} → ${fmt(xj)}`,
        rule: `expected ${outName} ${strict ? 'strictly ' : ''}${word} from ${fmt(yi)}`,
        actual: yj,
        by: Number.isNaN(change) ? NaN : Math.abs(yj - yi),
      });
    }
  }
  return result(`${outName} ${word} in ${inName}`, violations);
}

/**
 * Outputs rise with inputs: for inputs sorted increasingly, each output is ≥ the previous one
 * (> with `strict`); the message names each pair out of order, the first first.
 *
 * @example
 * invariants.increasingIn([1, 1.5, 2], [2.40e6, 2.45e6, 2.52e6], { input: 'TFR', output: 'P(2030)' }) // { holds: true }
 */
export function increasingIn(inputs: ArrayLike<number>, outputs: ArrayLike<number>, options?: MonotoneOptions): InvariantResult {
  return monotone(1, inputs, outputs, options);
}

/**
 * Outputs fall as inputs rise (see {@link increasingIn}).
 *
 * @example
 * invariants.decreasingIn([1, 1.2], [78.97, 77.04], { strict: true, input: 'mx factor', output: 'e0' }) // { holds: true }
 */
export function decreasingIn(inputs: ArrayLike<number>, outputs: ArrayLike<number>, options?: MonotoneOptions): InvariantResult {
  return monotone(-1, inputs, outputs, options);
}

/**
 * A target solver agrees with the verdict of `assessTarget` (issue 4): at the solved value the
 * target is reached — target ≤ total(value) ≤ target + `tolerance` — and just below it, it is not.
 * "Just below" is measured, not guessed: the local slope s of the total in the parameter (from a
 * step of `probe` below the value) gives δ = 2·tolerance / s, the step that should take the total
 * two tolerances lower, and total(value − δ) must fall short of the target.
 *
 * `totalAt(x)` is the projected total when the solved parameter is x (e.g. `assessTarget` with the
 * migration or TFR set to x), at whichever width the solver projects (5-year or annual steps). An unreachable result holds when no bound reaches the target:
 * total(bound) on the wrong side of it.
 *
 * @example
 * const r = requiredNetMigration(base, scenario, target);
 * assertHolds(invariants.solverAgreesWithAssessment(r, target.population, (x) =>
 *   assessTarget(base, { ...scenario, migration: { netPerYear: x } }, target).projected));
 */
export function solverAgreesWithAssessment(
  solved: SolveResult<number>,
  target: number,
  totalAt: (x: number) => number,
  options?: { tolerance?: number; probe?: number },
): InvariantResult {
  const tol = options?.tolerance ?? 1;
  const out: Violation[] = [];
  if (solved.status === 'unconverged') {
    out.push({ where: `value ${fmt(solved.value)}`, rule: `expected the solver to converge (it stopped: ${solved.reason})`, actual: solved.achieved, by: Math.abs(solved.achieved - target) });
    return result('solverAgreesWithAssessment', out);
  }
  if (solved.status === 'unreachable') {
    const got = totalAt(solved.bound);
    const wrongSide = solved.side === 'above' ? got < target : got > target;
    if (!wrongSide) out.push({ where: `bound ${fmt(solved.bound)}`, rule: `expected the bound to fall ${solved.side === 'above' ? 'short of' : 'above'} the target ${fmt(target)}`, actual: got, by: Math.abs(got - target) });
    if (Math.abs(got - solved.achieved) > tol) out.push({ where: `bound ${fmt(solved.bound)}`, rule: `expected the reported achieved total ${fmt(solved.achieved)}`, actual: got, by: Math.abs(got - solved.achieved) });
    return result('solverAgreesWithAssessment', out);
  }
  const x = solved.value;
  const at = totalAt(x);
  if (!(at >= target && at <= target + tol))
    out.push({ where: `value ${fmt(x)}`, rule: `expected target ≤ total ≤ target + ${fmt(tol)} (target ${fmt(target)})`, actual: at, by: at < target ? target - at : at - target - tol });
  const h = options?.probe ?? Math.max(1e-6, Math.abs(x) * 1e-4);
  const slope = (at - totalAt(x - h)) / h;
  if (!(slope > 0)) {
    out.push({ where: `value ${fmt(x)}`, rule: 'expected the total to rise with the parameter', actual: slope, by: Math.abs(slope) });
  } else {
    const below = totalAt(x - (2 * tol) / slope);
    if (!(below < target)) out.push({ where: `just below ${fmt(x)}`, rule: `expected the target ${fmt(target)} not reached`, actual: below, by: below - target });
  }
  return result('solverAgreesWithAssessment', out);
}
