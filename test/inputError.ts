import { expect } from 'vitest';
import { InputError } from '../src/validate/errors.js';

/** Runs `fn`, expects it to throw an InputError, and returns that error. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

/** The message of the InputError `fn` throws. */
export function messageOf(fn: () => unknown): string {
  return inputErrorOf(fn).message;
}
