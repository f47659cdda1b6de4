import fc from 'fast-check';

// Property tests are deterministic in CI: one fixed seed and run count for every fc.assert.
// A failure prints its seed and counterexample path; FC_SEED / FC_RUNS override them to explore.
fc.configureGlobal({
  seed: Number(process.env.FC_SEED ?? 20151231),
  numRuns: Number(process.env.FC_RUNS ?? 100),
});
