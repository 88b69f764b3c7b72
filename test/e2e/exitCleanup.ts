/**
 * Cleanup that must happen however the run ends. code-server, its extension
 * hosts and npm's install scripts run in process groups of their own (so that
 * one signal ends all of them), and every instance, browser profile and test
 * workspace lives in a temporary folder: an interrupted or crashed run must
 * leave neither processes nor folders behind on a shared machine.
 */
import * as fs from 'fs';

/** Process groups (code-server instances, npm installs) to kill if this process ends with them still up. */
const processGroups = new Set<number>();
const tempDirs = new Set<string>();
let exitHooksInstalled = false;

/** Signals the whole process group led by `pid`; false when it is already gone. */
export function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) {
    return;
  }
  exitHooksInstalled = true;
  // Last resort: synchronous cleanup when the process ends with things still up.
  process.on('exit', () => {
    for (const pid of processGroups) {
      killGroup(pid, 'SIGKILL');
    }
    processGroups.clear();
    for (const dir of tempDirs) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
    tempDirs.clear();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as NodeJS.Signals[]) {
    process.once(signal, () => {
      // process.exit runs the 'exit' handler above.
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Kills the process group `pid` (SIGKILL) if this process exits first. Returns the function that forgets it. */
export function killOnExit(pid: number): () => void {
  installExitHooks();
  processGroups.add(pid);
  return () => {
    processGroups.delete(pid);
  };
}

/**
 * Removes `dir` when this process exits, however it exits (normal end,
 * process.exit, SIGINT/SIGTERM/SIGHUP). Returns a function that removes the
 * folder now and forgets it.
 */
export function removeOnExit(dir: string): () => void {
  installExitHooks();
  tempDirs.add(dir);
  return () => {
    tempDirs.delete(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
