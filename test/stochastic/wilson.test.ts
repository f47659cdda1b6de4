import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stochastic/wilson.js';

describe('wilsonInterval', () => {
  // Agresti & Coull (1998), Am. Stat. 52:119–126, §2: the score interval solves
  // |p̂ − p| = z √(p(1 − p)/n); check that both ends satisfy it, and printed-style examples.
  it('both ends solve the score equation', () => {
    for (const [k, n] of [[0, 10], [3, 10], [50, 100], [999, 1000], [1000, 1000], [17, 123456]] as const) {
      const { p, lower, upper } = wilsonInterval(k, n);
      for (const end of [lower, upper]) {
        if (end === 0 || end === 1) continue;
        expect(Math.abs(Math.abs(p - end) - 1.959963984540054 * Math.sqrt((end * (1 - end)) / n))).toBeLessThan(1e-12);
      }
    }
  });
  it('0 of 100 and 50 of 100', () => {
    const a = wilsonInterval(0, 100);
    expect(a.lower).toBe(0);
    expect(a.upper).toBeCloseTo(0.03699, 5);
    const b = wilsonInterval(50, 100);
    expect(b.lower).toBeCloseTo(0.40383, 5);
    expect(b.upper).toBeCloseTo(0.59617, 5);
    expect(wilsonInterval(100, 100).upper).toBe(1);
  });
});
