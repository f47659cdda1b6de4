import type { Width } from '../../ages/grid.js';
import { ageGroupLabel } from '../../ages/grid.js';
import type { Population } from '../../project/projectCohorts.js';
import type { Settled } from '../../solve/result.js';
import { SERIES } from '../../stochastic/accumulator.js';
import type { TargetProbability } from '../../stochastic/simulate.js';
import type { ChangeComponents } from '../../indicators/decompose.js';
import type { Target } from '../../targets/target.js';
import { yingkou } from '../../yingkou/data.js';
import { shortMillions, yingkouReport, type YingkouReportOptions, type CensusGroupComparison, type SimulatedTrajectory, type Trajectory, type YingkouReport } from '../../yingkou/report.js';
import { annualSentences, censusComparisonText, formatYingkouReport, migrationMethodText, pathValuesText, yingkouVerdict } from '../../yingkou/text.js';
import type { YingkouAnnual } from '../../yingkou/annual.js';
import { valueAt } from '../../scenario/path.js';
import { pyramidCaption, trajectoryCaption } from '../../report/captions.js';
import { probabilityText as monteCarloText, uncertaintyText } from '../../report/uncertainty.js';
import { formatFixed, formatLevel, formatPercent, formatPersons, formatProbability, formatSigned, formatSignedPercent, INDICATOR_FORMAT } from '../../report/format.js';
import { frontierSpec } from '../../report/frontier.js';
import type { Verdict } from '../../report/html.js';
import { simulationFan } from '../../report/fan.js';
import { pyramidSpec } from '../../report/pyramid.js';
import type { Table } from '../../report/table.js';
import { trajectorySpec } from '../../report/trajectory.js';
import { persons, toCsv, type CsvValue } from '../csv.js';
import { buildReportHtml, jsonText, VERSION, type CommandResult, type Format, type Progress, type ReportHtml } from '../output.js';
import type { YingkouOutput } from '../outputSchemas.js';
import { indicatorRows, periodTable } from '../tables.js';

export interface YingkouArgs {
  format: Format;
  out?: string;
  /** Width of answers 1–7: 5 (default) or 1 (single years, annual steps); the year-by-year section is annual either way. */
  width?: Width;
}

/**
 * `yingkouReport` driving a progress display through its `onProgress` option (the figures are the
 * same bit for bit with or without it): the bar starts with the simulations of answer 7, whose total
 * the report knows, and is stopped however the run ends.
 */
export function yingkouReportWithProgress(options: Omit<YingkouReportOptions, 'onProgress'>, progress?: Progress): YingkouReport {
  if (!progress) return yingkouReport(options);
  let started = false;
  const onProgress = (done: number, total: number) => {
    if (!started) progress.start(total);
    started = true;
    progress.update(done);
  };
  try {
    return yingkouReport({ ...options, onProgress });
  } finally {
    if (started) progress.stop();
  }
}

/** `ccmpp yingkou`: the Yingkou report (issue 4) — is 2.6 million reachable by 2030? A progress bar (`progress`) follows its simulations. */
export async function yingkouCommand(args: YingkouArgs, progress?: Progress): Promise<CommandResult> {
  const r = yingkouReportWithProgress(args.width === undefined ? {} : { width: args.width }, progress);
  const verdicts = yingkouVerdicts(r);
  const doc = yingkouJson(r, verdicts.map((v) => v.text));
  const json = jsonText(doc);
  const csv = yingkouCsv(r);
  const stdout = args.format === 'json' ? json : args.format === 'csv' ? csv : formatYingkouReport(r);
  const files =
    args.out === undefined
      ? []
      : [
          { name: 'yingkou.json', content: json },
          { name: 'yingkou.csv', content: csv },
          { name: 'yingkou.txt', content: formatYingkouReport(r) },
          { name: 'report.html', ...(await yingkouHtml(r, verdicts)) },
        ];
  return { stdout, files };
}

const M = (x: number) => formatPersons(x);

