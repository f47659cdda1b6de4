import * as z from 'zod/mini';
import type { BySex } from '../types.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { e0Value, sexGapValue, srbValue } from '../validate/schemas.js';

/**
 * Default female-minus-male gap in e0: UN World Population Prospects 2019, China, 2015–2020,
 * e0 78.97 (female) − 74.47 (male) = 4.50 years (`data/mortality/china-2015-mx.json`).
 */
export const DEFAULT_SEX_GAP = 4.5;

const e0Schema = e0Value();
const srbSchema = srbValue();

const splitSchema = z.strictObject(
  { gap: z.optional(sexGapValue()), srb: srbValue() },
  { error: 'expected { gap?, srb }' },
);

/**
 * Splits a both-sex life expectancy into female and male ones with a female-minus-male gap, such that
 * their birth-weighted mean is `e0` again ({@link bothSexE0}):
 *
 *   e0F = e0 + gap · srb / (100 + srb),  e0M = e0F − gap
 *
 * (srb in males per 100 female births; design.md). Default gap 4.5 (UN WPP 2019, China 2015–2020).
 *
 * @example
 * splitE0(78.75, { srb: 107 }) // { female: 81.076…, male: 76.576… }
 */
export function splitE0(e0: number, options: { gap?: number; srb: number }): BySex<number> {
  const both = parseWith(e0Schema, e0, 'e0');
  const { gap = DEFAULT_SEX_GAP, srb } = parseWith(splitSchema, options, 'options');
  const { female, male } = splitE0Unchecked(both, gap, srb);
  if (!(male > 0) || !(female > 0))
    fail('options.gap', `expected a gap that leaves both e0 > 0 (female ${female}, male ${male})`, gap);
  return { female, male };
}

const bySexSchema = z.strictObject({ female: e0Value(), male: e0Value() }, { error: 'expected { female, male }' });

/**
 * Both-sex life expectancy from the sex-specific ones, weighted by births (srb males per 100
 * female births): e0 = (100 · e0F + srb · e0M) / (100 + srb). The inverse of {@link splitE0}.
 *
 * @example
 * bothSexE0({ female: 81.08, male: 76.58 }, 107) // 78.7539…
 */
export function bothSexE0(e0: BySex<number>, srb: number): number {
  const { female, male } = parseWith(bySexSchema, e0, 'e0');
  const s = parseWith(srbSchema, srb, 'srb');
  return bothSexE0Unchecked(female, male, s);
}

/** Unchecked core of {@link splitE0}: e0F = e0 + gap · srb / (100 + srb), e0M = e0F − gap. */
export function splitE0Unchecked(e0: number, gap: number, srb: number): BySex<number> {
  const female = e0 + (gap * srb) / (100 + srb);
  return { female, male: female - gap };
}

/** Unchecked core of {@link bothSexE0}: (100 · e0F + srb · e0M) / (100 + srb). */
export function bothSexE0Unchecked(female: number, male: number, srb: number): number {
  return (100 * female + srb * male) / (100 + srb);
}
