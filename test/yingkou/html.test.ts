import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { esc } from '../../src/report/html.js';
import { yingkouReport, type YingkouReport } from '../../src/yingkou/report.js';
import { yingkouVerdict } from '../../src/yingkou/text.js';

// Issue 11 §2: a reader of report.html alone sees the verdict ("No" and why), the flags, and
// captions that say what the marks are (their agreement with the specs: test/report/captions.test.ts).

let html: string;
let r: YingkouReport;
beforeAll(async () => {
  const out = await runCli(['yingkou', '--out', '/tmp/o']);
  expect(out.exitCode, out.stderr).toBe(0);
  html = out.files.find((x) => x.path.endsWith('report.html'))!.content;
  r = yingkouReport();
});

describe('report.html states the verdict', () => {
  it('the summary opens with the verdict of the text report, word for word', () => {
    const summary = /<section class="summary"[\s\S]*?<\/section>/.exec(html)![0];
    const v = yingkouVerdict(r);
    expect(v.reached).toBe(false);
    const first = /<li class="(\w+)">([^<]*)<\/li>/.exec(summary)!;
    expect(first[1]).toBe('missed');
    expect(first[2]).toBe(esc(`Verdict: no. ${v.text}`));
  });

  it('shows every warning of the report', () => {
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) expect(html).toContain(esc(`Flagged: ${w.message}.`));
  });

  it('labels what is random and what the interval is', () => {
    expect(html).toContain(esc("Net migration: held fixed at the plan's figure (σ 0: not random)"));
    expect(html).toContain('its 95 % interval is the Monte Carlo error of that share (Wilson), not a range of populations');
    expect(html).toContain('about 50 % by construction, not a finding');
  });

  it('captions the marks as drawn: the median over the lines, the pyramid’s outlines as in its legend, the frontier’s 2030 TFR', () => {
    expect(html).toContain('dashed, over the lines: their median');
    expect(html).toContain('Filled bars: 2015; outlines: 2030, as in the legend.');
    expect(html).toContain('TFR in 2030 (children per woman)');
  });
});
