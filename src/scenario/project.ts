import * as z from 'zod/mini';
import { populationTotal, populationTotalByGroup } from '../ages/broad.js';
import { ageGroupLabels, DEFAULT_OPEN_AGE, STEP } from '../ages/grid.js';
import { bothSexE0Unchecked } from '../mortality/sexSplit.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { parsePopulation, run, runSize, type CohortProjection, type Population, type RunHooks } from '../project/projectCohorts.js';
import { Arena } from '../project/arena.js';
import { hasOutflow, type KernelPeriod } from '../project/kernel.js';
import type { PeriodInputs } from '../project/periodInputs.js';
import type { BySex } from '../types.js';
import { MAX_HORIZON, openAgeValue, year } from '../validate/schemas.js';
import {
  compiledScenario,
  emptyKernelPeriod,
  fillMigration,
  fillPeriodRates,
  kernelPeriodSize,
  periodLevels,
  tablesFor,
  type CompiledScenario,
  type PeriodLevels,
} from './compile.js';
import { yearIndicatorsUnchecked, type PeriodIndicators, type YearIndicators } from '../indicators/yearIndicators.js';
import type { Scenario } from './schema.js';
import { splitUnchecked } from '../base/splitOpenAgeGroup.js';
import { outflowError } from './outflowError.js';

/** Lowest open age of a projection: the indicators need a closed 60–64 group and 65+. */
const MIN_PROJECTION_OPEN_AGE = 65;

/** Options of {@link project}: the last year and the open age of the projection grid. */
export interface ProjectOptions {
  /** Last year of the projection: base year + a multiple of 5. */
  until: number;
  /** Open age of the projection grid (a multiple of 5, ≥ 65); default 100. */
  openAge?: number;
}

/** A projection of a scenario: the cohort projection, the rates it used, and its indicators. */
export interface Projection extends CohortProjection {
  openAge: number;
  /** Labels of the age groups, '0-4' … '100+'. */
  ageGroups: string[];
  /** The rates each period used (what `projectCohorts` would take to reproduce it). */
  periods: PeriodInputs[];
  indicators: { years: YearIndicators[]; periods: PeriodIndicators[] };
}

/** The open age of a projection's grid: a multiple of 5, at least {@link MIN_PROJECTION_OPEN_AGE}. */
export const projectionOpenAgeSchema = openAgeValue(MIN_PROJECTION_OPEN_AGE);

const optionsSchema = z.strictObject(
  {
    until: year(),
    openAge: z.optional(projectionOpenAgeSchema),
  },
  { error: 'expected options { until, openAge? }' },
);

/**
 * Projects a base population under a scenario by the cohort-component method, in 5-year periods
 * from the base year to `until`. Each period [t, t+5) takes the exact average of every path over
 * it; ASFR = TFR × pattern / 5; survival from the life table of the mortality model whose e0 is the
 * period's (log-quadratic, Wilmoth et al. 2012, or proportional hazards on a baseline; a both-sex e0
 * is split by the sex gap); net migrants by the age profile; then {@link projectCohorts}' step
 * (Preston, Heuveline & Guillot 2001, ch. 6).
 *
 * A base whose open group starts below `openAge` (data often stop at 80+ or 85+) has it split by the
 * stationary population of the first period's life table ({@link splitOpenAgeGroup}); one above is
 * summed into `openAge+`. Persons are conserved either way.
 *
 * @example
 * const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });
 * p.indicators.years.at(-1)?.total // the projected 2030 population
 */
export function project(base: Population, scenario: Scenario, options: ProjectOptions): Projection {
  const b = parsePopulation(base);
  const o = parseWith(optionsSchema, options, 'options');
  const openAge = o.openAge ?? DEFAULT_OPEN_AGE;
  const { compiled } = compiledScenario(scenario, openAge);
  return projectCompiled(compiled, b, periodsUntil(b.year, o.until));
}

/** Whether `year` is a year of a projection from `baseYear`: the base year plus a multiple of 5. */
export function onPeriodGrid(year: number, baseYear: number): boolean {
  return year >= baseYear && (year - baseYear) % STEP === 0;
}

/** Periods from `baseYear` to `until`, which must be the base year plus a multiple of 5 (else an InputError at `path`). */
export function periodsUntil(baseYear: number, until: number, path = 'options.until'): number {
  if (!onPeriodGrid(until, baseYear) || until - baseYear > MAX_HORIZON)
    fail(path, `expected the base year ${baseYear} plus a multiple of 5, at most ${MAX_HORIZON} years (the longest projection)`, until);
  return (until - baseYear) / STEP;
}

/** A hook that may change a period's levels before they become rates (targets, simulation). */
export type AdjustLevels = (levels: PeriodLevels, period: number) => void;

/** A scenario's periods with their rates: everything a projection needs but the migration, which follows the population. */
export interface CompiledPeriods {
  kernels: KernelPeriod[];
  levels: PeriodLevels[];
  /** The e0 each period's life tables achieve. */
  achieved: BySex<number>[];
  /** The base on the projection's grid. */
  female: ArrayLike<number>;
  male: ArrayLike<number>;
  arena: Arena;
}

/**
 * Unchecked: the rates of `count` periods of a compiled scenario from a validated base (any open
 * age; brought to the grid with the first period's life table), with the arena the projection uses.
 */
