import { describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import { parseScenario, type Scenario } from '../../src/scenario/schema.js';
import { yingkou } from '../../src/yingkou/data.js';
import { InputError } from '../../src/validate/errors.js';
import { messageOf } from '../inputError.js';

// Issue 3: bad scenarios get one clear error each — a test per rule; the message names the path,
// the rule and the value (`<path>: <rule>, got <value>`).

const good: Scenario = {
  fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: 1.8 }, pattern: 'china-2015' },
  mortality: { e0: { 2015: 78.75, 2030: 81 } },
  srb: 107,
};
const bad = (s: unknown) => messageOf(() => parseScenario(s));

describe('parseScenario: one clear error per rule', () => {
  it('accepts the plan', () => {
    expect(parseScenario(good)).toEqual(good);
  });
  it('a fertility pattern whose shares do not sum to 1', () => {
    expect(bad({ ...good, fertility: { tfr: 1, pattern: [0.1, 0.2, 0.3, 0.2, 0.1, 0.05, 0.06] } })).toBe(
      'fertility.pattern: expected shares that sum to 1 (within 1e-9), got 1.01',
    );
    expect(bad({ ...good, fertility: { tfr: 1, pattern: [0.5, 0.5] } })).toBe('fertility.pattern: expected 7 shares (15-19 … 45-49) or 35 (single ages 15 … 49), got an array of length 2');
  });
  it('NaN', () => {
    expect(bad({ ...good, mortality: { e0: { 2015: NaN } } })).toBe('mortality.e0.2015: expected a finite number, got NaN');
  });
  it('a negative TFR', () => {
    expect(bad({ ...good, fertility: { tfr: { 2015: 0.71, 2030: -1 }, pattern: 'china-2015' } })).toBe('fertility.tfr.2030: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -1');
  });
  it('an unknown mortality model', () => {
    expect(bad({ ...good, mortality: { e0: 80, model: 'lee-carter' } })).toBe(
      `mortality.model: expected 'log-quadratic' or { baseline: 'china-2015' | { female, male } }, got "lee-carter"`,
    );
  });
  it('anchors out of order', () => {
    expect(bad({ ...good, srb: { 2020: 107, 2017.5: 106 } })).toBe('srb.2017.5: expected anchor years in increasing order, got "2017.5"');
  });
  it('a string where a number belongs', () => {
    expect(bad({ ...good, fertility: { tfr: { 2030: 'x' }, pattern: 'china-2015' } })).toBe('fertility.tfr.2030: expected a finite number, got "x"');
  });
  it('an unknown key, a missing block', () => {
    expect(bad({ ...good, fertilty: {} })).toBe('(input): expected only the keys $schema, fertility, mortality, migration, srb, got "fertilty"');
    expect(bad({ mortality: good.mortality })).toBe('fertility: expected an object { tfr, pattern }, got nothing');
  });
  it('a sex gap beside sex-specific e0', () => {
    expect(bad({ ...good, mortality: { e0: { female: 81, male: 76 }, sexGap: 4 } })).toBe(
      'mortality.sexGap: expected no sexGap with sex-specific e0 paths (the gap is already given by them), got 4',
    );
  });
  it('migration out of range', () => {
    expect(bad({ ...good, migration: { netPerYear: 1000, femaleShare: 1.5 } })).toBe('migration.femaleShare: expected a number in [0, 1], got 1.5');
    expect(bad({ ...good, migration: { netPerYear: 1000, timing: 'start' } })).toBe(`migration.timing: expected 'even' or 'end', got "start"`);
  });
});

describe('project: what only the projection can check', () => {
  const base = yingkou.base2015;
  it('a life expectancy the model cannot reach', () => {
    expect(messageOf(() => project(base, { ...good, mortality: { e0: 100 } }, { until: 2020 }))).toBe(
      'mortality.e0: expected a female life expectancy the log-quadratic model reaches in 2015-2020 (at most 93.70), got 102.32608695652173',
    );
  });
  it('a baseline that stops below the open age, an end year off the grid, a low open age', () => {
    const short = Array.from({ length: 19 }, (_, i) => (i === 18 ? 0.3 : 0.001)); // ages 0, 1, 5, …, 80+
    expect(messageOf(() => project(base, { ...good, mortality: { e0: 80, model: { baseline: { female: short, male: short } } } }, { until: 2020 }))).toBe(
      "mortality.model.baseline.female: expected rates up to the projection's open age 100+ (ages 0, 1, 5, …, 100+ at least), got 19",
    );
    expect(messageOf(() => project(base, good, { until: 2022 }))).toBe('options.until: expected the base year 2015 plus a multiple of 5, at most 1000 years (the longest projection), got 2022');
    expect(messageOf(() => project(base, good, { until: 2020, openAge: 60 }))).toBe('options.openAge: expected a multiple of 5 from 65 to 130, got 60');
  });
  it('out-migration the population cannot supply, named by period, sex and group', () => {
    // Out-migrants leave in proportion to r(x)·P(x) (r: Rogers–Castro rates, 1 at 20–24), so the first
    // group to empty is the 20–24 one; 300,000 a year (750,000 in each half of 2015–2020) is too many.
    const at = (netPerYear: number, until = 2020) => project(base, { ...good, migration: { netPerYear } }, { until });
    const message = messageOf(() => at(-300_000));
    const m = message.match(
      /^migration\.netPerYear: expected an out-migration the people present can supply in 2015-2020: at most ([\d,]+) net out-migrants a year \(more would take more people than the (female|male) (\d+-\d+|\d+\+) group holds\), got -300000$/,
    );
    expect(m, message).not.toBeNull();
    const [, figure, sex, group] = m!;
    expect([sex, group]).toEqual(['female', '20-24']);
    const most = Number(figure!.replaceAll(',', ''));
    expect(most).toBeGreaterThan(100_000);
    expect(most).toBeLessThan(300_000);
    // The figure is right: a projection at it succeeds (no group negative), 1 % more fails with the same message.
    const p = at(-most);
    expect(p.population[1]!.female.every((v) => v >= 0) && p.population[1]!.male.every((v) => v >= 0)).toBe(true);
    expect(messageOf(() => at(-most * 1.01))).toBe(message.replace('got -300000', `got ${-most * 1.01}`));
    // And it is the bound, to the whole person: one more person a year is too many.
    expect(() => at(-(most + 1))).toThrow(InputError);
  });
  it('an out-migration rate the population cannot supply, and the period it fails in', () => {
    // 0.6 a year: 1.5 × the people in each half of 2015–2020 under even timing.
    const rate = (outRate: number, until = 2020) => project(base, { ...good, migration: { inPerYear: 0, outRate } }, { until });
    const message = messageOf(() => rate(0.6));
    const m = message.match(
      /^migration\.outRate: expected an out-migration the people present can supply in 2015-2020: an out-migration rate of at most (0\.\d+) a year \(more would take more people than the (female|male) (\d+-\d+|\d+\+) group holds\), got 0\.6$/,
    );
    expect(m, message).not.toBeNull();
    const most = Number(m![1]);
    expect(() => rate(most)).not.toThrow();
    expect(() => rate(most * 1.01)).toThrow(InputError);
    // A constant figure feasible in 2015-2020 may not be later, when fewer are left: the later period is named.
    const later = messageOf(() => project(base, { ...good, migration: { netPerYear: -200_000 } }, { until: 2030 }));
    expect(later).toMatch(/can supply in 20(20-2025|25-2030): at most [\d,]+ net out-migrants a year/);
  });
});
