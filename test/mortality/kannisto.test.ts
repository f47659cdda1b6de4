import { describe, expect, it } from 'vitest';
import { extendKannistoMx, fitKannisto, kannistoRate } from '../../src/lifetable/complete.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { kannistoFit, kannistoMx } from '../../src/mortality/kannisto.js';
import { FRANCE_MALES_2018, UK_FEMALES_2017 } from '../fixtures/hmdComplete.js';
import { messageOf } from '../inputError.js';

// Kannisto: m(x) = c e^{dx} / (1 + c e^{dx}), logit m(x) = ln c + d x (Thatcher, Kannisto & Vaupel 1998).

const LN_C = -11;
const D = 0.11;
/** An exactly logistic schedule at ages 0..open. */
const logistic = (open: number) => Array.from({ length: open + 1 }, (_, x) => 1 / (1 + Math.exp(-(LN_C + D * x))));

describe('an exactly logistic input is reproduced', () => {
  for (const fit of ['log', 'logit'] as const) {
    it(`fit '${fit}': the parameters and every extended rate, to rounding`, () => {
      const m = logistic(100);
      const { c, d } = kannistoFit(m, { fit });
      expect(Math.abs(Math.log(c) - LN_C)).toBeLessThan(1e-9);
      expect(Math.abs(d - D)).toBeLessThan(1e-11);
      const ext = kannistoMx(m, { fit });
      expect(ext.length).toBe(131);
      const exact = logistic(130);
      for (let x = 0; x <= 130; x++) expect(Math.abs(ext[x]! - exact[x]!), `m(${x})`).toBeLessThanOrEqual(1e-10 * exact[x]!);
    });
  }

  it('the rates below `from` are kept bit for bit, the rest replaced; the input is not mutated', () => {
    const m = logistic(100).map((v, x) => (x < 80 ? v * 1.3 : v)); // not logistic below the fit ages
    const copy = m.slice();
    const ext = kannistoMx(m, { fitFrom: 85, from: 95, to: 120 });
    expect(ext.length).toBe(121);
    for (let x = 0; x < 95; x++) expect(ext[x]).toBe(m[x]);
    expect(Math.abs(ext[110]! - logistic(110)[110]!)).toBeLessThan(1e-12);
    expect(m).toEqual(copy);
  });
});

describe('a published Kannisto curve: the HMD’s smoothed old-age rates', () => {
  // HMD Methods Protocol v6 replaces the oldest observed rates by a fitted Kannisto curve, so the
  // printed mx from 96 (UK females 2017) and 95 (France males 2018) up to 110+ lie on one logistic
  // (their logit steps are constant to the print: 0.1440–0.1441 and 0.1446). Fitting our Kannisto on
  // the printed ages up to 105 must give back every printed rate to 110 within the print's rounding:
  // half a unit of the 5th decimal, plus how far rounding the fitted inputs (±5e-6 each) can move
  // a fitted value — measured to first order as Σ_i |m̂(x; m + h e_i) − m̂(x; m)| with h = 5e-6.
  const cases = [
    { name: 'UK females 2017', rows: UK_FEMALES_2017, from: 96 },
    { name: 'France males 2018', rows: FRANCE_MALES_2018, from: 95 },
  ];
  for (const { name, rows, from } of cases) {
    for (const fit of ['log', 'logit'] as const) {
      it(`${name}, fit '${fit}' on ${from}–105: ages ${from}–110 within the rounding`, () => {
        const mx = rows.map((r) => r.mx);
        const options = { fitFrom: from, fitTo: 105, from, to: 110, fit };
        const ext = kannistoMx(mx, options);
        const h = 5e-6;
        for (let x = from; x <= 110; x++) {
          let bound = 0;
          for (let i = from; i <= 105; i++) {
            const m = mx.slice();
            m[i] = m[i]! + h;
            bound += Math.abs(kannistoMx(m, options)[x]! - ext[x]!);
          }
          expect(Math.abs(ext[x]! - mx[x]!), `m(${x}) ${ext[x]} vs printed ${mx[x]} (bound ${bound})`).toBeLessThanOrEqual(5e-6 + 1.01 * bound);
        }
      });
    }
  }
});

