/**
 * JSON syntax errors with their place. `JSON.parse` parses; when it fails, a small scanner of the
 * JSON grammar (RFC 8259) finds the first offending character and says what was expected there —
 * V8's own messages do not always carry a position (e.g. `Unexpected token '}', "…" is not valid JSON`).
 * Input files are also bounded in depth ({@link MAX_JSON_DEPTH}): deeper nesting is refused here,
 * with its place, rather than overflowing the stack of whatever walks the value later.
 */
import { MAX_DEPTH } from '../validate/schemas.js';

/**
 * The deepest nesting a JSON input may have, in levels below its top-level value: the library's
 * limit for any input ({@link MAX_DEPTH}, checked again when the value is validated), so that the
 * command refuses the same files, at once and with the line and column. RFC 8259 §9 lets a parser
 * limit it.
 */
export const MAX_JSON_DEPTH = MAX_DEPTH;

/** Characters of the offending line quoted on either side of the error (about 80 in all). */
const EXCERPT_HALF_WIDTH = 40;

/** Where a JSON text breaks the grammar and what was expected there. */
export interface JsonSyntaxError {
  /** Offset of the offending character (the text's length at an unexpected end). */
  offset: number;
  line: number;
  column: number;
  /** "expected …". */
  rule: string;
  /** What was found: a character, or "the end of the file". */
  found: string;
}

/**
 * Parses JSON text, or returns the first syntax error with its line and column (1-based). A leading
 * byte-order mark is dropped first, as editors write one.
 */
export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const located = locateJsonError(text);
    if (located) return { ok: false, error: located };
    // The scanner accepted what JSON.parse refused: fall back to V8's words (bounded), at the start.
    const words = clip((e as Error).message, 2 * EXCERPT_HALF_WIDTH);
    return { ok: false, error: { offset: 0, line: 1, column: 1, rule: `expected valid JSON (${words})`, found: 'the text' } };
  }
  // Valid JSON, but maybe too deep: the scanner stops at the first bracket past the limit.
  if (depthOf(value) > MAX_JSON_DEPTH) {
    const located = locateJsonError(text);
    return { ok: false, error: located ?? { offset: 0, line: 1, column: 1, rule: depthRule(), found: 'deeper nesting' } };
  }
  return { ok: true, value };
}

function depthRule(): string {
  return `expected data nested at most ${MAX_JSON_DEPTH} levels deep`;
}

/**
 * How deep the deepest array or object of a parsed JSON value lies, in levels below the value (the
 * value itself 0, the `[]` in `[[]]` 1; a scalar or an empty text -1), without recursion.
 */
function depthOf(value: unknown): number {
  let deepest = -1;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > deepest) deepest = d;
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return deepest;
}

/** At most `max` characters of `s`, with `…` where it was cut. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The first syntax error of a JSON text, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  let depth = -1; // levels below the top-level value of the array or object being read
  const n = text.length;
  class Stop {
    constructor(
      readonly at: number,
      readonly rule: string,
      readonly found?: string,
    ) {}
  }
  const stop = (rule: string, at = i, found?: string): never => {
    throw new Stop(at, rule, found);
  };
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) stop('expected a closing " (unterminated string)');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) stop('expected no control character inside a string (escape it)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) stop('expected an escape sequence after \\', i + 1);
        else if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else stop('expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)', i + 1);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) stop('expected a number');
    i += m![0].length;
    if (i < n && /[0-9.eE+-]/.test(text[i]!)) stop('expected a valid number (no leading zeros, digits after the point and the exponent)');
  };
  const value = (): void => {
    ws();
    if (i >= n) stop('expected a value');
    const c = text[i]!;
    if ((c === '{' || c === '[') && ++depth > MAX_JSON_DEPTH) stop(depthRule(), i, `a ${JSON.stringify(c)} ${depth} levels deep`);
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') stop(`expected a double-quoted property name`);
        string();
        ws();
        if (text[i] !== ':') stop("expected ':' after the property name");
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') stop('expected another property after the comma (JSON allows no trailing comma)');
          continue;
        }
        if (text[i] === '}') {
          i++;
          depth--;
          return;
        }
        stop("expected ',' or '}' after the property value");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        depth--;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') stop('expected another element after the comma (JSON allows no trailing comma)');
          continue;
        }
        if (text[i] === ']') {
          i++;
          depth--;
          return;
        }
        stop("expected ',' or ']' after the array element");
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    stop('expected a value (an object, array, string, number, true, false or null)');
  };
  try {
    value();
    ws();
    if (i < n) stop('expected nothing after the JSON value');
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const p = place(text, e.at, e.rule);
    return e.found === undefined ? p : { ...p, found: e.found };
  }
}

function place(text: string, offset: number, rule: string): JsonSyntaxError {
  let line = 1;
  let start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  const found = offset >= text.length ? 'the end of the file' : JSON.stringify(String.fromCodePoint(text.codePointAt(offset)!));
  return { offset, line, column: offset - start + 1, rule, found };
}

/**
 * The line of `text` holding `offset`, and a caret under it (tabs kept so the caret lines up). A
 * long line is cut to about 80 characters around the offset, `…` marking each cut, so that a
 * one-line file of megabytes gives a message of one line.
 */
export function excerpt(text: string, offset: number): string {
  const lineStart = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const from = Math.max(lineStart, offset - EXCERPT_HALF_WIDTH);
  const to = Math.min(lineEnd, Math.max(offset, from) + EXCERPT_HALF_WIDTH);
  const head = from > lineStart ? '…' : '';
  const line = `${head}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`;
  const lead = (head + text.slice(from, Math.min(offset, lineEnd))).replace(/[^\t]/g, ' ');
  return `${line}\n${lead}^`;
}
