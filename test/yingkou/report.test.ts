import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { yingkou } from '../../src/yingkou/data.js';
import { DEFAULT_OPEN_AGE } from '../../src/ages/grid.js';
import { requiredNetMigration } from '../../src/targets/requiredNetMigration.js';
import { migrationMethodOf, yingkouReport, type YingkouReport } from '../../src/yingkou/report.js';
import { censusComparisonText, formatYingkouReport, migrationMethodText } from '../../src/yingkou/text.js';

// Issue 4 §3: the six answers come out of the library, consistent with one another and plausible in
// sign. Margins are met to 1e-6 relative (issue 4); solved values reach their targets within 1 person.
const MARGIN_REL = 1e-6;
const PERSON = 1;

const sum = (a: ArrayLike<number>, from = 0, to = a.length) => Array.from(a).slice(from, to).reduce((s, v) => s + v, 0);
const withNet = (s: Scenario, netPerYear: number): Scenario => ({ ...s, migration: { netPerYear } });
const value = (r: { status: string; value?: number }) => {
  if (r.status !== 'reachable' || r.value === undefined) throw new Error(`expected reachable, got ${JSON.stringify(r)}`);
  return r.value;
};

let r: YingkouReport;
let text: string;
/** The report's text with its line breaks and indents as single spaces (prose is wrapped). */
let prose: string;
beforeAll(() => {
  r = yingkouReport();
  text = formatYingkouReport(r);
  prose = text.replace(/\s+/g, ' ');
});

describe('the Yingkou report runs at the library default open age, 100+', () => {
  it('projects, solves and simulates on 21 groups (0–4 … 100+)', () => {
    expect(DEFAULT_OPEN_AGE).toBe(100);
    expect(r.openAge).toBe(100);
    expect(r.base2015.female).toHaveLength(21);
    expect(r.planAlone.trajectory.projection.ageGroups).toHaveLength(21);
    expect(r.planAlone.trajectory.projection.ageGroups.at(-1)).toBe('100+');
    for (const pop of r.planAlone.trajectory.projection.population) expect(pop.male).toHaveLength(21);
    expect(r.census.rebased2020.female).toHaveLength(21);
    expect(text).toContain('open age 100+.');
  });

  it('reaches the census-implied migration (no infeasibility at 100+), and agrees with the same solve at 85+ within 2 %', () => {
    const census = { year: 2020, population: yingkou.census2020.residents };
    const at100 = requiredNetMigration(yingkou.base2015, yingkou.scenarios.plan, census, { openAge: 100 });
    const at85 = requiredNetMigration(yingkou.base2015, yingkou.scenarios.plan, census, { openAge: 85 });
    expect(r.census.impliedNetMigration.status).toBe('reachable');
    expect(r.census.impliedNetMigration).toEqual(at100);
    expect(value(at100)).toBeLessThan(0);
    expect(Math.abs(value(at100) / value(at85) - 1)).toBeLessThan(0.02);
  });
});

describe('the migration method, stated from the scenario', () => {
  it("reads the report's method from the compiled scenario: FDM β0 = β1 = m = 0, standard Rogers–Castro, half and half", () => {
    expect(r.migrationMethod).toEqual({
      flowDifference: { beta0: 0, beta1: 0, m: 0 },
      inProfile: 'rogers-castro',
      outSchedule: 'rogers-castro',
      femaleShare: 0.5,
      startShare: 0.5,
    });
  });

  it('names the method and its parameters in the report', () => {
    for (const part of [
      'Flow-Difference Method (Ševčíková, Raymer & Raftery 2024) with β0 = β1 = m = 0',
      'net in-migrants are all in-migrants, arriving by the Rogers–Castro age profile (standard parameters; half women)',
      'net out-migrants all out-migrants, leaving in proportion to Rogers–Castro rates (standard parameters) × the people present',
      "half of each period's migrants move at its start and half at its end",
    ])
      expect(prose).toContain(part);
  });

  it('follows the values, not a fixed text', () => {
    const s: Scenario = { ...yingkou.scenarios.plan, migration: { netPerYear: -20_000, flowDifference: 'bayespop', timing: 'end', femaleShare: 0.6, profile: [1, ...Array(20).fill(0)] } };
    const m = migrationMethodOf(s, 100);
    expect(m).toEqual({ flowDifference: { beta0: 0.07, beta1: 0.5, m: 0.02 }, inProfile: 'other', outSchedule: 'rogers-castro', femaleShare: 0.6, startShare: 0 });
    const t = migrationMethodText(m);
    expect(t).toContain('with β0 = 0.07, β1 = 0.5, m = 0.02');
    expect(t).toContain('IM = max(β0·P + β1·N, m·P, m·P + N)');
    expect(t).toContain("the scenario's age profile (60.0 % women)");
    expect(t).toContain("all of each period's migrants move at its end");
    expect(t).not.toContain('β0 = β1 = m = 0');
  });
});

