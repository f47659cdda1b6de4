import { formatFixed, formatIndicator, formatLevel, formatPercent, formatPersons, formatProbabilityDecimal, formatSigned, formatSignedPercent } from '../report/format.js';
import { probabilityText, uncertaintyText } from '../report/uncertainty.js';
import { valueAt, type Anchors } from '../scenario/path.js';
import { TARGET_TOLERANCE, type Target } from '../targets/target.js';
import { POST_TRANSITION_TFR_MAX } from '../validate/warnings.js';
import { alignedLines } from '../report/table.js';
import type { Settled } from '../solve/result.js';
import { shortMillions, type CensusGroupComparison, type MigrationMethod, type YingkouReport } from './report.js';
import type { YingkouAnnual } from './annual.js';
import { yingkou } from './data.js';
import { fail } from '../validate/errors.js';

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

function tfrSentence(r: Settled<number>, what: string, year: number): string {
  if (r.status === 'reachable') return `${what} needs a ${year} TFR of ${fixed(r.value, 2)} children per woman (projected ${int(r.achieved)}).`;
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
 * formatYingkouReport(yingkouReport()) // 'ccmpp — Yingkou Population Development Plan 2016–2030…'
 */
export function formatYingkouReport(r: YingkouReport): string {
  if (r === null || typeof r !== 'object' || typeof r.planAlone !== 'object' || r.planAlone === null) fail('r', 'expected a Yingkou report (from yingkouReport())', r);
  const plan = yingkou.plan;
  const t = plan.targets;
  const base = r.base2015.year;
  const [target2020, target2030] = r.targets as [Target, Target];
  const goal = shortMillions(target2030.population);
  const targetOf = (year: number) => r.targets.find((x) => x.year === year)?.population;
  const out: string[] = [];
  const p = r.planAlone.trajectory.projection;
  const pp = r.planPaths;
  out.push(`ccmpp — Yingkou Population Development Plan 2016–2030: is ${goal} reachable?`, '');
  out.push('Assumptions');
  out.push(
    `   Base ${base}: ${int(plan.residents['2015'])} residents (year-end, plan). The plan gives no age–sex table: the UN WPP 2019`,
    `   China 2015 shape is fitted to the plan's 0–14 / 15–59 / 60+ (${int(plan.ageGroups2015['0-14'])} / ${int(plan.ageGroups2015['15-59'])} / ${int(plan.ageGroups2015['60+'])}) — an estimate.`,
    `   Plan (Table 1): TFR ${pathValuesText(pp.tfr)}${yearsText(pp.tfr)}; life expectancy ${pathValuesText(pp.e0)}, split by sex with a`,
    `   ${pathValuesText(pp.sexGap)}-year female–male gap; SRB ${pathValuesText(pp.srb)}; ${pp.pattern === 'china-2015' ? 'UN WPP 2019 China fertility pattern' : `fertility pattern ${pp.pattern}`}; log-quadratic mortality (Wilmoth et al. 2012);`,
    r.width === 1
      ? `   Annual cohort-component steps on single years of age (the 2015 base graduated by Sprague's multipliers), open age ${r.openAge}+.`
      : `   5-year cohort-component steps, open age ${r.openAge}+.`,
    ...wrap(migrationMethodText(r.migrationMethod)),
    ...flags(r, 'scenarios.'),
    '',
  );

  out.push("1. The plan's own fertility and mortality, no migration");
  out.push(
    table(
      ['year', 'projected', 'plan target', 'gap', '60+ share', '65+/15–64', 'median age'],
      p.indicators.years.map((y) => {
        const target = y.year === base ? plan.residents['2015'] : targetOf(y.year);
        return [
          String(y.year),
          int(y.total),
          target === undefined ? '' : int(target),
          target === undefined || y.year === base ? '' : signed(y.total - target),
          formatIndicator('share60plus', y.share60plus),
          formatIndicator('oldAgeDependency', y.oldAgeDependency),
          formatIndicator('medianAge', y.medianAge),
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
  out.push(...flags(r, 'planAlone.'), '');

  out.push(`2. Migration that would reach the targets (plan fertility and mortality, constant net migration from ${base})`);
  for (const m of r.requiredMigration) out.push(`   ${migrationSentence(m.netPerYear, `${millions(m.target.population)} in ${m.target.year}`)}`);
  out.push(...flags(r, 'requiredMigration'), '');

  const y30 = target2030.year;
  out.push(`3. Fertility alone (no migration; ${anchorText(pp.tfr, base, y30)})`);
  out.push(`   ${tfrSentence(r.requiredTfr2030, `${goal} in ${y30}`, y30)}`);
  out.push(...flags(r, 'requiredTfr2030.'), '');

  out.push(`4. Frontier: net migration a year (${base}–${y30}) that reaches ${goal} in ${y30}, by ${y30} TFR`);
  out.push(
    table(
      [`${y30} TFR`, 'net migration a year'],
      r.frontier.map((f) => [fixed(f.tfr, 1), f.netPerYear.status === 'reachable' ? signed(f.netPerYear.value) : `out of reach (${f.netPerYear.side})`]),
    ),
  );
  out.push('');

  const c = r.change;
  out.push(`5. Components of change ${c.planAlone.from}–${c.planAlone.to}, ageing, urbanisation`);
  const comp = (name: string, x: typeof c.planAlone) =>
    [name, signed(x.change), signed(x.births), signed(-x.deaths), signed(x.naturalIncrease), signed(x.netMigrants)];
  const rows = [comp('plan, no migration', c.planAlone)];
  if (c.planWithMigration) rows.push(comp(`plan + migration to ${goal}`, c.planWithMigration.total));
  out.push(table([`${c.planAlone.from}–${c.planAlone.to}`, 'change', 'births', 'deaths', 'natural increase', 'net migration'], rows));
  const y0 = p.indicators.years[0]!;
  const yEnd = p.indicators.years.at(-1)!;
  out.push(
    `   In ${yEnd.year} under the plan alone, ${formatIndicator('share60plus', yEnd.share60plus)} of residents are 60+ (${formatIndicator('share60plus', y0.share60plus)} in ${y0.year}); old-age dependency (65+/15–64) is ${formatIndicator('oldAgeDependency', yEnd.oldAgeDependency)}, and 60+ per 15–59 is ${formatIndicator('ratio60to15_59', yEnd.ratio60to15_59)}.`,
  );
  if (c.planWithMigration) {
    const y = c.planWithMigration.trajectory.projection.indicators.years.at(-1)!;
    out.push(`   With the migration that reaches ${goal}: 60+ share ${formatIndicator('share60plus', y.share60plus)}, old-age dependency ${formatIndicator('oldAgeDependency', y.oldAgeDependency)}.`);
  }
  const u = c.urbanization;
  const [, u2020, u2030] = t.urbanShare as [number, number, number];
  const [, uy2020, uy2030] = t.years as [number, number, number];
  const since = base - 5;
  out.push(
    `   Urbanisation (URGD, UN method): observed ${since}–${base} ${fixed(u.observed2010to2015, 4)} a year; the plan needs ${fixed(u.needed2015to2020, 4)} a year to ${uy2020}`,
    `   (${formatLevel(u2020, 2)}) and ${fixed(u.needed2015to2030, 4)} a year to ${uy2030} (${formatLevel(u2030, 2)}). The observed pace continued would give ${pct(u.observedTrendIn2030)} in ${uy2030}: the urban-share`,
    `   target is ${u.needed2015to2030 <= u.observed2010to2015 ? 'within' : 'beyond'} the ${since}–${base} trend.`,
    '',
  );

  out.push('6. Reality check: the 2020 census');
  const k = r.census;
  out.push(
    ...wrap(
      `The 2020 census counted ${int(k.census2020)} residents: ${signed(k.census2020 - k.target2020)} against the plan's ${shortMillions(k.target2020)}, and ${signed(k.census2020 - k.projected2020)} against the plan's own projection without migration (${int(k.projected2020)}).`,
    ),
  );
  const im = k.impliedNetMigration;
  out.push(
    ...wrap(
      im.status === 'reachable'
        ? `Census-implied net migration ${base}–${target2020.year}: ${signed(im.value)} persons a year (${im.value >= 0 ? 'in' : 'out'}-migration; projected ${int(im.achieved)}) — the net migration that, with the plan's fertility and mortality and the estimated base, reproduces the census; it absorbs base-estimate and coverage errors too.`
        : `No constant net migration ${base}–${target2020.year} within the searched range reproduces the census under the plan's fertility and mortality and the estimated base: the ${im.side === 'above' ? 'most' : 'least'} it gives is ${int(im.achieved)} at ${signed(im.bound)} a year.`,
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
  const from = k.rebased2020.year;
  out.push(...wrap(`Rebased on the census (projected 2020 shape fitted to its 0–14, 15–59, 60+, 65+ and sex totals), from ${from} under the plan's paths:`));
  out.push(
    table(
      [`${y30} from the 2020 census`, 'projected', `gap to ${goal}`],
      [
        ['plan, no migration', int(f.planAlone.verdict.projected), signed(f.planAlone.verdict.gap)],
        ...(f.impliedMigrationContinued
          ? [['census-implied migration continued', int(f.impliedMigrationContinued.verdict.projected), signed(f.impliedMigrationContinued.verdict.gap)]]
          : []),
      ],
    ),
  );
  out.push(...wrap(migrationSentence(f.requiredMigration, `${goal} in ${y30} from the 2020 census`).replace('constant net migration', `constant net migration ${from}–${y30}`)));
  out.push(...wrap(tfrSentence(f.requiredTfr2030, `Without migration, ${goal} in ${y30} from the 2020 census`, y30)));
  out.push(...flags(r, 'census.'));
  const ye = Object.entries(k.yearEnd).map(([y, v]) => `${int(v)} (${y})`).join(', ');
  out.push(`   Year-end residents since: ${ye} (Liaoning statistics bureau).`, '');

  const u7 = r.uncertainty;
  out.push(`7. Uncertainty: ${int(u7.trajectories)} Monte Carlo trajectories (seed ${u7.seed}), default uncertainty`);
  const ut = uncertaintyText(u7.uncertainty, "the plan's");
  out.push(...wrap(`${ut.tfr} ${ut.e0} ${ut.migration}`));
  const levels = u7.quantileLevels.map((q) => formatLevel(q, 1));
  /** A probability that is about 0.5 because the scenario was solved to put its projection on the target. */
  const onTarget = (run: (typeof u7.runs)[number], pr: (typeof u7.runs)[number]['probabilities'][number]) => {
    const y = run.years.find((yy) => yy.year === pr.year);
    return y !== undefined && Math.abs(y.total.deterministic - pr.population) <= TARGET_TOLERANCE;
  };
  out.push(
    table(
      ['scenario', 'target', 'P(reached)', 'Monte Carlo 95 %', ...levels.map((l) => `${y30} ${l}`)],
      u7.runs.flatMap((run) =>
        run.probabilities.map((pr) => {
          const y = run.years.find((yy) => yy.year === pr.year)!;
          return [
            run.name,
            `${millions(pr.population)} in ${pr.year}`,
            `${prob(pr.p)}${onTarget(run, pr) ? ' *' : ''}`,
            `[${prob(pr.lower)}, ${prob(pr.upper)}]`,
            ...(pr.year === y30 ? y.total.quantiles.map(int) : levels.map(() => '')),
          ];
        }),
      ),
    ),
  );
  const byConstruction = u7.runs.flatMap((run) => run.probabilities.filter((pr) => onTarget(run, pr)).map((pr) => `“${run.name}” in ${pr.year}`));
  const notes = [probabilityText(u7.trajectories)];
  if (byConstruction.length)
    notes.push(
      `* About 0.5 by construction, not a finding: for ${list(byConstruction)} the migration was solved to put the projection on the target, and the simulated totals centre on the projection.`,
    );
  out.push(...wrap(notes.join(' ')), '');

  out.push(...annualText(r.annual), '');

  const v = yingkouVerdict(r);
  out.push(`Verdict: ${v.reached ? 'yes' : 'no'}`);
  out.push(...wrap(v.text));
  return out.join('\n') + '\n';
}

/**
 * The verdict of the Yingkou report: whether the plan's own fertility and mortality reach its last
 * target (`reached`), and the paragraph that says so — what migration would take, what the census
 * says, the fertility-only answers when they are flagged, and the probability, every clause from the
 * report's numbers (the text's "Verdict" and the top of report.html). Throws an InputError when
 * `r` is not a report.
 *
 * @example
 * yingkouVerdict(yingkouReport()) // { reached: false, text: "The plan's own fertility and mortality targets do not reach 2.6 million by 2030 (2.414 million). …" }
 */
export function yingkouVerdict(r: YingkouReport): { reached: boolean; text: string } {
  if (r === null || typeof r !== 'object' || !Array.isArray(r.targets) || typeof r.planAlone !== 'object' || r.planAlone === null) fail('r', 'expected a Yingkou report (from yingkouReport())', r);
  return { reached: r.planAlone.verdicts[r.targets.length - 1]?.reached === true, text: verdictText(r) };
}

function verdictText(r: YingkouReport): string {
  const base = r.base2015.year;
  const last = r.targets.length - 1;
  const target = r.targets[last]!;
  const goal = shortMillions(target.population);
  const v = r.planAlone.verdicts[last]!;
  const reach = r.requiredMigration[last]!.netPerYear;
  const k = r.census;
  const implied = k.impliedNetMigration;
  const f = k.from2020;
  const parts: string[] = [];
  parts.push(`The plan's own fertility and mortality targets ${v.reached ? 'reach' : 'do not reach'} ${goal} by ${target.year} (${millions(v.projected)}).`);
  if (reach.status === 'reachable')
    parts.push(
      reach.value >= 0
        ? `Reaching it would take about ${int(reach.value)} net in-migrants a year from ${base};`
        : `It is reached even with about ${int(-reach.value)} net out-migrants a year from ${base};`,
    );
  else parts.push(`No constant net migration within the searched range reaches it;`);
  parts.push(
    implied.status === 'reachable'
      ? `the net migration that reproduces the 2020 census is ${signed(implied.value)} a year ${base}–${k.rebased2020.year} (net ${implied.value >= 0 ? 'in' : 'out'}-migration, absorbing base-estimate and coverage errors too).`
      : 'no constant net migration reproduces the 2020 census.',
  );
  if (f.planAlone.verdict.reached) parts.push(`From the census, the plan's paths reach ${goal} by ${target.year} without migration (${millions(f.planAlone.verdict.projected)}).`);
  else if (f.requiredMigration.status === 'reachable')
    parts.push(`From the census, reaching ${goal} would need ${signed(f.requiredMigration.value)} net migrants a year ${k.rebased2020.year}–${target.year}.`);
  const flagged = [
    { path: 'requiredTfr2030.value', r: r.requiredTfr2030, from: `from ${base}` },
    { path: 'census.from2020.requiredTfr2030.value', r: f.requiredTfr2030, from: 'from the census' },
  ].filter((x) => x.r.status === 'reachable' && r.warnings.some((w) => w.code === 'tfr-above-post-transition' && w.path === x.path));
  if (flagged.length)
    parts.push(
      `Fertility alone is no way out: it would take ${list(flagged.map((x) => `a ${target.year} TFR of ${fixed((x.r as { value: number }).value, 2)} ${x.from}`))}, above the about ${POST_TRANSITION_TFR_MAX} that no population past its fertility transition has returned above.`,
    );
  const run = r.uncertainty.runs[0];
  const pr = run?.probabilities.find((q) => q.year === target.year && q.population === target.population);
  if (run && pr) {
    const u = r.uncertainty.uncertainty;
    const random = [u.tfr.sigma > 0 ? 'fertility' : '', u.e0.sigma > 0 ? 'mortality' : '', u.migration.sigma > 0 ? 'migration' : ''].filter(Boolean);
    const held = u.migration.sigma > 0 ? '' : run.scenario.migration === undefined ? ' and migration held at none' : ' and migration held fixed';
    parts.push(
      `${random.length ? `With ${list(random)} random as in the UN's probabilistic projections${held}` : `With nothing random${held}`}, P(${goal} by ${target.year}) = ${prob(pr.p)} (Monte Carlo 95 % interval ${prob(pr.lower)} to ${prob(pr.upper)}).`,
    );
  }
  return parts.join(' ');
}

/** The warnings of the report whose path starts with `prefix`, one wrapped "Flagged:" line each. */
function flags(r: YingkouReport, prefix: string): string[] {
  return r.warnings.filter((w) => w.path.startsWith(prefix)).flatMap((w) => wrap(`Flagged: ${w.message}.`));
}

/** A path's values as the plan writes them: `0.71 → 1.2 → 1.8`, or one value when it is constant. */
export function pathValuesText(a: Anchors): string {
  const v = a.values.map(String);
  return new Set(v).size === 1 ? v[0]! : v.join(' → ');
}

/** A path's anchor years in brackets, ` (2015, 2020, 2030)`, or nothing for a constant. */
function yearsText(a: Anchors): string {
  return a.years.length > 1 && new Set(a.values).size > 1 ? ` (${a.years.join(', ')})` : '';
}

/**
 * How the TFR solve sets the target year's TFR (the rule of `tfrAnchoredAt`): the anchor at `year`
 * replaces the path's value there, and the path runs linearly to it from the last anchor before it.
 */
function anchorText(a: Anchors, baseYear: number, year: number): string {
  const kept = a.years.map((y, i) => ({ y: y === -Infinity ? baseYear : y, v: a.values[i]! })).filter((x) => x.y < year);
  const from = kept.at(-1) ?? { y: baseYear, v: valueAt(a, baseYear) };
  return `the ${year} TFR anchor replaces ${valueAt(a, year)}, linear from ${from.v} in ${from.y}`;
}

/**
 * Section 8 of the report: the plan year by year on single years of age, the census at its date, the
 * year-end figures, and how far the 1×1 and 5×5 answers part — every figure from `a`.
 */
function annualText(a: YingkouAnnual): string[] {
  const first = a.years[0]!.year;
  const last = a.years.at(-1)!.year;
  const [method, ...findings] = annualSentences(a);
  return [
    `8. Year by year: the plan on single years of age in annual steps (UN WPP 2022 conventions), ${first}–${last}`,
    ...wrap(method!),
    table(
      ['year', '1×1', '5×5', 'plan target', 'gap (1×1)'],
      a.years.map((y) => [
        String(y.year),
        int(y.total),
        y.fiveYear === null ? '' : int(y.fiveYear),
        y.target === null ? '' : int(y.target),
        y.target === null || y.year === first ? '' : signed(y.total - y.target),
      ]),
    ),
    ...findings.flatMap((f) => wrap(f)),
  ];
}

/**
 * The prose of the year-by-year section (the text report and report.html): how the annual run is
 * made, the census at its date, the census-implied migration on the annual grid, the year-end
 * figures, and the 1×1 against the 5×5 answers. Every figure from `a`. Throws an InputError when `a`
 * is not the section (from `yingkouAnnual()`).
 *
 * @example
 * annualSentences(yingkouAnnual())[1] // 'The census of 2020-11-01 (2,328,582) at its own date, …'
 */
export function annualSentences(a: YingkouAnnual): string[] {
  if (a === null || typeof a !== 'object' || !Array.isArray(a.years) || typeof a.census !== 'object') fail('a', 'expected the year-by-year section (from yingkouAnnual())', a);
  const first = a.years[0]!.year;
  const last = a.years.at(-1)!.year;
  const out: string[] = [
    `The ${first} base graduated to single years by Sprague's multipliers; each year's life tables complete (a0 by Andreev–Kingkade, a(x) = 0.5 above, Kannisto from 100, closed at 130+), their e0 solved to the year's; ASFR by single age from the 5-year pattern (monotone graduation, each group's share kept); no migration.`,
  ];
  const c = a.census;
  const p = c.planAlone;
  const gap = p.projected - p.observed;
  out.push(
    `The census of ${p.date} (${int(p.observed)}) at its own date, ${fixed(p.years, 2)} years after year-end ${first} (between the year-ends around it, at the constant growth rate of that year): the plan alone gives ${int(p.projected)} then, ${int(Math.abs(gap))} ${gap >= 0 ? 'above' : 'below'} the census.`,
  );
  const im = c.impliedNetMigration;
  const value = (r: Settled<number>) => (r.status === 'reachable' ? `${signed(r.value)} a year` : `out of reach (${int(r.achieved)} at ${signed(r.bound)} a year)`);
  const parts =
    im.atCensusDate.status === 'reachable' && im.atYearEnd2020.status === 'reachable' && im.fiveYear.status === 'reachable'
      ? ` Of the difference, ${signed(im.atCensusDate.value - im.atYearEnd2020.value)} a year is the date (the same loss over ${fixed(p.years, 2)} years, not 5) and ${signed(im.atYearEnd2020.value - im.fiveYear.value)} the 1×1 method.`
      : '';
  out.push(
    `Census-implied net migration on the annual grid: ${value(im.atCensusDate)} from year-end ${first} to the census date; ${value(im.atYearEnd2020)} with the census taken as year-end 2020, as the 5-year report takes it; ${value(im.fiveYear)} on the 5-year grid.${parts}`,
  );
  const ye = c.yearEnd.map((y) => {
    if (y.projected === null) return `${y.year}: no value`;
    const d = y.projected - y.observed;
    return `year-end ${y.year} ${int(y.projected)} against ${int(y.observed)} reported (${int(Math.abs(d))} ${d >= 0 ? 'above' : 'below'})`;
  });
  out.push(`With that migration continued: ${list(ye)}.`);
  const d = a.change;
  const end1 = d.annual.end;
  const end5 = d.fiveYear.end;
  const more = (x: number, what: string) => `${int(Math.abs(x))} ${x >= 0 ? 'more' : 'fewer'} ${what}`;
  const m = a.requiredMigration2030;
  out.push(
    `1×1 against 5×5: in ${last} the plan alone gives ${int(end1)} against ${int(end5)} (${signed(end1 - end5)}, ${end1 >= end5 ? '+' : ''}${fixed(100 * (end1 / end5 - 1), 3)} %), from ${more(d.annual.births - d.fiveYear.births, 'births')} and ${more(d.annual.deaths - d.fiveYear.deaths, 'deaths')} over ${first}–${last}. The two differ by design: the annual run applies each year's TFR and e0 (the 5-year run their mean over five years), survives single years with complete life tables (a(x) = 0.5; the 5-year run 5-year ratios of the abridged table, Mortpak's nax), and starts from a graduated base. The net migration reaching ${shortMillions(a.years.at(-1)!.target ?? 0)} in ${last}: ${value(m.annual)} on the annual grid, ${value(m.fiveYear)} on the 5-year grid.`,
  );
  return out;
}
