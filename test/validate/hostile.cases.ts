import * as ccmpp from '../../src/index.js';
import { leslieMatrix } from '../../src/leslie.js';
import { formatYingkouReport, yingkouReport } from '../../src/yingkou/index.js';
import { city2015, planWithMigration } from '../stochastic/fixtures.js';

/**
 * The hostile-input sweep's table (issue 11 §5): one valid call per public function of `ccmpp`,
 * `ccmpp/leslie` and `ccmpp/yingkou`, and the hostile values fed, one at a time, into each argument
 * and each field of its objects (options, scenario paths, populations). Run by hostile.worker.ts on a
 * worker thread, so that a hang or a crash is reported, not a frozen suite.
 */

/** A public function and a valid call of it. `people` lists what in its result must be ≥ 0. */
export interface SweepCase {
  name: string;
  call: (...args: unknown[]) => unknown;
  args: () => unknown[];
  /** Paths (argument index, then keys) to feed the hostile values into; default: every argument and every field to depth 3. */
  slots?: PropertyKey[][];
  /** The values in the result that count persons (must be finite and ≥ 0). */
  people?: (out: unknown) => ArrayLike<number>[];
}

const HUGE_ARRAY_LENGTH = 1_000_000;

/** The hostile values: every kind of wrong number, every wrong kind, wrong lengths and huge sizes. */
export function hostileValues(): { label: string; value: unknown }[] {
  return [
    { label: 'NaN', value: NaN },
    { label: 'Infinity', value: Infinity },
    { label: '-Infinity', value: -Infinity },
    { label: '1e308', value: 1e308 },
    { label: '-1e308', value: -1e308 },
    { label: '5e-324', value: 5e-324 },
    { label: '-1', value: -1 },
    { label: '0', value: 0 },
    { label: '1.5', value: 1.5 },
    { label: '2015 + 5e7', value: 2015 + 5e7 },
    { label: '1e9', value: 1e9 },
    { label: '"7"', value: '7' },
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: 'true', value: true },
    { label: '{}', value: {} },
    { label: '[]', value: [] },
    { label: '[NaN, 1]', value: [NaN, 1] },
    { label: '[-1, 1e308, 1]', value: [-1, 1e308, 1] },
    { label: 'Float64Array(3)', value: new Float64Array(3) },
    { label: `array of ${HUGE_ARRAY_LENGTH}`, value: new Array<number>(HUGE_ARRAY_LENGTH).fill(1) },
  ];
}

const base = () => structuredClone(city2015);
const scenario = () => structuredClone(planWithMigration);
const target = () => ({ year: 2030, population: 2_600_000 });

const projectionPeople = (out: unknown) => (out as ccmpp.CohortProjection).population.flatMap((p) => [p.female, p.male]);
const bySexPeople = (out: unknown) => [(out as ccmpp.BySex<Float64Array>).female, (out as ccmpp.BySex<Float64Array>).male];

const mx = () => ccmpp.logQuadMx({ sex: 'female', q5: 0.01 });
const lt = () => ccmpp.lifeTable(mx(), { sex: 'female', a0Rule: 'andreev-kingkade', axRule: 'mortpak', radix: 100_000 });
/** Single-age death rates 0 … 100+ (a Gompertz–Makeham schedule) and their complete life table. */
const mx1 = () => Array.from({ length: 101 }, (_, x) => 0.0005 + 0.00003 * Math.exp(0.1 * x));
const lt1 = () => ccmpp.lifeTable(mx1(), { sex: 'female', width: 1 });
const projection = () => ccmpp.project(city2015, planWithMigration, { until: 2025, openAge: 100 });
const period = () => structuredClone(projection().periods[0]!);

