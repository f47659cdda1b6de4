import './style.css';
import { InputError, pathValue, projectUrbanShare, urgd, type Population } from 'ccmpp';
import { yingkou } from 'ccmpp/yingkou';
import { parsePopulationCsv } from '../../src/cli/populationCsv.js';
import { UserError } from '../../src/cli/userError.js';
import { chartSpecs, chartTables, type ChartTable } from './charts.js';
import { resultsCsv, baseJson, scenarioJson, cliCommand } from './downloads.js';
import { fill, formats, LANGS, MESSAGES, type Lang } from './i18n.js';
import { answer, pathOf, PRESETS, presetAssumptions, scenarioOf, withAnchor, yingkouPlace, type Anchor, type Answers, type Assumptions, type Place, type PresetName } from './model.js';
import { drawChart } from './render.js';
import { decodeState, defaultState, encodeState, MAX_TRAJECTORIES, type PageState } from './state.js';
import type { SimulationMessage, SimulationRequest } from './simulate.worker.js';
import SimulationWorker from './simulate.worker.ts?worker&inline';

/**
 * The scenario explorer's page: the controls, the answers, the charts, the Monte Carlo, the
 * comparison and the downloads. The state lives in the URL (state.ts), the numbers come from
 * model.ts, the charts from ccmpp's chart specifications (charts.ts). Every update: the state is
 * written to the URL, the answers computed (synchronously: about a millisecond for Yingkou), then
 * the charts drawn; `#app[data-revision]` counts finished updates (the tests and the bench wait on it).
 */

type FieldKey = 'tfr' | 'e0' | 'migration' | 'srb' | 'target' | 'upload' | 'link';

interface Page {
  state: PageState;
  answers: Answers | null;
  pinnedAnswers: Answers | null;
  errors: Partial<Record<FieldKey, string>>;
  /** The latest Monte Carlo: its result (or that it was cancelled), and the state it ran on. */
  simulation: { message: SimulationMessage | { type: 'cancelled' }; ranOn: string } | null;
  worker: Worker | null;
  revision: number;
  /** Pending frame of an update, so that a burst of input events computes once. */
  frame: number;
  /** Whether the pending update recomputes the answers (false: only the pyramid's year moved). */
  recompute: boolean;
  /** The updates, one after the other: a chart is never drawn by two updates at once. */
  drawing: Promise<void>;
}

const root = document.getElementById('app')!;
const page: Page = { state: defaultState(), answers: null, pinnedAnswers: null, errors: {}, simulation: null, worker: null, revision: 0, frame: 0, recompute: false, drawing: Promise.resolve() };
try {
  page.state = decodeState(location.search);
} catch (e) {
  page.errors.link = (e as Error).message;
}

const msg = () => MESSAGES[page.state.lang];
const fmt = () => formats(page.state.lang);

function place(): Place {
  const u = page.state.upload;
  if (!u) return yingkouPlace();
  return { kind: 'upload', name: u.name, base: u.base, observed: [], planTargets: [] };
}

// ---------------------------------------------------------------- DOM helpers

type Child = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

let ids = 0;
const uid = (name: string) => `${name}-${++ids}`;

/** A labelled control: `<label for>` and the input. */
function field(label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  input.id ||= uid('f');
  return h('div', { class: 'field' }, h('label', { for: input.id, text: label }), input, hint ? h('small', { text: hint }) : null);
}

function numberInput(value: number, attrs: Record<string, string | number | undefined>, onValue: (x: number) => void): HTMLInputElement {
  const input = h('input', { type: 'number', value: String(value), inputmode: 'decimal', ...attrs });
  input.addEventListener('input', () => {
    const x = input.valueAsNumber;
    if (Number.isFinite(x)) onValue(x);
  });
  return input;
}

function errorBox(key: FieldKey, testid?: string): HTMLElement {
  const text = page.errors[key];
  return h('p', { class: 'error', role: 'alert', 'data-testid': testid, 'data-field': key, hidden: !text, text: text ?? '' });
}

// ---------------------------------------------------------------- state changes

function setState(change: (s: PageState) => PageState, rebuild = false, recompute = true): void {
  page.state = change(page.state);
  if (rebuild) render();
  else schedule(recompute);
}

function setAssumptions(change: (a: Assumptions) => Assumptions, rebuild = false): void {
  setState((s) => ({ ...s, assumptions: change(s.assumptions) }), rebuild);
  const preset = document.getElementById('preset') as HTMLSelectElement | null;
  if (preset && !rebuild) preset.value = 'custom';
}

function schedule(recompute = true): void {
  page.recompute ||= recompute;
  if (page.frame) return;
  page.frame = requestAnimationFrame(() => {
    page.frame = 0;
    const again = page.recompute || !page.answers;
    page.recompute = false;
    page.drawing = page.drawing.then(() => update(again)).catch((e: unknown) => console.error(e));
  });
}

// ---------------------------------------------------------------- the controls

