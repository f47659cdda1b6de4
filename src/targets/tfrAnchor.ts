import type { Anchors } from '../scenario/path.js';

/**
 * The TFR anchoring rule of {@link requiredTfr} (one implementation, used by the solver on compiled
 * scenarios and by `applySolution` on scenarios as written): the path's anchors before `year` are
 * kept, those at or after it dropped, and (year, value) appended — so the path runs linearly from the
 * last kept anchor to `value` at `year` and stays there. A constant (one anchor at year −∞) counts as
 * an anchor at the base year, so the path runs from the constant at `baseYear` to `value` at `year`.
 * Unchecked: `year` > `baseYear`, sorted anchors.
 *
 * @example
 * tfrAnchoredAt({ years: [2015, 2020, 2030], values: [0.71, 1.2, 1.8] }, 2015, 2030, 2.4)
 * // { years: [2015, 2020, 2030], values: [0.71, 1.2, 2.4] }
 * tfrAnchoredAt({ years: [-Infinity], values: [1.5] }, 2015, 2030, 2.4)
 * // { years: [2015, 2030], values: [1.5, 2.4] }
 */
export function tfrAnchoredAt(a: Anchors, baseYear: number, year: number, value: number): Anchors {
  const years: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < a.years.length; i++) {
    if (a.years[i]! < year) {
      years.push(a.years[i] === -Infinity ? baseYear : a.years[i]!); // a constant: from the base year
      values.push(a.values[i]!);
    }
  }
  years.push(year);
  values.push(value);
  return { years, values };
}
