import type { Population, Target } from 'ccmpp';
import { LANGS, type Lang } from './i18n.js';
import { planAssumptions, type Anchor, type Assumptions } from './model.js';

/**
 * The whole state of the page, and its URL: every control is a query parameter, so a link opens the
 * same page (`?lang=zh&tfr=2015:0.71,2020:1.2,2030:1.8&target=2030:2600000…`). Parameters are
 * readable and short; an uploaded base travels as `base=year:f0,f1,…:m0,m1,…` (a few hundred
 * characters for 21 groups). A parameter that does not parse is an error naming it, the rule and
 * the value: the page says so and shows the defaults.
 */
export interface PageState {
  lang: Lang;
  assumptions: Assumptions;
  target: Target;
  /** Last year projected (the trajectory and the pyramid's slider run to it). */
  until: number;
  /** Year of the pyramid (the base year is overlaid). */
  pyramidYear: number;
  /** 5: 5-year groups and steps; 1: single years, annual steps. */
  width: 1 | 5;
  /** Scenario A of the comparison, when pinned. */
  pinned?: Assumptions;
  /** An uploaded place instead of Yingkou. */
  upload?: { name: string; base: Population };
  /** Monte Carlo: trajectories and seed. */
  trajectories: number;
  seed: number;
}

/** The page as it first opens: Yingkou, the plan, the 2030 target of 2.6 million. */
export function defaultState(): PageState {
  return { lang: 'en', assumptions: planAssumptions(), target: { year: 2030, population: 2_600_000 }, until: 2050, pyramidYear: 2030, width: 5, trajectories: 10_000, seed: 1 };
}

/** Largest number of trajectories the page runs (the library allows more; a page would hang). */
export const MAX_TRAJECTORIES = 200_000;

/** A parameter that does not parse: its name, the rule, the value. */
export class LinkError extends Error {
  override name = 'LinkError';
  constructor(param: string, rule: string, value: string) {
    super(`${param}: ${rule}, got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)}`);
  }
}

const num = (x: number) => String(x);
const anchorsText = (a: readonly Anchor[]) => a.map(([y, v]) => `${y}:${num(v)}`).join(',');

function assumptionParams(a: Assumptions, prefix: string, q: URLSearchParams): void {
  q.set(`${prefix}tfr`, anchorsText(a.tfr));
  q.set(`${prefix}e0`, anchorsText(a.e0));
  if (a.migration.mode === 'net') q.set(`${prefix}net`, anchorsText(a.migration.net));
  else {
    q.set(`${prefix}in`, anchorsText(a.migration.inPerYear));
    q.set(`${prefix}out`, anchorsText(a.migration.outRate));
  }
  q.set(`${prefix}srb`, num(a.srb));
}

/** The state as a query string (without the `?`). */
export function encodeState(s: PageState): string {
  const q = new URLSearchParams();
  q.set('lang', s.lang);
  assumptionParams(s.assumptions, '', q);
  q.set('target', `${s.target.year}:${num(s.target.population)}`);
  q.set('until', String(s.until));
  q.set('year', String(s.pyramidYear));
  q.set('width', String(s.width));
  q.set('n', String(s.trajectories));
  q.set('seed', String(s.seed));
  if (s.pinned) assumptionParams(s.pinned, 'a.', q);
  if (s.upload) {
    q.set('name', s.upload.name);
    const b = s.upload.base;
    q.set('base', `${b.year}:${Array.from(b.female).map(num).join(',')}:${Array.from(b.male).map(num).join(',')}${b.width === 1 ? ':1' : ''}`);
  }
  return q.toString();
}

const YEAR = /^-?\d{1,4}$/;

function parseNumber(text: string, param: string, rule: string): number {
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x)) throw new LinkError(param, rule, text);
  return x;
}

function parseAnchors(text: string, param: string): Anchor[] {
  const rule = 'expected year:value pairs separated by commas, years increasing (2015:0.71,2030:1.8)';
  const out: Anchor[] = [];
  for (const part of text.split(',')) {
    const [y, v, extra] = part.split(':');
    if (y === undefined || v === undefined || extra !== undefined || !YEAR.test(y)) throw new LinkError(param, rule, text);
    const year = Number(y);
    if (out.length > 0 && year <= out[out.length - 1]![0]) throw new LinkError(param, rule, text);
    out.push([year, parseNumber(v, param, rule)]);
  }
  if (out.length === 0 || out.length > 50) throw new LinkError(param, rule, text);
  return out;
}

