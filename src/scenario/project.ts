import * as z from 'zod/mini';
import { populationTotal, populationTotalByGroup } from '../ages/broad.js';
import { ageGroupLabels, DEFAULT_OPEN_AGE, STEP, type Width } from '../ages/grid.js';
import { aggregateSingleYears } from '../ages/aggregate.js';
import { DEFAULT_GRADUATION_METHOD, graduate, GRADUATION_METHODS, type GraduationMethod } from '../base/graduate.js';
import { bothSexE0Unchecked } from '../mortality/sexSplit.js';
import { fail, InputError } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { parsePopulation, run, runSize, type CohortProjection, type Population, type RunHooks } from '../project/projectCohorts.js';
import { Arena } from '../project/arena.js';
import { hasOutflow, type KernelPeriod } from '../project/kernel.js';
import type { PeriodInputs } from '../project/periodInputs.js';
import type { BySex } from '../types.js';
import { MAX_HORIZON, oneOf, openAgeValue, widthValue, year } from '../validate/schemas.js';
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

/** Options of {@link project}: the last year, the open age and the width of the projection grid. */
export interface ProjectOptions {
  /** Last year of the projection: base year + a multiple of the width (5 years, or any year at width 1). */
  until: number;
  /** Open age of the projection grid (a multiple of 5, ≥ 65); default 100. */
  openAge?: number;
  /**
   * Width of the age groups and periods: 5 (5-year groups, 5-year steps) or 1 (single years of age,
   * annual steps, as UN WPP 2022+); default: the base's width (5 when it gives none).
   */
  width?: Width;
  /**
   * How a 5-year base is brought to single years when `width` is 1 (see `graduate`); default
   * 'sprague'. A negative single year is an error naming the group; 'monotone' never gives one.
   */
  graduation?: GraduationMethod;
}

/** A projection of a scenario: the cohort projection, the rates it used, and its indicators. */
export interface Projection extends CohortProjection {
  openAge: number;
  /** Labels of the age groups, '0-4' … '100+' (or '0', '1', … '100+' at width 1). */
  ageGroups: string[];
  /** The rates each period used (what `projectCohorts` would take to reproduce it). */
  periods: PeriodInputs[];
  indicators: { years: YearIndicators[]; periods: PeriodIndicators[] };
}

/** The open age of a projection's grid: a multiple of 5, at least {@link MIN_PROJECTION_OPEN_AGE}. */
export const projectionOpenAgeSchema = openAgeValue(MIN_PROJECTION_OPEN_AGE);

/** How a 5-year base becomes single years: one of `graduate`'s methods. */
export const graduationMethodSchema = oneOf(GRADUATION_METHODS);

const optionsSchema = z.strictObject(
  {
    until: year(),
    openAge: z.optional(projectionOpenAgeSchema),
    width: z.optional(widthValue()),
    graduation: z.optional(graduationMethodSchema),
  },
  { error: 'expected options { until, openAge?, width?, graduation? }' },
);

/**
 * Projects a base population under a scenario by the cohort-component method, in periods of n = 5
 * years on 5-year groups (the default) or n = 1 on single years of age (`width: 1`, the UN WPP 2022+
 * conventions), from the base year to `until`. Each period [t, t+n) takes the exact average of every
 * path over it; ASFR = TFR × pattern / n (at width 1 the 5-year pattern graduated to single ages,
 * each group's share kept); survival from the life table of the mortality model whose e0 is the
 * period's (log-quadratic, Wilmoth et al. 2012, or proportional hazards on a baseline; a both-sex e0
 * is split by the sex gap; at width 1 the model's table brought to single ages, Kannisto above 100,
 * closed at 130, and solved so that the complete table's e0 is the period's); migrants by the age
 * profile; then {@link projectCohorts}' step (Preston, Heuveline & Guillot 2001, ch. 6).
 *
 * A base whose open group starts below `openAge` (data often stop at 80+ or 85+) has it split by the
 * stationary population of the first period's life table ({@link splitOpenAgeGroup}); one above is
 * summed into `openAge+`. A 5-year base projected at width 1 is graduated first (`graduation`); a
 * single-year base projected at width 5 is summed into 5-year groups. Persons are conserved always.
 * Throws an InputError naming the field for a bad base, scenario or option, and where a level is
 * beyond the models' reach or migrants would take more people than there are.
 *
 * @example
 * const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });
 * p.indicators.years.at(-1)?.total // the projected 2030 population
 * const annual = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030, width: 1 });
 * annual.years.length // 16
 */
export function project(base: Population, scenario: Scenario, options: ProjectOptions): Projection {
  const b = parsePopulation(base);
  const o = parseWith(optionsSchema, options, 'options');
  const openAge = o.openAge ?? DEFAULT_OPEN_AGE;
  const width = o.width ?? b.width ?? STEP;
  const { compiled } = compiledScenario(scenario, openAge, width);
  return projectCompiled(compiled, onWidth(b, width, o.graduation), periodsUntil(b.year, o.until, 'options.until', width));
}

