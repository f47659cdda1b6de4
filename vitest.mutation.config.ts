import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The vitest run StrykerJS uses (`npm run mutation`, stryker.config.mjs): only the tests of the
 * mutated folders (src/lifetable, src/mortality, src/fertility, src/migration, src/base and the
 * single-year tools of src/ages), and the annual projection's tests, which are the ones that reach
 * the single-age mortality (src/mortality/complete.ts) and fertility (src/fertility/singleYears.ts);
 * the explorer's pure modules' tests and those of the command's `base` and `compare`. The rest of the
 * suite (the command, reports, the built package) is slower and needs `dist/`; leaving it out can
 * only let a mutant survive, never kill one, so the score reported is a lower bound.
 */
export default defineConfig({
  // The explorer's `ccmpp` imports resolve to the sources (vitest.config.ts).
  plugins: base.plugins,
  test: {
    ...base.test,
    include: [
      'test/lifetable/**/*.test.ts',
      'test/mortality/**/*.test.ts',
      'test/fertility/**/*.test.ts',
      'test/migration/**/*.test.ts',
      'test/base/**/*.test.ts',
      'test/ages/aggregate.test.ts',
      'test/scenario/annual.test.ts',
      'test/explorer/state.test.ts',
      'test/explorer/model.test.ts',
      'test/explorer/render.test.ts',
      'test/cli/base.test.ts',
      'test/cli/compare.test.ts',
    ],
  },
});
