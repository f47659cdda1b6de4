import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/validate/errors.js';
import { compileScenario, periodLevels } from '../../src/scenario/compile.js';
import { project } from '../../src/scenario/project.js';
import { parseScenario, type Scenario } from '../../src/scenario/schema.js';
import { variants } from '../../src/scenario/variants.js';
import { city2015, plan } from '../stochastic/fixtures.js';

const withMigration: Scenario = { ...plan, migration: { netPerYear: { 2015: 5000, 2030: 15000 }, femaleShare: 0.48 }, mortality: { ...plan.mortality, sexGap: { 2015: 5, 2030: 4 } } };
const levels = (s: Scenario, from: number) => periodLevels(compileScenario(parseScenario(s), 100), from);
const PERIODS = [2015, 2020, 2025, 2030, 2035];
/** Identity tolerance for a path average moved by adding a constant to every anchor (a few ulps). */
const SHIFT_TOLERANCE = 1e-12;

describe('variants: the UN-style deterministic set', () => {
  const v = variants(withMigration, { baseYear: 2015 });
  const byName = Object.fromEntries(v.map((x) => [x.name, x.scenario]));
  it('medium, high, low, constant fertility, constant mortality, zero migration — in that order', () => {
    expect(v.map((x) => x.name)).toEqual(['medium', 'high', 'low', 'constant-fertility', 'constant-mortality', 'zero-migration']);
    expect(parseScenario(byName.medium)).toEqual(parseScenario(withMigration));
  });
  it('high and low: every period’s TFR is the medium one ± 0.5 (anchors shifted), all else unchanged', () => {
    for (const from of PERIODS) {
      const m = levels(withMigration, from);
      const hi = levels(byName.high!, from);
      const lo = levels(byName.low!, from);
      expect(Math.abs(hi.tfr - (m.tfr + 0.5))).toBeLessThanOrEqual(SHIFT_TOLERANCE);
      expect(Math.abs(lo.tfr - (m.tfr - 0.5))).toBeLessThanOrEqual(SHIFT_TOLERANCE);
      expect({ ...hi, tfr: 0 }).toEqual({ ...m, tfr: 0 });
      expect({ ...lo, tfr: 0 }).toEqual({ ...m, tfr: 0 });
    }
    expect(byName.high!.fertility.tfr).toEqual({ 2015: 1.21, 2020: 1.7, 2030: 2.3 });
  });
  it('constant fertility: TFR held at the base-year value', () => {
    expect(byName['constant-fertility']!.fertility.tfr).toBe(0.71);
    const at2017 = variants(withMigration, { baseYear: 2017 }).find((x) => x.name === 'constant-fertility')!.scenario;
    expect(at2017.fertility.tfr).toBeCloseTo(0.71 + (2 / 5) * (1.2 - 0.71), 14);
  });
  it('constant mortality: female and male e0 held at the base-year split, whatever the SRB and gap paths do', () => {
    // 2015: e0 78.75, gap 5, SRB 107 → e0F = 78.75 + 5·107/207, e0M = e0F − 5
    const female = 78.75 + (5 * 107) / 207;
    expect(byName['constant-mortality']!.mortality).toEqual({ e0: { female, male: female - 5 } });
    const p = project(city2015, byName['constant-mortality']!, { until: 2035 });
    for (const period of p.indicators.periods) {
      expect(Math.abs(period.e0.female - female)).toBeLessThanOrEqual(1e-8);
      expect(Math.abs(period.e0.male - (female - 5))).toBeLessThanOrEqual(1e-8);
    }
    expect(levels(byName['constant-mortality']!, 2030).tfr).toBe(levels(withMigration, 2030).tfr);
  });
  it('zero migration: no migrants, everything else as the medium', () => {
    expect(byName['zero-migration']!.migration).toBeUndefined();
    const p = project(city2015, byName['zero-migration']!, { until: 2030 });
    for (const period of p.indicators.periods) expect(period.netMigrants).toBe(0);
    expect(byName['zero-migration']!.fertility).toEqual(parseScenario(withMigration).fertility);
  });
  it('without a base year the held values are the paths’ starting values', () => {
    const w = variants(plan);
    expect(w.find((x) => x.name === 'constant-fertility')!.scenario.fertility.tfr).toBe(0.71);
    const female = 78.75 + (4.5 * 107) / 207; // default gap 4.5 at the e0 path's first anchor year
    expect(w.find((x) => x.name === 'constant-mortality')!.scenario.mortality.e0).toEqual({ female, male: female - 4.5 });
  });
  it('sex-specific e0 paths are held each at its own base-year value', () => {
    const s: Scenario = { ...plan, mortality: { e0: { female: { 2015: 80, 2030: 84 }, male: { 2015: 75, 2030: 78 } } } };
    const cm = variants(s, { baseYear: 2020 }).find((x) => x.name === 'constant-mortality')!.scenario;
    expect(cm.mortality.e0).toEqual({ female: 80 + (5 / 15) * 4, male: 75 + (5 / 15) * 3 });
  });
  it('does not modify the scenario', () => {
    const copy = structuredClone(withMigration);
    variants(withMigration);
    expect(withMigration).toEqual(copy);
  });
});

describe('variants: errors', () => {
  it('a low variant below TFR 0 is an error naming the anchor, not a TFR floored at 0', () => {
    const s: Scenario = { ...plan, fertility: { tfr: { 2015: 0.4, 2030: 1.2 }, pattern: 'china-2015' } };
    expect(() => variants(s)).toThrow(InputError);
    expect(() => variants(s)).toThrow(
      'scenario.fertility.tfr.2015: expected a TFR of at least 0.5 so that the low variant (TFR − 0.5) stays >= 0 (or a smaller options.fertilityShift), got 0.4',
    );
    expect(variants(s, { fertilityShift: 0.25 }).find((x) => x.name === 'low')!.scenario.fertility.tfr).toEqual({ 2015: 0.15000000000000002, 2030: 0.95 });
  });
  it('bad options and bad scenarios', () => {
    expect(() => variants(plan, { fertilityShift: 0 })).toThrow('options.fertilityShift: expected a finite number > 0, got 0');
    expect(() => variants(plan, { baseYear: 2015.5 })).toThrow('options.baseYear: expected an integer year from -9999 to 9999, got 2015.5');
    expect(() => variants({ ...plan, srb: -1 })).toThrow('srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got -1');
  });
});
