/**
 * One running code-server process: spawned in a process group of its own,
 * because its extension hosts are children that must end with it; its output
 * kept (it is the only clue when the workbench fails) and read for the port it
 * chose, since it binds port 0 so that parallel runs never collide.
 */
import * as childProcess from 'child_process';
import * as http from 'http';
import { killGroup, killOnExit } from '../exitCleanup';

/** How much of code-server's output is kept: enough for its last start-up and crash messages. */
const MAX_OUTPUT = 2 * 1024 * 1024;

export interface CodeServerProcess {
  /** Everything code-server printed so far (capped to the last ~2 MB). */
  output(): string;
  /**
   * Resolves with the port once code-server reports it and answers /healthz;
   * rejects when it exits first or `startTimeoutMs` passes.
   */
  serving(startTimeoutMs: number): Promise<number>;
  /** Ends code-server and its extension hosts (whole process group): SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

function httpGetStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** Starts `node entry args...`; throws when the process cannot be spawned. */
export function spawnCodeServer(entry: string, args: string[], env: NodeJS.ProcessEnv, verbose: boolean): CodeServerProcess {
  const child = childProcess.spawn(process.execPath, [entry, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('could not spawn code-server');
  }
  const forgetGroup = killOnExit(pid);

  let output = '';
  let exited: string | undefined;
  let resolvePort: (port: number) => void = () => undefined;
  const portPromise = new Promise<number>((resolve) => (resolvePort = resolve));
  const onData = (d: Buffer): void => {
    const text = d.toString();
    if (verbose) {
      process.stderr.write(text.replace(/^/gm, '[code-server] '));
    }
    output += text;
    if (output.length > MAX_OUTPUT) {
      output = output.slice(-MAX_OUTPUT);
    }
    const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
    if (match) {
      resolvePort(Number(match[1]));
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exitPromise = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `code-server exited (code ${code}, signal ${signal})`;
      resolve();
    });
  });

  const stop = async (): Promise<void> => {
    if (exited === undefined) {
      killGroup(pid, 'SIGTERM');
      const killed = await Promise.race([
        exitPromise.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref()),
      ]);
      if (!killed) {
        killGroup(pid, 'SIGKILL');
        await exitPromise;
      }
    }
    // Extension hosts share the process group; make sure none is left.
    killGroup(pid, 'SIGKILL');
    forgetGroup();
  };

  const serving = async (startTimeoutMs: number): Promise<number> => {
    const deadline = Date.now() + startTimeoutMs;
    const port = await Promise.race([
      portPromise,
      exitPromise.then(() => Promise.reject(new Error(exited))),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`code-server did not report its port within ${startTimeoutMs} ms`)), startTimeoutMs).unref(),
      ),
    ]);
    // A reported port is not yet proof of a working server: wait for its health check too.
    const url = `http://127.0.0.1:${port}/`;
    for (;;) {
      if (exited !== undefined) {
        throw new Error(exited);
      }
      if ((await httpGetStatus(`${url}healthz`, 2000)) === 200) {
        return port;
      }
      if (Date.now() > deadline) {
        throw new Error(`code-server at ${url} did not answer /healthz within ${startTimeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  return { output: () => output, serving, stop };
}
