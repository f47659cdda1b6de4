import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { survivalRatios } from '../../src/lifetable/survival.js';

// The life-table input rules (src/lifetable/schemas.ts), each at its edge and with its message:
// mx schedules of 3 to 28 rates (ages 0, 1, 5, …, 130+), the open rate > 0, rates in [0, 100]; a
// life table handed to survivalRatios with columns of one length from 3 to 28, abridged ages, and
// person-years and radix > 0. Each case changes one thing from a valid input.

const MX = [0.0085, 0.0004, 0.0002, 0.0002, 0.0005, 0.2];
const female = { sex: 'female' } as const;
const rates = (n: number) => Array.from({ length: n }, (_, i) => (i === n - 1 ? 0.5 : 0.001 * (i + 1)));

describe('lifeTable: mx schedules', () => {
  it('accepts 3 and 28 rates (open age 5 and 130), rejects 2 and 29 with the rule', () => {
    expect(lifeTable(rates(3), female).ex.length).toBe(3);
    expect(lifeTable(rates(28), female).ex.length).toBe(28);
    const rule = 'mx: expected from 3 to 28 rates (ages 0, 1, 5, …, open age at most 130), got an array of length';
    expect(() => lifeTable(rates(2), female)).toThrow(`${rule} 2`);
    expect(() => lifeTable(rates(29), female)).toThrow(`${rule} 29`);
  });

  it('needs an open-age rate > 0, and names its index', () => {
    expect(() => lifeTable([...MX.slice(0, -1), 0], female)).toThrow('mx[5]: expected the open-age rate to be > 0, got 0');
  });

  it('takes rates from 0 to 100 per person-year, and says so beyond', () => {
    expect(lifeTable([0, 0, 0, 0, 0, 100], female).ex[0]).toBeGreaterThan(0);
    expect(() => lifeTable([0.01, 0.001, 100.5, 0.1], female)).toThrow('mx[2]: expected a death rate per person-year from 0 to 100, got 100.5');
    expect(() => lifeTable([-0.01, 0.001, 0.1, 0.1], female)).toThrow('mx[0]: expected a death rate per person-year from 0 to 100, got -0.01');
  });
});

describe('survivalRatios: the life table it is given', () => {
  const lt = () => {
    const t = lifeTable(MX, female);
    return { ages: Array.from(t.ages), lx: Array.from(t.lx), Lx: Array.from(t.Lx), Tx: Array.from(t.Tx) };
  };
  const call = (t: ReturnType<typeof lt>) => () => survivalRatios(t as never, { openAge: 20 });
  const LENGTH = 'lt: expected columns of one length from 3 to 28 (rows 0, 1, 5, …)';

  it('a valid table passes', () => {
    expect(call(lt())).not.toThrow();
  });

  it('columns of another length than ages, each in turn, are rejected', () => {
    for (const col of ['lx', 'Lx', 'Tx'] as const) {
      const t = lt();
      t[col] = t[col].slice(0, -1);
      expect(call(t), col).toThrow(LENGTH);
    }
  });

  it('fewer than 3 or more than 28 rows are rejected', () => {
    const short = lt();
    for (const k of ['ages', 'lx', 'Lx', 'Tx'] as const) short[k] = short[k].slice(0, 2);
    expect(call(short)).toThrow(`${LENGTH}, got 2`);
    const long = lt();
    long.ages = Array.from({ length: 29 }, (_, i) => (i < 2 ? i : 5 * (i - 1)));
    for (const k of ['lx', 'Lx', 'Tx'] as const) long[k] = Array.from({ length: 29 }, () => 1);
    expect(call(long)).toThrow(`${LENGTH}, got 29`);
  });

  it('3 rows with abridged ages pass the shape rules', () => {
    const t = { ages: [0, 1, 5], lx: [1, 0.9, 0.8], Lx: [0.95, 3.4, 8], Tx: [12.35, 11.4, 8] };
    expect(() => survivalRatios(t as never, { openAge: 5 })).not.toThrow();
  });

  it('ages that are not 0, 1, 5, 10, … are rejected', () => {
    for (const ages of [[1, 1, 5, 10, 15, 20], [0, 2, 5, 10, 15, 20], [0, 1, 5, 10, 16, 20]]) {
      const t = lt();
      t.ages = ages;
      expect(call(t), String(ages)).toThrow('lt.ages: expected abridged ages 0, 1, 5, 10, …');
    }
  });

  it('person-years and the radix must be > 0 in every row', () => {
    const rule = 'lt.Lx: expected person-years (Lx, Tx) and a radix lx[0] > 0 in every row';
    for (const [col, i] of [['Lx', 3], ['Tx', 4], ['lx', 0]] as const) {
      const t = lt();
      t[col][i] = 0;
      expect(call(t), `${col}[${i}] = 0`).toThrow(rule);
    }
    const t = lt();
    t.lx[3] = 0; // only the radix must be > 0: a later lx of 0 is a closed cohort
    expect(call(t)).not.toThrow(rule);
  });

  it('an object without the columns is rejected with the shape expected', () => {
    expect(() => survivalRatios({} as never, { openAge: 20 })).toThrow('expected');
    expect(() => survivalRatios({ ages: [0, 1, 5] } as never, { openAge: 20 })).toThrow(/^lt\.lx/);
  });
});
