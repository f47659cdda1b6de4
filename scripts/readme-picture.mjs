// The README's pictures, as a person sees them, in headless Chromium (Debian's, never a download):
// - docs/yingkou-trajectory.png: the Yingkou report's trajectory chart. Runs the command
//   (`ccmpp yingkou --out <tmp>`), opens report.html and screenshots the chart of projected totals
//   against the plan's targets and the census.
// - docs/explorer.png: the scenario explorer (built by Vite into <tmp>, opened from the disk) on
//   Yingkou with the plan pinned as A and the 2030 TFR raised to 2.4 as B.
//   npm run picture            (CHROMIUM=/path/to/chromium to choose the browser)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './explorer-server.mjs';

const out = mkdtempSync(join(tmpdir(), 'ccmpp-picture-'));
try {
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'yingkou', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['vite', 'build', '--config', 'explorer/vite.config.ts', '--outDir', join(out, 'explorer'), '--logLevel', 'error'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
  const chart = page.locator('figure.chart').filter({ hasText: 'target 2,600,000' }).first();
  await chart.screenshot({ path: 'docs/yingkou-trajectory.png' });
  console.log('wrote docs/yingkou-trajectory.png');

  const explorer = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  await explorer.goto(`${pathToFileURL(join(out, 'explorer', 'index.html')).href}?a.tfr=2015:0.71,2020:1.2,2030:1.8&tfr=2015:0.71,2020:1.2,2030:2.4`);
  await explorer.waitForSelector('#app[data-revision="1"]');
  await explorer.screenshot({ path: 'docs/explorer.png' });
  console.log('wrote docs/explorer.png');
  await browser.close();
} finally {
  rmSync(out, { recursive: true, force: true });
}
