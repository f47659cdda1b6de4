import { inputErrorOf as errorOf } from '../inputError.js';
import { describe, expect, it } from 'vitest';
import { lifeTable, projectCohorts, survivalRatios, type PeriodInputs } from '../../src/index.js';

// Bad input is rejected at the boundary with an InputError whose message names the field, the rule
// and the value (`<path>: <rule>, got <value>`); nothing is clamped.

// Four groups: open age 15.
const survival = { birth: 0.98, ratios: [0.99, 0.99, 0.9] };
const period = (over: Partial<PeriodInputs> = {}): PeriodInputs => ({
  survival: { female: survival, male: survival },
  asfr: [0, 0, 0.05, 0.1],
  srb: 105,
  ...over,
});
const base = { year: 2015, female: [100, 100, 100, 100], male: [100, 100, 100, 100] };

describe('projectCohorts rejects bad input', () => {
  it('wrong lengths', () => {
    expect(errorOf(() => projectCohorts(base, [period({ asfr: [0, 0.1] })])).message).toBe(
      'periods[0].asfr: expected 4 rates (one per age group), got an array of length 2',
    );
    expect(errorOf(() => projectCohorts({ ...base, male: [1, 2] }, [period()])).message).toBe(
      'base.male: expected as many male as female groups, got an array of length 2',
    );
    const short = { birth: 0.98, ratios: [0.99] };
    expect(errorOf(() => projectCohorts(base, [period({ survival: { female: short, male: survival } })])).message).toBe(
      'periods[0].survival.female.ratios: expected 3 ratios (one per group but the open one), got an array of length 1',
    );
  });
  it('NaN and infinities', () => {
    expect(errorOf(() => projectCohorts({ ...base, female: [100, NaN, 100, 100] }, [period()])).message).toBe(
      'base.female[1]: expected a finite number, got NaN',
    );
    expect(errorOf(() => projectCohorts(base, [period({ srb: Infinity })])).message).toBe('periods[0].srb: expected a finite number, got Infinity');
  });
  it('negative counts or rates', () => {
    expect(errorOf(() => projectCohorts({ ...base, male: [100, -1, 100, 100] }, [period()])).message).toBe(
      'base.male[1]: expected a number of persons from 0 to 1e+10, got -1',
    );
    expect(errorOf(() => projectCohorts(base, [period({ asfr: [0, 0, -0.1, 0] })])).message).toBe(
      'periods[0].asfr[2]: expected births per woman a year from 0 to 3, got -0.1',
    );
    const bad = { birth: 0.98, ratios: [0.99, 1.2, 0.9] };
    expect(errorOf(() => projectCohorts(base, [period({ survival: { female: survival, male: bad } })])).message).toBe(
      'periods[0].survival.male.ratios[1]: expected a number in [0, 1], got 1.2',
    );
  });
  it('SRB <= 0', () => {
    expect(errorOf(() => projectCohorts(base, [period({ srb: 0 })])).message).toBe('periods[0].srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got 0');
  });
  it('births to girls aged 0-4', () => {
    expect(errorOf(() => projectCohorts(base, [period({ asfr: [0.1, 0, 0, 0] })])).message).toBe(
      'periods[0].asfr: expected 0 in the first age group (0-4, or age 0 on single years; asfr[0]), got an array of length 4',
    );
  });
  it('out-migration larger than the group, at the start or at the end of the period', () => {
    const out = [0, -250, 0, 0];
    const none = [0, 0, 0, 0];
    const e = errorOf(() => projectCohorts(base, [period({ netMigrants: { female: none, male: out } })]));
    expect(e.message).toBe(
      'periods[0].netMigrants.male[1]: expected no more net out-migrants than the male 5-9 group holds at the start of 2015-2020 (it would hold -25.0), got -250',
    );
    expect(e.issues[0]!.path).toBe('periods[0].netMigrants.male[1]');
    // End timing: all 180 leave at the end, from the 99 survivors of 0-4 → 5-9.
    const endOnly = errorOf(() =>
      projectCohorts(base, [period({ netMigrants: { female: [0, -180, 0, 0], male: none }, migrationTiming: 'end' })]),
    );
    expect(endOnly.message).toMatch(/^periods\[0\]\.netMigrants\.female\[1\]: .*at the end of 2015-2020 \(it would hold -81\.0\), got -180$/);
  });
  it('a rate-based out-flow larger than a group, and net out-migrants by age beside an out-flow', () => {
    // Even timing: the start half takes 150 of the 100 women aged 5-9 (schedule 1 there only).
    const schedule = { female: [0, 1, 0, 0], male: [0, 0, 0, 0] };
    expect(errorOf(() => projectCohorts(base, [period({ outMigration: { persons: 300, schedule } })])).message).toBe(
      'periods[0].outMigration: expected an out-flow the population can supply (it would take 1.50 times the people of the female 5-9 group), got nothing',
    );
    expect(errorOf(() => projectCohorts(base, [period({ outMigration: { persons: 100, rate: 1, schedule } })])).message).toBe(
      'periods[0].outMigration.rate: expected a rate per person-year in [0, 1), got 1',
    );
    // 100 out-flow (50 from the 5-9 women at the start), then half of −120 net: 100 − 50 − 60 = −10.
    const e = errorOf(() => projectCohorts(base, [period({ netMigrants: { female: [0, -120, 0, 0], male: [0, 0, 0, 0] }, outMigration: { persons: 100, schedule } })]));
    expect(e.message).toBe(
      'periods[0].netMigrants.female[1]: expected no more net out-migrants than the female 5-9 group holds at the start of 2015-2020 (it would hold -10.0), got -120',
    );
  });
  it('lists every problem at once and leaves the input untouched', () => {
    const female = [100, 100, 100, 100];
    const e = errorOf(() => projectCohorts({ year: 2015.5, female, male: [1, 1, 1, -1] }, [period({ srb: -1 })]));
    expect(e.issues.map((i) => i.path)).toEqual(['base.year', 'base.male[3]']);
    expect(female).toEqual([100, 100, 100, 100]);
  });
});

