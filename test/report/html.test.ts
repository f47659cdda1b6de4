import { describe, expect, it } from 'vitest';
import { esc, reportHtml } from '../../src/report/html.js';
import { formatCell, tableText, type Table } from '../../src/report/table.js';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><clipPath id="c1"><rect width="5" height="5"/></clipPath></defs><path clip-path="url(#c1)" d="M0,0h5"/></svg>';
const table: Table = {
  title: 'Totals <by year>',
  columns: [
    { key: 'year', label: 'year' },
    { key: 'total', label: 'total', format: 'persons' },
    { key: 'share', label: '60+ share', format: 'percent1' },
  ],
  rows: [
    { year: '2015', total: 2443000, share: 0.2006 },
    { year: '2030', total: 2408970.4, share: null },
  ],
  note: 'Persons & shares.',
};

describe('reportHtml', () => {
  const html = reportHtml({
    title: 'Yingkou <2030>',
    subtitle: 'a "test"',
    summary: [{ text: 'Short by 191,030 & more.', tone: 'missed' }, { text: 'ok', tone: 'reached' }],
    sections: [
      { heading: 'Pictures', charts: [{ title: 'A chart', svg, caption: 'caption' }] },
      { heading: 'Tables', tables: [table], notes: ['note <1>'] },
    ],
    footer: 'made',
  });

  it('is one self-contained page: no scripts, no external styles, fonts, images or links', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    // The only URLs are SVG namespace names, which are never fetched.
    for (const m of html.matchAll(/https?:\/\/[^"'\s)]+/g)) expect(html.slice(m.index! - 7, m.index!)).toMatch(/xmlns(:\w+)?="$|mlns="$/);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('escapes every text and inlines the SVG as it is', () => {
    expect(html).toContain('<h1>Yingkou &lt;2030&gt;</h1>');
    expect(html).toContain('<p class="subtitle">a &quot;test&quot;</p>');
    expect(html).toContain('<li class="missed">Short by 191,030 &amp; more.</li>');
    expect(html).toContain(`<figure class="chart" role="img" aria-label="A chart"><div class="svg">${svg}</div><figcaption>caption</figcaption></figure>`);
    expect(html).toContain('<li>note &lt;1&gt;</li>');
    expect(esc(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('has a table of contents and HTML tables whose numbers are formatted and right-aligned', () => {
    expect(html).toContain('<nav aria-label="contents"><ul><li><a href="#s1">Pictures</a></li><li><a href="#s2">Tables</a></li></ul></nav>');
    expect(html).toContain('<h3>Totals &lt;by year&gt;</h3><table aria-label="Totals &lt;by year&gt;">');
    expect(html).toContain('<tr><th scope="row">2030</th><td class="num">2,408,970</td><td class="num">–</td></tr>');
    expect(html).toContain('<td class="num">20.1 %</td>');
  });

  it('refuses an SVG with a script, an event handler or an external reference, and anything not SVG', () => {
    const page = (s: string) => () => reportHtml({ title: 't', sections: [{ heading: 'h', charts: [{ title: 'c', svg: s }] }] });
    expect(page('<svg><script>alert(1)</script></svg>')).toThrow('sections[0].charts[0].svg: expected an SVG without scripts, event handlers or external references, got "c"');
    expect(page('<svg onload="x()"></svg>')).toThrow('expected an SVG without scripts');
    expect(page('<svg><image href="http://example.com/a.png"/></svg>')).toThrow('expected an SVG without scripts');
    expect(page('<div></div>')).toThrow('sections[0].charts[0].svg: expected an <svg> document, got "<div></div>"');
    expect(page(svg)).not.toThrow(); // a local reference (url(#c1)) is fine
  });
});

describe('tables as text', () => {
  it('aligns numbers right and text left, under a rule', () => {
    expect(tableText(table)).toBe(
      ['Totals <by year>', 'year      total  60+ share', '----  ---------  ---------', '2015  2,443,000     20.1 %', '2030  2,408,970          –', 'Persons & shares.', ''].join('\n'),
    );
  });

  it('formats cells by their column', () => {
    expect(formatCell(12345.6, 'persons')).toBe('12,346');
    expect(formatCell(-1234.4, 'signed')).toBe('-1,234');
    expect(formatCell(11732.2, 'signed')).toBe('+11,732');
    expect(formatCell(0.20064, 'percent2')).toBe('20.06 %');
    expect(formatCell(4.8468, 'fixed2')).toBe('4.85');
    expect(formatCell(null, 'persons')).toBe('–');
    expect(formatCell('out of reach', 'persons')).toBe('out of reach');
    expect(formatCell(NaN, 'fixed1')).toBe('NaN');
  });

  it('counts CJK characters as two columns', () => {
    const t = tableText({ title: 't', columns: [{ key: 'a', label: 'city' }, { key: 'b', label: 'n', format: 'persons' }], rows: [{ a: '营口', b: 1 }, { a: 'Yingkou', b: 2 }] });
    expect(t.split('\n').slice(1, 5)).toEqual(['city     n', '-------  -', '营口     1', 'Yingkou  2']);
  });
});
