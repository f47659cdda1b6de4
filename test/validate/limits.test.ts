import { describe, expect, it } from 'vitest';
import {
  assessTarget,
  asfrFromTfr,
  dominantRoot,
  fitToMargins,
  InputError,
  mxForE0,
  netMigrantsByAge,
  project,
  projectCohorts,
  requiredNetMigration,
  requiredTfr,
  simulate,
  splitE0,
  type Scenario,
} from '../../src/index.js';
import { formatValue } from '../../src/validate/errors.js';
import { parseWith } from '../../src/validate/parse.js';
import { numbers, persons } from '../../src/validate/schemas.js';
import { messageOf } from '../inputError.js';
import { city2015, plan, planWithMigration } from '../stochastic/fixtures.js';

// Issue 11 §5: one rule per quantity, overflow stopped where it enters, a limit on every size, units
// in the messages, bounded messages. Each test failed before the rules of src/validate/schemas.ts.

const target = { year: 2030, population: 2_600_000 };
const withTfr = (tfr: number): Scenario => ({ ...plan, fertility: { ...plan.fertility, tfr: { 2015: 0.71, 2030: tfr } } });

describe('one rule for every openAge', () => {
  it('requiredTfr(…, { openAge: 50 }) names the option and the rule, not the indicators’ "pop"', () => {
    const m = messageOf(() => requiredTfr(city2015, plan, target, { openAge: 50 }));
    expect(m).toBe('options.openAge: expected a multiple of 5 from 65 to 130, got 50');
  });
  it('every function with an openAge states the same rule (its own least open age), and -Infinity or 1e9 fail at once', () => {
    expect(messageOf(() => assessTarget(city2015, plan, target, { openAge: -Infinity }))).toBe('options.openAge: expected a multiple of 5 from 65 to 130, got -Infinity');
    expect(messageOf(() => requiredNetMigration(city2015, plan, target, { openAge: 1e9 }))).toBe('options.openAge: expected a multiple of 5 from 65 to 130, got 1000000000');
    expect(messageOf(() => project(city2015, plan, { until: 2030, openAge: 135 }))).toBe('options.openAge: expected a multiple of 5 from 65 to 130, got 135');
    expect(messageOf(() => netMigrantsByAge(1000, { openAge: 1e9 }))).toBe('options.openAge: expected a multiple of 5 from 5 to 130, got 1000000000');
    expect(messageOf(() => asfrFromTfr(1.5, 'china-2015', { openAge: 45 }))).toBe('options.openAge: expected a multiple of 5 from 50 to 130, got 45');
  });
});

describe('overflow is caught where it enters, at the field the user gave', () => {
  it('a TFR, SRB or net migration of 1e308 is blamed on itself, not on periods[0] or mortality.e0', () => {
    expect(messageOf(() => project(city2015, withTfr(1e308), { until: 2030 }))).toMatch(/^fertility\.tfr\.2030: expected children per woman from 0 to 15/);
    expect(messageOf(() => project(city2015, { ...plan, srb: 1e308 }, { until: 2030 }))).toMatch(/^srb: expected males per 100 female births from 80 to 150/);
    expect(messageOf(() => project(city2015, { ...plan, migration: { netPerYear: 1e308 } }, { until: 2030 }))).toMatch(
      /^migration\.netPerYear: expected net migrants a year from -1e\+10 to 1e\+10/,
    );
    expect(messageOf(() => project({ ...city2015, female: [1e308, ...city2015.female.slice(1)] }, plan, { until: 2030 }))).toMatch(/^base\.female\[0\]: expected a number of persons/);
  });
});

describe('plausible units, with the unit in the message', () => {
  it('an SRB of 1.07 (males per female) is rejected: "SRB is males per 100 female births, e.g. 107"', () => {
    const m = messageOf(() => project(city2015, { ...plan, srb: 1.07 }, { until: 2030 }));
    expect(m).toContain('SRB is males per 100 female births, e.g. 107');
    expect(m).toMatch(/^srb: /);
    expect(messageOf(() => splitE0(78, { srb: 1.07 }))).toContain('SRB is males per 100 female births, e.g. 107');
  });
  it('a TFR of 1200 (per 1,000 women, as yearbooks print it) is rejected with the unit', () => {
    const m = messageOf(() => project(city2015, withTfr(1200), { until: 2030 }));
    expect(m).toContain('TFR is children per woman');
    expect(m).toContain('per 1,000 women');
    expect(messageOf(() => asfrFromTfr(1200, 'china-2015'))).toContain('TFR is children per woman');
  });
});

