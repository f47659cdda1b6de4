/**
 * Mutation testing of the layers that hold published formulas and coefficients (issue 11), and the
 * graduation and single-year tools of the annual projections (issue 13), the scenario explorer's pure
 * modules and the command's base and compare (issue 14):
 * `npm run mutation` (add `--incremental` to reuse reports/mutation/stryker-incremental.json).
 * Every file of the four folders is mutated; nothing is excluded. Equivalent mutants are marked
 * in the source with `// Stryker disable next-line <mutator>: <reason>`.
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // Only the tests of the mutated folders (see the file for why that is a lower bound on the score).
  // related: false: a static mutant (module-level code, e.g. a published parameter set) runs the
  // whole mutation suite, not only vitest's guess of the related test files. Known limit of the
  // vitest runner (9.6.1 with vitest 4): a test file that throws while it is collected is not
  // counted as a failure, so tests call the library inside `it` and import modules whose load
  // computes something inside a test (test/*/published.test.ts, test/mortality/coefficients.test.ts).
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: ['src/lifetable/**/*.ts', 'src/mortality/**/*.ts', 'src/fertility/**/*.ts', 'src/migration/**/*.ts', 'src/base/**/*.ts', 'src/ages/monotone.ts', 'src/ages/aggregate.ts',
    // The explorer's pure modules and the command's base and compare (issue 14; 96.24 % on their own).
    'explorer/src/state.ts', 'explorer/src/model.ts', 'explorer/src/render.ts', 'explorer/src/downloads.ts', 'src/cli/commands/base.ts', 'src/cli/commands/compare.ts'],
  coverageAnalysis: 'perTest',
  // The machine has 2 shared cores; `--concurrency 1` leaves one to others.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: 90 },
  // Not needed by the tests above; keeps the sandbox copy small.
  ignorePatterns: ['dist', 'docs', 'bench', 'out', '.scratch', 'test/.tmp', 'reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
