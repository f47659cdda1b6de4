import { formatFixed, formatPercent, formatPersons, formatSigned } from '../report/format.js';
import type { SolveResult } from '../solve/result.js';
import type { YingkouReport } from './report.js';
import { yingkou } from './data.js';

const int = formatPersons;
const signed = formatSigned;
const pct = formatPercent;
const fixed = formatFixed;
const millions = (x: number) => `${(x / 1e6).toFixed(3)} million`;
/** A probability: 4 decimals, or 2 significant digits when closer to 0 or 1 than 1e-3 (0 and 1 exact). */
const prob = (x: number) => (x === 0 || x === 1 ? String(x) : x < 1e-3 ? x.toExponential(1) : x > 1 - 1e-3 ? `1 − ${(1 - x).toExponential(1)}` : x.toFixed(4));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `   ${l}`).join('\n');
}

function migrationSentence(r: SolveResult<number>, what: string): string {
  if (r.status === 'reachable') {
    const v = r.value;
    return `${what} needs a constant net migration of ${signed(v)} persons a year (${v >= 0 ? 'in' : 'out'}-migration; projected ${int(r.achieved)}).`;
  }
  return `${what} is out of reach within the searched net migration: the ${r.side === 'above' ? 'most' : 'least'} it gives is ${int(r.achieved)} at ${signed(r.bound)} a year.`;
}

function tfrSentence(r: SolveResult<number>, what: string): string {
  if (r.status === 'reachable') return `${what} needs a 2030 TFR of ${fixed(r.value, 2)} children per woman (projected ${int(r.achieved)}).`;
  return `${what} cannot be reached by fertility alone within TFR ≤ ${fixed(r.bound, 1)}: the most it gives is ${int(r.achieved)}.`;
}

/**
 * The Yingkou report as plain text: the assumptions, a table of years × indicators against the
 * plan's targets, and each answer of issue 4 §3 as a sentence with its numbers.
 */
