/**
 * The command line of `node out/test/e2e/run.js` (see run.ts for its usage
 * line). Unknown options are errors rather than name filters, so that a
 * mistyped flag cannot silently select no test file.
 */
import * as path from 'path';

export interface RunnerArgs {
  /** Test files run are those whose name contains one of these; all when empty. */
  filters: string[];
  /** mocha's --grep over full test titles. */
  grep?: string;
  /** Whether the extension host suite runs after the e2e files, is left out, or runs alone. */
  suite: 'default' | 'skip' | 'only';
  suitePath?: string;
  devPath?: string;
  suiteFolder?: string;
  /** How many times a failed test is run again. */
  retries: number;
}

export function parseArgs(argv: string[]): RunnerArgs {
  const args: RunnerArgs = { filters: [], suite: 'default', retries: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${a} needs a value`);
      }
      return v;
    };
    if (a === '--grep' || a === '-g') {
      args.grep = value();
    } else if (a === '--no-suite') {
      args.suite = 'skip';
    } else if (a === '--suite-only') {
      args.suite = 'only';
    } else if (a === '--suite') {
      args.suitePath = path.resolve(value());
    } else if (a === '--dev') {
      args.devPath = path.resolve(value());
    } else if (a === '--suite-folder') {
      args.suiteFolder = path.resolve(value());
    } else if (a === '--retries') {
      args.retries = Number(value());
      if (!Number.isInteger(args.retries) || args.retries < 0) {
        throw new Error(`--retries needs a whole number, not ${argv[i]}`);
      }
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else {
      args.filters.push(a);
    }
  }
  return args;
}
