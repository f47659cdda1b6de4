import type { PeriodIndicators, YearIndicators } from '../indicators/yearIndicators.js';
import type { Projection } from '../scenario/project.js';
import type { Table } from '../report/table.js';
import { INDICATOR_FORMAT } from '../report/format.js';
import { SEXES } from '../types.js';
import { persons, toCsv, type CsvValue } from './csv.js';

/** Indicators by year as a table (the same object prints to the terminal and to report.html). */
export function yearTable(years: readonly YearIndicators[], title = 'Population by year'): Table {
  return {
    title,
    columns: [
      { key: 'year', label: 'year' },
      { key: 'total', label: 'total', format: 'persons' },
      { key: 'ages0to14', label: '0-14', format: 'persons' },
      { key: 'ages15to59', label: '15-59', format: 'persons' },
      { key: 'ages60plus', label: '60+', format: 'persons' },
      { key: 'share60plus', label: '60+ share', format: INDICATOR_FORMAT.share60plus },
      { key: 'share65plus', label: '65+ share', format: INDICATOR_FORMAT.share65plus },
      { key: 'sexRatio', label: 'sex ratio', format: INDICATOR_FORMAT.sexRatio },
      { key: 'medianAge', label: 'median age', format: INDICATOR_FORMAT.medianAge },
      { key: 'oldAgeDependency', label: '65+/15-64', format: INDICATOR_FORMAT.oldAgeDependency },
    ],
    rows: years.map((y) => ({ ...y, year: String(y.year) })),
    note: 'Persons. Sex ratio: males per 100 females. 65+/15-64: old-age dependency ratio.',
  };
}

/** Indicators by period as a table (5-year periods, or single years at width 1: each row says its own). */
export function periodTable(periods: readonly PeriodIndicators[], title = 'Components of change by period'): Table {
  const annual = periods.length > 0 && periods[0]!.to - periods[0]!.from === 1;
  return {
    title,
    columns: [
      { key: 'period', label: 'period' },
      { key: 'births', label: 'births', format: 'persons' },
      { key: 'deaths', label: 'deaths', format: 'persons' },
      { key: 'inMigrants', label: 'in-migrants', format: 'persons' },
      { key: 'outMigrants', label: 'out-migrants', format: 'persons' },
      { key: 'netMigrants', label: 'net migrants', format: 'signed' },
      { key: 'cbr', label: 'CBR ‰', format: 'fixed1' },
      { key: 'cdr', label: 'CDR ‰', format: 'fixed1' },
      { key: 'growthRate', label: 'growth %/yr', format: 'fixed2' },
      { key: 'tfr', label: 'TFR', format: 'fixed2' },
      { key: 'e0f', label: 'e0 female', format: 'fixed2' },
      { key: 'e0m', label: 'e0 male', format: 'fixed2' },
      { key: 'e0', label: 'e0', format: 'fixed2' },
    ],
    rows: periods.map((p) => ({
      period: `${p.from}-${p.to}`,
      births: p.births,
      deaths: p.deaths,
      inMigrants: p.inMigrants,
      outMigrants: p.outMigrants,
      netMigrants: p.netMigrants,
      cbr: 1000 * p.cbr,
      cdr: 1000 * p.cdr,
      growthRate: 100 * p.growthRate,
      tfr: p.tfr,
      e0f: p.e0.female,
      e0m: p.e0.male,
      e0: p.e0.both,
    })),
    note: `Births, deaths, in-, out- and net migrants over each ${annual ? 'year' : '5-year period'}. CBR, CDR per 1,000 person-years. e0 in years (period life tables).`,
  };
}

/** The population by age group (5-year groups or single years, as `ageGroups`) and sex, one column pair per year. */
export function populationTable(p: Pick<Projection, 'years' | 'population' | 'ageGroups'>, title = 'Population by age group and sex'): Table {
  const columns: Table['columns'] = [{ key: 'age', label: 'age' }];
  for (const y of p.years) columns.push({ key: `f${y}`, label: `female ${y}`, format: 'persons' }, { key: `m${y}`, label: `male ${y}`, format: 'persons' });
  const rows = p.ageGroups.map((age, i) => {
    const row: Table['rows'][number] = { age };
    p.years.forEach((y, t) => {
      row[`f${y}`] = p.population[t]!.female[i]!;
      row[`m${y}`] = p.population[t]!.male[i]!;
    });
    return row;
  });
  return { title, columns, rows };
}

/** Tidy population CSV: `year,sex,age,population`, one row per year × sex × age group (`0-4` or `0`, … as `ageGroups`). */
export function populationCsv(p: Pick<Projection, 'years' | 'population' | 'ageGroups'>): string {
  const rows: CsvValue[][] = [];
  p.years.forEach((y, t) => {
    for (const sex of SEXES) p.ageGroups.forEach((age, i) => rows.push([y, sex, age, persons(p.population[t]![sex][i]!)]));
  });
  return toCsv(['year', 'sex', 'age', 'population'], rows);
}

/** The indicator keys written to CSV, in order; the counts of persons among them (rounded to the unit). */
const YEAR_KEYS = [
  'total', 'female', 'male', 'ages0to14', 'ages15to59', 'ages15to64', 'ages60plus', 'ages65plus',
  'share0to14', 'share15to59', 'share60plus', 'share65plus', 'sexRatio', 'medianAge', 'oldAgeDependency', 'ratio60to15_59',
] as const satisfies readonly (keyof YearIndicators)[];
const YEAR_PERSONS: ReadonlySet<string> = new Set(['total', 'female', 'male', 'ages0to14', 'ages15to59', 'ages15to64', 'ages60plus', 'ages65plus'] satisfies (typeof YEAR_KEYS)[number][]);
const PERIOD_KEYS = ['births', 'deaths', 'inMigrants', 'outMigrants', 'netMigrants', 'cbr', 'cdr', 'growthRate', 'tfr', 'srb'] as const satisfies readonly (keyof PeriodIndicators)[];
const PERIOD_PERSONS: ReadonlySet<string> = new Set(['births', 'deaths', 'inMigrants', 'outMigrants', 'netMigrants'] satisfies (typeof PERIOD_KEYS)[number][]);

/**
 * Tidy indicators: rows `time,indicator,value`, one per indicator — `time` is a year (`2030`) for
 * the state of the population, a period (`2015-2020`) for flows and rates. Names as in the JSON
 * output (`total`, `share60plus`, `births`, `e0.female`, …).
 */
export function indicatorRows(ind: Projection['indicators']): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const y of ind.years) for (const k of YEAR_KEYS) rows.push([String(y.year), k, YEAR_PERSONS.has(k) ? persons(y[k]) : y[k]]);
  for (const p of ind.periods) {
    const time = `${p.from}-${p.to}`;
    for (const k of PERIOD_KEYS) rows.push([time, k, PERIOD_PERSONS.has(k) ? persons(p[k]) : p[k]]);
    rows.push([time, 'e0.female', p.e0.female], [time, 'e0.male', p.e0.male], [time, 'e0.both', p.e0.both]);
  }
  return rows;
}

export function indicatorsCsv(ind: Projection['indicators']): string {
  return toCsv(['time', 'indicator', 'value'], indicatorRows(ind));
}
