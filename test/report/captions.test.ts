import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { pyramidCaption, trajectoryCaption } from '../../src/report/captions.js';
import { frontierSpec } from '../../src/report/frontier.js';
import { pyramidSpec } from '../../src/report/pyramid.js';
import { trajectorySpec } from '../../src/report/trajectory.js';
import type { VegaLiteSpec } from '../../src/report/vegaLite.js';
import { project } from '../../src/scenario/project.js';
import { yingkou } from '../../src/yingkou/data.js';
import { compileSpec } from './compileSpec.js';

// Issue 11 §2: chart captions say what the marks are. Captions are read off the specs, and these
// tests check them against the specs' layers (and the rendered legend), not against fixed strings.

type Layer = { mark: { type: string; strokeDash?: number[]; filled?: boolean }; encoding: { y?: { field?: string }; color?: { field?: string } } };
const layers = (spec: VegaLiteSpec) => spec.layer as Layer[];
const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });
const fan = p.indicators.years.map((y) => ({ year: y.year, q025: y.total - 40_000, q10: y.total - 20_000, q50: y.total, q90: y.total + 20_000, q975: y.total + 40_000 }));

describe('trajectory caption', () => {
  const spec = trajectorySpec({ series: [{ name: 'plan', projection: p }], fan, targets: [{ year: 2030, population: 2_600_000 }], observed: [{ year: 2020, population: 2_328_582 }] });
  const caption = trajectoryCaption(spec, { fan: '100 trajectories' });
  const medianAt = layers(spec).findIndex((l) => l.mark.type === 'line' && l.encoding.y?.field === 'q50');
  const lineAt = layers(spec).findIndex((l) => l.mark.type === 'line' && l.encoding.color?.field === 'series');

  it('says "dashed" only when the median layer has a stroke dash, and "over the lines" only when it is drawn after them', () => {
    expect(medianAt).toBeGreaterThan(lineAt); // the fix: a dashed median under the plan's solid line did not show
    expect(layers(spec)[medianAt]!.mark.strokeDash).toBeDefined();
    expect(caption).toContain('dashed, over the lines: their median');
    // The same caption function on a spec whose median is solid and under the lines says so.
    const solidUnder = { ...spec, layer: [layers(spec)[medianAt]!, ...layers(spec).filter((_, i) => i !== medianAt)].map((l, i) => (i === 0 ? { ...l, mark: { ...l.mark, strokeDash: undefined } } : l)) };
    const other = trajectoryCaption(solidUnder as VegaLiteSpec);
    expect(other).not.toContain('dashed');
    expect(other).toContain('under the lines (hidden where they meet)');
  });

  it('names only marks the spec draws', () => {
    expect(caption).toContain('Red diamonds: targets.');
    expect(caption).toContain('Black dots: observed counts.');
    expect(caption).toContain('Shaded: 95 % and 80 % of 100 trajectories');
    const plain = trajectorySpec({ series: [{ name: 'plan', projection: p }] });
    const c = trajectoryCaption(plain);
    expect(c).toBe('Lines: projections (named in the legend).');
    expect(compileSpec(spec).warnings).toEqual([]);
  });
});

describe('pyramid: legend swatches drawn as the bars are', () => {
  const spec = pyramidSpec(p, [2015, 2030]);
  it('caption from the layers: the first year filled, the later ones outlined', () => {
    const bars = layers(spec).filter((l) => l.mark.type === 'bar');
    expect(bars.map((l) => l.mark.filled !== false)).toEqual([true, false]);
    expect(pyramidCaption(spec, [2015, 2030])).toBe('Filled bars: 2015; outlines: 2030, as in the legend. Males left, females right.');
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it('the rendered legend: 2015 a filled swatch, 2030 an outline (it was filled)', async () => {
    const view = new vega.View(vega.parse(compileSpec(spec).vega as vega.Spec), { renderer: 'none' });
    const svg = await view.toSVG();
    const legend = svg.slice(svg.indexOf('role-legend'));
    const swatches = [...legend.matchAll(/<path transform="translate\(6,6\)"[^>]*>/g)].map((m) => m[0]);
    expect(swatches).toHaveLength(2);
    expect(swatches[0]).toContain('fill-opacity="0.55"');
    expect(swatches[1]).toContain('fill-opacity="0"');
    expect(swatches[1]).toMatch(/stroke="#[0-9a-f]{6}"/i);
  });
});

describe('frontier: the x axis is the target year’s TFR', () => {
  it('names the year of the target', () => {
    const spec = frontierSpec([{ tfr: 1.8, netPerYear: { status: 'reachable', value: 11_473, achieved: 2_600_000, iterations: 3 } }], { target: { year: 2030, population: 2_600_000 } });
    const x = (layers(spec) as unknown as { encoding: { x?: { axis: { title: string } } } }[]).find((l) => l.encoding.x)!.encoding.x!;
    expect(x.axis.title).toBe('TFR in 2030 (children per woman)');
    const generic = frontierSpec([{ tfr: 1.8, netPerYear: { status: 'reachable', value: 1, achieved: 1, iterations: 1 } }]);
    expect(JSON.stringify(generic)).toContain('TFR in the target year');
  });
});
