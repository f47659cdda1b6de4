/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, serve } from '../../scripts/explorer-server.mjs';
import { parsePopulationCsv } from '../../src/cli/populationCsv.js';

// The scenario explorer as a person uses it (issue 14): the page is built with Vite (as
// `npm run build:explorer` builds it), served on 127.0.0.1 and driven in headless Chromium (Debian's
// `chromium`, by playwright-core, which downloads no browser), and what it shows is checked. The
// screenshots of the main states are written to test/.tmp/artifacts/explorer/ (CI keeps them; their
// paths are printed). Without Chromium the tests say so in their names and are skipped.

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'test/.tmp/explorer-site');
const SHOTS = join(ROOT, 'test/.tmp/artifacts/explorer');
const DOWNLOADS = join(ROOT, 'test/.tmp/explorer-downloads');
const executablePath = chromiumPath();
const SKIP = executablePath ? '' : ' — SKIPPED: Chromium not found (apt-get install -y chromium, or set CHROMIUM)';
if (!executablePath) console.warn(`test/explorer/browser.test.ts${SKIP}`);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  if (!executablePath) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'explorer/vite.config.ts'), '--outDir', OUT, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  rmSync(DOWNLOADS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(DOWNLOADS, { recursive: true });
  server = await serve(OUT);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page at `search`, after its first update; page errors and console errors fail the test. */
async function open(search = '', at = server.url): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(`${at}${search}`);
  await page.waitForSelector('#app[data-revision="1"]', { timeout: 30_000 });
  return { page, problems };
}

const revision = (page: Page) => page.evaluate(() => Number(document.getElementById('app')!.dataset.revision));
/** Waits until the page has finished an update after revision `before`. */
const settled = (page: Page, before: number) => page.waitForFunction((b) => Number(document.getElementById('app')!.dataset.revision) > b, before, { timeout: 30_000 });
const text = async (page: Page, testid: string) => (await page.textContent(`[data-testid=${testid}]`))!.trim();
/** The pyramid's drawn marks: the geometry of every path in its SVG. */
const pyramidMarks = (page: Page) => page.$$eval('[data-testid=pyramid] svg path', (ps) => ps.map((p) => p.getAttribute('d') ?? '').join('|'));
const shot = async (page: Page, name: string) => {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
};

