import { describe, expect, it } from 'vitest';
import { FRONTIER_STATUS, frontierSpec } from '../../src/report/frontier.js';
import { feasibilityFrontier, type FrontierPoint } from '../../src/targets/frontier.js';
import { yingkou } from '../../src/yingkou/data.js';
import { compileSpec, layerData } from './compileSpec.js';

const target = { year: 2030, population: 2_600_000 };

describe('frontierSpec', () => {
  it('plots the library’s frontier: TFR against the net migration a year, joined by a line', () => {
    const f = feasibilityFrontier(yingkou.base2015, yingkou.scenarios.plan, target, { tfr: [1.2, 1.8, 2.4, 3] });
    const spec = frontierSpec(f, { target });
    const data = layerData(spec);
    const points = data[2]!;
    expect(points.map((r) => [r.tfr, r.net, r.status])).toEqual(f.map((p) => [p.tfr, (p.netPerYear as { value: number }).value, FRONTIER_STATUS.reachable]));
    expect((spec.layer as { mark: { type: string } }[]).map((l) => l.mark.type)).toEqual(['rule', 'line', 'point', 'text']);
    expect((spec.title as { subtitle: string }).subtitle).toBe('constant net migration a year that reaches 2,600,000 in 2030, by TFR');
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it('shows unreachable points at their bound, as such: their own colour, a triangle, "> bound"', () => {
    const f: FrontierPoint[] = [
      { tfr: 2, netPerYear: { status: 'reachable', value: 500, achieved: 1000, iterations: 3 } },
      { tfr: 1, netPerYear: { status: 'unreachable', side: 'above', bound: 9000, achieved: 900 } },
      { tfr: 3, netPerYear: { status: 'unreachable', side: 'below', bound: -9000, achieved: 1100 } },
    ];
    const spec = frontierSpec(f);
    const points = layerData(spec)[1]!; // no line with a single reachable point: rule, point, text
    expect(points.map((r) => [r.tfr, r.net, r.status, r.label])).toEqual([
      [1, 9000, FRONTIER_STATUS.above, '> +9,000'],
      [2, 500, FRONTIER_STATUS.reachable, '+500'],
      [3, -9000, FRONTIER_STATUS.below, '< -9,000'],
    ]);
    const enc = (spec.layer as { encoding?: { shape?: { scale: { domain: string[]; range: string[] } } } }[])[1]!.encoding!;
    expect(enc.shape!.scale).toEqual({ domain: [FRONTIER_STATUS.reachable, FRONTIER_STATUS.above, FRONTIER_STATUS.below], range: ['circle', 'triangle-up', 'triangle-down'] });
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it('thins the value labels of a long frontier (ends kept) so they do not overlap', () => {
    const f: FrontierPoint[] = Array.from({ length: 19 }, (_, i) => ({ tfr: 1.2 + i / 10, netPerYear: { status: 'reachable', value: 1000 - i, achieved: 1, iterations: 1 } }));
    const labels = layerData(frontierSpec(f))[3]!;
    expect(labels.length).toBeLessThanOrEqual(8);
    expect(labels[0]!.tfr).toBe(1.2);
    expect(labels.at(-1)!.tfr).toBeCloseTo(3, 12);
  });

  it('rejects bad input with its path', () => {
    expect(() => frontierSpec([])).toThrow('frontier: expected at least one point');
    expect(() => frontierSpec([{ tfr: 1, netPerYear: { status: 'maybe' } as never }])).toThrow("frontier[0].netPerYear.status: expected a SolveResult (status 'reachable', 'unreachable' or 'unconverged')");
    expect(() => frontierSpec([{ tfr: -1, netPerYear: { status: 'reachable', value: 1, achieved: 1, iterations: 1 } }])).toThrow('frontier[0].tfr: expected children per woman from 0 to 15 (TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000), got -1');
  });
});
