import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { UserError } from '../../src/cli/userError.js';
import { yingkou } from '../../src/yingkou/data.js';

/** A fresh temporary directory. */
export function tempDir(prefix = 'ccmpp-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (name → text) into a fresh temporary directory; returns name → path. */
export function writeTemp(files: Record<string, string>): Record<string, string> {
  const dir = tempDir();
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    out[name] = join(dir, name);
    writeFileSync(out[name]!, text);
  }
  return out;
}

/** The Yingkou 2015 base and plan scenario as the files a user would write. */
export function yingkouFiles(): { base: string; plan: string; dir: string } {
  const b = yingkou.base2015;
  const f = writeTemp({
    'base.json': JSON.stringify({ year: b.year, female: Array.from(b.female), male: Array.from(b.male) }),
    'plan.json': JSON.stringify(yingkou.scenarios.plan),
  });
  return { base: f['base.json']!, plan: f['plan.json']!, dir: f['base.json']!.replace(/\/base\.json$/, '') };
}

/** The shipped templates. */
export const TEMPLATES = {
  scenario: 'data/templates/scenario.json',
  population: 'data/templates/population.csv',
  uncertainty: 'data/templates/uncertainty.json',
} as const;

/** The message of the UserError `fn` throws (the test fails if it throws anything else, or nothing). */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

/** Runs the command in-process; it must succeed (exit 0). Its stdout. */
export async function runOk(argv: string[]): Promise<string> {
  const r = await runCli(argv);
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout;
}

/** Runs the command in-process; it must fail as a user error (exit 2, nothing on stdout). Its stderr. */
export async function runUserError(argv: string[]): Promise<string> {
  const r = await runCli(argv);
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe('');
  return r.stderr;
}
