import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { formatPersons, formatSigned } from '../../src/report/format.js';
import { esc } from '../../src/report/html.js';
import { yingkouReport, type YingkouReport } from '../../src/yingkou/report.js';
import { censusComparisonText, migrationMethodText } from '../../src/yingkou/text.js';
import { TEMPLATES, yingkouFiles } from './helpers.js';

// --format csv is tidy (one observation per row; persons to the unit, other numbers to 6
// significant digits: src/cli/csv.ts); --format table is for people; --out writes the files of each
// command, report.html included.

const project = ['project', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030'];

/** The library's Yingkou report, computed once for the tests that compare with it. */
let yingkouDirect: YingkouReport | undefined;
const direct = () => (yingkouDirect ??= yingkouReport());

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trimEnd().split('\n');
  const split = (l: string) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((f) => f.replace(/,$/, '').replace(/^"(.*)"$/, '$1').replace(/""/g, '"'));
  return { header: split(lines[0]!), rows: lines.slice(1).map(split) };
}

describe('--format csv', () => {
  it('project --table population: one row per year × sex × age group', async () => {
    const r = await runCli([...project, '--format', 'csv', '--table', 'population']);
    const { header, rows } = parseCsv(r.stdout);
    expect(header).toEqual(['year', 'sex', 'age', 'population']);
    expect(rows).toHaveLength(4 * 2 * 21);
    expect(rows[0]).toEqual(['2015', 'female', '0-4', '28788']);
    expect(new Set(rows.map((x) => x.slice(0, 3).join('|'))).size).toBe(rows.length); // each observation once
    const in2030 = rows.filter((x) => x[0] === '2030');
    const total2030 = in2030.reduce((s, x) => s + Number(x[3]), 0);
    const ind = parseCsv((await runCli([...project, '--format', 'csv'])).stdout);
    expect(ind.header).toEqual(['time', 'indicator', 'value']);
    const t2030 = Number(ind.rows.find((x) => x[0] === '2030' && x[1] === 'total')![2]);
    // Each of the 42 groups and the total rounded to the unit: they add up within half a person each.
    expect(Math.abs(total2030 - t2030)).toBeLessThanOrEqual((in2030.length + 1) / 2);
    expect(ind.rows.find((x) => x[0] === '2015-2020' && x[1] === 'e0.both')).toBeDefined();
    expect(new Set(ind.rows.map((x) => `${x[0]}|${x[1]}`)).size).toBe(ind.rows.length);
  });

  it('solve: one row per indicator, and the frontier one row per TFR', async () => {
    const f = yingkouFiles();
    const args = ['solve', 'migration', f.plan, '--base', f.base, '--target', '2030:2600000', '--frontier', '1.2:1.6:0.2'];
    const r = parseCsv((await runCli([...args, '--format', 'csv'])).stdout);
    expect(r.header).toEqual(['indicator', 'value']);
    expect(r.rows.map((x) => x[0])).toEqual(['target.year', 'target.population', 'projected', 'gap', 'reached', 'status', 'value', 'achieved', 'iterations']);
    const fr = parseCsv((await runCli([...args, '--format', 'csv', '--table', 'frontier'])).stdout);
    expect(fr.header).toEqual(['tfr', 'status', 'netPerYear', 'achieved', 'side', 'bound']);
    expect(fr.rows.map((x) => x[0])).toEqual(['1.2', '1.4', '1.6']);
    const bad = await runCli([...args.slice(0, -2), '--table', 'frontier']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--table frontier: expected --frontier <tfr values> as well');
  });

  it('simulate: one row per year × series × statistic, and the probability of each target as in the JSON', async () => {
    const args = ['simulate', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2025', '--trajectories', '500'];
    const r = await runCli([...args, '--format', 'csv']);
    const { header, rows } = parseCsv(r.stdout);
    expect(header).toEqual(['year', 'series', 'statistic', 'value']);
    expect(rows).toHaveLength(3 * 5 * (4 + 5 + 1));
    expect(rows.filter((x) => x[1] === 'total' && x[2] === 'q0.5')).toHaveLength(3);
    // With targets: four rows each (p, its Monte Carlo interval, exact), the JSON's numbers.
    const targets = ['--target', '2025:1040000', '--target', '2025:1030000', '--target', '2020:1020000'];
    const withTargets = parseCsv((await runCli([...args, ...targets, '--format', 'csv'])).stdout).rows;
    const json = JSON.parse((await runCli([...args, ...targets, '--format', 'json'])).stdout) as { probabilities: { year: number; population: number; p: number; lower: number; upper: number; exact: boolean }[] };
    const pRows = withTargets.slice(rows.length);
    expect(withTargets.slice(0, rows.length)).toEqual(rows);
    expect(pRows).toEqual(
      json.probabilities.flatMap((p) => {
        const stat = `p(>=${p.population})`;
        const sig = (x: number) => String(Number(x.toPrecision(6)));
        return [[String(p.year), 'total', stat, sig(p.p)], [String(p.year), 'total', `${stat}.lower`, sig(p.lower)], [String(p.year), 'total', `${stat}.upper`, sig(p.upper)], [String(p.year), 'total', `${stat}.exact`, String(p.exact)]];
      }),
    );
    expect(pRows).toHaveLength(3 * 4);
    expect(new Set(withTargets.map((x) => x.slice(0, 3).join('|'))).size).toBe(withTargets.length);
  });

  it('numbers at a defined precision: persons to the unit, others to 6 significant digits, no float noise', async () => {
    // The template's female total in 2015 is 486434.00000000006 as a sum of doubles (the JSON keeps it).
    const ind = parseCsv((await runCli([...project, '--format', 'csv'])).stdout).rows;
    expect(ind.find((x) => x[0] === '2015' && x[1] === 'female')![2]).toBe('486434');
    const personKeys = new Set(['total', 'female', 'male', 'ages0to14', 'ages15to59', 'ages15to64', 'ages60plus', 'ages65plus', 'births', 'deaths', 'inMigrants', 'outMigrants', 'netMigrants']);
    for (const [, key, value] of ind) {
      if (personKeys.has(key!)) expect(value, key).toMatch(/^-?\d+$/);
      else expect(value!.replace(/^-?0\.0*|[-.]|e.*$/g, '').length, `${key} ${value}`).toBeLessThanOrEqual(6);
    }
    expect(ind.find((x) => x[0] === '2015' && x[1] === 'share60plus')![2]).toBe('0.150241');
    expect(ind.find((x) => x[0] === '2015' && x[1] === 'sexRatio')![2]).toBe('105.578');
    const sim = parseCsv((await runCli(['simulate', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2025', '--trajectories', '500', '--format', 'csv'])).stdout).rows;
    for (const [, series, stat, value] of sim) if (stat !== 'resolution') expect(value, `${series} ${stat}`).toMatch(/^\d+$/);
    const solve = parseCsv((await runCli(['solve', 'migration', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--target', '2030:1100000', '--format', 'csv'])).stdout).rows;
    for (const k of ['projected', 'gap', 'value', 'achieved']) expect(solve.find((x) => x[0] === k)![1], k).toMatch(/^-?\d+$/);
  });

  it('yingkou: one row per answer × series × time × indicator', async () => {
    const { header, rows } = parseCsv((await runCli(['yingkou', '--format', 'csv'])).stdout);
    expect(header).toEqual(['answer', 'series', 'time', 'indicator', 'value']);
    expect(new Set(rows.map((x) => x[0]))).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7', '8']));
    expect(new Set(rows.map((x) => x.slice(0, 4).join('|'))).size).toBe(rows.length);
    const need = rows.find((x) => x[0] === '2' && x[1] === 'target 2030' && x[3] === 'netPerYear');
    expect(Number(need![4])).toBeGreaterThan(0);
    expect(rows.find((x) => x[0] === '6' && x[1] === 'census' && x[3] === 'residents')![4]).toBe('2328582');
    // 6: the census by its groups against the projected 2020, one row per quantity, the library's numbers.
    const groups = direct().census.groups2020;
    const six = (series: string, indicator: string) => rows.filter((x) => x[0] === '6' && x[1] === series && x[2] === '2020' && x[3] === indicator).map((x) => x[4]);
    const grouped = rows.filter((x) => x[0] === '6' && x[1]!.startsWith('census group '));
    expect(grouped.map((x) => x[1]).filter((v, i, a) => a.indexOf(v) === i)).toEqual(groups.map((g) => `census group ${g.label}`));
    expect(groups.map((g) => g.label)).toEqual(['total', '0–14', '15–59', '60+', '65+', 'female', 'male']);
    for (const g of groups) {
      const series = `census group ${g.label}`;
      expect(six(series, 'census')).toEqual([String(g.census)]);
      expect(g.withImpliedMigration).not.toBeNull();
      for (const key of ['withImpliedMigration', 'withoutMigration'] as const) {
        const projected = g[key]!;
        expect(six(series, key)).toEqual([String(Math.round(projected))]);
        expect(six(series, `difference.${key}`)).toEqual([String(Math.round(g.census - projected) || 0)]);
        expect(six(series, `relativeDifference.${key}`)).toEqual([String(Number((g.census / projected - 1).toPrecision(6)))]);
      }
    }
    expect(grouped).toHaveLength(groups.length * 7);
    // 7: the simulation's settings, per scenario × year × series its statistics, per target P with its interval.
    const seven = rows.filter((x) => x[0] === '7');
    const at = (series: string, time: string, indicator: string) => seven.find((x) => x[1] === series && x[2] === time && x[3] === indicator)?.[4];
    expect(at('uncertainty', '2015-2030', 'trajectories')).toBe('100000');
    expect(at('uncertainty', '2015-2030', 'seed')).toBe('2015');
    const runs = ['plan, no migration', 'plan + migration reaching 2.6 million'];
    expect(new Set(seven.filter((x) => x[1] !== 'uncertainty').map((x) => x[1]))).toEqual(new Set(runs));
    // 2 runs × 4 years × 5 series × (deterministic, mean, min, max, 5 quantiles, resolution) + 2 runs × 2 targets × 5.
    expect(seven).toHaveLength(6 + 2 * 4 * 5 * 10 + 2 * 2 * 5);
    for (const run of runs) {
      const p = Number(at(run, '2030', 'p'));
      expect(Number(at(run, '2030', 'target'))).toBe(2_600_000);
      expect(Number(at(run, '2030', 'p.lower'))).toBeLessThanOrEqual(p);
      expect(Number(at(run, '2030', 'p.upper'))).toBeGreaterThanOrEqual(p);
      expect(Number(at(run, '2030', 'total.q0.025'))).toBeLessThan(Number(at(run, '2030', 'total.q0.975')));
    }
  });
});

describe('--format table', () => {
  it('project prints a headline and the tables; --table population the age-by-sex table', async () => {
    const r = await runCli(project);
    expect(r.stdout).toMatch(/^Projection of data\/templates\/scenario\.json from data\/templates\/population\.csv, 2015-2030 \(open age 100\+\): 1,000,000 in 2015, [\d,]+ in 2030 \([+-][\d.]+ %\)\.\n/);
    expect(r.stdout).toContain('\nPopulation by year\nyear      total');
    expect(r.stdout).toContain('\nComponents of change by period\n');
    const pop = await runCli([...project, '--table', 'population']);
    expect(pop.stdout).toMatch(/\nage\s+female 2015\s+male 2015\s+female 2020/);
    expect(pop.stdout).toMatch(/\n100\+\s+[\d,]+/);
  });

  it('yingkou prints the report of formatYingkouReport', async () => {
    const r = await runCli(['yingkou']);
    expect(r.stdout).toMatch(/^ccmpp — Yingkou Population Development Plan 2016–2030: is 2\.6 million reachable\?\n/);
    expect(r.stdout).toContain('6. Reality check: the 2020 census');
  });
});

describe('--out', () => {
  it('each command lists its files under the directory; report.html is one page with its charts', async () => {
    const f = yingkouFiles();
    const cases: [string[], string[], number][] = [
      [[...project, '--out', '/tmp/o'], ['projection.json', 'indicators.csv', 'population.csv', 'report.html'], 2],
      [['solve', 'tfr', f.plan, '--base', f.base, '--target', '2030:2600000', '--frontier', '1.5,2', '--out', '/tmp/o'], ['solve.json', 'solve.csv', 'frontier.csv', 'report.html'], 2],
      [['yingkou', '--out', '/tmp/o'], ['yingkou.json', 'yingkou.csv', 'yingkou.txt', 'report.html'], 4],
    ];
    for (const [args, names, charts] of cases) {
      const r = await runCli(args);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.files.map((x) => x.path)).toEqual(names.map((n) => `/tmp/o/${n}`));
      const html = r.files.find((x) => x.path.endsWith('report.html'))!.content;
      expect(html.match(/<svg /g)?.length).toBe(charts);
    }
    const none = await runCli(project);
    expect(none.files).toEqual([]);
  });

  it('the Yingkou report.html: the fan on the trajectory chart, and section 7 with its verdict and tables', async () => {
    const r = await runCli(['yingkou', '--out', '/tmp/o']);
    const html = r.files.find((x) => x.path.endsWith('report.html'))!.content;
    expect(html).toContain('shaded: 95 % and 80 % of simulated trajectories; dashed, over the lines: their median');
    expect(html).toContain('Shaded: 95 % and 80 % of 100,000 simulated trajectories of “plan, no migration”');
    expect(html).toContain('<h2>7. Uncertainty: the probability of reaching the targets</h2>');
    expect(html).toMatch(/\(7\) With fertility and life expectancy random as in the UN&#39;s probabilistic projections and migration held fixed .*P\(2,600,000 by 2030\) = [\d.]+ % \(95 % interval.* about 50 % by construction/);
    expect(html).toContain('Probability of reaching the plan’s targets (Monte Carlo, default uncertainty)');
    expect(html).toContain('Simulated totals: quantiles over the trajectories');
  });

  it('the Yingkou report.html: the migration method from its numbers, and the census by its groups in section 6', async () => {
    const r = await runCli(['yingkou', '--out', '/tmp/o']);
    const html = r.files.find((x) => x.path.endsWith('report.html'))!.content;
    const d = direct();
    // Assumptions: the sentence of migrationMethodText, not a typed-in one.
    const method = migrationMethodText(d.migrationMethod);
    expect(method).toMatch(/^Migration: net figures are turned into gross flows by the Flow-Difference Method/);
    expect(html).toContain(`<li>${esc(method)} 5-year cohort-component steps, open age ${d.openAge}+.</li>`);
    expect(html).not.toContain('Rogers–Castro age profile (standard parameters), half of each period');
    // Section 6: the table of the census groups, one row each with the library's numbers, and the sentences.
    const six = html.slice(html.indexOf('<h2>6. Reality check: the 2020 census</h2>'), html.indexOf('<h2>7. '));
    const title = 'The 2020 census by the groups it publishes, against the projected 2020';
    expect(six).toContain(`<h3>${title}</h3>`);
    const table = six.slice(six.indexOf(`<h3>${title}</h3>`), six.indexOf('</figure>', six.indexOf(`<h3>${title}</h3>`)));
    expect(table).toContain('<th scope="col">group</th><th scope="col" class="num">census</th><th scope="col" class="num">census-implied migration</th><th scope="col" class="num">difference</th>');
    const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => m[1]);
    const rows = table.split('\n').filter((l) => l.startsWith('<tr><th scope="row">')).map(cells);
    const signedDiff = (x: number) => formatSigned(Math.round(x) === 0 ? 0 : x);
    expect(rows).toEqual(
      d.census.groups2020.map((g) => [
        g.label,
        formatPersons(g.census),
        formatPersons(g.withImpliedMigration!),
        signedDiff(g.census - g.withImpliedMigration!),
        expect.stringMatching(/^([+-]\d+\.\d|0\.0) %$/),
        formatPersons(g.withoutMigration),
        signedDiff(g.census - g.withoutMigration),
        expect.stringMatching(/^([+-]\d+\.\d|0\.0) %$/),
      ]),
    );
    expect(rows[0]![3]).toBe('0'); // the census-implied migration reproduces the census total
    const sentences = censusComparisonText(d.census.groups2020);
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(table).toContain(esc(s));
  });

  it('the solve report draws the scenario with the solution (applySolution), except for a later --from', async () => {
    const f = yingkouFiles();
    const html = async (extra: string[]) => {
      const r = await runCli(['solve', 'migration', f.plan, '--base', f.base, '--target', '2030:2600000', ...extra, '--out', '/tmp/o']);
      expect(r.exitCode, r.stderr).toBe(0);
      return r.files.find((x) => x.path.endsWith('report.html'))!.content;
    };
    const fromBase = await html([]);
    expect(fromBase).toMatch(/>with \+[\d,]+ net migrants a year</);
    expect(fromBase).toContain('Population by year, with the solution');
    const later = await html(['--from', '2020']);
    expect(later).not.toMatch(/>with \+[\d,]+ net migrants a year</);
    expect(later).not.toContain('Population by year, with the solution');
    expect(later).toContain('The solution starts in 2020, within the projection');
    const tfr = await runCli(['solve', 'tfr', f.plan, '--base', f.base, '--target', '2030:2600000', '--out', '/tmp/o']);
    expect(tfr.files.find((x) => x.path.endsWith('report.html'))!.content).toMatch(/>with TFR [\d.]+ in 2030</);
  });

  it('--pyramid-years must be years of the projection', async () => {
    const r = await runCli([...project, '--out', '/tmp/o', '--pyramid-years', '2015,2022']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('ccmpp: --pyramid-years: expected years of the projection (2015, 2020, 2025, 2030), got 2022\n');
  });
});
