/**
 * JSON syntax errors with their place. `JSON.parse` parses; when it fails, a small scanner of the
 * JSON grammar (RFC 8259) finds the first offending character and says what was expected there —
 * V8's own messages do not always carry a position (e.g. `Unexpected token '}', "…" is not valid JSON`).
 */

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
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const located = locateJsonError(text);
    if (located) return { ok: false, error: located };
    // The scanner accepted what JSON.parse refused: fall back to V8's words, at the start.
    return { ok: false, error: { offset: 0, line: 1, column: 1, rule: `expected valid JSON (${(e as Error).message})`, found: 'the text' } };
  }
}

/** The first syntax error of a JSON text, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(
      readonly at: number,
      readonly rule: string,
    ) {}
  }
  const stop = (rule: string, at = i): never => {
    throw new Stop(at, rule);
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
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
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
    return place(text, e.at, e.rule);
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

/** The line of `text` holding `offset`, and a caret under it (tabs kept so the caret lines up). */
export function excerpt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const line = text.slice(start, end).replace(/\r$/, '');
  const lead = line.slice(0, offset - start).replace(/[^\t]/g, ' ');
  return `${line}\n${lead}^`;
}
