import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from './vega.js';
import type { VegaLiteSpec } from 'ccmpp';

/**
 * Draws a chart specification of ccmpp (the same `trajectorySpec`, `pyramidSpec` and
 * `frontierSpec` the HTML report renders to SVG in Node, src/cli/render.ts) into an element, as SVG.
 *
 * A live page redraws on every input, and compiling (vega-lite → Vega), parsing and drawing a new
 * view costs tens of milliseconds a chart. So each chart's spec is split into its structure and its
 * inline data ({@link splitData}): when the structure is the one already drawn, only the data
 * changes (`view.data(name, values)`, Vega redraws what moved); otherwise the spec is compiled and
 * a new view replaces the old. The two paths draw the same SVG, but for the document order of an
 * axis's ticks: a changed view appends the ticks that enter after those it kept, at their own
 * positions (test/explorer/render.test.ts).
 */

/** A spec as structure and data: every `data: { values }` replaced by a numbered slot. */
export interface SplitSpec {
  /** The structure, as JSON: equal keys compile to the same Vega spec. */
  key: string;
  /** The spec with slots `[{ __slot: i }]` in place of the inline data. */
  template: VegaLiteSpec;
  /** The inline data, by slot. */
  values: unknown[][];
}

export function splitData(spec: VegaLiteSpec): SplitSpec {
  const values: unknown[][] = [];
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x === null || typeof x !== 'object') return x;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'data' && v !== null && typeof v === 'object' && Array.isArray((v as { values?: unknown }).values)) {
        out[k] = { ...(v as object), values: [{ __slot: values.length }] };
        values.push((v as { values: unknown[] }).values);
      } else out[k] = walk(v);
    }
    return out;
  };
  const template = walk(spec) as VegaLiteSpec;
  return { key: JSON.stringify(template), template, values };
}

/** A compiled template: the Vega spec and which of its datasets holds which slot. */
export interface Compiled {
  key: string;
  vega: { data?: { name: string; values?: unknown }[] } & Record<string, unknown>;
  /** Vega dataset name → slot. */
  slots: Map<string, number>;
}

export function compileSplit(s: SplitSpec): Compiled {
  const { spec } = compile(s.template as unknown as TopLevelSpec);
  const vega = spec as unknown as Compiled['vega'];
  const slots = new Map<string, number>();
  for (const d of vega.data ?? []) {
    const v = d.values as { __slot?: number }[] | undefined;
    if (Array.isArray(v) && v.length === 1 && typeof v[0]?.__slot === 'number') slots.set(d.name, v[0].__slot);
  }
  return { key: s.key, vega, slots };
}

/** The Vega spec with the slots' data put back in. */
export function filled(c: Compiled, values: unknown[][]): Compiled['vega'] {
  return { ...c.vega, data: (c.vega.data ?? []).map((d) => (c.slots.has(d.name) ? { ...d, values: values[c.slots.get(d.name)!] } : d)) };
}

/** Replaces the data of a view drawn from `c` with `values`, and redraws. */
export async function changeData(view: View, c: Compiled, values: unknown[][]): Promise<void> {
  for (const [name, slot] of c.slots) view.data(name, values[slot] as object[]);
  await view.runAsync();
}

interface Drawn {
  compiled: Compiled;
  view: View;
  /** The last spec drawn, as JSON: the same spec again draws nothing. */
  json: string;
}

/** What each chart element shows; dropped with the element. */
const drawn = new WeakMap<Element, Drawn>();

export async function drawChart(el: HTMLElement, spec: VegaLiteSpec): Promise<void> {
  const json = JSON.stringify(spec);
  const before = drawn.get(el);
  if (before && before.json === json && el.isConnected) return;
  const split = splitData(spec);
  if (before && before.compiled.key === split.key) {
    before.json = json;
    await changeData(before.view, before.compiled, split.values);
    return;
  }
  const compiled = compileSplit(split);
  const view = new View(parse(filled(compiled, split.values)), { renderer: 'svg', container: el, hover: false, logLevel: 1 });
  before?.view.finalize();
  drawn.set(el, { compiled, view, json });
  await view.runAsync();
}