/** The paths an anchor editor edits, by key: how to read them from the state and write them back. */
type PathKey = 'tfr' | 'e0' | 'net' | 'in' | 'out';
function pathAnchors(a: Assumptions, key: PathKey): readonly Anchor[] | undefined {
  if (key === 'tfr' || key === 'e0') return a[key];
  if (key === 'net') return a.migration.mode === 'net' ? a.migration.net : undefined;
  if (a.migration.mode !== 'gross') return undefined;
  return key === 'in' ? a.migration.inPerYear : a.migration.outRate;
}
function withPath(a: Assumptions, key: PathKey, anchors: Anchor[]): Assumptions {
  if (key === 'tfr' || key === 'e0') return { ...a, [key]: anchors };
  if (key === 'net') return { ...a, migration: { mode: 'net', net: anchors } };
  const g = grossOf(a);
  return { ...a, migration: { mode: 'gross', inPerYear: key === 'in' ? anchors : g.inPerYear, outRate: key === 'out' ? anchors : g.outRate } };
}

/**
 * An editor of a path's anchors: a row per anchor (year, value, remove) and "add a year". Its
 * inputs write to the state as they are typed in; the rows are rebuilt (sorted, added, removed)
 * when focus leaves the editor or a button is pressed, never under the cursor.
 */
function anchorEditor(key: PathKey, label: string, attrs: Record<string, string | number>): HTMLElement {
  const m = msg();
  const get = () => pathAnchors(page.state.assumptions, key) ?? [];
  const set = (next: Anchor[]) => setAssumptions((x) => withPath(x, key, next));
  const anchors = get();
  const rows = anchors.map(([year, value], i) => {
    const yearInput = numberInput(year, { step: 1, 'aria-label': `${label}: ${m.anchorYear} ${i + 1}`, 'data-key': `${key}:year:${i}` }, (y) => {
      const next = get().map((a, j) => (j === i ? ([Math.round(y), a[1]] as Anchor) : a));
      if (new Set(next.map((a) => a[0])).size === next.length) set([...next].sort((a, b) => a[0] - b[0]));
    });
    const valueInput = numberInput(value, { ...attrs, 'aria-label': `${label}, ${year}`, 'data-anchor': `${key}:${year}`, 'data-key': `${key}:value:${i}` }, (v) =>
      set(get().map((a, j) => (j === i ? ([a[0], v] as Anchor) : a))),
    );
    const remove = h('button', { type: 'button', class: 'small', 'aria-label': fill(m.removeAnchor, { year }), disabled: anchors.length <= 1, text: '×', 'data-key': `${key}:remove:${i}` });
    remove.addEventListener('click', () => {
      set(get().filter((_, j) => j !== i));
      refreshEditor(key);
    });
    return h('tr', {}, h('td', {}, yearInput), h('td', {}, valueInput), h('td', {}, remove));
  });
  const add = h('button', { type: 'button', class: 'small', text: m.addAnchor, 'data-key': `${key}:add` });
  add.addEventListener('click', () => {
    const now = get();
    const last = now[now.length - 1]!;
    set([...now, [last[0] + 5, last[1]]]);
    refreshEditor(key);
  });
  const el = h(
    'fieldset',
    { class: 'anchors', 'data-part': `editor-${key}`, 'data-years': anchors.map((x) => x[0]).join(',') },
    h('legend', { text: label }),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { text: m.anchorYear }), h('th', { text: m.anchorValue }), h('th', {}))), h('tbody', {}, ...rows)),
    add,
  );
  // Leaving the editor puts its rows in order (a year typed out of order moves to its place).
  el.addEventListener('focusout', (e) => {
    if (!el.contains(e.relatedTarget as Node | null)) requestAnimationFrame(() => syncControls());
  });
  return el;
}

/** The editor of `key` rebuilt from the state, focus kept on the control of the same key. */
function refreshEditor(key: PathKey): void {
  const old = root.querySelector(`[data-part=editor-${key}]`);
  if (!old) return;
  keepingFocus(() => old.replaceWith(anchorEditor(key, editorLabel(key), editorAttrs(key))));
}

function editorLabel(key: PathKey): string {
  const m = msg();
  return { tfr: m.tfr, e0: m.e0, net: m.net, in: m.inPerYear, out: m.outRate }[key];
}
function editorAttrs(key: PathKey): Record<string, string | number> {
  return { tfr: { min: 0, max: 15, step: 0.05 }, e0: { min: 1, max: 120, step: 0.25 }, net: { step: 1000 }, in: { step: 1000, min: 0 }, out: { step: 0.001, min: 0, max: 0.999 } }[key];
}

/**
 * The controls brought in line with the state without rebuilding what is being typed in: the
 * target-year TFR and the constant net migration (which edit anchors), and the anchor editors
 * (values set in place; rows rebuilt when the anchors' years changed and focus is elsewhere).
 */
