import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import plan from '../../data/yingkou/plan.json';
import { runCli } from '../../src/cli/app.js';
import { baseCommand, parseMargins } from '../../src/cli/commands/base.js';
import { yingkou } from '../../src/yingkou/data.js';
import { messageOf, writeTemp, yingkouFiles, runOk, runUserError } from './helpers.js';

// `ccmpp base`: a base population from a few known totals, the reference's age–sex shape fitted
// by iterative proportional fitting (fitToMargins), as the Yingkou base is built.

/** yingkou.reference (UN WPP 2019 China 2015, persons) as a population CSV: written from it, see its first line. */
const CHINA = 'test/cli/fixtures/china-2015.csv';
const g = plan.ageGroups2015;
/** The plan's three 2015 age groups, as the Yingkou base is fitted to them (src/yingkou/data.ts). */
const PLAN_MARGINS = `0-14:${g['0-14']},15-59:${g['15-59']},60+:${g['60+']}`;
const yk = ['base', '--reference', CHINA, '--year', '2015', '--margins', PLAN_MARGINS];


const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('ccmpp base reproduces the Yingkou base', () => {
  it('the fixture is yingkou.reference, the shape the Yingkou base is fitted from', () => {
    const rows = readFileSync(CHINA, 'utf8').trim().split('\n').filter((l) => !l.startsWith('#')).slice(1).map((l) => l.split(','));
    expect(rows.map((r) => Number(r[1]))).toEqual(Array.from(yingkou.reference.female));
    expect(rows.map((r) => Number(r[2]))).toEqual(Array.from(yingkou.reference.male));
  });

  it('--format json: yingkou.base2015 exactly, as { year, female, male, width }', async () => {
    const p = JSON.parse(await runOk([...yk, '--format', 'json'])) as { year: number; female: number[]; male: number[]; width: number };
    expect(Object.keys(p)).toEqual(['year', 'female', 'male', 'width']);
    expect(p.year).toBe(2015);
    expect(p.width).toBe(5);
    expect(p.female).toEqual(Array.from(yingkou.base2015.female));
    expect(p.male).toEqual(Array.from(yingkou.base2015.male));
  });

  it('--format csv: the population CSV of --base, yingkou.base2015 to the person', async () => {
    const csv = await runOk([...yk, '--format', 'csv']);
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toBe('age,female,male');
    expect(rows.map((r) => r.split(',')[0])).toEqual(['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49', '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90-94', '95-99', '100+']);
    expect(rows.map((r) => Number(r.split(',')[1]))).toEqual(Array.from(yingkou.base2015.female, (x) => Math.round(x)));
    expect(rows.map((r) => Number(r.split(',')[2]))).toEqual(Array.from(yingkou.base2015.male, (x) => Math.round(x)));
    expect(rows[0]).toBe('0-4,41459,47536');
  });

  it('round trip: `ccmpp base --format csv > base.csv`, then `ccmpp project … --base base.csv --year 2015`', async () => {
    const { plan: scenario, base: exact } = yingkouFiles();
    const f = writeTemp({ 'base.csv': await runOk([...yk, '--format', 'csv']), 'base.json': await runOk([...yk, '--format', 'json']) });
    const fromCsv = JSON.parse(await runOk(['project', scenario, '--base', f['base.csv']!, '--year', '2015', '--until', '2030', '--format', 'json'])) as {
      population: { female: number[] }[];
      indicators: { years: { year: number; total: number }[] };
    };
    expect(fromCsv.population[0]!.female).toEqual(Array.from(yingkou.base2015.female, (x) => Math.round(x)));
    // The JSON keeps full precision: the same projection as from yingkou.base2015 itself.
    const fromJson = JSON.parse(await runOk(['project', scenario, '--base', f['base.json']!, '--until', '2030', '--format', 'json'])) as typeof fromCsv;
    const reference = JSON.parse(await runOk(['project', scenario, '--base', exact, '--until', '2030', '--format', 'json'])) as typeof fromCsv;
    expect(fromJson.indicators).toEqual(reference.indicators);
    // Rounding each of the 42 cells moves the base by 2 persons, and 2030 by about as little.
    expect(fromCsv.indicators.years[0]!.total).toBe(2_443_002);
    expect(Math.abs(fromCsv.indicators.years[3]!.total - reference.indicators.years[3]!.total)).toBeLessThan(5);
  });

  it('the shipped reference in thousands works as it is: only its shape counts, the same base to the person', async () => {
    const p = JSON.parse(await runOk(['base', '--reference', 'data/yingkou/reference-china-2015.json', '--year', '2015', '--margins', PLAN_MARGINS, '--format', 'json'])) as { female: number[]; male: number[] };
    const b = yingkou.base2015;
    // IPF scales each margin's cells by one factor: a reference 1000 times smaller gives the same fit but for rounding.
    p.female.forEach((x, i) => expect(Math.abs(x - b.female[i]!)).toBeLessThan(1e-6));
    p.male.forEach((x, i) => expect(Math.abs(x - b.male[i]!)).toBeLessThan(1e-6));
    expect(p.female.map(Math.round)).toEqual(Array.from(b.female, (x) => Math.round(x)));
  });

  it('table: the headline, the population, and how well each margin is met', async () => {
    const out = await runOk(yk);
    expect(out).toContain(`Base population 2015: the age-sex shape of ${CHINA} (5-year groups, 0-4 to 100+) fitted to 3 margins by iterative proportional fitting: 2,443,000 persons.`);
    expect(out).toMatch(/^0-4 +41,459 +47,536$/m);
    expect(out).toMatch(/^0-14 +260,000 +260,000 +0$/m);
    expect(out).toMatch(/^15-59 +1,693,000 +1,693,000 +0$/m);
    expect(out).toMatch(/^60\+ +490,000 +490,000 +0$/m);
  });

  it('--out: base.json, base.csv and report.html', async () => {
    expect((await baseCommand({ reference: CHINA, year: 2015, margins: PLAN_MARGINS, format: 'json' })).files).toEqual([]);
    const r = await runCli([...yk, '--out', '/tmp/ccmpp-base-out']);
    const html = r.files[2]!.content;
    for (const text of ['Base population fitted to known totals', `${CHINA} fitted to 3 margins`, '>Pictures<', '>Tables<', '<figure class="chart" role="img" aria-label="Population pyramid">', 'Fitted population 2015 by age group and sex', '(5-year groups, 0-4 to 100+) fitted to 3 margins'])
      expect(html).toContain(text);
    expect(r.files[0]!.content).toBe(await runOk([...yk, '--format', 'json']));
    expect(r.files.map((f) => f.path)).toEqual(['/tmp/ccmpp-base-out/base.json', '/tmp/ccmpp-base-out/base.csv', '/tmp/ccmpp-base-out/report.html']);
    expect(r.files[1]!.content).toBe(await runOk([...yk, '--format', 'csv']));
    expect(r.files[2]!.content).toContain('Margins: given and fitted');
    expect(r.files[2]!.content).toContain('Population pyramid');
  });
});

