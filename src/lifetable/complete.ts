/**
 * Closing a complete (single-year) table at a high age: the Kannisto extension of single-age mx.
 * The unchecked core lives here, below the models layer, so that `lifeTable(mx, { width: 1,
 * extend })` can use it; `kannistoMx` (mortality/kannisto.ts) is its validated public face.
 *
 * Kannisto's logistic hazard (Thatcher, Kannisto & Vaupel 1998, *The Force of Mortality at Ages 80
 * to 120*): m(x) = c e^{dx} / (1 + c e^{dx}), i.e. logit m(x) = ln c + d x.
 */

import { fail, InputError, type Issue } from '../validate/errors.js';
import { MAX_OPEN_AGE } from '../validate/schemas.js';

/** How the two Kannisto parameters are fitted to the observed single-age rates. */
export const KANNISTO_FITS: readonly [KannistoFit, ...KannistoFit[]] = ['log', 'logit'];

/**
 * Fit of the Kannisto model: 'log' — least squares of ln m (the loss 'LF2' of MortalityLaws, which
 * DemoTools `lt_rule_m_extrapolate` and so `lt_single_mx` use by default: Σ (ln m̂(x) − ln m(x))²);
 * 'logit' — ordinary least squares of logit m(x) on x (closed form; needs every fitted m < 1).
 */
export type KannistoFit = 'log' | 'logit';

/** The Kannisto fit when none is given: 'log', as DemoTools (and so WPP's production runs). */
const DEFAULT_KANNISTO_FIT: KannistoFit = 'log';

/**
 * First age of the Kannisto fit when none is given: 80, as ccmppWPP (the UN's WPP projection code)
 * extends its single-age rates (bayesPop fits 90–99, DemoTools `lt_single_mx` 60 and up by
 * default); the fit runs to the last closed age of the data.
 */
const DEFAULT_KANNISTO_FIT_FROM = 80;

/** Gauss–Newton steps of the 'log' fit at most (it converges in 3–6 from the Gompertz start). */
const MAX_GAUSS_NEWTON = 100;

/**
 * Fits the Kannisto model to `mx[fitFrom..fitTo]` (single ages; unchecked: 2 or more ages with a
 * rate > 0, and < 1 for 'logit'; ages without one are left out of the fit) and writes
 * `params[0] = ln c`, `params[1] = d`. No allocation.
 *
 * 'logit': ordinary least squares of y = ln(m/(1 − m)) on x: d = Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²,
 * ln c = ȳ − d x̄. 'log': minimises Σ (ln m̂(x) − ln m(x))², ln m̂ = η − ln(1 + e^η), η = ln c + d x,
 * by Gauss–Newton (∂ln m̂/∂η = 1 − m̂) with step halving, from the Gompertz least-squares line of
 * ln m (which the logistic approaches where m is small); it stops when a step no longer lowers
 * the sum of squares. Ages are centred on x̄ for conditioning.
 */
export function fitKannisto(mx: ArrayLike<number>, fitFrom: number, fitTo: number, fit: KannistoFit, params: Float64Array): void {
  // Ages whose rate the fit can take (m > 0, and m < 1 for 'logit'); the checked callers pass only such.
  const usable = (m: number) => m > 0 && (fit === 'log' || m < 1);
  let count = 0;
  let sx = 0;
  for (let x = fitFrom; x <= fitTo; x++) {
    if (usable(mx[x] as number)) {
      count++;
      sx += x;
    }
  }
  const xBar = sx / count;
  // Least-squares line of y(m) on x (centred): alpha at x̄ and slope d.
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  for (let x = fitFrom; x <= fitTo; x++) {
    const m = mx[x] as number;
    if (!usable(m)) continue;
    const y = fit === 'logit' ? Math.log(m / (1 - m)) : Math.log(m);
    sxx += (x - xBar) * (x - xBar);
    sy += y;
    sxy += (x - xBar) * y;
  }
  let alpha = sy / count;
  let d = sxy / sxx;
  if (fit === 'log') {
    let ss = logSquares(mx, fitFrom, fitTo, xBar, alpha, d);
    for (let iter = 0; iter < MAX_GAUSS_NEWTON; iter++) {
      // Normal equations JᵀJ δ = −Jᵀr with J = (1 − m̂)[1, x − x̄], r = ln m̂ − ln m.
      let a11 = 0;
      let a12 = 0;
      let a22 = 0;
      let b1 = 0;
      let b2 = 0;
      for (let x = fitFrom; x <= fitTo; x++) {
        const m = mx[x] as number;
        if (!(m > 0)) continue;
        const u = x - xBar;
        const eta = alpha + d * u;
        const s = 1 / (1 + Math.exp(eta)); // 1 − m̂
        const r = logLogistic(eta) - Math.log(m);
        a11 += s * s;
        a12 += s * s * u;
        a22 += s * s * u * u;
        b1 -= s * r;
        b2 -= s * u * r;
      }
      const det = a11 * a22 - a12 * a12;
      if (!(det > 0)) break;
      let da = (b1 * a22 - b2 * a12) / det;
      let dd = (a11 * b2 - a12 * b1) / det;
      let next = logSquares(mx, fitFrom, fitTo, xBar, alpha + da, d + dd);
      for (let h = 0; h < 60 && !(next < ss); h++) {
        da /= 2;
        dd /= 2;
        next = logSquares(mx, fitFrom, fitTo, xBar, alpha + da, d + dd);
      }
      if (!(next < ss)) break; // no step lowers the sum of squares: at the minimum (to rounding)
      alpha += da;
      d += dd;
      ss = next;
    }
  }
  params[0] = alpha - d * xBar;
  params[1] = d;
}

