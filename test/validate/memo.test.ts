import { describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import { ValidationMemo } from '../../src/validate/memo.js';
import { yingkou } from '../../src/yingkou/data.js';

describe('ValidationMemo', () => {
  it('derives again until an object is seen unchanged, and whenever its data changed', () => {
    const memo = new ValidationMemo<number>();
    let calls = 0;
    const derive = () => ++calls;
    const input = { a: [1, 2], b: Float64Array.of(3, 4), c: { 2015: 1, 2020: 2 } as Record<number, number> };
    expect(memo.get(input, derive)).toBe(1);
    expect(memo.get(input, derive)).toBe(2); // the second sight takes the snapshot
    expect(memo.get(input, derive)).toBe(2);
    input.a[1] = 5;
    expect(memo.get(input, derive)).toBe(3);
    expect(memo.get(input, derive)).toBe(3);
    input.b[0] = NaN;
    expect(memo.get(input, derive)).toBe(4);
    expect(memo.get(input, derive)).toBe(4); // NaN equals its snapshot (Object.is)
    input.c[2030] = 3;
    expect(memo.get(input, derive)).toBe(5);
    (input as Record<string, unknown>).d = undefined;
    expect(memo.get(input, derive)).toBe(6);
    const other = { ...input };
    expect(memo.get(other, derive)).toBe(7); // another object: derived on its own
    expect(memo.get(input, derive)).toBe(6);
  });
  it('remembers nothing when derivation throws', () => {
    const memo = new ValidationMemo<number>();
    let calls = 0;
    const input = {};
    const bad = () => {
      calls++;
      throw new Error('bad');
    };
    for (let i = 0; i < 3; i++) expect(() => memo.get(input, bad)).toThrow('bad');
    expect(calls).toBe(3);
  });
});

describe('project() never uses a stale validation', () => {
  it('follows a scenario and a base changed in place between calls', () => {
    const scenario = structuredClone(yingkou.scenarios.plan) as { fertility: { tfr: Record<number, number> } } & typeof yingkou.scenarios.plan;
    const base = { year: 2015, female: Float64Array.from(yingkou.base2015.female), male: Float64Array.from(yingkou.base2015.male) };
    const total = () => project(base, scenario, { until: 2030 }).indicators.years[3]!.total;
    const first = total();
    expect(total()).toBe(first);
    scenario.fertility.tfr[2030] = 2.5;
    const higher = total();
    expect(higher).toBeGreaterThan(first);
    base.female[5] = base.female[5]! + 1000;
    expect(total()).toBeGreaterThan(higher);
    scenario.fertility.tfr[2030] = -1;
    expect(() => total()).toThrow('fertility.tfr.2030: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -1');
  });
});
