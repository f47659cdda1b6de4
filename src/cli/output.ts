import pkg from '../../package.json';
import { reportHtml, type ReportDocument, type ReportSection } from '../report/html.js';
import type { VegaLiteSpec } from '../report/vegaLite.js';

/** What a command produces; `main.ts` prints `stdout` and writes `files` under `--out`. */
export interface CommandResult {
  stdout: string;
  /** Files to write, by name inside the `--out` directory (empty without `--out`). */
  files: OutputFile[];
}

export interface OutputFile {
  name: string;
  content: string;
}

export type Format = 'table' | 'csv' | 'json';

/** Version of ccmpp written into JSON output. */
export const VERSION: string = pkg.version;

/** JSON text of a value: typed arrays as arrays, NaN/Infinity as null (JSON has neither), 2-space indent. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v), 2)}\n`;
}

/** A chart of a report section, still as a spec: rendered to SVG when the page is built. */
export interface ChartRequest {
  title: string;
  spec: VegaLiteSpec;
  caption?: string;
}

/** A report whose charts are Vega-Lite specs. */
export interface ReportRequest extends Omit<ReportDocument, 'sections'> {
  sections: (Omit<ReportSection, 'charts'> & { charts?: ChartRequest[] })[];
}

/**
 * Renders a report's charts to SVG (vega, loaded only now: commands that write no report never load
 * it) and builds the self-contained `report.html`.
 */
export async function buildReportHtml(req: ReportRequest): Promise<string> {
  const { renderSvg } = await import('./render.js');
  let n = 0;
  const sections: ReportSection[] = [];
  for (const s of req.sections) {
    const { charts, ...rest } = s;
    const section: ReportSection = { ...rest };
    if (charts) {
      section.charts = [];
      for (const c of charts) {
        const svg = await renderSvg(c.spec, `chart${++n}`);
        section.charts.push(c.caption === undefined ? { title: c.title, svg } : { title: c.title, svg, caption: c.caption });
      }
    }
    sections.push(section);
  }
  return reportHtml({ ...req, sections, footer: req.footer ?? `Made with ccmpp ${VERSION}. Self-contained page: no scripts, nothing loaded from the network.` });
}
