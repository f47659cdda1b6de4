import { describe, expect, it } from 'vitest';
import { emptyLifeTable } from '../../src/lifetable/compute.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { fillSurvivalRatios, survivalRatios } from '../../src/lifetable/survival.js';
import { messageOf } from '../inputError.js';

// Survival on the 1-year grid by age at arrival (ccmppWPP, bayesPop; design.md):
//   birth → 0: L0 / l0; x−1 → x: L(x) / L(x−1) (x = 1 … A−1); into A+: T(A) / (L(A−1) + T(A)).

const mx = Array.from({ length: 111 }, (_, x) => 0.005 * Math.exp(-2 * x) + 1.6e-4 + 5e-5 * Math.exp(0.1 * x));

describe('survivalRatios with width 1', () => {
  it('birth, the closed steps and the open group, exactly the table’s own ratios', () => {
    const lt = lifeTable(mx, { sex: 'female', width: 1 });
    const { birth, ratios } = survivalRatios(lt, { openAge: 110, width: 1 });
    expect(ratios).toHaveLength(110);
    expect(birth).toBe(lt.Lx[0]! / lt.lx[0]!);
    for (let x = 1; x < 110; x++) expect(ratios[x - 1], `S${x}`).toBe(lt.Lx[x]! / lt.Lx[x - 1]!);
    expect(ratios[109]).toBe(lt.Tx[110]! / (lt.Lx[109]! + lt.Tx[110]!));
  });

  it('a projection open below the table’s open age takes T(A) from the full table', () => {
    const lt = lifeTable(mx, { sex: 'female', width: 1 });
    const { ratios } = survivalRatios(lt, { openAge: 100, width: 1 });
    expect(ratios).toHaveLength(100);
    expect(ratios[99]).toBe(lt.Tx[100]! / (lt.Lx[99]! + lt.Tx[100]!));
    expect(ratios[98]).toBe(lt.Lx[99]! / lt.Lx[98]!);
    // Not the ratio a table open at 100+ would give from its own Lx at 100 alone.
    expect(ratios[99]).not.toBe(lt.Lx[100]! / lt.Lx[99]!);
  });

  it('open age 1: the one ratio is T(1) / T(0)', () => {
    const lt = lifeTable(mx, { sex: 'female', width: 1 });
    const { ratios } = survivalRatios(lt, { openAge: 1, width: 1 });
    expect(Array.from(ratios)).toEqual([lt.Tx[1]! / lt.Tx[0]!]);
  });

  it('fillSurvivalRatios(…, 1) writes the same into the caller’s array', () => {
    const lt = lifeTable(mx, { sex: 'male', width: 1 });
    const out = new Float64Array(100).fill(7);
    const birth = fillSurvivalRatios(lt, 100, out, 1);
    const ref = survivalRatios(lt, { openAge: 100, width: 1 });
    expect(birth).toBe(ref.birth);
    expect(Array.from(out)).toEqual(Array.from(ref.ratios));
  });

  it('a width that does not match the table’s ages is an InputError; so is an open age past the table’s', () => {
    const complete = lifeTable(mx, { sex: 'female', width: 1 });
    const abridged = lifeTable([0.01, 0.001, 0.001, 0.002, 0.3], { sex: 'female' });
    expect(messageOf(() => survivalRatios(complete, { openAge: 100 }))).toMatch(/^options\.width: expected the width of the life table's ages \(1: ages 0, 1, 2, …\), got 5/);
    expect(messageOf(() => survivalRatios(abridged, { openAge: 10, width: 1 }))).toMatch(/^options\.width: expected the width of the life table's ages \(5: ages 0, 1, 5, …\), got 1/);
    expect(messageOf(() => survivalRatios(complete, { openAge: 111, width: 1 }))).toBe("options.openAge: expected at most the life table's open age 110, got 111");
    expect(messageOf(() => survivalRatios(complete, { openAge: 2.5, width: 1 }))).toMatch(/^options\.openAge: expected an integer from 1 to 130/);
    expect(messageOf(() => survivalRatios(complete, { openAge: 100, width: 3 as never }))).toMatch(/^options\.width: expected 1 or 5/);
  });

  it('the 5-year open ratio is the same formula with n = 5: T(A) / (L(A−5) + T(A))', () => {
    const lt = lifeTable([0.01, 0.001, 0.001, 0.002, 0.004, 0.3], { sex: 'female' });
    const { ratios } = survivalRatios(lt, { openAge: 15 });
    expect(ratios[2]).toBe(lt.Tx[4]! / (lt.Lx[3]! + lt.Tx[4]!));
  });

  it('a group nobody reaches survives with ratio 0 (0/0), never NaN', () => {
    const lt = emptyLifeTable(4, 1);
    lt.lx.set([1000, 990, 0, 0]);
    lt.Lx.set([995, 0, 0, 0]);
    lt.Tx.set([995, 0, 0, 0]);
    const out = new Float64Array(3);
    fillSurvivalRatios(lt, 3, out, 1);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});
