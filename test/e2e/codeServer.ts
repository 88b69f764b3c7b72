/**
 * code-server for the end-to-end tests: installs a pinned code-server from the
 * npm registry on demand into `<repo>/.vscode-test/code-server-<version>/`
 * (the same cache folder that @vscode/test-electron uses), and starts isolated
 * instances of it (own user-data-dir, extensions dir, HOME and TMPDIR each).
 *
 * Requirements on the machine (see scripts/install-e2e-deps.sh): Node 20,
 * `rg`, a C/C++ toolchain, python3 and the Kerberos headers, because
 * code-server's native modules (argon2, kerberos, node-pty, ...) are built from
 * source when no prebuilt binary can be downloaded.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

/** Newest code-server release whose `engines` accept Node 20 (VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';

/** The @vscode/ripgrep version shrinkwrapped by that code-server, and the file its postinstall looks for. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

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

export interface EnsureCodeServerOptions {
  /** Repository root; defaults to {@link repoRoot}. */
  root?: string;
  /** Where progress lines go; defaults to stderr. */
  log?: (line: string) => void;
}

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

// ---------------------------------------------------------------------------
// Locations

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

/** `<root>/.vscode-test/code-server-<version>` */
export function codeServerDir(root: string = repoRoot()): string {
  return path.join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

// ---------------------------------------------------------------------------
// Install

function defaultLog(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

function which(command: string): string | undefined {
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

/** Environment without the variables that `npm run` injects for its own lifecycle. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    const k = key.toLowerCase();
    if (
      k.startsWith('npm_lifecycle_') ||
      k.startsWith('npm_package_') ||
      k === 'npm_command' ||
      k === 'npm_execpath' ||
      k === 'npm_node_execpath' ||
      k === 'init_cwd' ||
      k === 'npm_config_local_prefix' ||
      k === 'npm_config_prefix' ||
      k === 'npm_config_global_prefix' ||
      k === 'npm_config_global' ||
      k === 'npm_config_loglevel' ||
      k === 'npm_config_user_agent' ||
      k === 'npm_config_allow_scripts' ||
      k === 'npm_config_ignore_scripts' ||
      k.startsWith('vscode_') ||
      k.startsWith('electron_')
    ) {
      delete env[key];
    }
  }
  return env;
}

/** A HOME for one-off CLI calls, so that code-server writes no config into the real one. */
function isolatedEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = cleanEnv();
  env.HOME = home;
  delete env.XDG_CONFIG_HOME;
  delete env.XDG_DATA_HOME;
  delete env.XDG_CACHE_HOME;
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: childProcess.SpawnOptions): Promise<RunResult> {
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

/** Runs `entry.js --version` with a throw-away HOME; returns the first line, or undefined if it fails. */
async function codeServerVersion(entry: string): Promise<string | undefined> {
  if (!fs.existsSync(entry)) {
    return undefined;
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-version-'));
  try {
    const config = path.join(home, 'config.yaml');
    fs.writeFileSync(config, 'auth: none\n');
    const result = await run(process.execPath, [entry, '--config', config, '--version'], { env: isolatedEnv(home) });
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

function missingBuildOutputs(installDir: string): string[] {
  return REQUIRED_BUILD_OUTPUTS.filter((rel) => !fs.existsSync(path.join(installDir, rel)));
}

async function isUsableInstall(installDir: string): Promise<boolean> {
  if (missingBuildOutputs(installDir).length > 0) {
    return false;
  }
  const version = await codeServerVersion(path.join(installDir, ENTRY_RELATIVE));
  return version !== undefined && version.startsWith(CODE_SERVER_VERSION);
}

function checkInstallPrerequisites(): void {
  const problems: string[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    problems.push(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is Node ${process.versions.node}`);
  }
  for (const tool of ['rg', 'make', 'g++', 'python3', 'npm', 'tar']) {
    if (!which(tool)) {
      problems.push(`\`${tool}\` is not on PATH`);
    }
  }
  if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !fs.existsSync('/usr/include/krb5.h')) {
    problems.push('Kerberos headers are missing (Debian package libkrb5-dev)');
  }
  if (problems.length > 0) {
    throw new Error(
      `cannot install code-server ${CODE_SERVER_VERSION}:\n  - ${problems.join('\n  - ')}\n` +
        'Run scripts/install-e2e-deps.sh (as root) first.',
    );
  }
}

/** The folder holding Node's headers (include/node/node.h) for node-gyp, if this Node has them. */
function nodeHeadersDir(): string | undefined {
  const candidate = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(candidate, 'include', 'node', 'node.h')) ? candidate : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging folders left by interrupted installs of processes that are gone. */
function removeStalePartials(installDir: string): void {
  const parent = path.dirname(installDir);
  const prefix = `${path.basename(installDir)}.partial-`;
  if (!fs.existsSync(parent)) {
    return;
  }
  for (const name of fs.readdirSync(parent)) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && (pid === process.pid || !isAlive(pid))) {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/**
 * Returns the path of code-server's `entry.js`, installing code-server first when
 * the cache folder does not hold a working copy. Installing takes 1–2 minutes
 * with a cold npm cache and prints progress lines.
 */
export async function ensureCodeServer(options: EnsureCodeServerOptions = {}): Promise<string> {
  const log = options.log ?? defaultLog;
  const installDir = codeServerDir(options.root);
  const entry = path.join(installDir, ENTRY_RELATIVE);
  if (await isUsableInstall(installDir)) {
    return entry;
  }

  checkInstallPrerequisites();
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${installDir} (one-off, about 1–2 minutes)`);

  // Install into a staging folder and move it into place only once it works,
  // so an interrupted install is never mistaken for a complete one.
  const staging = `${installDir}.partial-${process.pid}`;
  removeStalePartials(installDir);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const removeStaging = removeOnExit(staging);
  const tmp = path.join(staging, 'tmp');
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify(
      {
        name: 'attest-e2e-code-server',
        private: true,
        description: 'Cache folder for the end-to-end tests; safe to delete.',
        allowScripts: { 'code-server': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );

  // @vscode/ripgrep's postinstall downloads rg unless its cache already has the
  // file: seed the cache (under TMPDIR) with the system's rg.
  const ripgrepCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(ripgrepCache, { recursive: true });
  const rgDir = path.join(tmp, 'rg-bin');
  fs.mkdirSync(rgDir);
  fs.copyFileSync(fs.realpathSync(which('rg') as string), path.join(rgDir, 'rg'));
  fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
  const tarResult = await run('tar', ['-C', rgDir, '-czf', path.join(ripgrepCache, RIPGREP_ASSET), 'rg'], {});
  if (tarResult.code !== 0) {
    throw new Error(`could not pack rg for the ripgrep cache: ${tarResult.stderr}`);
  }

  const env = cleanEnv();
  Object.assign(env, {
    TMPDIR: tmp,
    // code-server's postinstall refuses to run as root without this.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs npx.
    npm_config_yes: 'true',
    // Install scripts must run (native modules, code-server's own postinstall,
    // which runs further `npm install`s inside lib/vscode that no allowScripts
    // field of ours can reach).
    npm_config_ignore_scripts: 'false',
    npm_config_foreground_scripts: 'true',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
  });
  const headers = nodeHeadersDir();
  if (headers) {
    env.npm_config_nodedir = headers;
  }

  const logFile = path.join(staging, 'install.log');
  const logStream = fs.createWriteStream(logFile);
  const args = ['install', '--foreground-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`];
  logStream.write(`$ npm ${args.join(' ')}\n`);
  const code = await new Promise<number | null>((resolve, reject) => {
    // Own process group, so that an interrupted run can end npm and its install scripts together.
    const child = childProcess.spawn('npm', args, { cwd: staging, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const forgetGroup = child.pid !== undefined ? killOnExit(child.pid) : () => undefined;
    let pending = '';
    const onData = (d: Buffer): void => {
      logStream.write(d);
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // "> pkg@1.2.3 install" headers and "added N packages" are the progress worth showing.
        if (/^> \S+@\S+ (preinstall|install|postinstall)$/.test(line) || /^added \d+ packages?/.test(line)) {
          log(`  ${line.replace(/^> /, 'running ')}`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const heartbeat = setInterval(() => log(`  still installing (${Math.round((Date.now() - started) / 1000)} s)`), 20000);
    child.on('error', (err) => {
      clearInterval(heartbeat);
      forgetGroup();
      reject(err);
    });
    child.on('close', (exitCode) => {
      clearInterval(heartbeat);
      forgetGroup();
      resolve(exitCode);
    });
  });
  await new Promise<void>((resolve) => logStream.end(resolve));

  // On failure the staging folder goes, but its log is kept beside the install folder.
  const failure = (message: string): Error => {
    const kept = `${installDir}.install-failed.log`;
    fs.copyFileSync(logFile, kept);
    removeStaging();
    const tail = fs.readFileSync(kept, 'utf8').split('\n').slice(-40).join('\n');
    return new Error(`${message}; full log: ${kept}\n${tail}`);
  };
  if (code !== 0) {
    throw failure(`npm install of code-server failed (exit ${code})`);
  }
  const missing = missingBuildOutputs(staging);
  if (missing.length > 0) {
    throw failure(`code-server installed but its install scripts did not build everything (missing: ${missing.join(', ')})`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  // Move into place. Another process may have finished first: then use theirs.
  if (fs.existsSync(installDir)) {
    if (await isUsableInstall(installDir)) {
      removeStaging();
      return entry;
    }
    fs.rmSync(installDir, { recursive: true, force: true });
  }
  try {
    fs.renameSync(staging, installDir);
  } catch (err) {
    if (!(await isUsableInstall(installDir))) {
      throw err;
    }
  }
  removeStaging(); // a no-op once renamed
  fs.rmSync(`${installDir}.install-failed.log`, { force: true });

  const version = await codeServerVersion(entry);
  if (!version?.startsWith(CODE_SERVER_VERSION)) {
    throw new Error(`code-server was installed into ${installDir} but \`entry.js --version\` fails`);
  }
  log(`code-server ${version} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return entry;
}

// ---------------------------------------------------------------------------
// Start / stop

/** Process groups (code-server instances, npm installs) to kill if this process ends with them still up. */
const processGroups = new Set<number>();
const tempDirs = new Set<string>();
let exitHooksInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): boolean {
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
function killOnExit(pid: number): () => void {
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

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
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
  const commonArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', config];

  const cli = async (args: string[]): Promise<RunResult> => {
    const result = await run(process.execPath, [entry, ...commonArgs, ...args], { env });
    if (result.code !== 0) {
      throw new Error(`code-server ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}${result.stderr}`);
    }
    return result;
  };
  const installVsix = async (vsixPath: string): Promise<void> => {
    const result = await cli(['--install-extension', path.resolve(vsixPath), '--force']);
    if (!/successfully installed|already installed/i.test(result.stdout + result.stderr)) {
      throw new Error(`installing ${vsixPath} did not report success:\n${result.stdout}${result.stderr}`);
    }
  };
  const listExtensions = async (): Promise<string[]> => {
    const result = await cli(['--list-extensions', '--show-versions']);
    return result.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[\w.-]+\.[\w.-]+@/.test(l));
  };

  try {
    for (const vsix of options.vsix ?? []) {
      await installVsix(vsix);
    }
  } catch (err) {
    removeBaseDir();
    throw err;
  }

  const child = childProcess.spawn(
    process.execPath,
    [
      entry,
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...commonArgs,
      ...(options.args ?? []),
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pid = child.pid;
  if (pid === undefined) {
    removeBaseDir();
    throw new Error('could not spawn code-server');
  }
  const forgetGroup = killOnExit(pid);

  const verbose = options.verbose ?? Boolean(process.env.E2E_VERBOSE);
  const MAX_OUTPUT = 2 * 1024 * 1024;
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

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) {
      return;
    }
    stopped = true;
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
    removeBaseDir();
  };

  const startTimeoutMs = options.startTimeoutMs ?? 60000;
  const deadline = Date.now() + startTimeoutMs;
  try {
    const port = await Promise.race([
      portPromise,
      exitPromise.then(() => Promise.reject(new Error(exited))),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`code-server did not report its port within ${startTimeoutMs} ms`)), startTimeoutMs).unref(),
      ),
    ]);
    const url = `http://127.0.0.1:${port}/`;
    for (;;) {
      if (exited !== undefined) {
        throw new Error(exited);
      }
      if ((await httpGetStatus(`${url}healthz`, 2000)) === 200) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`code-server at ${url} did not answer /healthz within ${startTimeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }

    const authority = `127.0.0.1:${port}`;
    const remoteUri = (absPath: string): string =>
      `vscode-remote://${authority}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`;
    const workbenchUrl = (folder?: string, payload?: Array<[string, string]>): string => {
      const params: string[] = [];
      if (folder) {
        params.push(`folder=${encodeURIComponent(path.resolve(folder)).replace(/%2F/g, '/')}`);
      } else {
        // Without a folder code-server would reopen the last one: ask for an empty window.
        params.push('ew=true');
      }
      if (payload && payload.length > 0) {
        params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      }
      return `${url}?${params.join('&')}`;
    };
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
      workbenchUrl,
      remoteUri,
      output: () => output,
      stop,
    };
  } catch (err) {
    await stop();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${message}\n--- code-server output ---\n${output.slice(-4000)}`);
  }
}
