// ccmpp: the public API, re-exported by name.

export type { Sex, BySex } from './types.js';
export { CcmppError, InputError, type Issue } from './validate/errors.js';

// ages
export { ageGroupLabels, groupCount, parseAgeGroupLabel } from './ages/grid.js';
export { sumAges, total } from './ages/broad.js';

// lifetable
export type { LifeTable } from './lifetable/compute.js';
export type { A0Rule } from './lifetable/a0.js';
export type { AxRule } from './lifetable/ax.js';
export { lifeTable, type LifeTableOptions } from './lifetable/lifeTable.js';
export { survivalRatios, type SurvivalRatios } from './lifetable/survival.js';

// project
export type { PeriodInputs } from './project/periodInputs.js';
export { projectCohorts, type Population, type CohortProjection } from './project/projectCohorts.js';
export { leslieMatrix } from './project/leslie.js';
export { dominantRoot, type DominantRoot } from './project/dominantRoot.js';

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
export {
  flowDifference,
  FLOW_DIFFERENCE_BAYESPOP,
  FLOW_DIFFERENCE_NONE,
  type FlowDifferenceParams,
  type GrossFlows,
} from './migration/flowDifference.js';
export { outMigrationSchedule, type OutMigrationSchedule } from './migration/outSchedule.js';

// mortality
export type { SolveResult } from './solve/result.js';
export { logQuadMx, LOGQUAD_Q5_MIN, LOGQUAD_Q5_MAX, type LogQuadMxInput, type LogQuadMxOptions } from './mortality/logQuad.js';
export { mxForE0, type MxForE0Options, type E0Model } from './mortality/mxForE0.js';
export { splitE0, bothSexE0, DEFAULT_SEX_GAP } from './mortality/sexSplit.js';
export type { BaselineName } from './mortality/baselines.js';

// scenario
export { pathValue, periodAverage, type Path } from './scenario/path.js';
export { scenarioSchema, parseScenario, type Scenario, type ParsedScenario } from './scenario/schema.js';
export { project, type Projection, type ProjectOptions } from './scenario/project.js';
export { yearIndicators, medianAge, type YearIndicators, type PeriodIndicators } from './indicators/yearIndicators.js';
export { splitOpenAgeGroup } from './base/splitOpenAgeGroup.js';
export { variants, DEFAULT_FERTILITY_SHIFT, type VariantName, type NamedScenario, type VariantsOptions } from './scenario/variants.js';
export { compareScenarios, type CompareOptions, type ScenarioComparison, type ComparisonRow, type ComparisonYear } from './targets/compare.js';

// targets
export { fitToMargins, type Margin } from './base/fitToMargins.js';
export type { Target } from './targets/target.js';
export { assessTarget, type TargetAssessment } from './targets/assessTarget.js';
export { requiredNetMigration, type RequiredNetMigrationOptions } from './targets/requiredNetMigration.js';
export { requiredTfr, type RequiredTfrOptions } from './targets/requiredTfr.js';
export { feasibilityFrontier, type FrontierPoint } from './targets/frontier.js';
export { decomposeChange, type ChangeComponents } from './indicators/decompose.js';
export { urgd, projectUrbanShare } from './indicators/urbanization.js';
export { applySolution, type ApplySolutionOptions, type SolutionKind } from './targets/applySolution.js';

// report: chart specifications as plain Vega-Lite objects (rendering lives in the CLI)
export { pyramidSpec, type PyramidSource, type PyramidOptions } from './report/pyramid.js';
export { trajectorySpec, type TrajectoryInput, type TrajectorySeries, type TrajectoryPoint, type MarkedPopulation, type FanQuantiles } from './report/trajectory.js';
export { frontierSpec, FRONTIER_STATUS, type FrontierOptions } from './report/frontier.js';
export { simulationFan, FAN_LEVELS } from './report/fan.js';
export { VEGA_LITE_SCHEMA, type VegaLiteSpec, type ChartOptions } from './report/vegaLite.js';
export { reportHtml, type ReportDocument, type ReportSection, type ReportChart, type Verdict } from './report/html.js';
export { tableText, type Table, type Column, type CellFormat, type CellValue } from './report/table.js';

// stochastic
export { simulate, DEFAULT_QUANTILES, MAX_TRAJECTORIES, PROGRESS_CHUNK, type Simulation, type SimulateOptions, type SimulationYear, type SeriesSummary, type TargetProbability } from './stochastic/simulate.js';
export { simulateParallel, closeSimulationWorkers, type SimulateParallelOptions } from './stochastic/parallel.js';
export { uncertaintySchema, DEFAULT_TFR_SIGMA, DEFAULT_TFR_RHO, DEFAULT_E0_SIGMA, DEFAULT_MIGRATION_SIGMA, type Uncertainty, type ResolvedUncertainty } from './stochastic/uncertainty.js';
export { wilsonInterval, type ProportionInterval } from './stochastic/wilson.js';
export type { MortalityPath } from './stochastic/engine.js';
export type { SeriesName } from './stochastic/accumulator.js';

// the Yingkou case
export { yingkou } from './yingkou/data.js';
export { yingkouReport, YINGKOU_TRAJECTORIES, YINGKOU_SEED, type YingkouReport } from './yingkou/report.js';
export { formatYingkouReport } from './yingkou/text.js';
