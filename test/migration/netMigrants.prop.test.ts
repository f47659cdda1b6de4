import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netMigrantsByAge } from '../../src/migration/netMigrants.js';
import { migrationProfile } from '../../src/migration/profile.js';
import type { RogersCastroParams } from '../../src/migration/rogersCastro.js';

// Accounting tolerance (design notes): relative 1e-9, far above the rounding of a few products.
const ACCOUNTING = 1e-9;
// Shares are ≤ 121 positive terms divided by their total: they sum to 1 to a few ulps.
const SUM_TO_ONE = 1e-12;

const net = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const femaleShare = fc.double({ min: 0, max: 1, noNaN: true });
const openAge = fc.integer({ min: 1, max: 24 }).map((k) => 5 * k);
const years = fc.double({ min: 0.5, max: 10, noNaN: true });
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/** Realistic Rogers–Castro parameters (ranges of Rogers & Castro's fitted schedules, widened). */
const params: fc.Arbitrary<RogersCastroParams> = fc.record({
  a1: fc.double({ min: 0, max: 0.1, noNaN: true }),
  alpha1: fc.double({ min: 0, max: 0.5, noNaN: true }),
  a2: fc.double({ min: 0, max: 0.2, noNaN: true }),
  alpha2: fc.double({ min: 0, max: 0.5, noNaN: true }),
  mu2: fc.double({ min: 15, max: 35, noNaN: true }),
  lambda2: fc.double({ min: 0.05, max: 1, noNaN: true }),
  c: fc.double({ min: 1e-4, max: 0.01, noNaN: true }),
});

describe('netMigrantsByAge (properties)', () => {
  it('is linear in netPerYear: N(a + b) = N(a) + N(b), N(k a) = k N(a)', () => {
    fc.assert(
      fc.property(net, net, fc.double({ min: -10, max: 10, noNaN: true }), femaleShare, openAge, (a, b, k, fs, A) => {
        const o = { femaleShare: fs, openAge: A };
        const nab = netMigrantsByAge(a + b, o);
        const na = netMigrantsByAge(a, o);
        const nb = netMigrantsByAge(b, o);
        const nka = netMigrantsByAge(k * a, o);
        const scale = ACCOUNTING * (Math.abs(a) + Math.abs(b) + 1);
        for (const sex of ['female', 'male'] as const) {
          nab[sex].forEach((v, i) => expect(Math.abs(v - na[sex][i]! - nb[sex][i]!)).toBeLessThanOrEqual(scale));
          nka[sex].forEach((v, i) => expect(Math.abs(v - k * na[sex][i]!)).toBeLessThanOrEqual(ACCOUNTING * (Math.abs(k * a) + 1)));
        }
      }),
    );
  });

  it('female + male = netPerYear × years (in total and by group), and the female part is femaleShare of it', () => {
    fc.assert(
      fc.property(net, femaleShare, openAge, years, params, (n, fs, A, y, p) => {
        const { female, male } = netMigrantsByAge(n, { femaleShare: fs, openAge: A, years: y, profile: p });
        const total = n * y;
        const tol = ACCOUNTING * (Math.abs(total) + 1);
        expect(female).toHaveLength(A / 5 + 1);
        expect(Math.abs(sum(female) + sum(male) - total)).toBeLessThanOrEqual(tol);
        expect(Math.abs(sum(female) - fs * total)).toBeLessThanOrEqual(tol);
        // Group by group too: female + male = total × the profile's share.
        const shares = migrationProfile(p, A);
        female.forEach((v, i) => expect(Math.abs(v + male[i]! - total * shares[i]!)).toBeLessThanOrEqual(tol));
      }),
    );
  });

  it('Rogers–Castro profiles are shares ≥ 0 that sum to 1, for any valid parameters and open age', () => {
    fc.assert(
      fc.property(params, openAge, (p, A) => {
        const shares = migrationProfile(p, A);
        expect(shares).toHaveLength(A / 5 + 1);
        expect(shares.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
        expect(Math.abs(sum(shares) - 1)).toBeLessThanOrEqual(SUM_TO_ONE);
      }),
    );
  });
});
