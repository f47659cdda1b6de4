import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { multiply } from 'mathjs';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import china from '../../data/mortality/china-2015-mx.json';
import * as ccmpp from '../../src/index.js';
import * as leslie from '../../src/leslie.js';
import * as parallel from '../../src/parallel.js';
import * as testing from '../../src/testing/index.js';
import * as yingkouEntry from '../../src/yingkou/index.js';
import { ROOT } from './helpers.js';

// Doc-tests: every `@example` in a doc comment under src/ runs, against the source modules, and the
// results its comments print are checked.
//
// The convention (a comment is a printed result only when it looks like one):
//
// - A result comment follows an expression statement: at the end of its last line
//   (`tfr(x) // 1.5`), or on the line(s) right after it. It may start with `→`. Comments after
//   declarations (`const r = …; // …`) and comments that start with a word (`// the 2030 total`,
//   `// e.g. …`) are prose and are not checked. After the value, the rest of the comment is free
//   text if it starts with a space, `,`, `;`, `:` or `(` (`// 50  (groups 5-9 and 10-14)`).
// - Numbers are checked to their printed precision: `0.0449` means within 0.00005; `77.91…` means
//   the value's leading digits are 77.91 (truncated); `80 ± 1e-8` within 1e-8; `≈ 2,414,000` within
//   half a unit of the last digit; an integer without `≈` (a count, a year, a length) exactly.
//   `< 0`, `> 0` compare. Unicode minus (−) and digit grouping (2,414,000) are read.
// - `'text'` is a string (`'text…'`: a string that starts with `text`); `true`, `false`, `null`.
// - `[a, b]` is an array (or typed array) of exactly those elements, `[a, …]` one that starts with
//   them; `Float64Array(7) [...]` and `Float64Array [...]` also check the class (and the length).
// - `{ key: value, other }` checks the fields shown (`other`: present, any value); `…` or
//   `<placeholder>` in place of a value matches anything.
// - `throws InputError: <message>` (the message may be on the next comment line) expects that error
//   with exactly that message.
//
// Examples may use, without defining them, every export of the package's entry points (ccmpp,
// ccmpp/parallel, ccmpp/leslie, ccmpp/yingkou, ccmpp/testing), the exports of their own source file
// and of the modules it imports (for examples of internal functions), and the fixtures of FIXTURES below (the Yingkou base and plan, China's 2015 female mx, …).
// `import` lines are dropped (the names are in scope). A check inside a branch that never runs fails.

const SRC = join(ROOT, 'src');

/** Every .ts file under src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? sourceFiles(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

interface Example {
  file: string;
  line: number;
  /** The declaration documented (or the module). */
  name: string;
  code: string;
}

