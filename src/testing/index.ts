/**
 * `ccmpp/testing`: the property-testing kit ccmpp's own tests use, for people who build on ccmpp.
 *
 * - `arbitraries`: fast-check arbitraries of valid inputs by construction (mx schedules, life tables,
 *   populations, fertility patterns, TFR/e0/migration paths, `PeriodInputs`, whole projection cases,
 *   scenarios). Gross flows: `periodInputs({ population, outMigration: true })` adds an out-flow
 *   (persons and a rate, by a drawn schedule) bounded so no group empties, beside `inMigrants`;
 *   `scenario({ migration: 'gross' })` draws `inPerYear` and `outRate`; `scenario({ migration: 'any',
 *   flowDifference: true })` draws Flow-Difference parameters for the net figure. Both of ccmpp's
 *   grids: `population`, `periodInputs` and `projectionCase` take `width: 1` for single years of
 *   age and one-year periods (as `project(…, { width: 1 })`, UN WPP 2022+), `mx` and `lifeTable`
 *   for complete (single-age) tables, `fertilityPattern` for 35 single-age shares. Every value
 *   drawn is inside the library's rules (TFR 0–15, SRB 80–150, ASFR ≤ 3).
 * - `invariants`: checkers returning a readable result (year, sex, age group, by how much) and
 *   `assertHolds` to use them inside `fc.assert`. `balancingIdentity` checks both flows per sex:
 *   P(t+n) = P(t) + births − deaths + in − out, and in − out = netMigrants. The projection checkers
 *   read the projection's `width` (or the base's): groups are `'0-4'` or `'0'`, the Leslie matrix
 *   of `kernelEqualsLeslie` is the 5-year or the annual one.
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
 * // Annual projections on single years of age: the same properties.
 * fc.assert(fc.property(arbitraries.projectionCase({ width: 1, periods: { min: 1, max: 10 }, period: { migration: 'any' } }), ({ base, periods }) =>
 *   invariants.assertHolds(invariants.balancingIdentity(projectCohorts(base, periods)))));
 * fc.assert(fc.property(arbitraries.projectionCase({ width: 1, periods: { min: 1, max: 1 } }), ({ base, periods }) =>
 *   invariants.assertHolds(invariants.kernelEqualsLeslie(base, periods[0]!))));
 *
 * @module ccmpp/testing
 */
/** fast-check arbitraries of valid ccmpp inputs by construction: mx schedules, life tables, populations, patterns, paths, `PeriodInputs`, scenarios; 5-year or single-year (`width: 1`). */
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
