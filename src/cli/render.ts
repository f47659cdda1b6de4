import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { VegaLiteSpec } from '../report/vegaLite.js';

/**
 * Renders Vega-Lite specs to SVG in Node (vega-lite compiles to Vega; a headless Vega view draws
 * with `renderer: 'none'` and `toSVG()`): no browser, no canvas, no network. CLI only — the library
 * exports the specs and never imports vega.
 */

/**
 * The spec as an SVG document whose ids (clip paths, gradients) are prefixed with `idPrefix`, so
 * that several charts can share one HTML page without their ids colliding.
 */
export async function renderSvg(spec: VegaLiteSpec, idPrefix: string): Promise<string> {
  const { spec: vg } = compile(spec as unknown as TopLevelSpec);
  const view = new vega.View(vega.parse(vg), { renderer: 'none', logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return prefixIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/** Prefixes every `id="x"` and its references `url(#x)` / `href="#x"` in an SVG text. */
export function prefixIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) ids.add(m[1]!);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, a: string, id: string) => `${a}${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : all))
    .replace(/(href=")#([^"]+)"/g, (all, a: string, id: string) => (ids.has(id) ? `${a}#${prefix}-${id}"` : all));
}
