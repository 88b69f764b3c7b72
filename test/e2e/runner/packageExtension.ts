/**
 * Packaging the extension into a .vsix, so that the tests install and run
 * what users get (the bundles and files that .vscodeignore lets through), not
 * the source tree. A packaging failure is returned, not thrown: the tests that
 * do not need the extension still run and show whether the workbench works.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Packages the extension at `root` with the vsce from its node_modules
 * (`vsce package --no-dependencies --allow-missing-repository --skip-license`).
 */
export function packageExtension(root: string, outFile: string): { vsix?: string; error?: string } {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!fs.existsSync(vsce)) {
    return { error: `${vsce} is missing: run npm install` };
  }
  const result = childProcess.spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', outFile],
    { cwd: root, encoding: 'utf8', timeout: 300000 },
  );
  if (result.status === 0 && fs.existsSync(outFile)) {
    return { vsix: outFile };
  }
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  return { error: `vsce package exited with ${result.status}: ${output.split('\n').slice(-15).join('\n')}` };
}
