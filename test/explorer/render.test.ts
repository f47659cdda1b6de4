import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from '../../src/index.js';
import { chartSpecs, type ChartInput } from '../../explorer/src/charts.js';
import { answer, planAssumptions, scenarioOf, withAnchor, yingkouPlace, type Answers } from '../../explorer/src/model.js';
import { changeData, compileSplit, filled, splitData } from '../../explorer/src/render.js';

// The explorer's data-only redraw (explorer/src/render.ts): a chart whose structure is the one
// already drawn only gets new data (`view.data`), and must then look exactly as if drawn afresh.
// Drawn headless in Node with the real Vega (renderer 'none', toSVG), as src/cli/render.ts does.

const NAMES = ['trajectory', 'pyramid', 'frontier'] as const;
const TARGET = { year: 2030, population: 2_600_000 };
// The library is called inside each `it`, not while the file is collected: a throw there would
// fail no test (the limit of the vitest runner that stryker.config.mjs describes).

/** The page's answers with the TFR at the target year set to `tfr` (the plan's other anchors kept). */
function answersAt(tfr: number, e0In2030 = 81): Answers {
  const plan = planAssumptions();
  const a = { ...plan, tfr: withAnchor(plan.tfr, TARGET.year, tfr), e0: withAnchor(plan.e0, TARGET.year, e0In2030) };
  return answer(yingkouPlace().base, scenarioOf(a), TARGET, 2050, 5);
}

const input = (answers: Answers, over: Partial<ChartInput> = {}): ChartInput => ({ answers, pinned: null, place: yingkouPlace(), target: TARGET, pyramidYear: 2040, lang: 'en', ...over });

const views: vega.View[] = [];
afterAll(() => {
  for (const v of views) v.finalize();
});

/** A headless view of a Vega spec, run. */
async function viewOf(spec: object): Promise<vega.View> {
  const view = new vega.View(vega.parse(spec as Parameters<typeof vega.parse>[0]), { renderer: 'none' });
  views.push(view);
  await view.runAsync();
  return view;
}

/**
 * The SVG with the items of each axis's grid, ticks and labels in position order. A view whose data
 * changed keeps the ticks it had and appends those that enter (Vega's data join): the 2.05M tick of
 * a lower trajectory comes after 2.6M in the document, where a fresh view has it first. They are at
 * distinct positions and never overlap, so their order changes nothing drawn; everything else must
 * be byte for byte the same, order included (marks drawn later paint over earlier ones).
 */
function axisOrderFree(svg: string): string {
  return svg.replace(/(<g class="mark-(?:rule|text) role-axis-(?:grid|tick|label)"[^>]*>)(.*?)(<\/g>)/g, (_, open: string, inner: string, close: string) => {
    const items = inner.match(/<line[^>]*\/>|<text[^>]*>[^<]*<\/text>/g) ?? [];
    expect(items.join('')).toBe(inner);
    return open + [...items].sort().join('') + close;
  });
}

/** The SVG of a spec drawn afresh through the split (what drawChart does for a new structure). */
async function freshSvg(spec: VegaLiteSpec): Promise<string> {
  const s = splitData(spec);
  return axisOrderFree(await (await viewOf(filled(compileSplit(s), s.values))).toSVG());
}

/** The SVG of `a` drawn, then its data changed to `b`'s (what drawChart does for the same structure). */
async function changedSvg(a: VegaLiteSpec, b: VegaLiteSpec): Promise<string> {
  const sa = splitData(a);
  const ca = compileSplit(sa);
  const view = await viewOf(filled(ca, sa.values));
  await view.toSVG();
  await changeData(view, ca, splitData(b).values);
  return axisOrderFree(await view.toSVG());
}

describe('splitData, compileSplit, filled: the split draws what the spec draws', () => {
  for (const name of NAMES) {
    it(`${name}: filled(compileSplit(splitData(spec))) gives the SVG of the spec compiled whole`, async () => {
      const specs = chartSpecs(input(answersAt(1.8)));
      const s = splitData(specs[name]);
      expect(s.values.length).toBeGreaterThan(0);
      expect(s.key).not.toContain('"year":2040');
      const c = compileSplit(s);
      // Every slot is some dataset of the Vega spec (none lost in compiling).
      expect(new Set(c.slots.values())).toEqual(new Set(s.values.map((_, i) => i)));
      const whole = await (await viewOf(compile(specs[name] as unknown as TopLevelSpec).spec)).toSVG();
      expect(await freshSvg(specs[name])).toBe(axisOrderFree(whole));
    });
  }
});

