/**
 * Entry point of the suite that runs inside the VS Code extension host (desktop through
 * @vscode/test-electron, test/electron/run.ts; code-server through test/e2e). Runs every
 * compiled `*.test.js` next to this file with mocha and rejects when a test fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? testFiles(full) : entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, slow: 5_000 });
  const grep = process.env.ATTEST_SUITE_GREP;
  if (grep) mocha.grep(grep);
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension host test(s) failed.`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
