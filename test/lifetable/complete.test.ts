import { describe, expect, it } from 'vitest';
import { andreevKingkadeA0, coaleDemenyA0 } from '../../src/lifetable/a0.js';
import { constantHazardAx } from '../../src/lifetable/ax.js';
import { computeCompleteLifeTable, emptyLifeTable } from '../../src/lifetable/compute.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { lifeTableSchema, mxSingleSchema } from '../../src/lifetable/schemas.js';
import { parseWith } from '../../src/validate/parse.js';
import { messageOf } from '../inputError.js';

// The complete (single-year) life table: n = 1 in every closed row,
//   q = m / (1 + (1 − a) m), l(x+1) = l(x)(1 − q), d = l q, L = l(x+1) + a d;
//   open row: q = 1, d = l, a = 1/m, L = l / m; T = Σ L from x up; e = T / l;
// a0 by the a0 rule, ax = 0.5 for x ≥ 1 (HMD Methods Protocol v6, MortCast, ccmppWPP).

/** Hand values carry 15+ significant digits: a few ulps. */
const REL = 1e-14;

function closeAll(actual: ArrayLike<number>, expected: readonly number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v), `${what}[${i}]: ${actual[i]} vs ${v}`).toBeLessThanOrEqual(REL * Math.max(1, Math.abs(v))));
}

/** A smooth schedule at single ages 0..open (Siler-like), open rate at the end. */
function siler(open: number): number[] {
  return Array.from({ length: open + 1 }, (_, x) => 0.005 * Math.exp(-2 * x) + 1.6e-4 + 5e-5 * Math.exp(0.1 * x));
}

describe('a complete table worked by hand: mx 0.01, 0.001, open 0.5; ax 0.1, 0.5; l0 1000', () => {
  // Exact rational arithmetic (Python fractions), rounded to doubles.
  const hand = () => lifeTable([0.01, 0.001, 0.5], { sex: 'female', width: 1, ax: [0.1, 0.5], radix: 1000 });

  it('has every column', () => {
    const lt = hand();
    closeAll(lt.ages, [0, 1, 2], 'ages');
    closeAll(lt.qx, [0.009910802775024777, 0.0009995002498750624, 1], 'qx');
    closeAll(lt.ax, [0.1, 0.5, 2], 'ax');
    closeAll(lt.lx, [1000, 990.0891972249752, 989.0996028249502], 'lx');
    closeAll(lt.dx, [9.910802775024777, 0.9895944000249628, 989.0996028249502], 'dx');
    closeAll(lt.Lx, [991.0802775024777, 989.5944000249627, 1978.1992056499005], 'Lx');
    closeAll(lt.Tx, [3958.8738831773408, 2967.793605674863, 1978.1992056499005], 'Tx');
    closeAll(lt.ex, [3.958873883177341, 2.997501249375312, 2], 'ex');
  });

  it('without given ax: a0 by the a0 rule (Andreev–Kingkade by default, or Coale–Demeny) and 0.5 above', () => {
    const mx = [0.01, 0.001, 0.002, 0.5];
    const ak = lifeTable(mx, { sex: 'male', width: 1 });
    expect(ak.ax[0]).toBe(andreevKingkadeA0(0.01, 'male'));
    expect(Array.from(ak.ax.subarray(1, 3))).toEqual([0.5, 0.5]);
    const cd = lifeTable(mx, { sex: 'male', width: 1, a0Rule: 'coale-demeny' });
    expect(cd.ax[0]).toBe(coaleDemenyA0(0.01, 'male'));
    // And the table is the hand formulas with those a.
    const given = lifeTable(mx, { sex: 'male', width: 1, ax: [andreevKingkadeA0(0.01, 'male'), 0.5, 0.5] });
    expect(Array.from(ak.ex)).toEqual(Array.from(given.ex));
  });

  it('a rate of 2 or more (a = 0.5 would give q ≥ 1) takes the constant-hazard a, so q stays below 1', () => {
    const lt = lifeTable([0.01, 3, 0.5], { sex: 'female', width: 1 });
    expect(lt.ax[1]).toBe(constantHazardAx(3, 1));
    expect(lt.qx[1]).toBeLessThan(1);
    expect(lt.qx[1]).toBeGreaterThan(0.9);
  });
});

describe('identities of a long complete table (Siler-like mx to 110+)', () => {
  const mx = siler(110);
  it('l(x+1) = l(x) − d(x), L between l(x+1) and l(x), T(x) = L(x) + T(x+1), e = T/l, ages 0..110', () => {
    const lt = lifeTable(mx, { sex: 'female', width: 1 });
    expect(lt.ages.length).toBe(111);
    for (let x = 0; x < 110; x++) {
      expect(lt.ages[x]).toBe(x);
      expect(Math.abs(lt.lx[x + 1]! - (lt.lx[x]! - lt.dx[x]!))).toBeLessThanOrEqual(1e-9);
      expect(lt.Lx[x]!).toBeGreaterThanOrEqual(lt.lx[x + 1]!);
      expect(lt.Lx[x]!).toBeLessThanOrEqual(lt.lx[x]!);
      expect(lt.Tx[x]).toBe(lt.Tx[x + 1]! + lt.Lx[x]!);
      expect(lt.ex[x]).toBe(lt.Tx[x]! / lt.lx[x]!);
      expect(lt.qx[x]).toBe(mx[x]! / (1 + (1 - lt.ax[x]!) * mx[x]!));
    }
    expect(lt.Lx[110]).toBe(lt.lx[110]! / mx[110]!);
    expect(lt.ax[110]).toBe(1 / mx[110]!);
    expect(lt.qx[110]).toBe(1);
  });

  it('the unchecked core fills the same table into a caller-owned emptyLifeTable(rows, 1), reusable', () => {
    const out = emptyLifeTable(111, 1);
    expect(Array.from(out.ages.subarray(0, 4))).toEqual([0, 1, 2, 3]);
    const rules = { sex: 'male' as const, a0Rule: 'andreev-kingkade' as const, axRule: 'mortpak' as const, ax: undefined, radix: 100000 };
    computeCompleteLifeTable(siler(110).map((m) => 2 * m), rules, out); // a first use, then the real one
    computeCompleteLifeTable(mx, rules, out);
    const ref = lifeTable(mx, { sex: 'male', width: 1 });
    for (const k of ['mx', 'qx', 'ax', 'lx', 'dx', 'Lx', 'Tx', 'ex'] as const) expect(Array.from(out[k]), k).toEqual(Array.from(ref[k]));
  });

  it('does not mutate its input', () => {
    const input = Float64Array.from(mx);
    lifeTable(input, { sex: 'female', width: 1 });
    expect(Array.from(input)).toEqual(mx);
  });
});

