import * as z from 'zod/mini';
import { finite, oneOf } from '../validate/schemas.js';

/**
 * zod schema of a report page's document (`reportHtml`): strings where the page prints text, the
 * known verdict tones and cell formats, cells that are text, finite numbers or null. Loose objects
 * (extra keys are ignored, as the page ignores them).
 */

const text = (what: string) => z.string({ error: `expected a string (${what})` });
const cell = z.union([z.string(), finite(), z.null()], { error: 'expected a cell: a string, a finite number or null' });

const verdict = z.looseObject({ text: text('the verdict'), tone: z.optional(oneOf(['reached', 'missed', 'info'])) }, { error: 'expected a verdict { text, tone? }' });
const chart = z.looseObject({ title: text('the title'), svg: text('an <svg> document'), caption: z.optional(text('the caption')) }, { error: 'expected a chart { title, svg, caption? }' });
const column = z.looseObject(
  { key: text('the row key'), label: text('the header'), format: z.optional(oneOf(['text', 'persons', 'signed', 'percent1', 'percent2', 'ratio', 'fixed1', 'fixed2', 'fixed3'])) },
  { error: 'expected a column { key, label, format? }' },
);
const table = z.looseObject(
  {
    title: text('the title'),
    columns: z.array(column, { error: 'expected an array of columns' }),
    rows: z.array(z.record(z.string(), cell, { error: 'expected a row { key: cell }' }), { error: 'expected an array of rows' }),
    note: z.optional(text('the note')),
  },
  { error: 'expected a table { title, columns, rows, note? }' },
);
const texts = (what: string) => z.optional(z.array(text(what), { error: `expected an array of strings (${what})` }));
const section = z.looseObject(
  {
    heading: text('the heading'),
    paragraphs: texts('paragraphs'),
    verdicts: z.optional(z.array(verdict, { error: 'expected an array of verdicts' })),
    charts: z.optional(z.array(chart, { error: 'expected an array of charts' })),
    tables: z.optional(z.array(table, { error: 'expected an array of tables' })),
    notes: texts('notes'),
  },
  { error: 'expected a section { heading, paragraphs?, verdicts?, charts?, tables?, notes? }' },
);

/** A report document: title, subtitle?, summary?, sections, footer?. */
export const reportDocumentSchema = z.looseObject(
  {
    title: text('the title'),
    subtitle: z.optional(text('the subtitle')),
    summary: z.optional(z.array(verdict, { error: 'expected an array of verdicts' })),
    sections: z.array(section, { error: 'expected an array of sections' }),
    footer: z.optional(text('the footer')),
  },
  { error: 'expected a report document { title, subtitle?, summary?, sections, footer? }' },
);