function syncControls(): void {
  const s = page.state;
  const active = document.activeElement;
  const setValue = (key: string, v: number) => {
    const el = root.querySelector<HTMLInputElement>(`[data-key="${key}"]`);
    if (el && el !== active && (Number.isFinite(v) ? el.valueAsNumber !== v : el.value !== '')) el.value = Number.isFinite(v) ? String(v) : '';
  };
  setValue('tfr-at', Number(pathValue(pathOf(s.assumptions.tfr), s.target.year).toFixed(4)));
  const label = root.querySelector('label[for=tfr-at]');
  if (label) label.textContent = fill(msg().tfrAt, { year: s.target.year });
  setValue('net', constantNet(s.assumptions));
  for (const key of ['tfr', 'e0', 'net', 'in', 'out'] as const) {
    const anchors = pathAnchors(s.assumptions, key);
    const part = root.querySelector<HTMLElement>(`[data-part=editor-${key}]`);
    if (!anchors || !part) continue;
    if (part.dataset.years !== anchors.map((x) => x[0]).join(',')) {
      if (!part.contains(active)) refreshEditor(key);
      continue;
    }
    anchors.forEach(([y, v], i) => {
      setValue(`${key}:year:${i}`, y);
      setValue(`${key}:value:${i}`, v);
    });
  }
}

/** The net migration a year when it is the same at every anchor (the quick field shows it), else NaN (the field is blank). */
function constantNet(a: Assumptions): number {
  if (a.migration.mode !== 'net') return NaN;
  const values = new Set(a.migration.net.map((x) => x[1]));
  return values.size === 1 ? [...values][0]! : NaN;
}

/** The gross flows of assumptions whose migration is gross (the editors exist only then). */
function grossOf(a: Assumptions): { inPerYear: readonly Anchor[]; outRate: readonly Anchor[] } {
  if (a.migration.mode !== 'gross') throw new Error('expected gross migration');
  return a.migration;
}

function placeSection(): HTMLElement {
  const m = msg();
  const s = page.state;
  const file = h('input', { type: 'file', accept: '.csv,text/csv', 'data-testid': 'csv-upload' });
  const paste = h('textarea', { rows: 4, placeholder: 'age,female,male\n0-4,28788,33008\n…' });
  const year = h('input', { type: 'number', value: String(s.upload?.base.year ?? 2015), step: 1 });
  const name = h('input', { type: 'text', value: s.upload?.name ?? '' });
  const load = (text: string, fileName: string) => {
    try {
      const b = parsePopulationCsv(text, fileName, year.valueAsNumber);
      const base: Population = { year: b.year, female: b.female, male: b.male, ...(b.width === 1 ? { width: 1 as const } : {}) };
      const total = b.female.reduce((a, x) => a + x, 0) + b.male.reduce((a, x) => a + x, 0);
      delete page.errors.upload;
      setState(
        (st) => ({
          ...st,
          upload: { name: name.value.trim() || fileName.replace(/\.csv$/i, ''), base },
          target: { year: b.year + 15, population: Math.round(total) },
          pyramidYear: b.year + 15,
          until: Math.max(st.until, b.year + 15),
        }),
        true,
      );
    } catch (e) {
      page.errors.upload = e instanceof UserError || e instanceof InputError ? e.message : String(e);
      showErrors();
    }
  };
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (!f) return;
    if (f.size > 16 * 2 ** 20) {
      page.errors.upload = `${f.name}: the file is too large (${f.size} bytes; a population CSV is at most 16 MiB)`;
      showErrors();
      return;
    }
    void f.text().then((text) => load(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, f.name));
  });
  const loadButton = h('button', { type: 'button', text: m.load });
  loadButton.addEventListener('click', () => load(paste.value, name.value.trim() || 'pasted.csv'));
  const back = h('button', { type: 'button', text: m.backToYingkou, hidden: !s.upload });
  back.addEventListener('click', () => {
    delete page.errors.upload;
    setState((st) => {
      const { upload: _u, ...rest } = st;
      return { ...rest, target: defaultState().target, assumptions: defaultState().assumptions };
    }, true);
  });
  return h(
    'section',
    { 'aria-labelledby': 'place-h' },
    h('h2', { id: 'place-h', text: m.place }),
    h('p', { class: 'place-name', text: s.upload ? s.upload.name : m.yingkou }),
    back,
    h(
      'details',
      { open: !!page.errors.upload || undefined },
      h('summary', { text: m.uploadHeading }),
      h('p', { class: 'hint', text: m.uploadHelp }),
      field(m.baseYear, year),
      field(m.placeName, name),
      field(m.csvFile, file),
      errorBox('upload', 'input-error'),
      field(m.csvPaste, paste),
      loadButton,
    ),
  );
}

