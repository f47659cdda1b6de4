#!/usr/bin/env node
/**
 * `ccmpp` in the browser, as a front-end developer gets it: a tiny app that imports
 * `{ project, requiredNetMigration, simulate }` from 'ccmpp' (the built package, dist/: run
 * `npm run build` first) is bundled UNMODIFIED — no plug-in, no alias, no Node polyfill, no
 * external — by esbuild (platform browser, minified) and by Vite (its default production build),
 * each bundle is measured (bytes, and gzip level 9 as size-limit measures it), and each is run in
 * headless Chromium, which must print the same projection as Node does.
 *
 *   node scripts/browser-bundle.mjs        (npm run check:browser: this, then size-limit)
 *
 * The bundles are written to test/.tmp/browser/ (esbuild/app.js, vite/assets/*.js), where
 * .size-limit.json checks them against 44 kB gzipped (40 kB before annual projections on single years, issue 13:
 * graduation, complete life tables and the Kannisto extension ride in with `project`, about 4 kB gzipped). test/entries/browser.test.ts runs the same
 * functions. Chromium: $CHROMIUM, else /usr/bin/chromium, never downloaded; without it the run
 * says so and skips that step.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** 44 kB (1 kB = 1000 bytes, as size-limit counts), gzipped. */
export const LIMIT_GZIP_BYTES = 44_000;

/**
 * The app: a made-up place of 1.66 million (21 five-year groups, open at 100), projected to 2030,
 * the constant net migration that keeps it at its 2015 size, and 2,000 Monte Carlo trajectories.
 * It runs as is in Node (`node main.js` beside a node_modules/ccmpp) and in the browser.
 */
export const APP_SOURCE = `import { project, requiredNetMigration, simulate } from 'ccmpp';

const shape = (scale) => Array.from({ length: 21 }, (_, i) => Math.round(scale * Math.exp(-0.004 * i * i)));
const base = { year: 2015, female: shape(60000), male: shape(62000) };
const scenario = {
  fertility: { tfr: { 2015: 1.1, 2030: 1.5 }, pattern: 'china-2015' },
  mortality: { e0: { 2015: 77, 2030: 80 } },
  srb: 107,
};
const size2015 = base.female.concat(base.male).reduce((a, b) => a + b, 0);
const p = project(base, scenario, { until: 2030 });
const need = requiredNetMigration(base, scenario, { year: 2030, population: size2015 });
const sim = simulate(base, scenario, {}, { trajectories: 2000, seed: 1, until: 2030 });
const result = {
  total2030: p.indicators.years.at(-1).total,
  netPerYear: need.status === 'reachable' ? need.value : null,
  probability: sim.probability({ year: 2030, population: size2015 * 0.95 }).p,
};
console.log('ccmpp ' + JSON.stringify(result));
`;

const INDEX_HTML = (script) => `<!doctype html>
<html><head><meta charset="utf-8"><title>ccmpp in the browser</title></head>
<body><script type="module" src="${script}"></script></body></html>
`;

/** The app in `dir`, with `node_modules/ccmpp` linking to this repository (as `npm install` of a local path does). */
export function makeApp(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'ccmpp'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ccmpp-browser-app', private: true, type: 'module' }, null, 2));
  writeFileSync(join(dir, 'main.js'), APP_SOURCE);
  writeFileSync(join(dir, 'index.html'), INDEX_HTML('/main.js'));
  return dir;
}

const sizeOf = (files) => {
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const b = readFileSync(f);
    bytes += b.length;
    gzip += gzipSync(b, { level: 9 }).length;
  }
  return { bytes, gzip };
};

/** esbuild, platform browser, ESM, minified: `<dir>/esbuild/app.js` and its index.html. */
export async function bundleWithEsbuild(dir) {
  const { build } = await import('esbuild');
  const outDir = join(dir, 'esbuild');
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: dir,
    entryPoints: ['main.js'],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    outfile: join(outDir, 'app.js'),
    metafile: true,
    logLevel: 'silent',
  });
  writeFileSync(join(outDir, 'index.html'), INDEX_HTML('/app.js'));
  const inputs = Object.keys(result.metafile.inputs);
  const file = join(outDir, 'app.js');
  // Minified bytes by package (the app's own file counted as 'app'; ccmpp's files are its dist/).
  const byPackage = {};
  for (const [input, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? (input === 'main.js' ? 'app' : 'ccmpp');
    byPackage[pkg] = (byPackage[pkg] ?? 0) + bytesInOutput;
  }
  return { tool: 'esbuild', outDir, files: [file], inputs, byPackage, warnings: result.warnings, ...sizeOf([file]) };
}

