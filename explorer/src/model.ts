import {
  assessTarget,
  decomposeChange,
  feasibilityFrontier,
  project,
  requiredNetMigration,
  requiredTfr,
  variants,
  type ChangeComponents,
  type FrontierPoint,
  type Path,
  type Population,
  type Projection,
  type Scenario,
  type SolveResult,
  type Target,
  type TargetAssessment,
} from 'ccmpp';
import { yingkou } from 'ccmpp/yingkou';

/**
 * The explorer's model: what a planner sets (the {@link Assumptions}, a place, a target) and what
 * the page answers ({@link answer}), with no DOM. Every figure on the page comes from here, through
 * the library's own functions, so a scenario downloaded from the page and run by `ccmpp project`
 * gives the same numbers (test/explorer/model.test.ts).
 */

/** One anchor of a path: the value at a year (linear between anchors, held outside them). */
export type Anchor = readonly [year: number, value: number];

/** Migration as the page sets it: net migrants a year, or gross flows (in-migrants a year and an out-migration rate). */
type MigrationAssumption =
  | { mode: 'net'; net: readonly Anchor[] }
  | { mode: 'gross'; inPerYear: readonly Anchor[]; outRate: readonly Anchor[] };

/** The assumptions of one scenario, as the page's controls hold them. */
export interface Assumptions {
  tfr: readonly Anchor[];
  e0: readonly Anchor[];
  migration: MigrationAssumption;
  /** Males per 100 female births. */
  srb: number;
}

/** A place: its name, its base population, and what is known about it (targets, censuses) for the charts. */
export interface Place {
  /** 'yingkou' (shipped) or 'upload' (a CSV the planner gave). */
  kind: 'yingkou' | 'upload';
  name: string;
  base: Population;
  /** Observed totals marked on the trajectory: censuses and year-end figures. */
  observed: readonly { year: number; population: number; kind: 'census' | 'year-end' }[];
  /** The plan's own targets, marked on the trajectory. */
  planTargets: readonly Target[];
}

/** Yingkou: the estimated 2015 base, the plan's targets, the 2020 census and the year-end figures (data/yingkou/). */
export function yingkouPlace(): Place {
  const c = yingkou.census2020;
  // The census is on 1 November 2020: marked at the year it belongs to (its date is 2020.83).
  const observed: Place['observed'][number][] = [{ year: 2020, population: c.residents, kind: 'census' }];
  for (const [y, v] of Object.entries(yingkou.yearEnd.residents)) observed.push({ year: Number(y), population: v, kind: 'year-end' });
  return { kind: 'yingkou', name: 'Yingkou', base: yingkou.base2015, observed, planTargets: yingkou.targets };
}

/** The plan's assumptions (Table 1): TFR 0.71 → 1.2 → 1.8, e0 78.75 → 79.75 → 81, SRB 107, no migration. */
export function planAssumptions(): Assumptions {
  const s = yingkou.scenarios.plan;
  return { tfr: anchorsOf(s.fertility.tfr), e0: anchorsOf(s.mortality.e0 as Path), migration: { mode: 'net', net: [[2015, 0]] }, srb: 107 };
}

/** A path as anchors, in year order (a constant path: one anchor at `year`). */
export function anchorsOf(path: Path, year = 2015): Anchor[] {
  if (typeof path === 'number') return [[year, path]];
  return Object.entries(path)
    .map(([y, v]) => [Number(y), v] as const)
    .sort((a, b) => a[0] - b[0]);
}

/** Anchors as a scenario path: one anchor is a constant; several, a `{ year: value }` record. */
export function pathOf(anchors: readonly Anchor[]): Path {
  if (anchors.length === 1) return anchors[0]![1];
  return Object.fromEntries(anchors.map(([y, v]) => [y, v]));
}

/**
 * The scenario file the command reads (`ccmpp project scenario.json --base base.json --until …`):
 * the assumptions as paths, the fertility pattern China 2015 (the plan's; the only shipped one).
 */
export function scenarioOf(a: Assumptions): Scenario {
  const migration =
    a.migration.mode === 'net' ? { netPerYear: pathOf(a.migration.net) } : { inPerYear: pathOf(a.migration.inPerYear), outRate: pathOf(a.migration.outRate) };
  return {
    fertility: { tfr: pathOf(a.tfr), pattern: 'china-2015' },
    mortality: { e0: pathOf(a.e0) },
    migration,
    srb: a.srb,
  };
}

