import { describe, expect, it } from 'vitest';
import { sumAges, total } from '../../src/ages/broad.js';
import { ageGroupLabels, groupCount, parseAgeGroupLabel } from '../../src/ages/grid.js';

describe('the 5-year age grid', () => {
  it('labels groups and the open group', () => {
    expect(ageGroupLabels(15)).toEqual(['0-4', '5-9', '10-14', '15+']);
    expect(ageGroupLabels(100)).toHaveLength(21);
    expect(ageGroupLabels(100).at(-1)).toBe('100+');
    expect(groupCount(85)).toBe(18);
    expect(() => ageGroupLabels(12)).toThrow('openAge: expected a multiple of 5 from 5 to 130, got 12');
  });
  it('parses labels back, and nothing else', () => {
    expect(parseAgeGroupLabel('15-19')).toEqual({ start: 15, open: false });
    expect(parseAgeGroupLabel(' 85+ ')).toEqual({ start: 85, open: true });
    expect(parseAgeGroupLabel('15-20')).toBeUndefined();
    expect(parseAgeGroupLabel('adults')).toBeUndefined();
  });
  it('sums age ranges on the grid, never splitting the open group', () => {
    const p = [10, 20, 30, 40];
    expect(sumAges(p, 5, 15)).toBe(50);
    expect(sumAges(p, 10)).toBe(70);
    expect(total(p)).toBe(100);
    expect(() => sumAges(p, 10, 20)).toThrow('to: expected at most the open age 15 (the open group cannot be split), got 20');
    expect(() => sumAges(p, 3)).toThrow('from: expected an age on the 5-year grid, got 3');
  });
});
