import { z } from 'zod';

/**
 * Shared zod building blocks. Their messages are the `rule` half of the error grammar
 * (`<path>: <rule>, got <value>`), so they read as "expected …".
 */

const FINITE = 'expected a finite number';

/** A finite number. */
export const finite = () => z.number({ error: FINITE });

/** A finite number >= 0. */
export const nonNegative = () => finite().min(0, { error: 'expected a finite number >= 0' });

/** A finite number > 0. */
export const positive = () => finite().gt(0, { error: 'expected a finite number > 0' });

/** A probability-like number in [0, 1]. */
export const unit = () =>
  finite()
    .min(0, { error: 'expected a number in [0, 1]' })
    .max(1, { error: 'expected a number in [0, 1]' });

/** An integer year. */
export const year = () => finite().int({ error: 'expected an integer year' });

/** Accepts any array-like of numbers (plain arrays, Float64Array, …) and hands zod a plain array. */
export function numbers<T extends z.ZodType<number>>(element: T) {
  return z.preprocess(
    (v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v),
    z.array(element, { error: 'expected an array of numbers' }),
  );
}