export function compilePeriods(
  c: CompiledScenario,
  base: { year: number } & BySex<ArrayLike<number>>,
  count: number,
  adjust?: AdjustLevels,
): CompiledPeriods {
  const tables = tablesFor(c);
  const arena = new Arena(count * kernelPeriodSize(c) + runSize(c.groups, count));
  const kernels: KernelPeriod[] = [];
  const levels: PeriodLevels[] = [];
  const achieved: BySex<number>[] = [];
  let female = base.female;
  let male = base.male;
  for (let t = 0; t < count; t++) {
    const lv = periodLevels(c, base.year + STEP * t);
    adjust?.(lv, t);
    const k = emptyKernelPeriod(c, arena);
    achieved.push(fillPeriodRates(c, lv, tables, k));
    if (t === 0) {
      female = toGrid(female, tables.female, c.openAge);
      male = toGrid(male, tables.male, c.openAge);
    }
    kernels.push(k);
    levels.push(lv);
  }
  if (count === 0 && female.length !== c.groups) {
    // No period to take a life table from: only aggregation is possible.
    if (female.length < c.groups) fail('base', `expected an open age of at least ${c.openAge} when no period is projected`, 5 * (female.length - 1));
    female = toGrid(female, tables.female, c.openAge);
    male = toGrid(male, tables.male, c.openAge);
  }
  return { kernels, levels, achieved, female, male, arena };
}

/** Unchecked: projects a validated base (any open age) under a compiled scenario for `count` periods. */
export function projectCompiled(
  c: CompiledScenario,
  base: { year: number } & BySex<ArrayLike<number>>,
  count: number,
  adjust?: AdjustLevels,
): Projection {
  const { kernels, levels, achieved, female, male, arena } = compilePeriods(c, base, count, adjust);
  const cohorts = run(base.year, female, male, kernels, migrationHooks(c, base.year, levels), arena);
  return {
    ...cohorts,
    openAge: c.openAge,
    ageGroups: ageGroupLabels(c.openAge),
    periods: kernels.map((k, t) => periodInputsOf(k, levels[t]!.srb)),
    indicators: {
      years: cohorts.years.map((y, i) => yearIndicatorsUnchecked(y, cohorts.population[i]!)),
      periods: levels.map((lv, t) => periodIndicators(cohorts, t, lv, achieved[t]!)),
    },
  };
}

/** How a scenario's migration takes part in the period loop: flows from each period's start population. */
function migrationHooks(c: CompiledScenario, baseYear: number, levels: readonly PeriodLevels[]): RunHooks {
  if (!c.migration) return {};
  return {
    beforeStep: (t, pf, pm, k) => fillMigration(c, levels[t]!, populationTotal(pf, pm), k),
    outflowError: (t, pf, pm, k) => outflowError(c, baseYear + STEP * t, levels[t]!, pf, pm, k),
  };
}

/** A base on any 5-year grid brought to the projection's: split (stationary shares) or summed. */
function toGrid(pop: ArrayLike<number>, lt: Parameters<typeof splitUnchecked>[1], openAge: number): ArrayLike<number> {
  const groups = openAge / STEP + 1;
  if (pop.length === groups) return pop;
  if (pop.length < groups) return splitUnchecked(Float64Array.from(pop), lt, openAge);
  const out = Float64Array.prototype.slice.call(Float64Array.from(pop), 0, groups);
  for (let i = groups; i < pop.length; i++) out[groups - 1] = out[groups - 1]! + pop[i]!;
  return out;
}

function periodInputsOf(k: KernelPeriod, srb: number): PeriodInputs {
  const p: PeriodInputs = {
    survival: { female: { birth: k.bf, ratios: k.sf }, male: { birth: k.bm, ratios: k.sm } },
    asfr: k.asfr,
    srb,
    migrationTiming: k.startShare === 0 ? 'end' : 'even',
  };
  if (k.mf && k.mm) p.inMigrants = { female: k.mf, male: k.mm };
  if (hasOutflow(k)) p.outMigration = { persons: k.out!.persons, rate: k.out!.rate, schedule: { female: k.out!.rf, male: k.out!.rm } };
  return p;
}

function periodIndicators(p: CohortProjection, t: number, lv: PeriodLevels, e0: BySex<number>): PeriodIndicators {
  const sum = (x: BySex<number>) => x.female + x.male;
  const P0 = populationTotalByGroup(p.population[t]!.female, p.population[t]!.male);
  const P1 = populationTotalByGroup(p.population[t + 1]!.female, p.population[t + 1]!.male);
  const personYears = (STEP * (P0 + P1)) / 2;
  const births = sum(p.births[t]!);
  const deaths = sum(p.deaths[t]!);
  return {
    from: lv.from,
    to: lv.from + STEP,
    births,
    deaths,
    netMigrants: sum(p.netMigrants[t]!),
    inMigrants: sum(p.inMigrants[t]!),
    outMigrants: sum(p.outMigrants[t]!),
    cbr: births / personYears,
    cdr: deaths / personYears,
    growthRate: Math.log(P1 / P0) / STEP,
    tfr: lv.tfr,
    srb: lv.srb,
    e0: { female: e0.female, male: e0.male, both: bothSexE0Unchecked(e0.female, e0.male, lv.srb) },
  };
}
