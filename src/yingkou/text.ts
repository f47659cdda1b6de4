import { formatFixed, formatLevel, formatPercent, formatPersons, formatProbabilityDecimal, formatSigned, formatSignedPercent } from '../report/format.js';
import { alignedLines } from '../report/table.js';
import type { Settled } from '../solve/result.js';
import type { CensusGroupComparison, MigrationMethod, YingkouReport } from './report.js';
import { yingkou } from './data.js';

const int = formatPersons;
const signed = formatSigned;
const pct = formatPercent;
const fixed = formatFixed;
const millions = (x: number) => `${(x / 1e6).toFixed(3)} million`;
const prob = formatProbabilityDecimal;

/** A table of text cells, indented by 3 spaces: the first column left-aligned, the others right-aligned. */
function table(header: string[], rows: string[][]): string {
  return alignedLines(header, rows, header.map((_, j) => j > 0))
    .map((l) => `   ${l}`)
    .join('\n');
}

function migrationSentence(r: Settled<number>, what: string): string {
  if (r.status === 'reachable') {
    const v = r.value;
    return `${what} needs a constant net migration of ${signed(v)} persons a year (${v >= 0 ? 'in' : 'out'}-migration; projected ${int(r.achieved)}).`;
  }
  return `${what} is out of reach within the searched net migration: the ${r.side === 'above' ? 'most' : 'least'} it gives is ${int(r.achieved)} at ${signed(r.bound)} a year.`;
}

function tfrSentence(r: Settled<number>, what: string): string {
  if (r.status === 'reachable') return `${what} needs a 2030 TFR of ${fixed(r.value, 2)} children per woman (projected ${int(r.achieved)}).`;
  return `${what} cannot be reached by fertility alone within TFR ≤ ${fixed(r.bound, 1)}: the most it gives is ${int(r.achieved)}.`;
}

/** Width the report's prose is wrapped to (tables and table-like lines are not wrapped). */
const WIDTH = 120;

/**
 * A paragraph as lines of at most {@link WIDTH} characters (a longer word stays whole), each indented
 * by 3 spaces. A per cent sign stays with its number (`-2.7 %`).
 */
function wrap(text: string, indent = '   '): string[] {
  const words: string[] = [];
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (w.startsWith('%') && words.length) words[words.length - 1] += ` ${w}`;
    else words.push(w);
  }
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}



/** "a", "a and b", "a, b and c". */
const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/**
 * The migration method as one sentence, from its actual values: the Flow-Difference parameters, the
 * in-migrant profile, the out-migration rates and the timing.
 */
export function migrationMethodText(m: MigrationMethod): string {
  const { beta0, beta1, m: min } = m.flowDifference;
  const none = beta0 === 0 && beta1 === 0 && min === 0;
  const params = none ? 'β0 = β1 = m = 0' : `β0 = ${beta0}, β1 = ${beta1}, m = ${min}`;
  const women = m.femaleShare === 0.5 ? 'half women' : `${pct(m.femaleShare)} women`;
  const profile = m.inProfile === 'rogers-castro' ? `the Rogers–Castro age profile (standard parameters; ${women})` : `the scenario's age profile (${women})`;
  const rates = m.outSchedule === 'rogers-castro' ? 'Rogers–Castro rates (standard parameters)' : "the scenario's out-migration rates";
  const timing =
    m.startShare === 0.5
      ? "half of each period's migrants move at its start and half at its end"
      : m.startShare === 0
        ? "all of each period's migrants move at its end"
        : `${pct(m.startShare)} of each period's migrants move at its start and the rest at its end`;
  const flows = none
    ? `so net in-migrants are all in-migrants, arriving by ${profile}, and net out-migrants all out-migrants, leaving in proportion to ${rates} × the people present`
    : `so that in-migrants IM = max(β0·P + β1·N, m·P, m·P + N) a year (N the net figure, P the population) arrive by ${profile}, and out-migrants IM − N leave in proportion to ${rates} × the people present`;
  return `Migration: net figures are turned into gross flows by the Flow-Difference Method (Ševčíková, Raymer & Raftery 2024) with ${params}, ${flows}; ${timing}.`;
}

/** A census group compared with a projection. */
interface GroupDifference {
  label: string;
  census: number;
  projected: number;
}

/** Census − projected, rounded to the person: the sign the sentences follow. */
const roundedDiff = (g: GroupDifference) => Math.round(g.census - g.projected);

/**
 * Where the census has more and fewer people than a projection, with the differences: for ages
 * "more people aged 0–14 (+24,320, +9.9 %) and fewer aged 15–59 (…)", for the sexes "more women
 * (…) and fewer men (…)". The direction of each group is the sign of its rounded difference
 * (census − projected).
 */
