import { STEP, type Width } from '../ages/grid.js';
import { patternShares } from '../fertility/pattern.js';
import { fillAsfrFromTfr } from '../fertility/asfr.js';
import { DEFAULT_A0_RULE } from '../lifetable/a0.js';
import { DEFAULT_AX_RULE } from '../lifetable/ax.js';
import { emptyLifeTable, type LifeTable } from '../lifetable/compute.js';
import { fillSurvivalRatios } from '../lifetable/survival.js';
import { COMPLETE_ROWS } from '../mortality/complete.js';
import { flowsOf, resolveFlowDifference, type FlowDifferenceParams } from '../migration/flowDifference.js';
import { fillNetMigrants } from '../migration/netMigrants.js';
import { resolveOutSchedule } from '../migration/outSchedule.js';
import { resolveProfile } from '../migration/profile.js';
import { DEFAULT_SEX_GAP, splitE0Unchecked } from '../mortality/sexSplit.js';
import { LOGQUAD_ROWS } from '../mortality/logQuad.js';
import { BASELINES } from '../mortality/baselines.js';
import { e0Accepted, solveLifeTableForE0, type E0SolveSpec } from '../mortality/solveE0.js';
import { Arena } from '../project/arena.js';
import { step, TOTALS_SIZE, WORST_SHARE, type KernelPeriod } from '../project/kernel.js';
import { femaleBirthShare } from '../project/periodInputs.js';
import type { BySex, Sex } from '../types.js';
import { fail } from '../validate/errors.js';
import { ValidationMemo } from '../validate/memo.js';
import { anchorsOf, averageOver, type Anchors, type Path } from './path.js';
import { parseScenario, type ParsedScenario } from './schema.js';

/** Sex ratio at birth when a scenario gives none: 105 males per 100 females, the biological norm (UN). */
export const DEFAULT_SRB = 105;

/** A scenario with every path and model resolved for a grid: what the period loop needs. */
export interface CompiledScenario {
  openAge: number;
  /** Width of the age groups and of the periods, in years (5 or 1). */
  width: Width;
  groups: number;
  tfr: Anchors;
  /** Shares of the TFR by fertile group of the grid: 7 (15–19 … 45–49) or 35 (15 … 49). */
  pattern: Float64Array;
  srb: Anchors;
  e0: { both: Anchors; gap: Anchors } | BySex<Anchors>;
  spec: BySex<E0SolveSpec>;
  /** Rows of the life tables the mortality model produces. */
  rows: BySex<number>;
  migration: CompiledMigration | null;
}

/** A scenario's migration, resolved for a grid. */
export interface CompiledMigration {
  /** Net migrants a year (turned into gross flows by `fdm`), or null for gross flows given directly. */
  net: Anchors | null;
  fdm: Readonly<FlowDifferenceParams>;
  /** Gross flows given directly: in-migrants a year, out-migrants a year per person present. */
  inPerYear: Anchors | null;
  outRate: Anchors | null;
  /** In-migrants' age shares (summing to 1) and female share. */
  shares: Float64Array;
  femaleShare: number;
  /** Relative out-migration rates by group (both sexes). */
  outSchedule: Float64Array;
  startShare: number;
}

/** The levels of one period: path averages, before models turn them into rates. */
export interface PeriodLevels {
  from: number;
  tfr: number;
  srb: number;
  e0: BySex<number>;
  /** Net migrants a year, both sexes (net migration given as a net figure; 0 otherwise). */
  netPerYear: number;
  /** Gross flows given directly (0 otherwise): in-migrants a year, out-migrants a year per person present. */
  inPerYear: number;
  outRate: number;
}

const scenarios = new ValidationMemo<{ parsed: ParsedScenario; byGrid: Map<number, CompiledScenario> }>();

/**
 * Validates and compiles a scenario for a grid, remembering both for the same, unchanged scenario
 * object (see ValidationMemo). The result is shared: treat it as read-only.
 */
