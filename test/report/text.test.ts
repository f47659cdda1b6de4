import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRONTIER_TEXT, frontierSpec, type FrontierText } from '../../src/report/frontier.js';
import { PYRAMID_TEXT, type PyramidText } from '../../src/report/pyramid.js';
import { TRAJECTORY_TEXT, trajectorySpec, type TrajectoryText } from '../../src/report/trajectory.js';
import type { VegaLiteSpec } from '../../src/report/vegaLite.js';
import { messageOf } from '../inputError.js';
import { compileSpec } from './compileSpec.js';
import { specCases } from './specCases.js';

// Written by the builders before they took a `text` option (test/report/specCases.ts's inputs).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/report-specs-en.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const cases = specCases();

const zhTrajectory: Required<TrajectoryText> = {
  title: '总人口',
  subtitle: '人',
  subtitleFan: '阴影：95% 和 80% 的模拟轨迹；虚线（在各线之上）：其中位数',
  yearAxis: '年份',
  totalAxis: '总人口（人）',
  targetLabel: '目标 {population}',
  observedLabel: '普查 {population}（{year}年）',
};
const zhPyramid: Required<PyramidText> = {
  title: '人口金字塔，{years}年',
  yearSeparator: '、',
  subtitle: '按性别和5岁年龄组的人数',
  subtitleSingleYears: '按性别和单岁年龄的人数',
  subtitleShare: '占当年总人口的比例，按性别和年龄',
  personsAxis: '人',
  shareAxis: '占当年人口的比例',
  ageGroupAxis: '年龄组',
  ageAxis: '年龄',
  yearLegend: '年份',
  males: '男性',
  females: '女性',
};
const zhFrontier: Required<FrontierText> = {
  title: '达成目标需要什么：生育与迁移',
  subtitle: '{year}年达到{population}人所需的每年恒定净迁入，按总和生育率',
  subtitleNoTarget: '达到目标所需的每年恒定净迁入，按总和生育率',
  tfrAxis: '{year}年总和生育率（每名妇女子女数）',
  tfrAxisNoTarget: '目标年份的总和生育率（每名妇女子女数）',
  netAxis: '每年净迁入人数',
  reachable: '可达到',
  unreachableAbove: '所需迁入超过搜索上限',
  unreachableBelow: '即使最小迁入也超过目标',
  unconverged: '搜索未得出结果（显示最接近值）',
};
const zh: Record<string, Record<string, string>> = { trajectory: zhTrajectory, pyramid: zhPyramid, frontier: zhFrontier };
const defaults: Record<string, Readonly<Record<string, string>>> = { trajectory: TRAJECTORY_TEXT, pyramid: PYRAMID_TEXT, frontier: FRONTIER_TEXT };
const chartOf = (name: string) => name.replace(/[A-Z].*$/, '');

/** Words the cases' callers give (series names, a mark's label, a title): theirs to translate. */
const CALLER_WORDS = ['plan', 'other', 'year-end 2023', 'With a fan'];

/** Every string the spec holds, but the field names (`field: 'year'` names a column, not shown) and the schema URL. */
function shownStrings(v: unknown, key = ''): string[] {
  if (typeof v === 'string') return key === 'field' || key === '$schema' ? [] : [v];
  if (Array.isArray(v)) return v.flatMap((x) => shownStrings(x, key));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => shownStrings(x, k));
  return [];
}

/** The words of a default: its text outside the placeholders, each run trimmed (e.g. 'target' of 'target {population}'). */
const words = (template: string) =>
  template
    .split(/\{\w+\}/)
    .map((w) => w.trim())
    .filter((w) => /[A-Za-z]/.test(w));

