import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // `ccmpp`, the `ccmpp/testing` subpath (the property-testing kit), and the worker-thread entry of
    // `simulateParallel` (loaded by path at run time from next to the bundle, never imported).
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', 'stochastic-worker': 'src/stochastic/worker.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    // `import.meta.url` (where simulateParallel finds its worker) in the CommonJS build too.
    shims: true,
    // fast-check is a peer dependency of `ccmpp/testing` only: never bundled, never loaded by `ccmpp`.
    external: ['fast-check'],
  },
  {
    // The `ccmpp` command (bin): ESM only, no types; its render dependencies (vega, vega-lite,
    // commander, cli-progress) stay out of the library's bundle.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
  },
]);
