#!/usr/bin/env node
/**
 * The scenario explorer as a person uses it, timed (issue 14): the built page (dist-explorer/, from
 * `npm run build:explorer`) served on 127.0.0.1, opened in headless Chromium (Debian's, never
 * downloaded; $CHROMIUM or /usr/bin/chromium) by playwright-core, and measured:
 *
 * - the page's JavaScript, gzipped (level 9, as size-limit counts): goal ≤ 350 KB;
 * - first render: from navigation to the first verdict and charts drawn (`#app[data-revision=1]`),
 *   median of 5 fresh pages: goal ≤ 1.5 s;
 * - live update: from an `input` event on the target-year TFR (alternating values) to the updated
 *   verdict and the three charts redrawn (`data-revision` moving on), median of 40: goal ≤ 50 ms;
 *   the same with the pyramid's year slider, and on the annual (1×1) grid.
 *
 *   npm run bench:explorer            (builds the page first)
 *
 * Wall-clock figures depend on the machine; the script prints the load average beside them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath, serve } from '../../scripts/explorer-server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist-explorer');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds from an input event on `selector` (value `v`) to the next finished update of the page. */
function timeInput(page, selector, v) {
  return page.evaluate(
    ([sel, value]) =>
      new Promise((resolve) => {
        const app = document.getElementById('app');
        const before = Number(app.dataset.revision);
        const input = document.querySelector(sel);
        const obs = new MutationObserver(() => {
          if (Number(app.dataset.revision) > before) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(app, { attributes: true, attributeFilter: ['data-revision'] });
        const t0 = performance.now();
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    [selector, v],
  );
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist-explorer/ is missing: run `npm run build:explorer` first');
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found at $CHROMIUM or /usr/bin/chromium (apt-get install -y chromium)');
  // The site is one file (explorer/vite.config.ts): its JavaScript is the inline module script, the
  // Monte Carlo worker inlined in it.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const js = Buffer.from(scripts.join(''));
  const gz = gzipSync(js, { level: 9 }).length;
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const first = [];
    for (let k = 0; k < 5; k++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(server.url);
      await page.waitForSelector('#app[data-revision="1"]', { timeout: 30_000 });
      first.push(Date.now() - t0);
      await context.close();
    }
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await page.goto(server.url);
    await page.waitForSelector('#app[data-revision="1"]');
    const runs = async (selector, values, n) => {
      for (let k = 0; k < 5; k++) await timeInput(page, selector, values[k % values.length]); // warm-up
      const ms = [];
      for (let k = 0; k < n; k++) ms.push(await timeInput(page, selector, values[k % values.length]));
      return ms;
    };
    const tfr = await runs('[data-testid=tfr-target-year]', [1.8, 2.1, 1.5, 2.4], 40);
    const slider = await runs('#pyramid-year', [2020, 2025, 2030, 2035, 2040], 40);
    await page.goto(`${server.url}?width=1`);
    await page.waitForSelector('#app[data-revision="1"]', { timeout: 60_000 });
    const annual = await runs('[data-testid=tfr-target-year]', [1.8, 2.1, 1.5, 2.4], 20);
    const load = loadavg()[0].toFixed(2);
    const f = (x) => x.toFixed(1);
    console.log(`ccmpp scenario explorer — headless Chromium, load average ${load}, ${new Date().toISOString().slice(0, 10)}`);
    console.log('');
    console.log('| measure | median | range | goal |');
    console.log('|---|---|---|---|');
    console.log(`| page JavaScript, gzipped (${(js.length / 1000).toFixed(1)} kB minified: ccmpp, Vega, Vega-Lite, the page, the worker) | ${(gz / 1000).toFixed(1)} kB | — | ≤ 350 kB |`);
    console.log(`| first render (navigation → verdict and charts), 5 pages | ${median(first)} ms | ${Math.min(...first)}–${Math.max(...first)} ms | ≤ 1500 ms |`);
    console.log(`| TFR input → verdict, solvers and 3 charts (5×5), 40 inputs | ${f(median(tfr))} ms | ${f(Math.min(...tfr))}–${f(Math.max(...tfr))} ms | ≤ 50 ms |`);
    console.log(`| pyramid year slider → the same update, 40 inputs | ${f(median(slider))} ms | ${f(Math.min(...slider))}–${f(Math.max(...slider))} ms | ≤ 50 ms |`);
    console.log(`| TFR input on the annual grid (1×1), 20 inputs | ${f(median(annual))} ms | ${f(Math.min(...annual))}–${f(Math.max(...annual))} ms | — |`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