function assumptionsSection(): HTMLElement {
  const m = msg();
  const s = page.state;
  const a = s.assumptions;
  const ty = s.target.year;
  const preset = h('select', { id: 'preset', 'data-key': 'preset' }, h('option', { value: 'custom', text: m.preset.custom }));
  // The preset the assumptions are (the plan, on opening), else "as set". Yingkou's presets are
  // fixed scenarios (each from the plan); an uploaded place's are relative to what was set.
  const current = JSON.stringify(a);
  const isPreset = (p: PresetName) => {
    try {
      return !s.upload && JSON.stringify(presetAssumptions(p, place(), a)) === current;
    } catch {
      return false;
    }
  };
  // The first that matches: the plan has no migration, so it is also 'zero-migration'.
  let shown = false;
  for (const p of PRESETS) {
    if ((p === 'census-implied' || p === 'plan') && s.upload) continue;
    const selected: boolean = !shown && isPreset(p);
    shown ||= selected;
    preset.append(h('option', { value: p, text: m.preset[p], selected }));
  }
  preset.addEventListener('change', () => {
    if (preset.value === 'custom') return;
    try {
      const next = presetAssumptions(preset.value as PresetName, place(), page.state.assumptions);
      setState((st) => ({ ...st, assumptions: next }), true);
    } catch (e) {
      page.errors.migration = (e as Error).message;
      showErrors();
    }
  });

  const tfrAt = numberInput(Number(pathValue(pathOf(a.tfr), ty).toFixed(4)), { id: 'tfr-at', min: 0, max: 15, step: 0.05, 'data-testid': 'tfr-target-year', 'data-key': 'tfr-at' }, (v) =>
    setAssumptions((x) => ({ ...x, tfr: withAnchor(x.tfr, page.state.target.year, v) })),
  );
  const net = numberInput(constantNet(a), { step: 1000, 'data-testid': 'net-migration', 'data-key': 'net', placeholder: m.netVaries }, (v) =>
    setAssumptions((x) => ({ ...x, migration: { mode: 'net', net: [[place().base.year, v]] } })),
  );
  if (a.migration.mode !== 'net') net.disabled = true;
  const targetYear = numberInput(ty, { step: s.width, min: place().base.year + s.width, 'data-key': 'target-year' }, (y) => setState((st) => ({ ...st, target: { ...st.target, year: Math.round(y) } })));
  const targetPop = numberInput(s.target.population, { min: 1, step: 10_000, 'data-testid': 'target-population', 'data-key': 'target-population' }, (p) => setState((st) => ({ ...st, target: { ...st.target, population: p } })));
  const srb = numberInput(a.srb, { min: 80, max: 150, step: 0.5, 'data-key': 'srb' }, (v) => setAssumptions((x) => ({ ...x, srb: v })));
  const until = h('select', { 'data-key': 'until' });
  for (let y = place().base.year + 5; y <= place().base.year + 85; y += 5) until.append(h('option', { value: y, text: String(y), selected: y === s.until }));
  until.addEventListener('change', () => setState((st) => ({ ...st, until: Number(until.value), pyramidYear: Math.min(st.pyramidYear, Number(until.value)) }), true));
  const width = h('select', { 'data-key': 'width' }, h('option', { value: 5, text: m.width5, selected: s.width === 5 }), h('option', { value: 1, text: m.width1, selected: s.width === 1 }));
  width.addEventListener('change', () => setState((st) => ({ ...st, width: Number(width.value) as 1 | 5 }), true));

  const mode = h('select', { 'data-key': 'mode' }, h('option', { value: 'net', text: m.migrationNet, selected: a.migration.mode === 'net' }), h('option', { value: 'gross', text: m.migrationGross, selected: a.migration.mode === 'gross' }));
  mode.addEventListener('change', () => {
    const y = place().base.year;
    setAssumptions(
      (x) => ({ ...x, migration: mode.value === 'net' ? { mode: 'net', net: [[y, 0]] } : { mode: 'gross', inPerYear: [[y, 10_000]], outRate: [[y, 0.004]] } }),
      true,
    );
  });
  const migrationEditors =
    a.migration.mode === 'net'
      ? [anchorEditor('net', m.net, editorAttrs('net'))]
      : [anchorEditor('in', m.inPerYear, editorAttrs('in')), anchorEditor('out', m.outRate, editorAttrs('out'))];

  return h(
    'section',
    { 'aria-labelledby': 'assumptions-h' },
    h('h2', { id: 'assumptions-h', text: m.assumptions }),
    field(m.presets, preset),
    h('h3', { text: m.target }),
    field(m.targetYear, targetYear),
    field(m.targetPopulation, targetPop),
    errorBox('target'),
    h('h3', { text: m.assumptions }),
    field(fill(m.tfrAt, { year: ty }), tfrAt),
    field(m.netAt, net),
    field(m.srb, srb),
    errorBox('srb'),
    anchorEditor('tfr', m.tfr, editorAttrs('tfr')),
    errorBox('tfr'),
    anchorEditor('e0', m.e0, editorAttrs('e0')),
    errorBox('e0'),
    h('fieldset', {}, h('legend', { text: m.migration }), field(m.migration, mode), ...migrationEditors),
    errorBox('migration'),
    field(m.horizon, until),
    field(m.width, width),
  );
}

