/** A problem the user can fix (not a bug): the CLI prints its one-line message, without a stack, and exits with 2. */
export class CliError extends Error {}

/** Thrown for bad usage: printed like a CliError, followed by a pointer to `attest --help`. */
export class UsageError extends CliError {}