describe('the 2020 census by the groups it publishes, against the projected 2020', () => {
  const GROUPS = [
    // label, first group index, end group index (exclusive), sex
    ['total', 0, 21, null],
    ['0–14', 0, 3, null],
    ['15–59', 3, 12, null],
    ['60+', 12, 21, null],
    ['65+', 13, 21, null],
    ['female', 0, 21, 'female'],
    ['male', 0, 21, 'male'],
  ] as const;
  const c = () => yingkou.census2020;
  const censusOf = (label: string) =>
    ({ total: c().residents, '0–14': c().ages0to14, '15–59': c().ages15to59, '60+': c().ages60plus, '65+': c().ages65plus, female: c().female, male: c().male })[label]!;
  const sumOf = (p: { female: ArrayLike<number>; male: ArrayLike<number> }, from: number, to: number, sex: 'female' | 'male' | null) =>
    (sex === null ? sum(p.female, from, to) + sum(p.male, from, to) : sum(p[sex], from, to));

  it('recomputes: census counts, the projection with the census-implied migration, and without migration', () => {
    const withImplied = project(yingkou.base2015, withNet(yingkou.scenarios.plan, value(r.census.impliedNetMigration)), { until: 2020 }).population[1]!;
    const without = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2020 }).population[1]!;
    expect(r.census.groups2020.map((g) => g.label)).toEqual(GROUPS.map((g) => g[0]));
    for (const [label, from, to, sex] of GROUPS) {
      const g = r.census.groups2020.find((x) => x.label === label)!;
      expect(g.census).toBe(censusOf(label));
      expect(g.margin.population).toBe(censusOf(label));
      expect(g.withImpliedMigration! / sumOf(withImplied, from, to, sex) - 1).toBeCloseTo(0, 12);
      expect(g.withoutMigration / sumOf(without, from, to, sex) - 1).toBeCloseTo(0, 12);
    }
    const total = r.census.groups2020[0]!;
    // The implied migration reproduces the census total (within 1 person); without it, the projection is the plan's own.
    expect(Math.abs(total.withImpliedMigration! - total.census)).toBeLessThanOrEqual(PERSON);
    expect(total.withoutMigration).toBeCloseTo(r.census.projected2020, 6);
  });

  it('prints the table: each group with census, projected and the difference', () => {
    const int = (x: number) => Math.round(x).toLocaleString('en-US');
    const signedInt = (x: number) => (Math.round(x) > 0 ? '+' : '') + int(Math.round(x) === 0 ? 0 : x);
    for (const g of r.census.groups2020) {
      const row = text.split('\n').find((l) => l.trimStart().startsWith(`${g.label} `));
      expect(row, g.label).toBeDefined();
      const cells = row!.trim().split(/\s{2,}/);
      expect(cells[0]).toBe(g.label);
      expect(cells[1]).toBe(int(g.census));
      expect(cells[2]).toBe(int(g.withImpliedMigration!));
      expect(cells[3]!.startsWith(`${signedInt(g.census - g.withImpliedMigration!)} (`)).toBe(true);
      expect(cells[4]).toBe(int(g.withoutMigration));
      expect(cells[5]!.startsWith(`${signedInt(g.census - g.withoutMigration)} (`)).toBe(true);
    }
  });

  it("says where the census has more and fewer people, each direction following the numbers", () => {
    const g = (label: string) => r.census.groups2020.find((x) => x.label === label)!;
    const moreOrFewer = (label: string) => (g(label).census > g(label).withImpliedMigration! ? 'more' : 'fewer');
    // This census has more children and fewer people of working age than the projection with the same total.
    expect(moreOrFewer('0–14')).toBe('more');
    expect(moreOrFewer('15–59')).toBe('fewer');
    expect(prose).toContain('the census has more people aged 0–14 (');
    expect(prose).toMatch(/fewer aged 15–59 \(-/);
    // Flipping every census count flips every word: the directions are computed.
    const flipped = r.census.groups2020.map((x) => ({ ...x, census: 2 * x.withImpliedMigration! - x.census }));
    const [sentence] = censusComparisonText(flipped);
    expect(sentence).toContain('the census has more people aged 15–59 (');
    expect(sentence).toMatch(/fewer aged 0–14 \(-24,320, -9\.9 %\)/);
    for (const x of flipped.filter((y) => y.label !== 'total')) {
      const word = x.census > x.withImpliedMigration! ? 'more' : 'fewer';
      const name = x.label === 'female' ? 'women' : x.label === 'male' ? 'men' : x.label;
      const at = sentence!.indexOf(` ${name} (`);
      expect(at, x.label).toBeGreaterThan(0);
      const before = sentence!.slice(0, at);
      expect(before.lastIndexOf(word), `${x.label}: ${word}`).toBeGreaterThan(before.lastIndexOf(word === 'more' ? 'fewer' : 'more'));
    }
  });

  it('calls the census-implied figure what it is', () => {
    expect(prose).toContain(
      "the net migration that, with the plan's fertility and mortality and the estimated base, reproduces the census; it absorbs base-estimate and coverage errors too.",
    );
  });
});