describe('the charts’ text option', () => {
  it('leaves every spec as it was without it (JSON pinned before the option existed)', () => {
    expect(Object.keys(cases)).toEqual(Object.keys(fixture));
    for (const [name, build] of Object.entries(cases)) expect(JSON.parse(JSON.stringify(build())), name).toEqual(fixture[name]);
    // An empty text, or keys set to undefined, is the same.
    for (const [name, build] of Object.entries(cases)) expect(JSON.parse(JSON.stringify(build({ text: { title: undefined } }))), name).toEqual(fixture[name]);
  });

  it('with a full Chinese text, no English word of the chart is left and the placeholders are filled', () => {
    for (const [name, build] of Object.entries(cases)) {
      const chart = chartOf(name);
      const spec = build({ text: zh[chart] });
      const shown = shownStrings(spec).filter((s) => !CALLER_WORDS.includes(s));
      for (const [key, template] of Object.entries(defaults[chart]!))
        for (const w of words(template)) {
          // A single word must not appear as a word; a phrase not at all.
          const re = w.includes(' ') ? null : new RegExp(`\\b${w}\\b`);
          const hit = shown.find((s) => (re ? re.test(s) : s.includes(w)));
          expect(hit, `${name}: default of ${key} ('${w}') still shown`).toBeUndefined();
        }
      expect(shown.filter((s) => /\{\w+\}/.test(s)), name).toEqual([]);
      expect(compileSpec(spec).warnings, name).toEqual([]);
    }
  });

  it('fills the placeholders with the numbers as the English chart writes them', () => {
    const t = cases.trajectory!({ text: zhTrajectory });
    const labels = [...new Set(shownStrings(t.layer).filter((s) => s.startsWith('目标') || s.startsWith('普查')))];
    expect(labels).toEqual(['目标 2,450,000', '目标 2,600,000', '普查 2,328,582（2020年）']); // the 2023 mark has its own label
    expect(t.title).toEqual({ text: '总人口', subtitle: '人' });
    const p = cases.pyramidThreeYears!({ text: zhPyramid });
    expect(p.title).toEqual({ text: '人口金字塔，2015、2020、2030年', subtitle: '按性别和5岁年龄组的人数' });
    expect(new Set((p.data as { values: { sex: string }[] }).values.map((r) => r.sex))).toEqual(new Set(['男性', '女性']));
    const f = cases.frontier!({ text: zhFrontier });
    expect(f.title).toEqual({ text: '达成目标需要什么：生育与迁移', subtitle: '2030年达到2,600,000人所需的每年恒定净迁入，按总和生育率' });
    const enc = (f.layer as { encoding?: { x?: { axis: { title: string } } } }[])[2]!.encoding!;
    expect(enc.x!.axis.title).toBe('2030年总和生育率（每名妇女子女数）');
  });

  it('keeps options.title over text.title, and English for the keys not given', () => {
    expect(cases.pyramid!({ title: '营口', text: { males: '男性' } }).title).toEqual({ text: '营口', subtitle: 'persons by sex and 5-year age group' });
    const t = trajectorySpec({ series: [{ name: 'a', points: [{ year: 2015, total: 1 }] }] }, { text: { yearAxis: '年份' } });
    const x = (t.layer as { encoding: { x: { axis: { title: string } }; y: { axis: { title: string } } } }[])[0]!.encoding;
    expect([x.x.axis.title, x.y.axis.title]).toEqual(['年份', 'total population']);
  });

  it('keeps the frontier’s legend right with translated statuses: each entry its own shape and colour', () => {
    const spec = cases.frontierMixed!({ text: zhFrontier });
    type Layer = { encoding?: { shape?: { scale: { domain: string[]; range: string[] } }; color?: { scale: { domain: string[]; range: string[] } } } };
    const points = (s: VegaLiteSpec) => (s.layer as Layer[]).find((l) => l.encoding?.shape)!.encoding!;
    const enc = points(spec);
    const en = points(fixture.frontierMixed as VegaLiteSpec);
    expect(enc.shape!.scale.domain).toEqual([zhFrontier.reachable, zhFrontier.unreachableAbove, zhFrontier.unreachableBelow, zhFrontier.unconverged]);
    expect(enc.shape!.scale.range).toEqual(en.shape!.scale.range);
    expect(enc.color!.scale.range).toEqual(en.color!.scale.range);
  });

  it('rejects an unknown key, a non-string, an unknown placeholder and legend entries that collide, naming each', () => {
    expect(messageOf(() => cases.trajectory!({ text: { titel: '总人口' } }))).toMatch(/options\.text.*expected only the keys title, subtitle, .*got .*titel/s);
    expect(messageOf(() => cases.pyramid!({ text: { males: 1 } }))).toMatch(/options\.text\.males.*expected a string.*got 1/s);
    expect(messageOf(() => cases.trajectory!({ text: { targetLabel: '目标 {pop}' } }))).toMatch(/options\.text\.targetLabel.*expected a string with no placeholder other than \{population\}, \{year\}.*目标 \{pop\}/s);
    expect(messageOf(() => cases.pyramid!({ text: { yearLegend: '{year}' } }))).toMatch(/options\.text\.yearLegend.*expected a string with no \{placeholder\}/s);
    expect(messageOf(() => cases.pyramid!({ text: { males: '人', females: '人' } }))).toMatch(/options\.text\.females.*expected a label other than the males’.*人/s);
    expect(messageOf(() => frontierSpec([{ tfr: 2, netPerYear: { status: 'reachable', value: 1, achieved: 1, iterations: 1 } }], { text: { unconverged: 'reachable' } }))).toMatch(
      /options\.text\.unconverged.*expected a legend entry other than options\.text\.reachable's/s,
    );
  });
});