function differenceClause(groups: readonly GroupDifference[], kind: 'ages' | 'sexes'): string {
  const name = (g: GroupDifference) => (kind === 'sexes' ? (g.label === 'female' ? 'women' : g.label === 'male' ? 'men' : g.label) : g.label);
  const item = (g: GroupDifference) => `${name(g)} (${signed(g.census - g.projected)}, ${formatSignedPercent(g.census / g.projected - 1)})`;
  const parts: string[] = [];
  const more = groups.filter((g) => roundedDiff(g) > 0);
  const fewer = groups.filter((g) => roundedDiff(g) < 0);
  const same = groups.filter((g) => roundedDiff(g) === 0);
  const lead = (first: boolean) => (kind === 'ages' ? (first ? 'people aged ' : 'aged ') : '');
  if (more.length) parts.push(`more ${lead(parts.length === 0)}${list(more.map(item))}`);
  if (fewer.length) parts.push(`fewer ${lead(parts.length === 0)}${list(fewer.map(item))}`);
  if (same.length) parts.push(`as many ${lead(parts.length === 0)}${list(same.map(name))}`);
  return list(parts);
}

/**
 * The sentences beside the census table: where the census differs from the projection with the
 * census-implied migration (the same total) and from the one without migration, and which of the
 * broad age groups 0–14, 15–59, 60+ carries most of the difference from the latter. Every direction
 * is computed from the numbers.
 */
export function censusComparisonText(groups: readonly CensusGroupComparison[]): string[] {
  const isSex = (label: string) => label === 'female' || label === 'male';
  const of = (which: 'withImpliedMigration' | 'withoutMigration'): GroupDifference[] =>
    groups.flatMap((g) => {
      const projected = g[which];
      return g.label === 'total' || projected === null ? [] : [{ label: g.label, census: g.census, projected }];
    });
  const sentence = (gs: GroupDifference[]) => {
    const ages = gs.filter((g) => !isSex(g.label));
    const d = (label: string) => ages.find((g) => g.label === label);
    const [g60, g65] = [d('60+'), d('65+')];
    // 60–64 = 60+ minus 65+: named when the two differ in direction.
    let split = '';
    if (g60 && g65 && Math.sign(roundedDiff(g60)) !== Math.sign(roundedDiff(g65))) {
      const d6064 = g60.census - g65.census - (g60.projected - g65.projected);
      split = `, so ${d6064 > 0 ? 'more' : 'fewer'} aged 60–64 (${signed(d6064)})`;
    }
    return [differenceClause(ages, 'ages') + split, differenceClause(gs.filter((g) => isSex(g.label)), 'sexes')].filter(Boolean).join('; ');
  };
  const out: string[] = [];
  const implied = of('withImpliedMigration');
  if (implied.length) out.push(`Against the projection with the census-implied migration, which matches the census total, the census has ${sentence(implied)}.`);
  const without = of('withoutMigration');
  const total = groups.find((g) => g.label === 'total');
  let gap = '';
  if (total) {
    const totalGap = total.census - total.withoutMigration;
    const broad = without.filter((g) => g.label === '0–14' || g.label === '15–59' || g.label === '60+');
    const main = broad.reduce<GroupDifference | undefined>((a, g) => (a && Math.abs(a.census - a.projected) >= Math.abs(g.census - g.projected) ? a : g), undefined);
    if (main && Math.round(totalGap) !== 0)
      gap = `; of the total difference of ${signed(totalGap)}, ${main.label} accounts for ${signed(main.census - main.projected)} (${Math.round((100 * (main.census - main.projected)) / totalGap)} %)`;
  }
  out.push(`Against the projection without migration, the census has ${sentence(without)}${gap}.`);
  return out;
}

