/**
 * Progress lines of the end-to-end run. They go to stderr, so that stdout holds
 * only mocha's report (and the extension host suite's lines), whatever the
 * runner itself has to say about installs, packaging, screenshots or retries.
 */
export function printProgress(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}
