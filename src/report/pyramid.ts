import * as z from 'zod/mini';
import { ageGroupLabel, STEP } from '../ages/grid.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { nonNegative, numbers, positive, widthValue, year } from '../validate/schemas.js';
import { CHART_CONFIG, fillTemplate, PALETTE, textSchema, VEGA_LITE_SCHEMA, withDefaults, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

/** What a pyramid needs from a projection (a `Projection` or a `CohortProjection` fits). */
export interface PyramidSource {
  years: readonly number[];
  population: readonly { female: ArrayLike<number>; male: ArrayLike<number> }[];
  /** Labels of the age groups; derived from the number of groups and the width when absent ('0-4' … 'A+', or '0' … 'A+'). */
  ageGroups?: readonly string[];
  /** Width of the age groups: 5 (default) or 1 (single years: one bar per year of age). */
  width?: 1 | 5;
}

/**
 * The words {@link pyramidSpec} writes, each replaceable (a chart in another language); a key not
 * given keeps its English default (in its comment). The placeholder `{years}` is filled by the
 * builder with the chart's years joined by `yearSeparator` ("2015 and 2030").
 */
export interface PyramidText {
  /** Title when `options.title` is not given; placeholder `{years}`; default 'Population pyramid, {years}'. */
  title?: string;
  /** What joins the years in `{years}`; default ' and '. */
  yearSeparator?: string;
  /** Subtitle in persons, 5-year age groups; default 'persons by sex and 5-year age group'. */
  subtitle?: string;
  /** Subtitle in persons, single years of age; default 'persons by sex and single year of age'. */
  subtitleSingleYears?: string;
  /** Subtitle in shares (`unit: 'share'`); default 'share of each year’s total, by sex and age'. */
  subtitleShare?: string;
  /** Title of the x axis in persons; default 'persons'. */
  personsAxis?: string;
  /** Title of the x axis in shares; default 'share of the year’s population'. */
  shareAxis?: string;
  /** Title of the y axis, 5-year age groups; default 'age group'. */
  ageGroupAxis?: string;
  /** Title of the y axis, single years of age; default 'age'. */
  ageAxis?: string;
  /** Title of the legend of the years; default 'year'. */
  yearLegend?: string;
  /** Label of the males' side (and the `sex` of their rows); default 'Males'. */
  males?: string;
  /** Label of the females' side (and the `sex` of their rows); default 'Females'. */
  females?: string;
}

/** The English words of {@link pyramidSpec} (the defaults of {@link PyramidText}). */
export const PYRAMID_TEXT: Readonly<Required<PyramidText>> = {
  title: 'Population pyramid, {years}',
  yearSeparator: ' and ',
  subtitle: 'persons by sex and 5-year age group',
  subtitleSingleYears: 'persons by sex and single year of age',
  subtitleShare: 'share of each year’s total, by sex and age',
  personsAxis: 'persons',
  shareAxis: 'share of the year’s population',
  ageGroupAxis: 'age group',
  ageAxis: 'age',
  yearLegend: 'year',
  males: 'Males',
  females: 'Females',
};

/** Options of {@link pyramidSpec}: persons or shares and the chart's words, beside its size and title. */
export interface PyramidOptions extends ChartOptions {
  /** 'persons' (default) or 'share': each group as a share of its year's total, to compare shapes. */
  unit?: 'persons' | 'share';
  /**
   * Half the width of the x scale, in the chart's unit (persons, or a share with `unit: 'share'`);
   * default: the largest bar of the years drawn, plus 8 %. A page that moves the year keeps the
   * scale still by giving the largest bar of all its years, so a shrinking population looks it. A
   * value below the largest bar drawn is an error (the bar would be cut).
   *
   * @example
   * pyramidSpec(p, [2015, 2030], { scaleMax: 150_000 })
   */
  scaleMax?: number;
  /**
   * The words of the chart (see {@link PyramidText}); each key not given keeps its English default.
   *
   * @example
   * const spec = pyramidSpec(p, [2015, 2030], {
   *   text: { title: '人口金字塔，{years}年', yearSeparator: '与', subtitle: '按性别和5岁年龄组的人数', personsAxis: '人', ageGroupAxis: '年龄组', yearLegend: '年份', males: '男性', females: '女性' },
   * });
   * spec.title // { text: '人口金字塔，2015与2030年', subtitle: '按性别和5岁年龄组的人数' }
   */
  text?: PyramidText;
}

const sourceSchema = z
  .object(
    {
      years: z.array(year(), { error: 'expected an array of years' }).check(z.minLength(1, { error: 'expected at least one year' })),
      population: z.array(z.object({ female: numbers(nonNegative()), male: numbers(nonNegative()) }), {
        error: 'expected an array of { female, male } populations',
      }),
      ageGroups: z.optional(z.array(z.string(), { error: 'expected an array of age-group labels' })),
      width: z.optional(widthValue()),
    },
    { error: 'expected a projection { years, population, ageGroups?, width? }' },
  )
  .check(
    z.superRefine((p, ctx) => {
      if (p.population.length !== p.years.length)
        ctx.addIssue({ code: 'custom', path: ['population'], message: `expected one population per year (${p.years.length})`, input: p.population });
      p.population.forEach((pop, i) => {
        const G = p.population[0]!.female.length;
        if (pop.female.length !== G || pop.male.length !== G)
          ctx.addIssue({ code: 'custom', path: ['population', i], message: `expected ${G} female and ${G} male groups, as in the first year`, input: pop });
      });
      if (p.ageGroups && p.population[0] && p.ageGroups.length !== p.population[0].female.length)
        ctx.addIssue({ code: 'custom', path: ['ageGroups'], message: `expected one label per age group (${p.population[0].female.length})`, input: p.ageGroups });
    }),
  );

const optionsSchema = z.strictObject(
  {
    title: z.optional(z.string({ error: 'expected a string' })),
    width: z.optional(positive()),
    height: z.optional(positive()),
    unit: z.optional(z.enum(['persons', 'share'], { error: "expected 'persons' or 'share'" })),
    scaleMax: z.optional(positive()),
    text: z.optional(textSchema(PYRAMID_TEXT, { title: ['years'] })),
  },
  { error: 'expected options { title?, width?, height?, unit?, scaleMax?, text? }' },
);

/**
 * A Vega-Lite population pyramid: one bar per age group (5-year groups, or single years of age for a
 * projection of width 1, labelled every 10 years), males to the left of zero and
 * females to the right, youngest at the bottom. Several years are overlaid on one pair of axes: the
 * first year as filled bars, each later year as an outline, one colour per year, so the ageing of
 * the population shows as the outline moving up; the legend's swatches are drawn the same way (the
 * first year's filled, the others' outlines). The x scale is symmetric and its labels are
 * absolute values.
 *
 * `years` defaults to the projection's first and last; each must be one of its years.
 *
 * @example
 * const p = project(base, scenario, { until: 2030 });
 * const spec = pyramidSpec(p, [2015, 2030]); // render with vega-embed, or `ccmpp project --out`
 */
export function pyramidSpec(projection: PyramidSource, years?: readonly number[], options: PyramidOptions = {}): VegaLiteSpec {
  const p = parseWith(sourceSchema, projection, 'projection');
  const wanted = years === undefined ? [...new Set([p.years[0]!, p.years[p.years.length - 1]!])] : parseWith(z.array(year(), { error: 'expected an array of years' }).check(z.minLength(1, { error: 'expected at least one year' })), years, 'years');
  const o = parseWith(optionsSchema, options, 'options');
  const text = withDefaults(PYRAMID_TEXT, o.text);
  if (text.males === text.females) fail('options.text.females', 'expected a label other than the males’ (the two sides would not be told apart)', text.females);
  const G = p.population[0]!.female.length;
  const width = p.width ?? STEP;
  const labels = p.ageGroups ?? Array.from({ length: G }, (_, i) => ageGroupLabel(i, G, width));
  const share = o.unit === 'share';
  const rows: { year: string; sex: string; age: string; persons: number; value: number }[] = [];
  const seen = new Set<number>();
  let max = 0;
  wanted.forEach((y, k) => {
    const t = p.years.indexOf(y);
    if (t < 0) fail(`years[${k}]`, `expected one of the projection's years (${p.years.join(', ')})`, y);
    if (seen.has(y)) fail(`years[${k}]`, 'expected each year once', y);
    seen.add(y);
    const pop = p.population[t]!;
    let all = 0;
    for (let i = 0; i < G; i++) all += pop.female[i]! + pop.male[i]!;
    const scale = share ? 1 / all : 1;
    for (let i = 0; i < G; i++) {
      const m = pop.male[i]! * scale;
      const f = pop.female[i]! * scale;
      max = Math.max(max, m, f);
      rows.push({ year: String(y), sex: text.males, age: labels[i]!, persons: pop.male[i]!, value: -m });
      rows.push({ year: String(y), sex: text.females, age: labels[i]!, persons: pop.female[i]!, value: f });
    }
  });
  const yearNames = wanted.map(String);
  if (o.scaleMax !== undefined && o.scaleMax < max) fail('options.scaleMax', `expected at least the largest bar drawn (${max})`, o.scaleMax);
  const edge = o.scaleMax ?? (max > 0 ? max * 1.08 : 1);
  const fmt = share ? '.1%' : '~s';
  const x = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [-edge, edge], nice: false },
    axis: { labelExpr: `format(abs(datum.value), '${fmt}')`, title: share ? text.shareAxis : text.personsAxis, tickCount: 8 },
  };
  // Single years: a label every 10 years (and the open group), or 101 labels would overlap.
  const axis = width === 1 ? { title: text.ageAxis, values: labels.filter((_, i) => i % 10 === 0 || i === G - 1) } : { title: text.ageGroupAxis };
  const y = { field: 'age', type: 'ordinal', sort: labels.slice().reverse(), axis };
  const first = yearNames[0]!;
  // The legend's swatches look like the bars: the first year filled, later years as outlines.
  const legend = {
    symbolOpacity: 1,
    encode: { symbols: { update: { fillOpacity: { signal: `datum.value === ${JSON.stringify(first)} ? ${FIRST_YEAR_OPACITY} : 0` }, strokeWidth: { value: OUTLINE_WIDTH } } } },
  };
  const color = { field: 'year', type: 'nominal', title: text.yearLegend, scale: { domain: yearNames, range: yearPalette(yearNames.length) }, legend };
  const layer: unknown[] = [
    {
      transform: [{ filter: { field: 'year', equal: first } }],
      mark: { type: 'bar', opacity: FIRST_YEAR_OPACITY },
      encoding: { x, y, color },
    },
  ];
  if (yearNames.length > 1)
    layer.push({
      transform: [{ filter: { not: { field: 'year', equal: first } } }],
      mark: { type: 'bar', filled: false, strokeWidth: OUTLINE_WIDTH },
      encoding: { x, y, color },
    });
  layer.push(
    { data: { values: [{ value: 0 }] }, mark: { type: 'rule', color: '#333' }, encoding: { x: { field: 'value', type: 'quantitative' } } },
    sideLabel(-edge * 0.97, text.males, 'left', PALETTE.male, labels[G - 1]!),
    sideLabel(edge * 0.97, text.females, 'right', PALETTE.female, labels[G - 1]!),
  );
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: o.title ?? fillTemplate(text.title, { years: wanted.join(text.yearSeparator) }),
      subtitle: share ? text.subtitleShare : width === 1 ? text.subtitleSingleYears : text.subtitle,
    },
    width: o.width ?? 520,
    // 17 px a 5-year bar; 5 px a single year.
    height: o.height ?? Math.max(220, (width === 1 ? 5 : 17) * G),
    data: { values: rows },
    layer,
    config: CHART_CONFIG,
  };
}

/** Opacity of the first year's filled bars (and of its legend swatch). */
const FIRST_YEAR_OPACITY = 0.55;
/** Stroke width of the later years' outlines (and of their legend swatches). */
const OUTLINE_WIDTH = 1.6;

/**
 * The first year grey, later years dark outlines then Okabe–Ito colours other than the two used
 * for the sexes' labels (the overlay reads as "then vs now").
 */
const LATER_YEARS = ['#1a1a1a', '#CC79A7', '#009E73', '#E69F00', '#56B4E9'];
function yearPalette(n: number): string[] {
  const out = ['#a8a8a8'];
  for (let i = 1; i < n; i++) out.push(LATER_YEARS[(i - 1) % LATER_YEARS.length]!);
  return out;
}

/** The sexes' labels ("Males" / "Females") written at the top of their side of the pyramid. */
function sideLabel(value: number, label: string, align: 'left' | 'right', color: string, top: string): unknown {
  return {
    data: { values: [{ value, label }] },
    mark: { type: 'text', fontSize: 13, fontWeight: 'bold', baseline: 'middle', align, color },
    encoding: { x: { field: 'value', type: 'quantitative' }, y: { datum: top, type: 'ordinal' }, text: { field: 'label' } },
  };
}
