/**
 * Entry point of `npm run test:e2e`.
 *
 * 1. checks the system packages (Chromium) and installs code-server on demand;
 * 2. packages the extension into a .vsix with vsce;
 * 3. runs every `*.e2e.js` next to this file with mocha, sharing one
 *    code-server (with the .vsix installed) and one Chromium through the
 *    `context` of context.ts;
 * 4. then, when `out/test/suite/index.js` exists, runs that in-extension-host
 *    mocha suite inside the workbench (extensionDevelopmentPath +
 *    extensionTestsPath), with a copy of test/fixtures/workspace open, and
 *    reports it as one more test.
 *
 * Usage: node out/test/e2e/run.js [name-filter ...] [--grep RE] [--no-suite | --suite-only]
 *        [--suite PATH/TO/index.js] [--dev PATH/TO/EXTENSION] [--suite-folder PATH/TO/WORKSPACE]
 *        [--retries N]
 * A test that fails is run again up to N times (default 0); every failed attempt is
 * reported with its error and screenshot, and the summary lists the tests that needed one.
 * Env:   E2E_VERBOSE=1 echoes code-server's output; ATTEST_SUITE_GREP reaches the
 *        extension host (code-server and its extension hosts inherit this environment).
 *
 * Layout: codeServer/ installs and starts code-server, workbench/ drives the
 * workbench in a page, runner/ plans and runs the tests; the tests import from
 * those, from context.ts and from attest.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHROMIUM_PATH } from './chromium';
import { ensureCodeServer } from './codeServer/install';
import { beginRun, type RunState } from './context';
import { removeOnExit } from './exitCleanup';
import { printProgress } from './progress';
import { repoRoot } from './repoRoot';
import { parseArgs } from './runner/args';
import { createMocha, runReportingRetries } from './runner/mochaRun';
import { packageExtension } from './runner/packageExtension';
import { rootHooks } from './runner/rootHooks';
import { planTests } from './runner/testPlan';

/** Says how to install Chromium, with the script's path as the user can type it from where they are. */
function reportMissingChromium(root: string): void {
  const script = path.join(root, 'scripts', 'install-e2e-deps.sh');
  const shown = path.relative(process.cwd(), script).startsWith('..') ? script : path.relative(process.cwd(), script);
  process.stderr.write(
    `e2e: ${CHROMIUM_PATH} is missing. Install the system packages the end-to-end tests need (as root) with:\n` +
      `  bash ${shown}\n`,
  );
}

/** Packages the extension into `tmp`; a failure is recorded, not thrown, so that the tests not needing it still run. */
function packageInto(runState: RunState, tmp: string): void {
  const t1 = Date.now();
  const packaged = packageExtension(runState.root, path.join(tmp, 'attest.vsix'));
  runState.vsix = packaged.vsix;
  runState.vsixError = packaged.error;
  if (packaged.vsix) {
    printProgress(`packaged ${path.basename(packaged.vsix)} (${Date.now() - t1} ms)`);
  } else {
    printProgress(`packaging the extension failed; tests that need it will fail:\n${packaged.error ?? ''}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const root = repoRoot();

  if (!fs.existsSync(CHROMIUM_PATH)) {
    reportMissingChromium(root);
    return 1;
  }

  const t0 = Date.now();
  await ensureCodeServer({ root });
  printProgress(`code-server ready (${Date.now() - t0} ms)`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-run-'));
  const removeTmp = removeOnExit(tmp);
  const runState = beginRun(root);
  packageInto(runState, tmp);

  const mocha = createMocha(args, rootHooks(runState));
  const problem = await planTests(mocha, args, root, __dirname);
  if (problem !== undefined) {
    process.stderr.write(`e2e: ${problem}\n`);
    return 1;
  }

  const failures = await runReportingRetries(mocha);
  removeTmp();
  return failures > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // Exit explicitly: the exit hooks of exitCleanup.ts then end anything left running.
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`e2e: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
