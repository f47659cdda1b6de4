import { DEFAULT_OPEN_AGE, STEP, type Width } from '../ages/grid.js';
import { yingkouAnnual, yingkouTargetsSchema, type YingkouAnnual } from './annual.js';
import { widthValue } from '../validate/schemas.js';
import { sumAges } from '../ages/broad.js';
import { fitToMargins, type Margin } from '../base/fitToMargins.js';
import type { FlowDifferenceParams } from '../migration/flowDifference.js';
import { outMigrationSchedule } from '../migration/outSchedule.js';
import { migrationProfile } from '../migration/profile.js';
import type { Population } from '../project/projectCohorts.js';
import { compiledScenario } from '../scenario/compile.js';
import { project, type Projection } from '../scenario/project.js';
import type { Scenario } from '../scenario/schema.js';
import { settle, type Settled } from '../solve/result.js';
import { assessTarget, type TargetAssessment } from '../targets/assessTarget.js';
import { decomposeChange, type ChangeComponents } from '../indicators/decompose.js';
import { feasibilityFrontier, type FrontierPoint } from '../targets/frontier.js';
import { requiredNetMigration } from '../targets/requiredNetMigration.js';
import { requiredTfr } from '../targets/requiredTfr.js';
import type { Target } from '../targets/target.js';
import { projectUrbanShare, urgd } from '../indicators/urbanization.js';
import { progressOption, simulate, type SimulationYear, type TargetProbability } from '../stochastic/simulate.js';
import type { ResolvedUncertainty } from '../stochastic/uncertainty.js';
import { SEXES, type BySex, type Sex } from '../types.js';
import * as z from 'zod/mini';
import type { Anchors } from '../scenario/path.js';
import { parseWith } from '../validate/parse.js';
import type { Warning } from '../validate/warnings.js';
import { CENSUS_2020_GROUPS, CENSUS_2020_MARGINS, yingkou } from './data.js';

/** Monte Carlo trajectories of the uncertainty section: Wilson intervals of about ±0.003 at p = 0.5. */
export const YINGKOU_TRAJECTORIES = 100_000;
/** Seed of the uncertainty section (the same seed gives bit-identical results). */
export const YINGKOU_SEED = 2015;

/** One simulated scenario of the uncertainty section. */
export interface SimulatedTrajectory {
  name: string;
  scenario: Scenario;
  years: SimulationYear[];
  /** P(total ≥ target) for each plan target, with its 95 % Wilson interval (exact counts). */
  probabilities: TargetProbability[];
}

/** TFR values of the frontier (answer 4): 1.2 to 3.0 by 0.1. */
const FRONTIER_TFR = Array.from({ length: 19 }, (_, i) => Math.round((1.2 + 0.1 * i) * 10) / 10);

/**
 * How the report's migration is modelled, read from the compiled scenario (every migration scenario
 * of the report is the plan with a constant `migration: { netPerYear }`, library defaults otherwise).
 */
export interface MigrationMethod {
  /** Flow-Difference parameters (Ševčíková, Raymer & Raftery 2024) turning a net figure into gross flows. */
  flowDifference: FlowDifferenceParams;
  /** In-migrants' age profile: the standard Rogers–Castro profile, or another one. */
  inProfile: 'rogers-castro' | 'other';
  /** Out-migration rates by age (× the people present): the standard Rogers–Castro schedule, or another one. */
  outSchedule: 'rogers-castro' | 'other';
  /** Share of women among in-migrants (out-migrants' sexes follow the people present). */
  femaleShare: number;
  /** Share of each period's migrants added at its start; the rest at its end. */
  startShare: number;
}

/** One group the 2020 census publishes (and the total), against the plan's projection for 2020. */
export interface CensusGroupComparison {
  /** 'total', '0–14', '15–59', '60+', '65+', 'female', 'male'. */
  label: string;
  /** The group as ages [from, to) and sex; `population` is the census count. */
  margin: Margin;
  /** The census count (1 November 2020). */
  census: number;
  /** The plan's projection for 2020 with the census-implied net migration; null when no value reproduces the census. */
  withImpliedMigration: number | null;
  /** The plan's projection for 2020 without migration. */
  withoutMigration: number;
}

