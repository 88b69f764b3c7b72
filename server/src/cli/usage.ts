/** Thrown for bad usage; the CLI prints the message and its usage, and exits with 2. */
export class UsageError extends Error {}
