import pkg from '../../package.json';
import { reportHtml, type ReportDocument, type ReportSection } from '../report/html.js';
import type { VegaLiteSpec } from '../report/vegaLite.js';

/** What a command produces; `main.ts` prints `stdout` and writes `files` under `--out`. */
export interface CommandResult {
  stdout: string;
  /** Files to write, by name inside the `--out` directory (empty without `--out`). */
  files: OutputFile[];
}

interface OutputFile {
  name: string;
  content: string;
  /** A line for stderr about this file (its charts left out); `runCli` prints each distinct one once. */
  notice?: string;
}

export type Format = 'table' | 'csv' | 'json';

/** A progress display for long runs (simulation): the CLI gives one on a terminal, none in a pipe. */
export interface Progress {
  start(total: number): void;
  update(done: number): void;
  stop(): void;
}

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

/** `report.html` as built: its text, and a notice when its charts had to be left out. */
export type ReportHtml = Omit<OutputFile, 'name'>;

/**
 * What the command prints, once, when vega or vega-lite is missing: they are optional peer
 * dependencies (package.json), so that `npm install ccmpp` for the library does not carry them.
 */
export const CHARTS_HINT = 'ccmpp: report.html has no charts: they are drawn by vega and vega-lite, which are not installed. To get them: npm install vega vega-lite';

type Renderer = typeof import('./render.js');

/**
 * The SVG renderer (render.ts, which imports vega and vega-lite), or `undefined` when either
 * package is not installed. Any other failure to load it is a bug and propagates.
 */
async function loadRenderer(): Promise<Renderer | undefined> {
  try {
    return await import('./render.js');
  } catch (e) {
    if (isMissingPackage(e, ['vega', 'vega-lite'])) return undefined;
    throw e;
  }
}

/** Is `e` Node's "Cannot find package 'x'" (ERR_MODULE_NOT_FOUND) for one of `names`? */
function isMissingPackage(e: unknown, names: string[]): boolean {
  if (!(e instanceof Error) || (e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') return false;
  return names.some((n) => e.message.includes(`'${n}'`));
}

/**
 * Renders a report's charts to SVG (vega, loaded only now: commands that write no report never load
 * it) and builds the self-contained `report.html`. Without vega or vega-lite the page has everything
 * else, each section says which charts it lacks, and `notice` is {@link CHARTS_HINT}.
 */
export async function buildReportHtml(req: ReportRequest): Promise<ReportHtml> {
  let renderer: Renderer | undefined | null = null; // null: not loaded yet
  let n = 0;
  const sections: ReportSection[] = [];
  for (const s of req.sections) {
    const { charts, ...rest } = s;
    const section: ReportSection = { ...rest };
    if (charts?.length) {
      renderer ??= await loadRenderer();
      if (renderer === undefined) {
        const missing = `Charts left out (${charts.map((c) => c.title).join('; ')}): ccmpp draws them with vega and vega-lite, which are not installed here (npm install vega vega-lite).`;
        section.paragraphs = [...(section.paragraphs ?? []), missing];
      } else {
        section.charts = [];
        for (const c of charts) {
          const svg = await renderer.renderSvg(c.spec, `chart${++n}`);
          section.charts.push(c.caption === undefined ? { title: c.title, svg } : { title: c.title, svg, caption: c.caption });
        }
      }
    }
    sections.push(section);
  }
  const content = reportHtml({ ...req, sections, footer: req.footer ?? `Made with ccmpp ${VERSION}. Self-contained page: no scripts, nothing loaded from the network.` });
  return renderer === undefined ? { content, notice: CHARTS_HINT } : { content };
}