/** The answers of issue 4 §3, one plain sentence each, with their numbers. */
function yingkouVerdicts(r: YingkouReport): Verdict[] {
  const out: Verdict[] = [];
  const [v2020, v2030] = r.planAlone.verdicts as [YingkouReport['planAlone']['verdicts'][number], YingkouReport['planAlone']['verdicts'][number]];
  const short = (v: typeof v2020) => (v.reached ? `reaching the target of ${M(v.target)} (${formatSigned(v.gap)})` : `${M(-v.gap)} short of ${M(v.target)}`);
  out.push({
    text: `(1) Under the plan's own fertility and life-expectancy targets and no migration, Yingkou has ${M(v2020.projected)} residents in 2020 (${short(v2020)}) and ${M(v2030.projected)} in 2030 (${short(v2030)}).`,
    tone: v2020.reached && v2030.reached ? 'reached' : 'missed',
  });
  const mig = r.requiredMigration.map((m) => `${m.target.year}: ${m.netPerYear.status === 'reachable' ? `${formatSigned(m.netPerYear.value)} a year` : `out of reach within the bounds (best ${M(m.netPerYear.achieved)})`}`);
  out.push({ text: `(2) The constant net migration from 2015 that reaches each target — ${mig.join('; ')}.` });
  const goal = r.targets[r.targets.length - 1]!;
  out.push({ text: `(3) ${tfrSentence(r.requiredTfr2030, `From ${r.base2015.year} with no migration`, goal, valueAt(r.planPaths.tfr, goal.year))}` });
  const f = r.frontier;
  const reach = f.filter((p) => p.netPerYear.status === 'reachable');
  if (reach.length > 0) {
    const lo = reach[0]!;
    const hi = reach[reach.length - 1]!;
    out.push({
      text: `(4) Even at a 2030 TFR of ${formatFixed(hi.tfr, 1)}, reaching ${M(goal.population)} takes ${formatSigned((hi.netPerYear as { value: number }).value)} net migrants a year from 2015; at ${formatFixed(lo.tfr, 1)}, ${formatSigned((lo.netPerYear as { value: number }).value)}.`,
    });
  }
  const c = r.change.planAlone;
  const y2030 = r.planAlone.trajectory.projection.indicators.years.at(-1)!;
  out.push({
    text: `(5) Without migration, 2015–2030 brings ${M(c.births)} births and ${M(c.deaths)} deaths (natural increase ${formatSigned(c.naturalIncrease)}); by 2030, ${formatPercent(y2030.share60plus)} of residents are 60+. The urban-share target needs a URGD of ${formatFixed(r.change.urbanization.needed2015to2030, 4)} a year against ${formatFixed(r.change.urbanization.observed2010to2015, 4)} observed 2010–2015.`,
  });
  const k = r.census;
  const implied = k.impliedNetMigration;
  out.push({
    text: `(6) The 2020 census counted ${M(k.census2020)} residents, ${k.census2020 >= k.target2020 ? `${M(k.census2020 - k.target2020)} above` : `${M(k.target2020 - k.census2020)} below`} the 2020 target${implied.status === 'reachable' ? `; under the plan's fertility and mortality that implies a net migration of ${formatSigned(implied.value)} a year over 2015–2020` : ''}.`,
    tone: k.census2020 >= k.target2020 ? 'reached' : 'missed',
  });
  const g = k.from2020;
  out.push({
    text: `From the census, the plan's paths give ${M(g.planAlone.verdict.projected)} in 2030 without migration; ${M(goal.population)} would take ${g.requiredMigration.status === 'reachable' ? `${formatSigned(g.requiredMigration.value)} net migrants a year 2020–2030` : 'more migration than the bounds searched'}, or — without migration — ${g.requiredTfr2030.status === 'reachable' ? `a 2030 TFR of ${formatFixed(g.requiredTfr2030.value, 2)}` : `more than a 2030 TFR of ${formatFixed(g.requiredTfr2030.bound, 1)} gives`}.`,
    tone: g.planAlone.verdict.reached ? 'reached' : 'missed',
  });
  const u = r.uncertainty;
  const [plan, withMigration] = u.runs;
  if (plan) {
    const last = r.targets[r.targets.length - 1]!;
    const others = r.targets.slice(0, -1).map((t) => `${M(t.population)} in ${t.year} with ${probabilityText(probabilityOf(plan, t))}`);
    const pLast = probabilityOf(plan, last);
    let text = `(7) With fertility and life expectancy random as in the UN's probabilistic projections and migration held fixed (the default uncertainty, ${u.trajectories.toLocaleString('en-US')} simulated trajectories, seed ${u.seed}; the intervals are the Monte Carlo error), the plan's own assumptions without migration reach ${M(last.population)} by ${last.year} with a probability of ${probabilityText(pLast)}${others.length ? `, and ${others.join(', ')}` : ''}.`;
    if (withMigration) {
      const p = probabilityOf(withMigration, last);
      const m = r.requiredMigration.find((q) => q.target.year === last.year)?.netPerYear;
      const net = m?.status === 'reachable' ? `the ${formatSigned(m.value)} net migrants a year of answer (2)` : 'the migration of answer (2)';
      text += ` With ${net}, P(${M(last.population)} by ${last.year}) = ${probabilityText(p)} — about 50 % by construction, not a finding: that migration was solved to put the projection on the target.`;
    }
    out.push({ text, tone: pLast.p >= 0.5 ? 'reached' : 'missed' });
  }
  return out;
}

/** The probability a simulated scenario gives a target (computed for every plan target). */
function probabilityOf(run: SimulatedTrajectory, t: Target): TargetProbability {
  const p = run.probabilities.find((q) => q.year === t.year && q.population === t.population);
  if (!p) throw new Error(`no probability of ${t.population} in ${t.year} for ${run.name}`);
  return p;
}

export { formatProbability };

/** "3.5 % (95 % interval 3.4 % to 3.6 %)". */
function probabilityText(p: TargetProbability): string {
  return `${formatProbability(p.p)} (95 % interval ${formatProbability(p.lower)} to ${formatProbability(p.upper)})`;
}

function tfrSentence(r: Settled<number>, what: string, t: Target, planTfr: number): string {
  if (r.status === 'reachable') return `${what}, ${M(t.population)} in ${t.year} takes a ${t.year} TFR of ${formatFixed(r.value, 2)} children per woman (the plan: ${planTfr}).`;
  return `${what}, no ${t.year} TFR up to ${formatFixed(r.bound, 1)} reaches ${M(t.population)}: the most it gives is ${M(r.achieved)}.`;
}

// --- JSON -----------------------------------------------------------------------------------------

