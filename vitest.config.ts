import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Property tests fix their seed and run count (test/prop.ts); nothing here depends on wall-clock time.
    testTimeout: 60_000,
  },
});
