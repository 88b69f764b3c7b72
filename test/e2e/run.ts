/**
 * Entry point of `npm run test:e2e`.
 *
 * 1. checks the system packages (Chromium) and installs code-server on demand;
 * 2. packages the extension into a .vsix with vsce;
 * 3. runs every `*.e2e.js` next to this file with mocha, sharing one
 *    code-server (with the .vsix installed) and one Chromium through the
 *    exported {@link context};
 * 4. then, when `out/test/suite/index.js` exists, runs that in-extension-host
 *    mocha suite inside the workbench (extensionDevelopmentPath +
 *    extensionTestsPath), with a copy of test/fixtures/workspace open, and
 *    reports it as one more test.
 *
 * Usage: node out/test/e2e/run.js [name-filter ...] [--grep RE] [--no-suite | --suite-only]
 *        [--suite PATH/TO/index.js] [--dev PATH/TO/EXTENSION] [--suite-folder PATH/TO/WORKSPACE]
 *        [--retries N]
 * A test that fails is run again up to N times (default 0); every failed attempt is
 * reported with its error and screenshot, and the summary lists the tests that needed one.
 * Env:   E2E_VERBOSE=1 echoes code-server's output; ATTEST_SUITE_GREP reaches the
 *        extension host (code-server and its extension hosts inherit this environment).
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import Mocha = require('mocha');
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from './chromium';
import { ensureCodeServer } from './codeServer/install';
import { startCodeServer, type CodeServerInstance } from './codeServer/instance';
import { removeOnExit } from './exitCleanup';
import { printProgress } from './progress';
import { repoRoot } from './repoRoot';
import { screenshot } from './workbench/screenshots';
import { openWorkbench as openWorkbenchPage, type OpenWorkbenchOptions, type WorkbenchPage } from './workbench/workbenchPage';

// ---------------------------------------------------------------------------
// Shared context for the tests

export interface E2EContext {
  /** Repository root. */
  readonly root: string;
  /** The code-server shared by all tests (the extension is installed when packaging worked). */
  readonly server: CodeServerInstance;
  /** The Chromium shared by all tests; each workbench gets its own browser context. */
  readonly browser: Browser;
  /** The packaged extension, or undefined when packaging failed (see {@link requireExtension}). */
  readonly vsix: string | undefined;
  /** Fails the current test when the extension could not be packaged and installed. */
  requireExtension(): void;
  /** Creates a temporary workspace folder holding `files` (relative path → content); removed after the run. */
  makeWorkspace(files: Record<string, string>): string;
  /**
   * Opens `folder` in a new workbench page. Pages are closed after each test,
   * with a screenshot in test-results/e2e/ when the test failed.
   */
  openWorkbench(folder: string | undefined, options?: OpenWorkbenchOptions): Promise<WorkbenchPage>;
}

interface RunState {
  root: string;
  server?: CodeServerInstance;
  browser?: Browser;
  vsix?: string;
  vsixError?: string;
  /** Removers of the temporary workspaces. */
  workspaces: Array<() => void>;
  pages: WorkbenchPage[];
}

let state: RunState | undefined;

function current(): RunState {
  if (!state) {
    throw new Error('the e2e context exists only while test/e2e/run.ts runs the tests');
  }
  return state;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`${what} is not up: did the root "before all" hook fail?`);
  }
  return value;
}

/** What the `*.e2e.ts` tests use. Valid inside `it`/`before`/`after` of a run started by this file. */
export const context: E2EContext = {
  get root() {
    return current().root;
  },
  get server() {
    return started(current().server, 'code-server');
  },
  get browser() {
    return started(current().browser, 'Chromium');
  },
  get vsix() {
    return current().vsix;
  },
  requireExtension(): void {
    const s = current();
    if (!s.vsix) {
      throw new Error(`the extension could not be packaged, so it is not installed:\n${s.vsixError ?? 'unknown error'}`);
    }
  },
  makeWorkspace(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-ws-'));
    current().workspaces.push(removeOnExit(dir));
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    return dir;
  },
  async openWorkbench(folder: string | undefined, options: OpenWorkbenchOptions = {}): Promise<WorkbenchPage> {
    const s = current();
    const url = started(s.server, 'code-server').workbenchUrl(folder);
    const wb = await openWorkbenchPage(started(s.browser, 'Chromium'), url, options);
    s.pages.push(wb);
    return wb;
  },
};

// ---------------------------------------------------------------------------
// Packaging

/**
 * Packages the extension at `root` with the vsce from its node_modules
 * (`vsce package --no-dependencies --allow-missing-repository --skip-license`).
 */
export function packageExtension(root: string, outFile: string): { vsix?: string; error?: string } {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  if (!fs.existsSync(vsce)) {
    return { error: `${vsce} is missing: run npm install` };
  }
  const result = childProcess.spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', outFile],
    { cwd: root, encoding: 'utf8', timeout: 300000 },
  );
  if (result.status === 0 && fs.existsSync(outFile)) {
    return { vsix: outFile };
  }
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  return { error: `vsce package exited with ${result.status}: ${output.split('\n').slice(-15).join('\n')}` };
}

