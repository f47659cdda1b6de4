/**
 * `ccmpp/testing`: the property-testing kit ccmpp's own tests use, for people who build on ccmpp.
 *
 * - `arbitraries`: fast-check arbitraries of valid inputs by construction (mx schedules, life tables,
 *   populations, fertility patterns, TFR/e0/migration paths, `PeriodInputs`, whole projection cases,
 *   scenarios). Gross flows: `periodInputs({ population, outMigration: true })` adds an out-flow
 *   (persons and a rate, by a drawn schedule) bounded so no group empties, beside `inMigrants`;
 *   `scenario({ migration: 'gross' })` draws `inPerYear` and `outRate`; `scenario({ migration: 'any',
 *   flowDifference: true })` draws Flow-Difference parameters for the net figure.
 * - `invariants`: checkers returning a readable result (year, sex, age group, by how much) and
 *   `assertHolds` to use them inside `fc.assert`. `balancingIdentity` checks both flows per sex:
 *   P(t+5) = P(t) + births − deaths + in − out, and in − out = netMigrants.
 *
 * fast-check (^4) is a peer dependency of this subpath only; `import 'ccmpp'` does not load it.
 *
 * @example
 * import fc from 'fast-check';
 * import { projectCohorts } from 'ccmpp';
 * import { arbitraries, invariants } from 'ccmpp/testing';
 *
 * fc.assert(fc.property(arbitraries.projectionCase({ period: { migration: 'any' } }), ({ base, periods }) =>
 *   invariants.assertHolds(invariants.balancingIdentity(projectCohorts(base, periods)))));
 * fc.assert(fc.property(arbitraries.projectionCase({ period: { migration: 'in', outMigration: true } }), ({ base, periods }) =>
 *   invariants.assertHolds(invariants.nonNegative(projectCohorts(base, periods)))));
 *
 * @module ccmpp/testing
 */
/** fast-check arbitraries of valid ccmpp inputs by construction: mx schedules, life tables, populations, patterns, paths, `PeriodInputs`, scenarios. */
export * as arbitraries from './arbitraries.js';
/** Invariant checkers of projections, life tables and solvers: each returns `{ holds: true } | { holds: false, violations, message }`. */
export * as invariants from './invariants.js';
export { assertHolds, InvariantError } from './invariants.js';

export type {
  Range,
  MortalityLaw,
  MortalityOptions,
  MxOptions,
  LifeTableArbitraryOptions,
  GeneratedPopulation,
  PopulationOptions,
  MigrationKind,
  PeriodInputsOptions,
  OutMigrationOptions,
  ProjectionCase,
  ProjectionCaseOptions,
  PathOptions,
  ScenarioOptions,
  ScenarioMigrationKind,
} from './arbitraries.js';
export type { Violation, InvariantResult, MonotoneOptions } from './invariants.js';