/** A validated base on the grid width of the projection: graduated (5 → 1) or summed (1 → 5) where it is not. */
export function onWidth<B extends { year: number; width?: Width | undefined } & BySex<ArrayLike<number>>>(
  b: B,
  width: Width,
  graduation: GraduationMethod = DEFAULT_GRADUATION_METHOD,
  path = 'base',
): { year: number } & BySex<ArrayLike<number>> {
  const from = b.width ?? STEP;
  if (from === width) return b;
  if (width === 1) {
    // A validated base is the same object for the same unchanged input (parsePopulation's memo): its
    // graduation is kept beside it, never handed out (every caller copies it into its own buffers).
    let byMethod = graduatedBases.get(b);
    if (!byMethod) graduatedBases.set(b, (byMethod = new Map()));
    let g = byMethod.get(graduation);
    if (!g) byMethod.set(graduation, (g = { female: graduated(b.female, graduation, `${path}.female`), male: graduated(b.male, graduation, `${path}.male`) }));
    return { year: b.year, ...g };
  }
  return { year: b.year, female: aggregateSingleYears(b.female, `${path}.female`), male: aggregateSingleYears(b.male, `${path}.male`) };
}

/** Graduations of validated bases, by method (weakly held: they go with their base). */
const graduatedBases = new WeakMap<object, Map<GraduationMethod, BySex<Float64Array>>>();

/** `graduate` of a base's sex, its errors naming the base's field (`base.female[17]`, not `counts[17]`). */
function graduated(counts: ArrayLike<number>, method: GraduationMethod, path: string): Float64Array {
  try {
    return graduate(counts, { method });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.issues.map((i) => ({ ...i, path: i.path.replace(/^counts/, path) })));
    throw e;
  }
}

/** Whether `year` is a year of a projection from `baseYear` in steps of `width` years. */
export function onPeriodGrid(year: number, baseYear: number, width: Width = STEP): boolean {
  return year >= baseYear && (year - baseYear) % width === 0;
}

/** Periods from `baseYear` to `until`, which must be the base year plus a multiple of `width` (else an InputError at `path`). */
export function periodsUntil(baseYear: number, until: number, path = 'options.until', width: Width = STEP): number {
  if (!onPeriodGrid(until, baseYear, width) || until - baseYear > MAX_HORIZON)
    fail(
      path,
      width === 1
        ? `expected a year from the base year ${baseYear} to ${baseYear + MAX_HORIZON} (the longest projection)`
        : `expected the base year ${baseYear} plus a multiple of 5, at most ${MAX_HORIZON} years (the longest projection)`,
      until,
    );
  return (until - baseYear) / width;
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
    const lv = periodLevels(c, base.year + c.width * t);
    adjust?.(lv, t);
    const k = emptyKernelPeriod(c, arena);
    achieved.push(fillPeriodRates(c, lv, tables, k));
    if (t === 0) {
      female = toGrid(female, tables.female, c);
      male = toGrid(male, tables.male, c);
    }
    kernels.push(k);
    levels.push(lv);
  }
  if (count === 0 && female.length !== c.groups) {
    // No period to take a life table from: only aggregation is possible.
    if (female.length < c.groups) fail('base', `expected an open age of at least ${c.openAge} when no period is projected`, c.width * (female.length - 1));
    female = toGrid(female, tables.female, c);
    male = toGrid(male, tables.male, c);
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
  const cohorts = run(base.year, female, male, kernels, migrationHooks(c, base.year, levels), arena, c.width);
  return {
    ...cohorts,
    openAge: c.openAge,
    ageGroups: ageGroupLabels(c.openAge, c.width),
    periods: kernels.map((k, t) => periodInputsOf(k, levels[t]!.srb)),
    indicators: {
      years: cohorts.years.map((y, i) => yearIndicatorsUnchecked(y, cohorts.population[i]!, c.width)),
      periods: levels.map((lv, t) => periodIndicators(cohorts, t, lv, achieved[t]!, c.width)),
    },
  };
}

/** How a scenario's migration takes part in the period loop: flows from each period's start population. */
function migrationHooks(c: CompiledScenario, baseYear: number, levels: readonly PeriodLevels[]): RunHooks {
  if (!c.migration) return {};
  return {
    beforeStep: (t, pf, pm, k) => fillMigration(c, levels[t]!, populationTotal(pf, pm), k),
    outflowError: (t, pf, pm, k) => outflowError(c, baseYear + c.width * t, levels[t]!, pf, pm, k),
  };
}

/** A base on a grid of the projection's width but any open age brought to the projection's: split (stationary shares) or summed. */
function toGrid(pop: ArrayLike<number>, lt: Parameters<typeof splitUnchecked>[1], c: CompiledScenario): ArrayLike<number> {
  const groups = c.groups;
  if (pop.length === groups) return pop;
  if (pop.length < groups) return splitUnchecked(Float64Array.from(pop), lt, c.openAge, c.width);
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

function periodIndicators(p: CohortProjection, t: number, lv: PeriodLevels, e0: BySex<number>, n: Width): PeriodIndicators {
  const sum = (x: BySex<number>) => x.female + x.male;
  const P0 = populationTotalByGroup(p.population[t]!.female, p.population[t]!.male);
  const P1 = populationTotalByGroup(p.population[t + 1]!.female, p.population[t + 1]!.male);
  const personYears = (n * (P0 + P1)) / 2;
  const births = sum(p.births[t]!);
  const deaths = sum(p.deaths[t]!);
  return {
    from: lv.from,
    to: lv.from + n,
    births,
    deaths,
    netMigrants: sum(p.netMigrants[t]!),
    inMigrants: sum(p.inMigrants[t]!),
    outMigrants: sum(p.outMigrants[t]!),
    cbr: births / personYears,
    cdr: deaths / personYears,
    growthRate: Math.log(P1 / P0) / n,
    tfr: lv.tfr,
    srb: lv.srb,
    e0: { female: e0.female, male: e0.male, both: bothSexE0Unchecked(e0.female, e0.male, lv.srb) },
  };
}