/** A projection summarised for the report. */
export interface Trajectory {
  name: string;
  scenario: Scenario;
  projection: Projection;
}

/** Everything the Yingkou report says, computed (issue 4 §3). */
export interface YingkouReport {
  openAge: number;
  /** Width of the age groups and steps of every answer but the year-by-year section: 5 (the main report) or 1. */
  width: Width;
  /** The plan's paths as the library compiles them: TFR, both-sex e0 and its female–male gap, SRB; the fertility pattern. */
  planPaths: { tfr: Anchors; e0: Anchors; sexGap: Anchors; srb: Anchors; pattern: string };
  /**
   * Answers far outside experience, flagged (src/validate/warnings.ts): each warning of the
   * solves and assessments, its `path` prefixed with where it is in this report
   * (`requiredTfr2030.value`, `census.from2020.requiredTfr2030.value`, …), each once.
   */
  warnings: Warning[];
  /** How migration is modelled wherever the report has some (answers 2, 4, 5, 6, 7). */
  migrationMethod: MigrationMethod;
  base2015: Population;
  targets: Target[];
  /** (1) The plan's fertility and mortality, no migration. */
  planAlone: { trajectory: Trajectory; verdicts: TargetAssessment[] };
  /** (2) Constant net migration from 2015 reaching each target. */
  requiredMigration: { target: Target; netPerYear: Settled<number> }[];
  /** (3) The 2030 TFR reaching 2.6 million with no migration. */
  requiredTfr2030: Settled<number>;
  /** (4) Net migration needed for 2.6 million in 2030, by 2030 TFR. */
  frontier: FrontierPoint<Settled<number>>[];
  /** (5) Components of change and ageing, with and without the migration that reaches 2030's target. */
  change: {
    planAlone: ChangeComponents;
    planWithMigration: { trajectory: Trajectory; total: ChangeComponents } | null;
    urbanization: { observed2010to2015: number; needed2015to2020: number; needed2015to2030: number; observedTrendIn2030: number };
  };
  /** (6) The 2020 census against the plan, and the plan rebased on the census. */
  census: {
    census2020: number;
    target2020: number;
    projected2020: number;
    /**
     * The census-implied net migration: the average net migration a year 2015–2020 that, with the
     * plan's fertility and mortality and the estimated 2015 base, reproduces the census total. It
     * absorbs the errors of the base estimate and of census coverage as well as migration.
     */
    impliedNetMigration: Settled<number>;
    /**
     * The census by the groups it publishes (total, 0–14, 15–59, 60+, 65+, female, male) against the
     * plan's projection for 2020 with the census-implied migration and without migration.
     */
    groups2020: CensusGroupComparison[];
    rebased2020: Population;
    /** From 2020 under the plan's paths: no migration, and the census-implied migration continued. */
    from2020: {
      planAlone: { trajectory: Trajectory; verdict: TargetAssessment };
      impliedMigrationContinued: { trajectory: Trajectory; verdict: TargetAssessment } | null;
      requiredMigration: Settled<number>;
      requiredTfr2030: Settled<number>;
    };
    yearEnd: Record<string, number>;
  };
  /**
   * (7) Uncertainty (issue 5): the plan, and the plan with the migration of answer (2), under the
   * default uncertainty (TFR and e0 as in UN probabilistic projections; migration held as given).
   */
  uncertainty: {
    trajectories: number;
    seed: number;
    quantileLevels: number[];
    uncertainty: ResolvedUncertainty;
    runs: SimulatedTrajectory[];
  };
  /** (8) Year by year: the plan on single years of age in annual steps, the census at its date, the year-end figures. */
  annual: YingkouAnnual;
}

const withNet = (s: Scenario, netPerYear: number): Scenario => ({ ...s, migration: { netPerYear } });

