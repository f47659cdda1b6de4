import { beforeAll, describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { yingkou } from '../../src/yingkou/data.js';
import { yingkouReport, YINGKOU_OPEN_AGE, type YingkouReport } from '../../src/yingkou/report.js';
import { formatYingkouReport } from '../../src/yingkou/text.js';

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
beforeAll(() => {
  r = yingkouReport();
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
      const a = assessTarget(yingkou.base2015, withNet(yingkou.scenarios.plan, v), target, { openAge: YINGKOU_OPEN_AGE });
      expect(a.reached).toBe(true);
      expect(a.projected - target.population).toBeLessThanOrEqual(PERSON);
      expect(v).toBeGreaterThan(0); // in-migration: the plan alone falls short
    }
  });

  it('(3) the 2030 TFR that reaches 2.6 million without migration is above the plan’s 1.8', () => {
    const tfr2030 = value(r.requiredTfr2030);
    expect(tfr2030).toBeGreaterThan(1.8);
    const s: Scenario = { ...yingkou.scenarios.plan, fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: tfr2030 }, pattern: 'china-2015' } };
    const a = assessTarget(yingkou.base2015, s, { year: 2030, population: 2_600_000 }, { openAge: YINGKOU_OPEN_AGE });
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
    const p = project(yingkou.base2015, withNet(yingkou.scenarios.plan, implied), { until: 2020, openAge: YINGKOU_OPEN_AGE });
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
    const text = formatYingkouReport(r);
    const int = (x: number) => Math.round(x).toLocaleString('en-US');
    expect(text).toContain(int(r.planAlone.verdicts[1]!.projected));
    expect(text).toContain(int(value(r.requiredMigration[1]!.netPerYear)));
    expect(text).toContain(value(r.requiredTfr2030).toFixed(2));
    expect(text).toContain(int(-value(r.census.impliedNetMigration)));
    expect(text).toMatch(/^Verdict$/m);
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
