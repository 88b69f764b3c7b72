import * as vscode from 'vscode';
import type { Services } from '../services';
import { revealCoverage } from './reveal';
import { STATUS_ICON } from '../coverageTree';

/** `attest.showCriteria`: every in-scope criterion with its summary and status; the choice is revealed in the view. */
export async function showCriteriaCommand(services: Services): Promise<void> {
  await services.ensureServer();
  if (!services.store.hasCoverage) {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Attest: waiting for coverage' }, () =>
      services.client.refreshCoverage().catch(() => undefined),
    );
  }
  const folders = services.store.folders;
  const multi = folders.length > 1;
  type Item = vscode.QuickPickItem & { id?: string; folder?: string };
  const items: Item[] = [];
  for (const f of folders) {
    if (multi) items.push({ label: f.name, kind: vscode.QuickPickItemKind.Separator });
    for (const c of f.coverage.criteria) {
      items.push({
        label: `$(${STATUS_ICON[c.status]?.[0] ?? 'circle-outline'}) ${c.id}`,
        description: `${c.status} · ${c.category}${c.documents.length ? ` · ${c.documents.join(', ')}` : ''}`,
        detail: c.summary,
        id: c.id,
        folder: f.folder,
      });
    }
  }
  if (!items.some((i) => i.id)) {
    void vscode.window.showInformationMessage('Attest: no coverage yet. Initialise the workspace or open a folder with attest.yaml.');
    return;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Attest: Trust Services Criteria', placeHolder: 'Criterion to show in the Coverage view', matchOnDescription: true, matchOnDetail: true });
  if (picked?.id) await revealCoverage(services, picked.id, picked.folder);
}
