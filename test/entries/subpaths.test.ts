import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from './helpers.js';

// The package's entry points, built (dist/), as `import` (ESM) and `require` (CommonJS) resolve
// them: what each exports, that they share one core (an error thrown by a subpath is an instance of
// the core's InputError), that each works, and that the core carries no Yingkou data.

// The runtime names of 'ccmpp' (types aside): what a user calls. Grow it on purpose, not by accident.
const CORE = [
  'CcmppError', 'FLOW_DIFFERENCE_BAYESPOP', 'InputError', 'ROGERS_CASTRO_STANDARD',
  'ageGroupLabels', 'aggregateSingleYears', 'applySolution', 'asfrFromTfr', 'assessTarget', 'bothSexE0',
  'compareScenarios', 'decomposeChange', 'dominantRoot', 'feasibilityFrontier', 'fertilityPattern',
  'fitToMargins', 'flowDifference', 'frontierSpec', 'graduate', 'hadwigerDensity', 'hadwigerPattern', 'kannistoFit', 'kannistoMx', 'lifeTable', 'andreevKingkadeA0', 'coaleDemenyA0', 'logQuadMx',
  'meanAgeAtChildbearing', 'migrationProfile', 'mxForE0', 'netMigrantsByAge',
  'outMigrationSchedule', 'parseScenario', 'pathValue', 'periodAverage', 'project',
  'projectCohorts', 'projectUrbanShare', 'pyramidSpec', 'reportHtml', 'requiredNetMigration',
  'requiredTfr', 'rogersCastro', 'scenarioSchema', 'simulate', 'simulationFan', 'splitE0',
  'splitOpenAgeGroup', 'sumAges', 'survivalRatios', 'tfr', 'trajectorySpec', 'uncertaintySchema',
  'urgd', 'variants', 'yearIndicators',
];

const SUBPATHS: Record<string, string[]> = {
  'ccmpp/parallel': ['closeSimulationWorkers', 'simulateParallel'],
  'ccmpp/leslie': ['leslieMatrix'],
  'ccmpp/yingkou': ['YINGKOU_SEED', 'YINGKOU_TRAJECTORIES', 'formatYingkouReport', 'yingkou', 'yingkouAnnual', 'yingkouReport', 'yingkouVerdict'],
  'ccmpp/testing': ['InvariantError', 'arbitraries', 'assertHolds', 'invariants'],
};

/** Runs `body` (which may use `load(specifier)`, a promise of the module) as ESM or as CommonJS. */
function both(name: string, body: string) {
  const esm = runNode(`${name}.mjs`, `const load = (s) => import(s);\n${body}`);
  const cjs = runNode(`${name}.cjs`, `const load = async (s) => require(s);\n(async () => {\n${body}\n})().catch((e) => { console.error(e); process.exit(1); });`);
  return { esm, cjs };
}

