import * as z from 'zod/mini';
import type { FrontierPoint } from '../targets/frontier.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, nonNegative, positive, tfrValue, year } from '../validate/schemas.js';
import { formatPersons, formatSigned } from './format.js';
import { CHART_CONFIG, fillTemplate, PALETTE, textSchema, VEGA_LITE_SCHEMA, withDefaults, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/** Legend entries of the frontier's points (the English defaults of the statuses in {@link FrontierText}). */
export const FRONTIER_STATUS = {
  reachable: 'reachable',
  above: 'needs more than the largest migration searched',
  below: 'overshoots even with the smallest migration searched',
  unconverged: 'search stopped without an answer (closest value shown)',
} as const;

/**
 * The words {@link frontierSpec} writes, each replaceable (a chart in another language); a key not
 * given keeps its English default (in its comment). Placeholders in braces are filled by the
 * builder from `options.target`: `{population}` with its population as the report writes it
 * ("2,600,000"), `{year}` with its year. The four statuses are the legend's entries (and the `status`
 * of the points' rows) and must differ. The points' labels ("+1,200", "> +9,000", "? -500") have no words.
 */
export interface FrontierText {
  /** Title when `options.title` is not given; default 'What it takes: fertility against migration'. */
  title?: string;
  /** Subtitle with `options.target`; placeholders `{population}`, `{year}`; default 'constant net migration a year that reaches {population} in {year}, by TFR'. */
  subtitle?: string;
  /** Subtitle without `options.target`; default 'constant net migration a year that reaches the target, by TFR'. */
  subtitleNoTarget?: string;
  /** Title of the x axis with `options.target`; placeholder `{year}`; default 'TFR in {year} (children per woman)'. */
  tfrAxis?: string;
  /** Title of the x axis without `options.target`; default 'TFR in the target year (children per woman)'. */
  tfrAxisNoTarget?: string;
  /** Title of the y axis; default 'net migrants a year'. */
  netAxis?: string;
  /** Legend entry of a reachable point; default 'reachable'. */
  reachable?: string;
  /** Legend entry of a point that needs more than the largest migration searched; default 'needs more than the largest migration searched'. */
  unreachableAbove?: string;
  /** Legend entry of a point that overshoots even with the smallest migration searched; default 'overshoots even with the smallest migration searched'. */
  unreachableBelow?: string;
  /** Legend entry of a search that stopped without an answer; default 'search stopped without an answer (closest value shown)'. */
  unconverged?: string;
}

/** The English words of {@link frontierSpec} (the defaults of {@link FrontierText}). */
export const FRONTIER_TEXT: Readonly<Required<FrontierText>> = {
  title: 'What it takes: fertility against migration',
  subtitle: 'constant net migration a year that reaches {population} in {year}, by TFR',
  subtitleNoTarget: 'constant net migration a year that reaches the target, by TFR',
  tfrAxis: 'TFR in {year} (children per woman)',
  tfrAxisNoTarget: 'TFR in the target year (children per woman)',
  netAxis: 'net migrants a year',
  reachable: FRONTIER_STATUS.reachable,
  unreachableAbove: FRONTIER_STATUS.above,
  unreachableBelow: FRONTIER_STATUS.below,
  unconverged: FRONTIER_STATUS.unconverged,
};

/** Options of {@link frontierSpec}: the target named in the subtitle and the chart's words, beside its size and title. */
export interface FrontierOptions extends ChartOptions {
  /** The target the frontier reaches, named in the subtitle. */
  target?: { year: number; population: number };
  /**
   * The words of the chart (see {@link FrontierText}); each key not given keeps its English default.
   *
   * @example
   * const f = feasibilityFrontier(base, plan, target, { tfr: [1.5, 2.1] });
   * const spec = frontierSpec(f, {
   *   target,
   *   text: { title: '达成目标需要什么：生育与迁移', subtitle: '{year}年达到{population}人所需的每年恒定净迁入', tfrAxis: '{year}年总和生育率（每名妇女子女数）', netAxis: '每年净迁入人数', reachable: '可达到' },
   * });
   * spec.title // { text: '达成目标需要什么：生育与迁移', subtitle: '2030年达到2,600,000人所需的每年恒定净迁入' }
   */
  text?: FrontierText;
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
    text: z.optional(textSchema(FRONTIER_TEXT, { subtitle: ['population', 'year'], tfrAxis: ['year'] })),
  },
  { error: 'expected options { title?, width?, height?, target?, text? }' },
);

