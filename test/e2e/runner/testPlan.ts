/**
 * Which tests a run has: the `*.e2e.js` files next to run.js that the name
 * filters select, then the extension host suite as one more test. The suite
 * comes last because it is the slowest and a failing workbench test is the
 * quicker clue.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');
import { context } from '../context';
import type { RunnerArgs } from './args';
import { runExtensionHostSuite } from './extensionHostSuite';

/**
 * Adds the selected tests to `mocha`, reading the e2e files from `testsDir`.
 * Returns why the run cannot go on (no tests, or a missing suite that was
 * asked for alone), or undefined.
 */
export async function planTests(mocha: Mocha, args: RunnerArgs, root: string, testsDir: string): Promise<string | undefined> {
  if (args.suite !== 'only') {
    const files = fs
      .readdirSync(testsDir)
      .filter((f) => f.endsWith('.e2e.js'))
      .filter((f) => args.filters.length === 0 || args.filters.some((filter) => f.includes(filter)))
      .sort();
    for (const f of files) {
      mocha.addFile(path.join(testsDir, f));
    }
  }
  // Load the files now so that the extension host suite below comes last.
  await mocha.loadFilesAsync();

  const suitePath = args.suitePath ?? path.join(root, 'out', 'test', 'suite', 'index.js');
  const devPath = args.devPath ?? root;
  if (args.suite !== 'skip' && fs.existsSync(suitePath)) {
    const suite = Mocha.Suite.create(mocha.suite, 'extension host suite');
    const shownPath = suitePath.startsWith(root + path.sep) ? path.relative(root, suitePath) : suitePath;
    suite.addTest(
      new Mocha.Test(`${shownPath} exits with 0`, async function (this: Mocha.Context) {
        this.timeout(660000);
        // The suite edits files: it gets a copy of its workspace.
        const fixture = args.suiteFolder ?? path.join(root, 'test', 'fixtures', 'workspace');
        let folder: string | undefined;
        if (fs.existsSync(fixture)) {
          folder = context.makeWorkspace({});
          fs.cpSync(fixture, folder, { recursive: true });
        }
        const result = await runExtensionHostSuite({
          server: context.server,
          browser: context.browser,
          extensionDevelopmentPath: devPath,
          extensionTestsPath: suitePath,
          folder,
        });
        if (result.exitCode !== 0) {
          throw new Error(`the extension host suite exited with ${result.exitCode}`);
        }
      }),
    );
  } else if (args.suite === 'only') {
    return `${suitePath} does not exist`;
  }

  if (mocha.suite.total() === 0) {
    return 'no tests found (expected *.e2e.js next to run.js)';
  }
  return undefined;
}
