import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleWithEsbuild,
  bundleWithVite,
  chromiumPath,
  LIMIT_GZIP_BYTES,
  makeApp,
  resultOf,
  runInChromium,
  type Bundle,
} from '../../scripts/browser-bundle.mjs';
import { TMP } from './helpers.js';

// `import { project, requiredNetMigration, simulate } from 'ccmpp'` in a front-end app: bundled
// unmodified by esbuild (platform browser) and by Vite, at most 44 kB gzipped, and run in headless
// Chromium, where it prints the same projection as Node. The same steps as `npm run check:browser`
// (scripts/browser-bundle.mjs). Without Chromium the browser case says so in its name and skips.

const chromium = chromiumPath();
const SKIP_REASON = chromium ? '' : ' — SKIPPED: Chromium not found (apt-get install -y chromium, or set CHROMIUM)';
if (!chromium) console.warn(`test/entries/browser.test.ts${SKIP_REASON}`);

const APP = join(TMP, 'browser-app');
const kB = (n: number) => `${(n / 1000).toFixed(2)} kB`;
let esbuild: Bundle;
let vite: Bundle;

beforeAll(async () => {
  makeApp(APP);
  esbuild = await bundleWithEsbuild(APP);
  vite = await bundleWithVite(APP);
}, 120_000);

describe("ccmpp's core in the browser", () => {
  it('esbuild (platform browser) bundles it without a warning, without mathjs or Node code, within 44 kB gzipped', () => {
    console.log(`esbuild: ${kB(esbuild.bytes)} minified, ${kB(esbuild.gzip)} gzipped (limit ${kB(LIMIT_GZIP_BYTES)})`);
    expect(esbuild.warnings).toEqual([]);
    const packages = new Set(esbuild.inputs!.map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter(Boolean));
    expect([...packages].sort()).toEqual(['pure-rand', 'zod']);
    expect(esbuild.inputs!.filter((f) => !f.includes('node_modules/')).every((f) => f === 'main.js' || /^node_modules\/ccmpp\/dist\/[\w-]+\.js$/.test(f) || /(^|\/)dist\/[\w-]+\.js$/.test(f))).toBe(true);
    expect(esbuild.gzip).toBeLessThanOrEqual(LIMIT_GZIP_BYTES);
  });

  it('Vite builds it without a warning, within 44 kB gzipped', () => {
    console.log(`Vite: ${kB(vite.bytes)} minified, ${kB(vite.gzip)} gzipped (limit ${kB(LIMIT_GZIP_BYTES)})`);
    expect(vite.warnings).toEqual([]);
    expect(vite.files).toHaveLength(1);
    expect(vite.gzip).toBeLessThanOrEqual(LIMIT_GZIP_BYTES);
  });

  it.skipIf(!chromium)(`both bundles run in headless Chromium and print the projection Node prints${SKIP_REASON}`, async () => {
    const node = resultOf(execFileSync(process.execPath, ['main.js'], { cwd: APP, encoding: 'utf8' }).split('\n'))!;
    expect(node.total2030).toBeGreaterThan(1e6);
    expect(node.netPerYear).toBeGreaterThan(0);
    const runs = await runInChromium([esbuild.outDir, vite.outDir], chromium);
    for (const r of runs) {
      expect(r.errors).toEqual([]);
      expect(r.userAgent).toMatch(/HeadlessChrome|Chrome\//);
      const got = resultOf(r.lines);
      console.log(`Chromium (${r.outDir.slice(APP.length + 1)}): ${JSON.stringify(got)}`);
      expect(got).toBeDefined();
      for (const k of Object.keys(node)) expect(got![k]).toBeCloseTo(node[k]!, 6);
    }
  }, 120_000);
});
