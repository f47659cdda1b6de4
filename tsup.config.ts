import { defineConfig } from 'tsup';

export default defineConfig({
  // `ccmpp` and the `ccmpp/testing` subpath (the property-testing kit).
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // fast-check is a peer dependency of `ccmpp/testing` only: never bundled, never loaded by `ccmpp`.
  external: ['fast-check'],
});
