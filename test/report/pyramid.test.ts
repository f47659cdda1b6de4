import { describe, expect, it } from 'vitest';
import { pyramidSpec } from '../../src/report/pyramid.js';
import { project } from '../../src/scenario/project.js';
import { InputError } from '../../src/validate/errors.js';
import { yingkou } from '../../src/yingkou/data.js';
import { compileSpec } from './compileSpec.js';

const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });
type Row = { year: string; sex: string; age: string; persons: number; value: number };

describe('pyramidSpec', () => {
  it('puts males left (negative) and females right, one bar per year × sex × age group, persons as projected', () => {
    const spec = pyramidSpec(p, [2015, 2030]);
    const rows = (spec.data as { values: Row[] }).values;
    expect(rows).toHaveLength(2 * 2 * 21);
    for (const r of rows) {
      const t = p.years.indexOf(Number(r.year));
      const i = p.ageGroups.indexOf(r.age);
      const sex = r.sex === 'Males' ? 'male' : 'female';
      expect(r.persons).toBe(p.population[t]![sex][i]);
      expect(r.value).toBe(sex === 'male' ? -r.persons : r.persons);
    }
  });

  it('overlays the years: the first filled, later ones as outlines, one colour each; oldest group at the top', () => {
    const spec = pyramidSpec(p, [2015, 2020, 2030]);
    const layers = spec.layer as { mark: { type: string; filled?: boolean }; transform?: unknown[]; encoding?: { y?: { sort: string[] }; color?: { scale: { domain: string[] } } } }[];
    expect(layers[0]!.transform).toEqual([{ filter: { field: 'year', equal: '2015' } }]);
    expect(layers[1]!.transform).toEqual([{ filter: { not: { field: 'year', equal: '2015' } } }]);
    expect(layers[1]!.mark).toMatchObject({ type: 'bar', filled: false });
    expect(layers[0]!.encoding!.color!.scale.domain).toEqual(['2015', '2020', '2030']);
    expect(layers[0]!.encoding!.y!.sort[0]).toBe('100+');
    expect(layers[0]!.encoding!.y!.sort.at(-1)).toBe('0-4');
    const domain = (layers[0]!.encoding as { x: { scale: { domain: number[] } } }).x.scale.domain;
    expect(domain[0]).toBe(-domain[1]!); // symmetric
  });

  it('scaleMax fixes the x scale (the same for every year a page shows), and may not cut a bar', () => {
    const domainOf = (spec: ReturnType<typeof pyramidSpec>) => ((spec.layer as { encoding?: { x?: { scale?: { domain: number[] } } } }[])[0]!.encoding!.x!.scale!.domain);
    let largest = 0;
    for (const pop of p.population) for (const x of [...pop.female, ...pop.male]) largest = Math.max(largest, x);
    const fixed = largest * 1.08;
    expect(domainOf(pyramidSpec(p, [2015, 2020], { scaleMax: fixed }))).toEqual([-fixed, fixed]);
    expect(domainOf(pyramidSpec(p, [2015, 2030], { scaleMax: fixed }))).toEqual([-fixed, fixed]);
    // Without it, the largest bar of the years drawn plus 8 %.
    let drawn = 0;
    for (const t of [0, 3]) for (const x of [...p.population[t]!.female, ...p.population[t]!.male]) drawn = Math.max(drawn, x);
    expect(domainOf(pyramidSpec(p, [2015, 2030]))).toEqual([-drawn * 1.08, drawn * 1.08]);
    expect(() => pyramidSpec(p, [2015, 2030], { scaleMax: drawn - 1 })).toThrow(`options.scaleMax: expected at least the largest bar drawn (${drawn}), got ${drawn - 1}`);
    expect(() => pyramidSpec(p, [2015, 2030], { scaleMax: -5 })).toThrow(InputError);
    // In shares: the scale's unit is the chart's.
    expect(domainOf(pyramidSpec(p, [2015], { unit: 'share', scaleMax: 0.1 }))).toEqual([-0.1, 0.1]);
  });

  it('defaults to the first and last years; shares sum to 1 per year', () => {
    const spec = pyramidSpec(p, undefined, { unit: 'share' });
    const rows = (spec.data as { values: Row[] }).values;
    expect([...new Set(rows.map((r) => r.year))]).toEqual(['2015', '2030']);
    for (const y of ['2015', '2030']) {
      const sum = rows.filter((r) => r.year === y).reduce((s, r) => s + Math.abs(r.value), 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('accepts a bare cohort projection (labels derived) and compiles without a vega-lite warning', () => {
    const spec = pyramidSpec({ years: p.years, population: p.population }, [2030]);
    expect((spec.layer as unknown[]).length).toBe(4); // bars, zero rule, two side labels
    expect(compileSpec(spec).warnings).toEqual([]);
    expect(compileSpec(pyramidSpec(p, [2015, 2025, 2030], { title: 'x', width: 300, height: 300, unit: 'share' })).warnings).toEqual([]);
  });

  it('rejects years the projection does not have, repeated years, and bad shapes', () => {
    expect(() => pyramidSpec(p, [2016])).toThrow(new InputError([{ path: 'years[0]', rule: "expected one of the projection's years (2015, 2020, 2025, 2030)", value: 2016 }]));
    expect(() => pyramidSpec(p, [2015, 2015])).toThrow('years[1]: expected each year once, got 2015');
    expect(() => pyramidSpec(p, [])).toThrow('years: expected at least one year');
    expect(() => pyramidSpec({ years: [2015], population: [{ female: [1, 2], male: [1] }] })).toThrow('projection.population[0]: expected 2 female and 2 male groups, as in the first year');
    expect(() => pyramidSpec({ years: [2015, 2020], population: [{ female: [1, 2], male: [1, 2] }] })).toThrow('projection.population: expected one population per year (2)');
    expect(() => pyramidSpec(p, [2015], { unit: 'percent' as never })).toThrow(`options.unit: expected 'persons' or 'share', got "percent"`);
  });
});