// ---------------------------------------------------------------------------
// In-extension-host suite

export interface ExtensionHostSuiteOptions {
  server: CodeServerInstance;
  browser: Browser;
  /** Folder of the extension under development (its package.json's folder). */
  extensionDevelopmentPath: string;
  /** Compiled test entry exporting `run(): Promise<void>` (e.g. out/test/suite/index.js). */
  extensionTestsPath: string;
  /** Workspace folder to open; none by default. */
  folder?: string;
  /** Default 10 minutes. */
  timeoutMs?: number;
  /** Receives each formatted log line of the suite as it comes; default: print to stdout, indented. */
  onLog?: (level: string, text: string) => void;
}

export interface ExtensionHostSuiteResult {
  exitCode: number;
  /** Formatted lines that the suite logged (console output of the extension host). */
  log: string[];
  durationMs: number;
}

/** Workbench log lines (not the suite's) that the default printer leaves out. */
const WORKBENCH_NOISE =
  /^(Creating a socket|Resolving connection token|Resolved connection token|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|\[lifecycle\] Long running operations during shutdown)/;

function formatLogArgs(args: unknown): string {
  if (Array.isArray(args)) {
    return util.format(...(args as unknown[]));
  }
  return typeof args === 'string' ? args : util.format(args);
}

/**
 * Runs a mocha suite inside the extension host of a workbench, the way
 * `@vscode/test-web` does: the workbench reads `extensionDevelopmentPath` and
 * `extensionTestsPath` (as `vscode-remote://` URIs with the page's authority)
 * from the `payload` URL parameter and calls `codeAutomationExit(code)` when
 * the suite's `run()` settles.
 */
