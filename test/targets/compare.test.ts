import { messageOf } from '../inputError.js';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/targets/compare.js';
import { project } from '../../src/scenario/project.js';
import { variants } from '../../src/scenario/variants.js';
import { city2015, plan } from '../stochastic/fixtures.js';

const targets = [
  { year: 2020, population: 2_390_000 },
  { year: 2030, population: 2_600_000 },
];

describe('compareScenarios', () => {
  const v = variants({ ...plan, migration: { netPerYear: 10000 } });
  const c = compareScenarios(city2015, v, { until: 2030, targets });
  it('one row per scenario, in order, with the years and targets', () => {
    expect(c.rows.map((r) => r.name)).toEqual(v.map((x) => x.name));
    expect(c.years).toEqual([2015, 2020, 2025, 2030]);
    expect(c.targets).toEqual(targets);
  });
  it('totals and broad age groups are those of project()', () => {
    for (const [i, row] of c.rows.entries()) {
      const p = project(city2015, v[i]!.scenario, { until: 2030 });
      row.years.forEach((y, j) => {
        const ind = p.indicators.years[j]!;
        expect(y).toEqual({ year: ind.year, total: ind.total, ages0to14: ind.ages0to14, ages15to59: ind.ages15to59, ages60plus: ind.ages60plus, ages65plus: ind.ages65plus });
      });
    }
  });
  it('verdicts: gap = projected − target, reached when projected ≥ target', () => {
    for (const row of c.rows) {
      row.verdicts.forEach((verdict, k) => {
        const t = targets[k]!;
        const projected = row.years[(t.year - 2015) / 5]!.total;
        expect(verdict).toEqual({ year: t.year, target: t.population, projected, gap: projected - t.population, reached: projected >= t.population });
      });
    }
    // the variants order as they should: high ≥ medium ≥ low, zero migration below medium (net in-migration)
    const total = (name: string) => c.rows.find((r) => r.name === name)!.years[3]!.total;
    expect(total('high')).toBeGreaterThan(total('medium'));
    expect(total('medium')).toBeGreaterThan(total('low'));
    expect(total('zero-migration')).toBeLessThan(total('medium'));
  });
  it('accepts a record name → scenario, and no targets', () => {
    const r = compareScenarios(city2015, { plan, flat: { ...plan, fertility: { tfr: 1, pattern: 'china-2015' } } }, { until: 2025 });
    expect(r.rows.map((x) => x.name)).toEqual(['plan', 'flat']);
    expect(r.rows[0]!.verdicts).toEqual([]);
  });
});

describe('compareScenarios: errors', () => {
  const message = messageOf;
  it('a bad scenario is reported under its name or index', () => {
    expect(message(() => compareScenarios(city2015, { good: plan, bad: { ...plan, srb: -1 } }, { until: 2030 }))).toBe(
      'scenarios.bad.srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got -1',
    );
    expect(message(() => compareScenarios(city2015, [{ name: 'a', scenario: plan }, { name: 'b', scenario: { ...plan, srb: 0 } }], { until: 2030 }))).toBe(
      'scenarios[1].scenario.srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got 0',
    );
  });
  it('duplicate names, no scenarios, target years that are not projected', () => {
    expect(message(() => compareScenarios(city2015, [{ name: 'a', scenario: plan }, { name: 'a', scenario: plan }], { until: 2030 }))).toBe(
      'scenarios[1].name: expected names that differ, got "a"',
    );
    expect(message(() => compareScenarios(city2015, [], { until: 2030 }))).toBe('scenarios: expected at least one scenario, got an array of length 0');
    expect(message(() => compareScenarios(city2015, { plan }, { until: 2030, targets: [{ year: 2032, population: 1 }] }))).toBe(
      'options.targets[0].year: expected a projected year: 2015, 2020, …, 2030, got 2032',
    );
    expect(message(() => compareScenarios(city2015, { plan }, { until: 2033 }))).toBe('options.until: expected the base year 2015 plus a multiple of 5, at most 1000 years (the longest projection), got 2033');
  });
});
