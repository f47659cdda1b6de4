import plan from '../../data/yingkou/plan.json';
import census from '../../data/yingkou/census.json';
import reference from '../../data/yingkou/reference-china-2015.json';
import { fitToMargins, type Margin } from '../base/fitToMargins.js';
import type { Population } from '../project/projectCohorts.js';
import type { Scenario } from '../scenario/schema.js';
import type { Target } from '../targets/target.js';
import type { BySex } from '../types.js';
import { deepFreeze } from '../validate/freeze.js';

/**
 * The plan's three 2015 age groups (0–14, 15–59, 60+), the margins the base is fitted to. They sum
 * to the 2,443,000 residents.
 */
const BASE_2015_MARGINS: readonly Margin[] = [
  { from: 0, to: 15, population: plan.ageGroups2015['0-14'] },
  { from: 15, to: 60, population: plan.ageGroups2015['15-59'] },
  { from: 60, population: plan.ageGroups2015['60+'] },
];

/**
 * The groups the 2020 census bulletin publishes — 0–14, 15–59, 60+, 65+ and the sexes — each with
 * its label and its count as a margin.
 */
export const CENSUS_2020_GROUPS: readonly { label: string; margin: Margin }[] = [
  { label: '0–14', margin: { from: 0, to: 15, population: census.census2020.ages0to14 } },
  { label: '15–59', margin: { from: 15, to: 60, population: census.census2020.ages15to59 } },
  { label: '60+', margin: { from: 60, population: census.census2020.ages60plus } },
  { label: '65+', margin: { from: 65, population: census.census2020.ages65plus } },
  { label: 'female', margin: { sex: 'female', population: census.census2020.female } },
  { label: 'male', margin: { sex: 'male', population: census.census2020.male } },
];

/** The 2020 census margins a rebased 2020 population is fitted to: 0–14, 15–59, 60+, 65+ and the sexes. */
export const CENSUS_2020_MARGINS: readonly Margin[] = CENSUS_2020_GROUPS.map((g) => g.margin);

const t = plan.targets;
const at = (years: number[], values: number[]) => Object.fromEntries(years.map((y, i) => [y, values[i]!])) as Record<number, number>;

/** UN WPP 2019 China 2015 population by 5-year group and sex, in persons: the reference shape. */
const referenceShape: BySex<readonly number[]> = {
  female: Array.from(reference.female, (v) => v * 1000),
  male: Array.from(reference.male, (v) => v * 1000),
};

let base2015: Population | undefined;

/**
 * Yingkou (Liaoning, China) and its *Population Development Plan 2016–2030*, as data: the plan's
 * figures and targets, the 2010 and 2020 census figures, year-end residents, and scenarios
 * (`data/yingkou/`, every figure with its source in `data/README.md`).
 *
 * `base2015` is an ESTIMATE: the plan publishes no age–sex table, so the UN WPP 2019 China 2015 shape
 * is fitted to the plan's three age groups by iterative proportional fitting ({@link fitToMargins});
 * the sex split within each group is China's.
 *
 * Frozen, arrays included (plain number arrays): no caller can change the case for the next.
 *
 * @example
 * project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 })
 */
export const yingkou = deepFreeze({
  plan,
  census2010: census.census2010,
  census2020: census.census2020,
  yearEnd: census.yearEnd,
  /** UN WPP 2019 China 2015 population (persons) by 5-year group: the reference shape. */
  reference: referenceShape,
  /** Estimated 2015 base: the reference shape fitted to the plan's 0–14, 15–59 and 60+. */
  get base2015(): Population {
    if (!base2015) {
      const fit = fitToMargins(referenceShape, BASE_2015_MARGINS);
      base2015 = deepFreeze({ year: 2015, female: Array.from(fit.female), male: Array.from(fit.male) });
    }
    return base2015;
  },
  /** The plan's population targets (Table 1). */
  targets: [
    { year: 2020, population: t.residents[1]! },
    { year: 2030, population: t.residents[2]! },
  ] as Target[],
  scenarios: {
    /** The plan's own assumptions (Table 1): TFR 0.71 → 1.2 → 1.8, e0 78.75 → 79.75 → 81, SRB 107; no migration. */
    plan: {
      fertility: { tfr: at(t.years, t.tfr), pattern: 'china-2015' },
      mortality: { e0: at(t.years, t.lifeExpectancy) },
      srb: at(t.years, t.srb),
    } satisfies Scenario,
    /** 2015 levels held: TFR 0.71, e0 78.75, SRB 107; no migration. */
    constant: {
      fertility: { tfr: t.tfr[0]!, pattern: 'china-2015' },
      mortality: { e0: t.lifeExpectancy[0]! },
      srb: t.srb[0]!,
    } satisfies Scenario,
  },
});
