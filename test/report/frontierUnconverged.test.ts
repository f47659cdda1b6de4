import { describe, expect, it } from 'vitest';
import { FRONTIER_STATUS, frontierSpec } from '../../src/report/frontier.js';
import type { FrontierPoint } from '../../src/targets/frontier.js';
import { compileSpec, layerData } from './compileSpec.js';

// A frontier point whose search stopped (issue 11 §3) is drawn as what it is, never as an answer.
describe('frontierSpec: an unconverged point', () => {
  it('is a cross of its own status at its closest value, labelled "? value", and the spec compiles', () => {
    const f: FrontierPoint[] = [
      { tfr: 1, netPerYear: { status: 'reachable', value: 800, achieved: 1000, iterations: 3 } },
      { tfr: 2, netPerYear: { status: 'unconverged', reason: 'iterations', value: 500, achieved: 990, iterations: 200 } },
    ];
    const spec = frontierSpec(f);
    const points = layerData(spec).find((d) => d.length === 2 && d.some((r) => r.status === FRONTIER_STATUS.unconverged))!;
    expect(points.map((r) => [r.tfr, r.net, r.status, r.label])).toEqual([
      [1, 800, FRONTIER_STATUS.reachable, '+800'],
      [2, 500, FRONTIER_STATUS.unconverged, '? +500'],
    ]);
    const layer = (spec.layer as { mark: { type: string }; encoding?: { shape?: { scale: { domain: string[]; range: string[] } } } }[]).find((l) => l.encoding?.shape)!;
    const { domain, range } = layer.encoding!.shape!.scale;
    expect(range[domain.indexOf(FRONTIER_STATUS.unconverged)]).toBe('cross');
    expect(compileSpec(spec).warnings).toEqual([]);
  });
});
