/**
 * The `npm install code-server@<version>` itself, in a staging folder. It runs
 * the install scripts that build code-server's native modules from source (no
 * prebuilt binary can be downloaded here), which takes 1–2 minutes: its output
 * goes to a log file, and only the lines that show progress are printed.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { killOnExit } from '../exitCleanup';
import { findOnPath, runToCompletion } from '../externalPrograms';
import { CODE_SERVER_VERSION } from './cache';
import { cleanEnv } from './isolatedEnv';

/** The @vscode/ripgrep version shrinkwrapped by that code-server, and the file its postinstall looks for. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export interface NpmInstallResult {
  /** npm's exit code. */
  code: number | null;
  /** Everything npm and the install scripts printed. */
  logFile: string;
}

/** The folder holding Node's headers (include/node/node.h) for node-gyp, if this Node has them. */
function nodeHeadersDir(): string | undefined {
  const candidate = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(candidate, 'include', 'node', 'node.h')) ? candidate : undefined;
}

function writeStagingManifest(staging: string): void {
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
}

/**
 * @vscode/ripgrep's postinstall downloads rg unless its cache already has the
 * file: seed the cache (under TMPDIR) with the system's rg.
 */
async function seedRipgrepCache(tmp: string): Promise<void> {
  const ripgrepCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(ripgrepCache, { recursive: true });
  const rgDir = path.join(tmp, 'rg-bin');
  fs.mkdirSync(rgDir);
  fs.copyFileSync(fs.realpathSync(findOnPath('rg') as string), path.join(rgDir, 'rg'));
  fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
  const tarResult = await runToCompletion('tar', ['-C', rgDir, '-czf', path.join(ripgrepCache, RIPGREP_ASSET), 'rg'], {});
  if (tarResult.code !== 0) {
    throw new Error(`could not pack rg for the ripgrep cache: ${tarResult.stderr}`);
  }
}

function npmInstallEnv(tmp: string): NodeJS.ProcessEnv {
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
  return env;
}

/**
 * Installs code-server into `staging` (an empty folder) with `tmp` as its
 * TMPDIR. Prints the install scripts as they start and a heartbeat every 20 s,
 * counted from `started`.
 */
export async function npmInstallCodeServer(staging: string, tmp: string, log: (line: string) => void, started: number): Promise<NpmInstallResult> {
  writeStagingManifest(staging);
  await seedRipgrepCache(tmp);
  const env = npmInstallEnv(tmp);

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
  return { code, logFile };
}
