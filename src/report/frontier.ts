import * as z from 'zod/mini';
import type { FrontierPoint } from '../targets/frontier.js';
import { parseWith } from '../validate/parse.js';
import { finite, nonNegative, positive, tfrValue, year } from '../validate/schemas.js';
import { formatPersons, formatSigned } from './format.js';
import { CHART_CONFIG, PALETTE, VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/** Options of {@link frontierSpec}: the target named in the subtitle, beside the chart's size and title. */
export interface FrontierOptions extends ChartOptions {
  /** The target the frontier reaches, named in the subtitle. */
  target?: { year: number; population: number };
}

const solveResult = z.discriminatedUnion(
  'status',
  [
    z.object({ status: z.literal('reachable'), value: finite(), achieved: finite(), iterations: nonNegative() }),
    z.object({ status: z.literal('unreachable'), side: z.enum(['below', 'above'], { error: "expected 'below' or 'above'" }), bound: finite(), achieved: finite() }),
    z.object({ status: z.literal('unconverged'), value: finite(), achieved: finite(), iterations: nonNegative() }),
  ],
  { error: "expected a SolveResult (status 'reachable', 'unreachable' or 'unconverged')" },
);
const frontierSchema = z
  .array(z.object({ tfr: tfrValue(), netPerYear: solveResult }, { error: 'expected { tfr, netPerYear }' }), { error: 'expected an array of { tfr, netPerYear }' })
  .check(z.minLength(1, { error: 'expected at least one point' }));
const optionsSchema = z.strictObject(
  {
    title: z.optional(z.string({ error: 'expected a string' })),
    width: z.optional(positive()),
    height: z.optional(positive()),
    target: z.optional(z.strictObject({ year: year(), population: nonNegative() }, { error: 'expected { year, population }' })),
  },
  { error: 'expected options { title?, width?, height?, target? }' },
);

/** Most point labels drawn before they are thinned out (they would overlap). */
const MAX_LABELS = 8;

/** Legend entries of the frontier's points. */
export const FRONTIER_STATUS = {
  reachable: 'reachable',
  above: 'needs more than the largest migration searched',
  below: 'overshoots even with the smallest migration searched',
  unconverged: 'search stopped without an answer (closest value shown)',
} as const;

/**
 * A Vega-Lite chart of a feasibility frontier (`feasibilityFrontier`): the TFR in the target
 * year (the anchor the TFR path runs to; the axis names `options.target`'s year) on the x axis against the constant net migration a year that reaches the target with it. Reachable points are
 * joined by a line and labelled with their value; a point no migration inside the solver's bounds
 * reaches is drawn at the bound it exceeds, as an orange triangle pointing the way the answer lies
 * (up: more than the largest migration searched; down: the target is overshot even with the
 * smallest), labelled "> bound" or "< bound" — never as if it were an answer; a search that stopped
 * without an answer (`unconverged`) is a grey cross at its closest value, labelled "? value". A dashed rule marks
 * zero net migration.
 *
 * @example
 * const f = feasibilityFrontier(base, plan, { year: 2030, population: 2_600_000 }, { tfr: [1.2, 1.5, 1.8, 2.1] });
 * frontierSpec(f, { target: { year: 2030, population: 2_600_000 } });
 */
export function frontierSpec(frontier: readonly FrontierPoint[], options: FrontierOptions = {}): VegaLiteSpec {
  const f = parseWith(frontierSchema, frontier, 'frontier');
  const o = parseWith(optionsSchema, options, 'options');
  const rows = f
    .map((p) => {
      const r = p.netPerYear;
      if (r.status === 'reachable') return { tfr: p.tfr, net: r.value, status: FRONTIER_STATUS.reachable, label: formatSigned(r.value) };
      if (r.status === 'unconverged') return { tfr: p.tfr, net: r.value, status: FRONTIER_STATUS.unconverged, label: `? ${formatSigned(r.value)}` };
      return {
        tfr: p.tfr,
        net: r.bound,
        status: FRONTIER_STATUS[r.side],
        label: `${r.side === 'above' ? '>' : '<'} ${formatSigned(r.bound)}`,
      };
    })
    .sort((a, b) => a.tfr - b.tfr);
  const reachable = rows.filter((r) => r.status === FRONTIER_STATUS.reachable);
  // Every point labelled when there are few; else about 6, evenly spaced, the ends and every unreachable one included.
  const every = rows.length <= MAX_LABELS ? 1 : Math.ceil((rows.length - 1) / (MAX_LABELS - 2));
  const labelled = rows.filter((r, i) => i % every === 0 || i === rows.length - 1 || r.status !== FRONTIER_STATUS.reachable);
  const statuses = [FRONTIER_STATUS.reachable, FRONTIER_STATUS.above, FRONTIER_STATUS.below, FRONTIER_STATUS.unconverged].filter((s) => rows.some((r) => r.status === s));
  // The TFR of the frontier is the target year's (an anchor the path runs to), not a constant one.
  const x = { field: 'tfr', type: 'quantitative', scale: { zero: false }, axis: { title: `TFR in ${o.target ? o.target.year : 'the target year'} (children per woman)`, format: '.2~f' } };
  const y = { field: 'net', type: 'quantitative', axis: { title: 'net migrants a year', format: ',d' } };
  const layer: unknown[] = [
    { data: { values: [{ net: 0 }] }, mark: { type: 'rule', color: '#777', strokeDash: [4, 4] }, encoding: { y: { field: 'net', type: 'quantitative' } } },
  ];
  if (reachable.length > 1) layer.push({ data: { values: reachable }, mark: { type: 'line', color: PALETTE.reachable, strokeWidth: 2 }, encoding: { x, y } });
  layer.push(
    {
      data: { values: rows },
      mark: { type: 'point', filled: true, size: 110, strokeWidth: 0 },
      encoding: {
        x,
        y,
        shape: { field: 'status', type: 'nominal', title: null, legend: { labelLimit: 1000, direction: 'vertical' }, scale: { domain: statuses, range: statuses.map(shapeOf) } },
        color: {
          field: 'status',
          type: 'nominal',
          title: null,
          legend: { labelLimit: 1000, direction: 'vertical' },
          scale: { domain: statuses, range: statuses.map((s) => (s === FRONTIER_STATUS.reachable ? PALETTE.reachable : s === FRONTIER_STATUS.unconverged ? PALETTE.unconverged : PALETTE.unreachable)) },
        },
      },
    },
    { data: { values: labelled }, mark: { type: 'text', dy: -13, fontSize: 10, color: '#333' }, encoding: { x, y, text: { field: 'label' } } },
  );
  const subtitle = o.target
    ? `constant net migration a year that reaches ${formatPersons(o.target.population)} in ${o.target.year}, by TFR`
    : 'constant net migration a year that reaches the target, by TFR';
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title ?? 'What it takes: fertility against migration', subtitle },
    width: o.width ?? 560,
    height: o.height ?? 320,
    layer,
    config: CHART_CONFIG,
  };
}

function shapeOf(status: string): string {
  if (status === FRONTIER_STATUS.unconverged) return 'cross';
  return status === FRONTIER_STATUS.reachable ? 'circle' : status === FRONTIER_STATUS.above ? 'triangle-up' : 'triangle-down';
}
