import { CommanderError } from 'commander';
import { InputError } from '../validate/errors.js';
import { UserError } from './userError.js';


/** Exit codes of `ccmpp`. */
export const EXIT = { ok: 0, internal: 1, user: 2 } as const;

/**
 * The message and exit code for an error thrown by a command: user errors (ours, the library's
 * InputError, commander's usage errors) exit 2 with their message; anything else is a bug and exits
 * 1 with its stack, so that it can be reported.
 */
export function describeError(e: unknown): { message: string; exitCode: 1 | 2 } {
  if (e instanceof UserError) return { message: `ccmpp: ${e.message}\n`, exitCode: EXIT.user };
  if (e instanceof InputError) return { message: `ccmpp: invalid input:\n${indent(e.message)}\n`, exitCode: EXIT.user };
  if (e instanceof CommanderError) return { message: '', exitCode: EXIT.user }; // commander has printed it
  const stack = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
  return { message: `ccmpp: internal error (please report it):\n${stack}\n`, exitCode: EXIT.internal };
}

/** Indents every line by two spaces. */
export function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