/** Anchors with the value at `year` set (an anchor added there when there is none), in year order. */
export function withAnchor(anchors: readonly Anchor[], year: number, value: number): Anchor[] {
  const out = anchors.filter(([y]) => y !== year);
  out.push([year, value]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** The presets, in the manner of the UN WPP variants. */
export const PRESETS = ['plan', 'high', 'low', 'constant-fertility', 'zero-migration', 'census-implied'] as const;
export type PresetName = (typeof PRESETS)[number];

/**
 * A preset's assumptions. For Yingkou each starts from the plan, as the UN's variants start from the
 * medium; for an uploaded place, from `current` (what the planner set). 'high' and 'low' move TFR by
 * half a child in every period and 'constant-fertility' holds its base-year value (the library's
 * `variants`); 'zero-migration' sets net migration to 0; 'census-implied' (Yingkou) sets the
 * constant net migration a year 2015–2020 that reproduces the 2020 census total
 * (`requiredNetMigration`; the report's −20,966), continued. 'plan' is the plan's assumptions.
 */
export function presetAssumptions(name: PresetName, place: Place, current: Assumptions): Assumptions {
  const from = place.kind === 'yingkou' ? planAssumptions() : current;
  if (name === 'plan') return from;
  const baseYear = place.base.year;
  if (name === 'zero-migration') return { ...from, migration: { mode: 'net', net: [[baseYear, 0]] } };
  if (name === 'census-implied') {
    const census = place.observed.find((o) => o.kind === 'census' && o.year > baseYear);
    if (!census) throw new Error('census-implied: this place has no census after its base year');
    const r = requiredNetMigration(place.base, scenarioOf(from), { year: census.year, population: census.population });
    if (r.status !== 'reachable') throw new Error('census-implied: no constant net migration reproduces the census');
    // To the cent: rounded to whole persons a year it would miss the census by up to 2.5 persons
    // over 5 years (Yingkou: −20,966 gives 2,328,584.2 for 2,328,582); to 0.01, by 0.03 at most.
    return { ...from, migration: { mode: 'net', net: [[baseYear, Math.round(r.value * 100) / 100]] } };
  }
  const v = variants(scenarioOf(from), { baseYear }).find((x) => x.name === name)!;
  return { ...from, tfr: anchorsOf(v.scenario.fertility.tfr, baseYear) };
}

/** What the page shows for one scenario. */
export interface Answers {
  projection: Projection;
  /** The projected total against the target (reached when projected ≥ target). */
  verdict: TargetAssessment;
  /** The constant net migration a year from the base year that reaches the target. */
  requiredMigration: SolveResult<number>;
  /** The TFR at the target year that reaches the target (an anchor there, the path linear to it). */
  requiredTfr: SolveResult<number>;
  /** Net migration a year against the target-year TFR. */
  frontier: FrontierPoint[];
  /** The change from the base year to the target year, split into births, deaths and net migration. */
  components: { periods: ChangeComponents[]; total: ChangeComponents };
}

/** TFR values of the frontier: 0.6 to 3.0 children per woman by 0.2. */
export const FRONTIER_TFR: readonly number[] = Array.from({ length: 13 }, (_, k) => Math.round((0.6 + 0.2 * k) * 10) / 10);

/**
 * The answers for a base, a scenario and a target: the projection to `until` (at least the target
 * year), the verdict, what migration or fertility reaches the target, the frontier and the
 * components of change to the target year. Throws the library's InputError for invalid inputs.
 */
export function answer(base: Population, scenario: Scenario, target: Target, until: number, width: 1 | 5 = 5): Answers {
  const grid = { width };
  const projection = project(base, scenario, { until: Math.max(until, target.year), width });
  return {
    projection,
    verdict: assessTarget(base, scenario, target, grid),
    requiredMigration: requiredNetMigration(base, scenario, target, grid),
    requiredTfr: requiredTfr(base, scenario, target, grid),
    frontier: feasibilityFrontier(base, scenario, target, { tfr: [...FRONTIER_TFR], ...grid }),
    components: decomposeChange(project(base, scenario, { until: target.year, width })),
  };
}
