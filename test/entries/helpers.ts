import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The entry-point tests run against the built package (dist/, built by `npm test`'s pretest), each
// case in a fresh Node process started in the repository, where Node resolves 'ccmpp' and its
// subpaths through the package's own "exports", as a user's project resolves them.

export const ROOT = join(import.meta.dirname, '..', '..');
export const TMP = join(ROOT, 'test', '.tmp', 'entries');

/** Writes `source` to test/.tmp/entries/<file> and runs it with Node; returns the finished process. */
export function runNode(file: string, source: string, args: string[] = [], env: Record<string, string> = {}) {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, file);
  writeFileSync(path, source);
  return spawnSync(process.execPath, [...args, path], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
}

/** Writes a helper file next to the scripts and returns its path. */
export function writeTmp(file: string, source: string): string {
  mkdirSync(TMP, { recursive: true });
  const path = join(TMP, file);
  writeFileSync(path, source);
  return path;
}