describe('changeData: drawing A, then changing the data to B, draws B', () => {
  // The TFR in 2030 moves 1.8 → 2.1 (births, so the trajectory and the 2040 pyramid change) and e0
  // in 2030 81 → 82 (the frontier sets the TFR itself: only mortality moves its migration figures).
  const AB = () => [chartSpecs(input(answersAt(1.8))), chartSpecs(input(answersAt(2.1, 82)))] as const;
  for (const name of NAMES) {
    it(`${name}: same structure (key), and the SVG of the redraw is B's, not A's`, async () => {
      const [A, B] = AB();
      expect(splitData(B[name]).key).toBe(splitData(A[name]).key);
      const a = await freshSvg(A[name]);
      const b = await freshSvg(B[name]);
      expect(b).not.toBe(a);
      expect(await changedSvg(A[name], B[name])).toBe(b);
      // And back: B to A draws A.
      expect(await changedSvg(B[name], A[name])).toBe(a);
    });
  }

  it('the same spec again changes nothing', async () => {
    const [A] = AB();
    for (const name of NAMES) expect(await changedSvg(A[name], A[name])).toBe(await freshSvg(A[name]));
  });
});

describe('a different structure has a different key (drawn afresh)', () => {
  it('the pyramid of another year', () => {
    const a = answersAt(1.8);
    const at2040 = chartSpecs(input(a, { pyramidYear: 2040 }));
    const at2050 = chartSpecs(input(a, { pyramidYear: 2050 }));
    expect(splitData(at2050.pyramid).key).not.toBe(splitData(at2040.pyramid).key);
    // The other charts do not depend on the pyramid's year.
    expect(splitData(at2050.trajectory).key).toBe(splitData(at2040.trajectory).key);
    expect(splitData(at2050.frontier).key).toBe(splitData(at2040.frontier).key);
  });

  it('a pinned scenario (a second series), another target, another language', () => {
    const a = answersAt(1.8);
    const plain = chartSpecs(input(a));
    const pinned = chartSpecs(input(a, { pinned: answersAt(2.1) }));
    expect(splitData(pinned.trajectory).key).not.toBe(splitData(plain.trajectory).key);
    const target = chartSpecs(input(a, { target: { year: 2030, population: 2_500_000 } }));
    expect(splitData(target.frontier).key).not.toBe(splitData(plain.frontier).key);
    const zh = chartSpecs(input(a, { lang: 'zh' }));
    for (const name of NAMES) expect(splitData(zh[name]).key).not.toBe(splitData(plain[name]).key);
  });
});

describe('splitData: only a data object with a values array becomes a slot', () => {
  it('data null, a named data source and values that are no array are kept as they are', () => {
    const spec = {
      vconcat: [
        { data: null, mark: 'point' },
        { data: { name: 'table' }, mark: 'point' },
        { data: { values: 'a,b' }, mark: 'point' },
        { data: { values: [{ x: 1 }, { x: 2 }] }, mark: 'bar' },
      ],
    } as unknown as VegaLiteSpec;
    const s = splitData(spec);
    expect(s.template).toEqual({
      vconcat: [
        { data: null, mark: 'point' },
        { data: { name: 'table' }, mark: 'point' },
        { data: { values: 'a,b' }, mark: 'point' },
        { data: { values: [{ __slot: 0 }] }, mark: 'bar' },
      ],
    });
    expect(s.values).toEqual([[{ x: 1 }, { x: 2 }]]);
    expect(s.key).toBe(JSON.stringify(s.template));
  });
});

describe('compileSplit: a dataset is a slot only when it holds one placeholder', () => {
  it('data written in the template and two placeholders in one dataset are no slots', () => {
    const layer = (values: unknown[]) => ({ data: { values }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } });
    const template = { layer: [layer([{ __slot: 0 }]), layer([{ x: 1 }]), layer([{ __slot: 1 }, { __slot: 2 }])] } as unknown as VegaLiteSpec;
    const c = compileSplit({ key: 'k', template, values: [] });
    expect([...c.slots.values()]).toEqual([0]);
    expect(c.key).toBe('k');
  });
});