/** A population in millions, to at most 3 decimals: `2.6 million`, `2.45 million`, `2.443 million`. */
export const shortMillions = (x: number): string => `${+(x / 1e6).toFixed(3)} million`;

/** Options of {@link yingkouReport}. */
export interface YingkouReportOptions {
  /** The targets asked of the plan, 2020 then 2030; default the plan's (2.45 and 2.6 million). */
  targets?: [Target, Target];
  /** Monte Carlo trajectories of answer 7; default {@link YINGKOU_TRAJECTORIES}. */
  trajectories?: number;
  /** Width of answers 1–7: 5 (default: 5-year groups and steps) or 1 (single years, annual steps). */
  width?: Width;
  /**
   * Called as the simulations of answer 7 advance: `done` trajectories of `total` (the trajectories
   * times the scenarios simulated, 1 or 2). The figures are the same bit for bit with or without it
   * (see `simulate`'s `onProgress`).
   */
  onProgress?: (done: number, total: number) => void;
}

const reportOptionsSchema = z.strictObject(
  {
    targets: z.optional(yingkouTargetsSchema),
    trajectories: z.optional(z.number({ error: 'expected a number' })),
    width: z.optional(widthValue()),
  },
  { error: 'expected options { targets?, trajectories?, width?, onProgress? }' },
);

const sameValues = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => v === b[i]);

/**
 * The migration method of a scenario with migration, on a grid with open age `openAge` (and groups
 * of `width` years): its Flow-Difference parameters, whether its in-migrant profile and out-migration
 * schedule are the standard Rogers–Castro ones, its female share and timing — as the library
 * compiles them.
 */
export function migrationMethodOf(scenario: Scenario, openAge: number, width: Width = STEP): MigrationMethod {
  const m = compiledScenario(scenario, openAge, width).compiled.migration;
  if (!m) throw new TypeError('migrationMethodOf: expected a scenario with migration');
  return {
    flowDifference: { ...m.fdm },
    inProfile: sameValues(m.shares, migrationProfile('rogers-castro', openAge, width)) ? 'rogers-castro' : 'other',
    outSchedule: sameValues(m.outSchedule, outMigrationSchedule('rogers-castro', openAge, width)) ? 'rogers-castro' : 'other',
    femaleShare: m.femaleShare,
    startShare: m.startShare,
  };
}

/** Persons of a population (by groups of `width` years) in a margin's ages and sex (both sexes when it names none). */
function marginTotal(p: BySex<ArrayLike<number>>, margin: Margin, width: Width): number {
  const from = margin.from ?? 0;
  const to = margin.to ?? Infinity;
  const sexes: readonly Sex[] = margin.sex ? [margin.sex] : SEXES;
  return sexes.reduce((s, sex) => s + sumAges(p[sex], from, to, width), 0);
}

/**
 * Computes the answers of the Yingkou case (issue 4 §3) from the data in `data/yingkou/`: the
 * plan's own projection and its gaps to the targets, the migration or fertility that would close
 * them, the frontier between the two, the components of change, the urbanisation check, the
 * reality check against the 2020 census with a rebased projection, and (issue 5) the probability
 * of each target under the default uncertainty. Nothing is typed in: every figure comes from the
 * library.
 *
 * Timing: the plan's 2015 figure is year-end and the census is 1 Nov 2020 — 4.8 years apart,
 * treated as one 5-year period in answers 1–7 (the year-by-year section, {@link yingkouAnnual},
 * compares at the census date).
 *
 * `options.width` 1 computes answers 1–7 on single years of age in annual steps (the base graduated
 * by Sprague's multipliers); the year-by-year section is annual either way.
 *
 * `options.targets` replaces the plan's targets (2020 and 2030, in that order) to ask the same
 * questions of other figures; `options.trajectories` the number of Monte Carlo trajectories
 * (default {@link YINGKOU_TRAJECTORIES}). Throws an InputError for invalid options, and a CcmppError
 * naming the solve should a search stop without converging (`unconverged`: never printed as an answer).
 *
 * @example
 * const r = yingkouReport();
 * r.requiredMigration[1].netPerYear // the constant net migration 2015–2030 that reaches 2.6 million
 * yingkouReport({ targets: [{ year: 2020, population: 2_400_000 }, { year: 2030, population: 2_400_000 }] }).planAlone.verdicts[1].reached // true
 * yingkouReport({ onProgress: (done, total) => bar.update(done / total) }) // the same figures, with a progress display
 */
