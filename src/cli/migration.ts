import { parseScenario, type Scenario } from '../scenario/schema.js';
import { InputError, type Issue } from '../validate/errors.js';
import { indent } from './errors.js';
import { UserError } from './userError.js';
import { quoted } from './populationCsv.js';

/**
 * The migration options of `project`, `solve` and `simulate`: they set the scenario's `migration`
 * block from the command line, and the library's `parseScenario` judges the result (its messages,
 * with the option named).
 *
 * - `--net-per-year <n>`: net migrants a year (turned into gross flows by the Flow-Difference
 *   Method); replaces the scenario's gross flows if it has them.
 * - `--in-per-year <n>`, `--out-rate <r>`: gross flows (in-migrants a year; out-migrants a year per
 *   person present). They replace the scenario's net figure and its `flowDifference`; a gross flow
 *   the command line does not give is kept from the scenario (when the scenario has gross flows).
 * - `--flow-difference <bayespop | beta0=…,beta1=…,m=…>`: the Flow-Difference parameters for a net
 *   figure (only with one: `--net-per-year`, or the scenario's `netPerYear`).
 *
 * A value is a number (constant) or anchors `year:value,…` (`2015:-2000,2030:-500`), as in a
 * scenario file.
 */
export interface MigrationOptions {
  netPerYear?: MigrationPath;
  inPerYear?: MigrationPath;
  outRate?: MigrationPath;
  flowDifference?: FlowDifferenceOption;
}

/** A path given on the command line: a number, or anchors year → value. */
export type MigrationPath = number | Record<string, number>;

/** `'bayespop'` (or another word, which the library rejects) or the three parameters. */
export type FlowDifferenceOption = string | Record<string, number>;

/** The options, their flags, and the scenario keys each sets. */
export const MIGRATION_FLAGS = {
  netPerYear: '--net-per-year',
  inPerYear: '--in-per-year',
  outRate: '--out-rate',
  flowDifference: '--flow-difference',
} as const satisfies Record<keyof MigrationOptions, string>;

/** A number with optional `_` digit groups (`-2_000`), or NaN. */
function numberOf(text: string): number {
  const t = text.trim().replace(/_/g, '');
  return t === '' ? NaN : Number(t);
}

/**
 * A path option's value: a number (`-2000`, `0.01`) or anchors `year:value,…`
 * (`2015:-2000,2030:-500`). Only the syntax is checked here; the rules (≥ 0, in [0, 1), years in
 * increasing order) are the library's.
 */
export function parseMigrationPath(text: string, option: string): MigrationPath {
  const x = numberOf(text);
  if (Number.isFinite(x)) return x;
  const parts = text.split(',').map((s) => s.trim());
  const anchors: Record<string, number> = {};
  for (const part of parts) {
    const m = /^(-?\d+)\s*:\s*(.+)$/.exec(part);
    const v = m ? numberOf(m[2]!) : NaN;
    if (!m || !Number.isFinite(v) || m[1]! in anchors)
      throw new UserError(`${option}: expected a number or anchors year:value,… (e.g. -2000 or 2015:-2000,2030:-500), got ${quoted(text)}`);
    anchors[m[1]!] = v;
  }
  return anchors;
}

/**
 * `--flow-difference`'s value: `bayespop`, or the three parameters `beta0=0.07,beta1=0.5,m=0.02`
 * (any order). Which words and keys are allowed, and the parameters' ranges, are the library's rules.
 */
export function parseFlowDifference(text: string, option = MIGRATION_FLAGS.flowDifference): FlowDifferenceOption {
  const t = text.trim();
  if (!t.includes('=')) return t;
  const params: Record<string, number> = {};
  for (const part of t.split(',').map((s) => s.trim())) {
    const m = /^([A-Za-z_][\w]*)\s*=\s*(.+)$/.exec(part);
    const v = m ? numberOf(m[2]!) : NaN;
    if (!m || !Number.isFinite(v) || m[1]! in params)
      throw new UserError(`${option}: expected bayespop or beta0=<number>,beta1=<number>,m=<number> (e.g. beta0=0.07,beta1=0.5,m=0.02), got ${quoted(text)}`);
    params[m[1]!] = v;
  }
  return params;
}

