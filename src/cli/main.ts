#!/usr/bin/env node
/**
 * `ccmpp`: the command. A thin wrapper around {@link runCli}: it prints, writes the files and sets
 * the exit code. Runs from source (`tsx src/cli/main.ts …`) and built (`dist/cli.js`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runCli } from './app.js';
import type { Progress } from './output.js';

async function main(): Promise<number> {
  const progress = process.stderr.isTTY ? await terminalProgress() : undefined;
  const r = await runCli(process.argv.slice(2), progress ? { progress } : {});
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.exitCode !== 0) return r.exitCode;
  for (const f of r.files) {
    try {
      await mkdir(dirname(f.path), { recursive: true });
      await writeFile(f.path, f.content);
    } catch (e) {
      process.stderr.write(`ccmpp: cannot write ${f.path}: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`ccmpp: wrote ${f.path}\n`);
  }
  return 0;
}

/** A progress bar on stderr (cli-progress, loaded only on a terminal). */
async function terminalProgress(): Promise<() => Progress> {
  const { default: cp } = await import('cli-progress');
  return () => {
    const bar = new cp.SingleBar(
      { stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} trajectories | {eta}s left', hideCursor: true, clearOnComplete: true },
      cp.Presets.shades_classic,
    );
    return { start: (total) => bar.start(total, 0), update: (done) => bar.update(done), stop: () => bar.stop() };
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`ccmpp: internal error (please report it):\n${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
