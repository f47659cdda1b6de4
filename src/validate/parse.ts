import * as z from 'zod/mini';
import { InputError, formatPath, type Issue } from './errors.js';

type ZodIssue = z.core.$ZodIssue;

/** The rule of an unknown key whose schema gives no message of its own (the keys are the value). */
const NO_UNKNOWN_KEYS = 'expected no unknown keys';

/**
 * Parses `input` with a zod schema, or throws one InputError that lists every problem
 * with its path, its rule (the schema's message) and the offending value.
 * `prefix` is prepended to every path (the argument's name at the public boundary).
 */
export function parseWith<S extends z.core.$ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const fast = z.safeParse(schema, input); // valid input, the common case, skips the input reporting
  if (fast.success) return fast.data;
  const result = z.safeParse(schema, input, { reportInput: true, error: defaultMessage });
  if (result.success) return result.data;
  const issues: Issue[] = result.error.issues.flatMap((iss) => flatten(iss, [])).map(({ iss, path }) => {
    const at = formatPath([...(prefix ? [prefix] : []), ...path]);
    // An unknown key's value is the keys themselves.
    if (iss.code === 'unrecognized_keys') return { path: at, rule: iss.message, value: iss.keys.join(', ') };
    return { path: at, rule: iss.message, value: 'input' in iss ? iss.input : undefined };
  });
  throw new InputError(issues);
}

/**
 * The message of an issue whose schema gives none: ours for an unknown key, else zod's own English
 * wording (as its `en` locale words it), so that messages do not depend on which zod build — `zod`,
 * which loads that locale, or `zod/mini`, which loads none — is in the bundle. The schemas name
 * their rules almost everywhere; this covers the rest (a bare `z.string()`, `z.tuple`, …).
 */
function defaultMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'unrecognized_keys':
      return NO_UNKNOWN_KEYS;
    case 'invalid_type':
      return `Invalid input: expected ${iss.expected === 'nan' ? 'NaN' : iss.expected}, received ${received(iss.input)}`;
    case 'invalid_value':
      return iss.values.length === 1
        ? `Invalid input: expected ${primitive(iss.values[0])}`
        : `Invalid option: expected one of ${iss.values.map(primitive).join('|')}`;
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const adj = iss.exact ? 'exactly ' : `${small ? '>' : '<'}${iss.inclusive ? '=' : ''}`;
      const bound = String(small ? iss.minimum : iss.maximum);
      const unit = SIZED[iss.origin];
      const head = small ? `Too small: expected ${iss.origin}` : `Too big: expected ${iss.origin ?? 'value'}`;
      return unit ? `${head} to have ${adj}${bound} ${unit}` : `${head} to be ${adj}${bound}`;
    }
    case 'invalid_union': {
      const options = (iss as { options?: unknown }).options;
      if (Array.isArray(options) && options.length > 0) return `Invalid discriminator value. Expected ${options.map((o) => `'${String(o)}'`).join(' | ')}`;
      return iss.inclusive === false ? 'Invalid input: more than one option matched' : 'Invalid input';
    }
    case 'invalid_key':
      return `Invalid key in ${iss.origin}`;
    case 'invalid_element':
      return `Invalid value in ${iss.origin}`;
    default:
      return 'Invalid input';
  }
}

/** Units of the sized kinds, as zod words a length bound. */
const SIZED: Record<string, string | undefined> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

/** The kind of a value, as zod names it in "received …". */
function received(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && 'constructor' in v && v.constructor) return (v.constructor as { name: string }).name;
  return typeof v;
}

function primitive(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `"${v}"` : String(v);
}

/**
 * A union's issue hides what went wrong inside the branch the input was meant for. Report instead the
 * issues of the branch the input comes closest to: among the branches of the input's kind, the one
 * with the fewest issues, and of those the one whose issues lie deepest (it got furthest into the
 * input) — when that picks a single branch (e.g. an anchor object with one bad value, for a
 * number-or-anchors path).
 */
function flatten(iss: ZodIssue, base: readonly PropertyKey[]): { iss: ZodIssue; path: PropertyKey[] }[] {
  const path = [...base, ...iss.path];
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    // Leaves are counted after flattening, so nested unions compare by their real problems.
    // A branch whose only complaint is that the input is not of its kind at all (another type, or
    // not its literal) is not the branch the input was meant for.
    const ofKind = (b: readonly ZodIssue[]) => !(b.length === 1 && b[0]!.path.length === 0 && (b[0]!.code === 'invalid_type' || b[0]!.code === 'invalid_value'));
    const typed = iss.errors.filter(ofKind);
    const leaves = typed.map((branch) => branch.flatMap((inner) => flatten(inner, path)));
    const depth = (l: readonly { path: PropertyKey[] }[]) => Math.max(...l.map((x) => x.path.length));
    const fewest = Math.min(...leaves.map((l) => l.length));
    const few = leaves.filter((l) => l.length === fewest);
    const deepest = Math.max(...few.map(depth));
    const closest = few.filter((l) => depth(l) === deepest);
    if (closest.length === 1) return closest[0]!;
  }
  return [{ iss, path }];
}