// ---------------------------------------------------------------- the answers

function solveText(kind: 'migration' | 'tfr', a: Answers): string {
  const m = msg();
  const f = fmt();
  const s = page.state;
  const r = kind === 'migration' ? a.requiredMigration : a.requiredTfr;
  const year = s.target.year;
  if (r.status === 'unconverged') return `${kind === 'migration' ? m.netPerYear : fill(m.tfrAt, { year })}: ${fill(m.unconverged, { value: kind === 'migration' ? f.signed(r.value) : f.dec2(r.value) })}`;
  if (kind === 'migration') {
    const from = place().base.year;
    if (r.status === 'reachable') return r.value >= 0 ? fill(m.requiredMigrationIn, { value: f.persons(r.value), from }) : fill(m.requiredMigrationOut, { value: f.persons(-r.value), from });
    return fill(m.requiredMigrationOut2, { bound: f.signed(r.bound), achieved: f.persons(r.achieved) });
  }
  if (r.status === 'reachable') return fill(m.requiredTfrValue, { year, value: f.dec2(r.value) });
  return fill(r.side === 'above' ? m.requiredTfrOut : m.requiredTfrBelow, { year, bound: f.dec2(r.bound), achieved: f.persons(r.achieved) });
}

function verdictText(a: Answers): string {
  const m = msg();
  const f = fmt();
  const v = a.verdict;
  const name = page.state.upload ? page.state.upload.name : page.state.lang === 'zh' ? '营口市' : 'Yingkou';
  return fill(v.reached ? m.verdictReached : m.verdictMissed, { place: name, projected: f.persons(v.projected), year: v.year, gap: f.persons(Math.abs(v.gap)), target: f.persons(v.target) });
}

/** Yingkou's urbanisation rate in the target year at the 2010–2015 pace (URGD), against the plan's 2030 target. */
function urbanText(a: Answers): string | null {
  if (page.state.upload) return null;
  const u = yingkou.plan.urban;
  const year = page.state.target.year;
  const pace = urgd(u.share2015 - u.gainSince2010, u.share2015, 5);
  const share = projectUrbanShare(u.share2015, pace, year - 2015);
  const t = yingkou.plan.targets;
  const i = t.years.indexOf(year);
  const f = fmt();
  return fill(msg().urban, { year, share: f.pct(share), target: i >= 0 ? f.pct(t.urbanShare[i]!) : '—', urban: f.persons(share * a.verdict.projected) });
}

function tableOf(t: ChartTable): HTMLElement {
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', { text: msg().table }),
    h(
      'table',
      {},
      h('caption', { text: t.caption }),
      h('thead', {}, h('tr', {}, ...t.columns.map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, ...t.rows.map((r) => h('tr', {}, ...r.map((c) => h('td', { text: c }))))),
    ),
  );
}

function componentsTable(a: Answers): HTMLElement {
  const m = msg();
  const f = fmt();
  const rows = [...a.components.periods, a.components.total];
  return h(
    'table',
    { class: 'components' },
    h('caption', { text: m.components }),
    h('thead', {}, h('tr', {}, ...[m.period, m.births, m.deaths, m.naturalIncrease, m.netMigrants, m.change].map((c) => h('th', { scope: 'col', text: c })))),
    h(
      'tbody',
      {},
      ...rows.map((c) => h('tr', {}, h('th', { scope: 'row', text: `${c.from}–${c.to}` }), ...[c.births, -c.deaths, c.naturalIncrease, c.netMigrants, c.change].map((x) => h('td', { text: f.signed(x) })))),
    ),
  );
}

function compareSection(): HTMLElement {
  const m = msg();
  const f = fmt();
  const s = page.state;
  const pin = h('button', { type: 'button', text: s.pinned ? m.unpin : m.pin, 'data-key': 'pin' });
  pin.addEventListener('click', () =>
    setState((st) => {
      if (st.pinned) {
        const { pinned: _p, ...rest } = st;
        return rest;
      }
      return { ...st, pinned: st.assumptions };
    }, true),
  );
  const body: HTMLElement[] = [];
  if (s.pinned) {
    const rowOf = (label: string, a: Answers | null) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row', text: label }),
        h('td', { text: a ? f.persons(a.verdict.projected) : '—' }),
        h('td', { text: a ? f.signed(a.verdict.gap) : '—' }),
        h('td', { text: a ? (a.verdict.reached ? m.reached : m.missed) : '—' }),
        h('td', { text: a?.requiredMigration.status === 'reachable' ? f.signed(a.requiredMigration.value) : m.outOfReach }),
        h('td', { text: a?.requiredTfr.status === 'reachable' ? f.dec2(a.requiredTfr.value) : m.outOfReach }),
      );
    body.push(
      h(
        'table',
        { 'data-testid': 'compare' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', {}), ...[fill(m.projectedAt, { year: s.target.year }), m.gap, m.verdict, m.netPerYear, fill(m.tfrAt, { year: s.target.year })].map((c) => h('th', { scope: 'col', text: c }))),
        ),
        h('tbody', {}, rowOf(m.scenarioA, page.pinnedAnswers), rowOf(m.scenarioB, page.answers)),
      ),
    );
  }
  return h('section', { 'aria-labelledby': 'compare-h' }, h('h2', { id: 'compare-h', text: m.compare }), h('p', { class: 'hint', text: m.compareHelp }), pin, ...body);
}

