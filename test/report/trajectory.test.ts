import { describe, expect, it } from 'vitest';
import { trajectorySpec } from '../../src/report/trajectory.js';
import { project } from '../../src/scenario/project.js';
import { yingkou } from '../../src/yingkou/data.js';
import { compileSpec, layerData } from './compileSpec.js';

const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });
const fan = [
  { year: 2015, q025: 2443000, q10: 2443000, q50: 2443000, q90: 2443000, q975: 2443000 },
  { year: 2030, q025: 2300000, q10: 2350000, q50: 2400000, q90: 2450000, q975: 2500000 },
];

describe('trajectorySpec', () => {
  it('draws each series (points or a projection), the targets and the observed counts with their labels', () => {
    const spec = trajectorySpec({
      series: [
        { name: 'plan', projection: p },
        { name: 'other', points: [{ year: 2015, total: 2443000 }, { year: 2030, total: 2500000 }] },
      ],
      targets: [{ year: 2030, population: 2_600_000 }],
      observed: [{ year: 2020, population: 2_328_582, label: 'census 2020', labelPosition: 'left' }],
    });
    const data = layerData(spec);
    const lines = data[0]!;
    expect(lines.filter((r) => r.series === 'plan').map((r) => r.total)).toEqual(p.indicators.years.map((y) => y.total));
    expect(lines.filter((r) => r.series === 'other')).toHaveLength(2);
    const labels = data.flat().filter((r) => 'label' in r).map((r) => r.label);
    expect(labels).toContain('target 2,600,000');
    expect(labels).toContain('census 2020');
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it('shades a simulation fan (95 % and 80 % bands, median) and says so', () => {
    const spec = trajectorySpec({ fan, series: [{ name: 'scenario', points: [{ year: 2015, total: 2443000 }, { year: 2030, total: 2400000 }] }] });
    const layers = spec.layer as { mark: { type: string }; encoding: { y: { field: string }; y2?: { field: string } } }[];
    expect(layers.slice(0, 2).map((l) => [l.mark.type, l.encoding.y.field, l.encoding.y2?.field])).toEqual([
      ['area', 'q025', 'q975'],
      ['area', 'q10', 'q90'],
    ]);
    // The median is drawn after (over) the scenario's line, which lies on it.
    const median = layers.findIndex((l) => l.mark.type === 'line' && l.encoding.y.field === 'q50');
    const line = layers.findIndex((l) => l.mark.type === 'line' && l.encoding.y.field === 'total');
    expect(median).toBeGreaterThan(line);
    expect((spec.title as { subtitle: string }).subtitle).toMatch(/95 % and 80 % of simulated trajectories/);
    expect(compileSpec(spec).warnings).toEqual([]);
    expect(compileSpec(trajectorySpec({ fan })).warnings).toEqual([]);
  });

  it('ticks every 5 years; axis digits enough to tell ticks apart', () => {
    const spec = trajectorySpec({ series: [{ name: 'a', points: [{ year: 2015, total: 1_000_000 }, { year: 2030, total: 1_048_000 }] }], observed: [{ year: 2021, population: 1_010_000 }] });
    const x = (spec.layer as { encoding: { x: { axis: { values: number[] } }; y: { axis: { format: string } } } }[])[0]!.encoding;
    expect(x.x.axis.values).toEqual([2015, 2020, 2025, 2030]);
    expect(x.y.axis.format).toBe(',.4~s');
  });

  it('rejects bad input with its path', () => {
    expect(() => trajectorySpec({})).toThrow('input: expected at least one series or a fan');
    expect(() => trajectorySpec({ series: [{ name: 'a', points: [] }] })).toThrow('input.series[0]');
    expect(() => trajectorySpec({ fan: [{ ...fan[1]!, q10: 2_600_000 }] })).toThrow('input.fan[0]: expected quantiles in increasing order (q025 <= q10 <= q50 <= q90 <= q975)');
    const pts = [{ year: 2015, total: 1 }];
    expect(() => trajectorySpec({ series: [{ name: 'a', points: pts }, { name: 'a', points: pts }] })).toThrow('input.series[1].name: expected a name not used by another series, got "a"');
    expect(() => trajectorySpec({ series: [{ name: 'a', points: pts }], targets: [{ year: 2030, population: -1 }] })).toThrow('input.targets[0].population: expected a finite number >= 0, got -1');
  });
});
