/**
 * `ccmpp/yingkou`: the library's first case, Yingkou (Liaoning, China) and its *Population
 * Development Plan 2016–2030* — the plan's figures and targets, the censuses, the estimated 2015
 * base and the plan's scenarios as data ({@link yingkou}), and the whole report that answers
 * whether its 2030 target of 2.6 million is reachable ({@link yingkouReport},
 * {@link formatYingkouReport}; `npm start` in a clone prints it).
 *
 * Kept out of `ccmpp` so that the core carries no case data: a dashboard that projects its own
 * place does not bundle Yingkou's.
 *
 * @example
 * import { project, requiredNetMigration } from 'ccmpp';
 * import { yingkou } from 'ccmpp/yingkou';
 *
 * project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 }).indicators.years.at(-1)!.total; // ≈ 2,414,184
 * requiredNetMigration(yingkou.base2015, yingkou.scenarios.plan, { year: 2030, population: 2_600_000 }); // { status: 'reachable', value: ≈ 11,473, … } (persons a year)
 *
 * @module ccmpp/yingkou
 */
export { yingkou } from './data.js';
export {
  yingkouReport,
  YINGKOU_TRAJECTORIES,
  YINGKOU_SEED,
  type YingkouReport,
  type YingkouReportOptions,
  type MigrationMethod,
  type CensusGroupComparison,
  type Trajectory,
  type SimulatedTrajectory,
} from './report.js';
export { formatYingkouReport, yingkouVerdict } from './text.js';
export { yingkouAnnual, type YingkouAnnual, type YingkouAnnualOptions, type AnnualYear, type DatedComparison } from './annual.js';
