// The README's picture: the Yingkou report's trajectory chart as a person sees it. Runs the command
// (`ccmpp yingkou --out <tmp>`), opens report.html in headless Chromium (Debian's, never a download)
// and screenshots the chart of projected totals against the plan's targets and the census into
// docs/yingkou-trajectory.png.
//   npm run picture            (CHROMIUM=/path/to/chromium to choose the browser)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const out = mkdtempSync(join(tmpdir(), 'ccmpp-picture-'));
try {
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'yingkou', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(out, 'report.html')).href);
  const chart = page.locator('figure.chart').filter({ hasText: 'target 2,600,000' }).first();
  await chart.screenshot({ path: 'docs/yingkou-trajectory.png' });
  await browser.close();
  console.log('wrote docs/yingkou-trajectory.png');
} finally {
  rmSync(out, { recursive: true, force: true });
}
