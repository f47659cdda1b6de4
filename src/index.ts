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
export { yearIndicators, medianAge, type YearIndicators, type PeriodIndicators } from './scenario/indicators.js';
export { splitOpenAgeGroup } from './scenario/splitOpenAgeGroup.js';

// targets
export { fitToMargins, type Margin } from './ages/fitToMargins.js';
export type { Target } from './targets/target.js';
export { assessTarget, type TargetAssessment } from './targets/assessTarget.js';
export { requiredNetMigration, type RequiredNetMigrationOptions } from './targets/requiredNetMigration.js';
export { requiredTfr, type RequiredTfrOptions } from './targets/requiredTfr.js';
export { feasibilityFrontier, type FrontierPoint } from './targets/frontier.js';
export { decomposeChange, type ChangeComponents } from './targets/decompose.js';
export { urgd, projectUrbanShare } from './targets/urbanization.js';

// the Yingkou case
export { yingkou } from './yingkou/data.js';
export { yingkouReport, type YingkouReport } from './yingkou/report.js';
export { formatYingkouReport } from './yingkou/text.js';
