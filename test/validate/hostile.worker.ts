import { InputError } from '../../src/validate/errors.js';
import { CASES, hostileValues, slotsOf, withValue } from './hostile.cases.js';

/**
 * The hostile-input sweep, one call at a time, in a child process of hostile.test.ts: it announces
 * each call before making it (so that the parent, watching the clock, can tell which call hung or
 * crashed the process) and reports how it ended. Run: `node --import tsx test/validate/hostile.worker.ts [first]`.
 */

/** How one call ended. */
export type Outcome = 'ok' | 'input-error' | 'raw-zod' | 'long-message' | 'not-input-error' | 'non-finite' | 'negative-people';

/** zod's own English wording, which the library's grammar (`<path>: expected …, got …`) replaces. */
const RAW_ZOD = /Invalid input|expected [a-z]+, received|Too (small|big):|Invalid option|Invalid discriminator|Invalid (key|value) in/;
/** Longest message a bad input may produce: a few lines per issue, however big the input. */
export const MAX_MESSAGE_LENGTH = 4000;

function nonFinite(v: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : String(v);
  if (v === null || typeof v !== 'object' || seen.has(v)) return undefined;
  seen.add(v);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    for (const x of Array.from(v as unknown as ArrayLike<number>)) if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
    return undefined;
  }
  for (const k of Object.keys(v)) {
    const r = nonFinite((v as Record<string, unknown>)[k], seen);
    if (r !== undefined) return `${k}: ${r}`;
  }
  return undefined;
}

function classify(c: (typeof CASES)[number], out: unknown): { outcome: Outcome; detail?: string } {
  const bad = nonFinite(out);
  if (bad !== undefined) return { outcome: 'non-finite', detail: bad };
  for (const a of c.people?.(out) ?? []) for (let i = 0; i < a.length; i++) if (!(a[i]! >= 0)) return { outcome: 'negative-people', detail: String(a[i]) };
  return { outcome: 'ok' };
}

async function main(first: number): Promise<void> {
  const values = hostileValues();
  let id = 0;
  for (const c of CASES) {
    for (const slot of slotsOf(c)) {
      for (const { label, value } of values) {
        const here = id++;
        if (here < first) continue;
        const where = `${c.name} ${slot.map(String).join('.')} = ${label}`;
        process.send!({ type: 'start', id: here, where });
        let r: { outcome: Outcome; detail?: string };
        try {
          const args = withValue(c.args(), slot, value);
          let out = c.call(...args);
          if (out instanceof Promise) out = await out;
          r = classify(c, out);
        } catch (e) {
          if (!(e instanceof InputError)) r = { outcome: 'not-input-error', detail: `${(e as Error)?.name}: ${String((e as Error)?.message).slice(0, 200)}` };
          else if (e.message.length > MAX_MESSAGE_LENGTH) r = { outcome: 'long-message', detail: `${e.message.length} characters` };
          else if (RAW_ZOD.test(e.message)) r = { outcome: 'raw-zod', detail: e.message.slice(0, 200) };
          else r = { outcome: 'input-error' };
        }
        await new Promise<void>((done) => process.send!({ type: 'end', id: here, where, ...r }, () => done()));
      }
    }
  }
  process.send!({ type: 'done', count: id }, () => process.exit(0));
}

void main(Number(process.argv[2] ?? 0));
