import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const EXPLORER = here('./explorer/');
/** What the explorer's `ccmpp` imports resolve to (explorer/vite.config.ts: the library's sources). */
const EXPLORER_IMPORTS: Record<string, string> = { ccmpp: here('./src/index.ts'), 'ccmpp/yingkou': here('./src/yingkou/index.ts') };

export default defineConfig({
  // Only for modules under explorer/ (test/explorer/ imports them): every other `import 'ccmpp'`
  // keeps meaning the built package, as it does for a user.
  plugins: [
    {
      name: 'explorer-ccmpp-sources',
      enforce: 'pre',
      resolveId: (source: string, importer: string | undefined) => (importer?.startsWith(EXPLORER) ? (EXPLORER_IMPORTS[source] ?? null) : null),
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Property tests fix their seed and run count (test/prop.ts); nothing here depends on wall-clock time.
    testTimeout: 60_000,
  },
});