export function compiledScenario(scenario: unknown, openAge: number, width: Width = STEP): { parsed: ParsedScenario; compiled: CompiledScenario } {
  const memo = scenarios.get(scenario, () => ({ parsed: parseScenario(scenario), byGrid: new Map() }));
  const key = 2 * openAge + (width === 1 ? 1 : 0); // open ages and widths are validated: at most 54 entries
  let compiled = memo.byGrid.get(key);
  if (!compiled) {
    compiled = compileScenario(memo.parsed, openAge, width);
    memo.byGrid.set(key, compiled);
  }
  return { parsed: memo.parsed, compiled };
}

/** Compiles a validated scenario for a grid of `width`-year groups with open age `openAge` (≥ 50). */
export function compileScenario(s: ParsedScenario, openAge: number, width: Width = STEP): CompiledScenario {
  const m = s.mortality;
  const e0 =
    typeof m.e0 === 'object' && 'female' in m.e0
      ? { female: anchorsOf(m.e0.female as Path), male: anchorsOf(m.e0.male as Path) }
      : { both: anchorsOf(m.e0 as Path), gap: anchorsOf((m.sexGap ?? DEFAULT_SEX_GAP) as Path) };
  const model = m.model === undefined || m.model === 'log-quadratic' ? 'log-quadratic' : m.model.baseline;
  const specOf = (sex: Sex): E0SolveSpec => ({
    sex,
    model: model === 'log-quadratic' ? model : { baseline: typeof model === 'string' ? model : Float64Array.from(model[sex]) },
    k: 0,
    a0Rule: DEFAULT_A0_RULE,
    axRule: DEFAULT_AX_RULE,
    width,
  });
  const spec = { female: specOf('female'), male: specOf('male') };
  const rowsOf = (sex: Sex) => {
    const sp = spec[sex].model;
    const rows = sp === 'log-quadratic' ? LOGQUAD_ROWS : typeof sp.baseline === 'string' ? BASELINES[sp.baseline][sex].length : sp.baseline.length;
    if (5 * (rows - 2) < openAge)
      fail(`mortality.model.baseline.${sex}`, `expected rates up to the projection's open age ${openAge}+ (ages 0, 1, 5, …, ${openAge}+ at least)`, rows);
    return width === 1 ? COMPLETE_ROWS : rows;
  };

  return {
    openAge,
    width,
    groups: openAge / width + 1,
    tfr: anchorsOf(s.fertility.tfr as Path),
    pattern: patternShares(s.fertility.pattern, width),
    srb: anchorsOf((s.srb ?? DEFAULT_SRB) as Path),
    e0,
    spec,
    rows: { female: rowsOf('female'), male: rowsOf('male') },
    migration: s.migration ? compileMigration(s.migration, openAge, width) : null,
  };
}

/** A scenario's (validated) migration block resolved for the grid of `width`-year groups with open age `openAge`. */
export function compileMigration(mig: NonNullable<ParsedScenario['migration']>, openAge: number, width: Width = STEP): CompiledMigration {
  return {
    net: mig.netPerYear === undefined ? null : anchorsOf(mig.netPerYear as Path),
    fdm: resolveFlowDifference(mig.flowDifference),
    inPerYear: mig.inPerYear === undefined ? null : anchorsOf(mig.inPerYear as Path),
    outRate: mig.outRate === undefined ? null : anchorsOf(mig.outRate as Path),
    shares: resolveProfile(mig.profile ?? 'rogers-castro', openAge, 'migration.profile', width),
    femaleShare: mig.femaleShare ?? 0.5,
    outSchedule: resolveOutSchedule(mig.outSchedule ?? 'rogers-castro', openAge, 'migration.outSchedule', width),
    startShare: mig.timing === 'end' ? 0 : 0.5,
  };
}

/**
 * Levels of the period [from, from + n) (n = the grid's width, 5 or 1 years): exact path averages
 * (design.md, "Time"). A both-sex e0 is split with the period's gap and SRB:
 * e0F = e0 + gap·srb/(100 + srb), e0M = e0F − gap.
 */
