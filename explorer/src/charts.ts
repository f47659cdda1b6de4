import { frontierSpec, pyramidSpec, trajectorySpec, type FanQuantiles, type MarkedPopulation, type Target, type VegaLiteSpec } from 'ccmpp';
import { fill, formats, MESSAGES, type Lang } from './i18n.js';
import type { Answers, Place } from './model.js';

/**
 * The page's three charts, from ccmpp's own chart specifications (the ones the HTML report of
 * `ccmpp yingkou` and `ccmpp project --out` renders): one definition per chart. The page only
 * chooses what goes in and the words, in the page's language; each chart also gets a table of the
 * same numbers (its text equivalent).
 */

/** What the charts show. */
export interface ChartInput {
  answers: Answers;
  /** The pinned scenario A, drawn beside the current one. */
  pinned: Answers | null;
  place: Place;
  target: Target;
  pyramidYear: number;
  lang: Lang;
  /** The Monte Carlo's quantiles, when a run matches the current assumptions. */
  fan?: FanQuantiles[] | undefined;
}

/** Size of the charts on the page, pixels. */
const WIDTH = 560;

export function chartSpecs(c: ChartInput): Record<'trajectory' | 'pyramid' | 'frontier', VegaLiteSpec> {
  const m = MESSAGES[c.lang];
  const f = formats(c.lang);
  const p = c.answers.projection;
  const series = [{ name: m.series.current, projection: p }];
  if (c.pinned) series.push({ name: m.series.pinned, projection: c.pinned.projection });
  const targets: MarkedPopulation[] = [{ year: c.target.year, population: c.target.population, label: fill(m.marks.target, { population: f.persons(c.target.population) }) }];
  for (const t of c.place.planTargets)
    if (t.year !== c.target.year || t.population !== c.target.population)
      targets.push({ year: t.year, population: t.population, label: fill(m.marks.planTarget, { year: t.year, population: f.persons(t.population) }) });
  const observed: MarkedPopulation[] = c.place.observed.map((o) => ({
    year: o.year,
    population: o.population,
    label: fill(o.kind === 'census' ? m.marks.census : m.marks.yearEnd, { year: o.year, population: f.persons(o.population) }),
    labelPosition: o.kind === 'census' ? 'above' : 'right',
  }));
  const base = p.years[0]!;
  const years = c.pyramidYear === base ? [base] : [base, c.pyramidYear];
  // One scale for every year of the slider: the largest bar of the projection, plus 8 % (the spec's margin).
  let largest = 0;
  for (const pop of p.population) for (let i = 0; i < pop.female.length; i++) largest = Math.max(largest, pop.female[i]!, pop.male[i]!);
  return {
    trajectory: trajectorySpec({ series, targets, observed, ...(c.fan ? { fan: c.fan } : {}) }, { width: WIDTH, height: 300, text: m.chart.trajectory }),
    pyramid: pyramidSpec(p, years, { width: WIDTH, text: m.chart.pyramid, ...(largest > 0 ? { scaleMax: largest * 1.08 } : {}) }),
    frontier: frontierSpec(c.answers.frontier, { target: c.target, width: WIDTH, height: 280, text: m.chart.frontier }),
  };
}

/** A chart's numbers as a table: caption, column headings, rows of formatted cells. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export function chartTables(c: Pick<ChartInput, 'answers' | 'pyramidYear' | 'lang'>): Record<'trajectory' | 'pyramid' | 'frontier', ChartTable> {
  const m = MESSAGES[c.lang];
  const f = formats(c.lang);
  const p = c.answers.projection;
  const t = p.years.indexOf(c.pyramidYear);
  const pop = p.population[t >= 0 ? t : p.years.length - 1]!;
  const base = p.population[0]!;
  return {
    trajectory: { caption: m.trajectory, columns: [m.year, m.total], rows: p.indicators.years.map((y) => [String(y.year), f.persons(y.total)]) },
    pyramid: {
      caption: `${m.pyramid}, ${p.years[0]} / ${c.pyramidYear}`,
      columns: [m.age, `${m.males} ${c.pyramidYear}`, `${m.females} ${c.pyramidYear}`, `${m.males} ${p.years[0]}`, `${m.females} ${p.years[0]}`],
      rows: p.ageGroups.map((g, i) => [g, f.persons(pop.male[i]!), f.persons(pop.female[i]!), f.persons(base.male[i]!), f.persons(base.female[i]!)]),
    },
    frontier: {
      caption: m.frontier,
      columns: [m.tfrShort, m.netPerYear],
      rows: c.answers.frontier.map((x) => [f.dec2(x.tfr), x.netPerYear.status === 'reachable' ? f.signed(x.netPerYear.value) : m.outOfReach]),
    },
  };
}
