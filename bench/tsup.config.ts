/**
 * The bench build (`npm run bench` runs it after the package build): bench/run.ts and every
 * bench/*.bench.ts bundled to bench/.build/js/, to run under plain `node` — no TypeScript loader in
 * the measured process (tsx's loading of mathjs detached an ArrayBuffer, which invalidates V8's
 * ArrayBufferDetaching protector for the whole process and slowed every typed-array loop: issue 12).
 *
 * Imports are rewritten so that the benchmarks time what users get:
 * - an import of a library entry's source (`../src/index.js`, `../src/parallel.js`, …) becomes the
 *   package specifier (`ccmpp`, `ccmpp/parallel`, …), which Node resolves through the package's own
 *   `exports` to dist/ — the built package, as a user imports it;
 * - bench/internals.ts (the unchecked cores `ccmpp` does not export) is bundled from source;
 * - any other import of src/ from a bench file is an error: it would time a copy of public code.
 * mathjs and tinybench stay external (node_modules), as in the package.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const internals = resolve(benchDir, 'internals.ts');

/** Library entries (as in tsup.config.ts) and the package specifier of each. */
const ENTRIES: Record<string, string> = {
  'src/index.ts': 'ccmpp',
  'src/parallel.ts': 'ccmpp/parallel',
  'src/leslie.ts': 'ccmpp/leslie',
  'src/yingkou/index.ts': 'ccmpp/yingkou',
  'src/testing/index.ts': 'ccmpp/testing',
};
const entryOf = new Map(Object.entries(ENTRIES).map(([file, spec]) => [resolve(root, file), spec]));
const exported = new Set(
  Object.keys((JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports).map((k) =>
    k === '.' ? 'ccmpp' : `ccmpp/${k.slice(2)}`,
  ),
);

const builtPackage: Plugin = {
  name: 'ccmpp-built-package',
  setup(build) {
    build.onResolve({ filter: /(^|\/)src\// }, (args) => {
      const importer = resolve(args.importer);
      // src/ importing src/ (reached only through bench/internals.ts): bundled as usual.
      if (!importer.startsWith(`${benchDir}/`)) return undefined;
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const spec = entryOf.get(target);
      const fail = (text: string) => ({ errors: [{ text: `${relative(root, importer)} imports ${args.path}: ${text}` }] });
      if (spec) return exported.has(spec) ? { path: spec, external: true } : fail(`package.json exports no ${spec}`);
      if (importer === internals) return undefined;
      return fail("import the public API from a library entry ('../src/index.js', '../src/parallel.js', …: timed as the built package) and internals from './internals.js'");
    });
  },
};

export default defineConfig({
  entry: ['bench/run.ts', 'bench/*.bench.ts'],
  outDir: 'bench/.build/js',
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  dts: false,
  external: [...Object.values(ENTRIES), 'mathjs', 'tinybench'],
  esbuildPlugins: [builtPackage],
});
