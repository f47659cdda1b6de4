/**
 * One error grammar for every boundary: `<path>: <rule>, got <value>`,
 * e.g. `fertility.tfr.2030: expected a finite number >= 0, got -1`.
 */

/** One problem with an input: where it is, which rule it breaks, what was given. */
export interface Issue {
  path: string;
  rule: string;
  value: unknown;
}

/** Base class of every error ccmpp throws on purpose. */
export class CcmppError extends Error {
  override name = 'CcmppError';
}

/** Bad input, rejected at a public boundary. `issues` lists every problem found. */
export class InputError extends CcmppError {
  override name = 'InputError';
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/** Renders an issue in the library's grammar. */
function formatIssue({ path, rule, value }: Issue): string {
  return `${path || '(input)'}: ${rule}, got ${formatValue(value)}`;
}

export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const n = (value as ArrayLike<unknown>).length;
    return `an array of length ${n}`;
  }
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(value);
  }
}

/** Path segments → `a.b[3].c`; numeric segments are array indices, strings are keys. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** Throws an InputError for a single problem. */
export function fail(path: string, rule: string, value: unknown): never {
  throw new InputError([{ path, rule, value }]);
}
