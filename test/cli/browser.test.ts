import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { TEMPLATES, tempDir } from './helpers.js';

// report.html as a person sees it: opened in headless Chromium (Debian package `chromium`) with the
// network cut off, it must show every chart — the DOM Chromium builds holds each SVG with its marks —
// and a screenshot is taken (its path is printed, to look at). Without Chromium the test says so in
// its name and is skipped; CHROMIUM=/path/to/chrome picks another binary.

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => !!c);
  for (const c of candidates) {
    try {
      execFileSync(c, ['--version'], { stdio: 'ignore', timeout: 20_000 });
      return c;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const chromium = findChromium();
const SKIP_REASON = chromium ? '' : ' — SKIPPED: Chromium not found (apt-get install -y chromium, or set CHROMIUM)';
if (!chromium) console.warn(`test/cli/browser.test.ts${SKIP_REASON}`);

function browse(args: string[], profile: string): Promise<string> {
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    '--host-resolver-rules=MAP * ~NOTFOUND', // no network: a page that needed it would show gaps
    `--user-data-dir=${profile}`,
  ];
  return new Promise((resolve, reject) =>
    execFile(chromium!, [...flags, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 50_000 }, (e, stdout) => (e ? reject(e) : resolve(stdout))),
  );
}

/** The SVGs of a DOM, and how many drawn items each mark kind holds in each. */
function charts(dom: string): { marks: Record<string, number>; text: string }[] {
  return [...dom.matchAll(/<svg\b[^>]*class="marks"[^>]*>(.*?)<\/svg>/gs)].map((m) => {
    const marks: Record<string, number> = {};
    for (const g of m[1]!.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)) {
      marks[g[1]!] = (marks[g[1]!] ?? 0) + (g[2]!.match(/<(path|line|text)\b/g) ?? []).length;
    }
    return { marks, text: m[1]! };
  });
}

async function writeReport(args: string[]): Promise<{ dir: string; url: string }> {
  const r = await runCli(args);
  expect(r.exitCode, r.stderr).toBe(0);
  for (const f of r.files) {
    mkdirSync(join(f.path, '..'), { recursive: true });
    writeFileSync(f.path, f.content);
  }
  const dir = join(r.files[0]!.path, '..');
  return { dir, url: pathToFileURL(join(dir, 'report.html')).href };
}

describe('report.html in a browser', () => {
  it.skipIf(!chromium)(`the Yingkou report opens in headless Chromium and shows its pyramids, trajectory and frontier${SKIP_REASON}`, async () => {
    const out = join(tempDir(), 'yingkou');
    const { dir, url } = await writeReport(['yingkou', '--out', out]);
    const dom = await browse(['--dump-dom', url], join(dir, 'profile'));
    expect(dom).toContain('<h1>Yingkou 2030: is 2.6 million reachable?</h1>');
    const [trajectory, pyramid, frontier, annualPyramid, ...rest] = charts(dom);
    expect(rest).toEqual([]);
    // The trajectory: 4 lines (plan, plan + migration, and the two rebased on the census), targets,
    // censuses, and the simulation fan of the plan: its 95 % and 80 % bands and its dashed median.
    expect(trajectory!.marks.area).toBe(2);
    expect(trajectory!.marks.line).toBe(4 + 1);
    expect(trajectory!.text).toMatch(/<g class="mark-line role-mark[^"]*"[^>]*><path[^>]*stroke-dasharray="6,4"/);
    expect(trajectory!.text).toContain('shaded: 95 % and 80 % of simulated trajectories; dashed, over the lines: their median');
    expect(trajectory!.text).toContain('target 2,600,000');
    expect(trajectory!.text).toContain('target 2,450,000');
    expect(trajectory!.text).toContain('census 2020');
    // Section 7 is on the page with its verdict.
    expect(dom).toContain('7. Uncertainty: the probability of reaching the targets');
    expect(dom).toMatch(/P\(2,600,000 by 2030\) = [\d.]+ %/);
    // The pyramid: a bar per year (2) × sex × age group (21 at open age 100+), both sides labelled.
    expect(pyramid!.marks.rect).toBe(2 * 2 * 21);
    expect(pyramid!.text).toContain('>Males<');
    expect(pyramid!.text).toContain('>Females<');
    // The frontier: a point per TFR 1.2 … 3.0.
    expect(frontier!.marks.symbol).toBe(19);
    expect(frontier!.marks.line).toBe(1);
    // Section 8's pyramid: a bar per year (2) × sex × single year of age (101 at 100+).
    expect(dom).toContain('8. Year by year, on single years of age');
    expect(annualPyramid!.marks.rect).toBe(2 * 2 * 101);
    expect(annualPyramid!.text).toContain('single year of age');

    const png = join(dir, 'report.png');
    await browse([`--screenshot=${png}`, '--window-size=1100,5200', url], join(dir, 'profile2'));
    const head = readFileSync(png).subarray(0, 8);
    expect(head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(100_000); // a blank page is a few kB
    console.info(`screenshot of the Yingkou report: ${png}`);
  });

  it.skipIf(!chromium)(`a simulation report shows its fan${SKIP_REASON}`, async () => {
    const out = join(tempDir(), 'sim');
    const args = ['simulate', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030', '--trajectories', '2000', '--target', '2030:1050000'];
    const { dir, url } = await writeReport([...args, '--uncertainty', TEMPLATES.uncertainty, '--out', out]);
    const [fan, ...rest] = charts(await browse(['--dump-dom', url], join(dir, 'profile')));
    expect(rest).toEqual([]);
    expect(fan!.marks.area).toBe(2);
    expect(fan!.marks.symbol).toBe(4 + 1);
    expect(fan!.text).toContain('target 1,050,000');
  });
});
