import { extendKannistoMx, fitKannisto, resolveKannisto, type KannistoOptions } from '../lifetable/complete.js';
import { kannistoOptionsSchema, mxSingleSchema } from '../lifetable/schemas.js';
import { parseWith } from '../validate/parse.js';

export type { KannistoFit, KannistoOptions } from '../lifetable/complete.js';

/**
 * Single-age death rates extended to a high open age by Kannisto's logistic model:
 *
 *   m(x) = c e^{dx} / (1 + c e^{dx}),  i.e. logit m(x) = ln c + d x
 *
 * (Thatcher, Kannisto & Vaupel 1998, *The Force of Mortality at Ages 80 to 120*), fitted on the
 * single ages `fitFrom`…`fitTo` of `mx` (rates at ages 0, 1, …, ω, the last the open rate) and
 * evaluated at ages `from`…`to`; the rates below `from` are kept. The result holds rates at ages
 * 0…`to`, the last being the open rate of `to`+ (the fitted m(to), as DemoTools `lt_single_mx`
 * closes its tables at 130+).
 *
 * Defaults: `to` 130 (WPP 2022's single-age tables end at 130+); `fitFrom` 80 (as ccmppWPP, the
 * UN's WPP projection code; bayesPop fits 90–99); `fitTo` ω − 1, the last closed age (the open
 * rate is not a single-age rate); `from` ω (the open rate is replaced). Fit `'log'` (default):
 * least squares of ln m, Σ (ln m̂(x) − ln m(x))², the loss MortalityLaws calls LF2 and DemoTools
 * `lt_rule_m_extrapolate` uses by default, solved by Gauss–Newton from the Gompertz line; `'logit'`:
 * ordinary least squares of logit m on x (closed form). Both reproduce an exactly logistic input.
 *
 * Throws an `InputError` for rates that break `mxSingleSchema` (3 to 131 rates ≥ 0, the open one
 * > 0), unknown options or ages that are not integers 0–130, fewer than 2 fit ages or fit ages past
 * ω − 1, `from` outside 1…ω, `to` below `from` or ω, and a fitted rate ≤ 0 (or ≥ 1 under 'logit').
 *
 * @example
 * // An exactly logistic schedule (ln c = −11, d = 0.11) at ages 0–100, open at 100+, extended to 130+:
 * const m = Array.from({ length: 101 }, (_, x) => 1 / (1 + Math.exp(11 - 0.11 * x)));
 * const ext = kannistoMx(m, { fitFrom: 80 });
 * ext.length // 131
 * ext[120] // 0.9002  (1/(1 + e^(11 − 13.2)), the logistic at 120)
 */
export function kannistoMx(mx: ArrayLike<number>, options: KannistoOptions = {}): Float64Array {
  const m = parseWith(mxSingleSchema, mx, 'mx');
  const o = parseWith(kannistoOptionsSchema, options, 'options');
  const k = resolveKannisto(m, o, 'options', 'mx');
  const out = new Float64Array(k.to + 1);
  out.set(m); // every given rate (to ≥ ω); the fit reads them before the extension overwrites from `from` on
  extendKannistoMx(out, k.fitFrom, k.fitTo, k.from, k.to, k.fit, new Float64Array(2));
  return out;
}

/**
 * The Kannisto parameters fitted to single-age rates, `{ c, d }` of m(x) = c e^{dx}/(1 + c e^{dx}),
 * by the fit and on the ages of {@link kannistoMx} (its `to` and `from` play no part). Throws as
 * {@link kannistoMx}.
 *
 * @example
 * const m = Array.from({ length: 101 }, (_, x) => 1 / (1 + Math.exp(11 - 0.11 * x)));
 * kannistoFit(m, { fitFrom: 80, fit: 'logit' }).d // 0.11
 */
export function kannistoFit(mx: ArrayLike<number>, options: KannistoOptions = {}): { c: number; d: number } {
  const m = parseWith(mxSingleSchema, mx, 'mx');
  const o = parseWith(kannistoOptionsSchema, options, 'options');
  const k = resolveKannisto(m, o, 'options', 'mx');
  const params = new Float64Array(2);
  fitKannisto(m, k.fitFrom, k.fitTo, k.fit, params);
  return { c: Math.exp(params[0]!), d: params[1]! };
}
