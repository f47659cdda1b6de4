import { describe, expect, it } from 'vitest';
import { yearTable } from '../../src/cli/tables.js';
import { formatIndicator, INDICATOR_FORMAT } from '../../src/report/format.js';
import { formatCell } from '../../src/report/table.js';
import { project } from '../../src/scenario/project.js';
import { yingkou } from '../../src/yingkou/data.js';

// Issue 11 §6: one format per quantity. Old-age dependency (65+/15–64) printed 0.162 in the Yingkou
// report and 16.2 % in `ccmpp project`'s table: it is a ratio everywhere, as the CSV and JSON hold it.

const p = project(yingkou.base2015, yingkou.scenarios.plan, { until: 2030 });

describe('one format per quantity', () => {
  it('old-age dependency is a ratio with 3 decimals, never a per cent', () => {
    expect(INDICATOR_FORMAT.oldAgeDependency).toBe('ratio');
    expect(formatIndicator('oldAgeDependency', p.indicators.years[0]!.oldAgeDependency)).toBe('0.162');
  });

  it("the command's year table takes every indicator's format from INDICATOR_FORMAT", () => {
    const t = yearTable(p.indicators.years);
    for (const c of t.columns) if (c.key in INDICATOR_FORMAT) expect(c.format, c.key).toBe(INDICATOR_FORMAT[c.key as keyof typeof INDICATOR_FORMAT]);
    const col = t.columns.find((c) => c.key === 'oldAgeDependency')!;
    expect(formatCell(p.indicators.years[0]!.oldAgeDependency, col.format)).toBe('0.162');
  });
});