/** Most point labels drawn before they are thinned out (they would overlap). */
const MAX_LABELS = 8;

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
  const text = withDefaults(FRONTIER_TEXT, o.text);
  // The legend's entries, by kind of point: the status field of the rows holds the entry.
  const entry: Record<Kind, string> = { reachable: text.reachable, above: text.unreachableAbove, below: text.unreachableBelow, unconverged: text.unconverged };
  KINDS.forEach((k, i) => {
    const j = KINDS.findIndex((other) => entry[other] === entry[k]);
    if (j < i) fail(`options.text.${TEXT_KEY[k]}`, `expected a legend entry other than options.text.${TEXT_KEY[KINDS[j]!]}'s (the points would not be told apart)`, entry[k]);
  });
  const points = f
    .map((p) => {
      const r = p.netPerYear;
      if (r.status === 'reachable') return { kind: 'reachable' as Kind, tfr: p.tfr, net: r.value, label: formatSigned(r.value) };
      if (r.status === 'unconverged') return { kind: 'unconverged' as Kind, tfr: p.tfr, net: r.value, label: `? ${formatSigned(r.value)}` };
      return { kind: r.side as Kind, tfr: p.tfr, net: r.bound, label: `${r.side === 'above' ? '>' : '<'} ${formatSigned(r.bound)}` };
    })
    .sort((a, b) => a.tfr - b.tfr);
  const rows = points.map((r) => ({ tfr: r.tfr, net: r.net, status: entry[r.kind], label: r.label }));
  const reachable = rows.filter((_, i) => points[i]!.kind === 'reachable');
  // Every point labelled when there are few; else about 6, evenly spaced, the ends and every unreachable one included.
  const every = rows.length <= MAX_LABELS ? 1 : Math.ceil((rows.length - 1) / (MAX_LABELS - 2));
  const labelled = rows.filter((_, i) => i % every === 0 || i === rows.length - 1 || points[i]!.kind !== 'reachable');
  const kinds = KINDS.filter((k) => points.some((r) => r.kind === k));
  const statuses = kinds.map((k) => entry[k]);
  // The TFR of the frontier is the target year's (an anchor the path runs to), not a constant one.
  const x = { field: 'tfr', type: 'quantitative', scale: { zero: false }, axis: { title: o.target ? fillTemplate(text.tfrAxis, { year: String(o.target.year) }) : text.tfrAxisNoTarget, format: '.2~f' } };
  const y = { field: 'net', type: 'quantitative', axis: { title: text.netAxis, format: ',d' } };
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
        shape: { field: 'status', type: 'nominal', title: null, legend: { labelLimit: 1000, direction: 'vertical' }, scale: { domain: statuses, range: kinds.map((k) => SHAPE[k]) } },
        color: {
          field: 'status',
          type: 'nominal',
          title: null,
          legend: { labelLimit: 1000, direction: 'vertical' },
          scale: { domain: statuses, range: kinds.map((k) => (k === 'reachable' ? PALETTE.reachable : k === 'unconverged' ? PALETTE.unconverged : PALETTE.unreachable)) },
        },
      },
    },
    { data: { values: labelled }, mark: { type: 'text', dy: -13, fontSize: 10, color: '#333' }, encoding: { x, y, text: { field: 'label' } } },
  );
  const subtitle = o.target ? fillTemplate(text.subtitle, { population: formatPersons(o.target.population), year: String(o.target.year) }) : text.subtitleNoTarget;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: o.title ?? text.title, subtitle },
    width: o.width ?? 560,
    height: o.height ?? 320,
    layer,
    config: CHART_CONFIG,
  };
}

/** The kinds of frontier point, in legend order: reachable, unreachable (above, below the bounds), unconverged. */
type Kind = keyof typeof FRONTIER_STATUS;
const KINDS: readonly Kind[] = ['reachable', 'above', 'below', 'unconverged'];
/** The key of {@link FrontierText} naming each kind's legend entry. */
const TEXT_KEY: Record<Kind, keyof FrontierText> = { reachable: 'reachable', above: 'unreachableAbove', below: 'unreachableBelow', unconverged: 'unconverged' };
/** Each kind's mark: a triangle points the way an unreachable answer lies. */
const SHAPE: Record<Kind, string> = { reachable: 'circle', above: 'triangle-up', below: 'triangle-down', unconverged: 'cross' };