describe('width 1: input rules', () => {
  const rates = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? 0.5 : 0.001 * (1 + i / 100)));

  it('3 to 131 single-age rates (open age 2 to 130); 2 and 132 are rejected with the rule', () => {
    expect(lifeTable(rates(3), { sex: 'female', width: 1 }).ex.length).toBe(3);
    expect(lifeTable(rates(131), { sex: 'female', width: 1 }).ex.length).toBe(131);
    const rule = 'mx: expected from 3 to 131 rates (ages 0, 1, 2, …, open age at most 130), got an array of length';
    expect(() => lifeTable(rates(2), { sex: 'female', width: 1 })).toThrow(`${rule} 2`);
    expect(() => lifeTable(rates(132), { sex: 'female', width: 1 })).toThrow(`${rule} 132`);
    expect(() => parseWith(mxSingleSchema, rates(29), 'mx')).not.toThrow(); // more than an abridged table's 28
    expect(messageOf(() => lifeTable([0.01, 0.001, 0], { sex: 'female', width: 1 }))).toMatch(/^mx\[2\]: expected the open-age rate to be > 0/);
  });

  it('width is 1 or 5; axRule with width 1 is an error that names it', () => {
    expect(messageOf(() => lifeTable(rates(5), { sex: 'female', width: 2 as never }))).toMatch(/^options\.width: expected 1 or 5/);
    expect(messageOf(() => lifeTable(rates(5), { sex: 'female', width: 1, axRule: 'midpoint' }))).toMatch(/^options\.axRule: expected no axRule with width 1/);
    expect(messageOf(() => lifeTable(rates(5), { sex: 'female', extend: {} }))).toMatch(/^options\.extend: expected no extend with width 5/);
  });

  it('given ax: rows − 1 values, each at most 1 (the interval width) and with a·m ≤ 1', () => {
    expect(() => lifeTable([0.01, 0.001, 0.002, 0.5], { sex: 'female', width: 1, ax: [1, 1, 1] })).not.toThrow();
    expect(messageOf(() => lifeTable([0.01, 0.001, 0.002, 0.5], { sex: 'female', width: 1, ax: [0.1, 0.5] }))).toMatch(/^options\.ax: expected 3 values/);
    expect(messageOf(() => lifeTable([0.01, 0.001, 0.002, 0.5], { sex: 'female', width: 1, ax: [0.1, 1.01, 0.5] }))).toMatch(/^options\.ax\[1\]: expected at most the interval width 1, got 1\.01/);
    expect(messageOf(() => lifeTable([0.01, 1.5, 0.002, 0.5], { sex: 'female', width: 1, ax: [0.1, 0.7, 0.5] }))).toMatch(/^options\.ax\[1\]: expected ax·mx <= 1/);
  });

  it('width 5 stays the default: the same abridged table as before', () => {
    const mx = [0.0085, 0.0004, 0.0002, 0.0002, 0.0005, 0.2];
    expect(Array.from(lifeTable(mx, { sex: 'female', width: 5 }).ex)).toEqual(Array.from(lifeTable(mx, { sex: 'female' }).ex));
    expect(Array.from(lifeTable(mx, { sex: 'female' }).ages)).toEqual([0, 1, 5, 10, 15, 20]);
  });
});

describe('lifeTableSchema takes both kinds of table', () => {
  const cols = (t: ReturnType<typeof lifeTable>) => ({ ages: Array.from(t.ages), lx: Array.from(t.lx), Lx: Array.from(t.Lx), Tx: Array.from(t.Tx) });
  it('a complete table of 131 rows passes; 132 rows, or ages that are neither kind, do not', () => {
    const t = cols(lifeTable(siler(130), { sex: 'female', width: 1 }));
    expect(() => parseWith(lifeTableSchema, t, 'lt')).not.toThrow();
    const long = { ages: [...t.ages, 131], lx: [...t.lx, 1], Lx: [...t.Lx, 1], Tx: [...t.Tx, 1] };
    expect(() => parseWith(lifeTableSchema, long, 'lt')).toThrow('lt: expected columns of one length from 3 to 131 (rows 0, 1, 2, …), got 132');
    const bad = { ...t, ages: t.ages.map((a, i) => (i === 7 ? 8 : a)) };
    expect(() => parseWith(lifeTableSchema, bad, 'lt')).toThrow('lt.ages: expected abridged ages 0, 1, 5, 10, … or complete ages 0, 1, 2, …');
  });
});