describe('every size has a limit that fails fast', () => {
  it('horizon: until 2015 + 5e7 fails at once (it ran out of memory after minutes)', () => {
    expect(messageOf(() => project(city2015, plan, { until: 2015 + 5e7 }))).toBe('options.until: expected an integer year from -9999 to 9999, got 50002015');
    expect(messageOf(() => project(city2015, plan, { until: 4015 }))).toBe(
      'options.until: expected the base year 2015 plus a multiple of 5, at most 1000 years (the longest projection), got 4015',
    );
    expect(messageOf(() => assessTarget(city2015, plan, { year: 2015 + 5e7, population: 1 }))).toMatch(/^target\.year: /);
    expect(() => projectCohorts(city2015, new Array(201).fill({}))).toThrow('periods: expected at most 200 periods');
  });
  it('trajectories and σ: 5e7 trajectories and an e0 σ of 1e6 are InputErrors (σ 1e6 threw a RangeError)', () => {
    const o = { trajectories: 10, seed: 1, until: 2025 };
    expect(messageOf(() => simulate(city2015, plan, {}, { ...o, trajectories: 5e7 }))).toBe('options.trajectories: expected an integer from 1 to 10000000, got 50000000');
    expect(messageOf(() => simulate(city2015, plan, { e0: { sigma: 1e6 } }, o))).toBe(
      'uncertainty.e0.sigma: expected a standard deviation from 0 to 5 (years, per 5-year period), got 1000000',
    );
  });
  it('a period on a grid beyond the highest open age is rejected (and its schema is not cached)', () => {
    const G = 5000;
    const ratios = new Array(G - 1).fill(0.99);
    const period = { survival: { female: { birth: 0.99, ratios }, male: { birth: 0.99, ratios } }, asfr: [0, ...new Array(G - 1).fill(0.01)], srb: 105 };
    expect(messageOf(() => dominantRoot(period))).toBe('period.asfr: expected from 2 to 131 rates (one per age group, open age at most 130), got an array of length 5000');
  });
  it('fitToMargins(ref, [{ from: 0, to: 1e9 }]) is an InputError (it aborted Node)', () => {
    const ref = { female: city2015.female, male: city2015.male };
    expect(messageOf(() => fitToMargins(ref, [{ from: 0, to: 1e9, population: 1 }]))).toMatch(/^margins\[0\]\.to: expected an age from 0 to 135/);
    expect(messageOf(() => fitToMargins(ref, [{ from: 0, to: 125, population: 1 }]))).toMatch(/^margins\[0\]\.to: expected an age on the 5-year grid in \(from, 100\]/);
  });
  it('arrays longer than 10,000 items, inputs nested deeper than 32 levels and cycles are rejected before validation', () => {
    expect(messageOf(() => mxForE0(75, { sex: 'female', model: { baseline: new Float64Array(1e6) } }))).toBe('options.model.baseline: expected at most 10000 items, got an array of length 1000000');
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(messageOf(() => project(city2015, deep as Scenario, { until: 2030 }))).toMatch(/^a\.a\.a.*: expected data nested at most 32 levels deep/);
    const cyclic: Record<string, unknown> = { ...plan };
    cyclic.self = cyclic;
    expect(messageOf(() => project(city2015, cyclic as Scenario, { until: 2030 }))).toMatch(/^self: expected plain data without cycles, got /);
  });
});

describe('messages are bounded', () => {
  it('a value is quoted in a short window, however big', () => {
    expect(formatValue('x'.repeat(20_000_000)).length).toBeLessThan(120);
    expect(formatValue(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])))).toBe('an object with 1000 keys');
  });
  it('an input with a million bad values gives a message of a few lines (it listed every one)', () => {
    const e = (() => {
      try {
        parseWith(numbers(persons()), new Array(10_000).fill(-1), 'population');
      } catch (err) {
        return err as InputError;
      }
      throw new Error('expected an InputError');
    })();
    expect(e.issues).toHaveLength(10_000);
    expect(e.message.split('\n')).toHaveLength(21);
    expect(e.message.split('\n').at(-1)).toBe('… and 9980 more issues');
  });
});

describe('seeds', () => {
  it('seeds 1 and 6,957,085,543 give distinct simulations (the 53-bit seed was folded into 32 bits)', () => {
    const o = { trajectories: 20, until: 2025, keep: true };
    const a = simulate(city2015, planWithMigration, {}, { ...o, seed: 1 });
    const b = simulate(city2015, planWithMigration, {}, { ...o, seed: 6_957_085_543 });
    expect(Array.from(a.totals![1]!)).not.toEqual(Array.from(b.totals![1]!));
  });
});

describe('InputError of any build', () => {
  it('is recognised by instanceof through its Symbol.for brand, not its class', () => {
    const e = (() => {
      try {
        project(city2015, plan, { until: 2031 });
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(InputError);
    // An error made by another copy of the class (another build) carries the same brand.
    const foreign = Object.assign(new Error('x'), { [Symbol.for('ccmpp.InputError')]: true, [Symbol.for('ccmpp.CcmppError')]: true });
    expect(foreign instanceof InputError).toBe(true);
    expect(new Error('x') instanceof InputError).toBe(false);
  });
});