export async function runExtensionHostSuite(options: ExtensionHostSuiteOptions): Promise<ExtensionHostSuiteResult> {
  const { server, browser } = options;
  const timeoutMs = options.timeoutMs ?? 600000;
  const started = Date.now();
  const log: string[] = [];
  const onLog =
    options.onLog ??
    ((_level: string, text: string) => {
      if (!WORKBENCH_NOISE.test(text)) {
        process.stdout.write(text.replace(/^/gm, '      ') + '\n');
      }
    });
  for (const p of [options.extensionDevelopmentPath, options.extensionTestsPath]) {
    if (!fs.existsSync(p)) {
      throw new Error(`${p} does not exist`);
    }
  }
  let resolveExit: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (resolveExit = resolve));
  const url = server.workbenchUrl(options.folder, [
    ['extensionDevelopmentPath', server.remoteUri(options.extensionDevelopmentPath)],
    ['extensionTestsPath', server.remoteUri(options.extensionTestsPath)],
  ]);
  const wb = await openWorkbenchPage(browser, url, {
    timeoutMs: Math.min(timeoutMs, 120000),
    beforeGoto: async (page) => {
      await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
        const text = formatLogArgs(args);
        log.push(text);
        onLog(String(level), text);
      });
      await page.exposeFunction('codeAutomationExit', (code: unknown) => {
        const n = Number(code);
        resolveExit(Number.isInteger(n) ? n : 1);
      });
    },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const exitCode = await Promise.race([
      exit,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the extension host suite did not finish within ${timeoutMs} ms`)),
          Math.max(0, timeoutMs - (Date.now() - started)),
        );
      }),
      new Promise<never>((_, reject) => wb.page.once('crash', () => reject(new Error('the workbench page crashed')))),
    ]);
    if (exitCode !== 0) {
      await screenshot(wb.page, 'extension-host-suite-failed').catch(() => undefined);
    }
    return { exitCode, log, durationMs: Date.now() - started };
  } catch (err) {
    await screenshot(wb.page, 'extension-host-suite-failed').catch(() => undefined);
    throw err;
  } finally {
    if (timer) {
      clearTimeout(timer);
    }
    await wb.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------
// Runner

interface Args {
  filters: string[];
  grep?: string;
  suite: 'default' | 'skip' | 'only';
  suitePath?: string;
  devPath?: string;
  suiteFolder?: string;
  retries: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { filters: [], suite: 'default', retries: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${a} needs a value`);
      }
      return v;
    };
    if (a === '--grep' || a === '-g') {
      args.grep = value();
    } else if (a === '--no-suite') {
      args.suite = 'skip';
    } else if (a === '--suite-only') {
      args.suite = 'only';
    } else if (a === '--suite') {
      args.suitePath = path.resolve(value());
    } else if (a === '--dev') {
      args.devPath = path.resolve(value());
    } else if (a === '--suite-folder') {
      args.suiteFolder = path.resolve(value());
    } else if (a === '--retries') {
      args.retries = Number(value());
      if (!Number.isInteger(args.retries) || args.retries < 0) {
        throw new Error(`--retries needs a whole number, not ${argv[i]}`);
      }
    } else if (a.startsWith('-')) {
      throw new Error(`unknown option ${a}`);
    } else {
      args.filters.push(a);
    }
  }
  return args;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const root = repoRoot();

  if (!fs.existsSync(CHROMIUM_PATH)) {
    const script = path.join(root, 'scripts', 'install-e2e-deps.sh');
    const shown = path.relative(process.cwd(), script).startsWith('..') ? script : path.relative(process.cwd(), script);
    process.stderr.write(
      `e2e: ${CHROMIUM_PATH} is missing. Install the system packages the end-to-end tests need (as root) with:\n` +
        `  bash ${shown}\n`,
    );
    return 1;
  }

  const t0 = Date.now();
  await ensureCodeServer({ root });
  printProgress(`code-server ready (${Date.now() - t0} ms)`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-e2e-run-'));
  const removeTmp = removeOnExit(tmp);
  state = { root, workspaces: [], pages: [] };
  const runState = state;
  const t1 = Date.now();
  const packaged = packageExtension(root, path.join(tmp, 'attest.vsix'));
  runState.vsix = packaged.vsix;
  runState.vsixError = packaged.error;
  if (packaged.vsix) {
    printProgress(`packaged ${path.basename(packaged.vsix)} (${Date.now() - t1} ms)`);
  } else {
    printProgress(`packaging the extension failed; tests that need it will fail:\n${packaged.error ?? ''}`);
  }

  const mocha = new Mocha({
    timeout: 120000,
    reporter: 'spec',
    color: Boolean(process.stdout.isTTY),
    grep: args.grep,
    retries: args.retries,
    rootHooks: {
      beforeAll: [
        async function (this: Mocha.Context) {
          this.timeout(300000);
          runState.server = await startCodeServer({ root, vsix: runState.vsix ? [runState.vsix] : [] });
          runState.browser = await launchBrowser();
        },
      ],
      afterEach: [
        async function (this: Mocha.Context) {
          // A failed attempt that mocha will retry has no state yet: it counts as failed here.
          const state = this.currentTest?.state;
          const failed = state !== 'passed' && state !== 'pending';
          const pages = runState.pages.splice(0);
          for (const [i, wb] of pages.entries()) {
            if (failed && !wb.page.isClosed()) {
              const name = `${this.currentTest?.fullTitle() ?? 'test'}${pages.length > 1 ? `-${i + 1}` : ''}-failure`;
              const file = await screenshot(wb.page, name).catch(() => undefined);
              if (file) {
                printProgress(`screenshot: ${path.relative(root, file)}`);
              }
              if (wb.errors.length > 0) {
                printProgress(`page errors:\n  ${wb.errors.slice(-10).join('\n  ')}`);
              }
            }
            await wb.close().catch(() => undefined);
          }
        },
      ],
      afterAll: [
        async function (this: Mocha.Context) {
          this.timeout(60000);
          await runState.browser?.close().catch(() => undefined);
          await runState.server?.stop();
          for (const remove of runState.workspaces.splice(0)) {
            remove();
          }
        },
      ],
    },
  });

  if (args.suite !== 'only') {
    const files = fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.e2e.js'))
      .filter((f) => args.filters.length === 0 || args.filters.some((filter) => f.includes(filter)))
      .sort();
    for (const f of files) {
      mocha.addFile(path.join(__dirname, f));
    }
  }
  // Load the files now so that the extension host suite below comes last.
  await mocha.loadFilesAsync();

  const suitePath = args.suitePath ?? path.join(root, 'out', 'test', 'suite', 'index.js');
  const devPath = args.devPath ?? root;
  if (args.suite !== 'skip' && fs.existsSync(suitePath)) {
    const suite = Mocha.Suite.create(mocha.suite, 'extension host suite');
    suite.addTest(
      new Mocha.Test(`${suitePath.startsWith(root + path.sep) ? path.relative(root, suitePath) : suitePath} exits with 0`, async function (this: Mocha.Context) {
        this.timeout(660000);
        // The suite edits files: it gets a copy of its workspace.
        const fixture = args.suiteFolder ?? path.join(root, 'test', 'fixtures', 'workspace');
        let folder: string | undefined;
        if (fs.existsSync(fixture)) {
          folder = context.makeWorkspace({});
          fs.cpSync(fixture, folder, { recursive: true });
        }
        const result = await runExtensionHostSuite({
          server: context.server,
          browser: context.browser,
          extensionDevelopmentPath: devPath,
          extensionTestsPath: suitePath,
          folder,
        });
        if (result.exitCode !== 0) {
          throw new Error(`the extension host suite exited with ${result.exitCode}`);
        }
      }),
    );
  } else if (args.suite === 'only') {
    process.stderr.write(`e2e: ${suitePath} does not exist\n`);
    return 1;
  }

  if (mocha.suite.total() === 0) {
    process.stderr.write('e2e: no tests found (expected *.e2e.js next to run.js)\n');
    return 1;
  }

  const retried: string[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on(Mocha.Runner.constants.EVENT_TEST_RETRY, (test: Mocha.Test, err: unknown) => {
      retried.push(test.fullTitle());
      printProgress(`attempt failed, running it again: ${test.fullTitle()}\n  ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  if (retried.length > 0) {
    printProgress(`${retried.length} failed attempt(s) before the result above:\n  ${retried.join('\n  ')}`);
  }
  removeTmp();
  return failures > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    // Exit explicitly: the exit hooks of exitCleanup.ts then end anything left running.
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`e2e: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
