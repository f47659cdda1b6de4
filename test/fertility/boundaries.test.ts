import { describe, expect, it } from 'vitest';
import { asfrFromTfr } from '../../src/fertility/asfr.js';
import { hadwigerPattern } from '../../src/fertility/hadwiger.js';
import { meanAgeAtChildbearing } from '../../src/fertility/meanAge.js';
import { fertilityPattern, patternShares } from '../../src/fertility/pattern.js';
import { messageOf } from '../inputError.js';

// The edges of each documented rule: the value on the boundary is accepted, the one past it is
// rejected with the rule's own words and the field's path.

const OK = [0, 0.2, 0.4, 0.3, 0.1, 0, 0];

describe('fertility rules at their boundaries', () => {
  it('asfrFromTfr options: not an object, or several unknown keys (all named)', () => {
    expect(messageOf(() => asfrFromTfr(1, OK, 5 as never))).toMatch(/^options: expected an options object \{ openAge, width \}/);
    expect(messageOf(() => asfrFromTfr(1, OK, { open: 1, age: 2 } as never))).toMatch(/^options: expected only the keys openAge and width \(unknown: open, age\)/);
  });

  it('hadwigerPattern: sd = meanAge is the widest spread accepted; meanAge 15 and 50 are inside', () => {
    expect(() => hadwigerPattern({ meanAge: 20, sd: 20 })).not.toThrow();
    expect(messageOf(() => hadwigerPattern({ meanAge: 20, sd: 20.5 }))).toBe('shape.sd: expected a standard deviation <= meanAge (20), got 20.5');
    expect(() => hadwigerPattern({ meanAge: 15, sd: 1 })).not.toThrow();
    expect(() => hadwigerPattern({ meanAge: 50, sd: 1 })).not.toThrow();
    expect(messageOf(() => hadwigerPattern({ meanAge: 14.9, sd: 5 }))).toBe('shape.meanAge: expected a mean age in [15, 50] years, got 14.9');
    expect(messageOf(() => hadwigerPattern({ meanAge: 50.1, sd: 5 }))).toBe('shape.meanAge: expected a mean age in [15, 50] years, got 50.1');
    expect(messageOf(() => hadwigerPattern({ meanAge: 29, sd: 0.99 }))).toBe('shape.sd: expected a standard deviation >= 1 year, got 0.99');
  });

  it('meanAgeAtChildbearing names its argument in a layout error', () => {
    expect(messageOf(() => meanAgeAtChildbearing([0.1, 0.2, 0.3]))).toMatch(/^rates: expected 7 values \(15-19 … 45-49\)/);
    const grid = new Float64Array(11);
    grid[4] = 0.1;
    grid[10] = 0.2;
    expect(messageOf(() => meanAgeAtChildbearing(grid))).toBe('rates[10]: expected 0 in the open group 50+ (it has no width), got 0.2');
  });

  it('meanAgeAtChildbearing on a grid: every closed group at its midpoint, 10–14 included', () => {
    // 12.5·1 + 27.5·3 = 95 over 4 rates: 23.75.
    const grid = new Float64Array(11);
    grid[2] = 1;
    grid[5] = 3;
    expect(meanAgeAtChildbearing(grid)).toBe(23.75);
  });

  it('patternShares: a name gives the shipped shares, an array its own values', () => {
    expect(Array.from(patternShares('china-2015'))).toEqual(Array.from(fertilityPattern('china-2015')));
    expect(Array.from(patternShares(OK))).toEqual(OK);
    expect(patternShares(OK)).toBeInstanceOf(Float64Array);
  });
});
