import { describe, expect, it } from 'vitest';
import { emptyLifeTable, type LifeTable } from '../../src/lifetable/compute.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { fillSurvivalRatios, survivalRatios } from '../../src/lifetable/survival.js';
import { InputError } from '../../src/validate/errors.js';
import { messageOf } from '../inputError.js';

// Survival on the 5-year projection grid (Preston, Heuveline & Guillot 2001, ch. 6; design.md):
// birth → 0–4: 5L0 / (5 l0) with 5L0 = 1L0 + 4L1; 0–4 → 5–9: 5L5 / 5L0; i → i+1: 5L(i+1) / 5L(i);
// the last closed group and the open group into the open group: T(A) / T(A − 5).
// The tables below are written by hand (only lx, Lx and Tx matter), so each ratio is a known fraction.

/** A ratio of two of the integers below, in doubles: exact to an ulp. */
const ULP_REL = 1e-15;

/**
 * A hand-made abridged table, ages 0, 1, 5, 10, 15, 20+ (open at 20): l0 = 1000,
 * 1L0 = 990, 4L1 = 3900, 5L5 = 4800, 5L10 = 4600, 5L15 = 4400, L(20+) = 12000.
 * T: 20+ 12000; 15 16400; 10 21000; 5 25800; 1 29700; 0 30690.
 */
function handTable(): LifeTable {
  const lt = emptyLifeTable(6);
  lt.lx.set([1000, 985, 970, 950, 930, 900]);
  lt.Lx.set([990, 3900, 4800, 4600, 4400, 12000]);
  let T = 0;
  for (let i = 5; i >= 0; i--) {
    T += lt.Lx[i]!;
    lt.Tx[i] = T;
  }
  return lt;
}

function close(actual: number, expected: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(ULP_REL * Math.abs(expected));
}

describe('survivalRatios on a hand-made table', () => {
  it('open age 20: birth, 0–4 → 5–9, the closed steps, and T(20)/T(15) into the open group', () => {
    const { birth, ratios } = survivalRatios(handTable(), { openAge: 20 });
    close(birth, (990 + 3900) / (5 * 1000), 'birth'); // 0.978
    expect(ratios).toHaveLength(4);
    close(ratios[0]!, 4800 / (990 + 3900), '0-4 -> 5-9');
    close(ratios[1]!, 4600 / 4800, '5-9 -> 10-14');
    close(ratios[2]!, 4400 / 4600, '10-14 -> 15-19');
    close(ratios[3]!, 12000 / 16400, '15-19, 20+ -> 20+');
  });

  it('a projection open age below the table’s: the open group takes T(A)/T(A − 5) from the full table', () => {
    const { ratios } = survivalRatios(handTable(), { openAge: 15 });
    expect(ratios).toHaveLength(3);
    close(ratios[0]!, 4800 / 4890, '0-4 -> 5-9');
    close(ratios[1]!, 4600 / 4800, '5-9 -> 10-14');
    close(ratios[2]!, 16400 / 21000, '10-14, 15+ -> 15+');
    const ten = survivalRatios(handTable(), { openAge: 10 }).ratios;
    close(ten[1]!, 21000 / 25800, '5-9, 10+ -> 10+');
  });

  it('open age 5: the one ratio is T(5)/T(0), the 0–4 group being rows 0 and 1', () => {
    const { birth, ratios } = survivalRatios(handTable(), { openAge: 5 });
    expect(ratios).toHaveLength(1);
    close(ratios[0]!, 25800 / 30690, '0-4, 5+ -> 5+');
    close(birth, 4890 / 5000, 'birth');
  });

  it('a group nobody reaches survives with ratio 0 (0/0), never NaN', () => {
    const lt = handTable();
    lt.Lx.set([990, 3900, 4800, 0, 0, 0]);
    lt.Tx.set([9690, 8700, 4800, 0, 0, 0]);
    const ratios = new Float64Array(4);
    fillSurvivalRatios(lt, 20, ratios);
    expect(ratios[1]).toBe(0);
    expect(ratios[2]).toBe(0); // 0 / 0
    expect(ratios[3]).toBe(0); // T(20) / T(15) = 0 / 0
  });

  it('fillSurvivalRatios writes the same ratios into the caller’s array and returns the birth ratio', () => {
    const out = new Float64Array(4).fill(7);
    const birth = fillSurvivalRatios(handTable(), 20, out);
    const ref = survivalRatios(handTable(), { openAge: 20 });
    expect(birth).toBe(ref.birth);
    expect(Array.from(out)).toEqual(Array.from(ref.ratios));
  });

  it('agrees with a life table computed from mx: the product of the ratios is l-weighted survival', () => {
    const mx = [0.02, 0.002, 0.001, 0.001, 0.002, 0.004, 0.3];
    const lt = lifeTable(mx, { sex: 'female' });
    const { birth, ratios } = survivalRatios(lt, { openAge: 25 });
    // Births to age 5–9 at the end of two periods: birth × s0 = 5L5 / (5 l0).
    close(birth * ratios[0]!, lt.Lx[2]! / (5 * lt.lx[0]!), 'birth x s0');
    close(ratios[4]!, lt.Tx[6]! / lt.Tx[5]!, 'open');
  });
});

describe('survivalRatios rejects tables and open ages it cannot use', () => {
  it('an open age beyond the table’s', () => {
    expect(messageOf(() => survivalRatios(handTable(), { openAge: 25 }))).toBe("options.openAge: expected at most the life table's open age 20, got 25");
    expect(() => survivalRatios(handTable(), { openAge: 20 })).not.toThrow();
  });

  it('an open age that is not a positive multiple of 5, under options.openAge', () => {
    expect(messageOf(() => survivalRatios(handTable(), { openAge: 12 }))).toMatch(/^options\.openAge: expected/);
  });

  it('ages that are not 0, 1, 5, …', () => {
    const one = handTable();
    one.ages[1] = 2; // 0, 2, 5, 10, …
    expect(messageOf(() => survivalRatios(one, { openAge: 20 }))).toMatch(/^lt\.ages: expected/);
    const lt = handTable();
    lt.ages.set([0, 5, 10, 15, 20, 25]);
    expect(messageOf(() => survivalRatios(lt, { openAge: 20 }))).toMatch(/^lt\.ages: expected/);
    const two = handTable();
    two.ages[2] = 4;
    expect(messageOf(() => survivalRatios(two, { openAge: 20 }))).toMatch(/^lt\.ages: expected/);
    const short = emptyLifeTable(2);
    expect(() => survivalRatios(short, { openAge: 5 })).toThrow(InputError);
  });
});
