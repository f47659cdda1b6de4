import * as z from 'zod/mini';
import { SEXES } from '../types.js';

/**
 * Shared zod building blocks. Their messages are the `rule` half of the error grammar
 * (`<path>: <rule>, got <value>`), so they read as "expected …".
 */

const FINITE = 'expected a finite number';

/** A finite number. */
export const finite = () => z.number({ error: FINITE });

/** A finite number >= 0. */
export const nonNegative = () => finite().check(z.gte(0, { error: 'expected a finite number >= 0' }));

/** A finite number > 0. */
export const positive = () => finite().check(z.gt(0, { error: 'expected a finite number > 0' }));

/** A probability-like number in [0, 1]. */
export const unit = () =>
  finite().check(z.gte(0, { error: 'expected a number in [0, 1]' }), z.lte(1, { error: 'expected a number in [0, 1]' }));

/** An integer year. */
export const year = () => finite().check(z.int({ error: 'expected an integer year' }));

/**
 * One of a fixed list of strings, with the list in its message: `expected 'a' or 'b'`,
 * `expected 'a', 'b' or 'c'`.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `'${v}'`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)!}`;
  return z.enum(values, { error: `expected ${list}` });
}

/** A sex: 'female' or 'male'. */
export const sexSchema = oneOf(SEXES);

/** Accepts any array-like of numbers (plain arrays, Float64Array, …) and hands zod a plain array. */
export function numbers<T extends z.ZodMiniType<number>>(element: T) {
  return z.pipe(
    z.transform((v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v)),
    z.array(element, { error: 'expected an array of numbers' }),
  );
}

/**
 * How far from 1 a set of shares (a fertility pattern, a migration age profile) may sum: wide
 * enough for shares printed to ~10 decimals or normalised in another tool, narrow enough that a
 * pattern off by one rounding step of a printed per cent (1e-7) is caught, not silently rescaled.
 */
export const SHARE_SUM_TOLERANCE = 1e-9;

/**
 * Shares: finite numbers ≥ 0 summing to 1 within {@link SHARE_SUM_TOLERANCE} (a wrong sum is
 * reported with the sum as the value), and `length` of them when given. Plain arrays only (JSON);
 * typed arrays go through {@link plainArrays} first.
 */
export function sharesSchema(length?: number, groups = 'age groups') {
  return z.array(nonNegative(), { error: 'expected an array of shares' }).check((ctx) => {
    const v = ctx.value;
    if (length !== undefined && v.length !== length) {
      ctx.issues.push({ code: 'custom', message: `expected ${length} shares (${groups})`, input: v });
      return;
    }
    let sum = 0;
    for (const x of v) {
      if (!(Number.isFinite(x) && x >= 0)) return; // reported element by element
      sum += x;
    }
    if (!(Math.abs(sum - 1) <= SHARE_SUM_TOLERANCE)) {
      ctx.issues.push({ code: 'custom', message: `expected shares that sum to 1 (within ${SHARE_SUM_TOLERANCE})`, input: sum });
    }
  });
}

/**
 * `value` with every typed array (at any depth) turned into a plain array, for JSON-shaped schemas;
 * `value` itself when it holds none (the common case costs one walk, no copy).
 */
export function plainArrays(value: unknown): unknown {
  return hasTypedArray(value) ? copyPlain(value) : value;
}

function isTyped(value: unknown): boolean {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function hasTypedArray(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isTyped(value)) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object' && hasTypedArray(v)) return true;
    return false;
  }
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object' && hasTypedArray(v)) return true;
  }
  return false;
}

function copyPlain(value: unknown): unknown {
  if (isTyped(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(copyPlain);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyPlain(v);
    return out;
  }
  return value;
}

/**
 * A strict object schema whose messages name its keys: `expected an object { a, b }` for a value
 * of another kind (or a missing one), `expected only the keys a, b` for an unknown key.
 */
export function keyedObject<S extends z.core.$ZodShape>(shape: S) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `expected only the keys ${keys}` : `expected an object { ${keys} }`),
  });
}
