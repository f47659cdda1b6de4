import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt, locateJsonError, MAX_JSON_DEPTH, parseJson } from '../../src/cli/json.js';
import { MAX_DEPTH } from '../../src/validate/schemas.js';

// The JSON error locator agrees with JSON.parse on what is JSON: valid text is never flagged, and
// any text JSON.parse refuses gets a place and an "expected …" rule.

describe('locateJsonError', () => {
  it('finds nothing wrong in valid JSON (any value, any indentation)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        expect(locateJsonError(text)).toBeUndefined();
      }),
    );
  });

  it('places an error in every text JSON.parse refuses (valid JSON cut or with a character changed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', ':', 'x', '"', '\\', '\n', '0'), (v, at, ch) => {
        const text = JSON.stringify(v, null, 1) ?? 'null';
        const i = at % (text.length + 1);
        const broken = text.slice(0, i) + ch + text.slice(i + (ch === '' ? 1 : 0));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        const e = locateJsonError(broken);
        if (valid) expect(e).toBeUndefined();
        else {
          expect(e).toBeDefined();
          expect(e!.offset).toBeGreaterThanOrEqual(0);
          expect(e!.offset).toBeLessThanOrEqual(broken.length);
          expect(e!.rule).toMatch(/^expected /);
        }
      }),
    );
  });

  it('says what was expected, where', () => {
    const at = (t: string) => {
      const r = parseJson(t);
      if (r.ok) throw new Error('expected an error');
      return `${r.error.line}:${r.error.column} ${r.error.rule}, got ${r.error.found}`;
    };
    expect(at('{"a": 1,}')).toBe('1:9 expected another property after the comma (JSON allows no trailing comma), got "}"');
    expect(at('{"a": tru}')).toBe('1:7 expected a value (an object, array, string, number, true, false or null), got "t"');
    expect(at('[1 2]')).toBe("1:4 expected ',' or ']' after the array element, got \"2\"");
    expect(at('{\n "a":\n 01}')).toBe('3:3 expected a valid number (no leading zeros, digits after the point and the exponent), got "1"');
    expect(at("{'a': 1}")).toBe('1:2 expected a double-quoted property name, got "\'"');
    expect(at('"abc')).toBe('1:5 expected a closing " (unterminated string), got the end of the file');
    expect(at('{"a": 1} x')).toBe('1:10 expected nothing after the JSON value, got "x"');
    expect(at('')).toBe('1:1 expected a value, got the end of the file');
    expect(at('{"a":"\\q"}')).toBe('1:8 expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX), got "q"');
  });

  it('shows the line with a caret under the column', () => {
    expect(excerpt('{\n  "a": ,\n}', 9)).toBe('  "a": ,\n       ^');
    expect(excerpt('\t"x"', 1)).toBe('\t"x"\n\t^');
    expect(excerpt('\n{', 0)).toBe('\n^'); // the error on an empty first line
  });

  it('quotes at most about 80 characters of a long line, the caret under the offending one', () => {
    const text = `{"a":[${'1,'.repeat(5_000_000)}]}`; // 10 MB on one line, a trailing comma
    const r = parseJson(text);
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toMatchObject({ line: 1, column: text.length - 1, found: '"]"' });
    const [line, caret] = excerpt(text, r.error.offset).split('\n');
    expect(line).toBe(`…${'1,'.repeat(20)}]}`);
    expect(caret).toBe(`${' '.repeat(41)}^`);
    expect(line![caret!.length - 1]).toBe(']');
    // In the middle of a long line: cut on both sides.
    const mid = `${'x'.repeat(1000)}!${'y'.repeat(1000)}`;
    expect(excerpt(mid, 1000)).toBe(`…${'x'.repeat(40)}!${'y'.repeat(39)}…\n${' '.repeat(41)}^`);
  });

  it('refuses nesting deeper than MAX_JSON_DEPTH (the library’s MAX_DEPTH), at the bracket past the limit, without recursing into it', () => {
    expect(MAX_JSON_DEPTH).toBe(MAX_DEPTH);
    for (const [open, close] of [['[', ']'], ['{"a":', '}']] as const) {
      // The top-level value and MAX_JSON_DEPTH levels below it.
      const ok = open.repeat(MAX_JSON_DEPTH + 1) + '1' + close.repeat(MAX_JSON_DEPTH + 1);
      expect(parseJson(ok).ok).toBe(true);
      for (const levels of [MAX_JSON_DEPTH + 2, 100_000]) {
        for (const text of [open.repeat(levels) + '1' + close.repeat(levels), open.repeat(levels)]) {
          const r = parseJson(text);
          expect(r.ok).toBe(false);
          if (r.ok) continue;
          expect(r.error).toEqual({
            offset: (MAX_JSON_DEPTH + 1) * open.length,
            line: 1,
            column: (MAX_JSON_DEPTH + 1) * open.length + 1,
            rule: `expected data nested at most ${MAX_JSON_DEPTH} levels deep`,
            found: `a "${open[0]}" ${MAX_JSON_DEPTH + 1} levels deep`,
          });
        }
      }
    }
  });
});