export function yingkouReport(options: YingkouReportOptions = {}): YingkouReport {
  const { onProgress, rest } = progressOption(options);
  const o = parseWith(reportOptionsSchema, rest, 'options');
  const openAge = DEFAULT_OPEN_AGE;
  const width = o.width ?? STEP;
  const grid = { openAge, width };
  const base = yingkou.base2015;
  const plan = yingkou.scenarios.plan;
  const targets: Target[] = o.targets ? o.targets.map((t) => ({ ...t })) : yingkou.targets.map((t) => ({ ...t }));
  const [target2020, target2030] = targets as [Target, Target];
  const trajectories = o.trajectories ?? YINGKOU_TRAJECTORIES;
  const run = (name: string, scenario: Scenario, from: Population = base): Trajectory => ({
    name,
    scenario,
    projection: project(from, scenario, { until: 2030, ...grid }),
  });

  // Warnings of every solve and assessment, each once: the scenario's under `scenarios.plan`, the
  // others under where the result sits in the report.
  const warnings: Warning[] = [];
  const noted = <R extends object>(r: R, where: string): R => {
    for (const w of (r as { warnings?: Warning[] }).warnings ?? []) {
      const path = w.path.startsWith('scenario.') ? `scenarios.plan.${w.path.slice('scenario.'.length)}` : `${where}.${w.path}`;
      if (!warnings.some((x) => x.code === w.code && x.message === w.message)) warnings.push({ ...w, path });
    }
    return r;
  };
  const c = compiledScenario(plan, openAge, width).compiled;
  const planPaths = {
    tfr: c.tfr,
    e0: 'both' in c.e0 ? c.e0.both : c.e0.female,
    sexGap: 'both' in c.e0 ? c.e0.gap : { years: [-Infinity], values: [NaN] },
    srb: c.srb,
    pattern: typeof plan.fertility.pattern === 'string' ? plan.fertility.pattern : 'given',
  };

  // (1)
  const planAlone = run('plan, no migration', plan);
  const verdicts = targets.map((t, i) => noted(assessTarget(base, plan, t, grid), `planAlone.verdicts[${i}]`));
  // (2), (3), (4)
  const requiredMigration = targets.map((target, i) => ({ target, netPerYear: settle(noted(requiredNetMigration(base, plan, target, grid), `requiredMigration[${i}].netPerYear`), `the net migration reaching ${target.year}`) }));
  const requiredTfr2030 = settle(noted(requiredTfr(base, plan, target2030, grid), 'requiredTfr2030'), 'the 2030 TFR');
  const frontier = feasibilityFrontier(base, plan, target2030, { tfr: FRONTIER_TFR, ...grid }).map((p) => ({ ...p, netPerYear: settle(p.netPerYear, `the frontier at TFR ${p.tfr}`) }));
  // (5)
  const m2030 = requiredMigration[1]!.netPerYear;
  const planWithMigration = m2030.status === 'reachable' ? run(`plan + migration reaching ${shortMillions(target2030.population)}`, withNet(plan, m2030.value)) : null;
  const urban = yingkou.plan.urban;
  const share2010 = urban.share2015 - urban.gainSince2010;
  const observed = urgd(share2010, urban.share2015, 5);
  const [, u2020, u2030] = yingkou.plan.targets.urbanShare as [number, number, number];

  // (6)
  const census2020 = yingkou.census2020.residents;
  const implied = settle(requiredNetMigration(base, plan, { year: 2020, population: census2020 }, grid), 'the census-implied net migration');
  const at2020 = (2020 - base.year) / width;
  const projected2020 = planAlone.projection.indicators.years[at2020]!.total;
  const impliedRun = implied.status === 'reachable' ? project(base, withNet(plan, implied.value), { until: 2020, ...grid }) : null;
  const shape2020 = impliedRun ?? planAlone.projection;
  const last = shape2020.population[at2020]!;
  const groups2020 = [{ label: 'total', margin: { population: census2020 } }, ...CENSUS_2020_GROUPS].map(
    ({ label, margin }): CensusGroupComparison => ({
      label,
      margin,
      census: margin.population,
      withImpliedMigration: impliedRun ? marginTotal(impliedRun.population[at2020]!, margin, width) : null,
      withoutMigration: marginTotal(planAlone.projection.population[at2020]!, margin, width),
    }),
  );
  const rebased2020: Population = { year: 2020, width, ...fitToMargins(last, CENSUS_2020_MARGINS, { width }) };
  const run2020 = (name: string, scenario: Scenario): { trajectory: Trajectory; verdict: TargetAssessment } => ({
    trajectory: run(name, scenario, rebased2020),
    verdict: assessTarget(rebased2020, scenario, target2030, grid),
  });

  // (7)
  const toSimulate: [string, Scenario][] = [['plan, no migration', plan], ...(planWithMigration ? [[planWithMigration.name, planWithMigration.scenario] as [string, Scenario]] : [])];
  const simulated = ([name, scenario]: [string, Scenario], k: number) => {
    const progress = onProgress === undefined ? {} : { onProgress: (done: number) => onProgress(k * trajectories + done, toSimulate.length * trajectories) };
    const sim = simulate(base, scenario, {}, { trajectories, seed: YINGKOU_SEED, until: 2030, ...grid, targets, ...progress });
    return { sim, run: { name, scenario, years: sim.years, probabilities: targets.map((t) => sim.probability(t)) } };
  };
  const runs = toSimulate.map(simulated);
  const first = runs[0]!.sim;

  return {
    openAge,
    width,
    planPaths,
    warnings,
    // Every migration scenario here is withNet(plan, ·): one method.
    migrationMethod: migrationMethodOf(withNet(plan, 0), openAge, width),
    base2015: base,
    targets,
    planAlone: { trajectory: planAlone, verdicts },
    requiredMigration,
    requiredTfr2030,
    frontier,
    change: {
      planAlone: decomposeChange(planAlone.projection).total,
      planWithMigration: planWithMigration ? { trajectory: planWithMigration, total: decomposeChange(planWithMigration.projection).total } : null,
      urbanization: {
        observed2010to2015: observed,
        needed2015to2020: urgd(urban.share2015, u2020, 5),
        needed2015to2030: urgd(urban.share2015, u2030, 15),
        observedTrendIn2030: projectUrbanShare(urban.share2015, observed, 15),
      },
    },
    census: {
      census2020,
      target2020: target2020.population,
      projected2020,
      impliedNetMigration: implied,
      groups2020,
      rebased2020,
      from2020: {
        planAlone: run2020('rebased on the 2020 census, plan, no migration', plan),
        impliedMigrationContinued: implied.status === 'reachable' ? run2020('rebased, census-implied migration continued', withNet(plan, implied.value)) : null,
        requiredMigration: settle(noted(requiredNetMigration(rebased2020, plan, target2030, grid), 'census.from2020.requiredMigration'), 'the net migration from 2020'),
        requiredTfr2030: settle(noted(requiredTfr(rebased2020, plan, target2030, grid), 'census.from2020.requiredTfr2030'), 'the 2030 TFR from 2020'),
      },
      yearEnd: yingkou.yearEnd.residents,
    },
    uncertainty: {
      trajectories: first.trajectories,
      seed: first.seed,
      quantileLevels: first.quantileLevels,
      uncertainty: first.uncertainty,
      runs: runs.map((r) => r.run),
    },
    annual: yingkouAnnual({ targets: [target2020, target2030] }),
  };
}
