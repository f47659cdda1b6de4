import { describe, expect, it } from 'vitest';
import { fillRogersCastroProfile, migrationProfile } from '../../src/migration/profile.js';
import { ROGERS_CASTRO_STANDARD, rogersCastro, rogersCastroAt } from '../../src/migration/rogersCastro.js';

// Hand values below are carried to 12 decimals: half a unit of the 12th decimal.
const HALF_UNIT_12 = 5e-13;
// Shares are a sum of ≤ 101 positive terms divided by their total: they sum to 1 to a few ulps.
const SUM_TO_ONE = 1e-12;

describe('Rogers–Castro model schedule (Rogers & Castro 1981), standard parameters', () => {
  it('has the published standard parameters', () => {
    expect(ROGERS_CASTRO_STANDARD).toEqual({ a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4, c: 0.003 });
    expect(Object.isFrozen(ROGERS_CASTRO_STANDARD)).toBe(true);
  });

  it('reproduces values computed by hand', () => {
    // m(x) = 0.02 e^(−0.1 x) + 0.06 exp(−0.1 (x − 20) − e^(−0.4 (x − 20))) + 0.003
    //
    // x = 0:  0.02 · 1 + 0.06 · exp(2 − e^8) + 0.003; e^8 = 2980.958, exp(−2978.96) ≈ 1e−1294 → 0:
    //         m(0) = 0.023
    // x = 20: 0.02 e^(−2) + 0.06 e^(0 − e^0) + 0.003 = 0.02 · 0.135335283237 + 0.06 · 0.367879441171 + 0.003
    //         = 0.002706705665 + 0.022072766470 + 0.003 = 0.027779472135
    // x = 50: 0.02 e^(−5) + 0.06 exp(−3 − e^(−12)) + 0.003; e^(−5) = 0.006737946999,
    //         e^(−12) = 6.144212e−6, exp(−3 − 6.144212e−6) = 0.049787068368 · (1 − 6.144193e−6)
    //         = 0.049786762466; m(50) = 0.000134758940 + 0.002987205748 + 0.003 = 0.006121964688
    const m = rogersCastro([0, 20, 50]);
    expect(Math.abs(m[0]! - 0.023)).toBeLessThanOrEqual(HALF_UNIT_12);
    expect(Math.abs(m[1]! - 0.027779472135)).toBeLessThanOrEqual(HALF_UNIT_12);
    expect(Math.abs(m[2]! - 0.006121964688)).toBeLessThanOrEqual(HALF_UNIT_12);
    expect(rogersCastroAt(20, ROGERS_CASTRO_STANDARD)).toBe(m[1]);
  });

  it('peaks where the labour-force curve does, x = μ2 + ln(λ2/α2)/λ2 = 20 + ln 4 / 0.4 = 23.47', () => {
    // Among single ages the largest value is at 23 (the falling childhood curve barely moves it).
    const m = rogersCastro(Array.from({ length: 101 }, (_, x) => x));
    const argmax = m.indexOf(Math.max(...m));
    expect(argmax).toBe(23);
    // Far from both curves only the level c remains: at 100, a1 e^(−10) = 9.1e−7 and the labour term 0.06 e^(−8) = 2.0e−5.
    expect(m[100]! - 0.003).toBeGreaterThan(0);
    expect(m[100]! - 0.003).toBeLessThan(3e-5);
  });
});

describe('migrationProfile: group shares from the schedule at single ages', () => {
  const single = rogersCastro(Array.from({ length: 121 }, (_, x) => x));
  const sumAges = (from: number, to: number) => {
    let s = 0;
    for (let x = from; x <= to; x++) s += single[x]!;
    return s;
  };

  it('open age 100: 21 groups, 5 ages each, the open group is age 100 alone; sum to 1', () => {
    const shares = migrationProfile('rogers-castro', 100);
    expect(shares).toHaveLength(21);
    const total = sumAges(0, 100);
    for (let i = 0; i < 20; i++) expect(shares[i]).toBeCloseTo(sumAges(5 * i, 5 * i + 4) / total, 15);
    expect(shares[20]).toBeCloseTo(single[100]! / total, 15);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(SUM_TO_ONE);
    // 20–24 holds the peak: the largest share.
    expect(shares.indexOf(Math.max(...shares))).toBe(4);
  });

  it('open age 85: the open group sums ages 85 … 100', () => {
    const shares = migrationProfile('rogers-castro', 85);
    expect(shares).toHaveLength(18);
    const total = sumAges(0, 100);
    expect(shares[17]).toBeCloseTo(sumAges(85, 100) / total, 15);
    expect(shares[3]).toBeCloseTo(sumAges(15, 19) / total, 15);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(SUM_TO_ONE);
  });

  it('open age above 100: closed groups run past 100 and the open group is the single age openAge', () => {
    const shares = migrationProfile('rogers-castro', 110);
    expect(shares).toHaveLength(23);
    const total = sumAges(0, 110);
    expect(shares[20]).toBeCloseTo(sumAges(100, 104) / total, 15);
    expect(shares[22]).toBeCloseTo(single[110]! / total, 15);
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(SUM_TO_ONE);
  });

  it('custom parameters change the profile; the standard name equals the standard parameters', () => {
    expect(Array.from(migrationProfile({ ...ROGERS_CASTRO_STANDARD }, 100))).toEqual(Array.from(migrationProfile('rogers-castro', 100)));
    const older = migrationProfile({ ...ROGERS_CASTRO_STANDARD, mu2: 30 }, 100);
    expect(older.indexOf(Math.max(...older))).toBe(6); // 30–34
    // Level only (a1 = a2 = 0): every closed group gets 5 ages' worth, the open group 1 age.
    const flat = migrationProfile({ a1: 0, alpha1: 0, a2: 0, alpha2: 0, mu2: 0, lambda2: 0, c: 1 }, 100);
    expect(flat[0]).toBeCloseTo(5 / 101, 15);
    expect(flat[20]).toBeCloseTo(1 / 101, 15);
  });

  it('explicit shares come back as given (a copy)', () => {
    const given = [0.5, 0.3, 0.2];
    const shares = migrationProfile(given, 10);
    expect(Array.from(shares)).toEqual(given);
    shares[0] = 9;
    expect(given[0]).toBe(0.5);
    expect(Array.from(migrationProfile(Float64Array.from(given), 10))).toEqual(given);
  });

  it('fillRogersCastroProfile writes into the caller’s array', () => {
    const out = new Float64Array(21).fill(3);
    expect(fillRogersCastroProfile(ROGERS_CASTRO_STANDARD, 100, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(migrationProfile('rogers-castro', 100)));
  });
});
