import { describe, expect, it } from 'vitest';
import { project } from '../../src/scenario/project.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { simulate } from '../../src/stochastic/simulate.js';
import { DEFAULT_TFR_SIGMA } from '../../src/stochastic/uncertainty.js';
import { city2015 } from './fixtures.js';

// The default TFR uncertainty reproduces bayesTFR's phase III error scale at the scenario's level:
// an additive AR(1) with σ = 0.1016 children per woman a period (tfr.predict's sigmaAR1), so the sd
// of the period-1 TFR is 0.1016 at a TFR of 1.0 as at 2.1 (a log-scale σ of 0.1016/2.1 gave 0.048
// at 1.0). The period-1 TFR is read off the 2020 totals: with e0 and migration fixed, the 2020
// total is A + B·TFR₁ exactly (births are linear in the TFR; the women who bear them were born
// before 2015), with A and B from two deterministic projections.

const N = 20_000;
/** Standard error of a sample sd of N normal draws: σ / √(2(N − 1)); 4 of them is the tolerance. */
const sdTolerance = (sigma: number) => (4 * sigma) / Math.sqrt(2 * (N - 1));

const at = (tfr: number): Scenario => ({ fertility: { tfr, pattern: 'china-2015' }, mortality: { e0: 79 }, srb: 107 });
const total2020 = (tfr: number) => project(city2015, at(tfr), { until: 2020 }).indicators.years[1]!.total;

function periodOneTfr(level: number, uncertainty: { tfr?: { sigma?: number; rho?: number } } = {}) {
  const A = total2020(0);
  const B = total2020(1) - A;
  const sim = simulate(city2015, at(level), { ...uncertainty, e0: { sigma: 0 } }, { trajectories: N, seed: 7, until: 2020, keep: true });
  return Array.from(sim.totals![1]!, (t) => (t - A) / B);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

describe('default TFR uncertainty: bayesTFR phase III, additive, σ = 0.1016 children per woman a period', () => {
  it('the default σ is bayesTFR’s sigmaAR1', () => {
    expect(DEFAULT_TFR_SIGMA).toBe(0.1016);
  });
  for (const level of [1.0, 2.1]) {
    it(`at a scenario TFR of ${level}: the period-1 TFR has sd 0.1016 and mean ${level} within the Monte Carlo error`, () => {
      const tfr = periodOneTfr(level);
      expect(Math.abs(sd(tfr) - 0.1016)).toBeLessThanOrEqual(sdTolerance(0.1016));
      expect(Math.abs(mean(tfr) - level)).toBeLessThanOrEqual((4 * 0.1016) / Math.sqrt(N));
    });
  }
  it('keeps the TFR above its floor min(0.5, TFR/2) by truncation, not by clamping: none lands on the floor', () => {
    // σ = 0.5 at a level of 0.6: an untruncated normal would put 27 % below the floor 0.3.
    const tfr = periodOneTfr(0.6, { tfr: { sigma: 0.5 } });
    const floor = 0.3;
    expect(Math.min(...tfr)).toBeGreaterThan(floor - 1e-9);
    // A clamp would pile about 27 % of the draws at the floor; the truncated normal has none within 1e-6 of it.
    expect(tfr.filter((x) => Math.abs(x - floor) < 1e-6).length).toBe(0);
    // The truncated normal's mean: μ + σ φ(α)/(1 − Φ(α)), α = (0.3 − 0.6)/0.5 = −0.6: 0.6 + 0.5·0.3332/0.7257 = 0.8296.
    expect(Math.abs(mean(tfr) - 0.8296)).toBeLessThanOrEqual((4 * 0.5) / Math.sqrt(N));
  });
});
