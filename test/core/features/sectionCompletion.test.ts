import * as assert from 'assert';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completeDocument } from '../../../server/src/features/completion';
import { diagnose, policy, POLICY_BODY, workspace } from '../../helpers';
import { applyEdits, cursor } from './cursor';

const ADDENDUM = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\nextends: POL-ACCESS\nml: [model-versioning]\n---\n\n# ML\n\n## Purpose\n\nWhy.\n\n## Model Versioning\n\nPinned.\n\n';

async function itemsAt(marked: string, file = 'addenda/ml.md', others: Record<string, string> = { 'policies/access.md': policy() }): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, position } = cursor(marked);
  const { index } = await workspace({ ...others, [file]: text });
  const doc = index.get(file);
  assert.ok(doc);
  return { items: completeDocument(doc, position, index), text };
}

/** A snippet as inserted with every tab stop left at its default. */
function expanded(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

describe('completion of a section where a heading is typed in the body', () => {
  it('offers the required sections the document lacks, first, with their templates', async () => {
    const body = POLICY_BODY.replace(/## Scope\n\nText about scope\.\n\n/, '');
    const { items } = await itemsAt(`${policy({}, `${body}\n## |`)}`, 'policies/access.md', { 'attest.yaml': 'ml: true\n' });
    assert.strictEqual(items[0].label, 'Scope');
    assert.strictEqual(items[0].detail, 'Required section of a policy');
    assert.ok(items[0].textEdit && 'range' in items[0].textEdit);
    assert.match(items[0].textEdit.newText, /^## Scope\n\nThis policy applies to all employees, contractors and service accounts of \$\{1:<COMPANY NAME>\}/);
    assert.ok(items.slice(1).every((i) => i.detail?.startsWith('ML topic')), 'then the ML topics');
  });


  it('offers the topics without a section where a heading is typed, and adds the topic to `ml` with it', async () => {
    const { items, text } = await itemsAt(`${ADDENDUM}## |`);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('ML Vendor Risk') && !labels.includes('Model Versioning'), JSON.stringify(labels));
    const vendor = items.find((i) => i.label === 'ML Vendor Risk');
    assert.ok(vendor?.textEdit && 'range' in vendor.textEdit);
    assert.strictEqual(vendor.detail, 'ML topic ml-vendor-risk: its section, and ml-vendor-risk added to ml');
    const edits: TextEdit[] = [{ ...vendor.textEdit, newText: expanded(vendor.textEdit.newText) }, ...(vendor.additionalTextEdits ?? [])];
    const after = applyEdits(text, edits);
    assert.match(after, /^ml: \[model-versioning, ml-vendor-risk\]$/m);
    assert.match(after, /\n## ML Vendor Risk\n\n\S/);
    // The section counts as addressing the topic: what is left is the template's text to write.
    const found = await diagnose({ 'policies/access.md': policy(), 'addenda/ml.md': after }, 'addenda/ml.md');
    assert.deepStrictEqual([...new Set(found.map((d) => d.code))], ['unfilled-placeholder']);
  });

  it('keeps the heading level typed, and leaves `ml` alone when the topic is listed already', async () => {
    const listed = ADDENDUM.replace('ml: [model-versioning]', 'ml: [model-versioning, drift-monitoring]');
    const { items } = await itemsAt(`${listed}### Dri|`);
    const drift = items.find((i) => i.label === 'Drift Monitoring');
    assert.ok(drift?.textEdit && 'range' in drift.textEdit);
    assert.match(drift.textEdit.newText, /^### Drift Monitoring\n\n/);
    assert.strictEqual(drift.additionalTextEdits, undefined);
    assert.deepStrictEqual(drift.textEdit.range, { start: { line: listed.split('\n').length - 1, character: 0 }, end: { line: listed.split('\n').length - 1, character: '### Dri'.length } });
  });

  it('offers nothing on a line that is not a heading, nor in a policy where the ML addenda do not apply', async () => {
    assert.deepStrictEqual((await itemsAt(`${ADDENDUM}Some text |`)).items, []);
    assert.deepStrictEqual((await itemsAt(`${policy({}, `${POLICY_BODY}\n## |`)}`, 'policies/access.md', {})).items, []);
    const active = await itemsAt(`${policy({}, `${POLICY_BODY}\n## |`)}`, 'policies/access.md', { 'attest.yaml': 'ml: true\n' });
    assert.ok(active.items.length > 0);
  });
});