function simulationSection(): HTMLElement {
  const m = msg();
  const s = page.state;
  const n = numberInput(s.trajectories, { min: 1, max: MAX_TRAJECTORIES, step: 1000, 'data-key': 'mc-n' }, (x) => setState((st) => ({ ...st, trajectories: Math.round(x) })));
  const seed = numberInput(s.seed, { step: 1, 'data-key': 'mc-seed' }, (x) => setState((st) => ({ ...st, seed: Math.round(x) })));
  const run = h('button', { type: 'button', 'data-testid': 'mc-run', text: m.run, 'data-key': 'mc-run' });
  const cancel = h('button', { type: 'button', 'data-testid': 'mc-cancel', text: m.cancel, disabled: !page.worker });
  const progress = h('progress', { max: 1, value: 0, 'aria-label': m.run, hidden: !page.worker });
  const out = h('p', { 'data-testid': 'probability', 'aria-live': 'polite' });
  run.addEventListener('click', () => runSimulation());
  cancel.addEventListener('click', () => {
    page.worker?.terminate();
    page.worker = null;
    page.simulation = { message: { type: 'cancelled' }, ranOn: '' };
    replaceSection('mc', simulationSection());
  });
  const sim = page.simulation;
  if (sim) {
    const r = sim.message;
    if (r.type === 'done') {
      const f = fmt();
      const pct = (x: number) => f.pct(x);
      out.textContent = fill(m.probability, { year: s.target.year, target: f.persons(s.target.population), p: pct(r.p), lower: pct(r.lower), upper: pct(r.upper), n: f.persons(r.trajectories), seed: r.seed });
      if (sim.ranOn !== simulationKey()) out.append(h('br'), h('em', { text: m.stale }));
    } else if (r.type === 'error') out.textContent = r.message;
    else if (r.type === 'cancelled') out.textContent = m.cancelled;
    else {
      progress.value = r.done / r.total;
      out.textContent = fill(m.running, { done: fmt().persons(r.done), total: fmt().persons(r.total) });
    }
  }
  return h('section', { 'aria-labelledby': 'mc-h' }, h('h2', { id: 'mc-h', text: m.uncertainty }), field(m.trajectories, n), field(m.seed, seed), run, cancel, progress, out);
}

/** What a simulation depends on: everything but the page's language, pyramid year and comparison. */
function simulationKey(): string {
  const { lang: _l, pyramidYear: _y, pinned: _p, ...rest } = page.state;
  return JSON.stringify(rest);
}

function runSimulation(): void {
  page.worker?.terminate();
  const s = page.state;
  const worker = new SimulationWorker();
  page.worker = worker;
  const ranOn = simulationKey();
  const request: SimulationRequest = { base: place().base, scenario: scenarioOf(s.assumptions), target: s.target, until: Math.max(s.until, s.target.year), width: s.width, trajectories: s.trajectories, seed: s.seed };
  let last = 0;
  worker.onmessage = (e: MessageEvent<SimulationMessage>) => {
    if (page.worker !== worker) return;
    const r = e.data;
    if (r.type === 'progress') {
      // A repaint of the section at most every 50 ms.
      const now = performance.now();
      if (now - last < 50 && r.done < r.total) return;
      last = now;
      page.simulation = { message: r, ranOn };
      replaceSection('mc', simulationSection());
      return;
    }
    page.simulation = { message: r, ranOn };
    page.worker = null;
    worker.terminate();
    replaceSection('mc', simulationSection());
    schedule(false); // the fan joins the trajectory
  };
  worker.onerror = (e) => {
    if (page.worker !== worker) return;
    page.simulation = { message: { type: 'error', message: e.message || 'the Monte Carlo worker could not start' }, ranOn };
    page.worker = null;
    worker.terminate();
    replaceSection('mc', simulationSection());
  };
  worker.postMessage(request);
  page.simulation = { message: { type: 'progress', done: 0, total: s.trajectories }, ranOn };
  replaceSection('mc', simulationSection());
}