describe('defaults and options', () => {
  it('fits 80 to the last closed age and extends from the open age to 130 by default', () => {
    const m = logistic(100);
    m[100] = 0.9; // an open rate off the curve: replaced
    const ext = kannistoMx(m);
    expect(ext.length).toBe(131);
    expect(Math.abs(ext[100]! - logistic(100)[100]!)).toBeLessThan(1e-10);
    // The fit ignored the open rate and the ages below 80.
    const m2 = m.map((v, x) => (x < 80 ? 0.5 * v : v));
    expect(Array.from(kannistoMx(m2).subarray(100))).toEqual(Array.from(ext.subarray(100)));
  });

  it('lifeTable(mx, { width: 1, extend }) closes the table at 130 with the Kannisto rates, as kannistoMx', () => {
    const m = logistic(100);
    const lt = lifeTable(m, { sex: 'female', width: 1, extend: { fitFrom: 80 } });
    expect(lt.ages.length).toBe(131);
    expect(lt.ages[130]).toBe(130);
    expect(Array.from(lt.mx)).toEqual(Array.from(kannistoMx(m, { fitFrom: 80 })));
    expect(lt.Lx[130]).toBe(lt.lx[130]! / lt.mx[130]!);
    // The same table as lifeTable on the extended rates.
    expect(Array.from(lifeTable(kannistoMx(m), { sex: 'female', width: 1 }).ex)).toEqual(Array.from(lt.ex));
    // A short extension keeps more of the open group's years.
    expect(lifeTable(m, { sex: 'female', width: 1, extend: { to: 110 } }).ages.length).toBe(111);
  });

  it('the unchecked core fills in place and returns the parameters', () => {
    const m = Float64Array.from(logistic(130));
    const params = new Float64Array(2);
    extendKannistoMx(m, 80, 99, 100, 130, 'logit', params);
    expect(Math.abs(params[0]! - LN_C)).toBeLessThan(1e-9);
    expect(Math.abs(params[1]! - D)).toBeLessThan(1e-11);
    expect(kannistoRate(params, 130)).toBe(m[130]);
    // Ages with no usable rate (0) are left out of the fit rather than poisoning it.
    const z = Float64Array.from(logistic(130));
    z[85] = 0;
    fitKannisto(z, 80, 99, 'log', params);
    expect(Math.abs(params[1]! - D)).toBeLessThan(1e-9);
  });
});

describe('errors name the option and the rule', () => {
  const m = logistic(100);
  it('ages', () => {
    expect(messageOf(() => kannistoMx(m, { fitTo: 100 }))).toBe('options.fitTo: expected at most the last closed age of the rates, 99, got 100');
    expect(messageOf(() => kannistoMx(m, { fitFrom: 99 }))).toBe('options.fitFrom: expected an age below fitTo 99 (the fit needs 2 ages at least), got 99');
    expect(messageOf(() => kannistoMx(m, { from: 101 }))).toBe("options.from: expected an age from 1 to the rates' open age 100, got 101");
    expect(messageOf(() => kannistoMx(m, { to: 99 }))).toBe("options.to: expected at least the rates' open age 100, got 99");
    expect(messageOf(() => kannistoMx(m, { to: 131 }))).toMatch(/^options\.to: expected an integer age from 0 to 130, got 131/);
    expect(messageOf(() => kannistoMx(m, { fit: 'ols' as never }))).toMatch(/^options\.fit: expected 'log' or 'logit'/);
    expect(messageOf(() => kannistoMx(m, { fitfrom: 80 } as never))).toMatch(/^options: /);
  });

  it('rates the fit cannot take: ≤ 0, or ≥ 1 under logit; and the rates’ own rules', () => {
    const zero = m.slice();
    zero[90] = 0;
    expect(messageOf(() => kannistoMx(zero))).toBe('mx[90]: expected a rate > 0 at a fitted age (the Kannisto fit takes its log), got 0');
    const big = m.slice();
    big[95] = 1.2;
    expect(() => kannistoMx(big)).not.toThrow(); // 'log' takes it
    expect(messageOf(() => kannistoMx(big, { fit: 'logit' }))).toMatch(/^mx\[95\]: expected a rate < 1 at a fitted age/);
    expect(messageOf(() => kannistoMx([0.01, 0.02]))).toMatch(/^mx: expected from 3 to 131 rates/);
    expect(messageOf(() => lifeTable(m, { sex: 'female', width: 1, extend: { fitTo: 100 } }))).toMatch(/^options\.extend\.fitTo: expected at most/);
  });
});
