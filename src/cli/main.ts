#!/usr/bin/env node
/**
 * `ccmpp`: the command. A thin wrapper around {@link runCli}: it prints, writes the files and sets
 * the exit code. Runs from source (`tsx src/cli/main.ts …`) and built (`dist/cli.js`).
 */
import { dirname } from 'node:path';
import { runCli } from './app.js';
import { EXIT } from './errors.js';
import { UserError } from './userError.js';
import { makeDirectory, removeTemporaryFiles, writeFileAtomic } from './files.js';
import type { Progress } from './output.js';

/**
 * A reader that stops reading (`ccmpp … | head -1`) closes the pipe: the writes that follow fail
 * with EPIPE. That ends the output, not the run — the files under `--out` are still written whole —
 * and is no error (exit 0, as when the reader had read it all). Any other failure to write a
 * standard stream (a full disk behind `> file`) is reported on stderr, if it can be, with exit 2.
 */
let streamFailure: string | undefined;
for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    if (streamFailure !== undefined) return;
    streamFailure = `ccmpp: cannot write to ${name}: ${e.message}\n`;
    process.exitCode = EXIT.user; // the error may come after main() has returned its code
    if (name === 'stdout' && process.stderr.writable) process.stderr.write(streamFailure);
  });
}

async function main(): Promise<number> {
  const progress = process.stderr.isTTY ? await terminalProgress() : undefined;
  // The --out directory is made before the command runs, so that a directory that cannot be made
  // fails at once, not after a long simulation.
  const r = await runCli(process.argv.slice(2), { ...(progress ? { progress } : {}), prepareOut: (dir) => makeDirectory(dir) });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.exitCode !== 0) return r.exitCode;
  const stopWatching = removeTemporaryFilesOnInterrupt();
  try {
    for (const f of r.files) {
      try {
        await makeDirectory(dirname(f.path));
        await writeFileAtomic(f.path, f.content);
      } catch (e) {
        process.stderr.write(e instanceof UserError ? `ccmpp: ${e.message}\n` : `ccmpp: cannot write ${f.path}: ${(e as Error).message}\n`);
        return EXIT.user;
      }
      process.stderr.write(`ccmpp: wrote ${f.path}\n`);
    }
  } finally {
    stopWatching();
  }
  return streamFailure === undefined ? EXIT.ok : EXIT.user;
}

/**
 * While the --out files are written, an interruption (SIGINT, SIGTERM) leaves no temporary file
 * behind and ends with the conventional status, 128 + the signal's number. Only then: during the
 * computation the signals keep their default, immediate effect.
 */
function removeTemporaryFilesOnInterrupt(): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      removeTemporaryFiles();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
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
    process.exitCode = streamFailure === undefined ? code : EXIT.user;
  },
  (e: unknown) => {
    process.stderr.write(`ccmpp: internal error (please report it):\n${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  },
);
