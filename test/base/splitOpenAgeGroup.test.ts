import { describe, expect, it } from 'vitest';
import { opagRate, splitOpenAgeGroup, splitUnchecked } from '../../src/base/splitOpenAgeGroup.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { messageOf } from '../inputError.js';

// Splitting an open age group upward (design.md; DemoTools OPAG): by the stationary population
// (shares of L, the default) or by a stable standard e^(−r(x+½)) L with r fitted on the groups
// below the open one. Persons are conserved: the new open group takes the remainder.

/** Accounting tolerance (design.md): 1e-9 relative. */
const ACCOUNTING = 1e-9;

const single = Array.from({ length: 111 }, (_, x) => 0.005 * Math.exp(-2 * x) + 1.6e-4 + 5e-5 * Math.exp(0.1 * x));
const complete = () => lifeTable(single, { sex: 'female', width: 1 });
/** Abridged rates 0, 1, 5, …, 110+ from the same curve (at mid-ages). */
const abridgedMx = [single[0]!, single[2]!, ...Array.from({ length: 21 }, (_, i) => single[5 * (i + 1) + 2]!), single[110]!];
const abridged = () => lifeTable(abridgedMx, { sex: 'female' });

const sum = (a: ArrayLike<number>, from = 0) => Array.from(a).slice(from).reduce((s, v) => s + v, 0);

describe('the default (stationary) split, unchanged', () => {
  it('no options, {} and { method: "stationary" } give the same array, bit for bit', () => {
    const pop = [100, 90, 80, 70, 60, 300];
    const a = splitOpenAgeGroup(pop, abridged(), 60);
    expect(Array.from(splitOpenAgeGroup(pop, abridged(), 60, {}))).toEqual(Array.from(a));
    expect(Array.from(splitOpenAgeGroup(pop, abridged(), 60, { method: 'stationary' }))).toEqual(Array.from(a));
    expect(Array.from(splitOpenAgeGroup(pop, abridged(), 60, { width: 5 }))).toEqual(Array.from(a));
  });

  it('width 1: single years 0 … A₀−1 kept, then open · L(x) / T(A₀), the new open group by difference', () => {
    const lt = complete();
    const pop = Array.from({ length: 86 }, (_, x) => (x < 85 ? 1000 - x : 20000));
    const out = splitOpenAgeGroup(pop, lt, 100, { width: 1 });
    expect(out.length).toBe(101);
    for (let x = 0; x < 85; x++) expect(out[x]).toBe(pop[x]);
    for (let x = 85; x < 100; x++) expect(out[x]).toBe((20000 * lt.Lx[x]!) / lt.Tx[85]!);
    expect(Math.abs(sum(out, 85) - 20000)).toBeLessThanOrEqual(ACCOUNTING * 20000);
    expect(Math.abs(out[100]! - (20000 * lt.Tx[100]!) / lt.Tx[85]!)).toBeLessThanOrEqual(ACCOUNTING * 20000);
  });
});

