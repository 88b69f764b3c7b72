import { execFile } from 'child_process';
import type * as vscode from 'vscode';
import { serverModule } from '../settings';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the bundled CLI (`dist/attest.js`) with the extension host's own runtime. On the
 * desktop `process.execPath` is Electron, which runs as plain Node with ELECTRON_RUN_AS_NODE;
 * in a remote or web-served extension host it is Node already and the variable is ignored.
 */
export function runCli(context: vscode.ExtensionContext, args: readonly string[], cwd?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [serverModule(context), ...args],
      { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' }, maxBuffer: 32 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}
