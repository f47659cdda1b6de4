import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt, locateJsonError, parseJson } from '../../src/cli/json.js';

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
  });
});
