/**
 * What the `*.e2e.ts` tests share during a run: one code-server (with the
 * packaged extension installed) and one Chromium, started once by the runner's
 * root hooks because starting them takes longer than most tests, plus the
 * workspaces and pages each test opens, which the runner cleans up after it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { CodeServerInstance } from './codeServer/instance';
import { removeOnExit } from './exitCleanup';
import { openWorkbench as openWorkbenchPage, type OpenWorkbenchOptions, type WorkbenchPage } from './workbench/workbenchPage';

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

/** The runner's side of the context: what it starts, packages and cleans up. */
export interface RunState {
  root: string;
  server?: CodeServerInstance;
  browser?: Browser;
  vsix?: string;
  vsixError?: string;
  /** Removers of the temporary workspaces. */
  workspaces: Array<() => void>;
  /** Pages opened by the current test, closed (after a screenshot if it failed) when it ends. */
  pages: WorkbenchPage[];
}

let state: RunState | undefined;

/** Starts the shared state of a run of the repository at `root`; the runner fills it in as things come up. */
export function beginRun(root: string): RunState {
  state = { root, workspaces: [], pages: [] };
  return state;
}

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

/** What the `*.e2e.ts` tests use. Valid inside `it`/`before`/`after` of a run started by run.ts. */
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
