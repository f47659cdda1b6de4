import * as z from 'zod/mini';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, nonNegative, positive, year } from '../validate/schemas.js';
import { formatPersons } from './format.js';
import { CHART_CONFIG, fillTemplate, PALETTE, textSchema, VEGA_LITE_SCHEMA, withDefaults, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/** A total population at a year. */
export interface TrajectoryPoint {
  year: number;
  total: number;
}

/**
 * One line of the chart: its points, or a projection (its `indicators.years` totals are used, so a
 * `Projection` fits as it is).
 */
export type TrajectorySeries =
  | { name: string; points: readonly TrajectoryPoint[] }
  | { name: string; projection: { indicators: { years: readonly TrajectoryPoint[] } } };

/** A population marked on the chart: a plan's target, or an observed count (a census). */
export interface MarkedPopulation {
  year: number;
  population: number;
  /** Text written beside the mark; default `text.targetLabel` / `text.observedLabel` ("target 2,600,000" / "observed 2,328,582"). */
  label?: string;
  /** Where the label goes; default 'above' for targets, 'below' for observed counts. */
  labelPosition?: 'above' | 'below' | 'left' | 'right';
}

/**
 * Quantiles of simulated totals at one year (the fan): 2.5 %, 10 %, 50 %, 90 % and 97.5 %, in
 * increasing order.
 */
export interface FanQuantiles {
  year: number;
  q025: number;
  q10: number;
  q50: number;
  q90: number;
  q975: number;
}

/** What {@link trajectorySpec} draws: scenario lines, targets, observed populations and a simulation fan. */
export interface TrajectoryInput {
  /** Lines (scenarios), in legend order. */
  series?: readonly TrajectorySeries[];
  /** Targets, marked as red diamonds. */
  targets?: readonly MarkedPopulation[];
  /** Observed populations (censuses, estimates), marked as black dots. */
  observed?: readonly MarkedPopulation[];
  /** A simulation fan: shaded 95 % and 80 % bands and the median. */
  fan?: readonly FanQuantiles[];
}

/**
 * The words {@link trajectorySpec} writes, each replaceable (a chart in another language); a key not
 * given keeps its English default (in its comment). Placeholders in braces are filled by the
 * builder: `{population}` with the count as the report writes it ("2,600,000"), `{year}` with its year.
 */
export interface TrajectoryText {
  /** Title when `options.title` is not given; default 'Total population'. */
  title?: string;
  /** Subtitle of a chart without a fan (the unit of the y axis); default 'persons'. */
  subtitle?: string;
  /** Subtitle of a chart with a fan; default 'shaded: 95 % and 80 % of simulated trajectories; dashed, over the lines: their median'. */
  subtitleFan?: string;
  /** Title of the x axis; default 'year'. */
  yearAxis?: string;
  /** Title of the y axis; default 'total population'. */
  totalAxis?: string;
  /** Label of a target without its own `label`; placeholders `{population}`, `{year}`; default 'target {population}'. */
  targetLabel?: string;
  /** Label of an observed count without its own `label`; placeholders `{population}`, `{year}`; default 'observed {population}'. */
  observedLabel?: string;
}

/** The English words of {@link trajectorySpec} (the defaults of {@link TrajectoryText}). */
export const TRAJECTORY_TEXT: Readonly<Required<TrajectoryText>> = {
  title: 'Total population',
  subtitle: 'persons',
  subtitleFan: 'shaded: 95 % and 80 % of simulated trajectories; dashed, over the lines: their median',
  yearAxis: 'year',
  totalAxis: 'total population',
  targetLabel: 'target {population}',
  observedLabel: 'observed {population}',
};

/** Options of {@link trajectorySpec}: the chart's words, beside its size and title. */
export interface TrajectoryOptions extends ChartOptions {
  /**
   * The words of the chart (see {@link TrajectoryText}); each key not given keeps its English default.
   *
   * @example
   * const spec = trajectorySpec(
   *   { series, targets: [target], observed: [{ year: 2020, population: 2_328_582 }] },
   *   { text: { title: '总人口', subtitle: '人', yearAxis: '年份', totalAxis: '总人口', targetLabel: '目标 {population}', observedLabel: '普查 {population}（{year}年）' } },
   * );
   * spec.title // { text: '总人口', subtitle: '人' }
   */
  text?: TrajectoryText;
}

const point = z.strictObject({ year: year(), total: nonNegative() }, { error: 'expected { year, total }' });
const seriesSchema = z.union(
  [
    z.strictObject({
      name: z.string({ error: 'expected a string' }),
      points: z.array(point, { error: 'expected an array of { year, total }' }).check(z.minLength(1, { error: 'expected at least one point' })),
    }),
    z.object({
      name: z.string({ error: 'expected a string' }),
      projection: z.object({ indicators: z.object({ years: z.array(z.object({ year: year(), total: nonNegative() })).check(z.minLength(1)) }) }),
    }),
  ],
  { error: 'expected { name, points } or { name, projection }' },
);
const marked = z.strictObject(
  {
    year: year(),
    population: nonNegative(),
    label: z.optional(z.string({ error: 'expected a string' })),
    labelPosition: z.optional(z.enum(['above', 'below', 'left', 'right'], { error: "expected 'above', 'below', 'left' or 'right'" })),
  },
  { error: 'expected { year, population, label?, labelPosition? }' },
);
const fanRow = z
  .strictObject(
    { year: year(), q025: finite(), q10: finite(), q50: finite(), q90: finite(), q975: finite() },
    { error: 'expected { year, q025, q10, q50, q90, q975 }' },
  )
  .check(
    z.refine((r) => r.q025 <= r.q10 && r.q10 <= r.q50 && r.q50 <= r.q90 && r.q90 <= r.q975, {
      error: 'expected quantiles in increasing order (q025 <= q10 <= q50 <= q90 <= q975)',
    }),
  );
const inputSchema = z.strictObject(
  {
    series: z.optional(z.array(seriesSchema, { error: 'expected an array of series' })),
    targets: z.optional(z.array(marked, { error: 'expected an array of { year, population }' })),
    observed: z.optional(z.array(marked, { error: 'expected an array of { year, population }' })),
    fan: z.optional(z.array(fanRow, { error: 'expected an array of quantile rows' })),
  },
  { error: 'expected { series?, targets?, observed?, fan? }' },
);
const optionsSchema = z.strictObject(
  {
    title: z.optional(z.string({ error: 'expected a string' })),
    width: z.optional(positive()),
    height: z.optional(positive()),
    text: z.optional(textSchema(TRAJECTORY_TEXT, { targetLabel: ['population', 'year'], observedLabel: ['population', 'year'] })),
  },
  { error: 'expected options { title?, width?, height?, text? }' },
);

/**
 * A Vega-Lite chart of the total population over time: one line per series (scenario), the plan's
 * targets as red diamonds and observed counts as black dots, each labelled with its number, and —
 * when a simulation is given — its fan: the 95 % and 80 % bands of the simulated totals shaded
 * and their median dashed, in black over the lines (a scenario's line lies on it). The y axis does not start at zero, so that gaps of a few per cent show.
 *
 * @example
 * trajectorySpec({
 *   series: [{ name: 'plan', projection: project(base, plan, { until: 2030 }) }],
 *   targets: [{ year: 2020, population: 2_450_000 }, { year: 2030, population: 2_600_000 }],
 *   observed: [{ year: 2020, population: 2_328_582, label: 'census 2020' }],
 * });
 */
export function trajectorySpec(input: TrajectoryInput, options: TrajectoryOptions = {}): VegaLiteSpec {
  const d = parseWith(inputSchema, input, 'input');
  const o = parseWith(optionsSchema, options, 'options');
  const text = withDefaults(TRAJECTORY_TEXT, o.text);
  const series = (d.series ?? []).map((s) => ({ name: s.name, points: 'points' in s ? s.points : s.projection.indicators.years.map((y) => ({ year: y.year, total: y.total })) }));
  const names = series.map((s) => s.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) fail(`input.series[${i}].name`, 'expected a name not used by another series', n);
  });
  if (series.length === 0 && !d.fan?.length) fail('input', 'expected at least one series or a fan', input);
  const lines = series.flatMap((s) => s.points.map((p) => ({ series: s.name, year: p.year, total: p.total })));
  const years = new Set<number>(lines.map((r) => r.year));
  const extent = [
    ...lines.map((r) => r.total),
    ...(d.fan ?? []).flatMap((r) => [r.q025, r.q975]),
    ...[...(d.targets ?? []), ...(d.observed ?? [])].map((r) => r.population),
  ];
  const x = { field: 'year', type: 'quantitative', scale: { zero: false, nice: false }, axis: { format: 'd', title: text.yearAxis } };
  const y = { field: 'total', type: 'quantitative', scale: { zero: false }, axis: { format: axisFormat(extent), title: text.totalAxis } };
  const layer: unknown[] = [];
  const fan = d.fan ?? [];
  const fanValues = fan.map((r) => ({ ...r }));
  if (fan.length > 0) {
    for (const r of fan) years.add(r.year);
    layer.push(
      { data: { values: fanValues }, mark: { type: 'area', color: PALETTE.fan, opacity: 0.2 }, encoding: { x, y: { ...y, field: 'q025' }, y2: { field: 'q975' } } },
      { data: { values: fanValues }, mark: { type: 'area', color: PALETTE.fan, opacity: 0.4 }, encoding: { x, y: { ...y, field: 'q10' }, y2: { field: 'q90' } } },
    );
  }
  if (lines.length > 0) {
    const color = {
      field: 'series',
      type: 'nominal',
      title: null,
      sort: names,
      scale: { domain: names, range: PALETTE.series.slice(0, Math.max(1, names.length)) },
      legend: { labelLimit: 1000, direction: 'vertical', symbolType: 'stroke', symbolStrokeWidth: 3 },
    };
    layer.push(
      { data: { values: lines }, mark: { type: 'line', strokeWidth: 2.2 }, encoding: { x, y, color, detail: { field: 'series' } } },
      { data: { values: lines }, mark: { type: 'point', filled: true, size: 36 }, encoding: { x, y, color } },
    );
  }
  // The median of the fan, dashed in black over the lines: a scenario's line lies on it (the
  // median of the simulations is the projection, give or take), and under a solid line a dashed
  // one would not show.
  if (fan.length > 0)
    layer.push({ data: { values: fanValues }, mark: { type: 'line', color: PALETTE.observed, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x, y: { ...y, field: 'q50' } } });
  const markLayers = (rows: readonly z.output<typeof marked>[], template: string, shape: string, colour: string, position: 'above' | 'below') => {
    if (rows.length === 0) return;
    const values = rows.map((r) => ({
      year: r.year,
      total: r.population,
      label: r.label ?? fillTemplate(template, { population: formatPersons(r.population), year: String(r.year) }),
      position: r.labelPosition ?? position,
    }));
    for (const r of rows) years.add(r.year);
    layer.push({ data: { values }, mark: { type: 'point', shape, filled: true, size: 150, color: colour, stroke: 'white', strokeWidth: 1 }, encoding: { x, y } });
    for (const [where, offset] of Object.entries(LABEL_OFFSETS)) {
      const at = values.filter((v) => v.position === where);
      if (at.length > 0) layer.push({ data: { values: at }, mark: { type: 'text', color: colour, fontSize: 11, fontWeight: 'bold', ...offset }, encoding: { x, y, text: { field: 'label' } } });
    }
  };
  markLayers(d.targets ?? [], text.targetLabel, 'diamond', PALETTE.target, 'above');
  markLayers(d.observed ?? [], text.observedLabel, 'circle', PALETTE.observed, 'below');
  // Ticks every 5 years (the projection's grid) when that gives at most 12; marks off the grid
  // (year-end estimates) carry their year in their label.
  const sorted = [...years].sort((a, b) => a - b);
  const first = Math.floor(sorted[0]! / 5) * 5;
  const ticks: number[] = [];
  for (let t = first; t <= sorted[sorted.length - 1]!; t += 5) ticks.push(t);
  x.axis = { ...x.axis, ...(ticks.length <= 12 ? { values: ticks } : {}) } as typeof x.axis;
  const subtitle = fan.length > 0 ? text.subtitleFan : text.subtitle;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title ?? text.title, subtitle },
    width: o.width ?? 560,
    height: o.height ?? 320,
    layer,
    config: CHART_CONFIG,
  };
}

/** Text-mark offsets that put a label above, below, left or right of its point. */
const LABEL_OFFSETS = {
  above: { dy: -14, align: 'center' },
  below: { dy: 16, align: 'center' },
  left: { dx: -10, align: 'right', baseline: 'middle' },
  right: { dx: 10, align: 'left', baseline: 'middle' },
} as const;

/**
 * An SI axis format with enough significant digits for the ticks to differ: a range of 50,000
 * around 1,000,000 needs 4 (1.005M, 1.01M, …), not 3.
 */
function axisFormat(values: readonly number[]): string {
  const max = Math.max(...values.map(Math.abs));
  const range = Math.max(...values) - Math.min(...values);
  const step = range > 0 ? range / 8 : max / 8;
  const digits = step > 0 && max > 0 ? Math.min(6, Math.max(2, Math.ceil(Math.log10(max / step)) + 1)) : 3;
  return `,.${digits}~s`;
}
