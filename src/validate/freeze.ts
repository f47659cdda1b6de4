/**
 * Freezes `value` and every plain object and array reachable from it, so that an exported constant
 * cannot be changed by one caller for every later one. Typed arrays cannot be frozen (their
 * elements stay writable): a constant that must hold numbers holds a frozen plain array, and a
 * typed array found here is an error in the library, thrown at load.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (ArrayBuffer.isView(value)) throw new TypeError('deepFreeze: a typed array cannot be frozen; use a frozen plain array');
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in d) deepFreeze(d.value);
  }
  return Object.freeze(value);
}