describe('lifeTable and survivalRatios reject bad input', () => {
  it('names the rate and the rule', () => {
    expect(errorOf(() => lifeTable([0.01, 0.001, -0.002, 0.3], { sex: 'female' })).message).toBe(
      'mx[2]: expected a death rate per person-year from 0 to 100, got -0.002',
    );
    expect(errorOf(() => lifeTable([0.01, 0.001, 0.002, 0], { sex: 'female' })).message).toBe(
      'mx[3]: expected the open-age rate to be > 0, got 0',
    );
    expect(errorOf(() => lifeTable([0.01, 0.3], { sex: 'male' })).message).toBe('mx: expected from 3 to 28 rates (ages 0, 1, 5, …, open age at most 130), got an array of length 2');
    expect(errorOf(() => lifeTable([0.01, 0.001, 0.3], { sex: 'both' as 'male' })).message).toBe(
      `options.sex: expected 'female' or 'male', got "both"`,
    );
    expect(errorOf(() => lifeTable([0.01, 0.001, 0.3], { sex: 'male', ax: [0.1, 1.5, 2] })).message).toBe(
      'options.ax: expected 2 values (every row but the open one), got an array of length 3',
    );
    expect(errorOf(() => lifeTable([0.01, 0.001, 0.3], { sex: 'male', radix: 0 })).message).toBe('options.radix: expected a radix l0 from 1 to 1e+10, got 0');
  });
  it('survivalRatios needs a table that reaches the open age', () => {
    const lt = lifeTable([0.01, 0.001, 0.001, 0.002, 0.3], { sex: 'male' });
    expect(errorOf(() => survivalRatios(lt, { openAge: 20 })).message).toBe("options.openAge: expected at most the life table's open age 15, got 20");
    expect(errorOf(() => survivalRatios(lt, { openAge: 12 })).message).toBe('options.openAge: expected a multiple of 5 from 5 to 130, got 12');
  });
});
