import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/userError.js';
import { parseBounds, parseInteger, parseNumberList, parseTarget, readPopulation, readScenario } from '../../src/cli/inputs.js';
import { parsePopulationCsv, splitCsvLine } from '../../src/cli/populationCsv.js';
import { messageOf, TEMPLATES, writeTemp } from './helpers.js';

// Input files and option values: each problem is a UserError whose message names the place
// (file, line, column or option) and follows the library's grammar `<where>: <rule>, got <value>`.


async function asyncMessageOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('population CSV', () => {
  it('reads the template: 18 groups 0-4 … 85+, persons as written', () => {
    const csv = 'age,female,male\n0-4,28788,33008\n5-9,27705,32297\n10+,100,90\n';
    expect(parsePopulationCsv(csv, 'p.csv', 2015)).toEqual({ year: 2015, female: [28788, 27705, 100], male: [33008, 32297, 90], width: 5, ageGroups: ['0-4', '5-9', '10+'] });
  });

  it('takes the header in any order and case, quoted fields, CRLF, blank and # lines, an en dash', () => {
    const csv = '# Example city\r\nMale,AGE,Female\r\n\r\n"1,5",0-4,2\r\n"3",5–9,4\r\n5,10+,6\r\n';
    expect(() => parsePopulationCsv(csv, 'p.csv', 2000)).toThrow(/line 4, male: expected a finite number >= 0 \(persons\), got "1,5"/);
    const ok = csv.replace('"1,5"', '"1.5"');
    expect(parsePopulationCsv(ok, 'p.csv', 2000)).toEqual({ year: 2000, female: [2, 4, 6], male: [1.5, 3, 5], width: 5, ageGroups: ['0-4', '5-9', '10+'] });
  });

  it('names the line and the column of each problem', () => {
    const at = (csv: string) => messageOf(() => parsePopulationCsv(csv, 'p.csv', 2015));
    expect(at('age,women,men\n0-4,1,1\n')).toBe('p.csv, line 1: expected the header age,female,male, got "age,women,men"');
    expect(at('age,female,male\n0-4,1\n5+,1,1\n')).toBe('p.csv, line 2: expected 3 fields (age,female,male), got 2: "0-4,1"');
    expect(at('age,female,male\n0-4,1,1\n5-9,-2,1\n10+,1,1\n')).toBe('p.csv, line 3, female: expected a finite number >= 0 (persons), got "-2"');
    expect(at('age,female,male\n0-4,1,\n5+,1,1\n')).toBe('p.csv, line 2, male: expected a finite number >= 0 (persons), got ""');
    expect(at('age,female,male\n0-4,1,1\n5-10,1,1\n10+,1,1\n')).toBe(
      'p.csv, line 3, age: expected the group 5-9 or 5+ (5-year groups from 0-4 up, in order, the last one open), got "5-10"',
    );
    expect(at('age,female,male\n0-4,1,1\n5+,1,1\n10-14,1,1\n')).toBe('p.csv, line 4: expected no group after the open group 5+ (line 3), got "10-14"');
    expect(at('age,female,male\n0-4,1,1\n5-9,1,1\n')).toBe('p.csv: expected the last group to be open (e.g. 85+), got "5-9"');
    expect(at('age,female,male\n0+,1,1\n')).toBe('p.csv: expected at least 2 age groups after the header (line 1), got 1');
    expect(at('')).toBe('p.csv: expected the header age,female,male and one row per age group, got an empty file');
    expect(at('age,female,male\n"0-4,1,1\n')).toBe('p.csv, line 2: expected a closing quote, got the end of the line');
  });

  it('quotes at most 80 characters of a long line or field (a 10 MB line gives a short message)', () => {
    const at = (csv: string) => messageOf(() => parsePopulationCsv(csv, 'p.csv', 2015));
    const long = 'x'.repeat(10_000_000);
    expect(at(`age,female,${long}\n`)).toBe(`p.csv, line 1: expected the header age,female,male, got "age,female,${'x'.repeat(68)}…"`);
    expect(at(`age,female,male\n0-4,1,${long}\n5+,1,1\n`)).toBe(`p.csv, line 2, male: expected a finite number >= 0 (persons), got "${'x'.repeat(79)}…"`);
    expect(messageOf(() => parseTarget(`2030:${long}`))).toBe(`--target: expected year:population, e.g. 2030:2600000, got "2030:${'x'.repeat(74)}…"`);
  });

  it('splits CSV lines by RFC 4180', () => {
    expect(splitCsvLine('a,"b,c","d""e",', 'x')).toEqual(['a', 'b,c', 'd"e', '']);
    expect(splitCsvLine('"a" ,b', 'x')).toEqual(['a', 'b']);
    expect(() => splitCsvLine('"a"x,b', 'where')).toThrow('where: expected a comma after a quoted field, got "x"');
  });
});

