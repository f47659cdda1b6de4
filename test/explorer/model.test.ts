/// <reference types="node" />
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { parseScenario, project } from '../../src/index.js';
import { yingkou } from '../../src/yingkou/index.js';
import { baseJson, cliCommand, resultsCsv, scenarioJson } from '../../explorer/src/downloads.js';
import { anchorsOf, answer, FRONTIER_TFR, pathOf, planAssumptions, presetAssumptions, scenarioOf, withAnchor, yingkouPlace, type Assumptions, type Place } from '../../explorer/src/model.js';
import { tempDir } from '../cli/helpers.js';

// The explorer's model (explorer/src/model.ts): the page's assumptions become the scenario file of
// `ccmpp project`, its answers are the library's, and the two downloaded files run through the
// command give the page's numbers to the last bit.

const TARGET = { year: 2030, population: 2_600_000 };
const UNTIL = 2050;

/** A state far from the default: gross flows, other TFR anchors, another e0 path and SRB. */
const GROSS: Assumptions = {
  tfr: [
    [2015, 0.71],
    [2025, 1.5],
    [2040, 1.9],
  ],
  e0: [
    [2015, 78.75],
    [2050, 83],
  ],
  migration: {
    mode: 'gross',
    inPerYear: [
      [2015, 12_000],
      [2030, 20_000],
    ],
    outRate: [[2015, 0.004]],
  },
  srb: 106,
};

/** Yingkou's observed totals (data/yingkou/): the 2020 census, the 2021 and 2023 year-end residents. */
const OBSERVED = [
  { year: 2020, population: 2_328_582, kind: 'census' },
  { year: 2021, population: 2_312_000, kind: 'year-end' },
  { year: 2023, population: 2_266_000, kind: 'year-end' },
];

describe("the explorer's ccmpp", () => {
  it('is the sources under test, not the built dist/ (vitest.config.ts resolves it as explorer/vite.config.ts does)', () => {
    expect(yingkouPlace().base).toBe(yingkou.base2015);
  });

  it('yingkouPlace: the 2015 base, the plan’s targets, the 2020 census then the year-end figures', () => {
    const p = yingkouPlace();
    expect([p.kind, p.name]).toEqual(['yingkou', 'Yingkou']);
    expect(p.planTargets).toBe(yingkou.targets);
    expect(p.observed).toEqual(OBSERVED);
  });
});

describe('scenarioOf: the page as the scenario file', () => {
  it('one anchor is a constant, several a { year: value } record; net migration is netPerYear', () => {
    const s = scenarioOf({ tfr: [[2015, 1.5]], e0: [[2015, 78]], migration: { mode: 'net', net: [[2015, -2500]] }, srb: 106 });
    expect(s).toEqual({ fertility: { tfr: 1.5, pattern: 'china-2015' }, mortality: { e0: 78 }, migration: { netPerYear: -2500 }, srb: 106 });
    expect(scenarioOf(planAssumptions())).toEqual({
      fertility: { tfr: { 2015: 0.71, 2020: 1.2, 2030: 1.8 }, pattern: 'china-2015' },
      mortality: { e0: { 2015: 78.75, 2020: 79.75, 2030: 81 } },
      migration: { netPerYear: 0 },
      srb: 107,
    });
  });

  it('gross flows are inPerYear and outRate, with no netPerYear', () => {
    const s = scenarioOf(GROSS);
    expect(s.migration).toEqual({ inPerYear: { 2015: 12_000, 2030: 20_000 }, outRate: 0.004 });
    expect(s.fertility.tfr).toEqual({ 2015: 0.71, 2025: 1.5, 2040: 1.9 });
    expect(s.mortality.e0).toEqual({ 2015: 78.75, 2050: 83 });
  });

  it("parseScenario accepts the downloaded file, and reads back the page's paths", () => {
    for (const a of [planAssumptions(), GROSS]) {
      const parsed = parseScenario(JSON.parse(scenarioJson(a)));
      expect(parsed.fertility.tfr).toEqual(pathOf(a.tfr));
      expect(parsed.mortality.e0).toEqual(pathOf(a.e0));
      expect(parsed.srb).toBe(a.srb);
    }
    expect(parseScenario(JSON.parse(scenarioJson(GROSS))).migration).toMatchObject({ inPerYear: { 2015: 12_000, 2030: 20_000 }, outRate: 0.004 });
  });
});

