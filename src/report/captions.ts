import type { VegaLiteSpec } from './vegaLite.js';

/** The parts of a layer the captions read. */
interface Layer {
  mark: { type: string; strokeDash?: number[]; filled?: boolean; shape?: string; opacity?: number };
  encoding?: { y?: { field?: string }; color?: { field?: string; legend?: { encode?: unknown } } };
  transform?: { filter: { field?: string; equal?: string; not?: { field: string; equal: string } } }[];
}

const layersOf = (spec: VegaLiteSpec): Layer[] => (spec.layer as Layer[] | undefined) ?? [];

/**
 * The caption of a `trajectorySpec` chart, read off the spec's own layers so that it says what
 * is drawn: lines for the series, red diamonds for targets, black dots for observed counts, the
 * fan's shaded bands, and its median as the median layer is drawn — "dashed" only when the layer
 * has a stroke dash, "over the lines" only when it comes after the series' lines (a dashed line
 * under a solid one does not show). `fan` names what was simulated ("100,000 simulated trajectories
 * of “plan, no migration”").
 *
 * @example
 * trajectoryCaption(trajectorySpec({ series, fan }), { fan: '10,000 simulated trajectories' })
 * // 'Lines: projections (named in the legend). Shaded: 95 % and 80 % of 10,000 simulated trajectories; dashed, over the lines: their median.'
 */
export function trajectoryCaption(spec: VegaLiteSpec, options: { fan?: string } = {}): string {
  const layers = layersOf(spec);
  const isSeriesLine = (l: Layer) => l.mark.type === 'line' && l.encoding?.color?.field === 'series';
  const parts: string[] = [];
  if (layers.some(isSeriesLine)) parts.push('Lines: projections (named in the legend).');
  if (layers.some((l) => l.mark.type === 'point' && l.mark.shape === 'diamond')) parts.push('Red diamonds: targets.');
  if (layers.some((l) => l.mark.type === 'point' && l.mark.shape === 'circle')) parts.push('Black dots: observed counts.');
  const bands = layers.filter((l) => l.mark.type === 'area').length;
  const medianAt = layers.findIndex((l) => l.mark.type === 'line' && l.encoding?.y?.field === 'q50');
  if (bands > 0 || medianAt >= 0) {
    const what = options.fan ?? 'the simulated trajectories';
    let fan = bands > 0 ? `Shaded: ${bands === 2 ? '95 % and 80 %' : 'the bands'} of ${what}` : `The median of ${what}`;
    if (medianAt >= 0) {
      const median = layers[medianAt]!;
      const lastLine = layers.reduce((k, l, i) => (isSeriesLine(l) ? i : k), -1);
      const over = lastLine < 0 ? '' : medianAt > lastLine ? ', over the lines' : ', under the lines (hidden where they meet)';
      fan += bands > 0 ? `; ${median.mark.strokeDash ? 'dashed' : 'a line'}${over}: their median` : ` (${median.mark.strokeDash ? 'dashed' : 'a line'}${over})`;
    }
    parts.push(`${fan}.`);
  }
  return parts.join(' ');
}

/**
 * The caption of a `pyramidSpec` chart, read off its layers: which year is drawn as filled
 * bars and which as outlines, and whether the legend draws its swatches the same way.
 *
 * @example
 * pyramidCaption(pyramidSpec(p, [2015, 2030]), [2015, 2030]) // 'Filled bars: 2015; outlines: 2030, as in the legend. Males left, females right.'
 */
export function pyramidCaption(spec: VegaLiteSpec, years: readonly (string | number)[]): string {
  const bars = layersOf(spec).filter((l) => l.mark.type === 'bar');
  const filled = bars.find((l) => l.mark.filled !== false);
  const outlined = bars.find((l) => l.mark.filled === false);
  const first = filled?.transform?.[0]?.filter.equal;
  const parts: string[] = [];
  if (filled && first !== undefined) parts.push(`Filled bars: ${first}`);
  const later = years.map(String).filter((y) => y !== first);
  if (outlined && later.length) parts.push(`outlines: ${later.join(', ')}`);
  const legendMatches = bars.every((l) => l.encoding?.color?.legend?.encode !== undefined);
  return `${parts.join('; ')}${legendMatches ? ', as in the legend' : ''}. Males left, females right.`;
}