function expectOk(r: { stderr: string; status: number | null }) {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe('entry points of the built package', () => {
  it("'ccmpp' exports the focused core API, and nothing that moved to a subpath", () => {
    const { esm, cjs } = both('core-names', `console.log(JSON.stringify(Object.keys(await load('ccmpp')).sort()));`);
    for (const r of [esm, cjs]) {
      expectOk(r);
      expect(JSON.parse(r.stdout)).toEqual([...CORE].sort());
    }
  });

  it('ccmpp/parallel, ccmpp/leslie, ccmpp/yingkou and ccmpp/testing resolve for import and require, each with its names', () => {
    const { esm, cjs } = both(
      'subpath-names',
      `const out = {};
for (const s of ${JSON.stringify(Object.keys(SUBPATHS))}) out[s] = Object.keys(await load(s)).sort();
console.log(JSON.stringify(out));`,
    );
    for (const r of [esm, cjs]) {
      expectOk(r);
      expect(JSON.parse(r.stdout)).toEqual(SUBPATHS);
    }
  });

  it('every subpath shares the core: their InputError is the one ccmpp exports', () => {
    const { esm, cjs } = both(
      'shared-core',
      `const { InputError } = await load('ccmpp');
const { simulateParallel } = await load('ccmpp/parallel');
const { leslieMatrix } = await load('ccmpp/leslie');
const { yingkou } = await load('ccmpp/yingkou');
const results = [];
try { await simulateParallel(yingkou.base2015, yingkou.scenarios.plan, {}, { trajectories: 10, seed: 1, until: 2030, workers: 0 }); } catch (e) { results.push(e instanceof InputError && e.message); }
try { leslieMatrix({ asfr: [0, 0.1, 0.05] }); } catch (e) { results.push(e instanceof InputError && e.message.split('\\n')[0]); }
console.log(JSON.stringify(results));`,
    );
    for (const r of [esm, cjs]) {
      expectOk(r);
      const [parallel, leslie] = JSON.parse(r.stdout) as string[];
      expect(parallel).toMatch(/options\.workers: expected an integer from 1 to 256, got 0/);
      expect(leslie).toMatch(/^period\.survival/);
    }
  });

  it('each subpath works from the built files: simulateParallel finds its worker and equals simulate; the Leslie matrix; the Yingkou projection', () => {
    const { esm, cjs } = both(
      'subpath-work',
      `const { project, simulate } = await load('ccmpp');
const { simulateParallel, closeSimulationWorkers } = await load('ccmpp/parallel');
const { leslieMatrix } = await load('ccmpp/leslie');
const { yingkou, YINGKOU_SEED } = await load('ccmpp/yingkou');
const o = { trajectories: 3000, seed: YINGKOU_SEED, until: 2030 };
const one = simulate(yingkou.base2015, yingkou.scenarios.plan, {}, o);
const two = await simulateParallel(yingkou.base2015, yingkou.scenarios.plan, {}, { ...o, workers: 2 });
await closeSimulationWorkers();
const period = { survival: { female: { birth: 0.99, ratios: [0.99, 0.98] }, male: { birth: 0.99, ratios: [0.98, 0.97] } }, asfr: [0, 0.1, 0.05], srb: 105 };
console.log(JSON.stringify({
  sameSimulation: JSON.stringify(one.years) === JSON.stringify(two.years),
  leslie: leslieMatrix(period).size(),
  total2030: Math.round(project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 }).indicators.years.at(-1).total),
}));`,
    );
    for (const r of [esm, cjs]) {
      expectOk(r);
      expect(JSON.parse(r.stdout)).toEqual({ sameSimulation: true, leslie: [6, 6], total2030: 2_414_184 });
    }
  }, 120_000);

  it('the core bundle contains no plan text: dist/index.js and dist/index.cjs, with every chunk they load', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, 'data', 'yingkou', 'plan.json'), 'utf8')) as { source: string };
    // esbuild writes non-ASCII characters as \\uXXXX escapes: look for both spellings.
    const escaped = (t: string) => t.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    const strings = ['Yingkou', 'yingkou', '营口', escaped('营口'), 'Liaoning', 'Population Development Plan', plan.source.slice(0, 40)];
    const graph = (entry: string): Map<string, string> => {
      const files = new Map<string, string>();
      const visit = (file: string) => {
        if (files.has(file)) return;
        const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
        files.set(file, text);
        for (const m of text.matchAll(/(?:from |import |require\()\s*["'](\.\/[\w.-]+)["']/g)) visit(m[1]!.slice(2));
      };
      visit(entry);
      return files;
    };
    for (const entry of ['index.js', 'index.cjs']) {
      const files = graph(entry);
      expect(files.size).toBeGreaterThan(1);
      for (const [file, text] of files) for (const s of strings) expect(text.includes(s), `${file} contains ${JSON.stringify(s)}`).toBe(false);
    }
    // The check finds the plan where it is: ccmpp/yingkou carries it.
    const yingkou = [...graph('yingkou.js').values()].join('\n');
    expect(yingkou).toContain(escaped('营口'));
    expect(existsSync(join(ROOT, 'dist', 'yingkou.cjs'))).toBe(true);
  });
});
