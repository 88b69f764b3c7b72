/**
 * The mocha run with retries. A real workbench can stall for reasons of its
 * own, so a failed test may be run again (`--retries N`); a retry must not
 * hide a failure, so every failed attempt is printed with its error as it
 * happens, and listed again after mocha's summary.
 */
import Mocha = require('mocha');
import { printProgress } from '../progress';
import type { RunnerArgs } from './args';

export function createMocha(args: RunnerArgs, rootHooks: Mocha.RootHookObject): Mocha {
  return new Mocha({
    timeout: 120000,
    reporter: 'spec',
    color: Boolean(process.stdout.isTTY),
    grep: args.grep,
    retries: args.retries,
    rootHooks,
  });
}

/** Runs the tests added to `mocha`; resolves with the number of failures. */
export async function runReportingRetries(mocha: Mocha): Promise<number> {
  const retried: string[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on(Mocha.Runner.constants.EVENT_TEST_RETRY, (test: Mocha.Test, err: unknown) => {
      retried.push(test.fullTitle());
      printProgress(`attempt failed, running it again: ${test.fullTitle()}\n  ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  if (retried.length > 0) {
    printProgress(`${retried.length} failed attempt(s) before the result above:\n  ${retried.join('\n  ')}`);
  }
  return failures;
}