describe('Yingkou base 2015 (estimated by fitting the UN China 2015 shape to the plan)', () => {
  it("meets the plan's three age groups and total", () => {
    const b = yingkou.base2015;
    const both = Array.from(b.female, (f, i) => f + b.male[i]!);
    const margins = yingkou.plan.ageGroups2015;
    expect(Math.abs(sum(both, 0, 3) / margins['0-14'] - 1)).toBeLessThanOrEqual(MARGIN_REL);
    expect(Math.abs(sum(both, 3, 12) / margins['15-59'] - 1)).toBeLessThanOrEqual(MARGIN_REL);
    expect(Math.abs(sum(both, 12) / margins['60+'] - 1)).toBeLessThanOrEqual(MARGIN_REL);
    expect(Math.abs(sum(both) / yingkou.plan.residents['2015'] - 1)).toBeLessThanOrEqual(MARGIN_REL);
    // The 60+ share the plan reports for 2015 (20.06 %).
    expect(sum(both, 12) / sum(both)).toBeCloseTo(0.2006, 4);
  });
});

describe('the six answers', () => {
  it('(1) plan alone: projected totals and gaps to 2.45 and 2.60 million', () => {
    const years = r.planAlone.trajectory.projection.indicators.years;
    expect(years.map((y) => y.year)).toEqual([2015, 2020, 2025, 2030]);
    const [v2020, v2030] = r.planAlone.verdicts;
    expect(v2020!.projected).toBe(years[1]!.total);
    expect(v2030!.projected).toBe(years[3]!.total);
    expect(v2030!.gap).toBe(years[3]!.total - 2_600_000);
    // Plausible: with TFR far below replacement and no migration the plan misses 2.6 million.
    expect(v2030!.reached).toBe(false);
    expect(v2030!.gap).toBeLessThan(0);
  });

  it('(2) the solved migration reaches each target within 1 person', () => {
    for (const { target, netPerYear } of r.requiredMigration) {
      const v = value(netPerYear);
      const a = assessTarget(yingkou.base2015, withNet(yingkou.scenarios.plan, v), target);
      expect(a.reached).toBe(true);
      expect(a.projected - target.population).toBeLessThanOrEqual(PERSON);
      expect(v).toBeGreaterThan(0); // in-migration: the plan alone falls short
    }
  });

  it('(3) the 2030 TFR that reaches 2.6 million without migration is above the plan’s 1.8', () => {
    const tfr2030 = value(r.requiredTfr2030);
    expect(tfr2030).toBeGreaterThan(1.8);
    const s: Scenario = { ...yingkou.scenarios.plan, fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: tfr2030 }, pattern: 'china-2015' } };
    const a = assessTarget(yingkou.base2015, s, { year: 2030, population: 2_600_000 });
    expect(a.projected - 2_600_000).toBeGreaterThanOrEqual(0);
    expect(a.projected - 2_600_000).toBeLessThanOrEqual(PERSON);
  });

  it('(4) the frontier falls with TFR and meets answer (2) at the plan’s 1.8', () => {
    const values = r.frontier.map((f) => value(f.netPerYear));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
    const at18 = r.frontier.find((f) => f.tfr === 1.8)!;
    // Both solve the same problem to 1 person; 1 person in 2030 is ~1/14 person a year.
    expect(Math.abs(value(at18.netPerYear) - value(r.requiredMigration[1]!.netPerYear))).toBeLessThan(0.2);
  });

  it('(5) components add up; ageing; urbanisation check', () => {
    const { planAlone, planWithMigration, urbanization } = r.change;
    for (const c of [planAlone, planWithMigration!.total]) expect(Math.abs(c.naturalIncrease + c.netMigrants - c.change)).toBeLessThan(1e-6);
    expect(planAlone.netMigrants).toBe(0);
    expect(planWithMigration!.total.change).toBeCloseTo(2_600_000 - 2_443_000, -1);
    const y2030 = r.planAlone.trajectory.projection.indicators.years[3]!;
    expect(y2030.share60plus).toBeGreaterThan(0.2006);
    // Observed 2010–2015: 58.86 % → 64.17 %.
    expect(urbanization.observed2010to2015).toBeCloseTo((Math.log(0.6417 / 0.3583) - Math.log(0.5886 / 0.4114)) / 5, 12);
    expect(urbanization.needed2015to2030).toBeGreaterThan(0);
  });

  it('(6) the census implies net out-migration; the rebased 2020 meets the census margins', () => {
    const k = r.census;
    const implied = value(k.impliedNetMigration);
    expect(implied).toBeLessThan(0);
    const p = project(yingkou.base2015, withNet(yingkou.scenarios.plan, implied), { until: 2020 });
    expect(p.indicators.years[1]!.total - k.census2020).toBeGreaterThanOrEqual(0);
    expect(p.indicators.years[1]!.total - k.census2020).toBeLessThanOrEqual(PERSON);
    const c = yingkou.census2020;
    const b = k.rebased2020;
    const both = Array.from(b.female, (f, i) => f + b.male[i]!);
    const checks: [number, number][] = [
      [sum(both, 0, 3), c.ages0to14],
      [sum(both, 3, 12), c.ages15to59],
      [sum(both, 12), c.ages60plus],
      [sum(both, 13), c.ages65plus],
      [sum(b.female), c.female],
      [sum(b.male), c.male],
    ];
    for (const [got, want] of checks) expect(Math.abs(got / want - 1)).toBeLessThanOrEqual(MARGIN_REL);
    // From the census the gap is wider, so more migration is needed than from 2015.
    expect(value(k.from2020.requiredMigration)).toBeGreaterThan(value(r.requiredMigration[1]!.netPerYear));
    expect(k.from2020.planAlone.verdict.reached).toBe(false);
  });

  it('prints every answer with its computed numbers', () => {
    const int = (x: number) => Math.round(x).toLocaleString('en-US');
    expect(text).toContain(int(r.planAlone.verdicts[1]!.projected));
    expect(text).toContain(int(value(r.requiredMigration[1]!.netPerYear)));
    expect(text).toContain(value(r.requiredTfr2030).toFixed(2));
    expect(text).toContain(int(-value(r.census.impliedNetMigration)));
    expect(text).toMatch(/^Verdict: no$/m);
  });
});

describe('(7) uncertainty (issue 5)', () => {
  it('gives P(target reached) with Wilson intervals under the default uncertainty, reproducibly', () => {
    const u = r.uncertainty;
    expect(u.trajectories).toBe(100_000);
    expect(u.uncertainty.migration.sigma).toBe(0);
    const [plan, withMigration] = u.runs;
    for (const run of u.runs) {
      for (const p of run.probabilities) {
        expect(p.exact).toBe(true);
        expect(p.lower).toBeLessThanOrEqual(p.p);
        expect(p.upper).toBeGreaterThanOrEqual(p.p);
      }
    }
    // The plan's deterministic 2030 total is ~190,000 short; fertility and e0 errors cannot close that.
    expect(plan!.probabilities[1]!.p).toBeLessThan(0.001);
    // With the migration that makes the deterministic projection hit 2.6 million, about half the
    // trajectories reach it (the median sits on the target).
    expect(withMigration!.probabilities[1]!.p).toBeGreaterThan(0.45);
    expect(withMigration!.probabilities[1]!.p).toBeLessThan(0.55);
    const y2030 = withMigration!.years.find((y) => y.year === 2030)!;
    expect(y2030.total.deterministic).toBeCloseTo(2_600_000, -1);
  });
});
