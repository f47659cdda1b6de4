import type { z } from 'zod';
import { InputError, formatPath, type Issue } from './errors.js';

/**
 * Parses `input` with a zod schema, or throws one InputError that lists every problem
 * with its path, its rule (the schema's message) and the offending value.
 * `prefix` is prepended to every path (the argument's name at the public boundary).
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues: Issue[] = result.error.issues.map((iss) => {
    const path = formatPath([...(prefix ? [prefix] : []), ...iss.path]);
    const value = 'input' in iss ? iss.input : undefined;
    return { path, rule: iss.message, value };
  });
  throw new InputError(issues);
}