// The scenario's slots: each model and each path the user writes, and its anchors.
const scenarioSlots = (i: number): PropertyKey[][] => [
  [i],
  [i, 'fertility'],
  [i, 'fertility', 'tfr'],
  [i, 'fertility', 'tfr', '2030'],
  [i, 'fertility', 'pattern'],
  [i, 'mortality'],
  [i, 'mortality', 'e0'],
  [i, 'mortality', 'e0', '2030'],
  [i, 'mortality', 'sexGap'],
  [i, 'mortality', 'model'],
  [i, 'migration'],
  [i, 'migration', 'netPerYear'],
  [i, 'migration', 'femaleShare'],
  [i, 'migration', 'profile'],
  [i, 'migration', 'flowDifference'],
  [i, 'srb'],
];
const baseSlots = (i: number): PropertyKey[][] => [[i], [i, 'year'], [i, 'female'], [i, 'male'], [i, 'female', 0]];
const targetSlots = (i: number): PropertyKey[][] => [[i], [i, 'year'], [i, 'population']];

export const CASES: SweepCase[] = [
  { name: 'ageGroupLabels', call: ccmpp.ageGroupLabels as never, args: () => [100] },
  { name: 'sumAges', call: ccmpp.sumAges as never, args: () => [city2015.female.slice(), 15, 65] },
  { name: 'lifeTable', call: ccmpp.lifeTable as never, args: () => [mx(), { sex: 'female', a0Rule: 'andreev-kingkade', axRule: 'mortpak', radix: 100_000 }] },
  { name: 'lifeTable (ax)', call: ccmpp.lifeTable as never, args: () => [[0.01, 0.001, 0.2], { sex: 'male', ax: [0.1, 1.5] }] },
  { name: 'survivalRatios', call: ccmpp.survivalRatios as never, args: () => [lt(), { openAge: 100 }] },
  { name: 'lifeTable (width 1, extend)', call: ccmpp.lifeTable as never, args: () => [mx1(), { sex: 'male', width: 1, a0Rule: 'coale-demeny', extend: { to: 130, fitFrom: 80 } }] },
  { name: 'survivalRatios (width 1)', call: ccmpp.survivalRatios as never, args: () => [lt1(), { openAge: 100, width: 1 }] },
  { name: 'kannistoMx', call: ccmpp.kannistoMx as never, args: () => [mx1(), { fitFrom: 80, to: 130, fit: 'logit' }] },
  { name: 'kannistoFit', call: ccmpp.kannistoFit as never, args: () => [mx1(), { fitFrom: 80, fitTo: 99 }] },
  { name: 'graduate', call: ccmpp.graduate as never, args: () => [city2015.female.slice(), { method: 'sprague', onNegative: 'monotone' }], people: (out) => [out as Float64Array] },
  { name: 'aggregateSingleYears', call: ccmpp.aggregateSingleYears as never, args: () => [mx1()], people: (out) => [out as Float64Array] },
  { name: 'logQuadMx', call: ccmpp.logQuadMx as never, args: () => [{ sex: 'male', q5: 0.02, k: 0.1 }, { a0Rule: 'coale-demeny' }] },
  { name: 'mxForE0', call: ccmpp.mxForE0 as never, args: () => [75, { sex: 'female', k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' }] },
  { name: 'mxForE0 (baseline)', call: ccmpp.mxForE0 as never, args: () => [75, { sex: 'male', model: { baseline: Array.from(mx()) } }] },
  { name: 'splitE0', call: ccmpp.splitE0 as never, args: () => [78, { gap: 4.5, srb: 107 }] },
  { name: 'bothSexE0', call: ccmpp.bothSexE0 as never, args: () => [{ female: 81, male: 76 }, 107] },
  { name: 'fertilityPattern', call: ccmpp.fertilityPattern as never, args: () => [[0.05, 0.3, 0.35, 0.2, 0.07, 0.025, 0.005]] },
  { name: 'asfrFromTfr', call: ccmpp.asfrFromTfr as never, args: () => [1.5, 'china-2015', { openAge: 100 }] },
  { name: 'tfr', call: ccmpp.tfr as never, args: () => [Array.from(ccmpp.asfrFromTfr(1.5, 'china-2015'))] },
  { name: 'meanAgeAtChildbearing', call: ccmpp.meanAgeAtChildbearing as never, args: () => [Array.from(ccmpp.asfrFromTfr(1.5, 'china-2015'))] },
  { name: 'hadwigerPattern', call: ccmpp.hadwigerPattern as never, args: () => [{ meanAge: 28, sd: 5 }] },
  { name: 'hadwigerDensity', call: ccmpp.hadwigerDensity as never, args: () => [27, 28, 5] },
  { name: 'rogersCastro', call: ccmpp.rogersCastro as never, args: () => [[0, 10, 20, 30], { ...ccmpp.ROGERS_CASTRO_STANDARD }] },
  { name: 'migrationProfile', call: ccmpp.migrationProfile as never, args: () => [{ ...ccmpp.ROGERS_CASTRO_STANDARD }, 100] },
  { name: 'netMigrantsByAge', call: ccmpp.netMigrantsByAge as never, args: () => [20_000, { openAge: 100, femaleShare: 0.5, profile: 'rogers-castro' }] },
  { name: 'flowDifference', call: ccmpp.flowDifference as never, args: () => [-20_000, 2_400_000, { beta0: 0.01, beta1: 0.5, m: 0.001 }] },
  { name: 'outMigrationSchedule', call: ccmpp.outMigrationSchedule as never, args: () => [{ ...ccmpp.ROGERS_CASTRO_STANDARD }, 100] },
  {
    name: 'fitToMargins',
    call: ccmpp.fitToMargins as never,
    args: () => [{ female: city2015.female.slice(), male: city2015.male.slice() }, [{ from: 0, to: 15, sex: 'female', population: 150_000 }, { from: 15, population: 2_000_000 }]],
    slots: [[0], [0, 'female'], [0, 'male'], [1], [1, 0], [1, 0, 'from'], [1, 0, 'to'], [1, 0, 'sex'], [1, 0, 'population'], [1, 1, 'from']],
    people: bySexPeople,
  },
  { name: 'splitOpenAgeGroup', call: ccmpp.splitOpenAgeGroup as never, args: () => [city2015.female.slice(0, 18), lt(), 100], people: (out) => [out as Float64Array] },
  { name: 'splitOpenAgeGroup (opag)', call: ccmpp.splitOpenAgeGroup as never, args: () => [city2015.female.slice(0, 18), lt(), 100, { method: 'opag', fitFrom: 60 }], people: (out) => [out as Float64Array] },
  {
    name: 'projectCohorts',
    call: ccmpp.projectCohorts as never,
    args: () => [base(), [period()]],
    slots: [...baseSlots(0), [1], [1, 0], [1, 0, 'asfr'], [1, 0, 'srb'], [1, 0, 'survival', 'female', 'birth'], [1, 0, 'survival', 'male', 'ratios'], [1, 0, 'netMigrants', 'female'], [1, 0, 'migrationTiming']],
    people: projectionPeople,
  },
  { name: 'dominantRoot', call: ccmpp.dominantRoot as never, args: () => [period()], slots: [[0], [0, 'asfr'], [0, 'srb'], [0, 'survival', 'female', 'ratios'], [0, 'survival', 'female', 'birth']] },
  { name: 'pathValue', call: ccmpp.pathValue as never, args: () => [{ 2015: 1, 2030: 2 }, 2020] },
  { name: 'periodAverage', call: ccmpp.periodAverage as never, args: () => [{ 2015: 1, 2030: 2 }, 2020, 2025] },
  { name: 'parseScenario', call: ccmpp.parseScenario as never, args: () => [scenario()], slots: scenarioSlots(0) },
  {
    name: 'project',
    call: ccmpp.project as never,
    args: () => [base(), scenario(), { until: 2030, openAge: 100 }],
    slots: [...baseSlots(0), ...scenarioSlots(1), [2], [2, 'until'], [2, 'openAge']],
    people: projectionPeople,
  },
  {
    name: 'project (width 1)',
    call: ccmpp.project as never,
    args: () => [base(), scenario(), { until: 2020, openAge: 100, width: 1, graduation: 'monotone' }],
    slots: [[0], [0, 'female'], [0, 'width'], [1, 'fertility', 'tfr'], [1, 'mortality', 'e0'], [1, 'migration', 'netPerYear'], [2], [2, 'until'], [2, 'width'], [2, 'graduation']],
    people: projectionPeople,
  },
  { name: 'variants', call: ccmpp.variants as never, args: () => [scenario(), { baseYear: 2015, fertilityShift: 0.5 }], slots: [...scenarioSlots(0), [1], [1, 'baseYear'], [1, 'fertilityShift']] },
  { name: 'yearIndicators', call: ccmpp.yearIndicators as never, args: () => [2015, { female: city2015.female.slice(), male: city2015.male.slice() }] },
  { name: 'decomposeChange', call: ccmpp.decomposeChange as never, args: () => [projection()], slots: [[0], [0, 'years'], [0, 'population'], [0, 'births'], [0, 'deaths']] },
  { name: 'urgd', call: ccmpp.urgd as never, args: () => [0.5, 0.6, 10] },
  { name: 'projectUrbanShare', call: ccmpp.projectUrbanShare as never, args: () => [0.5, 0.04, 10] },
  {
    name: 'assessTarget',
    call: ccmpp.assessTarget as never,
    args: () => [base(), scenario(), target(), { openAge: 100 }],
    slots: [...baseSlots(0), ...scenarioSlots(1), ...targetSlots(2), [3], [3, 'openAge']],
  },
  {
    name: 'requiredNetMigration',
    call: ccmpp.requiredNetMigration as never,
    args: () => [base(), scenario(), target(), { from: 2015, bounds: [-100_000, 100_000], openAge: 100 }],
    slots: [[0], [0, 'female'], [1, 'fertility', 'tfr'], [1, 'srb'], [1, 'migration', 'netPerYear'], ...targetSlots(2), [3], [3, 'from'], [3, 'bounds'], [3, 'bounds', 1], [3, 'openAge']],
  },
  {
    name: 'requiredTfr',
    call: ccmpp.requiredTfr as never,
    args: () => [base(), scenario(), target(), { bounds: [0, 10], openAge: 100 }],
    slots: [[0], [0, 'female'], [1, 'fertility', 'tfr'], [1, 'srb'], [1, 'mortality', 'e0'], ...targetSlots(2), [3], [3, 'bounds'], [3, 'bounds', 1], [3, 'openAge']],
  },
  {
    name: 'feasibilityFrontier',
    call: ccmpp.feasibilityFrontier as never,
    args: () => [base(), scenario(), target(), { tfr: [1.2, 1.8], bounds: [-100_000, 100_000], openAge: 100 }],
    slots: [[0], [1, 'srb'], ...targetSlots(2), [3], [3, 'tfr'], [3, 'tfr', 0], [3, 'bounds'], [3, 'bounds', 0], [3, 'openAge']],
  },
  { name: 'applySolution', call: ccmpp.applySolution as never, args: () => [scenario(), 'tfr', { baseYear: 2015, targetYear: 2030, value: 1.5 }], slots: [[0], [0, 'fertility', 'tfr'], [1], [2], [2, 'baseYear'], [2, 'targetYear'], [2, 'value'], [2, 'from']] },
  {
    name: 'compareScenarios',
    call: ccmpp.compareScenarios as never,
    args: () => [base(), { plan: scenario() }, { until: 2030, targets: [target()], openAge: 100 }],
    slots: [[0], [0, 'female'], [1], [1, 'plan'], [1, 'plan', 'srb'], [1, 'plan', 'fertility', 'tfr'], [2], [2, 'until'], [2, 'targets'], [2, 'targets', 0, 'population'], [2, 'openAge']],
  },
  {
    name: 'simulate',
    call: ccmpp.simulate as never,
    args: () => [base(), scenario(), { tfr: { sigma: 0.05, rho: 0.9 }, e0: { sigma: 0.9 }, migration: { sigma: 1000 } }, { trajectories: 20, seed: 1, until: 2025, quantiles: [0.1, 0.9], keep: false, openAge: 100, mortality: 'interpolated' }],
    slots: [[0], [0, 'female'], [1, 'srb'], [1, 'fertility', 'tfr'], [2], [2, 'tfr', 'sigma'], [2, 'tfr', 'rho'], [2, 'e0', 'sigma'], [2, 'migration', 'sigma'], [3], [3, 'trajectories'], [3, 'seed'], [3, 'until'], [3, 'quantiles'], [3, 'keep'], [3, 'openAge'], [3, 'targets'], [3, 'mortality']],
    people: (out) => (out as ccmpp.Simulation).years.map((y) => y.total.quantiles),
  },
  { name: 'pyramidSpec', call: ccmpp.pyramidSpec as never, args: () => [projection(), [2015, 2025], { title: 't', width: 300, height: 300, unit: 'persons' }], slots: [[0], [0, 'years'], [0, 'population'], [1], [1, 0], [2], [2, 'width'], [2, 'unit']] },
  {
    name: 'trajectorySpec',
    call: ccmpp.trajectorySpec as never,
    args: () => [{ series: [{ name: 'plan', points: [{ year: 2015, total: 2.4e6 }, { year: 2020, total: 2.45e6 }] }], targets: [{ year: 2030, population: 2.6e6 }] }, { title: 't', width: 400, height: 300 }],
    slots: [[0], [0, 'series'], [0, 'series', 0, 'points'], [0, 'series', 0, 'points', 0, 'total'], [0, 'targets', 0, 'population'], [0, 'fan'], [1], [1, 'width']],
  },
  {
    name: 'frontierSpec',
    call: ccmpp.frontierSpec as never,
    args: () => [[{ tfr: 1.2, netPerYear: { status: 'reachable', value: 10_000, achieved: 2.6e6, iterations: 5 } }], { title: 't', width: 400, height: 300, target: target() }],
    slots: [[0], [0, 0], [0, 0, 'tfr'], [0, 0, 'netPerYear'], [0, 0, 'netPerYear', 'value'], [1], [1, 'width'], [1, 'target']],
  },
  {
    name: 'simulationFan',
    call: ccmpp.simulationFan as never,
    args: () => [{ quantileLevels: [0.025, 0.1, 0.5, 0.9, 0.975], years: [{ year: 2015, total: { quantiles: [1, 2, 3, 4, 5] } }] }],
    slots: [[0], [0, 'quantileLevels'], [0, 'years'], [0, 'years', 0, 'total', 'quantiles']],
  },
  {
    name: 'reportHtml',
    call: ccmpp.reportHtml as never,
    args: () => [{ title: 'T', subtitle: 's', summary: [{ text: 'x', tone: 'info' }], sections: [{ heading: 'h', paragraphs: ['p'] }], footer: 'f' }],
    slots: [[0], [0, 'title'], [0, 'summary'], [0, 'sections'], [0, 'sections', 0], [0, 'sections', 0, 'heading'], [0, 'sections', 0, 'paragraphs'], [0, 'footer']],
  },
  { name: 'leslieMatrix', call: leslieMatrix as never, args: () => [period(), 'female'], slots: [[0], [0, 'asfr'], [0, 'srb'], [0, 'survival', 'female', 'ratios'], [1]] },
  { name: 'formatYingkouReport', call: formatYingkouReport as never, args: () => [yingkouReportOnce()], slots: [[0]] },
];

let report: ReturnType<typeof yingkouReport> | undefined;
function yingkouReportOnce(): ReturnType<typeof yingkouReport> {
  return (report ??= yingkouReport());
}

/** The default slots: every argument, and every field of its plain objects, to depth 3. */
export function slotsOf(c: SweepCase): PropertyKey[][] {
  if (c.slots) return c.slots;
  const out: PropertyKey[][] = [];
  const walk = (v: unknown, path: PropertyKey[], depth: number) => {
    out.push(path);
    if (depth >= 3 || v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return;
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k], depth + 1);
  };
  c.args().forEach((a, i) => walk(a, [i], 1));
  return out;
}

/** The valid arguments with the value at `path` replaced. */
export function withValue(args: unknown[], path: PropertyKey[], value: unknown): unknown[] {
  const out = args.slice();
  let at: Record<PropertyKey, unknown> = out as never;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    const next = at[k];
    const copy = Array.isArray(next) ? next.slice() : ArrayBuffer.isView(next) ? Array.from(next as unknown as ArrayLike<number>) : { ...(next as object) };
    at[k] = copy;
    at = copy as never;
  }
  at[path.at(-1)!] = value;
  return out;
}
