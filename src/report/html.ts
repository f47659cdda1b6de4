import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { reportDocumentSchema } from './documentSchema.js';
import { formatCell, isNumeric, type Table } from './table.js';

/** A verdict: one plain sentence with its numbers. `tone` colours its margin. */
export interface Verdict {
  text: string;
  /** 'reached' (green), 'missed' (red), 'info' (grey; default). */
  tone?: 'reached' | 'missed' | 'info';
}

/** A chart already rendered to SVG (the CLI renders the Vega-Lite specs with vega in Node). */
export interface ReportChart {
  title: string;
  /** An `<svg …>…</svg>` document, inlined as it is; it may not contain scripts. */
  svg: string;
  caption?: string;
}

/** One section of a {@link reportHtml} page: a heading, then paragraphs, verdicts, charts, tables and notes. */
export interface ReportSection {
  heading: string;
  /** Paragraphs before the rest. */
  paragraphs?: string[];
  verdicts?: Verdict[];
  charts?: ReportChart[];
  tables?: Table[];
  /** Bullet points after the rest (assumptions, sources). */
  notes?: string[];
}

/** Everything a report page shows, top to bottom. */
export interface ReportDocument {
  title: string;
  subtitle?: string;
  /** The answers first: shown in a box under the title. */
  summary?: Verdict[];
  sections: ReportSection[];
  /** Small print at the bottom (how the page was made). */
  footer?: string;
}

/**
 * One self-contained HTML page for a report: inline CSS, the charts as inline SVG, no scripts, no
 * fonts, images or styles fetched from anywhere, so it opens offline, prints, and can be mailed as
 * one file. Every text is HTML-escaped; the SVGs are inlined as given after a check that they are
 * SVG documents without scripts or external references.
 *
 * @example
 * reportHtml({ title: 'Yingkou 2030', summary: [{ text: 'The plan falls short by 170,000.', tone: 'missed' }], sections: [] })
 */
export function reportHtml(doc: ReportDocument): string {
  parseWith(reportDocumentSchema, doc, 'doc');
  const body: string[] = [];
  body.push(`<header><h1>${esc(doc.title)}</h1>${doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>` : ''}</header>`);
  if (doc.summary?.length) body.push(`<section class="summary" aria-label="summary"><h2>In short</h2>${verdictList(doc.summary)}</section>`);
  if (doc.sections.length > 1) {
    body.push(`<nav aria-label="contents"><ul>${doc.sections.map((s, i) => `<li><a href="#s${i + 1}">${esc(s.heading)}</a></li>`).join('')}</ul></nav>`);
  }
  doc.sections.forEach((s, i) => {
    const parts: string[] = [`<h2>${esc(s.heading)}</h2>`];
    for (const p of s.paragraphs ?? []) parts.push(`<p>${esc(p)}</p>`);
    if (s.verdicts?.length) parts.push(verdictList(s.verdicts));
    (s.charts ?? []).forEach((c, k) => parts.push(chartFigure(c, `sections[${i}].charts[${k}]`)));
    for (const t of s.tables ?? []) parts.push(tableHtml(t));
    if (s.notes?.length) parts.push(`<ul class="notes">${s.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`);
    body.push(`<section id="s${i + 1}">${parts.join('\n')}</section>`);
  });
  if (doc.footer) body.push(`<footer>${esc(doc.footer)}</footer>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

/** An HTML table; numeric columns right-aligned. */
function tableHtml(t: Table): string {
  const head = t.columns.map((c) => `<th scope="col"${isNumeric(c.format) ? ' class="num"' : ''}>${esc(c.label)}</th>`).join('');
  const rows = t.rows
    .map((r) => `<tr>${t.columns.map((c, j) => {
      const tag = j === 0 ? 'th scope="row"' : 'td';
      const close = j === 0 ? 'th' : 'td';
      return `<${tag}${isNumeric(c.format) ? ' class="num"' : ''}>${esc(formatCell(r[c.key], c.format))}</${close}>`;
    }).join('')}</tr>`)
    .join('\n');
  // The title is a heading above the table (a <caption> would wrap to the table's width).
  return `<figure class="table"><h3>${esc(t.title)}</h3><table aria-label="${esc(t.title)}"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>${t.note ? `<figcaption>${esc(t.note)}</figcaption>` : ''}</figure>`;
}

function verdictList(vs: readonly Verdict[]): string {
  return `<ul class="verdicts">${vs.map((v) => `<li class="${v.tone ?? 'info'}">${esc(v.text)}</li>`).join('')}</ul>`;
}

function chartFigure(c: ReportChart, path: string): string {
  const svg = c.svg.trim();
  if (!/^<svg[\s>]/.test(svg) || !svg.endsWith('</svg>')) fail(`${path}.svg`, 'expected an <svg> document', svg.slice(0, 40));
  if (/<script|<foreignObject|\son[a-z]+\s*=|(?:href|src)\s*=\s*["'](?!#)/i.test(svg))
    fail(`${path}.svg`, 'expected an SVG without scripts, event handlers or external references', c.title);
  // The chart draws its own title; the figure carries it as its accessible name.
  return `<figure class="chart" role="img" aria-label="${esc(c.title)}"><div class="svg">${svg}</div>${c.caption ? `<figcaption>${esc(c.caption)}</figcaption>` : ''}</figure>`;
}

/** Escapes text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5a5a5a; --rule: #d8d8d8; --reached: #1b7f4b; --missed: #b3261e; --info: #8a8a8a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 Helvetica, Arial, sans-serif; color: var(--ink); background: #fafafa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
header h1 { font-size: 1.8em; margin: 0.2em 0 0.1em; }
.subtitle { color: var(--muted); margin: 0 0 1em; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
nav ul { margin: 0.5em 0 1em; padding-left: 1.4em; color: var(--muted); }
nav a { color: inherit; }
.summary { background: #f3f6f9; border: 1px solid #dbe3ea; border-radius: 6px; padding: 4px 18px 10px; }
.summary h2 { border: 0; margin-top: 0.6em; }
ul.verdicts { list-style: none; padding: 0; margin: 0.6em 0; }
ul.verdicts li { margin: 0.45em 0; padding: 0.3em 0.8em; border-left: 5px solid var(--info); background: #fff; }
ul.verdicts li.reached { border-left-color: var(--reached); }
ul.verdicts li.missed { border-left-color: var(--missed); }
figure { margin: 1.2em 0; }
figure.chart .svg { overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.9em; margin-top: 0.3em; }
figure.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.9em; font-variant-numeric: tabular-nums; }
figure.table h3 { font-size: 1em; margin: 0 0 0.3em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #ececec; text-align: left; white-space: nowrap; }
thead th { border-bottom: 2px solid var(--rule); }
tbody tr:nth-child(even) { background: #f7f7f7; }
.num { text-align: right; }
ul.notes { color: var(--muted); font-size: 0.92em; }
footer { margin-top: 2.5em; color: var(--muted); font-size: 0.85em; border-top: 1px solid var(--rule); padding-top: 0.8em; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } figure, table { break-inside: avoid; } }
`;
