/**
 * Starting and stopping isolated code-server instances. Each has its own
 * user-data-dir, extensions dir, HOME and TMPDIR in one temporary folder, so
 * that tests never see the machine's VS Code settings or extensions, nor each
 * other's, and stopping an instance leaves nothing behind.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { removeOnExit } from '../exitCleanup';
import { extensionsCli } from './extensionsCli';
import { ensureCodeServer } from './install';
import { isolatedEnv } from './isolatedEnv';
import { spawnCodeServer, type CodeServerProcess } from './serverProcess';
import { remoteUri, workbenchUrl } from './workbenchUrls';

export interface StartCodeServerOptions {
  /** Extensions folder to use; defaults to a fresh folder inside the instance's temp dir. */
  extensionsDir?: string;
  /** Extra user settings, merged over the defaults written to `User/settings.json`. */
  settings?: Record<string, unknown>;
  /** VSIX files installed (as a user would) before the server starts. */
  vsix?: string[];
  /** Extra environment for code-server (and so for its extension hosts). */
  env?: Record<string, string>;
  /** Extra command-line arguments for code-server. */
  args?: string[];
  /** How long to wait for the server to listen and answer /healthz. Default 60 s. */
  startTimeoutMs?: number;
  /** Echo code-server's output to stderr as it comes. Default: when E2E_VERBOSE is set. */
  verbose?: boolean;
  /** Repository root, forwarded to {@link ensureCodeServer}. */
  root?: string;
}

export interface CodeServerInstance {
  /** `http://127.0.0.1:PORT/` (with trailing slash). */
  readonly url: string;
  readonly port: number;
  /** `127.0.0.1:PORT`: the authority that `vscode-remote://` URIs must use. */
  readonly authority: string;
  /** The instance's temp folder (holds ud/, exts/, home/, tmp/, config.yaml); removed by stop(). */
  readonly baseDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly entry: string;
  /** Installs a .vsix into this instance's extensions dir through code-server's CLI. Windows opened afterwards see it. */
  installVsix(vsixPath: string): Promise<void>;
  /** Extension ids installed in this instance (`publisher.name@version`). */
  listExtensions(): Promise<string[]>;
  /** The workbench URL that opens `folder` (an empty window without one), optionally with `payload` entries. */
  workbenchUrl(folder?: string, payload?: Array<[string, string]>): string;
  /** `vscode-remote://127.0.0.1:PORT/abs/path` for a path on this machine. */
  remoteUri(absPath: string): string;
  /** Everything code-server printed so far (capped to the last ~2 MB). */
  output(): string;
  /** Ends code-server and its extension hosts (whole process group) and removes the temp folder. */
  stop(): Promise<void>;
}

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Flags for every start: no login, no network calls home, no dialogs that would stand between a test and the workbench. */
const SERVER_FLAGS = [
  '--bind-addr',
  '127.0.0.1:0',
  '--auth',
  'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
];

/**
 * Starts a fresh, isolated code-server (installing code-server first if
 * needed). Settings `workbench.startupEditor: none`, `telemetry.telemetryLevel:
 * off` and `git.enabled: false` are always written; `options.settings` is
 * merged over them.
 */
export async function startCodeServer(options: StartCodeServerOptions = {}): Promise<CodeServerInstance> {
  const entry = await ensureCodeServer({ root: options.root });
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-cs-'));
  const removeBaseDir = removeOnExit(baseDir);
  const userDataDir = path.join(baseDir, 'ud');
  const extensionsDir = options.extensionsDir ? path.resolve(options.extensionsDir) : path.join(baseDir, 'exts');
  const home = path.join(baseDir, 'home');
  const tmp = path.join(baseDir, 'tmp');
  const config = path.join(baseDir, 'config.yaml');
  for (const dir of [userDataDir, extensionsDir, home, tmp]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  writeJson(path.join(userDataDir, 'User', 'settings.json'), {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'git.enabled': false,
    ...options.settings,
  });

  const env = isolatedEnv(home, { TMPDIR: tmp, ...options.env });
  // The CLI and the server must agree on these folders, or the server would not see what the CLI installed.
  const instanceArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', config];
  const { installVsix, listExtensions } = extensionsCli(entry, instanceArgs, env);

  let server: CodeServerProcess;
  try {
    for (const vsix of options.vsix ?? []) {
      await installVsix(vsix);
    }
    server = spawnCodeServer(entry, [...SERVER_FLAGS, ...instanceArgs, ...(options.args ?? [])], env, options.verbose ?? Boolean(process.env.E2E_VERBOSE));
  } catch (err) {
    removeBaseDir();
    throw err;
  }

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
    await server.stop();
    removeBaseDir();
  };

  const startTimeoutMs = options.startTimeoutMs ?? 60000;
  try {
    const port = await server.serving(startTimeoutMs);
    const url = `http://127.0.0.1:${port}/`;
    const authority = `127.0.0.1:${port}`;
    return {
      url,
      port,
      authority,
      baseDir,
      userDataDir,
      extensionsDir,
      entry,
      installVsix,
      listExtensions,
      workbenchUrl: (folder?: string, payload?: Array<[string, string]>) => workbenchUrl(url, folder, payload),
      remoteUri: (absPath: string) => remoteUri(authority, absPath),
      output: () => server.output(),
      stop,
    };
  } catch (err) {
    await stop();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${message}\n--- code-server output ---\n${server.output().slice(-4000)}`);
  }
}
