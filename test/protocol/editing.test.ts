import * as assert from 'assert';
import {
  CodeActionKind,
  CodeActionRequest,
  CompletionRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { control, policy } from '../helpers';
import { applyEdits } from '../core/features/cursor';
import { ServerHarness } from './harness';

const items = (result: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(result) ? result : (result?.items ?? []));

describe('language server over stdio: editing', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('completes criterion ids in the frontmatter of an open buffer that is not valid YAML yet', async () => {
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    await server.diagnosticsOf('controls/ac-01.md');
    const text = '---\nid: CTL-NEW\ntype: control\ncriteria: [CC6.1, CC7.\n---\n';
    await server.open('controls/new.md', text);
    const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: server.uri('controls/new.md') }, position: { line: 3, character: 22 } });
    const labels = items(result).map((i) => i.label);
    assert.ok(labels.includes('CC7.2') && labels.every((l) => l.startsWith('CC7.')), JSON.stringify(labels));
  });

  it('offers CC9.1 and CC9.2 for CC9.9, and the edit fixes the document', async () => {
    const text = policy({ criteria: '[CC6.1, CC9.9]' });
    server = await ServerHarness.start({ 'policies/access.md': text });
    const diagnostics = await server.diagnosticsOf('policies/access.md', (d) => d.some((x) => x.code === 'unknown-criterion'));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-criterion');
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri('policies/access.md') },
      range: unknown[0].range,
      context: { diagnostics: unknown, only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    const fixes = actions.filter((a) => a.title.startsWith('Change'));
    assert.deepStrictEqual(fixes.map((a) => a.title), ['Change CC9.9 to CC9.1', 'Change CC9.9 to CC9.2']);
    const edits = fixes[0].edit?.changes?.[server.uri('policies/access.md')] as TextEdit[];
    const fixed = applyEdits(text, edits);
    assert.strictEqual(fixed, policy({ criteria: '[CC6.1, CC9.1]' }));
    await server.open('policies/access.md', fixed);
    await server.diagnosticsOf('policies/access.md', (d) => !d.some((x) => x.code === 'unknown-criterion'));
  });

  it('announces source.fixAll.attest and answers it with one action that fixes every safe finding', async () => {
    const text = policy({ status: 'Approved', criteria: '[CC6.10, CC6.2]' });
    server = await ServerHarness.start({ 'policies/access.md': text });
    const kinds = server.capabilities.codeActionProvider;
    assert.ok(typeof kinds === 'object' && kinds.codeActionKinds?.includes('source.fixAll.attest'), JSON.stringify(kinds));
    await server.diagnosticsOf('policies/access.md', (d) => d.some((x) => x.code === 'value-spelling'));
    const end = { line: text.split('\n').length, character: 0 };
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri('policies/access.md') },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [], only: ['source.fixAll.attest'] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.attest']);
    const fixed = applyEdits(text, actions[0].edit?.changes?.[server.uri('policies/access.md')] as TextEdit[]);
    assert.strictEqual(fixed, policy({ criteria: '[CC6.1, CC6.2]' }));
    const quickOnly = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri('policies/access.md') },
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    assert.ok(!quickOnly.some((a) => a.kind === 'source.fixAll.attest'), 'quick fixes alone leave the source action out');
  });

  it('offers the fixes of attest.yaml, which is not a document', async () => {
    server = await ServerHarness.start({ 'attest.yaml': 'categories: [security]\n', 'policies/access.md': policy() });
    const diagnostics = await server.diagnosticsOf('attest.yaml', (d) => d.length > 0);
    const cc73 = diagnostics.filter((d) => (d.data as { criterion?: string } | undefined)?.criterion === 'CC7.3');
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri('attest.yaml') },
      range: cc73[0].range,
      context: { diagnostics: cc73 },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title.replace(/ \(.*$/, '')), ['Create a control for CC7.3', 'Declare CC7.3 not applicable']);
  });
});