describe('the margins', () => {
  it('parse: ages a-b (both included), a+, a single age, a sex, a sex and ages; _ groups digits', () => {
    expect(parseMargins('0-14:260_000,60+:490000,3:10,female:1220000,male:15-59:800000')).toEqual([
      { label: '0-14', item: '0-14:260_000', margin: { to: 15, population: 260000 } },
      { label: '60+', item: '60+:490000', margin: { from: 60, population: 490000 } },
      { label: '3', item: '3:10', margin: { from: 3, to: 4, population: 10 } },
      { label: 'female', item: 'female:1220000', margin: { sex: 'female', population: 1220000 } },
      { label: 'male:15-59', item: 'male:15-59:800000', margin: { sex: 'male', from: 15, to: 60, population: 800000 } },
    ]);
  });

  it('parse: spaces around items and colons are dropped; 0 persons is a total', () => {
    expect(parseMargins(' 0-14 : 260000 , female : 60+ : 0')).toEqual([
      { label: '0-14', item: '0-14 : 260000', margin: { to: 15, population: 260000 } },
      { label: 'female:60+', item: 'female : 60+ : 0', margin: { sex: 'female', from: 60, population: 0 } },
    ]);
  });

  it('ages up to the open age: a group ending at 99 and the open group 100+ itself', async () => {
    const p = JSON.parse(await runOk(['base', '--reference', CHINA, '--year', '2015', '--margins', '0-99:2000000,100+:100', '--format', 'json'])) as { female: number[]; male: number[] };
    expect(p.female[20]! + p.male[20]!).toBeCloseTo(100, 6);
    expect(sum(p.female) + sum(p.male)).toBeCloseTo(2_000_100, 4);
  });

  it('one margin: the headline says so; the tables name each margin as written, given and fitted', async () => {
    const out = await runOk(['base', '--reference', CHINA, '--year', '2015', '--margins', '0+:2443000']);
    expect(out).toContain('\n100+            60         13\n\nMargins: given and fitted\n');
    expect(out.split('\n')[0]).toBe(`Base population 2015: the age-sex shape of ${CHINA} (5-year groups, 0-4 to 100+) fitted to 1 margin by iterative proportional fitting: 2,443,000 persons.`);
    expect(out.split('\n').slice(1, 3)).toEqual(['', 'Fitted population 2015 by age group and sex']);
    expect(out).toContain(
      [
        'Margins: given and fitted',
        'margin      given     fitted  fitted - given',
        '------  ---------  ---------  --------------',
        '0+      2,443,000  2,443,000               0',
        'Iterative proportional fitting meets every margin to 1e-8 relative or fails. The CSV output rounds each cell to the person, so its sums may differ from the margins by up to half a person a cell; the JSON output keeps full precision.',
      ].join('\n'),
    );
  });

  it('a single-year reference, margins as a JSON file: each named in the grammar of the list, and met', async () => {
    const f = writeTemp({
      'ref.json': JSON.stringify({ year: 2015, female: [1, 2, 3], male: [2, 2, 2], width: 1 }),
      'margins.json': JSON.stringify([
        { to: 1, population: 10 },
        { from: 1, to: 2, population: 20 },
        { from: 2, population: 30 },
        { sex: 'female', population: 25 },
        { population: 60 },
        { sex: 'male', from: 0, to: 2, population: 20 },
      ]),
    });
    const argv = ['base', '--reference', f['ref.json']!, '--margins', f['margins.json']!];
    const p = JSON.parse(await runOk([...argv, '--format', 'json'])) as { female: number[]; male: number[]; width: number };
    expect(p.width).toBe(1);
    expect(p.female[0]! + p.male[0]!).toBeCloseTo(10, 6);
    expect(p.female[1]! + p.male[1]!).toBeCloseTo(20, 6);
    expect(p.female[2]! + p.male[2]!).toBeCloseTo(30, 6);
    expect(sum(p.female)).toBeCloseTo(25, 6);
    expect(p.male[0]! + p.male[1]!).toBeCloseTo(20, 6);
    const out = await runOk(argv);
    expect(out.split('\n')[0]).toBe(`Base population 2015: the age-sex shape of ${f['ref.json']} (single years of age, 0 to 2+) fitted to 6 margins by iterative proportional fitting: 60 persons.`);
    expect(out).toContain(
      [
        'margin    given  fitted  fitted - given',
        '--------  -----  ------  --------------',
        '0            10      10               0',
        '1            20      20               0',
        '2+           30      30               0',
        'female       25      25               0',
        'all          60      60               0',
        'male:0-1     20      20               0',
      ].join('\n'),
    );
    // The same as the list, but for the labels.
    expect(await runOk(['base', '--reference', f['ref.json']!, '--margins', '0:10,1-1:20,2+:30,female:25,0+:60,male:0-1:20', '--format', 'json'])).toBe(await runOk([...argv, '--format', 'json']));
    const zero = writeTemp({ 'zero.json': JSON.stringify({ year: 2015, female: [0, 2, 3], male: [0, 2, 2], width: 1 }) })['zero.json']!;
    const nobody = (item: string) => `ccmpp: --margins "${item}": expected 0 where the reference has nobody (cannot scale 0 up), got 10\n`;
    expect(await runUserError(['base', '--reference', zero, '--margins', '0:10,1+:20'])).toBe(nobody('0:10'));
    // The eleventh item (margins[10]) is named as well.
    expect(await runUserError(['base', '--reference', zero, '--margins', [...Array.from({ length: 10 }, () => '1+:20'), '0:10'].join(',')])).toBe(nobody('0:10'));
  });

  it('a JSON margins file that is not an array of margins', async () => {
    const f = writeTemp({ 'null.json': '[null]', 'obj.json': '{}' });
    const run = (file: string) => runUserError(['base', '--reference', CHINA, '--year', '2015', '--margins', file]);
    expect(await run(f['null.json']!)).toBe(`ccmpp: ${f['null.json']}: invalid margins:\n  margins[0]: expected a margin { from?, to?, sex?, population }, got null\n`);
    expect(await run(f['obj.json']!)).toBe(`ccmpp: ${f['obj.json']}: invalid margins:\n  (input): expected an array of margins { from?, to?, sex?, population }, got {}\n`);
    // Only a name ending in .json is a file.
    expect(await run('x.jsonl')).toBe(
      'ccmpp: --margins: expected items [sex:][ages:]persons separated by commas, e.g. 0-14:260000,15-59:1693000,60+:490000,female:1220000, got "x.jsonl"\n',
    );
  });

    it('sex margins with age groups: each is met', async () => {
    const p = JSON.parse(await runOk(['base', '--reference', CHINA, '--year', '2015', '--margins', `${PLAN_MARGINS},female:1220000`, '--format', 'json'])) as { female: number[]; male: number[] };
    expect(sum(p.female)).toBeCloseTo(1_220_000, 2);
    expect(sum(p.male)).toBeCloseTo(2_443_000 - 1_220_000, 2);
    expect(sum(p.female.slice(0, 3)) + sum(p.male.slice(0, 3))).toBeCloseTo(260_000, 2);
    expect(sum(p.female.slice(12)) + sum(p.male.slice(12))).toBeCloseTo(490_000, 2);
  });

  it('a JSON file of Margin[] gives the same as the list', async () => {
    const f = writeTemp({ 'margins.json': JSON.stringify([{ from: 0, to: 15, population: g['0-14'] }, { from: 15, to: 60, population: g['15-59'] }, { from: 60, population: g['60+'] }]) });
    expect(await runOk(['base', '--reference', CHINA, '--year', '2015', '--margins', f['margins.json']!, '--format', 'json'])).toBe(await runOk([...yk, '--format', 'json']));
    const bad = writeTemp({ 'margins.json': JSON.stringify([{ from: 0, to: 13, population: 1 }]) });
    expect(await runUserError(['base', '--reference', CHINA, '--year', '2015', '--margins', bad['margins.json']!])).toBe(
      `ccmpp: ${bad['margins.json']}: invalid margins:\n  margins[0].to: expected an age on the 5-year grid in (from, 100] (the open group cannot be split), got 13\n`,
    );
  });

  it('a JSON reference: --year is the fitted population’s, whatever year the shape is of', async () => {
    const r = yingkou.reference;
    const f = writeTemp({ 'shape.json': JSON.stringify({ year: 2010, female: Array.from(r.female), male: Array.from(r.male) }) });
    const p = JSON.parse(await runOk(['base', '--reference', f['shape.json']!, '--year', '2015', '--margins', PLAN_MARGINS, '--format', 'json'])) as { year: number; female: number[] };
    expect(p.year).toBe(2015);
    expect(p.female).toEqual(Array.from(yingkou.base2015.female));
    const without = JSON.parse(await runOk(['base', '--reference', f['shape.json']!, '--margins', PLAN_MARGINS, '--format', 'json'])) as { year: number };
    expect(without.year).toBe(2010);
  });

  it('bad margins: the message names --margins, the rule and the value', async () => {
    const bad = (m: string) => runUserError(['base', '--reference', CHINA, '--year', '2015', '--margins', m]);
    expect(await bad('0-14:abc')).toBe('ccmpp: --margins: expected persons >= 0 after the last colon of "0-14:abc", got "abc"\n');
    expect(await bad('0-14:-5')).toBe('ccmpp: --margins: expected persons >= 0 after the last colon of "0-14:-5", got "-5"\n');
    expect(await bad('0-14:1,,60+:1')).toBe(
      'ccmpp: --margins: expected items [sex:][ages:]persons separated by commas, e.g. 0-14:260000,15-59:1693000,60+:490000,female:1220000, got "0-14:1,,60+:1"\n',
    );
    expect(await bad('0-14')).toMatch(/^ccmpp: --margins: expected items \[sex:\]\[ages:\]persons .*, got "0-14"\n$/);
    expect(await bad('fem:0-14:1')).toBe('ccmpp: --margins: expected the sex female or male before the ages in "fem:0-14:1", got "fem"\n');
    expect(await bad('0..14:1')).toBe('ccmpp: --margins: expected ages a-b (both included, e.g. 15-59), a+ (a and over, e.g. 60+), a single age, or the sex female or male in "0..14:1", got "0..14"\n');
    expect(await bad('14-0:1')).toBe('ccmpp: --margins: expected the first age up to the last in "14-0:1", got "14-0"\n');
    expect(await bad('0-12:1,13+:1')).toBe(
      'ccmpp: --margins: expected ages on the reference\'s grid, 5-year groups (from a multiple of 5 to one below a multiple of 5, e.g. 0-14, 15-59, 60+), got "0-12:1"\n',
    );
    expect(await bad('0-59:1,60-104:1')).toBe('ccmpp: --margins: expected ages ending below the reference\'s open age 100 (100+ cannot be split; write 60+ for 60 and over), got "60-104:1"\n');
    expect(await bad('0-14:')).toBe('ccmpp: --margins: expected persons >= 0 after the last colon of "0-14:", got ""\n');
    expect(await bad('3-14:1,15+:1')).toBe(
      'ccmpp: --margins: expected ages on the reference\'s grid, 5-year groups (from a multiple of 5 to one below a multiple of 5, e.g. 0-14, 15-59, 60+), got "3-14:1"\n',
    );
    expect(await bad('0-99:1,105+:1')).toBe('ccmpp: --margins: expected ages starting at most at the reference\'s open age 100 (its last group is 100+), got "105+:1"\n');
    const gaps = (what: string) => `ccmpp: --margins: expected margins covering every age of both sexes (the reference gives only the shape: a group in no margin would keep its count), got none for ${what}\n`;
    // More than fitToMargins takes: the list is named, not the reference.
    expect(await bad(Array.from({ length: 101 }, () => '0+:2443000').join(','))).toBe('ccmpp: --margins: expected at most 100 margins, got an array of length 101\n');
    expect(await runUserError(['base', '--reference', CHINA, '--year', '2015', '--margins', '/nonexistent/margins.json'])).toBe('ccmpp: margins file not found: /nonexistent/margins.json\n');
    expect(await bad('0-14:1,20+:1')).toBe(gaps('female 15-19, male 15-19'));
    expect(await bad('0-14:1,60+:1')).toBe(gaps('female 15-19 to 55-59, male 15-19 to 55-59'));
    expect(await bad('female:0-14:1,15+:1')).toBe(gaps('male 0-4 to 10-14'));
        expect(await bad('0-14:260000')).toBe(
      'ccmpp: --margins: expected margins covering every age of both sexes (the reference gives only the shape: a group in no margin would keep its count), got none for female 15-19 to 100+, male 15-19 to 100+\n',
    );
    // Margins that contradict one another: the age groups sum to 2,443,000, the sexes to 4,000,000.
    expect(await bad(`${PLAN_MARGINS},female:2000000,male:2000000`)).toMatch(
      /^ccmpp: cannot fit test\/cli\/fixtures\/china-2015\.csv to --margins:\n {2}--margins "0-14:260000": expected margins that agree with one another \(this one ends at [\d.]+ after fitting the others\), got 260000\n/,
    );
    expect(messageOf(() => parseMargins('female:male:0-14:1'))).toMatch(/^--margins: expected items .*, got "female:male:0-14:1"$/);
  });

  it('a CSV reference needs --year (the year of the fitted population)', async () => {
    expect(await runUserError(['base', '--reference', CHINA, '--margins', PLAN_MARGINS])).toBe(
      `ccmpp: --year: expected the year of the fitted population (the CSV reference ${CHINA} has no year column), got nothing\n`,
    );
  });
});
