import { readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runNode, TMP, writeTmp } from './helpers.js';

// What each entry point loads, seen from inside a fresh Node process: for ESM, a module-resolution
// hook (module.register) logs every import with what imported it; for CommonJS, Module._load logs
// every require. `import 'ccmpp'` must load zod (and pure-rand, the seeded streams of simulate) and
// ccmpp's own files only: no mathjs, no Node built-in, no command or chart package, no fast-check.

interface Loaded {
  /** Packages under node_modules, by name. */
  packages: string[];
  /** Node built-ins imported or required (by any module). */
  builtins: string[];
}

const HOOKS = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.CCMPP_LOAD_LOG, JSON.stringify({ specifier, url: r.url }) + '\\n');
  return r;
}
`;

function packageOf(path: string): string | undefined {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(path);
  return m?.[1]?.replace('\\', '/');
}

const summarize = (packages: Iterable<string>, builtins: Iterable<string>): Loaded => ({
  packages: [...new Set(packages)].sort(),
  builtins: [...new Set(builtins)].sort(),
});

/** What `await import(specifier)` loads, in ESM. */
function loadedByImport(specifier: string, name: string): Loaded {
  const hooks = writeTmp('load-hooks.mjs', HOOKS);
  const register = writeTmp('load-register.mjs', `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
  const log = `${TMP}/load-${name}.log`;
  rmSync(log, { force: true });
  // The log starts after the hooks are registered: what is logged is what the import loads.
  const r = runNode(`load-${name}.mjs`, `await import(${JSON.stringify(specifier)});\n`, ['--import', register], { CCMPP_LOAD_LOG: log });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const entries = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { specifier: string; url: string });
  const files = entries.filter((e) => e.url.startsWith('file:')).map((e) => decodeURIComponent(new URL(e.url).pathname));
  // The script itself is not loaded through the hook's log of an import; skip the hooks' own files.
  return summarize(
    files.map(packageOf).filter((p): p is string => !!p),
    entries.filter((e) => e.url.startsWith('node:')).map((e) => e.url.slice('node:'.length)),
  );
}

/** What `require(specifier)` loads, in CommonJS. */
function loadedByRequire(specifier: string, name: string): Loaded {
  const r = runNode(
    `load-${name}.cjs`,
    `const Module = require('node:module');
const load = Module._load;
const requests = [];
Module._load = function (request, parent, isMain) {
  requests.push(request);
  return load.apply(this, arguments);
};
require(${JSON.stringify(specifier)});
Module._load = load;
console.log(JSON.stringify({
  files: Object.keys(require.cache),
  builtins: requests.filter((r) => Module.isBuiltin(r)).map((r) => r.replace(/^node:/, '')),
}));
`,
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const { files, builtins } = JSON.parse(r.stdout) as { files: string[]; builtins: string[] };
  return summarize(files.map(packageOf).filter((p): p is string => !!p), builtins);
}

const CORE_PACKAGES = ['pure-rand', 'zod'];

describe("import 'ccmpp' loads zod and ccmpp only", () => {
  it('ESM: no mathjs, no Node built-in, no vega, vega-lite, commander, cli-progress or fast-check', () => {
    const loaded = loadedByImport('ccmpp', 'core');
    expect(loaded).toEqual({ packages: CORE_PACKAGES, builtins: [] });
  });

  it('CommonJS: the same', () => {
    const loaded = loadedByRequire('ccmpp', 'core');
    expect(loaded).toEqual({ packages: CORE_PACKAGES, builtins: [] });
  });

  it('the checks see what the other entry points load: worker threads for ccmpp/parallel, mathjs for ccmpp/leslie', () => {
    const parallel = loadedByImport('ccmpp/parallel', 'parallel');
    expect(parallel.builtins).toContain('worker_threads');
    expect(parallel.packages).not.toContain('mathjs');
    expect(loadedByRequire('ccmpp/parallel', 'parallel').builtins).toContain('worker_threads');
    expect(loadedByImport('ccmpp/leslie', 'leslie').packages).toContain('mathjs');
    expect(loadedByRequire('ccmpp/leslie', 'leslie').packages).toContain('mathjs');
    // The Yingkou case is core code and data: zod and ccmpp only, like the core.
    expect(loadedByImport('ccmpp/yingkou', 'yingkou')).toEqual({ packages: CORE_PACKAGES, builtins: [] });
  });
});