function parseAssumptions(q: URLSearchParams, prefix: string, fallback: Assumptions): Assumptions {
  const get = (k: string) => q.get(prefix + k);
  const anchors = (k: string, d: readonly Anchor[]) => {
    const v = get(k);
    return v === null ? d : parseAnchors(v, prefix + k);
  };
  const inText = get('in');
  const outText = get('out');
  const net = get('net');
  if (net !== null && (inText !== null || outText !== null)) throw new LinkError(`${prefix}net`, `expected either ${prefix}net or ${prefix}in and ${prefix}out, not both`, net);
  const migration: Assumptions['migration'] =
    inText !== null || outText !== null
      ? { mode: 'gross', inPerYear: anchors('in', [[2015, 0]]), outRate: anchors('out', [[2015, 0]]) }
      : net !== null
        ? { mode: 'net', net: parseAnchors(net, `${prefix}net`) }
        : fallback.migration;
  const srbText = get('srb');
  return {
    tfr: anchors('tfr', fallback.tfr),
    e0: anchors('e0', fallback.e0),
    migration,
    srb: srbText === null ? fallback.srb : parseNumber(srbText, `${prefix}srb`, 'expected a number (boys per 100 girls)'),
  };
}

function parseInteger(q: URLSearchParams, param: string, fallback: number, lo: number, hi: number, rule: string): number {
  const v = q.get(param);
  if (v === null) return fallback;
  const x = Number(v);
  if (!/^-?\d+$/.test(v) || x < lo || x > hi) throw new LinkError(param, rule, v);
  return x;
}

function parseBase(text: string): Population {
  const parts = text.split(':');
  const rule = 'expected year:female counts:male counts (comma-separated), e.g. 2015:100,90,…:105,95,…';
  if (parts.length < 3 || parts.length > 4 || !YEAR.test(parts[0]!)) throw new LinkError('base', rule, text);
  const counts = (s: string) => s.split(',').map((x) => parseNumber(x, 'base', rule));
  const female = counts(parts[1]!);
  const male = counts(parts[2]!);
  if (female.length > 200 || male.length !== female.length) throw new LinkError('base', 'expected as many female as male counts (at most 200 each)', text);
  if (parts[3] !== undefined && parts[3] !== '1') throw new LinkError('base', 'expected a width of 1 after the counts, or none (5-year groups)', text);
  return { year: Number(parts[0]), female, male, ...(parts[3] === '1' ? { width: 1 as const } : {}) };
}

/**
 * The state a query string describes, missing parameters taken from the defaults. Throws a
 * {@link LinkError} naming the first parameter that does not parse. The values are checked by the
 * library when the page projects them (a TFR of 20 is an InputError shown beside its field).
 */
export function decodeState(search: string): PageState {
  const q = new URLSearchParams(search);
  const d = defaultState();
  const lang = q.get('lang') ?? d.lang;
  if (!LANGS.includes(lang as Lang)) throw new LinkError('lang', `expected one of ${LANGS.join(', ')}`, lang);
  const targetText = q.get('target');
  let target = d.target;
  if (targetText !== null) {
    const [y, p, extra] = targetText.split(':');
    const rule = 'expected year:population, e.g. 2030:2600000';
    if (y === undefined || p === undefined || extra !== undefined || !YEAR.test(y)) throw new LinkError('target', rule, targetText);
    target = { year: Number(y), population: parseNumber(p, 'target', rule) };
  }
  const widthText = q.get('width');
  if (widthText !== null && widthText !== '1' && widthText !== '5') throw new LinkError('width', 'expected 1 or 5', widthText);
  const assumptions = parseAssumptions(q, '', d.assumptions);
  const pinnedKeys = [...q.keys()].some((k) => k.startsWith('a.'));
  const baseText = q.get('base');
  const name = q.get('name');
  const s: PageState = {
    lang: lang as Lang,
    assumptions,
    target,
    until: parseInteger(q, 'until', d.until, -9999, 9999, 'expected a year'),
    pyramidYear: parseInteger(q, 'year', d.pyramidYear, -9999, 9999, 'expected a year'),
    width: widthText === null ? d.width : (Number(widthText) as 1 | 5),
    trajectories: parseInteger(q, 'n', d.trajectories, 1, MAX_TRAJECTORIES, `expected a whole number of trajectories from 1 to ${MAX_TRAJECTORIES}`),
    seed: parseInteger(q, 'seed', d.seed, -(2 ** 31), 2 ** 31 - 1, 'expected an integer seed'),
  };
  if (pinnedKeys) s.pinned = parseAssumptions(q, 'a.', assumptions);
  if (baseText !== null) s.upload = { name: name ?? 'upload', base: parseBase(baseText) };
  return s;
}
