/** Inputs remembered per memo (the most recent ones). */
const ENTRIES = 4;

/**
 * Remembers what was derived from validating an input object — by the object's identity, checked
 * against a snapshot of its contents. Calling again with the same, unchanged object skips the
 * validation (zod allocates, and costs more than a small projection); an object changed since is
 * validated again, so nothing stale is ever used. The snapshot is taken the second time an object
 * is seen, so fresh objects (a sweep building a scenario per call) pay almost nothing. Holds the
 * last few inputs. Inputs are plain data: numbers, strings, booleans, arrays, typed arrays and
 * plain objects.
 */
export class ValidationMemo<T> {
  private readonly entries: { input: object; value: T; snapshot: unknown }[] = [];
  private next = 0;

  get(input: unknown, derive: () => T): T {
    if (input === null || typeof input !== 'object') return derive();
    const entry = this.entries.find((e) => e.input === input);
    if (entry) {
      if (entry.snapshot !== NOT_TAKEN && sameData(entry.snapshot, input)) return entry.value;
      entry.snapshot = NOT_TAKEN; // if derive throws (bad input), the entry cannot match
      entry.value = derive();
      entry.snapshot = snapshotOf(input);
      return entry.value;
    }
    const value = derive();
    const fresh = { input, value, snapshot: NOT_TAKEN as unknown };
    if (this.entries.length < ENTRIES) this.entries.push(fresh);
    else this.entries[this.next] = fresh;
    this.next = (this.next + 1) % ENTRIES;
    return value;
  }
}

const NOT_TAKEN = Symbol('no snapshot');

function isTyped(v: unknown): v is Float64Array {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/** A deep copy of plain data (typed arrays copied; anything else kept by reference). */
function snapshotOf(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isTyped(v)) return v.slice();
  if (Array.isArray(v)) return v.map(snapshotOf);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = snapshotOf((v as Record<string, unknown>)[k]);
  return out;
}

/** Same plain data as the snapshot: values, array lengths, and object keys in the same order. */
function sameData(snap: unknown, v: unknown): boolean {
  if (snap === v) return true;
  if (snap === null || v === null || typeof snap !== 'object' || typeof v !== 'object') return Object.is(snap, v);
  if (isTyped(snap)) {
    if (!isTyped(v) || v.constructor !== snap.constructor || v.length !== snap.length) return false;
    for (let i = 0; i < snap.length; i++) if (!Object.is(snap[i], v[i])) return false;
    return true;
  }
  if (Array.isArray(snap)) {
    if (!Array.isArray(v) || v.length !== snap.length) return false;
    for (let i = 0; i < snap.length; i++) if (!sameData(snap[i], v[i])) return false;
    return true;
  }
  if (Array.isArray(v) || isTyped(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const a = Object.keys(snap);
  const b = Object.keys(v);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const k = a[i]!;
    if (k !== b[i] || !sameData((snap as Record<string, unknown>)[k], (v as Record<string, unknown>)[k])) return false;
  }
  return true;
}
