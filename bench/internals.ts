/**
 * The internals the benchmarks time that `ccmpp` does not export: unchecked cores (the kernel step
 * and its loop form, the life table, the e0 solver, the log-quadratic model, the compiled
 * projection). The only bench file that may import from src/ other than the library entries
 * (src/index.ts, src/parallel.ts, …): the bench build (bench/tsup.config.ts) bundles these from
 * source, with the same esbuild and target as the package build, while every import of a library
 * entry becomes its package specifier (`ccmpp`, `ccmpp/parallel`, …) — the built package in dist/,
 * exactly as a user imports it. Nothing here is built into dist/ or published.
 */
export { BIRTHS_F, BIRTHS_M, DEATHS_F, DEATHS_M, TOTALS_SIZE, loopStep, step } from '../src/project/kernel.js';
export { compilePeriod } from '../src/project/periodInputs.js';
export { computeLifeTable, emptyLifeTable, type LifeTable, type LifeTableRules } from '../src/lifetable/compute.js';
export { fillSurvivalRatios } from '../src/lifetable/survival.js';
export { CHINA_2015_MX } from '../src/mortality/baselines.js';
export { LOGQUAD_ROWS, compileLogQuad, fillLogQuadMx, type LogQuadModel } from '../src/mortality/logQuad.js';
export { E0_TOLERANCE, solveLifeTableForE0, type E0SolveSpec } from '../src/mortality/solveE0.js';
export { compileScenario } from '../src/scenario/compile.js';
export { projectCompiled } from '../src/scenario/project.js';
