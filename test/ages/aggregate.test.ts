import { describe, expect, it } from 'vitest';
import { aggregateSingleYears } from '../../src/ages/aggregate.js';
import { messageOf as message } from '../inputError.js';

describe('aggregateSingleYears: single years into 5-year groups', () => {
  it('sums each group of five ages and keeps the open group', () => {
    const single = Array.from({ length: 11 }, (_, x) => x + 1); // ages 0 … 9 and 10+
    expect(Array.from(aggregateSingleYears(single))).toEqual([15, 40, 11]);
    expect(Array.from(aggregateSingleYears([1, 2, 3, 4, 5, 6]))).toEqual([15, 6]);
  });
  it('takes open ages that are multiples of 5 from 5 to 130, and names the input otherwise', () => {
    const rule = 'expected single years 0, 1, …, A−1 and A+ with A a multiple of 5 up to 130 (to sum into 5-year groups)';
    expect(aggregateSingleYears(new Array(131).fill(1))).toHaveLength(27);
    expect(message(() => aggregateSingleYears(new Array(136).fill(1)))).toBe(`counts: ${rule}, got 136`);
    expect(message(() => aggregateSingleYears(new Array(7).fill(1), 'base.female'))).toBe(`base.female: ${rule}, got 7`);
    expect(message(() => aggregateSingleYears([1]))).toBe(`counts: ${rule}, got 1`);
    expect(message(() => aggregateSingleYears([1, -2, 3, 4, 5, 6]))).toMatch(/^counts\[1\]: /);
  });
});