describe("method 'opag': a stable standard with r fitted below the open group", () => {
  /** A stable population e^(−r(x+½)) L(x) (single years), open at A₀ with the sum above. */
  function stableSingle(r: number, A0: number): number[] {
    const lt = complete();
    const w = Array.from(lt.Lx, (L, x) => 0.01 * Math.exp(-r * (x + 0.5)) * L);
    return [...w.slice(0, A0), sum(w, A0)];
  }

  for (const r0 of [0.02, -0.01, 0]) {
    it(`width 1: a stable population at r = ${r0} gives back r and its own single years above the open age`, () => {
      const lt = complete();
      const pop = stableSingle(r0, 85);
      const r = opagRate(Float64Array.from(pop), lt, 1, 65);
      expect(Math.abs(r - r0)).toBeLessThan(1e-8);
      const out = splitOpenAgeGroup(pop, lt, 105, { width: 1, method: 'opag' });
      const full = Array.from(lt.Lx, (L, x) => 0.01 * Math.exp(-r0 * (x + 0.5)) * L);
      for (let x = 85; x < 105; x++) expect(Math.abs(out[x]! - full[x]!), `P(${x})`).toBeLessThanOrEqual(1e-6 * full[x]!);
      expect(Math.abs(sum(out, 85) - pop[85]!)).toBeLessThanOrEqual(ACCOUNTING * pop[85]!);
    });
  }

  it('width 5: a stable population (5L spread evenly over single ages) gives back r and its groups', () => {
    const lt = abridged();
    const r0 = 0.015;
    const weight = (row: number) => {
      const x = lt.ages[row]!;
      let w = 0;
      for (let j = 0; j < 5; j++) w += Math.exp(-r0 * (x + j + 0.5));
      return row === lt.Lx.length - 1 ? 0.01 * lt.Lx[row]! * Math.exp(-r0 * (x + 0.5)) : (0.01 * lt.Lx[row]! * w) / 5;
    };
    // Groups 0–4 … 75–79 (group g is row g + 1; group 0 any value: it is outside the fit), 80+.
    const pop = [500, ...Array.from({ length: 15 }, (_, g) => weight(g + 2))];
    let open = 0;
    for (let row = 17; row < lt.Lx.length; row++) open += weight(row);
    pop.push(open);
    const out = splitOpenAgeGroup(pop, lt, 110, { method: 'opag' });
    expect(out.length).toBe(23);
    for (let g = 16; g < 22; g++) expect(Math.abs(out[g]! - weight(g + 1)), `group ${g}`).toBeLessThanOrEqual(1e-6 * weight(g + 1));
    expect(Math.abs(sum(out, 16) - open)).toBeLessThanOrEqual(ACCOUNTING * open);
    // Against the stationary split, a growing population has relatively fewer people at the oldest ages.
    const stationary = splitOpenAgeGroup(pop, lt, 110);
    expect(out[21]! / out[16]!).toBeLessThan(stationary[21]! / stationary[16]!);
  });

  it('fitFrom chooses the fit ages: a population stable only above 70 is fitted there', () => {
    const lt = complete();
    const pop = stableSingle(0.02, 85).map((v, x) => (x < 70 ? v * (1 + 0.3 * Math.sin(x)) : v));
    const r = opagRate(Float64Array.from(pop), lt, 1, 70);
    expect(Math.abs(r - 0.02)).toBeLessThan(1e-8);
    expect(Math.abs(opagRate(Float64Array.from(pop), lt, 1, 40) - 0.02)).toBeGreaterThan(1e-4);
    const a = splitOpenAgeGroup(pop, lt, 100, { width: 1, method: 'opag', fitFrom: 70 });
    const b = splitUnchecked(Float64Array.from(pop), lt, 100, 1, r);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('r is searched in [−0.05, 0.05]: a steeper population gets the bound', () => {
    const lt = complete();
    const pop = stableSingle(0.09, 85);
    expect(Math.abs(opagRate(Float64Array.from(pop), lt, 1, 65) - 0.05)).toBeLessThan(1e-9);
  });
});

describe('errors', () => {
  it('a width that does not match the table, bad options, fit ages that leave fewer than 2 groups', () => {
    const pop = Array.from({ length: 86 }, () => 100);
    expect(messageOf(() => splitOpenAgeGroup(pop, abridged(), 100, { width: 1 }))).toMatch(/^options\.width: expected the width of the life table's ages \(5: ages 0, 1, 5, …\)/);
    expect(messageOf(() => splitOpenAgeGroup([1, 2, 3], complete(), 10))).toMatch(/^options\.width: expected the width of the life table's ages \(1: ages 0, 1, 2, …\)/);
    expect(messageOf(() => splitOpenAgeGroup(pop, complete(), 100, { width: 1, method: 'fit' as never }))).toMatch(/^options\.method: expected 'stationary' or 'opag'/);
    expect(messageOf(() => splitOpenAgeGroup(pop, complete(), 100, { width: 1, method: 'opag', fitFrom: 84 }))).toBe(
      'options.fitFrom: expected a multiple of 1 from 0 to 83 (2 closed groups at least below the open age 85), got 84',
    );
    expect(messageOf(() => splitOpenAgeGroup([1, 2, 3, 4, 5], abridged(), 30, { method: 'opag', fitFrom: 2 }))).toMatch(/^options\.fitFrom: expected a multiple of 5 from 5 to 10/);
    expect(messageOf(() => splitOpenAgeGroup(pop, complete(), 111, { width: 1 }))).toBe("openAge: expected at most the life table's open age 110, got 111");
    expect(messageOf(() => splitOpenAgeGroup(pop, complete(), 84, { width: 1 }))).toBe("openAge: expected at least the population's open age 85, got 84");
    expect(messageOf(() => splitOpenAgeGroup(pop, complete(), 90.5, { width: 1 }))).toMatch(/^openAge: expected an integer from 1 to 130/);
    const empty = pop.map((v, x) => (x < 85 ? 0 : v));
    expect(messageOf(() => splitOpenAgeGroup(empty, complete(), 100, { width: 1, method: 'opag' }))).toMatch(/^population: expected persons in the fit ages 65–84/);
  });
});
