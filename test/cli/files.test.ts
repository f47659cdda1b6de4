import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';
import { makeDirectory, writeFileAtomic } from '../../src/cli/files.js';
import { TEMPLATES, tempDir } from './helpers.js';

// Files under --out: the directory is made level by level with a clear refusal, and each file is
// written atomically (a temporary file in the same directory, renamed over the target).

describe('makeDirectory', () => {
  it('makes missing parents, and accepts a directory that exists', async () => {
    const root = tempDir();
    await makeDirectory(join(root, 'a', 'b', 'c'));
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['c']);
    await makeDirectory(join(root, 'a', 'b', 'c'));
  });

  it('names what is in the way: a file, a dangling link, procfs', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), 'x');
    await expect(makeDirectory(join(root, 'file', 'sub'))).rejects.toThrow(`--out ${join(root, 'file', 'sub')}: ${join(root, 'file')} exists and is not a directory`);
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    await expect(makeDirectory(join(root, 'dangling', 'out'))).rejects.toThrow(
      `--out ${join(root, 'dangling', 'out')}: cannot create the directory ${join(root, 'dangling')} (a file or a dangling link is in the way, EEXIST)`,
    );
    // Node's mkdir(…, { recursive: true }) never settles here (ENOENT for a child of an existing directory).
    if (readdirSync('/proc').includes('self')) await expect(makeDirectory('/proc/ccmpp/x')).rejects.toThrow('cannot create the directory /proc/ccmpp (the file system refuses to create it here, ENOENT)');
  });

  it('runCli makes --out before the command runs: its refusal is a user error (exit 2), nothing computed', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file'), 'x');
    const seen: string[] = [];
    const prepareOut = async (dir: string) => {
      seen.push(dir);
      await makeDirectory(dir);
    };
    const out = join(root, 'file', 'results');
    const r = await runCli(['project', TEMPLATES.scenario, '--base', 'no-such-base.csv', '--year', '2015', '--until', '2030', '--out', out], { prepareOut });
    expect(seen).toEqual([out]);
    // The base file is missing too: the --out check came first.
    expect(r).toMatchObject({ exitCode: 2, stdout: '', stderr: `ccmpp: --out ${out}: ${join(root, 'file')} exists and is not a directory\n` });
    const none = await runCli(['project', TEMPLATES.scenario, '--base', TEMPLATES.population, '--year', '2015', '--until', '2030'], { prepareOut });
    expect(none.exitCode).toBe(0);
    expect(seen).toEqual([out]); // no --out, nothing made
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file in one step and leaves no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old\n');
    await writeFileAtomic(path, 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('on failure keeps what was there and removes its temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'report.html');
    mkdirSync(path); // a directory where the file should go: the rename fails
    writeFileSync(join(path, 'keep'), 'x');
    await expect(writeFileAtomic(path, '<html>')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(readdirSync(path)).toEqual(['keep']);
  });
});