/** Vite's default production build of the app (index.html → main.js): `<dir>/vite/`. */
export async function bundleWithVite(dir) {
  const { build } = await import('vite');
  const outDir = join(dir, 'vite');
  const warnings = [];
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    customLogger: {
      info() {},
      warn: (m) => warnings.push(m),
      warnOnce: (m) => warnings.push(m),
      error: (m) => warnings.push(m),
      clearScreen() {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(assets, f));
  return { tool: 'Vite', outDir, files, warnings, ...sizeOf(files) };
}

/** The Chromium binary to drive: $CHROMIUM or /usr/bin/chromium (never downloaded); undefined if neither exists. */
export function chromiumPath() {
  for (const c of [process.env.CHROMIUM, '/usr/bin/chromium']) if (c && existsSync(c)) return c;
  return undefined;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/**
 * Opens each bundle's index.html in one headless Chromium (served from 127.0.0.1, no other
 * network) and returns, per bundle, the console lines the page printed and its page errors.
 */
export async function runInChromium(outDirs, executablePath = chromiumPath()) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const results = [];
  try {
    for (const outDir of outDirs) {
      const server = createServer((req, res) => {
        const path = join(outDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
        if (!path.startsWith(outDir) || !existsSync(path) || extname(path) === '') {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const page = await browser.newPage();
      const lines = [];
      const errors = [];
      page.on('console', (m) => lines.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      try {
        const done = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('ccmpp '), timeout: 60_000 }).catch(() => undefined);
        await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
        await Promise.race([done, page.waitForEvent('pageerror', { timeout: 60_000 }).catch(() => undefined)]);
        results.push({ outDir, lines, errors, userAgent: await page.evaluate(() => navigator.userAgent) });
      } finally {
        await page.close();
        server.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** The app's result line, parsed (`ccmpp {...}`), from console lines. */
export const resultOf = (lines) => {
  const line = lines.find((l) => l.startsWith('ccmpp '));
  return line ? JSON.parse(line.slice('ccmpp '.length)) : undefined;
};

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run npm run build first');
  const dir = makeApp(join(ROOT, 'test', '.tmp', 'browser'));
  const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
  let failed = false;
  const bundles = [await bundleWithEsbuild(dir), await bundleWithVite(dir)];
  console.log(`{ project, requiredNetMigration, simulate } from 'ccmpp', bundled unmodified (${relative(ROOT, dir)}/main.js):`);
  for (const b of bundles) {
    const ok = b.gzip <= LIMIT_GZIP_BYTES;
    failed ||= !ok;
    console.log(`  ${b.tool.padEnd(8)} ${kb(b.bytes).padStart(9)} minified, ${kb(b.gzip).padStart(8)} gzipped (limit ${kb(LIMIT_GZIP_BYTES)}) ${ok ? 'ok' : 'OVER'}  ${b.files.map((f) => relative(ROOT, f)).join(', ')}`);
  }
  const parts = Object.entries(bundles[0].byPackage).sort((a, b) => b[1] - a[1]);
  console.log(`  esbuild's minified bytes by package: ${parts.map(([p, n]) => `${p} ${kb(n)}`).join(', ')}`);
  const node = resultOf(
    (await import('node:child_process')).execFileSync(process.execPath, ['main.js'], { cwd: dir, encoding: 'utf8' }).split('\n'),
  );
  console.log(`  Node     ${JSON.stringify(node)}`);
  const chromium = chromiumPath();
  if (!chromium) {
    console.log('  Chromium: SKIPPED, not found (apt-get install -y chromium, or set CHROMIUM)');
  } else {
    for (const r of await runInChromium(bundles.map((b) => b.outDir), chromium)) {
      const got = resultOf(r.lines);
      const same = got && Object.keys(node).every((k) => Math.abs(got[k] - node[k]) <= 1e-9 * Math.max(1, Math.abs(node[k])));
      failed ||= !same || r.errors.length > 0;
      console.log(`  Chromium ${JSON.stringify(got ?? null)} ${same ? 'same as Node' : 'DIFFERS'} (${relative(ROOT, r.outDir)}; ${r.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? r.userAgent})${r.errors.length ? `\n    page errors: ${r.errors.join('; ')}` : ''}`);
    }
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