describe('anchors', () => {
  it('anchorsOf: a record in year order (whatever order its keys were written in), a constant at the given year', () => {
    expect(anchorsOf({ 2030: 1.8, 2015: 0.71, 2020: 1.2 })).toEqual([
      [2015, 0.71],
      [2020, 1.2],
      [2030, 1.8],
    ]);
    // Negative years are no index keys: an object lists them after the others, in the order written.
    expect(anchorsOf({ 2015: 1, [-100]: 2, [-200]: 3 })).toEqual([
      [-200, 3],
      [-100, 2],
      [2015, 1],
    ]);
    expect(anchorsOf(1.6)).toEqual([[2015, 1.6]]);
    expect(anchorsOf(1.6, 2020)).toEqual([[2020, 1.6]]);
  });

  it('pathOf inverts anchorsOf', () => {
    expect(pathOf([[2015, 1.6]])).toBe(1.6);
    const a = anchorsOf({ 2015: 0.71, 2020: 1.2, 2030: 1.8 });
    expect(pathOf(a)).toEqual({ 2015: 0.71, 2020: 1.2, 2030: 1.8 });
    expect(anchorsOf(pathOf(a))).toEqual(a);
  });

  it('withAnchor replaces the value at a year, or adds an anchor there in year order, without changing its input', () => {
    const a = planAssumptions().tfr;
    const before = JSON.stringify(a);
    expect(withAnchor(a, 2030, 2.1)).toEqual([
      [2015, 0.71],
      [2020, 1.2],
      [2030, 2.1],
    ]);
    expect(withAnchor(a, 2025, 1.5)).toEqual([
      [2015, 0.71],
      [2020, 1.2],
      [2025, 1.5],
      [2030, 1.8],
    ]);
    expect(withAnchor(a, 2010, 0.9)[0]).toEqual([2010, 0.9]);
    expect(JSON.stringify(a)).toBe(before);
  });
});

// The library is called inside each `it`, not while the file is collected: a throw there would
// fail no test (the limit of the vitest runner that stryker.config.mjs describes).
/** The page's answers for the plan, 5-year steps. */
const planAnswers = () => answer(yingkouPlace().base, scenarioOf(planAssumptions()), TARGET, UNTIL, 5);

