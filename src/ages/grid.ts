import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { openAgeRule, widthValue } from '../validate/schemas.js';

/**
 * The age grids: groups of width n = 5 (the default: group `i` is `[5i, 5i+5)`) or n = 1 (single
 * years, group `i` is age `i`); the last group, starting at `openAge`, is open. A grid with open
 * age A has A/n + 1 groups. A projection's periods are as wide as its age groups.
 */

/** Width of every closed group on the 5-year grid, in years (the default grid). */
export const STEP = 5;

/** Width of a grid's closed groups and of a projection's periods, in years: 5 (the default) or 1 (single years, WPP 2022+). */
export type Width = 1 | 5;

/** Default open age of a projection (`100+`). */
export const DEFAULT_OPEN_AGE = 100;

/** Number of groups of a grid of `width`-year groups whose open group starts at `openAge`. */
export function groupCount(openAge: number, width: Width = STEP): number {
  checkOpenAge(openAge);
  return openAge / width + 1;
}

/** Open age of a grid of `groups` groups of `width` years. */
export function openAgeOf(groups: number, width: Width = STEP): number {
  return (groups - 1) * width;
}

/** Checks an open age by the one rule of every `openAge` (`openAgeValue` in validate/schemas.ts), at least `min`. */
export function checkOpenAge(openAge: number, path = 'openAge', min = STEP): void {
  const { ok, rule } = openAgeRule(min);
  if (!ok(openAge)) fail(path, rule, openAge);
}

/**
 * Labels of the groups of a grid: 5-year groups `['0-4', '5-9', …, '100+']`, or single years
 * `['0', '1', …, '100+']` with `width` 1. Throws an InputError for an open age that is not a
 * multiple of 5 from 5 to 130, or a width other than 1 or 5.
 *
 * @example
 * ageGroupLabels(15) // ['0-4', '5-9', '10-14', '15+']
 * ageGroupLabels(5, 1) // ['0', '1', '2', '3', '4', '5+']
 */
export function ageGroupLabels(openAge: number, width: Width = STEP): string[] {
  parseWith(widthValue(), width, 'width');
  const key = 2 * openAge + (width === 1 ? 1 : 0);
  let labels = labelCache.get(key);
  if (!labels) {
    const n = groupCount(openAge, width);
    labels = [];
    for (let i = 0; i < n; i++) labels.push(ageGroupLabel(i, n, width));
    labelCache.set(key, labels);
  }
  return labels.slice();
}

const labelCache = new Map<number, string[]>();

/** Label of group `i` on a grid of `groups` groups of `width` years. */
export function ageGroupLabel(i: number, groups: number, width: Width = STEP): string {
  if (i === groups - 1) return `${openAgeOf(groups, width)}+`;
  return width === 1 ? `${i}` : `${STEP * i}-${STEP * i + STEP - 1}`;
}

/**
 * Parses a label of a grid's group into its starting age and whether it is open: a 5-year group
 * `'15-19'` (`{ start: 15, open: false }`), a single year of age `'17'` (`{ start: 17, open: false,
 * width: 1 }`: only a single year says its width, so a 5-year group parses as it always has), or an
 * open group `'85+'` or `'100+'` (`{ start: 85, open: true }`, which fits either grid). Spaces around
 * the numbers are allowed, and an en dash for the hyphen. Returns `undefined` for anything else
 * (`'15-20'`, `'adults'`).
 *
 * @example
 * parseAgeGroupLabel('15-19') // { start: 15, open: false }
 * parseAgeGroupLabel('17') // { start: 17, open: false, width: 1 }
 * parseAgeGroupLabel('100+') // { start: 100, open: true }
 */
export function parseAgeGroupLabel(label: string): { start: number; open: boolean; width?: 1 } | undefined {
  const open = /^\s*(\d+)\s*\+\s*$/.exec(label);
  if (open) return { start: Number(open[1]), open: true };
  const single = /^\s*(\d+)\s*$/.exec(label);
  if (single) return { start: Number(single[1]), open: false, width: 1 };
  const closed = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(label);
  if (closed && Number(closed[2]) === Number(closed[1]) + STEP - 1) return { start: Number(closed[1]), open: false };
  return undefined;
}
