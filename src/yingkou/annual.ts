import { populationTotal } from '../ages/broad.js';
import { DEFAULT_OPEN_AGE } from '../ages/grid.js';
import { decomposeChange, type ChangeComponents } from '../indicators/decompose.js';
import type { Population } from '../project/projectCohorts.js';
import { project, type Projection } from '../scenario/project.js';
import type { Scenario } from '../scenario/schema.js';
import { solveMonotone } from '../solve/monotone.js';
import { settle, type Settled } from '../solve/result.js';
import { requiredNetMigration } from '../targets/requiredNetMigration.js';
import * as z from 'zod/mini';
import { TARGET_MARGIN, TARGET_TOLERANCE, targetSchema, type Target } from '../targets/target.js';
import { parseWith } from '../validate/parse.js';
import { yingkou } from './data.js';

/** How the 5-year base is graduated to single years for the annual run: Sprague's multipliers (see `graduate`). */
const ANNUAL_GRADUATION = 'sprague';

/** One year of the annual run beside the five-year projection (which has every fifth year). */
export interface AnnualYear {
  year: number;
  /** The 1×1 projection's total at year-end. */
  total: number;
  /** The 5×5 projection's total, in its years (2015, 2020, 2025, 2030); null between them. */
  fiveYear: number | null;
  /** The plan's target for the year, or the plan's 2015 figure; null in other years. */
  target: number | null;
}

/** A figure observed between the projection's year-ends, against the projection at its date. */
export interface DatedComparison {
  /** ISO date of the figure. */
  date: string;
  /** Years from the base (year-end 2015 = 1 January 2016) to the date. */
  years: number;
  observed: number;
  /** The projection at the date: geometric interpolation between the year-ends around it. */
  projected: number;
}

/** The year-by-year section of the Yingkou report (issue 13): the plan on single years of age, in annual steps. */
export interface YingkouAnnual {
  /** How the 5-year base became single years. */
  graduation: typeof ANNUAL_GRADUATION;
  openAge: number;
  /** The plan alone, 2015–2030: the 1×1 projection's totals with the 5×5 totals and the targets. */
  years: AnnualYear[];
  /** The 1×1 and 5×5 projections of the plan alone (the 5×5 one is the main report's). */
  annual: Projection;
  fiveYear: Projection;
  /** Components of change 2015–2030 under each: where the two totals part. */
  change: { annual: ChangeComponents; fiveYear: ChangeComponents };
  /** Constant net migration from 2015 reaching the 2030 target, on each grid. */
  requiredMigration2030: { annual: Settled<number>; fiveYear: Settled<number> };
  /** The 2020 census at its date (1 November 2020), and the year-end figures. */
  census: {
    /** The census against the plan alone, both at 1 November 2020. */
    planAlone: DatedComparison;
    /**
     * The net migration a year from year-end 2015 that puts the annual projection on the census at
     * its date; and, to separate the date from the method, the same on the annual grid with the
     * census taken as year-end 2020 (the 5-year report's timing), and the 5-year report's own.
     */
    impliedNetMigration: { atCensusDate: Settled<number>; atYearEnd2020: Settled<number>; fiveYear: Settled<number> };
    /** Year-end figures (2021, 2023) against the annual projection with the census-implied migration continued; null where it has no value. */
    yearEnd: { year: number; observed: number; projected: number | null }[];
  };
}

