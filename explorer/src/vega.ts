/**
 * The part of Vega the explorer's charts use, in place of the `vega` package (the Vite build aliases
 * `vega` to this file): the view, the parser, and the transforms of plain marks, scales, axes and
 * legends. The full package registers geographic, force, hierarchy, label, regression, Voronoi,
 * word-cloud and cross-filter transforms too, which no chart of ccmpp uses: leaving them out saves
 * about 44 kB gzipped (esbuild, 278.5 → 234.9 kB with vega-lite). `vega-lite` imports four helpers
 * from `vega`; they are re-exported from `vega-util`, where `vega` takes them.
 */
import { transforms } from 'vega-dataflow';
import { parse as parseSpec } from 'vega-parser';
import type { parse as VegaParse } from 'vega-typings';
import * as encode from 'vega-encode';
import * as tx from 'vega-transforms';
import { extend } from 'vega-util';
import * as vtx from 'vega-view-transforms';

/** @public What vega-lite imports from `vega`. */
export { hasOwnProperty, isObject, isString, stringValue } from 'vega-util';
export { View } from 'vega-view';

/**
 * Vega's `parse`, with the transforms registered first. They are registered here, not at the top
 * of the module, because the package is `"sideEffects": false`: a bundler drops a module's top-level
 * statements when only its re-exports are used. Registering again is a no-op (same keys, same classes).
 */
export function parse(spec: Parameters<typeof VegaParse>[0]): ReturnType<typeof VegaParse> {
  extend(transforms, tx, vtx, encode);
  return parseSpec(spec);
}
