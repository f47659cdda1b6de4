/**
 * One error grammar for every boundary: `<path>: <rule>, got <value>`,
 * e.g. `srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got 1.07`.
 */

/** One problem with an input: where it is, which rule it breaks, what was given. */
export interface Issue {
  path: string;
  rule: string;
  value: unknown;
}

/**
 * Brands of the error classes, in the global symbol registry: the ESM and the CommonJS builds of
 * ccmpp (and two copies of the package) each define their own classes, and `instanceof` compares
 * classes, so an error from one build would not be an instance of the other's class. Each class
 * tests the brand instead ({@link CcmppError}'s `Symbol.hasInstance`), so `e instanceof InputError`
 * holds for an InputError from any build.
 */
const CCMPP_ERROR = Symbol.for('ccmpp.CcmppError');
const INPUT_ERROR = Symbol.for('ccmpp.InputError');

function branded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * Base class of every error ccmpp throws on purpose. `instanceof` recognises errors of every build
 * of ccmpp (ESM and CommonJS): it tests a brand registered with `Symbol.for`, not the class.
 */
export class CcmppError extends Error {
  override name = 'CcmppError';
  constructor(message?: string) {
    super(message);
    Object.defineProperty(this, CCMPP_ERROR, { value: true });
  }
  /** True for an error of this class from any build of ccmpp (its brand); for subclasses, the prototype test. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const cls: unknown = this;
    if (cls === CcmppError) return branded(value, CCMPP_ERROR);
    if (cls === InputError) return branded(value, INPUT_ERROR);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/** Most issues an InputError's message lists (all are in `issues`); the rest are counted. */
const MAX_LISTED_ISSUES = 20;

/**
 * Bad input, rejected at a public boundary. `issues` lists every problem found; the message lists
 * the first 20, each with a short rendering of its value, so that the message
 * stays a few kilobytes however big the input.
 */
export class InputError extends CcmppError {
  override name = 'InputError';
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    const lines = issues.slice(0, MAX_LISTED_ISSUES).map(formatIssue);
    if (issues.length > MAX_LISTED_ISSUES) lines.push(`… and ${issues.length - MAX_LISTED_ISSUES} more issues`);
    super(lines.join('\n'));
    Object.defineProperty(this, INPUT_ERROR, { value: true });
    this.issues = issues;
  }
}

/** Longest rendering of a value, a path or a rule in a message (characters). */
const MAX_QUOTE = 80;

/** Renders an issue in the library's grammar. */
function formatIssue({ path, rule, value }: Issue): string {
  return `${clip(path || '(input)', MAX_QUOTE * 2)}: ${clip(rule, MAX_QUOTE * 4)}, got ${formatValue(value)}`;
}

/** `s`, or its start and end around an ellipsis when longer than `max` characters. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return `${s.slice(0, half)}…${s.slice(s.length - half)}`;
}

/** A short rendering of a value for a message: at most about {@link MAX_QUOTE} characters, whatever the value. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length > MAX_QUOTE ? `${JSON.stringify(value.slice(0, MAX_QUOTE - 3))}... (${value.length} characters)` : JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const n = (value as ArrayLike<unknown>).length;
    return `an array of length ${n}`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length > 20) return `an object with ${keys.length} keys`;
  }
  try {
    const s = JSON.stringify(value);
    if (s === undefined) return String(value);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return clip(String(value), MAX_QUOTE);
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