export function periodLevels(c: CompiledScenario, from: number): PeriodLevels {
  const to = from + c.width;
  const srb = averageOver(c.srb, from, to);
  let e0: BySex<number>;
  if ('both' in c.e0) {
    e0 = splitE0Unchecked(averageOver(c.e0.both, from, to), averageOver(c.e0.gap, from, to), srb);
  } else {
    e0 = { female: averageOver(c.e0.female, from, to), male: averageOver(c.e0.male, from, to) };
  }
  return {
    from,
    tfr: averageOver(c.tfr, from, to),
    srb,
    e0,
    netPerYear: c.migration?.net ? averageOver(c.migration.net, from, to) : 0,
    inPerYear: c.migration?.inPerYear ? averageOver(c.migration.inPerYear, from, to) : 0,
    outRate: c.migration?.outRate ? averageOver(c.migration.outRate, from, to) : 0,
  };
}

/** A working copy of a period's levels (for a caller that changes some of them: a trial, a draw). */
export function copyLevels(lv: PeriodLevels): PeriodLevels {
  return { ...lv, e0: { ...lv.e0 } };
}

/** Scratch life tables for the e0 solves, one per sex (reused: the projection is synchronous). */
export interface Tables {
  female: LifeTable;
  male: LifeTable;
}

/**
 * Working tables for a scenario's e0 solves: a pool, one table per sex and row count, reused across
 * calls. Kept because a benchmark proves it matters: allocating the two tables (nine column views
 * each) costs about 3 µs of a 17 µs `project()` (`npm run bench -- "scenario: project()"`, 13.8 µs
 * with the pool against 16.7 µs without, one session). Safe to share: every solve writes a table
 * whole before it reads it, everything that uses them runs synchronously, and nothing returned is a
 * view of them (results copy; test/isolation checks that no answer changes after hostile calls or
 * writes into results).
 */
export function tablesFor(c: CompiledScenario): Tables {
  return { female: pooledTable(0, c.rows.female, c.width), male: pooledTable(1, c.rows.male, c.width) };
}

const pool = [new Map<number, LifeTable>(), new Map<number, LifeTable>()] as const;
function pooledTable(slot: 0 | 1, rows: number, width: Width): LifeTable {
  const key = 2 * rows + (width === 1 ? 1 : 0);
  let t = pool[slot].get(key);
  if (!t) {
    t = emptyLifeTable(rows, width);
    pool[slot].set(key, t); // rows is bounded by the open-age rule: at most a few dozen entries
  }
  return t;
}

/** Numbers a kernel period of this scenario's grid holds (for sizing an {@link Arena}). */
export function kernelPeriodSize(c: CompiledScenario): number {
  return 2 * (c.groups - 1) + c.groups + (c.migration ? 6 * c.groups : 0);
}

/** A kernel period for a compiled scenario's grid, its arrays taken from `arena` (or allocated). */
export function emptyKernelPeriod(c: CompiledScenario, arena: Arena = new Arena(kernelPeriodSize(c))): KernelPeriod {
  const G = c.groups;
  return {
    width: c.width,
    sf: arena.take(G - 1),
    sm: arena.take(G - 1),
    bf: 0,
    bm: 0,
    asfr: arena.take(G),
    femaleShare: 0,
    mf: c.migration ? arena.take(G) : null,
    mm: c.migration ? arena.take(G) : null,
    startShare: c.migration ? c.migration.startShare : 0.5,
    out: c.migration
      ? {
          rf: c.migration.outSchedule,
          rm: c.migration.outSchedule,
          persons: 0,
          rate: 0,
          startF: arena.take(G),
          startM: arena.take(G),
          byAgeF: arena.take(G),
          byAgeM: arena.take(G),
        }
      : null,
  };
}

/**
 * A period's migration into `k` (made by {@link emptyKernelPeriod}), given the population at the
 * period's start (P, both sexes): the gross flows given, plus those of the net figure N by the
 * Flow-Difference Method (IM = max(β0·P + β1·N, m·P, m·P + N), OM = IM − N, per year;
 * `flowDifference`). In-migrants: n × IM × sex share × age profile; out-migrants: n × OM persons
 * plus `outRate` per person-year, leaving in proportion to the out-schedule × the people present.
 */
