import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asfrFromTfr } from '../../src/fertility/asfr.js';
import { meanAgeAtChildbearing } from '../../src/fertility/meanAge.js';
import { tfr } from '../../src/fertility/tfr.js';

// Identity tolerance: 7 products and a sum of 7 terms, each exact to half an ulp; and a random
// pattern normalised here sums to 1 within a few ulps.
const IDENTITY = 1e-12;

/** 7 shares ≥ 0 summing to 1 to rounding: random weights (some exactly 0), divided by their sum. */
const pattern = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), { minLength: 7, maxLength: 7 })
  .filter((w) => w.some((x) => x > 0))
  .map((w) => {
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  });
const tfrValue = fc.double({ min: 0.05, max: 7.5, noNaN: true }); // a + b stays within the TFR rule (at most 15)
const openAge = fc.integer({ min: 10, max: 26 }).map((k) => 5 * k);

describe('asfrFromTfr / tfr (properties)', () => {
  it('tfr(asfrFromTfr(T, p)) = T to 1e-12 relative, on the 7 groups and on a grid', () => {
    fc.assert(
      fc.property(tfrValue, pattern, openAge, (T, p, A) => {
        expect(Math.abs(tfr(asfrFromTfr(T, p)) - T)).toBeLessThanOrEqual(IDENTITY * T);
        expect(Math.abs(tfr(asfrFromTfr(T, p, { openAge: A })) - T)).toBeLessThanOrEqual(IDENTITY * T);
      }),
    );
  });

  it('the level does not move the mean age at childbearing', () => {
    fc.assert(
      fc.property(tfrValue, pattern, openAge, (T, p, A) => {
        const mac = meanAgeAtChildbearing(p);
        expect(mac).toBeGreaterThanOrEqual(17.5);
        expect(mac).toBeLessThanOrEqual(47.5);
        expect(Math.abs(meanAgeAtChildbearing(asfrFromTfr(T, p, { openAge: A })) - mac)).toBeLessThanOrEqual(IDENTITY * mac);
      }),
    );
  });

  it('asfr is linear in TFR', () => {
    fc.assert(
      fc.property(tfrValue, tfrValue, pattern, (a, b, p) => {
        const sum = asfrFromTfr(a + b, p);
        const pa = asfrFromTfr(a, p);
        const pb = asfrFromTfr(b, p);
        sum.forEach((v, i) => expect(Math.abs(v - pa[i]! - pb[i]!)).toBeLessThanOrEqual(IDENTITY * (a + b)));
      }),
    );
  });
});
