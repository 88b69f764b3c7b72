import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, children, diagnosticsWithCode, fixtureFolder, fixtureUri, labelText, waitFor, type AttestApi, type TreeNode } from './helpers';

async function criterionNode(api: AttestApi, id: string): Promise<TreeNode | undefined> {
  for (const category of await children(api.coverageTree)) {
    const found = (await children(api.coverageTree, category)).find((n) => n.kind === 'criterion' && n.criterion?.id === id);
    if (found) return found;
  }
  return undefined;
}

function statusOf(api: AttestApi, id: string): string | undefined {
  const folder = api.store.folders.find((f) => f.folder === fixtureFolder().uri.toString()) ?? api.store.folders[0];
  return folder?.coverage.criteria.find((c) => c.id === id)?.status;
}

describe('coverage', () => {
  let api: AttestApi;

  before(async () => {
    fixtureFolder();
    api = await activate();
    await api.whenReady();
  });

  afterEach(() => api.coverageTree.setFilter('all'));

  it('shows categories with their counts and criteria with their statuses', async () => {
    const roots = await children(api.coverageTree);
    const labels = await Promise.all(roots.map(async (n) => labelText(await api.coverageTree.getTreeItem(n))));
    assert.ok(
      labels.some((l) => /^Security — \d+\/33 covered$/.test(l)),
      `no Security header among ${JSON.stringify(labels)}`,
    );
    assert.ok(labels.some((l) => /^Availability — 0\/3 covered$/.test(l)), `no Availability header among ${JSON.stringify(labels)}`);
    assert.ok(!labels.some((l) => l.startsWith('ML addenda')), 'the fixture has ml: false, yet there is an ML addenda node');

    const expected: Record<string, [string, string]> = {
      'CC1.1': ['uncovered', 'error'],
      'CC6.1': ['documented', 'warning'],
      'CC6.2': ['controlled', 'shield'],
      'CC6.4': ['excepted', 'circle-slash'],
    };
    for (const [id, [status, icon]] of Object.entries(expected)) {
      const node = await criterionNode(api, id);
      assert.ok(node, `${id} is not in the tree`);
      assert.strictEqual(node.criterion?.status, status, `${id}`);
      const item = await api.coverageTree.getTreeItem(node);
      assert.strictEqual(labelText(item), id);
      assert.ok(String(item.description).startsWith(status), `${id} description: ${String(item.description)}`);
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, icon, `${id} icon`);
    }
  });

  it('lists the documents of a criterion and opens them at their claim', async () => {
    const node = await criterionNode(api, 'CC6.2');
    assert.ok(node);
    const documents = await children(api.coverageTree, node);
    assert.deepStrictEqual(
      documents.map((d) => d.id),
      ['CTL-ACCESS-REVIEW', 'PRC-ONBOARDING', 'POL-ACCESS'],
    );
    const item = await api.coverageTree.getTreeItem(documents[0]);
    assert.strictEqual(item.command?.command, 'vscode.open');
    const [uri, options] = item.command?.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
    assert.ok(uri.path.endsWith('/controls/access-review.md'), uri.toString());
    const text = (await vscode.workspace.openTextDocument(uri)).getText().split(/\r?\n/);
    const line = (options.selection as vscode.Range).start.line;
    assert.match(text[line], /^criteria:.*CC6\.2/);
  });

  it('filters to uncovered criteria and back', async () => {
    api.coverageTree.setFilter('uncovered');
    for (const category of await children(api.coverageTree)) {
      for (const node of await children(api.coverageTree, category)) {
        assert.ok(['uncovered', 'documented'].includes(node.criterion?.status ?? ''), `${node.criterion?.id} is ${node.criterion?.status}`);
      }
    }
    assert.ok(await criterionNode(api, 'CC6.1'), 'CC6.1 (documented only) is hidden by the uncovered filter');
    assert.strictEqual(await criterionNode(api, 'CC6.2'), undefined, 'CC6.2 (controlled) is shown by the uncovered filter');
    api.coverageTree.setFilter('all');
    assert.ok(await criterionNode(api, 'CC6.2'));
  });

  it('reveals a criterion in the view', async () => {
    api.coverageTree.setFilter('uncovered');
    const node = await api.reveal('CC6.2');
    assert.strictEqual(node?.kind, 'criterion');
    assert.strictEqual(node?.criterion?.id, 'CC6.2');
    assert.strictEqual(api.coverageTree.filter, 'all', 'the filter that hid CC6.2 was not turned off');
  });

  it('shows the percentage in the status bar', () => {
    assert.match(api.statusBar.text, /^\$\(shield\) Attest \d+(\.\d+)?%$/);
    assert.strictEqual(api.statusBar.command && typeof api.statusBar.command === 'object' ? api.statusBar.command.command : api.statusBar.command, 'attest.revealCoverage');
  });

  it('exports the Markdown coverage report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-suite-'));
    try {
      const output = path.join(dir, 'coverage-report.md');
      const uri = await api.exportCoverage('markdown', { folder: fixtureFolder().uri, output, open: false });
      assert.strictEqual(uri.fsPath, output);
      const text = fs.readFileSync(output, 'utf8');
      assert.match(text, /CC6\.2/);
      assert.match(text, /CTL-ACCESS-REVIEW/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a group per framework turned on, with the same statuses, filters and click-to-open', async () => {
    const config = fixtureUri('attest.yaml');
    const original = fs.readFileSync(config.fsPath, 'utf8');
    const control = fixtureUri('controls', 'ai-impact.md');
    const text = [
      '---',
      'id: CTL-AI-IMPACT',
      'type: control',
      'title: AI impact assessment',
      'owner: Head of Machine Learning',
      'status: approved',
      'policy: POL-ACCESS',
      'frequency: annual',
      'satisfies:',
      '  iso42001: [A.5.2]',
      '---',
      '',
      '# AI impact assessment',
      '',
      '## Objective',
      '',
      'Why.',
      '',
      '## Implementation',
      '',
      'How.',
      '',
      '## Evidence',
      '',
      'What.',
      '',
    ].join('\n');
    const frameworksOf = () => api.store.folders.find((f) => f.folder === fixtureFolder().uri.toString())?.coverage.frameworks ?? [];
    const itemStatus = () => frameworksOf()[0]?.items.find((i) => i.id === 'A.5.2')?.status;
    fs.writeFileSync(control.fsPath, text);
    fs.writeFileSync(config.fsPath, `${original.trimEnd()}\nframeworks: [iso42001, nist-ai-rmf]\n`);
    try {
      await waitFor(() => frameworksOf().length === 2 && itemStatus() === 'controlled', () => `frameworks: ${JSON.stringify(frameworksOf().map((f) => f.id))}, A.5.2 is ${itemStatus()}`, {
        events: [api.store.onDidChange],
      });
      const roots = (await children(api.coverageTree)).filter((n) => n.kind === 'framework');
      const labels = await Promise.all(roots.map(async (n) => labelText(await api.coverageTree.getTreeItem(n))));
      assert.deepStrictEqual(labels, ['ISO/IEC 42001 — 1/38 covered', 'NIST AI RMF — 0/72 covered']);

      const clauses = await children(api.coverageTree, roots[0]);
      assert.strictEqual(clauses.length, 9, 'ISO/IEC 42001 has nine clauses in Annex A');
      const items = (await Promise.all(clauses.map((c) => children(api.coverageTree, c)))).flat();
      assert.strictEqual(items.length, 38);
      const node = items.find((n) => n.item?.id === 'A.5.2');
      assert.ok(node);
      const item = await api.coverageTree.getTreeItem(node);
      assert.ok(String(item.description).startsWith('controlled'), String(item.description));
      assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, 'shield');
      const [document] = await children(api.coverageTree, node);
      assert.strictEqual(document?.id, 'CTL-AI-IMPACT');
      const open = await api.coverageTree.getTreeItem(document);
      assert.strictEqual(open.command?.command, 'vscode.open');
      const [uri, options] = open.command?.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
      assert.ok(uri.path.endsWith('/controls/ai-impact.md'), uri.toString());
      assert.strictEqual((options.selection as vscode.Range).start.line, 9, 'opens at the claim under satisfies');

      api.coverageTree.setFilter('uncovered');
      const filtered = (await children(api.coverageTree)).filter((n) => n.kind === 'framework');
      assert.strictEqual(filtered.length, 2);
      const shown = (await Promise.all((await children(api.coverageTree, filtered[0])).map((c) => children(api.coverageTree, c)))).flat();
      assert.strictEqual(shown.length, 37, 'the covered item is hidden by the uncovered filter');
      api.coverageTree.setFilter('mlGaps');
      assert.deepStrictEqual((await children(api.coverageTree)).filter((n) => n.kind === 'framework'), []);
      api.coverageTree.setFilter('all');

      const revealed = await api.reveal('iso42001:A.5.2');
      assert.strictEqual(revealed?.kind, 'item');
      const tooltip = api.statusBar.tooltip;
      const tip = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
      assert.match(tip, /ISO\/IEC 42001: 2\.6% \(1\/38\)/);
      assert.match(tip, /NIST AI RMF: 0% \(0\/72\)/);

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-suite-'));
      try {
        const soa = await api.exportSoa('iso42001', 'csv', { folder: fixtureFolder().uri, output: path.join(dir, 'soa.csv'), open: false });
        const rows = fs.readFileSync(soa.fsPath, 'utf8').trimEnd().split('\n');
        assert.strictEqual(rows.length, 39, 'a header and every Annex A control');
        assert.ok(rows.some((r) => r.startsWith('A.5.2,') && r.endsWith(',yes,,controlled,CTL-AI-IMPACT')), rows.join('\n'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      fs.writeFileSync(config.fsPath, original);
      fs.rmSync(control.fsPath, { force: true });
    }
    await waitFor(() => frameworksOf().length === 0, 'the frameworks are still shown after attest.yaml was restored', { events: [api.store.onDidChange] });
  });

  it('creates a document that the server picks up from disk, and forgets it when deleted', async () => {
    assert.strictEqual(statusOf(api, 'A1.2'), 'uncovered');
    const uri = await api.createDocument(fixtureFolder().uri, {
      type: 'control',
      title: 'Backup Restore Test',
      criteria: ['A1.2'],
      parent: 'POL-ACCESS',
    });
    try {
      assert.ok(uri.path.endsWith('/controls/backup-restore-test.md'), uri.toString());
      const text = fs.readFileSync(uri.fsPath, 'utf8');
      assert.match(text, /^---\nid: CTL-BACKUP-RESTORE-TEST\ntype: control\n/);
      assert.match(text, /^## Evidence$/m);
      // A new document is a draft: it drafts what it claims until it is approved (SPEC §10).
      await waitFor(() => statusOf(api, 'A1.2') === 'drafted', () => `A1.2 is ${statusOf(api, 'A1.2')} after the control was written`, {
        events: [api.store.onDidChange],
      });
      // The new file has no errors.
      await waitFor(
        () => vscode.languages.getDiagnostics(uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error),
        () => `the new document has errors: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`,
      );
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(() => statusOf(api, 'A1.2') === 'uncovered', () => `A1.2 is ${statusOf(api, 'A1.2')} after the control was deleted`, {
      events: [api.store.onDidChange],
    });
    // The fixture still has its deliberate error.
    await diagnosticsWithCode(vscode.Uri.joinPath(fixtureFolder().uri, 'procedures', 'onboarding.md'), 'unknown-criterion');
  });
});
