import * as assert from 'assert';
import type { CodeAction } from 'vscode-languageserver-types';
import { codeActionsFor } from '../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../server/src/features/lspDiagnostic';
import { addToSatisfies } from '../../server/src/core/fixes/satisfiesEdits';
import { codes, policy, workspace } from '../helpers';
import { applyEdits, applyWorkspaceEdit } from './features/cursor';

type Files = Record<string, string>;

/** The quick fixes of the diagnostics of `code` in `file`, and the workspace they apply to. */
async function fixes(files: Files, file: string, code: string): Promise<{ actions: CodeAction[]; apply(title: string): Files }> {
  const { index } = await workspace(files);
  const diagnostics = index.diagnose(file).map(toLspDiagnostic).filter((d) => d.code === code);
  assert.ok(diagnostics.length > 0, `no ${code} in ${file}`);
  const doc = index.get(file);
  assert.ok(doc);
  const actions = codeActionsFor({ text: doc.text, doc, index }, diagnostics).filter((a) => !a.title.startsWith('Suppress'));
  return {
    actions,
    apply(title) {
      const action = actions.find((a) => a.title === title);
      assert.ok(action?.edit, `no action ${title} among ${JSON.stringify(actions.map((a) => a.title))}`);
      return applyWorkspaceEdit(files, action.edit, index);
    },
  };
}

async function clean(files: Files, file: string): Promise<void> {
  const { index } = await workspace(files);
  assert.deepStrictEqual(codes(index.diagnose(file)), [], files[file]);
}

describe('framework claims: quick fixes', () => {
  const config = 'frameworks: [iso42001, iso27001]\n';

  it('changes a fake id to the nearest real one', async () => {
    const files = { 'attest.yaml': config, 'policies/a.md': policy({ satisfies: '{ iso42001: [A.6.2.9] }' }) };
    const { actions, apply } = await fixes(files, 'policies/a.md', 'unknown-criterion');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change `A.6.2.9` to `A.6.2.8`', 'Change `A.6.2.9` to `A.6.2.7`', 'Change `A.6.2.9` to `A.6.2.6`']);
    const after = apply('Change `A.6.2.9` to `A.6.2.8`');
    assert.strictEqual(after['policies/a.md'], policy({ satisfies: '{ iso42001: [A.6.2.8] }' }));
    await clean(after, 'policies/a.md');
  });

  it('moves a real id under the key of its framework, in flow and block form', async () => {
    const flow = { 'attest.yaml': config, 'policies/a.md': policy({ satisfies: '{ iso42001: [A.7.5, A.8.34] }' }) };
    const moved = (await fixes(flow, 'policies/a.md', 'unknown-criterion')).apply('Claim A.8.34 under `iso27001`');
    assert.strictEqual(moved['policies/a.md'], policy({ satisfies: '{ iso42001: [A.7.5], iso27001: [A.8.34] }' }));
    await clean(moved, 'policies/a.md');

    const block = { 'attest.yaml': config, 'policies/a.md': policy({ satisfies: '\n  iso42001:\n    - A.8.34\n    - A.7.5\n  iso27001:\n    - A.5.1' }) };
    const movedBlock = (await fixes(block, 'policies/a.md', 'unknown-criterion')).apply('Claim A.8.34 under `iso27001`');
    assert.strictEqual(movedBlock['policies/a.md'], policy({ satisfies: '\n  iso42001:\n    - A.7.5\n  iso27001:\n    - A.5.1\n    - A.8.34' }));
    await clean(movedBlock, 'policies/a.md');
  });

  it('renames an unknown framework key to the nearest name', async () => {
    const files = { 'attest.yaml': config, 'policies/a.md': policy({ satisfies: '{ ISO 42001: [A.7.5] }' }) };
    const after = (await fixes(files, 'policies/a.md', 'unknown-field')).apply('Rename `ISO 42001` to `iso42001`');
    assert.strictEqual(after['policies/a.md'], policy({ satisfies: '{ iso42001: [A.7.5] }' }));
    await clean(after, 'policies/a.md');
  });

  it('turns a framework on in attest.yaml, whatever form `frameworks` has, or in a new attest.yaml', async () => {
    const doc = policy({ satisfies: '{ nist-ai-rmf: [MAP 1.1] }' });
    const cases: [string | undefined, string][] = [
      [config, 'frameworks: [iso42001, iso27001, nist-ai-rmf]\n'],
      ['frameworks:\n  - iso42001\n', 'frameworks:\n  - iso42001\n  - nist-ai-rmf\n'],
      ['frameworks: []\n', 'frameworks: [nist-ai-rmf]\n'],
      ['organization: X', 'organization: X\nframeworks: [nist-ai-rmf]\n'],
      [undefined, 'frameworks: [nist-ai-rmf]\n'],
    ];
    for (const [before, expected] of cases) {
      const files: Files = { 'policies/a.md': doc, ...(before === undefined ? {} : { 'attest.yaml': before }) };
      const after = (await fixes(files, 'policies/a.md', 'out-of-scope-criterion')).apply('Turn on nist-ai-rmf in attest.yaml');
      assert.strictEqual(after['attest.yaml'], expected);
      await clean(after, 'policies/a.md');
    }
  });
});

