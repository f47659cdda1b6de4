import { describe, expect, it } from 'vitest';
import { fillNetMigrants, netMigrantsByAge } from '../../src/migration/netMigrants.js';
import { migrationProfile } from '../../src/migration/profile.js';

// Accounting tolerance (design notes): sums of 21 products, relative 1e-9 is far above rounding.
const ACCOUNTING = 1e-9;
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('netMigrantsByAge', () => {
  it('defaults: Rogers–Castro, half women, open age 100, 5 years', () => {
    const { female, male } = netMigrantsByAge(1000);
    const shares = migrationProfile('rogers-castro', 100);
    expect(female).toHaveLength(21);
    expect(male).toHaveLength(21);
    shares.forEach((s, i) => {
      expect(female[i]).toBeCloseTo(1000 * 5 * 0.5 * s, 10);
      expect(male[i]).toBe(female[i]);
    });
    expect(Math.abs(sum(female) + sum(male) - 5000)).toBeLessThanOrEqual(ACCOUNTING * 5000);
  });

  it('splits by femaleShare and scales with years; female + male = netPerYear × years', () => {
    const { female, male } = netMigrantsByAge(-2000, { femaleShare: 0.45, years: 3, openAge: 85, profile: 'rogers-castro' });
    expect(female).toHaveLength(18);
    expect(Math.abs(sum(female) - -2000 * 3 * 0.45)).toBeLessThanOrEqual(ACCOUNTING * 2700);
    expect(Math.abs(sum(male) - -2000 * 3 * 0.55)).toBeLessThanOrEqual(ACCOUNTING * 3300);
    expect(Math.abs(sum(female) + sum(male) - -6000)).toBeLessThanOrEqual(ACCOUNTING * 6000);
  });

  it('net out-migration uses the same profile, sign flipped', () => {
    const out = netMigrantsByAge(-1234, { femaleShare: 0.3 });
    const inn = netMigrantsByAge(1234, { femaleShare: 0.3 });
    out.female.forEach((v, i) => expect(v).toBe(-inn.female[i]!));
    out.male.forEach((v, i) => expect(v).toBe(-inn.male[i]!));
    expect(out.female.every((v) => v <= 0)).toBe(true);
  });

  it('femaleShare 0 and 1 put everyone on one side; zero net gives zeros', () => {
    const allMen = netMigrantsByAge(100, { femaleShare: 0 });
    expect(allMen.female.every((v) => v === 0)).toBe(true);
    expect(sum(allMen.male)).toBeCloseTo(500, 10);
    const allWomen = netMigrantsByAge(100, { femaleShare: 1 });
    expect(allWomen.male.every((v) => v === 0)).toBe(true);
    expect(netMigrantsByAge(0).female.every((v) => v === 0)).toBe(true);
  });

  it('takes explicit shares and custom parameters', () => {
    const { female, male } = netMigrantsByAge(100, { profile: [0.5, 0.25, 0.25], openAge: 10, femaleShare: 0.4 });
    expect(Array.from(female)).toEqual([100, 50, 50]);
    expect(Array.from(male)).toEqual([150, 75, 75]);
    const custom = netMigrantsByAge(100, { profile: { a1: 0, alpha1: 0, a2: 0, alpha2: 0, mu2: 0, lambda2: 0, c: 1 }, openAge: 10 });
    // Level only: ages 0–4 and 5–9 have 5 ages each, the open group 10+ runs 10 … 100 (91 ages).
    expect(custom.female[0]).toBeCloseTo((250 * 5) / 101, 12);
    expect(custom.female[2]).toBeCloseTo((250 * 91) / 101, 12);
  });

  it('fillNetMigrants writes into the caller’s arrays', () => {
    const f = new Float64Array(3).fill(9);
    const m = new Float64Array(3).fill(9);
    fillNetMigrants(500, 0.4, [0.5, 0.25, 0.25], f, m);
    expect(Array.from(f)).toEqual([100, 50, 50]);
    expect(Array.from(m)).toEqual([150, 75, 75]);
  });
});
