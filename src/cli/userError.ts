/**
 * A problem with what the user gave the command or the explorer (a missing file, bad JSON, an invalid scenario, a
 * target that cannot be posed): printed as a plain message (exit code 2, no stack trace) or shown beside the field.
 */
export class UserError extends Error {
  override name = 'UserError';
}
