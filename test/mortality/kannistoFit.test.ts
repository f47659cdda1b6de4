import { describe, expect, it } from 'vitest';
import { kannistoFit, kannistoMx } from '../../src/mortality/kannisto.js';
import { messageOf as message } from '../inputError.js';

// The 'log' Kannisto fit is a least-squares minimum (Σ (ln m̂ − ln m)², m̂ logistic): at the returned
// parameters the gradient of that sum vanishes and no nearby point is lower. Checked on rates that
// are not exactly logistic (a deterministic ±3 % ripple), where the Gompertz starting line, a step
// taken with a wrong sign, or a fit stopped early would all be visibly off; ages up to 110 reach
// m̂ > 1/2 (η > 0), the other branch of ln m̂.

const ripple = (x: number) => 1 + 0.03 * Math.sin(1.7 * x);
const rates = Array.from({ length: 111 }, (_, x) => ripple(x) / (1 + Math.exp(10.5 - 0.105 * x)));

/** Σ (ln m̂(x) − ln m(x))² over ages from..to for parameters (ln c, d), and its gradient. */
function loss(lnc: number, d: number, from: number, to: number): { ss: number; g: [number, number] } {
  let ss = 0;
  let g0 = 0;
  let g1 = 0;
  for (let x = from; x <= to; x++) {
    const eta = lnc + d * x;
    const mHat = 1 / (1 + Math.exp(-eta));
    const r = Math.log(mHat) - Math.log(rates[x]!);
    ss += r * r;
    // ∂ ln m̂ / ∂η = 1 − m̂.
    g0 += 2 * r * (1 - mHat);
    g1 += 2 * r * (1 - mHat) * x;
  }
  return { ss, g: [g0, g1] };
}

describe("kannistoFit 'log': the least-squares minimum of ln m", () => {
  const from = 80;
  const to = 109;
  const { c, d } = kannistoFit(rates, { fitFrom: from, fitTo: to, fit: 'log' });
  const lnc = Math.log(c);

  it('has a vanishing gradient and no lower neighbour', () => {
    const at = loss(lnc, d, from, to);
    // The fit stops when no step lowers the sum of squares in floating point. A gradient g still
    // allows a decrease of about g²/(2H) (H ≈ 2 Σ (1 − m̂)² ≈ 30, the curvature in ln c), below the
    // rounding of the sum ε·SS ≈ 2e-16 × 0.01 once g < √(2H ε SS) ≈ 1.2e-8: bounds of 2e-8, and
    // 100 times that for the slope's gradient (ages about 100).
    expect(Math.abs(at.g[0])).toBeLessThanOrEqual(2e-8);
    expect(Math.abs(at.g[1])).toBeLessThanOrEqual(2e-6);
    for (const [da, dd] of [[1e-4, 0], [-1e-4, 0], [0, 1e-6], [0, -1e-6], [1e-4, -1e-6]] as const) {
      expect(loss(lnc + da, d + dd, from, to).ss).toBeGreaterThan(at.ss);
    }
  });

  it('lies off the logit fit and the Gompertz line it starts from', () => {
    const logit = kannistoFit(rates, { fitFrom: from, fitTo: to, fit: 'logit' });
    expect(Math.abs(logit.d - d)).toBeGreaterThan(1e-4);
    expect(loss(Math.log(logit.c), logit.d, from, to).ss).toBeGreaterThan(loss(lnc, d, from, to).ss);
  });

  it('reaches ages where the fitted rate is above 1/2 (η > 0) without losing digits', () => {
    expect(lnc + d * to).toBeGreaterThan(0);
    const ext = kannistoMx(rates, { fitFrom: from, fitTo: to, fit: 'log' });
    expect(ext).toHaveLength(131);
    expect(ext[130]!).toBeCloseTo(1 / (1 + Math.exp(-(lnc + d * 130))), 15);
    expect(ext[130]!).toBeLessThan(1);
  });
});

describe('Kannisto options: each rule names the option given', () => {
  const logistic = Array.from({ length: 101 }, (_, x) => 1 / (1 + Math.exp(11 - 0.11 * x)));
  it('from, to, fitFrom, fitTo, and the rates fitted', () => {
    expect(message(() => kannistoMx(logistic, { from: 0 }))).toBe("options.from: expected an age from 1 to the rates' open age 100, got 0");
    expect(kannistoMx(logistic, { from: 1 })[1]).toBeCloseTo(logistic[1]!, 15);
    expect(message(() => kannistoMx(logistic, { from: 101 }))).toBe("options.from: expected an age from 1 to the rates' open age 100, got 101");
    expect(message(() => kannistoMx(logistic, { to: 99 }))).toBe("options.to: expected at least the rates' open age 100, got 99");
    expect(kannistoMx(logistic, { to: 100 })).toHaveLength(101);
    expect(message(() => kannistoFit(logistic, { fitTo: 100 }))).toBe('options.fitTo: expected at most the last closed age of the rates, 99, got 100');
    expect(message(() => kannistoFit(logistic, { fitFrom: 99 }))).toBe('options.fitFrom: expected an age below fitTo 99 (the fit needs 2 ages at least), got 99');
    const zero = logistic.slice();
    zero[90] = 0;
    expect(message(() => kannistoFit(zero, { fitFrom: 80 }))).toBe('mx[90]: expected a rate > 0 at a fitted age (the Kannisto fit takes its log), got 0');
    const one = logistic.slice();
    one[95] = 1;
    expect(message(() => kannistoFit(one, { fitFrom: 80, fit: 'logit' }))).toBe("mx[95]: expected a rate < 1 at a fitted age (the 'logit' fit takes ln(m/(1 − m))), got 1");
    expect(kannistoFit(one, { fitFrom: 80, fit: 'log' }).d).toBeGreaterThan(0);
  });
  it('the fit starts, by default, at 80, or one age below fitTo when that is lower', () => {
    const a = kannistoFit(logistic, {});
    const b = kannistoFit(logistic, { fitFrom: 80 });
    expect([a.c, a.d]).toEqual([b.c, b.d]);
    const short = logistic.slice(0, 61); // open at 60: fitTo 59, so fitFrom 58
    const s = kannistoFit(short, {});
    const t = kannistoFit(short, { fitFrom: 58 });
    expect([s.c, s.d]).toEqual([t.c, t.d]);
  });
});

describe('kannistoMx and kannistoFit name their arguments in errors', () => {
  it('mx and options', () => {
    const bad = message;
    expect(bad(() => kannistoMx([0.1, 0.2]))).toMatch(/^mx: /);
    expect(bad(() => kannistoFit([0.1, 0.2]))).toMatch(/^mx: /);
    expect(bad(() => kannistoMx(rates, { fitFrom: 'x' } as never))).toMatch(/^options\.fitFrom: /);
    expect(bad(() => kannistoFit(rates, { fit: 'cubic' } as never))).toMatch(/^options\.fit: /);
  });
});
