/**
 * Shared pieces of the chart specifications. The specs are plain JSON objects in the Vega-Lite 6
 * grammar (https://vega.github.io/vega-lite/): a web tool renders them with `vega-embed`, the CLI
 * renders them to SVG in Node (src/cli/render.ts). Nothing here imports vega or vega-lite: the
 * library stays light.
 */

/** A Vega-Lite specification as a plain JSON object (render it with vega-embed or vega-lite's `compile`). */
export type VegaLiteSpec = { $schema: string } & Record<string, unknown>;

/** The Vega-Lite JSON Schema the specs are written against (an identifier; nothing is fetched). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Chart size and title, common to every spec builder. */
export interface ChartOptions {
  /** Chart title; each builder has a default. */
  title?: string;
  /** Width of the plotting area in pixels. */
  width?: number;
  /** Height of the plotting area in pixels. */
  height?: number;
}

/** Colours used across the charts (colour-blind safe: Okabe & Ito 2008). */
export const PALETTE = {
  female: '#D55E00',
  male: '#0072B2',
  target: '#CC0000',
  observed: '#000000',
  fan: '#56B4E9',
  reachable: '#009E73',
  unreachable: '#E69F00',
  unconverged: '#888888',
  series: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'],
} as const;

/**
 * Look shared by every chart: a plain sans-serif face, no chart border, light grid. Legends set
 * `labelLimit: 1000`: without a canvas (in Node) Vega estimates text at 0.8 em a character and would
 * cut labels of 40-odd characters that fit easily.
 */
export const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', direction: 'horizontal' },
  title: { fontSize: 15, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555' },
} as const;

