import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as leslie from '../../src/leslie.js';
import * as parallel from '../../src/parallel.js';
import * as testing from '../../src/testing/index.js';
import * as yingkouEntry from '../../src/yingkou/index.js';
import { deepFreeze } from '../../src/validate/freeze.js';

// Issue 11 §4: exported constants and the `yingkou` objects are frozen — arrays included — so
// that no caller can change them for the next. (zod schemas are excluded: zod keeps lazy caches
// on them; they describe input and hold no figures.)

const isSchema = (v: object) => '_zod' in v;

/** Paths under `v` that are not frozen, or that hold a typed array (which cannot be frozen). */
function unfrozen(v: unknown, path: string, out: string[], seen = new Set<object>()): string[] {
  if (v === null || typeof v !== 'object' || seen.has(v) || isSchema(v)) return out;
  seen.add(v);
  if (ArrayBuffer.isView(v)) out.push(`${path}: a typed array`);
  // A module namespace (`export * as arbitraries`) cannot be written to, though isFrozen says no.
  else if (!Object.isFrozen(v) && Object.prototype.toString.call(v) !== '[object Module]') out.push(path);
  else for (const k of Object.keys(v)) unfrozen((v as Record<string, unknown>)[k], `${path}.${k}`, out, seen);
  return out;
}

describe('exported values are deeply frozen', () => {
  const entries = { ccmpp: core, 'ccmpp/leslie': leslie, 'ccmpp/parallel': parallel, 'ccmpp/testing': testing, 'ccmpp/yingkou': yingkouEntry };
  for (const [entry, mod] of Object.entries(entries)) {
    it(entry, () => {
      const bad: string[] = [];
      for (const [name, value] of Object.entries(mod)) if (typeof value !== 'function') unfrozen(value, `${entry}.${name}`, bad);
      expect(bad).toEqual([]);
    });
  }

  it('yingkou.base2015 (computed on first read) is frozen, and writing to it throws', () => {
    const { yingkou } = yingkouEntry;
    expect(unfrozen(yingkou.base2015, 'base2015', [])).toEqual([]);
    const before = yingkou.base2015.female[0];
    expect(() => {
      (yingkou.base2015.female as number[])[0] = 0;
    }).toThrow(TypeError);
    expect(() => {
      (yingkou.scenarios.plan.fertility as { tfr: unknown }).tfr = 9;
    }).toThrow(TypeError);
    expect(yingkou.base2015.female[0]).toBe(before);
  });

  it('deepFreeze refuses a typed array (it cannot be frozen) rather than leave it writable', () => {
    expect(() => deepFreeze({ a: new Float64Array(2) })).toThrow(/typed array/);
    const o = deepFreeze({ a: [1, { b: 2 }] });
    expect(Object.isFrozen(o.a[1])).toBe(true);
  });
});