export function fillMigration(c: CompiledScenario, lv: PeriodLevels, population: number, k: KernelPeriod): void {
  const m = c.migration;
  if (!m) return;
  // Gross flows given, plus the net figure's flows (0 and 0 for N = 0 under the default parameters).
  const flows = flowsOf(lv.netPerYear, population, m.fdm);
  fillNetMigrants(c.width * (lv.inPerYear + flows.inPerYear), m.femaleShare, m.shares, k.mf!, k.mm!);
  k.out!.persons = c.width * flows.outPerYear;
  k.out!.rate = lv.outRate;
}

/**
 * Turns a period's levels into rates in `k` (preallocated by {@link emptyKernelPeriod}): ASFR =
 * TFR × pattern / n; survival from the life table whose e0 is the level (solved per sex in
 * `tables`, which keep the solution). Migration depends on the population at the period's start:
 * {@link fillMigration} sets it then. Returns the e0 the life tables achieve. Throws where a level
 * is out of the model's reach.
 */
export function fillPeriodRates(c: CompiledScenario, lv: PeriodLevels, tables: Tables, k: KernelPeriod): BySex<number> {
  fillFertility(c, lv.tfr, k);
  k.femaleShare = femaleBirthShare(lv.srb);
  const eF = solveE0(c, 'female', lv, tables.female);
  const eM = solveE0(c, 'male', lv, tables.male);
  k.bf = fillSurvivalRatios(tables.female, c.openAge, k.sf, c.width);
  k.bm = fillSurvivalRatios(tables.male, c.openAge, k.sm, c.width);
  return { female: eF, male: eM };
}

/** ASFR of a TFR level into `k`: TFR × the scenario's pattern / n on the fertile groups, 0 elsewhere. */
export function fillFertility(c: CompiledScenario, tfr: number, k: KernelPeriod): void {
  fillAsfrFromTfr(tfr, c.pattern, k.asfr, c.width);
}

/**
 * Solves the life table of a sex's mortality model (`spec`, one of `CompiledScenario.spec`) for life
 * expectancy `e0` into `out`. Whether the table is one to use: false where e0 is beyond the model's
 * reach (`out` then holds the table at the bound the model reaches).
 */
export function solveForE0(spec: E0SolveSpec, e0: number, out: LifeTable): boolean {
  return e0Accepted(solveLifeTableForE0(e0, spec, out), e0);
}

/** The accounting a kernel step fills (births, deaths, out-migrants, the worst out-flow share). */
export function periodTotals(): Float64Array {
  return new Float64Array(TOTALS_SIZE);
}

/** From {@link periodTotals} after a step: the largest share of a group's people its out-flow took (> 1: more than were there). */
export function worstShare(totals: Float64Array): number {
  return totals[WORST_SHARE]!;
}

/**
 * One period of a compiled scenario: its migration from the population at the period's start
 * (`population`, both sexes; see {@link fillMigration}), then the cohort-component step from
 * (pf, pm) into (nf, nm), the accounting into `totals` ({@link periodTotals}). False where the
 * out-flow would take more people than a group holds.
 */
export function stepPeriod(
  c: CompiledScenario,
  lv: PeriodLevels,
  population: number,
  k: KernelPeriod,
  pf: Float64Array,
  pm: Float64Array,
  nf: Float64Array,
  nm: Float64Array,
  totals: Float64Array,
): boolean {
  fillMigration(c, lv, population, k);
  return step(pf, pm, k, nf, nm, totals);
}

function solveE0(c: CompiledScenario, sex: Sex, lv: PeriodLevels, out: LifeTable): number {
  const target = lv.e0[sex];
  const r = solveLifeTableForE0(target, c.spec[sex], out);
  if (e0Accepted(r, target)) return r.achieved;
  const model = c.spec[sex].model === 'log-quadratic' ? 'the log-quadratic model' : 'proportional hazards on the baseline';
  return fail(
    'mortality.e0',
    `expected a ${sex} life expectancy ${model} reaches in ${lv.from}-${lv.from + c.width} (${r.side === 'above' ? 'at most' : 'at least'} ${r.achieved.toFixed(2)})`,
    target,
  );
}