export function formatYingkouReport(r: YingkouReport): string {
  const plan = yingkou.plan;
  const t = plan.targets;
  const targetOf = (year: number) => {
    const i = t.years.indexOf(year);
    return i >= 0 ? t.residents[i] : undefined;
  };
  const out: string[] = [];
  const p = r.planAlone.trajectory.projection;
  out.push('ccmpp — Yingkou Population Development Plan 2016–2030: is 2.6 million reachable?', '');
  out.push('Assumptions');
  out.push(
    `   Base 2015: ${int(plan.residents['2015'])} residents (year-end, plan). The plan gives no age–sex table: the UN WPP 2019`,
    `   China 2015 shape is fitted to the plan's 0–14 / 15–59 / 60+ (${int(plan.ageGroups2015['0-14'])} / ${int(plan.ageGroups2015['15-59'])} / ${int(plan.ageGroups2015['60+'])}) — an estimate.`,
    `   Plan (Table 1): TFR ${t.tfr.join(' → ')} (2015, 2020, 2030); life expectancy ${t.lifeExpectancy.join(' → ')}, split by sex with a`,
    `   4.5-year female–male gap; SRB 107; UN WPP 2019 China fertility pattern; log-quadratic mortality (Wilmoth et al. 2012);`,
    `   Rogers–Castro migration profile, half of each period's migrants at its start; 5-year cohort-component steps, open age ${r.openAge}+.`,
    '',
  );

  out.push("1. The plan's own fertility and mortality, no migration");
  out.push(
    table(
      ['year', 'projected', 'plan target', 'gap', '60+ share', '65+/15–64', 'median age'],
      p.indicators.years.map((y) => {
        const target = targetOf(y.year);
        return [
          String(y.year),
          int(y.total),
          target === undefined ? '' : int(target),
          target === undefined || y.year === 2015 ? '' : signed(y.total - target),
          pct(y.share60plus),
          fixed(y.oldAgeDependency, 3),
          fixed(y.medianAge, 1),
        ];
      }),
    ),
  );
  out.push(
    table(
      ['period', 'TFR', 'e0 (both)', 'births', 'deaths', 'growth %/yr'],
      p.indicators.periods.map((q) => [`${q.from}–${q.to}`, fixed(q.tfr, 3), fixed(q.e0.both, 2), int(q.births), int(q.deaths), fixed(100 * q.growthRate, 2)]),
    ),
  );
  for (const v of r.planAlone.verdicts) {
    out.push(
      `   ${v.reached ? 'Reached' : 'Missed'}: ${v.year} projected ${millions(v.projected)} against a target of ${millions(v.target)} (${signed(v.gap)}).`,
    );
  }
  out.push('');

  out.push('2. Migration that would reach the targets (plan fertility and mortality, constant net migration from 2015)');
  for (const m of r.requiredMigration) out.push(`   ${migrationSentence(m.netPerYear, `${millions(m.target.population)} in ${m.target.year}`)}`);
  out.push('');

  out.push('3. Fertility alone (no migration; the 2030 TFR anchor replaces 1.8, linear from 1.2 in 2020)');
  out.push(`   ${tfrSentence(r.requiredTfr2030, '2.6 million in 2030')}`);
  out.push('');

  out.push('4. Frontier: net migration a year (2015–2030) that reaches 2.6 million in 2030, by 2030 TFR');
  out.push(
    table(
      ['2030 TFR', 'net migration a year'],
      r.frontier.map((f) => [fixed(f.tfr, 1), f.netPerYear.status === 'reachable' ? signed(f.netPerYear.value) : `out of reach (${f.netPerYear.side})`]),
    ),
  );
  out.push('');

  out.push('5. Components of change 2015–2030, ageing, urbanisation');
  const c = r.change;
  const comp = (name: string, x: typeof c.planAlone) =>
    [name, signed(x.change), signed(x.births), signed(-x.deaths), signed(x.naturalIncrease), signed(x.netMigrants)];
  const rows = [comp('plan, no migration', c.planAlone)];
  if (c.planWithMigration) rows.push(comp('plan + migration to 2.6 million', c.planWithMigration.total));
  out.push(table(['2015–2030', 'change', 'births', 'deaths', 'natural increase', 'net migration'], rows));
  const y2030 = p.indicators.years.at(-1)!;
  out.push(
    `   In 2030 under the plan alone, ${pct(y2030.share60plus)} of residents are 60+ (20.1 % in 2015); old-age dependency (65+/15–64) is ${fixed(y2030.oldAgeDependency, 3)}, and 60+ per 15–59 is ${fixed(y2030.ratio60to15_59, 3)}.`,
  );
  if (c.planWithMigration) {
    const y = c.planWithMigration.trajectory.projection.indicators.years.at(-1)!;
    out.push(`   With the migration that reaches 2.6 million: 60+ share ${pct(y.share60plus)}, old-age dependency ${fixed(y.oldAgeDependency, 3)}.`);
  }
  const u = c.urbanization;
  out.push(
    `   Urbanisation (URGD, UN method): observed 2010–2015 ${fixed(u.observed2010to2015, 4)} a year; the plan needs ${fixed(u.needed2015to2020, 4)} a year to 2020`,
    `   (67 %) and ${fixed(u.needed2015to2030, 4)} a year to 2030 (72 %). The observed pace continued would give ${pct(u.observedTrendIn2030)} in 2030: the urban-share`,
    `   target is ${u.needed2015to2030 <= u.observed2010to2015 ? 'within' : 'beyond'} the 2010–2015 trend.`,
    '',
  );

  out.push('6. Reality check: the 2020 census');
  const k = r.census;
  out.push(
    `   The 2020 census counted ${int(k.census2020)} residents: ${signed(k.census2020 - k.target2020)} against the plan's 2.45 million, and ${signed(k.census2020 - k.projected2020)} against the plan's own projection without migration (${int(k.projected2020)}).`,
  );
  out.push(`   ${migrationSentence(k.impliedNetMigration, 'Matching the census under the plan\'s fertility and mortality').replace('needs a constant net migration of', 'implies an average net migration 2015–2020 of')}`);
  const f = k.from2020;
  out.push(`   Rebased on the census (projected 2020 shape fitted to its 0–14, 15–59, 60+, 65+ and sex totals), from 2020 under the plan's paths:`);
  out.push(
    table(
      ['2030 from the 2020 census', 'projected', 'gap to 2.6 million'],
      [
        ['plan, no migration', int(f.planAlone.verdict.projected), signed(f.planAlone.verdict.gap)],
        ...(f.impliedMigrationContinued
          ? [['census-implied migration continued', int(f.impliedMigrationContinued.verdict.projected), signed(f.impliedMigrationContinued.verdict.gap)]]
          : []),
      ],
    ),
  );
  out.push(`   ${migrationSentence(f.requiredMigration, '2.6 million in 2030 from the 2020 census').replace('constant net migration', 'constant net migration 2020–2030')}`);
  out.push(`   ${tfrSentence(f.requiredTfr2030, 'Without migration, 2.6 million in 2030 from the 2020 census')}`);
  const ye = Object.entries(k.yearEnd).map(([y, v]) => `${int(v)} (${y})`).join(', ');
  out.push(`   Year-end residents since: ${ye} (Liaoning statistics bureau).`, '');

  const u7 = r.uncertainty;
  out.push(`7. Uncertainty: ${int(u7.trajectories)} Monte Carlo trajectories (seed ${u7.seed}), default uncertainty`);
  out.push(
    `   TFR: log-scale AR(1) deviation, σ ${fixed(u7.uncertainty.tfr.sigma, 4)}, ρ ${fixed(u7.uncertainty.tfr.rho, 4)} per period (bayesTFR phase III);`,
    `   e0: random walk, σ ${fixed(u7.uncertainty.e0.sigma, 3)} years per period (Raftery et al. 2013); migration as given (σ ${int(u7.uncertainty.migration.sigma)}).`,
  );
  const levels = u7.quantileLevels.map((q) => `${+(100 * q).toFixed(1)} %`);
  out.push(
    table(
      ['scenario', 'target', 'P(reached)', '95 % interval', ...levels.map((l) => `2030 ${l}`)],
      u7.runs.flatMap((run) =>
        run.probabilities.map((pr) => {
          const y = run.years.find((yy) => yy.year === pr.year)!;
          return [
            run.name,
            `${millions(pr.population)} in ${pr.year}`,
            prob(pr.p),
            `[${prob(pr.lower)}, ${prob(pr.upper)}]`,
            ...(pr.year === 2030 ? y.total.quantiles.map(int) : levels.map(() => '')),
          ];
        }),
      ),
    ),
  );
  out.push('');

  const reach = r.requiredMigration[1]!.netPerYear;
  out.push('Verdict');
  out.push(
    `   The plan's own fertility and mortality targets do not reach 2.6 million by 2030 (${millions(r.planAlone.verdicts[1]!.projected)}).` +
      (reach.status === 'reachable' ? ` It would take about ${int(reach.value)} net in-migrants a year from 2015,` : '') +
      ` yet the 2020 census implies net out-migration` +
      (k.impliedNetMigration.status === 'reachable' ? ` of about ${int(-k.impliedNetMigration.value)} a year.` : '.') +
      (f.requiredMigration.status === 'reachable'
        ? ` From the census, reaching 2.6 million would need ${signed(f.requiredMigration.value)} net migrants a year 2020–2030.`
        : '') +
      ` Under the plan's own assumptions, give or take realistic fertility and mortality errors, P(2.6 million by 2030) = ${prob(u7.runs[0]!.probabilities[1]!.p)} (95 % interval ${prob(u7.runs[0]!.probabilities[1]!.lower)} to ${prob(u7.runs[0]!.probabilities[1]!.upper)}).`,
  );
  return out.join('\n') + '\n';
}
