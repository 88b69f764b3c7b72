/**
 * The cached code-server in `<repo>/.vscode-test/code-server-<version>/` (the
 * same cache folder that @vscode/test-electron uses): which version, where, and
 * whether what is there works. A folder alone proves nothing: an install whose
 * native build scripts failed still has code-server's JavaScript, so the
 * built files are checked and the binary is asked for its version.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runToCompletion } from '../externalPrograms';
import { repoRoot } from '../repoRoot';
import { isolatedEnv } from './isolatedEnv';

/** Newest code-server release whose `engines` accept Node 20 (VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';

/** Native files that must exist after a complete install (they prove the install scripts ran). */
const REQUIRED_BUILD_OUTPUTS = [
  'node_modules/argon2/lib/binding/napi-v3/argon2.node',
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'node_modules/code-server/lib/vscode/node_modules.asar',
];

const ENTRY_RELATIVE = path.join('node_modules', 'code-server', 'out', 'node', 'entry.js');

/** `<root>/.vscode-test/code-server-<version>` */
export function codeServerDir(root: string = repoRoot()): string {
  return path.join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

/** code-server's `entry.js` inside an install folder (the cache folder or a staging copy of it). */
export function entryIn(installDir: string): string {
  return path.join(installDir, ENTRY_RELATIVE);
}

/** Runs `entry.js --version` with a throw-away HOME; returns the first line, or undefined if it fails. */
export async function codeServerVersion(entry: string): Promise<string | undefined> {
  if (!fs.existsSync(entry)) {
    return undefined;
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-version-'));
  try {
    const config = path.join(home, 'config.yaml');
    fs.writeFileSync(config, 'auth: none\n');
    const result = await runToCompletion(process.execPath, [entry, '--config', config, '--version'], { env: isolatedEnv(home) });
    if (result.code !== 0) {
      return undefined;
    }
    // The version line looks like `4.100.3 <commit> with Code 1.100.3`; log lines may precede it.
    return result.stdout
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /^\d+\.\d+\.\d+ /.test(l));
  } catch {
    return undefined;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export function missingBuildOutputs(installDir: string): string[] {
  return REQUIRED_BUILD_OUTPUTS.filter((rel) => !fs.existsSync(path.join(installDir, rel)));
}

export async function isUsableInstall(installDir: string): Promise<boolean> {
  if (missingBuildOutputs(installDir).length > 0) {
    return false;
  }
  const version = await codeServerVersion(entryIn(installDir));
  return version !== undefined && version.startsWith(CODE_SERVER_VERSION);
}
