/**
 * Shared pieces of the chart specifications. The specs are plain JSON objects in the Vega-Lite 6
 * grammar (https://vega.github.io/vega-lite/): a web tool renders them with `vega-embed`, the CLI
 * renders them to SVG in Node (src/cli/render.ts). Nothing here imports vega or vega-lite: the
 * library stays light.
 */
import * as z from 'zod/mini';
import { keyedObject } from '../validate/schemas.js';

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

/** A placeholder in a chart's text template: `{name}`. */
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * The schema of a chart's `text` option: an object of optional strings, one per key of `defaults`
 * (an unknown key is an error naming it), each template using only the placeholders its key has in
 * `placeholders` (an unknown one, e.g. a misspelt `{pop}`, would otherwise be shown as it is).
 */
export function textSchema<K extends string>(defaults: Record<K, string>, placeholders: Partial<Record<K, readonly string[]>>) {
  const shape = {} as Record<K, z.ZodMiniOptional<z.ZodMiniString<string>>>;
  for (const key of Object.keys(defaults) as K[]) {
    const allowed = placeholders[key] ?? [];
    const rule = allowed.length > 0 ? `expected a string with no placeholder other than ${allowed.map((a) => `{${a}}`).join(', ')}` : 'expected a string with no {placeholder}';
    shape[key] = z.optional(
      z.string({ error: 'expected a string' }).check(z.refine((t) => [...t.matchAll(PLACEHOLDER)].every((m) => allowed.includes(m[1]!)), { error: rule })),
    );
  }
  return keyedObject(shape);
}

/** `template` with each `{name}` replaced by `values[name]` (the schema has checked every name is known). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** The chart's words: `given`'s, and the defaults for the keys it leaves out (or sets to undefined). */
export function withDefaults<K extends string>(defaults: Readonly<Record<K, string>>, given: Partial<Record<K, string | undefined>> | undefined): Record<K, string> {
  const out: Record<K, string> = { ...defaults };
  for (const key of Object.keys(given ?? {}) as K[]) {
    const v = given![key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}