/**
 * The Yingkou report as plain text: the assumptions, a table of years × indicators against the
 * plan's targets, and each answer of issue 4 §3 as a sentence with its numbers (what `npm start`
 * prints).
 *
 * @example
 * console.log(formatYingkouReport(yingkouReport())); // 'ccmpp — Yingkou Population Development Plan 2016–2030: is 2.6 million reachable?\n…'
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
    `   5-year cohort-component steps, open age ${r.openAge}+.`,
    ...wrap(migrationMethodText(r.migrationMethod)),
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
    ...wrap(
      `The 2020 census counted ${int(k.census2020)} residents: ${signed(k.census2020 - k.target2020)} against the plan's 2.45 million, and ${signed(k.census2020 - k.projected2020)} against the plan's own projection without migration (${int(k.projected2020)}).`,
    ),
  );
  const im = k.impliedNetMigration;
  out.push(
    ...wrap(
      im.status === 'reachable'
        ? `Census-implied net migration 2015–2020: ${signed(im.value)} persons a year (${im.value >= 0 ? 'in' : 'out'}-migration; projected ${int(im.achieved)}) — the net migration that, with the plan's fertility and mortality and the estimated base, reproduces the census; it absorbs base-estimate and coverage errors too.`
        : `No constant net migration 2015–2020 within the searched range reproduces the census under the plan's fertility and mortality and the estimated base: the ${im.side === 'above' ? 'most' : 'least'} it gives is ${int(im.achieved)} at ${signed(im.bound)} a year.`,
    ),
  );
  out.push('   The census by the groups it publishes, against the projected 2020 (difference: census − projected):');
  const diffCell = (census: number, projected: number | null) => (projected === null ? '' : `${signed(census - projected)} (${formatSignedPercent(census / projected - 1)})`);
  out.push(
    table(
      ['group', 'census', 'census-implied migration', 'difference', 'no migration', 'difference'],
      k.groups2020.map((g) => [
        g.label,
        int(g.census),
        g.withImpliedMigration === null ? 'unreachable' : int(g.withImpliedMigration),
        diffCell(g.census, g.withImpliedMigration),
        int(g.withoutMigration),
        diffCell(g.census, g.withoutMigration),
      ]),
    ),
  );
  for (const sentence of censusComparisonText(k.groups2020)) out.push(...wrap(sentence));
  const f = k.from2020;
  out.push(...wrap(`Rebased on the census (projected 2020 shape fitted to its 0–14, 15–59, 60+, 65+ and sex totals), from 2020 under the plan's paths:`));
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
  out.push(...wrap(migrationSentence(f.requiredMigration, '2.6 million in 2030 from the 2020 census').replace('constant net migration', 'constant net migration 2020–2030')));
  out.push(...wrap(tfrSentence(f.requiredTfr2030, 'Without migration, 2.6 million in 2030 from the 2020 census')));
  const ye = Object.entries(k.yearEnd).map(([y, v]) => `${int(v)} (${y})`).join(', ');
  out.push(`   Year-end residents since: ${ye} (Liaoning statistics bureau).`, '');

  const u7 = r.uncertainty;
  out.push(`7. Uncertainty: ${int(u7.trajectories)} Monte Carlo trajectories (seed ${u7.seed}), default uncertainty`);
  out.push(
    `   TFR: log-scale AR(1) deviation, σ ${fixed(u7.uncertainty.tfr.sigma, 4)}, ρ ${fixed(u7.uncertainty.tfr.rho, 4)} per period (bayesTFR phase III);`,
    `   e0: random walk, σ ${fixed(u7.uncertainty.e0.sigma, 3)} years per period (Raftery et al. 2013); migration as given (σ ${int(u7.uncertainty.migration.sigma)}).`,
  );
  const levels = u7.quantileLevels.map((q) => formatLevel(q, 1));
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
  const v2030 = r.planAlone.verdicts[1]!;
  const implied = k.impliedNetMigration;
  out.push(
    ...wrap(
      `The plan's own fertility and mortality targets ${v2030.reached ? 'reach' : 'do not reach'} 2.6 million by 2030 (${millions(v2030.projected)}).` +
        (reach.status === 'reachable'
          ? ` Reaching it would take about ${int(Math.abs(reach.value))} net ${reach.value >= 0 ? 'in' : 'out'}-migrants a year from 2015;`
          : ' No constant net migration within the searched range reaches it;') +
        (implied.status === 'reachable'
          ? ` the net migration that reproduces the 2020 census is ${signed(implied.value)} a year 2015–2020 (net ${implied.value >= 0 ? 'in' : 'out'}-migration, absorbing base-estimate and coverage errors too).`
          : ' no constant net migration reproduces the 2020 census.') +
        (f.requiredMigration.status === 'reachable'
          ? ` From the census, reaching 2.6 million would need ${signed(f.requiredMigration.value)} net migrants a year 2020–2030.`
          : '') +
        ` Under the plan's own assumptions, give or take realistic fertility and mortality errors, P(2.6 million by 2030) = ${prob(u7.runs[0]!.probabilities[1]!.p)} (95 % interval ${prob(u7.runs[0]!.probabilities[1]!.lower)} to ${prob(u7.runs[0]!.probabilities[1]!.upper)}).`,
    ),
  );
  return out.join('\n') + '\n';
}
