import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'attest.attest';

/** What the suite uses of the API object `activate` returns (client/src/extension.ts `AttestApi`). */
export interface TreeNode {
  readonly kind: string;
  readonly key: string;
  readonly id?: string;
  readonly claim?: string;
  readonly criterion?: { id: string; status: string; summary: string; documents: readonly string[] };
  readonly topic?: { topic: string; status: string };
  /** A framework group, a clause of it or one of its items carries the framework. */
  readonly framework?: { id: string; name: string; summary: { percent: number; covered: number; inScope: number } };
  readonly item?: { id: string; status: string; documents: readonly string[] };
  readonly folder: { folder: string; documents: Record<string, { uri: string; claims: Record<string, { line: number; character: number }> }> };
}
export interface FolderCoverage {
  readonly folder: string;
  readonly coverage: {
    criteria: { id: string; status: string; documents: readonly string[] }[];
    summary: { percent: number };
    frameworks?: { id: string; items: { id: string; status: string }[] }[];
  };
  readonly documents: Record<string, { uri: string }>;
}
export interface AttestApi {
  readonly coverageTree: vscode.TreeDataProvider<TreeNode> & { filter: string; setFilter(filter: 'all' | 'uncovered' | 'mlGaps'): void };
  readonly coverageView: vscode.TreeView<TreeNode>;
  readonly store: {
    readonly folders: readonly FolderCoverage[];
    readonly onDidChange: vscode.Event<void>;
    readonly state: string;
    setIndexing(params: { folder: string; done: number; total: number; finished: boolean }): void;
    setState(state: 'loading' | 'failed' | 'ready'): void;
    /** As the server's coverage notification would set it (the test builds the folders). */
    setCoverage(folders: readonly object[]): void;
  };
  readonly statusBar: vscode.StatusBarItem;
  whenReady(): Promise<void>;
  exportCoverage(format: 'html' | 'markdown' | 'csv', options?: { folder?: vscode.Uri; output?: string; open?: boolean }): Promise<vscode.Uri>;
  exportSoa(framework: 'iso42001' | 'iso27001', format: 'html' | 'markdown' | 'csv', options?: { folder?: vscode.Uri; output?: string; open?: boolean }): Promise<vscode.Uri>;
  createDocument(
    folder: vscode.Uri,
    spec: { type: 'policy' | 'control' | 'procedure' | 'narrative' | 'addendum'; title: string; criteria: string[]; ml?: string[]; parent?: string },
  ): Promise<vscode.Uri>;
  reveal(id: string): Promise<TreeNode | undefined>;
}

let api: AttestApi | undefined;

/** Activates the extension (if the workspace has not already) and returns its API object. */
export async function activate(): Promise<AttestApi> {
  if (api) return api;
  const extension = vscode.extensions.getExtension<AttestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this extension host`);
  api = await extension.activate();
  return api;
}

export function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.extensionPath;
}

/**
 * The fixture workspace folder (test/fixtures/workspace or a copy of it): the suite needs
 * it open as the first workspace folder.
 */
export function fixtureFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => fs.existsSync(path.join(f.uri.fsPath, 'procedures', 'onboarding.md')));
  assert.ok(
    folder,
    `the suite needs test/fixtures/workspace (or a copy) opened as a workspace folder; open folders: ${JSON.stringify(vscode.workspace.workspaceFolders?.map((f) => f.uri.toString()) ?? [])}`,
  );
  return folder;
}

export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(fixtureFolder().uri, ...segments);
}

/**
 * Resolves with `check()`'s value once it is truthy, re-checking whenever one of `events`
 * fires (and every `pollMs` in case none does); rejects with `message` after `timeoutMs`.
 */
export function waitFor<T>(
  check: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  message: string | (() => string),
  { events = [], timeoutMs = 30_000, pollMs = 100 }: { events?: vscode.Event<unknown>[]; timeoutMs?: number; pollMs?: number } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const subscriptions: vscode.Disposable[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    let running = false;
    const finish = (error: Error | undefined, value?: T) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      if (error) reject(error);
      else resolve(value as T);
    };
    const attempt = async () => {
      if (done || running) return;
      running = true;
      try {
        const value = await check();
        if (value) return finish(undefined, value);
      } catch (error) {
        if (Date.now() > deadline) return finish(error instanceof Error ? error : new Error(String(error)));
      } finally {
        running = false;
      }
      if (Date.now() > deadline) finish(new Error(`Timed out after ${timeoutMs} ms: ${typeof message === 'function' ? message() : message}`));
      else if (!timer) {
        timer = setTimeout(() => {
          timer = undefined;
          void attempt();
        }, pollMs);
      }
    };
    for (const event of events) subscriptions.push(event(() => void attempt()));
    void attempt();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The diagnostics of `uri` with `code`, once there are some. */
export function diagnosticsWithCode(uri: vscode.Uri, code: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
      return found.length ? found : undefined;
    },
    () => `no \`${code}\` diagnostic on ${uri.toString()}; it has ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`))}`,
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>], timeoutMs },
  );
}

/** The position of the first occurrence of `text` on the line that starts with `linePrefix`. */
export function positionOf(document: vscode.TextDocument, linePrefix: string, text: string): vscode.Position {
  for (let line = 0; line < document.lineCount; line++) {
    const content = document.lineAt(line).text;
    if (content.startsWith(linePrefix)) {
      const character = content.indexOf(text);
      if (character >= 0) return new vscode.Position(line, character);
    }
  }
  assert.fail(`\`${text}\` not found on a line starting with \`${linePrefix}\` in ${document.uri.toString()}`);
}

/** The summary of a criterion in the bundled criteria map (server/data/frameworks/tsc-2017.yaml). */
export function bundledSummary(id: string): string {
  const text = fs.readFileSync(path.join(extensionPath(), 'server', 'data', 'frameworks', 'tsc-2017.yaml'), 'utf8');
  const block = text.split(/\n\s*- id: /).find((b) => b.startsWith(`${id}\n`));
  const summary = block && /\n\s*summary:\s*(.+)/.exec(block)?.[1]?.trim();
  assert.ok(summary, `no summary for ${id} in tsc-2017.yaml`);
  return summary.replace(/^(['"])(.*)\1$/, '$2');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export async function label(provider: vscode.TreeDataProvider<TreeNode>, node: TreeNode): Promise<vscode.TreeItem> {
  return provider.getTreeItem(node);
}

export function labelText(item: vscode.TreeItem): string {
  const l = item.label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export async function children(provider: vscode.TreeDataProvider<TreeNode>, node?: TreeNode): Promise<TreeNode[]> {
  return (await provider.getChildren(node)) ?? [];
}
