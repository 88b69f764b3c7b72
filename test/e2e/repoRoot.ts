/**
 * Where the repository is, for the caches and artifacts that live in it
 * (`.vscode-test/`, `test-results/`). The compiled runner sits in `out/test/e2e/`,
 * and may be run from any folder, so the root is found from the file, not the cwd.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * The repository root: $ATTEST_E2E_ROOT when set, otherwise the nearest folder
 * above this file whose package.json is named "attest", otherwise the cwd.
 */
export function repoRoot(): string {
  const fromEnv = process.env.ATTEST_E2E_ROOT;
  if (fromEnv) {
    return path.resolve(fromEnv);
  }
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'attest') {
          return dir;
        }
      } catch {
        // not a readable package.json; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return process.cwd();
    }
    dir = parent;
  }
}
