import * as vscode from 'vscode';
import { VIEW_ID, type CoverageNode } from '../coverageTree';
import type { Services } from '../services';

/** The id in a `attest.revealCoverage` argument: a string, or `{ id | criterion | topic | document }`. */
export function revealTarget(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (arg && typeof arg === 'object') {
    for (const key of ['criterion', 'topic', 'document', 'id'] as const) {
      const value = (arg as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return undefined;
}

/**
 * `attest.revealCoverage [id]`: shows the Coverage view and, given a criterion, ML topic or
 * document id (the server's code lenses pass one), selects and expands its node. A filter
 * that hides the node is turned off. Returns the node revealed.
 */
export async function revealCoverage(services: Services, arg?: unknown, folder?: string): Promise<CoverageNode | undefined> {
  await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  const id = revealTarget(arg);
  if (!id) return undefined;
  await services.ensureServer();
  if (!services.store.hasCoverage && services.client.isRunning) await services.client.refreshCoverage().catch(() => undefined);
  let node = services.tree.find(id, folder);
  if (!node && services.tree.filter !== 'all' && services.tree.knows(id)) {
    services.tree.setFilter('all');
    node = services.tree.find(id, folder);
  }
  if (!node) {
    void vscode.window.showInformationMessage(`Attest: \`${id}\` is not in the coverage of this workspace.`);
    return undefined;
  }
  await services.treeView.reveal(node, { select: true, focus: true, expand: node.kind === 'document' ? false : 1 });
  return node;
}