describe('answer: the Yingkou plan against its 2030 target of 2.6 million', () => {

  it("projects 2,414,184 in 2030 and needs about +11,473 net migrants a year (the report's figures, npm start)", () => {
    const a = planAnswers();
    const p = a.projection;
    expect(p.years[0]).toBe(2015);
    expect(p.years.at(-1)).toBe(2050);
    expect(Math.round(p.indicators.years.find((y) => y.year === 2030)!.total)).toBe(2_414_184);
    expect(a.verdict).toMatchObject({ year: 2030, target: 2_600_000, reached: false });
    expect(Math.round(a.verdict.projected)).toBe(2_414_184);
    expect(a.verdict.gap).toBeCloseTo(a.verdict.projected - 2_600_000, 6);
    expect(a.requiredMigration.status).toBe('reachable');
    if (a.requiredMigration.status !== 'reachable') return;
    expect(Math.round(a.requiredMigration.value)).toBe(11_473);
    expect(Math.abs(a.requiredMigration.achieved - 2_600_000)).toBeLessThan(1);
  });

  it('the frontier runs over TFR 0.6 to 3.0 by 0.2, all reachable, needing less migration the higher the TFR', () => {
    const a = planAnswers();
    expect(FRONTIER_TFR).toEqual([0.6, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.4, 2.6, 2.8, 3]);
    expect(a.frontier.map((x) => x.tfr)).toEqual(FRONTIER_TFR);
    const net = a.frontier.map((x) => (x.netPerYear.status === 'reachable' ? x.netPerYear.value : NaN));
    for (let k = 1; k < net.length; k++) expect(net[k]).toBeLessThan(net[k - 1]!);
  });

  it('the frontier at TFR 1.8 (the plan’s 2030 value) is the required migration', () => {
    const a = planAnswers();
    const at18 = a.frontier.find((x) => x.tfr === 1.8)!;
    expect(at18.netPerYear.status).toBe('reachable');
    if (at18.netPerYear.status !== 'reachable' || a.requiredMigration.status !== 'reachable') return;
    expect(at18.netPerYear.value).toBeCloseTo(a.requiredMigration.value, 0);
  });

  it('single years: the verdict, the solvers and the frontier project on the same grid as the projection', () => {
    const a = answer(yingkouPlace().base, scenarioOf(planAssumptions()), TARGET, UNTIL, 1);
    const at2030 = a.projection.indicators.years.find((y) => y.year === 2030)!.total;
    expect(a.verdict.projected).toBe(at2030);
    expect(at2030).not.toBe(planAnswers().verdict.projected);
  });

  it('the components of change run from 2015 to the target year and add up to the change', () => {
    const a = planAnswers();
    const { total, periods } = a.components;
    expect(periods.map((x) => [x.from, x.to])).toEqual([
      [2015, 2020],
      [2020, 2025],
      [2025, 2030],
    ]);
    expect(total).toMatchObject({ from: 2015, to: 2030, start: 2_443_000 });
    expect(total.end).toBe(a.verdict.projected);
    expect(total.netMigrants).toBe(0);
    expect(total.births - total.deaths + total.netMigrants).toBeCloseTo(total.end - total.start, 6);
  });
});

/** The two downloaded files, written where the command reads them. */
function downloads(a: Assumptions): { scenario: string; base: string } {
  const dir = tempDir('ccmpp-explorer-');
  const scenario = join(dir, 'scenario.json');
  const base = join(dir, 'base.json');
  writeFileSync(scenario, scenarioJson(a));
  writeFileSync(base, baseJson(yingkouPlace().base));
  return { scenario, base };
}

describe('the downloaded files reproduce the page through `ccmpp project`', () => {
  const cases: { name: string; a: () => Assumptions; width: 1 | 5 }[] = [
    { name: 'the default page (the plan, 5-year steps)', a: planAssumptions, width: 5 },
    { name: 'gross flows, other TFR and e0 anchors, SRB 106, single years', a: () => GROSS, width: 1 },
  ];
  for (const { name, a: assumptions, width } of cases) {
    it(`${name}: every year's total to the last bit, and results.csv byte for byte`, async () => {
      const a = assumptions();
      const page = answer(yingkouPlace().base, scenarioOf(a), TARGET, UNTIL, width);
      const f = downloads(a);
      const argv = ['project', f.scenario, '--base', f.base, '--until', String(UNTIL), ...(width === 1 ? ['--width', '1'] : [])];
      const json = await runCli([...argv, '--format', 'json']);
      expect(json.stderr).toBe('');
      expect(json.exitCode).toBe(0);
      const doc = JSON.parse(json.stdout) as { width: number; years: number[]; indicators: { years: { year: number; total: number }[] } };
      expect(doc.width).toBe(width);
      expect(doc.years).toEqual(page.projection.years);
      expect(doc.indicators.years.length).toBe(page.projection.indicators.years.length);
      expect(doc.indicators.years.length).toBe(width === 1 ? 36 : 8);
      page.projection.indicators.years.forEach((y, k) => {
        expect(doc.indicators.years[k]!.year).toBe(y.year);
        expect(doc.indicators.years[k]!.total).toBe(y.total);
      });
      const csv = await runCli([...argv, '--format', 'csv']);
      expect(csv.exitCode).toBe(0);
      expect(csv.stdout).toBe(resultsCsv(page.projection));
    });
  }

  it('the two cases differ (so the comparison above can fail)', () => {
    const plan = answer(yingkouPlace().base, scenarioOf(planAssumptions()), TARGET, UNTIL, 5).projection.indicators.years;
    const gross = answer(yingkouPlace().base, scenarioOf(GROSS), TARGET, UNTIL, 1).projection.indicators.years;
    expect(gross.find((y) => y.year === 2050)!.total).not.toBeCloseTo(plan.find((y) => y.year === 2050)!.total, -3);
  });
});

