import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './userError.js';

/**
 * Writing the command's files under `--out`: the directory is made one level at a time, and each
 * file appears whole or not at all.
 */

/**
 * Makes the directory `dir` and its missing parents, or throws a {@link UserError} saying which
 * one cannot be made and why.
 *
 * Not `mkdir(dir, { recursive: true })`: where a file system answers ENOENT for a child of a
 * directory that exists (procfs: `mkdir /proc/x`; a dangling link), Node's recursive mkdir makes
 * the parent again (EEXIST), retries the child, and loops forever. Here each level is made once,
 * from the deepest existing ancestor down, and the first refusal is the answer.
 */
export async function makeDirectory(dir: string, option = '--out'): Promise<void> {
  const missing: string[] = [];
  for (let d = resolve(dir); ; ) {
    const kind = await kindOf(d, dir, option);
    if (kind === 'directory') break;
    if (kind === 'other') throw new UserError(`${option} ${dir}: ${d} exists and is not a directory`);
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && (await kindOf(d, dir, option)) === 'directory') continue; // made meanwhile
      throw new UserError(`${option} ${dir}: cannot create the directory ${d} (${reason(e)})`);
    }
  }
}

/** What is at `path`: a directory, something else, or nothing (ENOENT, or a file on the way: ENOTDIR). */
async function kindOf(path: string, dir: string, option: string): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new UserError(`${option} ${dir}: cannot look at ${path} (${reason(e)})`);
  }
}

/** A file system error in words, with its code. */
function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied, ${code}`;
    case 'EROFS':
      return 'read-only file system, EROFS';
    case 'ENOSPC':
      return 'no space left on the device, ENOSPC';
    case 'EEXIST':
      return 'a file or a dangling link is in the way, EEXIST';
    case 'ENOENT':
      return 'the file system refuses to create it here, ENOENT';
    default:
      return code ? `${code}: ${(e as Error).message}` : String(e);
  }
}

/** Temporary files being written now: {@link removeTemporaryFiles} deletes them on an interruption. */
const pending = new Set<string>();

/**
 * Writes `content` to `path` atomically: into a temporary file in the same directory (so that the
 * rename stays on one file system), flushed to disk, then renamed over `path` — POSIX `rename(2)`
 * replaces the target in one step, so a reader sees the old file or the new one, never a part.
 * On failure the temporary file is removed and the error propagates.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    const h = await open(tmp, 'wx');
    try {
      await h.writeFile(content, 'utf8');
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/** Deletes the temporary files of writes still under way (main.ts calls it on SIGINT and SIGTERM). */
export function removeTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}
