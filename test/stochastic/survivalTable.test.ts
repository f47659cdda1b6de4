import { describe, expect, it } from 'vitest';
import { emptyLifeTable } from '../../src/lifetable/compute.js';
import { fillSurvivalRatios } from '../../src/lifetable/survival.js';
import { LOGQUAD_ROWS } from '../../src/mortality/logQuad.js';
import { solveLifeTableForE0, type E0SolveSpec } from '../../src/mortality/solveE0.js';
import { buildSurvivalTable, interpolateSurvival, SURVIVAL_TABLE_TOLERANCE } from '../../src/stochastic/survivalTable.js';

const RULES = { k: 0, a0Rule: 'andreev-kingkade', axRule: 'mortpak' } as const;
const CASES: { name: string; spec: E0SolveSpec; rows: number; lo: number; hi: number }[] = [
  { name: 'log-quadratic female', spec: { sex: 'female', model: 'log-quadratic', ...RULES }, rows: LOGQUAD_ROWS, lo: 40, hi: 94 },
  { name: 'log-quadratic male', spec: { sex: 'male', model: 'log-quadratic', ...RULES }, rows: LOGQUAD_ROWS, lo: 40, hi: 86 },
  { name: "china-2015 female", spec: { sex: 'female', model: { baseline: 'china-2015' }, ...RULES }, rows: 22, lo: 52, hi: 100 },
  { name: "china-2015 male", spec: { sex: 'male', model: { baseline: 'china-2015' }, ...RULES }, rows: 22, lo: 46, hi: 100 },
];

describe('survival interpolated from a table of exact e0 solves', () => {
  for (const c of CASES) {
    it(`${c.name}: within ${SURVIVAL_TABLE_TOLERANCE} of exact solves at 20,000 e0 in [${c.lo}, ${c.hi}]`, () => {
      const table = buildSurvivalTable(c.spec, c.rows, 100, c.lo, c.hi);
      const lt = emptyLifeTable(c.rows);
      const exact = new Float64Array(20);
      const interpolated = new Float64Array(20);
      let worst = 0;
      let used = 0;
      let n = 0;
      for (let i = 0; i < 20000; i++) {
        const e0 = c.lo + (c.hi - c.lo) * ((i * 0.6180339887498949) % 1);
        const r = solveLifeTableForE0(e0, c.spec, lt);
        if (r.status !== 'reachable') continue;
        n++;
        const birth = interpolateSurvival(table, e0, interpolated);
        if (Number.isNaN(birth)) continue; // next to a jump of the rules: the engine solves exactly
        used++;
        worst = Math.max(worst, Math.abs(birth - fillSurvivalRatios(lt, 100, exact)));
        for (let k = 0; k < 20; k++) worst = Math.max(worst, Math.abs(interpolated[k]! - exact[k]!));
      }
      expect(worst).toBeLessThanOrEqual(SURVIVAL_TABLE_TOLERANCE);
      // the table covers nearly all of the reachable range (the rest falls back to exact solves)
      expect(used / n).toBeGreaterThan(0.9);
    });
  }
  it('returns the node values exactly at a node', () => {
    const c = CASES[0]!;
    const table = buildSurvivalTable(c.spec, c.rows, 100, 70, 90);
    const lt = emptyLifeTable(c.rows);
    const exact = new Float64Array(20);
    const interpolated = new Float64Array(20);
    const j = 100;
    const e0 = table.e0Min + j * table.h;
    solveLifeTableForE0(e0, c.spec, lt);
    const birth = fillSurvivalRatios(lt, 100, exact);
    expect(interpolateSurvival(table, e0, interpolated)).toBe(birth);
    expect(Array.from(interpolated)).toEqual(Array.from(exact));
  });
  it('leaves the intervals next to a jump of the life-table rules to exact solves', () => {
    // The Coale–Demeny 4a1 rule jumps at m0 = 0.107 (log-quadratic female e0 ≈ 54.7): a cubic across
    // it would be off by about 1e-5; the interval is flagged and interpolateSurvival says NaN.
    const c = CASES[0]!;
    const table = buildSurvivalTable(c.spec, c.rows, 100, 50, 60);
    let rough = 0;
    for (let j = table.first + 1; j + 2 <= table.last; j++) if (!table.smooth[j]) rough++;
    expect(rough).toBeGreaterThan(0);
    expect(rough).toBeLessThan(10);
    const out = new Float64Array(20);
    expect(interpolateSurvival(table, 54.7, out)).toBeNaN();
    expect(interpolateSurvival(table, 10, out)).toBeNaN(); // outside the table
  });
});