function keepSection(): HTMLElement {
  const m = msg();
  const s = page.state;
  const copy = h('button', { type: 'button', text: m.copyLink });
  const copied = h('span', { 'aria-live': 'polite' });
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(location.href).then(() => (copied.textContent = m.copied));
  });
  const link = (text: string, file: string, type: string, content: () => string, testid: string) => {
    const a = h('a', { href: '#', download: file, 'data-testid': testid, text });
    a.addEventListener('click', () => {
      a.href = URL.createObjectURL(new Blob([content()], { type }));
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
    return h('li', {}, a);
  };
  return h(
    'section',
    { 'aria-labelledby': 'keep-h' },
    h('h2', { id: 'keep-h', text: m.keep }),
    copy,
    copied,
    h(
      'ul',
      {},
      link(m.downloadScenario, 'scenario.json', 'application/json', () => scenarioJson(s.assumptions), 'download-scenario'),
      link(m.downloadBase, 'base.json', 'application/json', () => baseJson(place().base), 'download-base'),
      link(m.downloadResults, 'results.csv', 'text/csv', () => (page.answers ? resultsCsv(page.answers.projection) : ''), 'download-results'),
    ),
    h('p', { text: m.reproduce }),
    h('pre', {}, h('code', { text: cliCommand(s) })),
  );
}

function replaceSection(name: string, el: HTMLElement): void {
  el.dataset.section = name;
  const old = root.querySelector(`[data-section=${name}]`);
  if (old) keepingFocus(() => old.replaceWith(el));
}

/**
 * Runs a rebuild of part of the page and puts the focus back on the control with the same
 * `data-key`: a keyboard user's place survives a new language, a preset or a progress update.
 */
function keepingFocus(rebuild: () => void): void {
  const key = (document.activeElement as HTMLElement | null)?.dataset?.key;
  rebuild();
  if (key) root.querySelector<HTMLElement>(`[data-key="${key}"]`)?.focus();
}

function showErrors(): void {
  for (const el of root.querySelectorAll<HTMLElement>('p.error[data-field]')) {
    const text = page.errors[el.dataset.field as FieldKey];
    el.textContent = text ?? '';
    el.hidden = !text;
    // An error inside a closed section (the upload's) opens it: the message is never out of sight.
    if (text) el.closest('details')?.setAttribute('open', '');
  }
}

/** Which field an InputError of the library belongs beside, from its path. */
function fieldOf(path: string): FieldKey {
  if (/^(scenario\.)?fertility/.test(path)) return 'tfr';
  if (/^(scenario\.)?mortality/.test(path)) return 'e0';
  if (/^(scenario\.)?migration/.test(path)) return 'migration';
  if (/^(scenario\.)?srb/.test(path)) return 'srb';
  if (/^(target|options\.until|until)/.test(path)) return 'target';
  if (/^base/.test(path)) return 'upload';
  return 'target';
}

// ---------------------------------------------------------------- update and render

/** Recomputes the answers and redraws what depends on them; the controls stay as they are. */
async function update(recompute: boolean): Promise<void> {
  const s = page.state;
  history.replaceState(null, '', `?${encodeState(s)}`);
  if (!recompute) {
    await drawAnswers();
    page.revision++;
    root.dataset.revision = String(page.revision);
    return;
  }
  for (const k of ['tfr', 'e0', 'migration', 'srb', 'target'] as const) delete page.errors[k];
  const p = place();
  try {
    page.answers = answer(p.base, scenarioOf(s.assumptions), s.target, s.until, s.width);
  } catch (e) {
    page.answers = null;
    // The library's message has one line per issue, `<path>: <rule>, got <value>`: each goes beside its field.
    if (e instanceof InputError) {
      const lines = e.message.split('\n');
      e.issues.forEach((issue, k) => (page.errors[fieldOf(issue.path)] ??= lines[k] ?? `${issue.path}: ${issue.rule}`));
    } else page.errors.target = (e as Error).message;
  }
  try {
    page.pinnedAnswers = s.pinned ? answer(p.base, scenarioOf(s.pinned), s.target, s.until, s.width) : null;
  } catch {
    page.pinnedAnswers = null;
  }
  showErrors();
  syncControls();
  await drawAnswers();
  page.revision++;
  root.dataset.revision = String(page.revision);
}

async function drawAnswers(): Promise<void> {
  const m = msg();
  const a = page.answers;
  const s = page.state;
  const verdict = root.querySelector<HTMLElement>('[data-testid=verdict]')!;
  const reqM = root.querySelector<HTMLElement>('[data-testid=required-migration]')!;
  const reqT = root.querySelector<HTMLElement>('[data-testid=required-tfr]')!;
  const urban = root.querySelector<HTMLElement>('[data-role=urban]')!;
  replaceSection('compare', compareSection());
  const mc = root.querySelector<HTMLElement>('[data-section=mc] [data-testid=probability]');
  if (mc && page.simulation?.message.type === 'done') replaceSection('mc', simulationSection());
  replaceSection('keep', keepSection());
  if (!a) {
    verdict.textContent = `${m.error}: ${Object.values(page.errors).filter(Boolean).join(' ')}`;
    verdict.className = 'verdict failed';
    reqM.textContent = '';
    reqT.textContent = '';
    urban.textContent = '';
    // No chart, table or components of assumptions that do not hold: empty, not stale.
    for (const name of ['trajectory', 'pyramid', 'frontier'] as const) {
      const holder = root.querySelector<HTMLElement>(`[data-chart=${name}]`)!;
      holder.querySelector('details')?.remove();
      const chart = holder.querySelector<HTMLElement>(`[data-testid=${name}]`)!;
      chart.replaceWith(chart.cloneNode(false));
    }
    root.querySelector('[data-role=components]')!.replaceChildren();
    return;
  }
  verdict.textContent = verdictText(a);
  verdict.className = `verdict ${a.verdict.reached ? 'reached' : 'missed'}`;
  reqM.textContent = solveText('migration', a);
  reqT.textContent = solveText('tfr', a);
  urban.textContent = urbanText(a) ?? '';
  const slider = root.querySelector<HTMLInputElement>('#pyramid-year')!;
  slider.min = String(a.projection.years[0]);
  slider.max = String(a.projection.years.at(-1));
  const pyramidYear = a.projection.years.includes(s.pyramidYear) ? s.pyramidYear : a.projection.years.at(-1)!;
  slider.value = String(pyramidYear);
  root.querySelector('#pyramid-year-value')!.textContent = String(pyramidYear);
  const specs = chartSpecs({ answers: a, pinned: page.pinnedAnswers, place: place(), target: s.target, pyramidYear, lang: s.lang, fan: page.simulation?.message.type === 'done' && page.simulation.ranOn === simulationKey() ? page.simulation.message.fan : undefined });
  const tables = chartTables({ answers: a, pyramidYear, lang: s.lang });
  for (const name of ['trajectory', 'pyramid', 'frontier'] as const) {
    const holder = root.querySelector<HTMLElement>(`[data-chart=${name}]`)!;
    holder.querySelector('details')?.remove();
    holder.append(tableOf(tables[name]));
  }
  root.querySelector('[data-role=components]')!.replaceChildren(componentsTable(a));
  await Promise.all((['trajectory', 'pyramid', 'frontier'] as const).map((name) => drawChart(root.querySelector<HTMLElement>(`[data-testid=${name}]`)!, specs[name])));
}

/** Builds the whole page for the state (on load, a language switch, a new place or a new set of anchors). */
function render(): void {
  const m = msg();
  const s = page.state;
  document.documentElement.lang = s.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = m.title;
  const lang = h('select', { 'data-testid': 'lang', 'data-key': 'lang' }, ...LANGS.map((l) => h('option', { value: l, text: l === 'en' ? 'English' : '简体中文', selected: l === s.lang })));
  lang.addEventListener('change', () => setState((st) => ({ ...st, lang: lang.value as Lang }), true));
  const slider = h('input', { type: 'range', id: 'pyramid-year', step: s.width, 'aria-describedby': 'pyramid-year-value', 'data-key': 'pyramid-year' });
  slider.addEventListener('input', () => setState((st) => ({ ...st, pyramidYear: slider.valueAsNumber }), false, false));
  const chart = (name: 'trajectory' | 'pyramid' | 'frontier', title: string, extra?: HTMLElement) =>
    h('figure', { 'data-chart': name }, h('figcaption', { text: title }), extra, h('div', { class: 'chart', 'data-testid': name, role: 'img', 'aria-label': title }));
  const controls = h('div', { class: 'controls' }, placeSection(), assumptionsSection());
  const answers = h(
    'div',
    { class: 'answers' },
    h(
      'section',
      { 'aria-labelledby': 'answers-h' },
      h('h2', { id: 'answers-h', text: m.answers }),
      errorBox('link'),
      h('p', { class: 'verdict', 'data-testid': 'verdict', 'aria-live': 'polite' }),
      h('p', { 'data-testid': 'required-migration' }),
      h('p', { 'data-testid': 'required-tfr' }),
      h('p', { 'data-role': 'urban' }),
    ),
    chart('trajectory', m.trajectory),
    chart('pyramid', m.pyramid, field(m.pyramidYear, slider, undefined)),
    chart('frontier', m.frontier),
    h('section', { 'data-role': 'components', 'aria-label': m.components }),
    h('section', { 'data-section': 'mc' }),
    h('section', { 'data-section': 'compare' }),
    h('section', { 'data-section': 'keep' }),
  );
  slider.parentElement!.append(h('output', { id: 'pyramid-year-value', for: slider.id }));
  keepingFocus(() => root.replaceChildren(
    h('header', {}, h('h1', { text: m.title }), h('p', { class: 'subtitle', text: m.subtitle }), field(m.language, lang)),
    h('main', {}, controls, answers),
    h('footer', {}, h('p', { text: m.footer })),
  ));
  replaceSection('mc', simulationSection());
  if (page.errors.link) root.querySelector<HTMLElement>('p.error[data-field=link]')!.textContent = fill(m.linkError, { message: page.errors.link });
  schedule(true);
}

render();
