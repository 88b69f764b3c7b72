import * as assert from 'assert';
import { newDocument, folderForType } from '../../../server/src/core/fixes/newDocument';
import { control, policy, workspace } from '../../helpers';
import type { Diagnostic } from '../../../server/src/core/types';

/** What is left to do in a new document besides filling its placeholders. */
const beyondPlaceholders = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code !== 'unfilled-placeholder');

describe('new document', () => {
  it('writes a control that checks clean, next to the other controls, under the policy that claims its criteria', async () => {
    const files = { 'policies/access.md': policy(), 'compliance/controls/ac-01.md': control() };
    const { index } = await workspace({ ...files, 'attest.yaml': 'folders: [policies, compliance]\n' });
    const created = newDocument(index, { type: 'control', title: 'Quarterly Access Review', criteria: ['CC6.2'] });
    assert.strictEqual(created.relPath, 'compliance/controls/quarterly-access-review.md');
    assert.strictEqual(created.id, 'CTL-QUARTERLY-ACCESS-REVIEW');
    assert.match(created.text, /^---\nid: CTL-QUARTERLY-ACCESS-REVIEW\ntype: control\ntitle: Quarterly Access Review\n/);
    assert.match(created.text, /^policy: POL-ACCESS$/m);
    const after = await workspace({ ...files, 'attest.yaml': 'folders: [policies, compliance]\n', [created.relPath]: created.text });
    assert.deepStrictEqual(beyondPlaceholders(after.index.diagnose(created.relPath)), []);
    assert.ok(after.index.diagnose(created.relPath).some((d) => d.message.startsWith('<OWNER ROLE> in "owner"')));
  });

  it('writes no parent when the user says there is none, and the one the user chose', async () => {
    const files = { 'policies/access.md': policy(), 'policies/hr.md': policy({ id: 'POL-HR', criteria: '[CC1.4]' }) };
    const { index } = await workspace(files);
    const none = newDocument(index, { type: 'control', title: 'Badge Audit', criteria: ['CC6.2'], parent: null });
    assert.doesNotMatch(none.text, /^policy:/m);
    const chosen = newDocument(index, { type: 'control', title: 'Badge Audit', criteria: ['CC6.2'], parent: 'POL-HR' });
    assert.match(chosen.text, /^policy: POL-HR$/m);
  });

  it("uses the sections attest.yaml requires, and the ML topics' sections", async () => {
    const config = 'ml: true\nsections:\n  addendum: [Purpose, Data Retention Schedule]\n';
    const { index } = await workspace({ 'attest.yaml': config, 'policies/access.md': policy() });
    const created = newDocument(index, { type: 'addendum', title: 'Drift Addendum', criteria: [], ml: ['drift-monitoring'], parent: 'POL-ACCESS' });
    assert.deepStrictEqual(created.text.match(/^## .*$/gm), ['## Purpose', '## Data Retention Schedule', '## Drift Monitoring']);
    const after = await workspace({ 'attest.yaml': config, 'policies/access.md': policy(), [created.relPath]: created.text });
    // A section of the workspace's own has no template: it is left for the author to write.
    assert.deepStrictEqual(beyondPlaceholders(after.index.diagnose(created.relPath)).map((d) => `${d.code} ${d.data?.name ?? ''}`), ['empty-section Data Retention Schedule']);
  });

  it('never reuses an id or a file, and quotes titles YAML would read as something else', async () => {
    const { index } = await workspace({ 'policies/access-control.md': policy({ id: 'POL-ACCESS-CONTROL' }) });
    const created = newDocument(index, { type: 'policy', title: 'Access Control Policy', criteria: ['CC6.1'] });
    assert.strictEqual(created.id, 'POL-ACCESS-CONTROL-2');
    assert.strictEqual(created.relPath, 'policies/access-control-policy.md');
    assert.match(newDocument(index, { type: 'policy', title: 'Null', criteria: [] }).text, /^title: "Null"$/m);
    assert.match(newDocument(index, { type: 'narrative', title: 'System Description', criteria: [] }).relPath, /^narratives\//);
  });

  it('puts a type in the folder most of its documents are in', async () => {
    const { index } = await workspace({ 'a/controls/x.md': control(), 'b/controls/y.md': control({ id: 'CTL-2' }), 'b/controls/z.md': control({ id: 'CTL-3' }), 'attest.yaml': 'folders: [a, b]\n' });
    assert.strictEqual(folderForType(index, 'control'), 'b/controls');
    assert.strictEqual(folderForType(index, 'procedure'), 'procedures');
  });
});
