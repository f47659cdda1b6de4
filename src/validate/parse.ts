import type { z } from 'zod';
import { InputError, formatPath, type Issue } from './errors.js';

type ZodIssue = z.core.$ZodIssue;

/**
 * Parses `input` with a zod schema, or throws one InputError that lists every problem
 * with its path, its rule (the schema's message) and the offending value.
 * `prefix` is prepended to every path (the argument's name at the public boundary).
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const fast = schema.safeParse(input); // valid input, the common case, skips the input reporting
  if (fast.success) return fast.data;
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues: Issue[] = result.error.issues.flatMap((iss) => flatten(iss, [])).map(({ iss, path }) => {
    const at = formatPath([...(prefix ? [prefix] : []), ...path]);
    if (iss.code === 'unrecognized_keys') {
      // zod's default message repeats the keys; ours names the rule and gives the keys as the value.
      const rule = iss.message.startsWith('Unrecognized key') ? 'expected no unknown keys' : iss.message;
      return { path: at, rule, value: iss.keys.join(', ') };
    }
    return { path: at, rule: iss.message, value: 'input' in iss ? iss.input : undefined };
  });
  throw new InputError(issues);
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
