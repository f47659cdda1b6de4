// @ts-check
/**
 * The layers of design.md ("Architecture: layers"), checked by dependency-cruiser on src/
 * (`npm run lint:layers`, in CI). Lowest first; a module may import its own layer and any layer below
 * it, never one above:
 *
 *   foundation   src/types.ts, src/validate/, src/solve/ (shared root finding and SolveResult)
 *   ages         age grids, labels, the open age
 *   lifetable    life tables, a0/ax rules, survival ratios
 *   models       mortality/, fertility/, migration/ — peers: none imports another
 *   base         base-population estimation
 *   project      the kernel and projectCohorts
 *   indicators   yearly indicators, decomposition, urbanisation
 *   scenario     paths, the Scenario schema, compilation into rates, project()
 *   targets      assessments, solvers, comparisons
 *   stochastic   Monte Carlo
 *   report       tables, chart specs, HTML
 *   yingkou      the Yingkou case
 *   cli          the `ccmpp` command
 *
 * Beside the stack:
 * - src/testing/ (`ccmpp/testing`) may import every library layer (not cli/, not the entry files);
 *   nothing in src/ imports it.
 * - Entry files at the root of src/ (src/index.ts, src/parallel.ts, …; every src/*.ts but types.ts)
 *   may import any layer but cli/ and testing/; no layer imports them except cli/.
 *
 * "Internals": a few modules are the private machinery of their layer. They may be imported only from
 * inside their layer and from the friend layers listed with them (and by src/testing/, which builds
 * valid inputs by construction); type-only imports of them are free (a type is a contract, not
 * machinery). See INTERNALS below. Above scenario/, everything that turns levels into rates or runs
 * a period goes through scenario/'s compiled API (compile.ts: fillFertility, solveForE0, stepPeriod, …).
 *
 * Platform: the library is platform-neutral (it runs in any browser). Node built-ins only in the
 * command (src/cli/), the worker-thread pool (src/stochastic/parallel.ts, src/stochastic/worker.ts) and
 * Node-only entry files at the root named parallel*.ts.
 *
 * Packages: nothing in src/ imports a devDependency. Optional peer dependencies only where they are
 * meant: fast-check in src/testing/, vega and vega-lite in the command's renderer (src/cli/).
 */

/** Layers, lowest first; a layer may import only those at its index or below. */
const LAYERS = [
  { name: 'foundation', paths: ['^src/types\\.ts$', '^src/validate/', '^src/solve/'] },
  { name: 'ages', paths: ['^src/ages/'] },
  { name: 'lifetable', paths: ['^src/lifetable/'] },
  { name: 'models', paths: ['^src/mortality/', '^src/fertility/', '^src/migration/'] },
  { name: 'base', paths: ['^src/base/'] },
  { name: 'project', paths: ['^src/project/'] },
  { name: 'indicators', paths: ['^src/indicators/'] },
  { name: 'scenario', paths: ['^src/scenario/'] },
  { name: 'targets', paths: ['^src/targets/'] },
  { name: 'stochastic', paths: ['^src/stochastic/'] },
  { name: 'report', paths: ['^src/report/'] },
  { name: 'yingkou', paths: ['^src/yingkou/'] },
  { name: 'cli', paths: ['^src/cli/'] },
];

/** The peers of the models layer: none may import another. */
const PEERS = ['mortality', 'fertility', 'migration'];

const TESTING = '^src/testing/';
/** Entry files at the root of src/: every src/*.ts but the shared types. */
const ENTRY = '^src/(?!types\\.ts$)[^/]+\\.ts$';

/**
 * Modules internal to their layer: importable (other than type-only) from `layer` and `friends` only.
 * - fertility/layout.ts, fertility/quadrature.ts: where the fertile groups sit on the grid, the
 *   Gauss–Legendre rule of the Hadwiger pattern. Outside fertility/, ASFR come from asfr.ts.
 * - mortality/e0Table.ts, mortality/coefficients.ts: the e0 solver's tables and the published
 *   log-quadratic coefficients. Outside mortality/: logQuad.ts, mxForE0.ts, solveE0.ts.
 * - mortality/solveE0.ts: the unchecked e0 solve. scenario/ turns e0 levels into life tables with it;
 *   above, scenario/compile.ts's solveForE0 (one acceptance rule, E0_JUMP_TOLERANCE).
 * - project/kernel.ts, project/arena.ts: the cohort-component step and its buffers. scenario/ builds
 *   and fills kernel periods; above it, periods run through scenario/compile.ts's stepPeriod.
 * - stochastic/engine.ts, rng.ts, survivalTable.ts: the Monte Carlo machinery behind simulate().
 */
