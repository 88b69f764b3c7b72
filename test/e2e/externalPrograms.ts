/**
 * Finding and running the programs the harness needs (npm, tar, rg, code-server's
 * own CLI) when their whole output is wanted at the end, not as it comes.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface ProgramResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The executable `command` on $PATH, or undefined; used to check prerequisites before a long install. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Runs `command` to its end and collects what it printed; rejects only when it cannot be started. */
export function runToCompletion(command: string, args: string[], options: childProcess.SpawnOptions): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
