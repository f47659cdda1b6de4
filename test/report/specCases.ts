/**
 * Inputs of the three chart builders whose English specs (no `text` option) are pinned in
 * test/fixtures/report-specs-en.json, written before the `text` option existed.
 */
import { frontierSpec } from '../../src/report/frontier.js';
import { pyramidSpec, type PyramidSource } from '../../src/report/pyramid.js';
import { trajectorySpec } from '../../src/report/trajectory.js';
import { project } from '../../src/scenario/project.js';
import { feasibilityFrontier, type FrontierPoint } from '../../src/targets/frontier.js';
import { yingkou } from '../../src/yingkou/data.js';
import type { VegaLiteSpec } from '../../src/report/vegaLite.js';

export const target = { year: 2030, population: 2_600_000 };

/** The inputs, each as a function of the builder's (optional) extra options, so that a test can add `text`. */
export function specCases(): Record<string, (extra?: Record<string, unknown>) => VegaLiteSpec> {
  const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });
  const fan = [
    { year: 2015, q025: 2443000, q10: 2443000, q50: 2443000, q90: 2443000, q975: 2443000 },
    { year: 2030, q025: 2300000, q10: 2350000, q50: 2400000, q90: 2450000, q975: 2500000 },
  ];
  const frontier = feasibilityFrontier(yingkou.base2015, yingkou.scenarios.plan, target, { tfr: [1.2, 1.5, 1.8, 2.1] });
  const mixed: FrontierPoint[] = [
    { tfr: 2, netPerYear: { status: 'reachable', value: 500, achieved: 1000, iterations: 3 } },
    { tfr: 2.5, netPerYear: { status: 'reachable', value: 300, achieved: 1000, iterations: 3 } },
    { tfr: 1, netPerYear: { status: 'unreachable', side: 'above', bound: 9000, achieved: 900 } },
    { tfr: 3, netPerYear: { status: 'unreachable', side: 'below', bound: -9000, achieved: 1100 } },
    { tfr: 3.5, netPerYear: { status: 'unconverged', reason: 'iterations', value: -9500, achieved: 1100, iterations: 60 } },
  ];
  const G = 101;
  const single: PyramidSource = {
    years: [2020, 2025],
    width: 1,
    population: [0, 1].map((t) => ({ female: Array.from({ length: G }, (_, i) => 1000 - 9 * i + t), male: Array.from({ length: G }, (_, i) => 1010 - 9.5 * i + t) })),
  };
  return {
    trajectory: (extra = {}) =>
      trajectorySpec(
        {
          series: [
            { name: 'plan', projection: p },
            { name: 'other', points: [{ year: 2015, total: 2443000 }, { year: 2030, total: 2500000 }] },
          ],
          targets: [{ year: 2020, population: 2_450_000 }, target],
          observed: [{ year: 2020, population: 2_328_582 }, { year: 2023, population: 2_280_000, label: 'year-end 2023', labelPosition: 'right' }],
        },
        extra,
      ),
    trajectoryFan: (extra = {}) => trajectorySpec({ series: [{ name: 'plan', projection: p }], fan, targets: [target] }, { title: 'With a fan', ...extra }),
    trajectoryFanOnly: (extra = {}) => trajectorySpec({ fan }, extra),
    pyramid: (extra = {}) => pyramidSpec(p, undefined, extra),
    pyramidThreeYears: (extra = {}) => pyramidSpec(p, [2015, 2020, 2030], { width: 400, ...extra }),
    pyramidShare: (extra = {}) => pyramidSpec(p, [2015, 2030], { unit: 'share', ...extra }),
    pyramidSingleYears: (extra = {}) => pyramidSpec(single, undefined, extra),
    frontier: (extra = {}) => frontierSpec(frontier, { target, ...extra }),
    frontierMixed: (extra = {}) => frontierSpec(mixed, extra),
  };
}