const INTERNALS = [
  { module: '^src/fertility/(layout|quadrature)\\.ts$', layer: '^src/fertility/', friends: [] },
  { module: '^src/mortality/(e0Table|coefficients)\\.ts$', layer: '^src/mortality/', friends: [] },
  { module: '^src/mortality/solveE0\\.ts$', layer: '^src/mortality/', friends: ['^src/scenario/'] },
  { module: '^src/project/(kernel|arena)\\.ts$', layer: '^src/project/', friends: ['^src/scenario/'] },
  { module: '^src/stochastic/(engine|rng|survivalTable)\\.ts$', layer: '^src/stochastic/', friends: [] },
];

/** Where Node built-ins are allowed. */
const NODE_ONLY = ['^src/cli/', '^src/stochastic/(parallel|worker)\\.ts$', '^src/parallel[^/]*\\.ts$'];

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} imports only its own layer and those below it (${LAYERS.slice(0, i)
    .map((l) => l.name)
    .join(', ') || 'none'}): not ${LAYERS.slice(i + 1)
    .map((l) => l.name)
    .join(', ')}, testing/ or an entry file.`,
  severity: 'error',
  from: { path: layer.paths },
  to: { path: [...LAYERS.slice(i + 1).flatMap((l) => l.paths), TESTING, ENTRY] },
}));

const peerRules = PEERS.map((peer) => ({
  name: `peer-${peer}`,
  comment: `${peer}/ does not import its peers (${PEERS.filter((p) => p !== peer).join(', ')}): they meet in scenario/.`,
  severity: 'error',
  from: { path: `^src/${peer}/` },
  to: { path: PEERS.filter((p) => p !== peer).map((p) => `^src/${p}/`) },
}));

const internalRules = INTERNALS.map((r) => ({
  name: `internal-${r.module.replace(/^\^src\//, '').replace(/\\\.ts\$$/, '').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
  comment: `internal to ${r.layer.replace(/^\^/, '')}${r.friends.length ? ` (friends: ${r.friends.map((f) => f.replace(/^\^/, '')).join(', ')})` : ''}: import its layer's public modules instead (type-only imports are free).`,
  severity: 'error',
  from: { path: '^src/', pathNot: [r.layer, ...r.friends, TESTING] },
  to: { path: r.module, dependencyTypesNot: ['type-only'] },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: each layer, and each module in it, builds on what is below.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    ...peerRules,
    {
      name: 'entry-files',
      comment: 'Entry files (src/*.ts but types.ts) expose library layers: not the command, not the testing kit.',
      severity: 'error',
      from: { path: ENTRY },
      to: { path: ['^src/cli/', TESTING] },
    },
    {
      name: 'testing-kit',
      comment: 'src/testing/ (ccmpp/testing) builds on the library layers, not on the command or the entry files.',
      severity: 'error',
      from: { path: TESTING },
      to: { path: ['^src/cli/', ENTRY] },
    },
    {
      name: 'nothing-imports-testing',
      comment: 'Nothing in src/ imports the testing kit (its fast-check peer stays out of `ccmpp`).',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTING },
      to: { path: TESTING },
    },
    ...internalRules,
    {
      name: 'platform-neutral',
      comment: 'Node built-ins only in the command, the worker-thread pool and Node-only entry files (parallel*.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: NODE_ONLY },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-dev-dependencies',
      comment: 'src/ ships: it imports dependencies (or optional peers where meant), never a devDependency.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['npm-peer'], pathNot: '(^|/)node_modules/tsx/' },
    },
    {
      name: 'tsx-from-source-only',
      comment:
        "tsx (a devDependency) only where simulateParallel starts its worker from TypeScript source (tests, benchmarks): a branch the built package never takes.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/stochastic/parallel\\.ts$' },
      to: { path: '(^|/)node_modules/tsx/' },
    },
    {
      name: 'fast-check-in-testing',
      comment: 'fast-check is the optional peer of ccmpp/testing only.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTING },
      to: { path: '(^|/)node_modules/fast-check/' },
    },
    {
      name: 'vega-in-cli',
      comment: "vega and vega-lite are the optional peers of the command's chart rendering only.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '(^|/)node_modules/vega(-lite)?/' },
    },
    {
      name: 'peers-where-meant',
      comment: 'Other peer dependencies: none in src/ (add one here with the place it is meant for).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-peer'], pathNot: ['(^|/)node_modules/fast-check/', '(^|/)node_modules/vega(-lite)?/'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a typo in a path, a package missing from package.json).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-undeclared',
      comment: 'Every package imported is declared in package.json.',
      severity: 'error',
      from: {},
      // (npm-no-pkg also marks a declared package resolved through a nested package.json, e.g. fast-check/lib/cjs.)
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'], dependencyTypesNot: ['npm', 'npm-dev', 'npm-peer', 'npm-optional'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a layer above is an upward dependency too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