/** ln of the logistic e^η/(1 + e^η), without overflow for large η. */
function logLogistic(eta: number): number {
  return eta > 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
}

/** Σ (ln m̂ − ln m)² of the 'log' fit at (alpha, d), ages centred on x̄. */
function logSquares(mx: ArrayLike<number>, fitFrom: number, fitTo: number, xBar: number, alpha: number, d: number): number {
  let ss = 0;
  for (let x = fitFrom; x <= fitTo; x++) {
    const m = mx[x] as number;
    if (!(m > 0)) continue;
    const r = logLogistic(alpha + d * (x - xBar)) - Math.log(m);
    ss += r * r;
  }
  return ss;
}

/** The Kannisto rate at age x for params [ln c, d]: c e^{dx}/(1 + c e^{dx}) = 1/(1 + e^{−(ln c + d x)}). */
export function kannistoRate(params: ArrayLike<number>, x: number): number {
  return 1 / (1 + Math.exp(-((params[0] as number) + (params[1] as number) * x)));
}

/**
 * Unchecked core of the extension: fits on `mx[fitFrom..fitTo]` ({@link fitKannisto}) and writes
 * the fitted rates at ages `from..to` into `mx` in place (`mx.length > to`; the rates below `from`
 * are left as they are). `params` (length 2) receives [ln c, d]. No allocation, so that a solver
 * can extend tables in a loop. Throws nothing (unchecked; `kannistoMx` validates).
 *
 * @example
 * const m = Float64Array.from({ length: 131 }, (_, x) => (x < 100 ? 1 / (1 + Math.exp(11 - 0.11 * x)) : 0));
 * extendKannistoMx(m, 80, 99, 100, 130, 'logit', new Float64Array(2));
 * m[130] // 0.9644  (the logistic at 130: 1/(1 + e^(11 − 14.3)))
 */
export function extendKannistoMx(mx: Float64Array, fitFrom: number, fitTo: number, from: number, to: number, fit: KannistoFit, params: Float64Array): void {
  fitKannisto(mx, fitFrom, fitTo, fit, params);
  for (let x = from; x <= to; x++) mx[x] = kannistoRate(params, x);
}

/** Kannisto options as the public functions take them (defaults resolved by `resolveKannisto`). */
export interface KannistoOptions {
  /** Open age of the result: rates are given at ages 0..to, the last the open rate. Default 130. */
  to?: number | undefined;
  /** First age of the fit; default 80 (as ccmppWPP). */
  fitFrom?: number | undefined;
  /** Last age of the fit; default the last closed age of the rates (their open age − 1). */
  fitTo?: number | undefined;
  /** First age whose rate is replaced by the fitted one; default the rates' open age (whose rate is not a single-age rate). */
  from?: number | undefined;
  /** 'log' (default, as DemoTools) or 'logit'. */
  fit?: KannistoFit | undefined;
}

/** Kannisto options with every default resolved and checked against the rates. */
export interface ResolvedKannisto {
  to: number;
  fitFrom: number;
  fitTo: number;
  from: number;
  fit: KannistoFit;
}

/**
 * Resolves the defaults of Kannisto options (already of the right shape) against single-age rates
 * `mx` (open at ω = mx.length − 1) and checks how the ages relate: fitFrom < fitTo ≤ ω − 1 (two
 * closed ages at least), 1 ≤ from ≤ ω, to ≥ max(from, ω); every fitted rate > 0 ('log'), and < 1
 * too ('logit'). Throws an `InputError` naming `path.<option>` (or `mxPath[x]`) otherwise.
 */
export function resolveKannisto(mx: ArrayLike<number>, o: KannistoOptions, path: string, mxPath: string): ResolvedKannisto {
  const omega = mx.length - 1;
  const to = o.to ?? MAX_OPEN_AGE;
  const fitTo = o.fitTo ?? omega - 1;
  const fitFrom = o.fitFrom ?? Math.min(DEFAULT_KANNISTO_FIT_FROM, fitTo - 1);
  const from = o.from ?? omega;
  const fit = o.fit ?? DEFAULT_KANNISTO_FIT;
  if (fitTo > omega - 1) fail(`${path}.fitTo`, `expected at most the last closed age of the rates, ${omega - 1}`, fitTo);
  if (!(fitFrom < fitTo)) fail(`${path}.fitFrom`, `expected an age below fitTo ${fitTo} (the fit needs 2 ages at least)`, fitFrom);
  if (from < 1 || from > omega) fail(`${path}.from`, `expected an age from 1 to the rates' open age ${omega}`, from);
  if (to < Math.max(from, omega)) fail(`${path}.to`, `expected at least the rates' open age ${Math.max(from, omega)}`, to);
  const issues: Issue[] = [];
  for (let x = fitFrom; x <= fitTo; x++) {
    const m = mx[x] as number;
    if (!(m > 0)) issues.push({ path: `${mxPath}[${x}]`, rule: `expected a rate > 0 at a fitted age (the Kannisto fit takes its log)`, value: m });
    else if (fit === 'logit' && !(m < 1)) issues.push({ path: `${mxPath}[${x}]`, rule: `expected a rate < 1 at a fitted age (the 'logit' fit takes ln(m/(1 − m)))`, value: m });
  }
  if (issues.length) throw new InputError(issues);
  return { to, fitFrom, fitTo, from, fit };
}