describe('presets', () => {
  /** Yingkou's base as an uploaded place: its presets start from what the planner set, not from the plan. */
  const uploaded = (): Place => ({ ...yingkouPlace(), kind: 'upload' });
  const total = (a: Assumptions, year: number) => project(yingkouPlace().base, scenarioOf(a), { until: year }).indicators.years.find((y) => y.year === year)!.total;

  it("'plan' is the plan's assumptions, whatever was set", () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    expect(presetAssumptions('plan', place, GROSS)).toEqual(plan);
  });

  it("'high' and 'low' shift every TFR anchor by ± 0.5 and leave the rest as set", () => {
    const place = uploaded();
    const plan = planAssumptions();
    for (const [name, delta] of [
      ['high', 0.5],
      ['low', -0.5],
    ] as const) {
      for (const from of [plan, GROSS]) {
        const v = presetAssumptions(name, place, from);
        expect(v.tfr.map(([y]) => y)).toEqual(from.tfr.map(([y]) => y));
        v.tfr.forEach(([, x], i) => expect(x).toBeCloseTo(from.tfr[i]![1] + delta, 12));
        expect({ ...v, tfr: from.tfr }).toEqual(from);
      }
    }
  });

  it("'constant-fertility' holds the base-year TFR (0.71)", () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    const v = presetAssumptions('constant-fertility', place, plan);
    expect(pathOf(v.tfr)).toBe(0.71);
    expect({ ...v, tfr: plan.tfr }).toEqual(plan);
    // A TFR path starting after the base year is held at its value there (held before its first anchor).
    expect(
      pathOf(
        presetAssumptions('constant-fertility', uploaded(), {
          ...plan,
          tfr: [
            [2020, 1.2],
            [2030, 1.8],
          ],
        }).tfr,
      ),
    ).toBe(1.2);
  });

  it("'zero-migration' gives net 0 from the base year, from gross flows too", () => {
    const v = presetAssumptions('zero-migration', uploaded(), GROSS);
    expect(v.migration).toEqual({ mode: 'net', net: [[2015, 0]] });
    expect({ ...v, migration: GROSS.migration }).toEqual(GROSS);
    expect(scenarioOf(v).migration).toEqual({ netPerYear: 0 });
  });

  it("'census-implied' is a constant net migration with which 2020 comes out within 1 person of the census (2,328,582)", () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    const v = presetAssumptions('census-implied', place, plan);
    expect(v.migration.mode).toBe('net');
    if (v.migration.mode !== 'net') return;
    expect(v.migration.net).toHaveLength(1);
    const [year, net] = v.migration.net[0]!;
    expect(year).toBe(2015);
    // Yingkou lost people 2015–2020: the census is below the plan's no-migration 2020 (2,438,414).
    expect(net).toBeLessThan(-15_000);
    expect(yingkou.census2020.residents).toBe(2_328_582);
    expect(Math.abs(total(v, 2020) - 2_328_582)).toBeLessThanOrEqual(1);
    expect({ ...v, migration: plan.migration }).toEqual(plan);
  });

  it("'census-implied' needs a census after the base year", () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    const none = 'census-implied: this place has no census after its base year';
    expect(() => presetAssumptions('census-implied', { ...place, observed: [] }, plan)).toThrow(none);
    // A census in the base year or before it, or a year-end figure after it, is not one.
    for (const observed of [
      [{ year: 2015, population: 2_443_000, kind: 'census' as const }],
      [{ year: 2010, population: 2_400_000, kind: 'census' as const }],
      [{ year: 2020, population: 2_328_582, kind: 'year-end' as const }],
    ])
      expect(() => presetAssumptions('census-implied', { ...place, observed }, plan)).toThrow(none);
  });

  it("'census-implied' uses the first census after the base year, whatever comes before it", () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    const v = presetAssumptions('census-implied', place, plan);
    const observed = [
      { year: 2010, population: 1_000_000, kind: 'census' as const },
      { year: 2018, population: 3_000_000, kind: 'year-end' as const },
      { year: 2020, population: 2_328_582, kind: 'census' as const },
    ];
    expect(presetAssumptions('census-implied', { ...place, observed }, plan)).toEqual(v);
  });

  it("'census-implied' is the solver's value to the cent, within 0.03 persons of the census", () => {
    const v = presetAssumptions('census-implied', yingkouPlace(), planAssumptions());
    if (v.migration.mode !== 'net') throw new Error('expected net migration');
    const net = v.migration.net[0]![1];
    expect(Math.round(net * 100) / 100).toBe(net);
    expect(Math.round(net)).toBe(-20_966);
    expect(Math.abs(total(v, 2020) - 2_328_582)).toBeLessThanOrEqual(0.03);
  });

    it("'census-implied' says so when no constant net migration reproduces the census", () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    const observed = [{ year: 2020, population: 1, kind: 'census' as const }];
    expect(() => presetAssumptions('census-implied', { ...place, observed }, plan)).toThrow(new Error('census-implied: no constant net migration reproduces the census'));
  });

  it("'constant-fertility' holds the TFR at the place's base year, between anchors too", () => {
    const plan = planAssumptions();
    const from: Assumptions = {
      ...plan,
      tfr: [
        [2010, 0.5],
        [2020, 1.5],
      ],
    };
    expect(presetAssumptions('constant-fertility', uploaded(), from).tfr).toEqual([[2015, 1]]);
  });

  it('for Yingkou every preset starts from the plan, whatever was set; for an upload, from what was set', () => {
    const place = yingkouPlace();
    const plan = planAssumptions();
    for (const name of ['high', 'low', 'constant-fertility', 'zero-migration'] as const) expect(presetAssumptions(name, place, GROSS)).toEqual(presetAssumptions(name, place, plan));
    expect(presetAssumptions('plan', uploaded(), GROSS)).toEqual(GROSS);
    expect(presetAssumptions('zero-migration', uploaded(), GROSS).tfr).toEqual(GROSS.tfr);
  });
});

describe('downloads', () => {
  it('baseJson: { year, female, male } at full precision, width 1 only for single years', () => {
    const b = { year: 2015, female: [1.5, 2], male: [3, 4.25] };
    expect(baseJson(b)).toBe('{"year":2015,"female":[1.5,2],"male":[3,4.25]}\n');
    expect(baseJson({ ...b, width: 5 })).toBe('{"year":2015,"female":[1.5,2],"male":[3,4.25]}\n');
    expect(baseJson({ ...b, width: 1 })).toBe('{"year":2015,"female":[1.5,2],"male":[3,4.25],"width":1}\n');
  });

  it('cliCommand: project to the later of --until and the target year, and solve for the target; --width 1 for single years', () => {
    const target = { year: 2030, population: 2_600_000 };
    expect(cliCommand({ until: 2050, target, width: 5 })).toBe(
      'ccmpp project scenario.json --base base.json --until 2050\nccmpp solve migration scenario.json --base base.json --target 2030:2600000',
    );
    expect(cliCommand({ until: 2025, target, width: 1 })).toBe(
      'ccmpp project scenario.json --base base.json --until 2030 --width 1\nccmpp solve migration scenario.json --base base.json --target 2030:2600000 --width 1',
    );
  });
});
