import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { yingkouReport } from '../../src/yingkou/report.js';
import { formatYingkouReport } from '../../src/yingkou/text.js';

// The README's "The Yingkou answer" quotes the report `npm start` prints (`ccmpp yingkou`, whose
// text is formatYingkouReport(yingkouReport())): every quoted line must be a line of it, verbatim,
// and every figure of the verdict paragraph below the excerpt must be one the report prints.

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The section "## The Yingkou answer", up to the next heading. */
function section(): string {
  const m = /^## The Yingkou answer\n([\s\S]*?)(?=^## )/m.exec(README);
  if (!m) throw new Error('README has no section "## The Yingkou answer"');
  return m[1]!;
}

let text: string;
let lines: Set<string>;
beforeAll(() => {
  text = formatYingkouReport(yingkouReport());
  lines = new Set(text.split('\n'));
});

describe("README: the Yingkou answer quotes the report's text", () => {
  it('every line of the code block appears verbatim in the report', () => {
    const block = /```\n([\s\S]*?)\n```/.exec(section());
    expect(block, 'a ``` code block in the section').not.toBeNull();
    const quoted = block![1]!.split('\n');
    expect(quoted.filter((l) => l.trim() !== '').length).toBeGreaterThanOrEqual(10);
    const missing = quoted.filter((l) => !lines.has(l));
    expect(missing).toEqual([]);
  });

  it('the verdict paragraph gives figures the report prints', () => {
    const verdict = /\*\*Verdict: no\.\*\*([\s\S]*?)\n\n/.exec(section());
    expect(verdict, 'a "**Verdict: no.**" paragraph').not.toBeNull();
    const figures = verdict![1]!.match(/[+-]?\d[\d,.]*\d|\d/g)!;
    expect(figures.length).toBeGreaterThanOrEqual(8);
    for (const f of figures) expect(text, f).toContain(f);
  });

  it('no longer points to a special open age', () => {
    expect(section()).not.toContain('YINGKOU_OPEN_AGE');
    expect(section()).toContain('100+');
    expect(text).toContain('open age 100+.');
  });
});
