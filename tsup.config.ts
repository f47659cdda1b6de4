import { defineConfig } from 'tsup';

/**
 * The package's entry points (package.json "exports"):
 * - `ccmpp` (src/index.ts): the platform-neutral core — zod (and pure-rand, the seeded streams of
 *   `simulate`) and nothing else; it runs in Node and in any browser;
 * - `ccmpp/parallel`: `simulateParallel` on Node worker threads;
 * - `ccmpp/leslie`: the Leslie-matrix view, the only library entry that loads mathjs;
 * - `ccmpp/yingkou`: the Yingkou case (its data and report), so that the core carries no case data;
 * - `ccmpp/testing`: the property-testing kit (fast-check, a peer dependency, never bundled).
 */
const libraryEntries = {
  index: 'src/index.ts',
  parallel: 'src/parallel.ts',
  leslie: 'src/leslie.ts',
  yingkou: 'src/yingkou/index.ts',
  testing: 'src/testing/index.ts',
};

export default defineConfig([
  {
    // The library entries, and the worker-thread entry of `simulateParallel` (loaded by path at run
    // time from next to the bundle, never imported).
    entry: { ...libraryEntries, 'stochastic-worker': 'src/stochastic/worker.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: libraryEntries },
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    // Shared code in chunks for CommonJS too (tsup's splitting, on by default for ESM only), so that
    // every entry point uses one copy of the core: an InputError thrown by `ccmpp/parallel` is an
    // instance of the `InputError` that `require('ccmpp')` exports.
    splitting: true,
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