/** Whether any migration option is given. */
function hasMigrationOptions(o: MigrationOptions | undefined): o is MigrationOptions {
  return o !== undefined && (Object.keys(MIGRATION_FLAGS) as (keyof MigrationOptions)[]).some((k) => o[k] !== undefined);
}

/** The options given, for the `inputs` of the JSON output (absent when none is). */
export function migrationInputs(o: MigrationOptions | undefined): { migration?: MigrationOptions } {
  if (!hasMigrationOptions(o)) return {};
  const out: MigrationOptions = {};
  for (const k of Object.keys(MIGRATION_FLAGS) as (keyof MigrationOptions)[]) if (o[k] !== undefined) (out as Record<string, unknown>)[k] = o[k];
  return { migration: out };
}

/**
 * Commander's options with the migration options moved into `migration` (absent when none is given):
 * the arguments of a command.
 */
export function takeMigrationOptions<T extends MigrationOptions>(o: T): Omit<T, keyof MigrationOptions> & { migration?: MigrationOptions } {
  const rest = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(MIGRATION_FLAGS)) delete rest[k];
  return { ...(rest as Omit<T, keyof MigrationOptions>), ...migrationInputs(o) };
}

/**
 * The scenario with the migration options applied (a new object; the scenario is not changed), checked
 * by `parseScenario`. An InputError becomes a UserError that names the options and the scenario file,
 * with the library's message: e.g.
 *
 *   --out-rate 1.5: invalid migration for s.json:
 *     migration.outRate: expected a rate a year in [0, 1), got 1.5
 */
export function applyMigrationOptions(scenario: Scenario, o: MigrationOptions | undefined, scenarioFile: string): Scenario {
  if (!hasMigrationOptions(o)) return scenario;
  const gross = o.inPerYear !== undefined || o.outRate !== undefined;
  if (o.netPerYear !== undefined && gross)
    throw new UserError(
      `${MIGRATION_FLAGS.netPerYear}: expected either a net figure or gross flows (${MIGRATION_FLAGS.inPerYear}, ${MIGRATION_FLAGS.outRate}), not both, got ${given(o)}`,
    );
  const own = (scenario as { migration?: Record<string, unknown> }).migration;
  const m: Record<string, unknown> = own && typeof own === 'object' ? { ...own } : {};
  if (o.netPerYear !== undefined) {
    m.netPerYear = o.netPerYear;
    delete m.inPerYear;
    delete m.outRate;
  }
  if (gross) {
    delete m.netPerYear;
    delete m.flowDifference; // it turns the scenario's net figure into flows: gone with it
    if (o.inPerYear !== undefined) m.inPerYear = o.inPerYear;
    if (o.outRate !== undefined) m.outRate = o.outRate;
  }
  if (o.flowDifference !== undefined) m.flowDifference = o.flowDifference;
  const patched = { ...(scenario as object), migration: m } as Scenario;
  try {
    parseScenario(patched);
  } catch (e) {
    if (e instanceof InputError) throw new UserError(`${culprits(e.issues, o)}: invalid migration for ${scenarioFile}:\n${indent(e.message)}`);
    throw e;
  }
  return patched;
}

/** The options as typed: `--out-rate 1.5 --in-per-year 100`. */
function given(o: MigrationOptions, keys: (keyof MigrationOptions)[] = Object.keys(MIGRATION_FLAGS) as (keyof MigrationOptions)[]): string {
  return keys
    .filter((k) => o[k] !== undefined)
    .map((k) => `${MIGRATION_FLAGS[k]} ${display(o[k]!)}`)
    .join(' ');
}

function display(v: MigrationPath | FlowDifferenceOption): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return Object.entries(v)
    .map(([k, x]) => (/^-?\d+$/.test(k) ? `${k}:${x}` : `${k}=${x}`))
    .join(',');
}

/** The options an error's issues point at (by their paths), or all those given. */
function culprits(issues: readonly Issue[], o: MigrationOptions): string {
  const keys = (Object.keys(MIGRATION_FLAGS) as (keyof MigrationOptions)[]).filter(
    (k) => o[k] !== undefined && issues.some((i) => i.path === `migration.${k}` || i.path.startsWith(`migration.${k}.`) || i.path.startsWith(`migration.${k}[`)),
  );
  return given(o, keys.length ? keys : undefined);
}
