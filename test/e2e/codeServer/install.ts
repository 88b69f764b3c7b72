/**
 * Installs the pinned code-server from the npm registry on demand into the
 * cache folder (see ./cache.ts), safely when interrupted or when two runs
 * install at once: npm works in a staging folder that is moved into place only
 * once the install is complete and working.
 *
 * Requirements on the machine (see scripts/install-e2e-deps.sh): Node 20,
 * `rg`, a C/C++ toolchain, python3 and the Kerberos headers, because
 * code-server's native modules (argon2, kerberos, node-pty, ...) are built from
 * source when no prebuilt binary can be downloaded.
 */
import * as fs from 'fs';
import * as path from 'path';
import { removeOnExit } from '../exitCleanup';
import { findOnPath } from '../externalPrograms';
import { printProgress } from '../progress';
import { CODE_SERVER_VERSION, codeServerDir, codeServerVersion, entryIn, isUsableInstall, missingBuildOutputs } from './cache';
import { npmInstallCodeServer } from './npmInstall';

export interface EnsureCodeServerOptions {
  /** Repository root; defaults to the one found by repoRoot(). */
  root?: string;
  /** Where progress lines go; defaults to stderr. */
  log?: (line: string) => void;
}

/** Fails early, with every missing piece named, instead of minutes into a native build. */
function checkInstallPrerequisites(): void {
  const problems: string[] = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    problems.push(`code-server ${CODE_SERVER_VERSION} needs Node 20, this is Node ${process.versions.node}`);
  }
  for (const tool of ['rg', 'make', 'g++', 'python3', 'npm', 'tar']) {
    if (!findOnPath(tool)) {
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
  const log = options.log ?? printProgress;
  const installDir = codeServerDir(options.root);
  const entry = entryIn(installDir);
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
  const { code, logFile } = await npmInstallCodeServer(staging, tmp, log, started);

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