/** Years from year-end `baseYear` (1 January of the next year) to an ISO date, by days in each year. */
function yearsSinceYearEnd(baseYear: number, isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const fraction = (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
  return y - (baseYear + 1) + fraction;
}

/**
 * The total of an annual projection at `years` after its base, between two year-ends: geometric
 * interpolation, P(t + f) = P(t) · (P(t+1)/P(t))^f (a constant growth rate within the year;
 * Preston, Heuveline & Guillot 2001, §1.3).
 */
function totalAt(p: Projection, years: number): number {
  const i = Math.floor(years);
  const f = years - i;
  const a = p.indicators.years[i]!.total;
  if (f === 0) return a;
  const b = p.indicators.years[i + 1]!.total;
  return a * Math.pow(b / a, f);
}

const withNet = (s: Scenario, netPerYear: number): Scenario => ({ ...s, migration: { netPerYear } });

/** Net migration a year searched for the census: ±10 % of the base population a year, far beyond any city's. */
const CENSUS_BOUND = 0.1;

/** The targets the Yingkou report asks about: one for 2020 and one for 2030, in that order. */
export const yingkouTargetsSchema = z
  .tuple([targetSchema, targetSchema], { error: 'expected [{ year: 2020, population }, { year: 2030, population }]' })
  .check(z.refine((ts) => ts[0].year === 2020 && ts[1].year === 2030, { error: 'expected targets for 2020 and 2030, in that order' }));

/** Options of {@link yingkouAnnual}. */
export interface YingkouAnnualOptions {
  /** The targets, 2020 then 2030; default the plan's (2.45 and 2.6 million). */
  targets?: [Target, Target];
}

const optionsSchema = z.strictObject({ targets: z.optional(yingkouTargetsSchema) }, { error: 'expected options { targets? }' });

/**
 * The year-by-year section of the Yingkou report: the plan (estimated 2015 base, graduated to single
 * years by Sprague's multipliers) projected in annual steps on single years of age to 2030, beside the
 * 5×5 projection; the 2020 census compared at its own date; the census-implied migration re-estimated
 * on the annual grid; the year-end 2021 and 2023 figures against it. Nothing is typed in. Throws an
 * InputError for invalid options, and a CcmppError naming the solve should a search stop without
 * converging.
 *
 * @example
 * const a = yingkouAnnual();
 * a.years.length // 16: 2015, 2016, …, 2030
 */
export function yingkouAnnual(options: YingkouAnnualOptions = {}): YingkouAnnual {
  const o = parseWith(optionsSchema, options, 'options');
  const openAge = DEFAULT_OPEN_AGE;
  const base: Population = yingkou.base2015;
  const plan = yingkou.scenarios.plan;
  const targets: readonly Target[] = o.targets ?? yingkou.targets;
  const target2030 = targets[1]!;
  const grid = { openAge, width: 1 as const, graduation: ANNUAL_GRADUATION } as const;
  const annual = project(base, plan, { until: 2030, ...grid });
  const fiveYear = project(base, plan, { until: 2030, openAge });
  const targetOf = (year: number): number | null =>
    year === base.year ? yingkou.plan.residents['2015'] : (targets.find((t) => t.year === year)?.population ?? null);
  const years = annual.indicators.years.map(
    (y): AnnualYear => ({
      year: y.year,
      total: y.total,
      fiveYear: fiveYear.indicators.years.find((f) => f.year === y.year)?.total ?? null,
      target: targetOf(y.year),
    }),
  );

  // The census at its date.
  const census = yingkou.census2020;
  const at = yearsSinceYearEnd(base.year, census.date);
  const until = base.year + Math.ceil(at);
  const atDate = (netPerYear: number) => totalAt(project(base, withNet(plan, netPerYear), { until, ...grid }), at);
  const bound = CENSUS_BOUND * populationTotal(base.female, base.male);
  const atCensusDate = settle(
    solveMonotone(atDate, census.residents + TARGET_MARGIN, -bound, bound, { tolerance: TARGET_TOLERANCE - TARGET_MARGIN }),
    'the census-implied net migration on the annual grid',
  );
  const censusTarget = { year: 2020, population: census.residents };
  const atYearEnd2020 = settle(requiredNetMigration(base, plan, censusTarget, grid), 'the census-implied net migration at year-end 2020 on the annual grid');
  const fiveYearImplied = settle(requiredNetMigration(base, plan, censusTarget, { openAge }), 'the census-implied net migration');
  const lastYearEnd = Math.max(...Object.keys(yingkou.yearEnd.residents).map(Number));
  const continued = atCensusDate.status === 'reachable' ? project(base, withNet(plan, atCensusDate.value), { until: lastYearEnd, ...grid }) : null;
  const yearEnd = Object.entries(yingkou.yearEnd.residents).map(([y, observed]) => ({
    year: Number(y),
    observed,
    projected: continued ? continued.indicators.years[Number(y) - base.year]!.total : null,
  }));

  return {
    graduation: ANNUAL_GRADUATION,
    openAge,
    years,
    annual,
    fiveYear,
    change: { annual: decomposeChange(annual).total, fiveYear: decomposeChange(fiveYear).total },
    requiredMigration2030: {
      annual: settle(requiredNetMigration(base, plan, target2030, grid), 'the net migration reaching 2030 on the annual grid'),
      fiveYear: settle(requiredNetMigration(base, plan, target2030, { openAge }), 'the net migration reaching 2030'),
    },
    census: {
      planAlone: { date: census.date, years: at, observed: census.residents, projected: totalAt(annual, at) },
      impliedNetMigration: { atCensusDate, atYearEnd2020, fiveYear: fiveYearImplied },
      yearEnd,
    },
  };
}