function populationJson(p: Population): { year: number; female: number[]; male: number[] } {
  return { year: p.year, female: Array.from(p.female), male: Array.from(p.male) };
}

function trajectoryJson(t: Trajectory) {
  const p = t.projection;
  return {
    name: t.name,
    scenario: t.scenario as Record<string, unknown>,
    years: p.years,
    population: p.years.map((year, i) => ({ year, female: Array.from(p.population[i]!.female), male: Array.from(p.population[i]!.male) })),
    indicators: p.indicators,
  };
}

/** The report as the documented JSON (`ccmpp schema yingkou-output`): projections as indicators and populations. */
function yingkouJson(r: YingkouReport, verdicts: string[]): YingkouOutput {
  const G = r.base2015.female.length;
  const k = r.census;
  return {
    format: 'ccmpp.yingkou/1',
    ccmpp: VERSION,
    openAge: r.openAge,
    width: r.width,
    migrationMethod: { ...r.migrationMethod, flowDifference: { ...r.migrationMethod.flowDifference } },
    ageGroups: [...r.planAlone.trajectory.projection.ageGroups],
    base2015: { ...populationJson(r.base2015), ageGroups: Array.from({ length: G }, (_, i) => ageGroupLabel(i, G)) },
    targets: r.targets,
    planAlone: { trajectory: trajectoryJson(r.planAlone.trajectory), verdicts: r.planAlone.verdicts },
    requiredMigration: r.requiredMigration,
    requiredTfr2030: r.requiredTfr2030,
    frontier: r.frontier,
    change: {
      planAlone: r.change.planAlone,
      planWithMigration: r.change.planWithMigration ? { trajectory: trajectoryJson(r.change.planWithMigration.trajectory), total: r.change.planWithMigration.total } : null,
      urbanization: r.change.urbanization,
    },
    census: {
      census2020: k.census2020,
      target2020: k.target2020,
      projected2020: k.projected2020,
      impliedNetMigration: k.impliedNetMigration,
      groups2020: k.groups2020.map((g) => ({ ...g, margin: { ...g.margin } })),
      rebased2020: populationJson(k.rebased2020),
      from2020: {
        planAlone: { trajectory: trajectoryJson(k.from2020.planAlone.trajectory), verdict: k.from2020.planAlone.verdict },
        impliedMigrationContinued: k.from2020.impliedMigrationContinued
          ? { trajectory: trajectoryJson(k.from2020.impliedMigrationContinued.trajectory), verdict: k.from2020.impliedMigrationContinued.verdict }
          : null,
        requiredMigration: k.from2020.requiredMigration,
        requiredTfr2030: k.from2020.requiredTfr2030,
      },
      yearEnd: k.yearEnd,
    },
    uncertainty: {
      trajectories: r.uncertainty.trajectories,
      seed: r.uncertainty.seed,
      quantileLevels: r.uncertainty.quantileLevels,
      uncertainty: r.uncertainty.uncertainty,
      runs: r.uncertainty.runs.map((run) => ({ name: run.name, scenario: run.scenario as Record<string, unknown>, years: run.years, probabilities: run.probabilities })),
    },
    annual: annualJson(r.annual),
    warnings: r.warnings.map((w) => ({ ...w })),
    verdicts,
  };
}

/** Answer 8 as JSON: the annual run as a trajectory, everything else as computed. */
function annualJson(a: YingkouAnnual): YingkouOutput['annual'] {
  return {
    graduation: a.graduation,
    openAge: a.openAge,
    years: a.years.map((y) => ({ ...y })),
    annual: trajectoryJson({ name: 'plan, no migration, 1×1', scenario: yingkou.scenarios.plan, projection: a.annual }),
    change: a.change,
    requiredMigration2030: a.requiredMigration2030,
    census: { planAlone: { ...a.census.planAlone }, impliedNetMigration: a.census.impliedNetMigration, yearEnd: a.census.yearEnd.map((y) => ({ ...y })) },
  };
}

// --- CSV ------------------------------------------------------------------------------------------

/**
 * Rows of a solve result: `status`, then `value` or `side` and `bound`, then `achieved` (persons). A
 * net migration (`netPerYear`) and its bound are persons, rounded to the unit; a TFR is not.
 */
function solveRows(answer: string, series: string, time: string, name: 'netPerYear' | 'tfr', r: Settled<number>): CsvValue[][] {
  const solved = (x: number) => (name === 'netPerYear' ? persons(x) : x);
  const rows: CsvValue[][] = [[answer, series, time, `${name}.status`, r.status]];
  if (r.status === 'reachable') rows.push([answer, series, time, name, solved(r.value)]);
  else rows.push([answer, series, time, `${name}.side`, r.side], [answer, series, time, `${name}.bound`, solved(r.bound)]);
  rows.push([answer, series, time, `${name}.achieved`, persons(r.achieved)]);
  return rows;
}

function changeRows(answer: string, series: string, c: ChangeComponents): CsvValue[][] {
  const time = `${c.from}-${c.to}`;
  return (['start', 'end', 'change', 'births', 'deaths', 'naturalIncrease', 'netMigrants'] as const).map((key) => [answer, series, time, key, persons(c[key])]);
}

function trajectoryRows(answer: string, t: Trajectory): CsvValue[][] {
  return indicatorRows(t.projection.indicators).map((row) => [answer, t.name, ...row]);
}