describe('adding to satisfies', () => {
  const additions = new Map([
    ['iso42001', ['A.7.5', 'A.4.3']],
    ['nist-ai-rmf', ['MAP 2.3']],
  ]);
  const cases: [string, string | undefined, string | undefined][] = [
    ['no satisfies yet', undefined, '\n  iso42001: [A.7.5, A.4.3]\n  nist-ai-rmf: [MAP 2.3]'],
    ['an empty one', '~', '\n  iso42001: [A.7.5, A.4.3]\n  nist-ai-rmf: [MAP 2.3]'],
    ['a flow map', '{ TSC: [CC6.1], iso42001: [A.2.2] }', '{ TSC: [CC6.1], iso42001: [A.2.2, A.7.5, A.4.3], nist-ai-rmf: [MAP 2.3] }'],
    ['an empty flow list', '{ iso42001: [] }', '{ iso42001: [A.7.5, A.4.3], nist-ai-rmf: [MAP 2.3] }'],
    ['a block map of block lists', '\n  iso42001:\n    - A.2.2\n  SOC 2: [CC6.1]', '\n  iso42001:\n    - A.2.2\n    - A.7.5\n    - A.4.3\n  SOC 2: [CC6.1]\n  nist-ai-rmf: [MAP 2.3]'],
    ['a single id', '\n  iso42001: A.2.2\n  nist-ai-rmf:', '\n  iso42001: [A.2.2, A.7.5, A.4.3]\n  nist-ai-rmf: [MAP 2.3]'],
  ];
  for (const [name, before, after] of cases) {
    it(`keeps the form of ${name}`, async () => {
      const text = policy(before === undefined ? { criteria: '[CC6.1]' } : { criteria: '[CC6.1]', satisfies: before });
      const { index } = await workspace({ 'policies/a.md': text });
      const doc = index.get('policies/a.md');
      assert.ok(doc);
      const edits = addToSatisfies(doc, additions);
      assert.ok(edits);
      const expected = policy({ criteria: '[CC6.1]', ...(after === undefined ? {} : { satisfies: after }) });
      // A key added where there was none goes before the closing `---`.
      assert.strictEqual(applyEdits(text, edits).replace('satisfies:', 'satisfies: ').replace('satisfies:  ', 'satisfies: '), expected);
    });
  }

  it('gives up on a form it cannot extend', async () => {
    const { index } = await workspace({ 'policies/a.md': policy({ satisfies: '[A.7.5]' }) });
    assert.strictEqual(addToSatisfies(index.get('policies/a.md')!, additions), undefined);
  });
});
