/**
 * Runs a mocha suite inside the extension host of a code-server workbench,
 * the way `@vscode/test-web` does, so that test/suite runs against the real
 * VS Code API with the extension loaded from source. The suite's console and
 * its exit code reach this process through functions exposed to the page.
 */
import * as fs from 'fs';
import * as util from 'util';
import type { Browser } from 'playwright-core';
import type { CodeServerInstance } from '../codeServer/instance';
import { screenshot } from '../workbench/screenshots';
import { openWorkbench } from '../workbench/workbenchPage';

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
 * Opens a workbench whose `payload` URL parameter names `extensionDevelopmentPath`
 * and `extensionTestsPath` (as `vscode-remote://` URIs with the page's
 * authority); the workbench then runs the suite and calls
 * `codeAutomationExit(code)` when the suite's `run()` settles.
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
  const wb = await openWorkbench(browser, url, {
    timeoutMs: Math.min(timeoutMs, 120000),
    // The functions must exist before the workbench starts, or its first calls would be lost.
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
