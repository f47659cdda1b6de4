import * as z from 'zod/mini';
import { InputError, formatPath, type Issue } from './errors.js';
import { MAX_DEPTH, MAX_ITEMS } from './schemas.js';

type ZodIssue = z.core.$ZodIssue;

/** The rule of an unknown key whose schema gives no message of its own (the keys are the value). */
const NO_UNKNOWN_KEYS = 'expected no unknown keys';

/**
 * Parses `input` with a zod schema, or throws one InputError that lists every problem
 * with its path, its rule (the schema's message) and the offending value.
 * `prefix` is prepended to every path (the argument's name at the public boundary).
 */
export function parseWith<S extends z.core.$ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  checkSize(input, prefix);
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
 * The message of an issue whose schema gives none, in the library's grammar (`expected …`; the value
 * follows as `got …`), never zod's own wording ("Invalid input: expected object, received number"),
 * so that messages do not depend on which zod build is in the bundle. The schemas name their rules
 * almost everywhere; this covers the rest (a bare `z.object()`, `z.tuple`, …).
 */
function defaultMessage(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'unrecognized_keys':
      return NO_UNKNOWN_KEYS;
    case 'invalid_type':
      return `expected ${KINDS[iss.expected] ?? `a value of type ${iss.expected}`}`;
    case 'invalid_value':
      return `expected ${iss.values.map(primitive).join(' or ')}`;
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const bound = String(small ? iss.minimum : iss.maximum);
      const adj = iss.exact ? 'exactly' : small ? (iss.inclusive ? 'at least' : 'more than') : iss.inclusive ? 'at most' : 'less than';
      const unit = SIZED[iss.origin];
      return unit ? `expected ${adj} ${bound} ${unit}` : `expected a number ${adj} ${bound}`;
    }
    case 'invalid_union':
      return 'expected one of the forms this field takes';
    case 'invalid_key':
      return `expected a valid key in this ${iss.origin}`;
    case 'invalid_element':
      return `expected valid values in this ${iss.origin}`;
    default:
      return 'expected a valid value';
  }
}

/** What a value of each zod type is called in a rule. */
const KINDS: Record<string, string | undefined> = {
  number: 'a finite number',
  nan: 'NaN',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  tuple: 'an array',
  record: 'an object',
  undefined: 'nothing (no value)',
  int: 'an integer',
};

/** Units of the sized kinds. */
const SIZED: Record<string, string | undefined> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };

function primitive(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : typeof v === 'string' ? `'${v}'` : String(v);
}

/** Most values (array items and object keys, all levels together) in one input. */
const MAX_VALUES = 100 * MAX_ITEMS;

/**
 * Rejects, before any schema sees it, an input too big or too deep to validate quickly: an array
 * (or typed array) longer than {@link MAX_ITEMS}, an object with more keys, more than
 * {@link MAX_VALUES} values in all, nesting deeper than {@link MAX_DEPTH}, or a cycle. The recursion
 * stops at {@link MAX_DEPTH}, so a deep input cannot overflow the stack here. Allocates nothing
 * unless it fails (the path is rebuilt then): it runs on every call of every public function.
 */
function checkSize(input: unknown, prefix: string): void {
  if (input === null || typeof input !== 'object') return;
  const keys: PropertyKey[] = [];
  const ancestors: object[] = [];
  let values = 0;
  const fail = (rule: string, value: unknown): never => {
    throw new InputError([{ path: formatPath(prefix ? [prefix, ...keys] : keys), rule, value }]);
  };
  const walk = (v: object): void => {
    if (ArrayBuffer.isView(v)) {
      const n = (v as unknown as ArrayLike<number>).length ?? 0;
      if (n > MAX_ITEMS) fail(`expected at most ${MAX_ITEMS} items`, v);
      values += n;
      return;
    }
    if (ancestors.includes(v)) fail('expected plain data without cycles', v);
    if (ancestors.length >= MAX_DEPTH) fail(`expected data nested at most ${MAX_DEPTH} levels deep`, v);
    const isArray = Array.isArray(v);
    const names = isArray ? null : Object.keys(v);
    const n = names ? names.length : (v as unknown[]).length;
    if (n > MAX_ITEMS) fail(`expected at most ${MAX_ITEMS} ${names ? 'keys' : 'items'}`, v);
    values += n;
    if (values > MAX_VALUES) fail(`expected at most ${MAX_VALUES} values in all`, v);
    ancestors.push(v);
    for (let i = 0; i < n; i++) {
      const k = names ? names[i]! : i;
      const child = (v as Record<PropertyKey, unknown>)[k];
      if (child !== null && typeof child === 'object') {
        keys.push(k);
        walk(child);
        keys.pop();
      }
    }
    ancestors.pop();
  };
  walk(input);
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
