import * as z from 'zod/mini';
import { positive, year } from '../validate/schemas.js';

/** A population target: `population` persons in `year`. */
export interface Target {
  year: number;
  population: number;
}

export const targetSchema = z.strictObject(
  { year: year(), population: positive() },
  { error: 'expected a target { year, population }' },
);

/**
 * Persons within which a target solve stops: the solution reaches the target (projected ≥ target)
 * and exceeds it by at most this much (issue 4: "solve to 1 person").
 */
export const TARGET_TOLERANCE = 1;