describe('the scenario explorer in Chromium', () => {
  it.skipIf(!executablePath)(`opens on Yingkou and says the plan misses 2.6 million in 2030, with its answers and three charts${SKIP}`, async () => {
    const { page, problems } = await open();
    // The Yingkou report's figures (`npm start`): 2,414,184 in 2030, +11,473 a year would reach the target.
    expect(await text(page, 'verdict')).toBe(
      'Under these assumptions Yingkou has 2,414,184 residents in 2030: 185,816 short of the target of 2,600,000. The target is missed.',
    );
    expect(await text(page, 'required-migration')).toBe('Net migration that reaches the target: 11,473 net in-migrants a year from 2015.');
    expect(await text(page, 'required-tfr')).toMatch(/^TFR in 2030 that reaches the target \(with the migration as set\): \d\.\d\d children per woman\.$/);
    for (const chart of ['trajectory', 'pyramid', 'frontier']) expect(await page.locator(`[data-testid=${chart}] svg`).count(), chart).toBe(1);
    // The trajectory marks the targets, the census and the year-end figures.
    const trajectory = await page.textContent('[data-testid=trajectory] svg');
    expect(trajectory).toContain('target 2,600,000');
    expect(trajectory).toContain('census 2020: 2,328,582');
    expect(trajectory).toContain('year-end 2023: 2,266,000');
    // Each chart has its table.
    expect(await page.locator('[data-chart] details table').count()).toBe(3);
    await shot(page, '1-default');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`raising the 2030 TFR changes the verdict's numbers and the pyramid's marks, by mouse or keyboard${SKIP}`, async () => {
    const { page, problems } = await open();
    const verdict = await text(page, 'verdict');
    const marks = await pyramidMarks(page);
    let r = await revision(page);
    await page.fill('[data-testid=tfr-target-year]', '2.4');
    await settled(page, r);
    const raised = await text(page, 'verdict');
    expect(raised).not.toBe(verdict);
    const total = Number(/has ([\d,]+) residents/.exec(raised)![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(2_414_184);
    expect(await pyramidMarks(page)).not.toBe(marks);
    // The keyboard: Tab reaches the field, arrow up steps it (0.05), and the page follows.
    r = await revision(page);
    await page.focus('[data-testid=tfr-target-year]');
    await page.keyboard.press('ArrowUp');
    await settled(page, r);
    expect(await page.inputValue('[data-testid=tfr-target-year]')).toBe('2.45');
    const higher = Number(/has ([\d,]+) residents/.exec(await text(page, 'verdict'))![1]!.replace(/,/g, ''));
    expect(higher).toBeGreaterThan(total);
    await shot(page, '2-tfr-raised');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`a preset sets the assumptions and stays shown; the census-implied one reproduces the 2020 census${SKIP}`, async () => {
    const { page, problems } = await open();
    expect(await page.inputValue('#preset')).toBe('plan');
    let r = await revision(page);
    await page.selectOption('#preset', 'high');
    await settled(page, r);
    expect(await page.inputValue('#preset')).toBe('high');
    expect(await page.inputValue('[data-testid=tfr-target-year]')).toBe('2.3');
    r = await revision(page);
    await page.selectOption('#preset', 'census-implied');
    await settled(page, r);
    expect(await page.inputValue('#preset')).toBe('census-implied');
    // The Yingkou report's census-implied net migration, −20,966 a year (npm start), to the cent.
    expect(Math.round(Number(await page.inputValue('[data-testid=net-migration]')))).toBe(-20_966);
    // Editing a value leaves the preset: the select says so.
    r = await revision(page);
    await page.fill('[data-testid=tfr-target-year]', '2');
    await settled(page, r);
    expect(await page.inputValue('#preset')).toBe('custom');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`the URL keeps the whole state: the link opens the same page${SKIP}`, async () => {
    const { page, problems } = await open();
    let r = await revision(page);
    await page.fill('[data-testid=net-migration]', '5000');
    await settled(page, r);
    r = await revision(page);
    await page.fill('[data-testid=target-population]', '2500000');
    await settled(page, r);
    await page.click('text=Pin these assumptions as A');
    await page.waitForSelector('[data-testid=compare]');
    r = await revision(page);
    await page.fill('[data-testid=tfr-target-year]', '2.2');
    await settled(page, r);
    const url = page.url();
    expect(url).toContain('a.tfr=');
    const before = { verdict: await text(page, 'verdict'), migration: await text(page, 'required-migration'), compare: await text(page, 'compare') };
    const again = await open(new URL(url).search);
    expect({ verdict: await text(again.page, 'verdict'), migration: await text(again.page, 'required-migration'), compare: await text(again.page, 'compare') }).toEqual(before);
    expect(await again.page.inputValue('[data-testid=net-migration]')).toBe('5000');
    expect(await again.page.inputValue('[data-testid=target-population]')).toBe('2500000');
    expect(again.page.url()).toBe(url);
    await shot(again.page, '3-compare');
    expect([...problems, ...again.problems]).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it.skipIf(!executablePath)(`a malformed CSV shows the command's message beside the upload; a good one becomes the place${SKIP}`, async () => {
    const { page, problems } = await open();
    const bad = 'age,female,male\n0-4,100,110\n5-9,abc,90\n10+,50,40\n';
    let expected = '';
    try {
      parsePopulationCsv(bad, 'town.csv', 2015);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).toContain('line 3, female');
    await page.setInputFiles('[data-testid=csv-upload]', { name: 'town.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const error = page.locator('[data-testid=input-error]');
    await error.waitFor({ state: 'visible' });
    expect((await error.textContent())!.trim()).toBe(expected);
    // Beside the upload: the error is the element right after the file field.
    expect(await page.$eval('[data-testid=input-error]', (e) => e.previousElementSibling?.querySelector('[data-testid=csv-upload]') !== null)).toBe(true);
    await shot(page, '4-csv-error');
    // A good CSV: the page projects that place (its target: the base total, 15 years on).
    const good = readFileSync(join(ROOT, 'data/templates/population.csv'), 'utf8');
    const r = await revision(page);
    await page.setInputFiles('[data-testid=csv-upload]', { name: 'town.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await settled(page, r);
    expect(await error.isHidden()).toBe(true);
    expect(await text(page, 'verdict')).toMatch(/^Under these assumptions town has [\d,]+ residents in 2030: /);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`an impossible value is an error beside its field, in the library's words${SKIP}`, async () => {
    const { page, problems } = await open();
    const r = await revision(page);
    await page.fill('[data-anchor="tfr:2030"]', '20');
    await settled(page, r);
    const error = page.locator('p.error[data-field=tfr]');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe(
      'fertility.tfr.2030: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got 20',
    );
    expect(await text(page, 'verdict')).toMatch(/^Error: /);
    // No stale chart beside the error.
    for (const chart of ['trajectory', 'pyramid', 'frontier']) expect(await page.locator(`[data-testid=${chart}] svg`).count(), chart).toBe(0);
    // Put right, the answers and charts come back and the error goes.
    const again = await revision(page);
    await page.fill('[data-anchor="tfr:2030"]', '1.8');
    await settled(page, again);
    expect(await error.isHidden()).toBe(true);
    expect(await text(page, 'verdict')).toContain('2,414,184 residents in 2030');
    for (const chart of ['trajectory', 'pyramid', 'frontier']) expect(await page.locator(`[data-testid=${chart}] svg`).count(), chart).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`the language switch puts the page in Simplified Chinese, the plan's terms and number formats${SKIP}`, async () => {
    const { page, problems } = await open();
    await page.selectOption('[data-testid=lang]', 'zh');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.waitForSelector('#app[data-revision="2"]');
    expect(await page.textContent('h1')).toBe('ccmpp 人口情景模拟');
    expect(await text(page, 'verdict')).toBe('按当前假设，营口市2030年常住人口为2,414,184人，比目标2,600,000人少185,816人，目标无法实现。');
    const labels = await page.$$eval('label', (ls) => ls.map((l) => l.textContent));
    for (const term of ['总和生育率', '出生人口性别比', '常住人口目标（人）', '每年净迁入人数（各年相同）']) expect(labels.join('|')).toContain(term);
    expect(await page.textContent('[data-testid=pyramid] svg')).toContain('男性');
    expect(page.url()).toContain('lang=zh');
    await shot(page, '5-chinese');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`every control has a label${SKIP}`, async () => {
    const { page } = await open();
    const unlabelled = await page.$$eval('input, select, textarea', (els) =>
      els.filter((e) => !e.getAttribute('aria-label') && !(e.id && document.querySelector(`label[for="${e.id}"]`))).map((e) => e.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`the downloaded scenario and base, run through the command, give the page's numbers${SKIP}`, async () => {
    const { page, problems } = await open('?tfr=2015:0.71,2020:1.3,2030:2&net=2015:-3000,2030:4000&until=2040');
    const save = async (testid: string, file: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
      const path = join(DOWNLOADS, file);
      await download.saveAs(path);
      return path;
    };
    const scenario = await save('download-scenario', 'scenario.json');
    const base = await save('download-base', 'base.json');
    const results = readFileSync(await save('download-results', 'results.csv'), 'utf8');
    const cli = join(ROOT, 'dist/cli.js');
    const csv = execFileSync(process.execPath, [cli, 'project', scenario, '--base', base, '--until', '2040', '--format', 'csv'], { encoding: 'utf8' });
    expect(csv).toBe(results);
    const json = JSON.parse(execFileSync(process.execPath, [cli, 'project', scenario, '--base', base, '--until', '2040', '--format', 'json'], { encoding: 'utf8' })) as {
      indicators: { years: { year: number; total: number }[] };
    };
    const at2030 = json.indicators.years.find((y) => y.year === 2030)!.total;
    const shown = Number(/has ([\d,]+) residents in 2030/.exec(await text(page, 'verdict'))![1]!.replace(/,/g, ''));
    expect(shown).toBe(Math.round(at2030));
    const solve = JSON.parse(execFileSync(process.execPath, [cli, 'solve', 'migration', scenario, '--base', base, '--target', '2030:2600000', '--format', 'json'], { encoding: 'utf8' })) as {
      result: { status: string; value: number };
    };
    expect(await text(page, 'required-migration')).toContain(`${Math.round(solve.result.value).toLocaleString('en-GB')} net in-migrants a year`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`the built page is one file that works opened from the disk (file://), Monte Carlo worker included${SKIP}`, async () => {
    expect(readdirSync(OUT)).toEqual(['index.html']);
    const { page, problems } = await open('?n=500&seed=3', pathToFileURL(join(OUT, 'index.html')).href);
    expect(await text(page, 'verdict')).toContain('2,414,184 residents in 2030');
    await page.click('[data-testid=mc-run]');
    await page.locator('[data-testid=probability]', { hasText: 'from 500 seeded trajectories (seed 3)' }).waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it.skipIf(!executablePath)(`the Monte Carlo runs in a worker with a progress bar, gives P(target), and can be cancelled${SKIP}`, async () => {
    const { page, problems } = await open('?n=2000&seed=7');
    await page.click('[data-testid=mc-run]');
    const p = page.locator('[data-testid=probability]');
    await p.filter({ hasText: 'P(resident population in 2030 ≥ 2,600,000)' }).waitFor({ timeout: 60_000 });
    expect(await p.textContent()).toMatch(/from 2,000 seeded trajectories \(seed 7\)/);
    // The fan joins the trajectory.
    await page.waitForFunction(() => document.querySelector('[data-testid=trajectory] svg')?.textContent?.includes('shaded'), undefined, { timeout: 30_000 });
    await shot(page, '6-monte-carlo');
    const big = await open('?n=200000&seed=7');
    await big.page.click('[data-testid=mc-run]');
    await big.page.locator('progress:not([hidden])').waitFor();
    await big.page.click('[data-testid=mc-cancel]');
    await big.page.locator('[data-testid=probability]', { hasText: 'Cancelled.' }).waitFor();
    expect([...problems, ...big.problems]).toEqual([]);
    await page.close();
    await big.page.close();
  });
});
