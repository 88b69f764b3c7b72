/**
 * Runs the extension-host suite (test/suite) in VS Code desktop with @vscode/test-electron:
 * downloads VS Code into .vscode-test/ on the first run, opens a copy of
 * test/fixtures/workspace (the suite edits and creates files) with the extension under
 * development and no other extensions.
 *
 * Usage: node out/test/electron/run.js   (after `npm run build`)
 * Environment: VSCODE_TEST_VERSION (default `stable`), ATTEST_SUITE_GREP (mocha grep).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.join(root, 'out', 'test', 'suite', 'index.js');
  for (const required of [path.join(root, 'dist', 'extension.js'), path.join(root, 'dist', 'attest.js'), extensionTestsPath]) {
    if (!fs.existsSync(required)) {
      process.stderr.write(`${path.relative(root, required)} does not exist: run \`npm run build\` first.\n`);
      return 1;
    }
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'user-data')}`],
      extensionTestsEnv: { ATTEST_SUITE_GREP: process.env.ATTEST_SUITE_GREP ?? '' },
    });
    return 0;
  } catch (error) {
    process.stderr.write(`The extension host suite failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