/**
 * Answer 6's census comparison: per group the census publishes (series `census group total`,
 * `census group 0–14`, …, time `2020`) the `census` count, the projected 2020 `withImpliedMigration`
 * (omitted when no migration reproduces the census) and `withoutMigration`, and for each projection
 * `difference.<projection>` = census − projected and `relativeDifference.<projection>` = census / projected − 1.
 */
function censusGroupRows(groups: readonly CensusGroupComparison[]): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const g of groups) {
    const series = `census group ${g.label}`;
    rows.push(['6', series, '2020', 'census', persons(g.census)]);
    for (const key of ['withImpliedMigration', 'withoutMigration'] as const) {
      const projected = g[key];
      if (projected === null) continue;
      rows.push(
        ['6', series, '2020', key, persons(projected)],
        ['6', series, '2020', `difference.${key}`, persons(g.census - projected)],
        ['6', series, '2020', `relativeDifference.${key}`, g.census / projected - 1],
      );
    }
  }
  return rows;
}

/**
 * Answer 7: the simulation's settings (series `uncertainty`), then per scenario and year each series'
 * statistics (`total.mean`, `total.q0.025`, …, as `ccmpp simulate` names them) and per target
 * `target`, `p`, `p.lower`, `p.upper`, `p.exact`.
 */
function uncertaintyRows(r: YingkouReport): CsvValue[][] {
  const u = r.uncertainty;
  const rows: CsvValue[][] = [];
  const last = u.runs[0]?.years.at(-1)?.year ?? r.base2015.year;
  const span = `${r.base2015.year}-${last}`;
  rows.push(
    ['7', 'uncertainty', span, 'trajectories', u.trajectories],
    ['7', 'uncertainty', span, 'seed', u.seed],
    ['7', 'uncertainty', span, 'tfr.sigma', u.uncertainty.tfr.sigma],
    ['7', 'uncertainty', span, 'tfr.rho', u.uncertainty.tfr.rho],
    ['7', 'uncertainty', span, 'e0.sigma', u.uncertainty.e0.sigma],
    ['7', 'uncertainty', span, 'migration.sigma', persons(u.uncertainty.migration.sigma)],
  );
  for (const run of u.runs) {
    for (const y of run.years) {
      const time = String(y.year);
      for (const name of SERIES) {
        const s = y[name];
        rows.push(
          ['7', run.name, time, `${name}.deterministic`, persons(s.deterministic)],
          ['7', run.name, time, `${name}.mean`, persons(s.mean)],
          ['7', run.name, time, `${name}.min`, persons(s.min)],
          ['7', run.name, time, `${name}.max`, persons(s.max)],
        );
        u.quantileLevels.forEach((l, i) => rows.push(['7', run.name, time, `${name}.q${l}`, persons(s.quantiles[i]!)]));
        rows.push(['7', run.name, time, `${name}.resolution`, s.resolution]);
      }
    }
    for (const p of run.probabilities) {
      const time = String(p.year);
      rows.push(['7', run.name, time, 'target', persons(p.population)], ['7', run.name, time, 'p', p.p], ['7', run.name, time, 'p.lower', p.lower], ['7', run.name, time, 'p.upper', p.upper], ['7', run.name, time, 'p.exact', p.exact]);
    }
  }
  return rows;
}

/**
 * The report as tidy CSV, one row per indicator: `answer,series,time,indicator,value` — `answer` the
 * number of the question (1–6: issue 4 §3; 7: the uncertainty of issue 5), `series` the scenario or solve, `time` a year or a period,
 * `value` a number at the CSV's precision (persons to the unit: csv.ts), or a status word for solves. Answer 6 has the 2020 census by its groups against
 * the projected 2020 ({@link censusGroupRows}); the migration method of the report is in the JSON.
 */