describe('population files', () => {
  it('CSV needs --year; JSON carries its year, and --year must agree with it', async () => {
    expect(await asyncMessageOf(() => readPopulation(TEMPLATES.population, undefined))).toBe(
      '--year: expected the base year of data/templates/population.csv (a CSV population has no year column), got nothing',
    );
    const f = writeTemp({ 'p.json': JSON.stringify({ year: 2015, female: [1, 2, 3], male: [1, 2, 3] }), 'noyear.json': JSON.stringify({ female: [1, 2], male: [1, 2] }) });
    expect(await readPopulation(f['p.json']!, undefined)).toEqual({ year: 2015, female: [1, 2, 3], male: [1, 2, 3], width: 5, ageGroups: ['0-4', '5-9', '10+'] });
    expect(await readPopulation(f['p.json']!, 2015)).toMatchObject({ year: 2015 });
    expect(await asyncMessageOf(() => readPopulation(f['p.json']!, 2020))).toBe(`--year: expected the year of ${f['p.json']} (2015) or no --year, got 2020`);
    expect(await readPopulation(f['noyear.json']!, 2010)).toMatchObject({ year: 2010, female: [1, 2] });
    expect(await asyncMessageOf(() => readPopulation(f['noyear.json']!, undefined))).toBe(`${f['noyear.json']}: invalid population:\n  year: expected the base year (or give it with --year), got nothing`);
  });

  it('JSON populations are validated by the library, each problem with its path', async () => {
    const f = writeTemp({ 'p.json': JSON.stringify({ year: 2015.5, female: [1, -2, 3], male: [1, 2] }) });
    expect(await asyncMessageOf(() => readPopulation(f['p.json']!, undefined))).toBe(
      `${f['p.json']}: invalid population:\n  year: expected an integer year from -9999 to 9999, got 2015.5\n  female[1]: expected a number of persons from 0 to 1e+10, got -2`,
    );
    const g = writeTemp({ 'q.json': JSON.stringify({ year: 2015, female: [1, 2, 3], male: [1, 2] }) });
    expect(await asyncMessageOf(() => readPopulation(g['q.json']!, undefined))).toBe(`${g['q.json']}: invalid population:\n  male: expected as many male as female groups, got an array of length 2`);
  });
});

describe('scenario files', () => {
  it('reads the template, whose "$schema" key the scenario schema allows', async () => {
    const { scenario, parsed } = await readScenario(TEMPLATES.scenario);
    expect(Object.keys(scenario)).toEqual(['$schema', 'fertility', 'mortality', 'migration', 'srb']);
    expect(parsed.$schema).toBe('./scenario.schema.json');
  });

  it('a non-string $schema, a directory, bad JSON at the end of the file', async () => {
    const f = writeTemp({ 's.json': JSON.stringify({ $schema: 1, fertility: { tfr: 1, pattern: 'china-2015' }, mortality: { e0: 80 } }), 'cut.json': '{"fertility": {' });
    expect(await asyncMessageOf(() => readScenario(f['s.json']!))).toBe(`${f['s.json']}: invalid scenario:\n  $schema: expected a string (the JSON Schema's location), got 1`);
    expect(await asyncMessageOf(() => readScenario('data/templates'))).toBe('scenario file is a directory, expected a file: data/templates');
    expect(await asyncMessageOf(() => readScenario(f['cut.json']!))).toBe(`${f['cut.json']}:1:16: invalid JSON: expected a double-quoted property name, got the end of the file\n  {"fertility": {\n                 ^`);
  });
});

describe('option values', () => {
  it('--target year:population', () => {
    expect(parseTarget('2030:2600000')).toEqual({ year: 2030, population: 2_600_000 });
    expect(parseTarget(' 2030 : 2_600_000 ')).toEqual({ year: 2030, population: 2_600_000 });
    expect(parseTarget('2030:2.6e6')).toEqual({ year: 2030, population: 2_600_000 });
    expect(messageOf(() => parseTarget('2030'))).toBe('--target: expected year:population, e.g. 2030:2600000, got "2030"');
    expect(messageOf(() => parseTarget('2030:-5'))).toBe('--target: expected year:population, e.g. 2030:2600000, got "2030:-5"');
    expect(messageOf(() => parseTarget('2030:0'))).toBe('--target: expected a population > 0, got 0');
  });

  it('--bounds low:high', () => {
    expect(parseBounds('-200000:200000')).toEqual([-200_000, 200_000]);
    expect(parseBounds('0:3')).toEqual([0, 3]);
    expect(messageOf(() => parseBounds('3:0'))).toBe('--bounds: expected the lower bound below the upper, got "3:0"');
    expect(messageOf(() => parseBounds('a:b'))).toBe('--bounds: expected lower:upper, e.g. -200000:200000, got "a:b"');
  });

  it('lists and ranges of numbers, integers', () => {
    expect(parseNumberList('1.2,1.5, 1.8', '--frontier')).toEqual([1.2, 1.5, 1.8]);
    expect(parseNumberList('1.2:3:0.2', '--frontier')).toEqual([1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8, 3]);
    expect(parseNumberList('2015:2030:5', '--pyramid-years')).toEqual([2015, 2020, 2025, 2030]);
    expect(messageOf(() => parseNumberList('1.2,,1.8', '--frontier'))).toMatch(/^--frontier: expected numbers separated by commas/);
    expect(messageOf(() => parseNumberList('3:1:0.5', '--frontier'))).toMatch(/^--frontier: expected from:to:step with from <= to and step > 0/);
    expect(parseInteger('2_030', '--until')).toBe(2030);
    expect(messageOf(() => parseInteger('20.5', '--trajectories', 'expected a whole number of trajectories'))).toBe('--trajectories: expected a whole number of trajectories, got "20.5"');
  });
});
