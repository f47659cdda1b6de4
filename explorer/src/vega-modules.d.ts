// The Vega packages explorer/src/vega.ts assembles ship no types of their own; `vega-typings` (a
// dependency of `vega`) describes the view and the parser, and the transform packages are only
// registered, never called, so they stay untyped.
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-encode';
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-view' {
  export { View } from 'vega-typings';
}
declare module 'vega-parser' {
  export { parse } from 'vega-typings';
}
