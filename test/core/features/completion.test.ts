import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem } from 'vscode-languageserver-types';
import { completeConfig, completeDocument } from '../../../server/src/features/completion';
import { control, diagnose, policy, POLICY_BODY, workspace } from '../../helpers';
import { applyEdits, cursor } from './cursor';

/** Completion at the `|` of `marked`, the text of `file` in a workspace with `others`. */
async function complete(file: string, marked: string, others: Record<string, string> = {}): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, position } = cursor(marked);
  const { index } = await workspace({ ...others, [file]: text });
  if (file === 'attest.yaml') {
    return { items: completeConfig(TextDocument.create(index.uriOf(file), 'yaml', 0, text), position, index), text };
  }
  const doc = index.get(file);
  assert.ok(doc, `${file} is a document`);
  return { items: completeDocument(doc, position, index), text };
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);

/** The text after accepting `label`. */
function accept(items: readonly CompletionItem[], label: string, text: string): string {
  const chosen = items.find((i) => i.label === label);
  assert.ok(chosen, `${label} is offered among ${JSON.stringify(labels(items))}`);
  assert.ok(chosen.textEdit && 'range' in chosen.textEdit, 'items replace what was typed');
  return applyEdits(text, [chosen.textEdit]);
}

describe('completion', () => {
  describe('frontmatter keys', () => {
    it('offers the fields of the type that are not there yet, inserting `key: `', async () => {
      const { items, text } = await complete('controls/c.md', '---\nid: CTL-A\ntype: control\ntitle: A\n|\n---\n# A\n');
      assert.deepStrictEqual(labels(items).sort(), ['approval', 'criteria', 'effective', 'evidence', 'frequency', 'ml', 'owner', 'policy', 'review', 'satisfies', 'status', 'version'].sort());
      const owner = items.find((i) => i.label === 'owner');
      assert.strictEqual(owner?.detail, 'required');
      assert.deepStrictEqual(owner?.documentation, { kind: 'markdown', value: 'The role that owns the document (a role, not a person).' });
      assert.strictEqual(accept(items, 'owner', text), '---\nid: CTL-A\ntype: control\ntitle: A\nowner: \n---\n# A\n');
    });

    it('replaces a partly typed key, and offers no control-only key on a policy', async () => {
      const { items, text } = await complete('policies/p.md', '---\nid: POL-A\ntype: policy\nfre|\n---\n');
      assert.ok(!labels(items).includes('frequency'));
      assert.ok(!labels(items).includes('policy'));
      assert.strictEqual(accept(items, 'criteria', text), '---\nid: POL-A\ntype: policy\ncriteria: \n---\n');
    });

    it('offers nothing outside the frontmatter', async () => {
      const { items } = await complete('policies/p.md', `${policy()}\nty|`);
      assert.deepStrictEqual(items, []);
    });
  });

  describe('enum values', () => {
    it('completes type, status, frequency and review.cycle', async () => {
      const type = await complete('controls/c.md', '---\ntype: con|\n---\n');
      assert.deepStrictEqual(labels(type.items), ['policy', 'control', 'procedure', 'narrative', 'addendum']);
      assert.strictEqual(accept(type.items, 'control', type.text), '---\ntype: control\n---\n');

      const status = await complete('controls/c.md', '---\nstatus:|\n---\n');
      assert.strictEqual(accept(status.items, 'approved', status.text), '---\nstatus: approved\n---\n');

      const frequency = await complete('controls/c.md', '---\nfrequency: |\n---\n');
      assert.ok(labels(frequency.items).includes('on-event'));

      const cycle = await complete('policies/p.md', '---\nreview: { cycle: |, last: 2026-01-01 }\n---\n');
      assert.deepStrictEqual(labels(cycle.items), ['monthly', 'quarterly', 'semiannual', 'annual']);
      const block = await complete('policies/p.md', '---\nreview:\n  cycle: ann|\n---\n');
      assert.strictEqual(accept(block.items, 'annual', block.text), '---\nreview:\n  cycle: annual\n---\n');
    });
  });

  describe('criteria', () => {
    it('completes in a flow list, filtered by what was typed, without the ids already listed', async () => {
      const { items, text } = await complete('policies/p.md', '---\ntype: policy\ncriteria: [CC6.1, CC6.|]\n---\n');
      assert.ok(labels(items).every((l) => l.startsWith('CC6.')), JSON.stringify(labels(items)));
      assert.ok(!labels(items).includes('CC6.1'));
      assert.ok(labels(items).includes('CC6.2'));
      assert.strictEqual(accept(items, 'CC6.3', text), '---\ntype: policy\ncriteria: [CC6.1, CC6.3]\n---\n');
    });

    it('completes in a block list, and while the YAML is still broken', async () => {
      const { items, text } = await complete('policies/p.md', '---\ntype: policy\ncriteria:\n  - CC6.1\n  - cc7|\ntitle: [unclosed\n---\n');
      assert.ok(labels(items).includes('CC7.1'));
      assert.strictEqual(accept(items, 'CC7.2', text), '---\ntype: policy\ncriteria:\n  - CC6.1\n  - CC7.2\ntitle: [unclosed\n---\n');
      const dash = await complete('policies/p.md', '---\ncriteria:\n  -|\n---\n');
      assert.strictEqual(accept(dash.items, 'CC1.1', dash.text), '---\ncriteria:\n  - CC1.1\n---\n');
    });

    it('adds the dash on an indented line of a block list that has none yet', async () => {
      for (const [typed, label] of [['', 'CC6.2'], ['CC6', 'CC6.3'], ['cc6.', 'CC6.3']]) {
        const { items, text } = await complete('policies/access.md', policy({ criteria: `\n  - CC6.1\n  ${typed}|` }));
        const after = accept(items, label, text);
        assert.strictEqual(after, policy({ criteria: `\n  - CC6.1\n  - ${label}` }));
        assert.deepStrictEqual(await diagnose({ 'policies/access.md': after }, 'policies/access.md'), [], typed);
      }
      const ml = await complete('policies/access.md', policy({ criteria: '[CC6.2]', ml: '\n    |' }, `${POLICY_BODY}\n## Drift Monitoring\n\nWatched.\n`));
      assert.strictEqual(accept(ml.items, 'drift-monitoring', ml.text), policy({ criteria: '[CC6.2]', ml: '\n    - drift-monitoring' }, `${POLICY_BODY}\n## Drift Monitoring\n\nWatched.\n`));
      const config = await complete('attest.yaml', 'categories:\n  - availability\n  |\n');
      assert.strictEqual(accept(config.items, 'privacy', config.text), 'categories:\n  - availability\n  - privacy\n');
      // Not in a flow list continued on the next line, nor for a single value.
      const flow = await complete('policies/p.md', '---\ncriteria: [CC6.1,\n  |]\n---\n');
      assert.strictEqual(accept(flow.items, 'CC6.2', flow.text), '---\ncriteria: [CC6.1,\n  CC6.2]\n---\n');
    });

    it('puts in-scope criteria first and marks the uncovered ones', async () => {
      const others = { 'attest.yaml': 'categories: [availability]\n', 'controls/c.md': control({ criteria: '[CC6.2]' }), 'policies/access.md': policy() };
      const { items } = await complete('policies/p.md', '---\ntype: policy\ncriteria: [|]\n---\n', others);
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      const firstOut = sorted.findIndex((i) => i.label.startsWith('PI1'));
      const lastIn = sorted.map((i) => i.label).lastIndexOf('A1.3');
      assert.ok(lastIn >= 0 && firstOut > lastIn, 'in-scope criteria sort before the others');
      const cc62 = items.find((i) => i.label === 'CC6.2');
      const cc71 = items.find((i) => i.label === 'CC7.1');
      const pi11 = items.find((i) => i.label === 'PI1.1');
      assert.strictEqual(cc71?.labelDetails?.description, 'uncovered');
      assert.match(cc71?.detail ?? '', /^Security · uncovered$/);
      assert.strictEqual(cc62?.labelDetails?.description, undefined, 'CC6.2 has a control');
      assert.strictEqual(pi11?.labelDetails?.description, 'not in scope');
      assert.match((cc71?.documentation as { value: string }).value, /^\*\*CC7\.1\*\* — /);
    });
  });

  describe('references and ML topics', () => {
    it('completes `policy:` with the ids of policies only', async () => {
      const others = { 'policies/access.md': policy(), 'controls/other.md': control({ id: 'CTL-OTHER' }) };
      const { items, text } = await complete('controls/c.md', '---\ntype: control\npolicy: |\n---\n', others);
      assert.deepStrictEqual(labels(items), ['POL-ACCESS']);
      assert.strictEqual(items[0].detail, 'Access Control Policy');
      assert.strictEqual(accept(items, 'POL-ACCESS', text), '---\ntype: control\npolicy: POL-ACCESS\n---\n');
      const ext = await complete('addenda/a.md', '---\ntype: addendum\nextends: POL|\n---\n', others);
      assert.deepStrictEqual(labels(ext.items), ['POL-ACCESS']);
    });

    it('completes ML topic ids in `ml`, without those already listed', async () => {
      const { items, text } = await complete('policies/p.md', '---\ntype: policy\nml: [drift-monitoring, data-|]\n---\n');
      assert.deepStrictEqual(labels(items), ['data-lineage', 'data-retention-deletion', 'data-poisoning']);
      assert.strictEqual(accept(items, 'data-lineage', text), '---\ntype: policy\nml: [drift-monitoring, data-lineage]\n---\n');
    });
  });

  describe('attest.yaml', () => {
    it('completes category keys', async () => {
      const { items, text } = await complete('attest.yaml', 'categories: [availability, |]\n');
      assert.deepStrictEqual(labels(items), ['security', 'processing-integrity', 'confidentiality', 'privacy']);
      assert.strictEqual(accept(items, 'privacy', text), 'categories: [availability, privacy]\n');
    });

    it("completes an exception's criterion, uncovered ones first", async () => {
      const { items, text } = await complete('attest.yaml', 'exceptions:\n  - criterion: CC6.4\n    reason: Cloud only.\n  - criterion: CC6|\n', { 'policies/access.md': policy() });
      assert.ok(!labels(items).includes('CC6.4'), 'already excepted');
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.strictEqual(sorted[0].labelDetails?.description, 'uncovered');
      assert.strictEqual(accept(items, 'CC6.5', text), 'exceptions:\n  - criterion: CC6.4\n    reason: Cloud only.\n  - criterion: CC6.5\n');
    });

    it('completes rule codes and their severities under `rules`', async () => {
      const codes = await complete('attest.yaml', 'rules:\n  stale-review: off\n  missing-s|\n');
      assert.deepStrictEqual(labels(codes.items), ['missing-section']);
      assert.strictEqual(accept(codes.items, 'missing-section', codes.text), 'rules:\n  stale-review: off\n  missing-section: \n');
      const severity = await complete('attest.yaml', 'rules:\n  stale-review: |\n');
      assert.deepStrictEqual(labels(severity.items), ['error', 'warning', 'information', 'hint', 'off']);
    });
  });
});
