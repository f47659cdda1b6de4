import { describe, expect, it } from 'vitest';
import { prefixIds, renderSvg } from '../../src/cli/render.js';
import { frontierSpec } from '../../src/report/frontier.js';
import { pyramidSpec } from '../../src/report/pyramid.js';
import { trajectorySpec } from '../../src/report/trajectory.js';
import { project } from '../../src/scenario/project.js';
import { yingkou } from '../../src/yingkou/data.js';

// The specs render to SVG in Node (vega + vega-lite, no browser): every chart has its marks.

const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });

/** Number of drawn items inside the SVG's mark groups of a kind (rect, line, symbol, area, text, rule). */
function marks(svg: string, kind: string): number {
  let n = 0;
  for (const m of svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark[^"]*"[^>]*>(.*?)</g>`, 'gs'))) n += (m[1]!.match(/<(path|line|text)\b/g) ?? []).length;
  return n;
}

describe('renderSvg', () => {
  it('draws the pyramid: a bar per year × sex × age group, the side labels', async () => {
    const svg = await renderSvg(pyramidSpec(p, [2015, 2030]), 'a');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(marks(svg, 'rect')).toBe(2 * 2 * 21);
    expect(svg).toContain('>Males</text>');
    expect(svg).toContain('>Females</text>');
  });

  it('draws the trajectory with its fan, and the frontier', async () => {
    const fan = p.years.map((year, i) => {
      const t = p.indicators.years[i]!.total;
      return { year, q025: t * 0.95, q10: t * 0.97, q50: t, q90: t * 1.03, q975: t * 1.05 };
    });
    const svg = await renderSvg(trajectorySpec({ series: [{ name: 'plan', projection: p }], fan, targets: [{ year: 2030, population: 2_600_000 }] }), 'b');
    expect(marks(svg, 'area')).toBe(2);
    expect(marks(svg, 'line')).toBe(2); // the median and the series
    expect(marks(svg, 'symbol')).toBe(4 + 1); // the series' points and the target
    expect(svg).toContain('target 2,600,000');
    const f = await renderSvg(
      frontierSpec([
        { tfr: 1.2, netPerYear: { status: 'reachable', value: 14000, achieved: 2.6e6, iterations: 4 } },
        { tfr: 3, netPerYear: { status: 'reachable', value: 6000, achieved: 2.6e6, iterations: 4 } },
        { tfr: 0.5, netPerYear: { status: 'unreachable', side: 'above', bound: 20000, achieved: 2.5e6 } },
      ]),
      'c',
    );
    expect(marks(f, 'symbol')).toBe(3);
    expect(f).toContain('&gt; +20,000');
  });

  it('prefixes ids and their references, so that charts can share a page', () => {
    const svg = '<svg><clipPath id="clip1"><rect/></clipPath><g clip-path="url(#clip1)"></g><use href="#clip1"/><a href="#other"/></svg>';
    expect(prefixIds(svg, 'chart2')).toBe('<svg><clipPath id="chart2-clip1"><rect/></clipPath><g clip-path="url(#chart2-clip1)"></g><use href="#chart2-clip1"/><a href="#other"/></svg>');
  });
});
