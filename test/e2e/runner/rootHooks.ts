/**
 * mocha's root hooks for the whole run: code-server and Chromium start once,
 * inside mocha, so that a failure to start is reported as a failed hook like
 * any test failure; every test's pages are closed after it, with a screenshot
 * and the page's errors when it failed; everything is stopped at the end.
 */
import * as path from 'path';
import Mocha = require('mocha');
import { launchBrowser } from '../chromium';
import { startCodeServer } from '../codeServer/instance';
import type { RunState } from '../context';
import { printProgress } from '../progress';
import { screenshot } from '../workbench/screenshots';

export function rootHooks(runState: RunState): Mocha.RootHookObject {
  return {
    beforeAll: [
      async function (this: Mocha.Context) {
        this.timeout(300000);
        runState.server = await startCodeServer({ root: runState.root, vsix: runState.vsix ? [runState.vsix] : [] });
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
              printProgress(`screenshot: ${path.relative(runState.root, file)}`);
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
  };
}
