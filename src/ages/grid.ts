import { fail } from '../validate/errors.js';
import { openAgeRule } from '../validate/schemas.js';

/**
 * The 5-year age grid: group `i` is `[5i, 5i+5)`; the last group, starting at `openAge`, is open.
 * A grid with open age A has A/5 + 1 groups.
 */

/** Width of every closed group on the projection grid, in years. */
export const STEP = 5;

/** Default open age of a projection (`100+`). */
export const DEFAULT_OPEN_AGE = 100;

/** Number of 5-year groups for a grid whose open group starts at `openAge`. */
export function groupCount(openAge: number): number {
  checkOpenAge(openAge);
  return openAge / STEP + 1;
}

/** Open age of a grid of `groups` 5-year groups. */
export function openAgeOf(groups: number): number {
  return (groups - 1) * STEP;
}

/** Checks an open age by the one rule of every `openAge` (`openAgeValue` in validate/schemas.ts), at least `min`. */
export function checkOpenAge(openAge: number, path = 'openAge', min = STEP): void {
  const { ok, rule } = openAgeRule(min);
  if (!ok(openAge)) fail(path, rule, openAge);
}

/**
 * Labels of the 5-year groups, `['0-4', '5-9', …, '100+']`.
 *
 * @example
 * ageGroupLabels(15) // ['0-4', '5-9', '10-14', '15+']
 */
export function ageGroupLabels(openAge: number): string[] {
  let labels = labelCache.get(openAge);
  if (!labels) {
    const n = groupCount(openAge);
    labels = [];
    for (let i = 0; i < n; i++) labels.push(ageGroupLabel(i, n));
    labelCache.set(openAge, labels);
  }
  return labels.slice();
}

const labelCache = new Map<number, string[]>();

/** Label of group `i` on a grid of `groups` groups. */
export function ageGroupLabel(i: number, groups: number): string {
  return i === groups - 1 ? `${openAgeOf(groups)}+` : `${STEP * i}-${STEP * i + STEP - 1}`;
}

/**
 * Parses a label such as `'15-19'` or `'85+'` into its starting age and whether it is open.
 * Returns `undefined` for anything else.
 */
export function parseAgeGroupLabel(label: string): { start: number; open: boolean } | undefined {
  const open = /^\s*(\d+)\s*\+\s*$/.exec(label);
  if (open) return { start: Number(open[1]), open: true };
  const closed = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(label);
  if (closed && Number(closed[2]) === Number(closed[1]) + STEP - 1) return { start: Number(closed[1]), open: false };
  return undefined;
}
