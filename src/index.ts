/**
 * `ccmpp`: the cohort-component method of population projection — life tables, log-quadratic
 * mortality, fertility and migration models, scenarios, the solvers for what reaches a population
 * target, seeded Monte Carlo, and chart specifications.
 *
 * The core entry point: it loads zod and nothing else, and runs in Node and in any browser (no Node
 * built-in, no mathjs, no command or chart package). Node-only and optional parts have their own
 * entry points: `ccmpp/parallel` (the Monte Carlo on worker threads), `ccmpp/leslie` (the
 * Leslie-matrix view, with mathjs), `ccmpp/yingkou` (the Yingkou case) and `ccmpp/testing` (the
 * fast-check kit).
 *
 * Units: persons; rates per person-year; TFR in children per woman; SRB in males per 100 female
 * births; net migration in persons a year in scenarios and persons per period in `PeriodInputs`. Bad
 * input throws an {@link InputError} listing every problem; nothing is clamped.
 *
 * Every quantity has one rule, wherever it is given, and every size a limit that fails at once:
 * counts of persons in [0, 1e10]; TFR in [0, 15] children per woman; SRB in [80, 150] males per 100
 * female births; e0 in (0, 120] years; open ages multiples of 5 up to 130; years in [−9999, 9999];
 * horizons up to 1000 years; up to 10 million trajectories; σ up to 1 (TFR, log scale), 5 years
 * (e0) per period; arrays up to 10,000 items, nested up to 32 levels.
 *
 * @example
 * import { project, requiredNetMigration } from 'ccmpp';
 *
 * const p = project(base, scenario, { until: 2030 });
 * p.indicators.years.at(-1)!.total;
 * requiredNetMigration(base, scenario, { year: 2030, population: 2_600_000 });
 *
 * @module ccmpp
 */

export type { Sex, BySex } from './types.js';
export { CcmppError, InputError, type Issue } from './validate/errors.js';
export type { Warning, WarningCode, Warned } from './validate/warnings.js';

// ages
export { ageGroupLabels, type Width } from './ages/grid.js';
export { sumAges } from './ages/broad.js';
export { aggregateSingleYears } from './ages/aggregate.js';

// life tables
export type { LifeTable } from './lifetable/compute.js';
export type { A0Rule } from './lifetable/a0.js';
export { andreevKingkadeA0, coaleDemenyA0 } from './lifetable/a0.js';
export type { AxRule } from './lifetable/ax.js';
export { lifeTable, type LifeTableOptions } from './lifetable/lifeTable.js';
export { survivalRatios, type SurvivalRatios } from './lifetable/survival.js';

// mortality
export type { SolveResult, Settled } from './solve/result.js';
export { logQuadMx, type LogQuadMxInput, type LogQuadMxOptions } from './mortality/logQuad.js';
export { mxForE0, type MxForE0Options, type E0Model } from './mortality/mxForE0.js';
export { splitE0, bothSexE0 } from './mortality/sexSplit.js';
export type { BaselineName } from './mortality/baselines.js';
export { kannistoMx, kannistoFit, type KannistoFit, type KannistoOptions } from './mortality/kannisto.js';

// fertility
export { fertilityPattern, type FertilityPattern, type FertilityPatternName } from './fertility/pattern.js';
export { asfrFromTfr, type AsfrOptions } from './fertility/asfr.js';
export { tfr } from './fertility/tfr.js';
export { meanAgeAtChildbearing } from './fertility/meanAge.js';
export { hadwigerPattern, hadwigerDensity, type HadwigerShape } from './fertility/hadwiger.js';

// migration
export { rogersCastro, ROGERS_CASTRO_STANDARD, type RogersCastroParams } from './migration/rogersCastro.js';
export { migrationProfile, type MigrationProfile } from './migration/profile.js';
export { netMigrantsByAge, type NetMigrantsOptions } from './migration/netMigrants.js';
export { flowDifference, FLOW_DIFFERENCE_BAYESPOP, type FlowDifferenceParams, type GrossFlows } from './migration/flowDifference.js';
export { outMigrationSchedule, type OutMigrationSchedule } from './migration/outSchedule.js';

// base population
export { fitToMargins, type Margin } from './base/fitToMargins.js';
export { splitOpenAgeGroup, type SplitOptions, type SplitMethod } from './base/splitOpenAgeGroup.js';
export { graduate, type GraduationMethod, type GraduateOptions } from './base/graduate.js';

// projection
export type { PeriodInputs } from './project/periodInputs.js';
export { projectCohorts, type Population, type CohortProjection } from './project/projectCohorts.js';
export { dominantRoot, type DominantRoot } from './project/dominantRoot.js';

// scenarios
export { pathValue, periodAverage, type Path, type Anchors } from './scenario/path.js';
export { scenarioSchema, parseScenario, type Scenario, type ParsedScenario } from './scenario/schema.js';
export { project, type Projection, type ProjectOptions } from './scenario/project.js';
export { variants, type VariantName, type NamedScenario, type VariantsOptions } from './scenario/variants.js';

// indicators
export { yearIndicators, type YearIndicators, type PeriodIndicators } from './indicators/yearIndicators.js';
export { decomposeChange, type ChangeComponents } from './indicators/decompose.js';
export { urgd, projectUrbanShare } from './indicators/urbanization.js';

// targets
export type { Target } from './targets/target.js';
export type { TargetOptions } from './targets/context.js';
export { assessTarget, type TargetAssessment } from './targets/assessTarget.js';
export { requiredNetMigration, type RequiredNetMigrationOptions } from './targets/requiredNetMigration.js';
export { requiredTfr, type RequiredTfrOptions } from './targets/requiredTfr.js';
export { feasibilityFrontier, type FrontierPoint } from './targets/frontier.js';
export { applySolution, type ApplySolutionOptions, type SolutionKind } from './targets/applySolution.js';
export { compareScenarios, type CompareOptions, type ScenarioComparison, type ComparisonRow, type ComparisonYear } from './targets/compare.js';

// uncertainty (on worker threads: `ccmpp/parallel`)
export { simulate, type Simulation, type SimulateOptions, type SimulationYear, type SeriesSummary, type TargetProbability } from './stochastic/simulate.js';
export { uncertaintySchema, type Uncertainty, type ResolvedUncertainty } from './stochastic/uncertainty.js';
export type { ProportionInterval } from './stochastic/wilson.js';
export type { MortalityPath } from './stochastic/engine.js';
export type { SeriesName } from './stochastic/accumulator.js';

// charts: Vega-Lite specifications as plain objects, and the HTML report (rendering lives in the command)
export { pyramidSpec, type PyramidSource, type PyramidOptions, type PyramidText } from './report/pyramid.js';
export { trajectorySpec, type TrajectoryInput, type TrajectoryOptions, type TrajectoryText, type TrajectorySeries, type TrajectoryPoint, type MarkedPopulation, type FanQuantiles } from './report/trajectory.js';
export { frontierSpec, type FrontierOptions, type FrontierText } from './report/frontier.js';
export { simulationFan } from './report/fan.js';
export type { VegaLiteSpec, ChartOptions } from './report/vegaLite.js';
export { reportHtml, type ReportDocument, type ReportSection, type ReportChart, type Verdict } from './report/html.js';
export type { Table, Column, CellFormat, CellValue } from './report/table.js';
