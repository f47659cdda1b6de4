import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/app.js';

// The README quotes the command's output in blocks marked `<!-- output: <arguments> -->`: each is
// run here (in-process, from the repository's root, as `ccmpp <arguments>`) and every quoted line
// must be a line it prints, verbatim and in order.

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/<!-- output: (.+?) -->\n```\n([\s\S]*?)\n```/g)].map((m) => ({ args: m[1]!.split(' '), quoted: m[2]!.split('\n') }));

describe("README: the command's quoted output", () => {
  it('has quoted blocks', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(2);
  });

  it.each(BLOCKS.map((b) => [b.args.join(' '), b] as const))('ccmpp %s', async (_, b) => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const r = await runCli(b.args);
      expect(r.exitCode, r.stderr).toBe(0);
      const printed = r.stdout.split('\n');
      // In order: each quoted line is found after the previous one.
      let at = 0;
      for (const line of b.quoted) {
        const i = printed.indexOf(line, at);
        expect(i, `quoted line not printed (in order): ${JSON.stringify(line)}`).toBeGreaterThanOrEqual(0);
        at = i + 1;
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