function yingkouCsv(r: YingkouReport): string {
  const rows: CsvValue[][] = [];
  const plan = r.planAlone.trajectory;
  rows.push(...trajectoryRows('1', plan));
  for (const v of r.planAlone.verdicts) rows.push(['1', plan.name, String(v.year), 'target', persons(v.target)], ['1', plan.name, String(v.year), 'gap', persons(v.gap)], ['1', plan.name, String(v.year), 'reached', v.reached]);
  for (const m of r.requiredMigration) rows.push(...solveRows('2', `target ${m.target.year}`, `2015-${m.target.year}`, 'netPerYear', m.netPerYear));
  rows.push(...solveRows('3', 'no migration', '2030', 'tfr', r.requiredTfr2030));
  for (const f of r.frontier) rows.push(...solveRows('4', `TFR ${f.tfr}`, '2015-2030', 'netPerYear', f.netPerYear));
  rows.push(...changeRows('5', plan.name, r.change.planAlone));
  if (r.change.planWithMigration) {
    rows.push(...changeRows('5', r.change.planWithMigration.trajectory.name, r.change.planWithMigration.total));
    rows.push(...trajectoryRows('5', r.change.planWithMigration.trajectory));
  }
  const u = r.change.urbanization;
  rows.push(
    ['5', 'urban share', '2010-2015', 'urgd.observed', u.observed2010to2015],
    ['5', 'urban share', '2015-2020', 'urgd.needed', u.needed2015to2020],
    ['5', 'urban share', '2015-2030', 'urgd.needed', u.needed2015to2030],
    ['5', 'urban share', '2030', 'share.observedTrend', u.observedTrendIn2030],
  );
  const k = r.census;
  rows.push(['6', 'census', '2020', 'residents', persons(k.census2020)], ['6', 'plan', '2020', 'target', persons(k.target2020)], ['6', plan.name, '2020', 'total', persons(k.projected2020)]);
  rows.push(...solveRows('6', 'census-implied migration', '2015-2020', 'netPerYear', k.impliedNetMigration));
  rows.push(...censusGroupRows(k.groups2020));
  for (const t of [k.from2020.planAlone, k.from2020.impliedMigrationContinued]) {
    if (!t) continue;
    rows.push(...trajectoryRows('6', t.trajectory));
    rows.push(['6', t.trajectory.name, '2030', 'target', persons(t.verdict.target)], ['6', t.trajectory.name, '2030', 'gap', persons(t.verdict.gap)], ['6', t.trajectory.name, '2030', 'reached', t.verdict.reached]);
  }
  rows.push(...solveRows('6', 'from the 2020 census', '2020-2030', 'netPerYear', k.from2020.requiredMigration));
  rows.push(...solveRows('6', 'from the 2020 census, no migration', '2030', 'tfr', k.from2020.requiredTfr2030));
  for (const [y, v] of Object.entries(k.yearEnd)) rows.push(['6', 'year-end residents', y, 'residents', persons(v)]);
  rows.push(...uncertaintyRows(r));
  rows.push(...annualRows(r.annual));
  return toCsv(['answer', 'series', 'time', 'indicator', 'value'], rows);
}

/**
 * Answer 8, year by year: the annual (1×1) run's indicators every year (series `plan, no migration,
 * 1×1`), the census at its date against the run (time `2020-11-01`), the census-implied net migration
 * on the annual grid (at the census date, at year-end 2020) and the year-end figures against the run
 * with that migration continued.
 */
function annualRows(a: YingkouAnnual): CsvValue[][] {
  const name = 'plan, no migration, 1×1';
  const rows: CsvValue[][] = indicatorRows(a.annual.indicators).map((row) => ['8', name, ...row]);
  const c = a.census;
  rows.push(['8', 'census', c.planAlone.date, 'residents', persons(c.planAlone.observed)], ['8', name, c.planAlone.date, 'total', persons(c.planAlone.projected)]);
  rows.push(...solveRows('8', 'census-implied migration, 1×1, at the census date', `2015-${c.planAlone.date}`, 'netPerYear', c.impliedNetMigration.atCensusDate));
  rows.push(...solveRows('8', 'census-implied migration, 1×1, census as year-end 2020', '2015-2020', 'netPerYear', c.impliedNetMigration.atYearEnd2020));
  for (const y of c.yearEnd) {
    rows.push(['8', 'year-end residents', String(y.year), 'residents', persons(y.observed)]);
    if (y.projected !== null) rows.push(['8', 'census-implied migration continued, 1×1', String(y.year), 'total', persons(y.projected)]);
  }
  rows.push(...solveRows('8', 'target 2030, 1×1', '2015-2030', 'netPerYear', a.requiredMigration2030.annual));
  return rows;
}

// --- report.html ----------------------------------------------------------------------------------


function solveCell(r: Settled<number>, fmt: (x: number) => string): string {
  return r.status === 'reachable' ? fmt(r.value) : `${r.side === 'above' ? '>' : '<'} ${fmt(r.bound)} (out of reach)`;
}

