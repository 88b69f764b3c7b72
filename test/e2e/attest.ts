/**
 * Attest-specific helpers for the end-to-end tests: the engine's own answer for a
 * workspace (to check the UI against) and the Coverage view's tree.
 */
import * as childProcess from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { exactly } from './workbench/textMatch';
import { activityBarItem, viewPane, viewRows } from './workbench/views';
import { waitFor } from './workbench/waitFor';
import { context } from './context';

/** `attest coverage --format json`, as the CLI prints it. */
export interface CoverageJson {
  criteria: Array<{ id: string; category: string; status: string; documents: string[]; summary: string; reason?: string }>;
  ml: Array<{ topic: string; title: string; status: string; documents: string[] }>;
  summary: { inScope: number; covered: number; percent: number };
  frameworks?: Array<{ id: string; name: string; summary: { inScope: number; covered: number; percent: number } }>;
}

export const COVERED = new Set(['controlled', 'implemented', 'excepted']);

/** What the engine says of a workspace: the UI must show the same. */
export function cliCoverage(dir: string): CoverageJson {
  const out = childProcess.execFileSync(process.execPath, [path.join(context.root, 'bin', 'attest.js'), 'coverage', dir, '--format', 'json'], { encoding: 'utf8' });
  return JSON.parse(out) as CoverageJson;
}

/** A new workspace holding a copy of test/fixtures/workspace (tests may change it), plus `extra` files. */
export function fixtureWorkspace(extra: Record<string, string> = {}): string {
  const folder = context.makeWorkspace(extra);
  fs.cpSync(path.join(context.root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  return folder;
}

/** Shows the Attest container (without toggling the side bar away when it is already shown) and returns its Coverage pane. */
export async function openAttestView(page: Page): Promise<Locator> {
  const pane = viewPane(page, 'Coverage');
  await waitFor(
    async () => {
      if (await pane.isVisible()) return true;
      await activityBarItem(page, 'Attest').click();
      await pane.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
      return pane.isVisible();
    },
    30000,
    'the Attest Coverage view',
  );
  return pane;
}

/** The tree row whose label is `label` (a string matches it whole), at `level` (1 = top) if given. */
export function treeRow(pane: Locator, label: string | RegExp, level?: number): Locator {
  const rows = level === undefined ? viewRows(pane) : pane.locator(`.pane-body .monaco-list-row[aria-level="${level}"]`);
  const wanted = typeof label === 'string' ? exactly(label) : label;
  return rows.filter({ has: pane.page().locator('.label-name', { hasText: wanted }) }).first();
}

export async function rowLabel(row: Locator): Promise<string> {
  return ((await row.locator('.label-name').first().textContent()) ?? '').trim();
}

export async function rowDescription(row: Locator): Promise<string> {
  const description = row.locator('.label-description');
  return (await description.count()) ? ((await description.first().textContent()) ?? '').trim() : '';
}

export async function setExpanded(row: Locator, expanded: boolean): Promise<void> {
  const want = String(expanded);
  if ((await row.getAttribute('aria-expanded')) !== want) await row.locator('.label-name').click();
  await waitFor(async () => (await row.getAttribute('aria-expanded')) === want, 10000, `the row to be ${expanded ? 'expanded' : 'collapsed'}`);
}