/** The @example blocks of a file's doc comments, in order. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const seen = new Set<number>();
  const out: Example[] = [];
  const visit = (node: ts.Node) => {
    for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
      for (const tag of doc.tags ?? []) {
        if (tag.tagName.text !== 'example' || seen.has(tag.pos)) continue;
        seen.add(tag.pos);
        const named = node as { name?: ts.Node };
        const name = ts.isSourceFile(node.parent) && doc.tags?.some((t) => t.tagName.text === 'module') ? '(module)' : named.name ? named.name.getText(sf) : ts.SyntaxKind[node.kind];
        const code = ts.getTextOfJSDocComment(tag.comment) ?? '';
        out.push({ file: relative(ROOT, file), line: sf.getLineAndCharacterOfPosition(tag.pos).line + 1, name, code });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Result comments

type Expected =
  | { kind: 'number'; value: number; text: string; check: (v: number) => boolean }
  | { kind: 'string'; value: string; prefix: boolean }
  | { kind: 'literal'; value: boolean | null }
  | { kind: 'array'; items: Expected[]; rest: boolean; className?: string; length?: number }
  | { kind: 'object'; fields: { key: string; value?: Expected }[] }
  | { kind: 'any' }
  | { kind: 'throws'; error: string; message: string };

class ParseError extends Error {}

/** A recursive-descent reader of the value grammar above. */
class Reader {
  i = 0;
  constructor(readonly s: string) {}
  rest() {
    return this.s.slice(this.i);
  }
  skip() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  /** Consumes `t` (after optional spaces) if it comes next; else leaves the position as it was. */
  eat(t: string) {
    const at = this.i;
    this.skip();
    if (this.s.startsWith(t, this.i)) {
      this.i += t.length;
      return true;
    }
    this.i = at;
    return false;
  }
  expect(t: string) {
    if (!this.eat(t)) throw new ParseError(`expected ${t} at "${this.rest()}"`);
  }
  number(): { value: number; decimals: number; text: string } | undefined {
    this.skip();
    const m = /^[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:e[+-]?\d+)?/i.exec(this.rest());
    if (!m) return undefined;
    this.i += m[0].length;
    const text = m[0];
    const value = Number(text.replace(/−/g, '-').replace(/,/g, ''));
    const exp = /e([+-]?\d+)$/i.exec(text);
    const decimals = (m[1]?.length ?? 0) - (exp ? Number(exp[1]) : 0);
    return { value, decimals, text };
  }
  value(): Expected {
    this.skip();
    if (this.eat('…')) return { kind: 'any' };
    if (this.s[this.i] === '<' && /^<[A-Za-z]/.test(this.rest())) {
      const end = this.s.indexOf('>', this.i);
      if (end < 0) throw new ParseError('unclosed <placeholder>');
      this.i = end + 1;
      return { kind: 'any' };
    }
    for (const op of ['<=', '>=', '<', '>'] as const) {
      if (this.eat(op)) {
        const n = this.number();
        if (!n) throw new ParseError(`expected a number after ${op}`);
        const b = n.value;
        const check = { '<': (v: number) => v < b, '>': (v: number) => v > b, '<=': (v: number) => v <= b, '>=': (v: number) => v >= b }[op];
        return { kind: 'number', value: b, text: `${op} ${n.text}`, check };
      }
    }
    if (this.eat("'") || this.eat('"')) {
      const quote = this.s[this.i - 1]!;
      let str = '';
      while (this.i < this.s.length && this.s[this.i] !== quote) {
        const c = this.s[this.i++]!;
        if (c === '\\') {
          const e = this.s[this.i++]!;
          str += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else str += c;
      }
      if (this.s[this.i] !== quote) throw new ParseError('unclosed string');
      this.i++;
      const prefix = str.endsWith('…');
      return { kind: 'string', value: prefix ? str.slice(0, -1) : str, prefix };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (new RegExp(`^${word}\\b`).test(this.rest())) {
        this.i += word.length;
        return { kind: 'literal', value };
      }
    }
    const typed = /^(Float64Array|Int32Array|Uint8Array)(?:\((\d+)\))?\s*(?=\[)/.exec(this.rest());
    if (typed) {
      this.i += typed[0].length;
      const arr = this.array();
      return { ...arr, className: typed[1]!, ...(typed[2] ? { length: Number(typed[2]) } : {}) };
    }
    if (this.s[this.i] === '[') return this.array();
    if (this.s[this.i] === '{') return this.object();
    const approx = this.eat('≈');
    const n = this.number();
    if (!n) throw new ParseError(`expected a value at "${this.rest()}"`);
    const p = n.value;
    const unit = 10 ** -n.decimals;
    const eps = 1e-9 * Math.max(unit * 1e-3, Math.abs(p) * 1e-7);
    if (this.eat('…')) {
      // Truncated: the printed digits are the value's leading digits.
      // (Compared in units of the last printed digit, with a little slack for binary rounding.)
      const digits = Math.round(Math.abs(p) / unit);
      return { kind: 'number', value: p, text: `${n.text}…`, check: (v) => (Math.sign(v) === Math.sign(p) || p === 0) && Math.floor(Math.abs(v) / unit + 1e-7) === digits };
    }
    if (this.eat('±')) {
      const tol = this.number();
      if (!tol) throw new ParseError('expected a number after ±');
      return { kind: 'number', value: p, text: `${n.text} ± ${tol.text}`, check: (v) => Math.abs(v - p) <= tol.value };
    }
    if (n.decimals > 0 || approx) {
      return { kind: 'number', value: p, text: `${approx ? '≈ ' : ''}${n.text}`, check: (v) => Math.abs(v - p) <= 0.5 * unit + eps };
    }
    return { kind: 'number', value: p, text: n.text, check: (v) => Math.abs(v - p) <= 1e-9 * Math.max(1, Math.abs(p)) };
  }
  array(): Extract<Expected, { kind: 'array' }> {
    this.expect('[');
    const items: Expected[] = [];
    let rest = false;
    if (!this.eat(']')) {
      do {
        this.skip();
        if (this.s.startsWith('…', this.i) && /^…\s*\]/.test(this.rest())) {
          this.i += 1;
          rest = true;
          break;
        }
        items.push(this.value());
      } while (this.eat(','));
      this.expect(']');
    }
    return { kind: 'array', items, rest };
  }
  object(): Expected {
    this.expect('{');
    const fields: { key: string; value?: Expected }[] = [];
    if (!this.eat('}')) {
      do {
        this.skip();
        if (this.eat('…')) continue;
        const m = /^(?:[A-Za-z_$][\w$]*|\d+|'[^']*')/.exec(this.rest());
        if (!m) throw new ParseError(`expected a key at "${this.rest()}"`);
        this.i += m[0].length;
        const key = m[0].replace(/^'|'$/g, '');
        fields.push(this.eat(':') ? { key, value: this.value() } : { key });
      } while (this.eat(','));
      this.expect('}');
    }
    return { kind: 'object', fields };
  }
}

/** Does this comment look like a printed result (rather than prose)? */
function looksLikeResult(text: string): boolean {
  const t = text.trim().replace(/^→\s*/, '');
  if (/^e\.g\./.test(t)) return false;
  return /^([0-9'"[{≈+\-−<…]|(true|false|null|throws|Float64Array|Int32Array|Uint8Array)\b)/.test(t);
}

/** Parses a result comment; throws ParseError when it looks like one but breaks the grammar. */
function parseResult(text: string): Expected {
  const t = text.trim().replace(/^→\s*/, '');
  const thrown = /^throws\s+(\w+)\s*:?\s*([\s\S]*)$/.exec(t);
  if (thrown) return { kind: 'throws', error: thrown[1]!, message: thrown[2]!.trim() };
  const r = new Reader(t);
  const v = r.value();
  const rest = r.rest();
  if (rest.length > 0 && !/^(\s|[,;:(])/.test(rest)) throw new ParseError(`unexpected "${rest}" after the value`);
  if (/^\s*[-+*/·×^]/.test(rest)) throw new ParseError(`"${rest}" after the value reads as arithmetic: write the result first`);
  return v;
}

/** Why `actual` does not match `expected`, or undefined when it does. */
function mismatch(expected: Expected, actual: unknown, at = ''): string | undefined {
  const where = at ? ` at ${at}` : '';
  switch (expected.kind) {
    case 'any':
      return undefined;
    case 'number':
      if (typeof actual !== 'number') return `expected a number ${expected.text}${where}, got ${String(actual)}`;
      return expected.check(actual) ? undefined : `expected ${expected.text}${where}, got ${actual}`;
    case 'string':
      if (typeof actual !== 'string') return `expected a string${where}, got ${String(actual)}`;
      if (expected.prefix ? actual.startsWith(expected.value) : actual === expected.value) return undefined;
      return `expected ${JSON.stringify(expected.value)}${expected.prefix ? '…' : ''}${where}, got ${JSON.stringify(actual)}`;
    case 'literal':
      return actual === expected.value ? undefined : `expected ${String(expected.value)}${where}, got ${String(actual)}`;
    case 'array': {
      const isArray = Array.isArray(actual) || (ArrayBuffer.isView(actual) && !(actual instanceof DataView));
      if (!isArray) return `expected an array${where}, got ${String(actual)}`;
      const a = actual as ArrayLike<unknown>;
      if (expected.className && (actual as object).constructor.name !== expected.className) return `expected a ${expected.className}${where}, got a ${(actual as object).constructor.name}`;
      if (expected.length !== undefined && a.length !== expected.length) return `expected length ${expected.length}${where}, got ${a.length}`;
      if (expected.rest ? a.length < expected.items.length : a.length !== expected.items.length) return `expected ${expected.items.length}${expected.rest ? '+' : ''} elements${where}, got ${a.length}`;
      for (let i = 0; i < expected.items.length; i++) {
        const m = mismatch(expected.items[i]!, a[i], `${at}[${i}]`);
        if (m) return m;
      }
      return undefined;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) return `expected an object${where}, got ${String(actual)}`;
      for (const { key, value } of expected.fields) {
        if (!(key in actual)) return `expected a field ${key}${where}`;
        if (value) {
          const m = mismatch(value, (actual as Record<string, unknown>)[key], `${at}.${key}`);
          if (m) return m;
        }
      }
      return undefined;
    }
    case 'throws':
      return `expected a throw${where}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Turning an example into a function

interface Check {
  id: number;
  line: number;
  comment: string;
  expected: Expected;
}

interface Prepared {
  js: string;
  checks: Check[];
  /** Comments that look like results but break the grammar. */
  malformed: string[];
}

/** The comment that prints the result of the statement ending at `end`: trailing, or the lines right after. */
function resultComment(code: string, end: number): string | undefined {
  const trailing = ts.getTrailingCommentRanges(code, end) ?? [];
  const lineEnd = code.indexOf('\n', end) < 0 ? code.length : code.indexOf('\n', end);
  const parts: string[] = [];
  const sameLine = trailing.find((c) => c.pos < lineEnd && c.kind === ts.SyntaxKind.SingleLineCommentTrivia);
  let from = end;
  if (sameLine) {
    parts.push(code.slice(sameLine.pos + 2, sameLine.end));
    from = sameLine.end;
  }
  // Following full-line comments continue the result (a value on the next line, or a thrown message).
  const following = ts.getLeadingCommentRanges(code, from) ?? [];
  let line = lineOf(code, from);
  for (const c of following) {
    if (c.kind !== ts.SyntaxKind.SingleLineCommentTrivia || lineOf(code, c.pos) !== line + 1) break;
    const text = code.slice(c.pos + 2, c.end);
    if (parts.length > 0 && !continuesResult(parts.join(' '))) break;
    if (parts.length === 0 && !looksLikeResult(text)) break;
    parts.push(text);
    line++;
  }
  return parts.length ? parts.join(' ').trim() : undefined;
}

const lineOf = (s: string, pos: number) => s.slice(0, pos).split('\n').length - 1;

/** A result that goes on on the next comment line: an open bracket, or `throws X:` with no message yet. */
function continuesResult(text: string): boolean {
  const t = text.trim();
  if (/^(→\s*)?throws\s+\w+\s*:?\s*$/.test(t)) return true;
  let depth = 0;
  for (const c of t.replace(/'[^']*'/g, '')) depth += c === '[' || c === '{' ? 1 : c === ']' || c === '}' ? -1 : 0;
  return depth > 0;
}

function prepare(code: string): Prepared {
  const source = code.replace(/^\s*import\s[^\n]*\n/gm, '');
  const sf = ts.createSourceFile('example.ts', source, ts.ScriptTarget.ES2022, true);
  const checks: Check[] = [];
  const malformed: string[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isExpressionStatement(node)) {
      const comment = resultComment(source, node.end);
      if (comment !== undefined && looksLikeResult(comment)) {
        try {
          const expected = parseResult(comment);
          const id = checks.length;
          checks.push({ id, line: lineOf(source, node.getStart(sf)) + 1, comment, expected });
          const expr = node.expression.getText(sf);
          const isAsync = /\bawait\b/.test(expr);
          const call = isAsync ? `await __check(${id}, async () => (${expr}));` : `__check(${id}, () => (${expr}));`;
          edits.push({ start: node.getStart(sf), end: node.end, text: call });
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          malformed.push(`"${comment}": ${e.message}`);
        }
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let edited = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) edited = edited.slice(0, e.start) + e.text + edited.slice(e.end);
  const js = ts.transpileModule(edited, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText.replace(/^export \{\};\s*$/m, '');
  return { js, checks, malformed };
}

// ---------------------------------------------------------------------------------------------
// The names examples may use

const { yingkou } = yingkouEntry;
const base = yingkou.base2015;
const plan = yingkou.scenarios.plan;
const chinaFemaleMx = china.female;
const projection2030 = ccmpp.project(base, plan, { until: 2030 });

/** Free names the examples use, with what they stand for. */
const FIXTURES: Record<string, unknown> = {
  /** The Yingkou 2015 base population, and its two sexes. */
  base,
  female: base.female,
  male: base.male,
  /** The plan's scenario (under both names the examples use). */
  scenario: plan,
  plan,
  /** The plan projected to 2030, as a chart series, and the fan of 10,000 simulated trajectories. */
  p: projection2030,
  series: [{ name: 'plan', projection: projection2030 }],
  fan: ccmpp.simulationFan(ccmpp.simulate(base, plan, {}, { trajectories: 10_000, seed: 1, until: 2030 })),
  /** The plan's first period's rates, and its three periods to 2030. */
  period: ccmpp.project(base, plan, { until: 2020 }).periods[0],
  /** The plan's first annual period on single years of age (2015–2016, width 1). */
  annualPeriod: ccmpp.project(base, plan, { until: 2016, width: 1 }).periods[0],
  periods: projection2030.periods,
  /** China 2015 female death rates (UN WPP 2019) and their life table. */
  mx: chinaFemaleMx,
  lt: ccmpp.lifeTable(chinaFemaleMx, { sex: 'female' }),
  /** The WPP 2019 China 2015 population, the reference shape of the Yingkou base. */
  chinaShape: yingkou.reference,
  /** The 2030 target of the plan. */
  target: { year: 2030, population: 2_600_000 },
  /** `fs` reading the scenario templates in data/templates/. */
  fs: { readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(join(ROOT, 'data', 'templates', path), encoding) },
  /** A progress bar that draws nothing. */
  bar: { update: () => undefined },
  fc,
  multiply,
};

const ENTRY_SCOPE: Record<string, unknown> = { ...testing, ...yingkouEntry, ...leslie, ...parallel, ...ccmpp };

/** The example's own module and the modules it imports (relative imports), as one scope. */
async function moduleScope(file: string): Promise<Record<string, unknown>> {
  const path = join(ROOT, file);
  const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022);
  const imported = sf.statements
    .filter((st): st is ts.ImportDeclaration => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text.startsWith('.') && !st.moduleSpecifier.text.endsWith('.json'))
    .map((st) => join(dirname(path), (st.moduleSpecifier as ts.StringLiteral).text.replace(/\.js$/, '.ts')));
  const scope: Record<string, unknown> = {};
  for (const m of [...imported, path]) Object.assign(scope, await import(pathToFileURL(m).href));
  return scope;
}

async function scopeFor(file: string): Promise<Record<string, unknown>> {
  return { ...(await moduleScope(file)), ...FIXTURES, ...ENTRY_SCOPE };
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<void>;

async function run(example: Example): Promise<{ ran: Set<number>; failures: string[]; checks: Check[]; malformed: string[] }> {
  const { js, checks, malformed } = prepare(example.code);
  const scope = await scopeFor(example.file);
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const ran = new Set<number>();
  const failures: string[] = [];
  const check = (id: number, thunk: () => unknown) => {
    const c = checks[id]!;
    ran.add(id);
    const where = `line ${c.line} (// ${c.comment})`;
    if (c.expected.kind === 'throws') {
      const { error, message } = c.expected;
      try {
        thunk();
      } catch (e) {
        if (!(e instanceof Error) || e.name !== error) return void failures.push(`${where}: threw ${String(e)}, expected ${error}`);
        if (message && e.message !== message) failures.push(`${where}: message ${JSON.stringify(e.message)}`);
        return;
      }
      return void failures.push(`${where}: did not throw`);
    }
    const settle = (v: unknown) => {
      const m = mismatch(c.expected, v);
      if (m) failures.push(`${where}: ${m}`);
    };
    const v = thunk();
    if (v instanceof Promise) return v.then(settle);
    settle(v);
  };
  const fn = new AsyncFunction('__check', ...names, `{\n${js}\n}`);
  await fn(check, ...names.map((n) => scope[n]));
  return { ran, failures, checks, malformed };
}

// ---------------------------------------------------------------------------------------------

const examples = sourceFiles(SRC).flatMap(examplesOf);
/** Printed results checked, and examples with at least one: 56 and 41 of 92 examples when written. */
const CHECKS_AT_LEAST = 56;
const EXAMPLES_CHECKED_AT_LEAST = 41;

describe('doc-tests: every @example under src/ runs and prints the right results', () => {
  afterAll(() => parallel.closeSimulationWorkers());

  it('finds the examples (every exported function has one)', () => {
    expect(examples.length).toBeGreaterThan(80);
  });

  for (const ex of examples) {
    it(`${ex.file}:${ex.line} ${ex.name}`, async () => {
      const { ran, failures, checks, malformed } = await run(ex);
      expect(malformed.join('\n'), 'result comments that break the convention').toBe('');
      const skipped = checks.filter((c) => !ran.has(c.id)).map((c) => `line ${c.line} (// ${c.comment}) never ran`);
      expect([...failures, ...skipped].join('\n')).toBe('');
    });
  }

  it('checks printed results: a floor, so that a broken comment reader cannot pass by checking nothing', () => {
    const checks = examples.map((ex) => prepare(ex.code).checks.length);
    expect(checks.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(CHECKS_AT_LEAST);
    expect(checks.filter((n) => n > 0).length).toBeGreaterThanOrEqual(EXAMPLES_CHECKED_AT_LEAST);
  });
});

// The reader itself, on the forms the convention defines.
describe('doc-test result comments', () => {
  const ok = (comment: string, actual: unknown) => mismatch(parseResult(comment), actual);
  it('reads numbers to their printed precision', () => {
    expect(ok('0.0449', 0.04491)).toBeUndefined();
    expect(ok('0.0450', 0.04491)).toMatch(/expected 0.0450/);
    expect(ok('77.91… years', 77.9199)).toBeUndefined();
    expect(ok('77.91…', 77.92)).toBeDefined();
    expect(ok('80 ± 1e-8', 80 + 5e-9)).toBeUndefined();
    expect(ok('≈ 2,414,000', 2_414_000.4)).toBeUndefined();
    expect(ok('24', 24.000001)).toBeDefined();
    expect(ok('−4500', -4500)).toBeUndefined();
  });
  it('reads arrays, typed arrays, objects, strings and placeholders', () => {
    expect(ok("['0-4', '5+']", ['0-4', '5+'])).toBeUndefined();
    expect(ok('Float64Array(2) [0.5, 0.25]', Float64Array.of(0.5, 0.25))).toBeUndefined();
    expect(ok('Float64Array [0.5, 0.25]', [0.5, 0.25])).toMatch(/Float64Array/);
    expect(ok('[1, …]', [1, 2, 3])).toBeUndefined();
    expect(ok("{ status: 'reachable', value: 1.414…, … }", { status: 'reachable', value: Math.SQRT2, iterations: 9 })).toBeUndefined();
    expect(ok('{ gap: < 0, p, achieved: <persons> }', { gap: -1, p: 0, achieved: 3 })).toBeUndefined();
    expect(ok('{ gap: < 0 }', { gap: 1 })).toBeDefined();
    expect(ok("'ccmpp —…'", 'ccmpp — Yingkou')).toBeUndefined();
  });
  it('tells results from prose, and rejects arithmetic before the value', () => {
    expect(looksLikeResult(' the projected 2030 population')).toBe(false);
    expect(looksLikeResult(' e.g. [107.3…]')).toBe(false);
    expect(looksLikeResult(' 50  (groups 5-9 and 10-14)')).toBe(true);
    expect(() => parseResult('0.71 + 2/5 · 0.49 = 0.906')).toThrow(ParseError);
    expect(() => parseResult('15+ split into 15-19')).toThrow(ParseError);
  });
});