async function yingkouHtml(r: YingkouReport, verdicts: Verdict[]): Promise<ReportHtml> {
  const plan = r.planAlone.trajectory.projection;
  const k = r.census;
  const targetOf = (year: number) => r.targets.find((t) => t.year === year)?.population;
  const target2030 = r.targets[r.targets.length - 1]!.population;
  const series = [r.planAlone.trajectory, r.change.planWithMigration?.trajectory, k.from2020.planAlone.trajectory, k.from2020.impliedMigrationContinued?.trajectory]
    .filter((t): t is Trajectory => t !== undefined)
    .map((t) => ({ name: t.name, projection: t.projection }));
  const observed = [
    { year: 2010, population: yingkou.census2010.residents, label: 'census 2010', labelPosition: 'right' as const },
    { year: 2020, population: k.census2020, label: 'census 2020', labelPosition: 'left' as const },
    ...Object.entries(k.yearEnd).map(([y, v]) => ({ year: Number(y), population: v, label: `year-end ${y}`, labelPosition: 'right' as const })),
  ];
  const sim = r.uncertainty;
  const planRun = sim.runs[0];
  const fan = planRun ? simulationFan({ quantileLevels: sim.quantileLevels, years: planRun.years }) : undefined;
  const trajectory = trajectorySpec(
    { series, targets: r.targets.map((t) => ({ ...t, label: `target ${formatPersons(t.population)}` })), observed, ...(fan ? { fan } : {}) },
    { title: 'Yingkou residents: projections, the plan’s targets, the censuses', width: 640, height: 360 },
  );
  const years: Table = {
    title: "The plan's fertility and mortality, no migration: years against the plan's targets",
    columns: [
      { key: 'year', label: 'year' },
      { key: 'total', label: 'projected', format: 'persons' },
      { key: 'target', label: 'plan target', format: 'persons' },
      { key: 'gap', label: 'gap', format: 'signed' },
      { key: 'share60plus', label: '60+ share', format: INDICATOR_FORMAT.share60plus },
      { key: 'oldAgeDependency', label: '65+/15-64', format: INDICATOR_FORMAT.oldAgeDependency },
      { key: 'medianAge', label: 'median age', format: INDICATOR_FORMAT.medianAge },
    ],
    rows: plan.indicators.years.map((y) => {
      const target = targetOf(y.year);
      return { year: String(y.year), total: y.total, target: target ?? (y.year === r.base2015.year ? yingkou.plan.residents['2015'] : null), gap: target === undefined ? null : y.total - target, share60plus: y.share60plus, oldAgeDependency: y.oldAgeDependency, medianAge: y.medianAge };
    }),
  };
  const migration: Table = {
    title: 'Constant net migration from 2015 that reaches each target',
    columns: [
      { key: 'target', label: 'target' },
      { key: 'net', label: 'net migration a year', format: 'signed' },
      { key: 'achieved', label: 'projected', format: 'persons' },
    ],
    rows: r.requiredMigration.map((m) => ({ target: `${formatPersons(m.target.population)} in ${m.target.year}`, net: solveCell(m.netPerYear, formatSigned), achieved: m.netPerYear.achieved })),
  };
  const frontier: Table = {
    title: `Frontier: net migration a year (2015–2030) that reaches ${formatPersons(target2030)} in 2030, by 2030 TFR`,
    columns: [
      { key: 'tfr', label: '2030 TFR' },
      { key: 'net', label: 'net migration a year', format: 'signed' },
    ],
    rows: r.frontier.map((f) => ({ tfr: formatFixed(f.tfr, 1), net: solveCell(f.netPerYear, formatSigned) })),
  };
  const comp = (name: string, c: ChangeComponents) => ({ series: name, change: c.change, births: c.births, deaths: -c.deaths, natural: c.naturalIncrease, net: c.netMigrants });
  const change: Table = {
    title: 'Components of change 2015–2030',
    columns: [
      { key: 'series', label: 'scenario' },
      { key: 'change', label: 'change', format: 'signed' },
      { key: 'births', label: 'births', format: 'signed' },
      { key: 'deaths', label: 'deaths', format: 'signed' },
      { key: 'natural', label: 'natural increase', format: 'signed' },
      { key: 'net', label: 'net migration', format: 'signed' },
    ],
    rows: [comp(r.planAlone.trajectory.name, r.change.planAlone), ...(r.change.planWithMigration ? [comp(r.change.planWithMigration.trajectory.name, r.change.planWithMigration.total)] : [])],
    note: 'change = natural increase + net migration, exactly (the balancing identity).',
  };
  const u = r.change.urbanization;
  const urban0 = yingkou.plan.urban;
  const urbanShare = yingkou.plan.targets.urbanShare;
  const urban: Table = {
    title: 'Urbanisation: urban–rural growth difference (URGD), UN method',
    columns: [
      { key: 'what', label: '' },
      { key: 'value', label: 'URGD a year', format: 'fixed2' }, // preformatted cells, aligned as numbers
    ],
    rows: [
      { what: `observed 2010–2015 (${formatPercent(urban0.share2015 - urban0.gainSince2010, 2)} → ${formatPercent(urban0.share2015, 2)})`, value: formatFixed(u.observed2010to2015, 4) },
      { what: `needed 2015–2020 (→ ${formatLevel(urbanShare[1]!, 2)})`, value: formatFixed(u.needed2015to2020, 4) },
      { what: `needed 2015–2030 (→ ${formatLevel(urbanShare[2]!, 2)})`, value: formatFixed(u.needed2015to2030, 4) },
      { what: `2010–2015 pace continued: urban share in 2030`, value: formatPercent(u.observedTrendIn2030, 1) },
    ],
  };
  const g = k.from2020;
  const census: Table = {
    title: 'From the 2020 census to 2030',
    columns: [
      { key: 'what', label: '' },
      { key: 'value', label: 'value', format: 'persons' },
    ],
    rows: [
      { what: 'census 2020 (1 November)', value: k.census2020 },
      { what: "plan's 2020 target", value: k.target2020 },
      { what: "plan's own projection for 2020, no migration", value: k.projected2020 },
      { what: 'net migration a year 2015–2020 implied by the census', value: solveCell(k.impliedNetMigration, formatSigned) },
      { what: '2030, rebased, plan without migration', value: g.planAlone.verdict.projected },
      ...(g.impliedMigrationContinued ? [{ what: '2030, rebased, census-implied migration continued', value: g.impliedMigrationContinued.verdict.projected }] : []),
      { what: `net migration a year 2020–2030 reaching ${formatPersons(target2030)}`, value: solveCell(g.requiredMigration, formatSigned) },
      { what: `2030 TFR reaching ${formatPersons(target2030)} without migration`, value: solveCell(g.requiredTfr2030, (x) => formatFixed(x, 2)) },
    ],
  };
  // Census − projected, with its share of the projection.
  const diff = (census: number, projected: number | null) => (projected === null ? null : census - projected);
  const rel = (census: number, projected: number | null) => (projected === null ? null : formatSignedPercent(census / projected - 1));
  const groups: Table = {
    title: 'The 2020 census by the groups it publishes, against the projected 2020',
    columns: [
      { key: 'group', label: 'group' },
      { key: 'census', label: 'census', format: 'persons' },
      { key: 'implied', label: 'census-implied migration', format: 'persons' },
      { key: 'impliedDiff', label: 'difference', format: 'signed' },
      { key: 'impliedRel', label: '%', format: 'percent1' }, // preformatted with its sign, aligned as numbers
      { key: 'none', label: 'no migration', format: 'persons' },
      { key: 'noneDiff', label: 'difference', format: 'signed' },
      { key: 'noneRel', label: '%', format: 'percent1' },
    ],
    rows: k.groups2020.map((g) => ({
      group: g.label,
      census: g.census,
      implied: g.withImpliedMigration ?? 'unreachable',
      impliedDiff: diff(g.census, g.withImpliedMigration),
      impliedRel: rel(g.census, g.withImpliedMigration),
      none: g.withoutMigration,
      noneDiff: diff(g.census, g.withoutMigration),
      noneRel: rel(g.census, g.withoutMigration),
    })),
    note: `Projected 2020 under the plan's fertility and mortality from the estimated 2015 base; difference: census − projected, and as a share of the projected. ${censusComparisonText(k.groups2020).join(' ')}`,
  };
  const probabilities: Table = {
    title: 'Probability of reaching the plan’s targets (Monte Carlo, default uncertainty)',
    columns: [
      { key: 'scenario', label: 'scenario' },
      { key: 'target', label: 'target' },
      { key: 'p', label: 'P(total ≥ target)', format: 'percent1' }, // preformatted: small probabilities keep 2 significant digits
      { key: 'interval', label: '95 % interval', format: 'percent1' },
    ],
    rows: sim.runs.flatMap((run) =>
      run.probabilities.map((p) => ({ scenario: run.name, target: `${formatPersons(p.population)} in ${p.year}`, p: formatProbability(p.p), interval: `${formatProbability(p.lower)} – ${formatProbability(p.upper)}` })),
    ),
    note: 'The interval is the 95 % Wilson interval of the Monte Carlo error: how far the estimate may be from the probability the model gives, not the uncertainty of the population itself.',
  };
  const levels = sim.quantileLevels;
  const quantiles: Table = {
    title: 'Simulated totals: quantiles over the trajectories',
    columns: [
      { key: 'scenario', label: 'scenario' },
      { key: 'year', label: 'year' },
      { key: 'deterministic', label: 'projection', format: 'persons' },
      ...levels.map((l, i) => ({ key: `q${i}`, label: formatLevel(l, 2), format: 'persons' as const })),
    ],
    rows: sim.runs.flatMap((run) =>
      run.years.map((y) => {
        const row: Table['rows'][number] = { scenario: run.name, year: String(y.year), deterministic: y.total.deterministic };
        y.total.quantiles.forEach((v, i) => (row[`q${i}`] = v));
        return row;
      }),
    ),
  };
  const uu = sim.uncertainty;
  const plan2015 = yingkou.plan;
  const pyramid = pyramidSpec(plan, [2015, 2030], { title: "Yingkou, 2015 (estimated) and 2030 under the plan's paths, no migration" });
  const a = r.annual;
  const annualPyramid = pyramidSpec(a.annual, [2015, 2030], { title: 'Yingkou by single year of age, 2015 (graduated) and 2030, annual run, no migration' });
  const annualYears: Table = {
    title: "Year by year: the plan's fertility and mortality on single years of age in annual steps (1×1), against the 5-year run (5×5)",
    columns: [
      { key: 'year', label: 'year' },
      { key: 'annual', label: '1×1', format: 'persons' },
      { key: 'fiveYear', label: '5×5', format: 'persons' },
      { key: 'target', label: 'plan target', format: 'persons' },
      { key: 'gap', label: 'gap (1×1)', format: 'signed' },
    ],
    rows: a.years.map((y) => ({
      year: String(y.year),
      annual: y.total,
      fiveYear: y.fiveYear ?? '',
      target: y.target ?? '',
      gap: y.target === null || y.year === a.years[0]!.year ? '' : y.total - y.target,
    })),
  };
  const ac = a.census;
  const annualChecks: Table = {
    title: 'The census at its date and the year-end figures, on the annual grid',
    columns: [
      { key: 'what', label: '' },
      { key: 'value', label: 'value', format: 'persons' },
    ],
    rows: [
      { what: `census (${ac.planAlone.date})`, value: ac.planAlone.observed },
      { what: `plan, no migration, at ${ac.planAlone.date} (${formatFixed(ac.planAlone.years, 2)} years after year-end 2015)`, value: ac.planAlone.projected },
      { what: 'census-implied net migration a year, to the census date', value: solveCell(ac.impliedNetMigration.atCensusDate, formatSigned) },
      { what: 'census-implied net migration a year, census taken as year-end 2020', value: solveCell(ac.impliedNetMigration.atYearEnd2020, formatSigned) },
      { what: 'census-implied net migration a year, 5-year grid', value: solveCell(ac.impliedNetMigration.fiveYear, formatSigned) },
      ...ac.yearEnd.flatMap((y) => [
        { what: `year-end ${y.year}, reported`, value: y.observed },
        ...(y.projected === null ? [] : [{ what: `year-end ${y.year}, census-implied migration continued`, value: y.projected }]),
      ]),
      { what: `net migration a year reaching ${shortMillions(target2030)} in 2030, 1×1`, value: solveCell(a.requiredMigration2030.annual, formatSigned) },
      { what: `net migration a year reaching ${shortMillions(target2030)} in 2030, 5×5`, value: solveCell(a.requiredMigration2030.fiveYear, formatSigned) },
    ],
  };
  const verdict = yingkouVerdict(r);
  const ut = uncertaintyText(uu, "the plan's");
  return buildReportHtml({
    title: `Yingkou 2030: is ${shortMillions(target2030)} reachable?`,
    subtitle: "Yingkou Population Development Plan (2016–2030) against its own assumptions and the 2020 census — computed by ccmpp",
    summary: [
      { text: `Verdict: ${verdict.reached ? 'yes' : 'no'}. ${verdict.text}`, tone: verdict.reached ? 'reached' : 'missed' },
      ...r.warnings.map((w) => ({ text: `Flagged: ${w.message}.`, tone: 'missed' as const })),
      ...verdicts,
    ],
    sections: [
      {
        heading: 'The picture',
        charts: [
          {
            title: 'Trajectories against the targets',
            spec: trajectory,
            caption: `${trajectoryCaption(trajectory, planRun ? { fan: `${sim.trajectories.toLocaleString('en-US')} simulated trajectories of “${planRun.name}” under the default uncertainty (section 7)` } : {})} The lines run from 2015 and, rebased, from the 2020 census; the dots are the censuses and year-end estimates.`,
          },
          { title: 'Population pyramid', spec: pyramid, caption: `${pyramidCaption(pyramid, [2015, 2030])} The 2015 base is an estimate: the UN WPP 2019 China 2015 shape fitted to the plan’s three age groups.` },
        ],
      },
      { heading: "1. The plan's own assumptions, no migration", verdicts: [verdicts[0]!], tables: [years, periodTable(plan.indicators.periods)] },
      { heading: '2. Migration that would reach the targets', verdicts: [verdicts[1]!], tables: [migration] },
      { heading: '3. Fertility alone', verdicts: [verdicts[2]!] },
      {
        heading: '4. Fertility against migration',
        ...(verdicts[3] && r.frontier.some((f) => f.netPerYear.status === 'reachable') ? { verdicts: [verdicts[3]] } : {}),
        charts: [{ title: 'Feasibility frontier', spec: frontierSpec(r.frontier, { target: r.targets[r.targets.length - 1]! }) }],
        tables: [frontier],
      },
      { heading: '5. Components of change, ageing, urbanisation', verdicts: verdicts.filter((v) => v.text.startsWith('(5)')), tables: [change, urban] },
      { heading: '6. Reality check: the 2020 census', verdicts: verdicts.filter((v) => v.text.startsWith('(6)') || v.text.startsWith('From the census')), tables: [census, groups] },
      {
        heading: '7. Uncertainty: the probability of reaching the targets',
        verdicts: verdicts.filter((v) => v.text.startsWith('(7)')),
        tables: [probabilities, quantiles],
        notes: [
          ut.tfr,
          ut.e0,
          `${ut.migration} ${sim.trajectories.toLocaleString('en-US')} trajectories per scenario, seed ${sim.seed}: the same seed gives the same figures.`,
          monteCarloText(sim.trajectories),
        ],
      },
      {
        heading: '8. Year by year, on single years of age',
        tables: [annualYears, annualChecks],
        charts: [{ title: 'Population pyramid by single year of age', spec: annualPyramid, caption: pyramidCaption(annualPyramid, [2015, 2030]) }],
        notes: annualSentences(a),
      },
      {
        heading: 'Assumptions and sources',
        notes: [
          `Base 2015: ${formatPersons(plan2015.residents['2015'])} residents (plan, year-end). The plan gives no age–sex table: the UN WPP 2019 China 2015 shape is fitted to its 0–14 / 15–59 / 60+ (${formatPersons(plan2015.ageGroups2015['0-14'])} / ${formatPersons(plan2015.ageGroups2015['15-59'])} / ${formatPersons(plan2015.ageGroups2015['60+'])}) by iterative proportional fitting — an estimate.`,
          `Plan (Table 1): TFR ${plan2015.targets.tfr.join(' → ')} (2015, 2020, 2030); life expectancy ${plan2015.targets.lifeExpectancy.join(' → ')}, split by sex with a ${pathValuesText(r.planPaths.sexGap)}-year gap; SRB ${pathValuesText(r.planPaths.srb)}; the UN WPP 2019 China fertility pattern; log-quadratic mortality (Wilmoth et al. 2012).`,
          `${migrationMethodText(r.migrationMethod)} ${r.width === 1 ? 'Annual cohort-component steps on single years of age' : '5-year cohort-component steps'}, open age ${r.openAge}+.`,
          'The census is dated 1 November 2020; the plan’s 2015 figure is year-end: 4.8 years apart, treated as one 5-year period in sections 1–7 (section 8 compares at the census date).',
          `Sources: ${plan2015.source}; ${yingkou.census2010.source}; ${yingkou.census2020.source}; ${yingkou.yearEnd.source}`,
        ],
      },
    ],
  });
}
