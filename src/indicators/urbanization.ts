import { parseWith } from '../validate/parse.js';
import { bounded, finite, MAX_HORIZON } from '../validate/schemas.js';
import * as z from 'zod/mini';

const share = finite().check(z.gt(0, { error: 'expected a share in (0, 1)' }), z.lt(1, { error: 'expected a share in (0, 1)' }));

const logit = (p: number) => Math.log(p / (1 - p));

const SPAN_RULE = `expected a number of years from -${MAX_HORIZON} to ${MAX_HORIZON}`;
/** A span of years: at least one day (a shorter one makes the rate overflow), at most the longest projection. */
const yearsSpan = finite().check(
  z.gte(1 / 365, { error: `expected a number of years from 1/365 to ${MAX_HORIZON}` }),
  z.lte(MAX_HORIZON, { error: `expected a number of years from 1/365 to ${MAX_HORIZON}` }),
);

/**
 * Urban–rural growth difference (URGD) between two urban shares `years` apart: the difference of the
 * urban and rural growth rates, which equals the annual change of logit(urban share):
 * URGD = (logit(end) − logit(start)) / years (United Nations 1974, *Methods for Projections of Urban
 * and Rural Population*, Manual VIII; the method of the UN *World Urbanization Prospects*).
 *
 * @example
 * urgd(0.5886, 0.6417, 5) // ≈ 0.0449 a year (Yingkou 2010–2015)
 */
export function urgd(shareStart: number, shareEnd: number, years: number): number {
  const a = parseWith(share, shareStart, 'shareStart');
  const b = parseWith(share, shareEnd, 'shareEnd');
  const n = parseWith(yearsSpan, years, 'years');
  return (logit(b) - logit(a)) / n;
}

/**
 * Urban share `years` on at a constant URGD: logit(share(t)) = logit(share) + URGD · t, i.e.
 * share(t) = 1 / (1 + (1 − share)/share · e^(−URGD·t)).
 *
 * @example
 * projectUrbanShare(0.6417, 0.045, 15) // ≈ 0.779
 */
export function projectUrbanShare(shareNow: number, growthDifference: number, years: number): number {
  const p = parseWith(share, shareNow, 'share');
  const u = parseWith(finite(), growthDifference, 'urgd');
  const t = parseWith(bounded().check(z.gte(-MAX_HORIZON, { error: SPAN_RULE }), z.lte(MAX_HORIZON, { error: SPAN_RULE })), years, 'years');
  return 1 / (1 + ((1 - p) / p) * Math.exp(-u * t));
}
