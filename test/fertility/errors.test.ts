import { messageOf as message } from '../inputError.js';
import { describe, expect, it } from 'vitest';
import { asfrFromTfr } from '../../src/fertility/asfr.js';
import { hadwigerPattern } from '../../src/fertility/hadwiger.js';
import { meanAgeAtChildbearing } from '../../src/fertility/meanAge.js';
import { fertilityPattern, fertilityPatternSchema } from '../../src/fertility/pattern.js';
import { tfr } from '../../src/fertility/tfr.js';
import { parseWith } from '../../src/validate/parse.js';
import { z } from 'zod';

const OK = [0, 0.2, 0.4, 0.3, 0.1, 0, 0];

describe('fertility: one clear error per rule', () => {
  it('a pattern that does not sum to 1 is rejected with its sum, not normalised', () => {
    expect(message(() => fertilityPattern([0, 0.25, 0.5, 0.25, 0.25, 0, 0]))).toBe(
      'pattern: expected shares that sum to 1 (within 1e-9), got 1.25',
    );
    // The published per cents as given (sum 100.00001) are not shares.
    expect(message(() => fertilityPattern([2.25888, 34.52367, 34.68462, 18.6571, 6.85473, 2.71302, 0.30799]))).toMatch(
      /^pattern: expected shares that sum to 1 \(within 1e-9\), got 100\.0000100/,
    );
    // Just outside the tolerance fails; just inside passes and is kept as given.
    expect(message(() => fertilityPattern([0, 0.2, 0.4, 0.3, 0.1 + 2e-9, 0, 0]))).toMatch(/got 1\.000000002/);
    expect(fertilityPattern([0, 0.2, 0.4, 0.3, 0.1 + 5e-10, 0, 0])[4]).toBe(0.1 + 5e-10);
  });

  it('NaN, negative, infinite shares and wrong lengths', () => {
    expect(message(() => fertilityPattern([NaN, 0.2, 0.4, 0.3, 0.1, 0, 0]))).toBe('pattern[0]: expected a finite number, got NaN');
    expect(message(() => fertilityPattern([0.1, -0.1, 0.4, 0.3, 0.3, 0, 0]))).toBe('pattern[1]: expected a finite number >= 0, got -0.1');
    expect(message(() => fertilityPattern([0, 0.2, 0.4, 0.3, Infinity, 0, 0]))).toMatch(/^pattern\[4\]: expected a finite number/);
    expect(message(() => fertilityPattern([0.2, 0.4, 0.3, 0.1, 0, 0]))).toBe(
      'pattern: expected 7 shares (15-19 … 45-49) or 35 (single ages 15 … 49), got an array of length 6',
    );
    expect(message(() => fertilityPattern([...OK, 0]))).toBe('pattern: expected 7 shares (15-19 … 45-49) or 35 (single ages 15 … 49), got an array of length 8');
  });

  it('an unknown name or a non-pattern', () => {
    expect(message(() => fertilityPattern('china-2020' as never))).toBe(
      `pattern: expected 'china-2015' or 7 shares of TFR (15-19 … 45-49), got "china-2020"`,
    );
    expect(message(() => fertilityPattern(3 as never))).toMatch(/^pattern: expected 'china-2015' or 7 shares/);
  });

  it('reports nested paths inside a larger schema', () => {
    const scenario = z.object({ fertility: z.object({ pattern: fertilityPatternSchema }) });
    expect(message(() => parseWith(scenario, { fertility: { pattern: [0, 0.2, 0.4, 0.3, 0.2, 0, 0] } }, 'scenario'))).toMatch(
      /^scenario\.fertility\.pattern: expected shares that sum to 1 \(within 1e-9\), got 1\.1/,
    );
    expect(message(() => parseWith(scenario, { fertility: { pattern: [0, 0.2, -0.4, 0.3, 0.2, 0, 0] } }, 'scenario'))).toBe(
      'scenario.fertility.pattern[2]: expected a finite number >= 0, got -0.4',
    );
    expect(parseWith(scenario, { fertility: { pattern: 'china-2015' } })).toEqual({ fertility: { pattern: 'china-2015' } });
  });

  it('asfrFromTfr: negative or NaN TFR, bad openAge, unknown option', () => {
    expect(message(() => asfrFromTfr(-0.1, OK))).toBe('tfr: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -0.1');
    expect(message(() => asfrFromTfr(NaN, OK))).toBe('tfr: expected a finite number, got NaN');
    expect(message(() => asfrFromTfr(1, OK, { openAge: 52 }))).toBe(
      'options.openAge: expected a multiple of 5 from 50 to 130, got 52',
    );
    expect(message(() => asfrFromTfr(1, OK, { openAge: 45 }))).toMatch(/^options\.openAge: expected a multiple of 5 from 50 to 130/);
    expect(message(() => asfrFromTfr(1, OK, { open: 100 } as never))).toBe(
      'options: expected only the keys openAge and width (unknown: open), got "open"',
    );
  });

  it('tfr and meanAgeAtChildbearing: layout, open group, all-zero rates', () => {
    expect(message(() => tfr([0.1, 0.1, 0.1]))).toMatch(/^asfr: expected 7 values \(15-19 … 45-49\) or a 5-year grid from 0-4 with open age >= 50/);
    expect(message(() => tfr(new Float64Array(10)))).toMatch(/got an array of length 10$/);
    const grid = new Float64Array(11);
    grid[10] = 0.01;
    expect(message(() => tfr(grid))).toBe('asfr[10]: expected 0 in the open group 50+ (it has no width), got 0.01');
    expect(message(() => tfr([0, 0.1, -0.1, 0, 0, 0, 0]))).toBe('asfr[2]: expected births per woman a year from 0 to 3, got -0.1');
    expect(message(() => meanAgeAtChildbearing([0, 0, 0, 0, 0, 0, 0]))).toMatch(/^rates: expected at least one rate > 0/);
    expect(message(() => meanAgeAtChildbearing([0, NaN, 0, 0, 0, 0, 1]))).toBe('rates[1]: expected a finite number, got NaN');
  });

  it('hadwigerPattern: mean age outside 15-50, sd < 1 or > meanAge, NaN, unknown key', () => {
    expect(message(() => hadwigerPattern({ meanAge: 55, sd: 5 }))).toBe('shape.meanAge: expected a mean age in [15, 50] years, got 55');
    expect(message(() => hadwigerPattern({ meanAge: 29, sd: 0.5 }))).toBe('shape.sd: expected a standard deviation >= 1 year, got 0.5');
    expect(message(() => hadwigerPattern({ meanAge: 20, sd: 21 }))).toBe('shape.sd: expected a standard deviation <= meanAge (20), got 21');
    expect(message(() => hadwigerPattern({ meanAge: NaN, sd: 5 }))).toBe('shape.meanAge: expected a finite number, got NaN');
    expect(message(() => hadwigerPattern({ meanAge: 29, sd: 5, tfr: 2 } as never))).toMatch(/^shape: expected \{ meanAge, sd \}/);
  });
});
