import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { MAX_OPEN_AGE, numbers, persons } from '../validate/schemas.js';
import { STEP } from './grid.js';

/**
 * Sums single years of age into 5-year groups: group i = Σ of ages 5i … 5i+4, and the open group
 * kept as it is. The counts must be persons (finite, 0 to 1e10) and the single-year open age
 * (length − 1) a multiple of 5 from 5 to 130 (else an InputError at `path`): the groups could not
 * be closed without splitting it. Persons are conserved exactly up to the order of additions.
 *
 * @example
 * aggregateSingleYears([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) // Float64Array [15, 40, 11]
 */
export function aggregateSingleYears(single: ArrayLike<number>, path = 'counts'): Float64Array {
  const counts = parseWith(numbers(persons()), single, path);
  const openAge = counts.length - 1;
  if (!(openAge >= STEP && openAge % STEP === 0 && openAge <= MAX_OPEN_AGE)) fail(path, `expected single years 0, 1, …, A−1 and A+ with A a multiple of 5 up to ${MAX_OPEN_AGE} (to sum into 5-year groups)`, single.length);
  const out = new Float64Array(openAge / STEP + 1);
  fillAggregate(counts, out);
  return out;
}

/** Unchecked core of {@link aggregateSingleYears}: `out` of length (single.length − 1)/5 + 1. No allocation. */
function fillAggregate(single: ArrayLike<number>, out: Float64Array): Float64Array {
  const groups = out.length;
  for (let g = 0; g < groups - 1; g++) {
    let s = 0;
    for (let x = STEP * g; x < STEP * g + STEP; x++) s += single[x] as number;
    out[g] = s;
  }
  out[groups - 1] = single[single.length - 1] as number;
  return out;
}
