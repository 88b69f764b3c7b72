import * as assert from 'assert';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { control, policy, POLICY_BODY, rangeOf } from '../helpers';
import { ServerHarness } from './harness';

const POLICY = policy({}, `${POLICY_BODY}\nImplemented by CTL-AC-01.\n`);
const CONTROL = control();
const FILES = { 'policies/access.md': POLICY, 'controls/ac-01.md': CONTROL };

/** The position `offset` characters into the first `needle` of `text`. */
function inside(text: string, needle: string, offset = 1): { line: number; character: number } {
  const start = rangeOf(text, needle).start;
  return { line: start.line, character: start.character + offset };
}

describe('language server over stdio: navigation', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  async function started(): Promise<ServerHarness> {
    server = await ServerHarness.start(FILES);
    await server.diagnosticsOf('controls/ac-01.md');
    return server;
  }

  const at = (rel: string, text: string, needle: string, offset = 1) => ({ textDocument: { uri: server.uri(rel) }, position: inside(text, needle, offset) });

  it('answers hover and definition', async () => {
    await started();
    const h = await server.connection.sendRequest(HoverRequest.type, at('controls/ac-01.md', CONTROL, 'CC6.2'));
    assert.ok(h);
    assert.deepStrictEqual(h.range, rangeOf(CONTROL, 'CC6.2'));
    assert.match((h.contents as MarkupContent).value, /Coverage: \*\*controlled\*\*/);
    const definition = await server.connection.sendRequest(DefinitionRequest.type, at('controls/ac-01.md', CONTROL, 'POL-ACCESS'));
    assert.deepStrictEqual(definition, [{ uri: server.uri('policies/access.md'), range: rangeOf(POLICY, 'POL-ACCESS') }]);
  });

  it('finds references and renames a document id across unopened files', async () => {
    await started();
    const refs = await server.connection.sendRequest(ReferencesRequest.type, { ...at('policies/access.md', POLICY, 'CTL-AC-01', 3), context: { includeDeclaration: true } });
    assert.deepStrictEqual(
      refs?.map((r) => r.uri),
      [server.uri('controls/ac-01.md'), server.uri('policies/access.md')],
    );
    const prepared = await server.connection.sendRequest(PrepareRenameRequest.type, at('controls/ac-01.md', CONTROL, 'POL-ACCESS'));
    assert.deepStrictEqual(prepared, { range: rangeOf(CONTROL, 'POL-ACCESS'), placeholder: 'POL-ACCESS' });
    const edit = await server.connection.sendRequest(RenameRequest.type, { ...at('controls/ac-01.md', CONTROL, 'POL-ACCESS'), newName: 'POL-IAM' });
    assert.deepStrictEqual(Object.keys(edit?.changes ?? {}).sort(), [server.uri('controls/ac-01.md'), server.uri('policies/access.md')]);
  });

  it('refuses to rename a criterion with an error the editor shows', async () => {
    await started();
    await assert.rejects(
      server.connection.sendRequest(PrepareRenameRequest.type, at('controls/ac-01.md', CONTROL, 'CC6.2')),
      (error: Error) => /Trust Services Criteria id/.test(error.message),
    );
    await assert.rejects(
      server.connection.sendRequest(RenameRequest.type, { ...at('controls/ac-01.md', CONTROL, 'POL-ACCESS'), newName: 'lower-case' }),
      (error: Error) => /not a valid document id/.test(error.message),
    );
    await assert.rejects(
      server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: server.uri('controls/ac-01.md') }, position: { line: 0, character: 0 } }),
      (error: Error) => error.message === "Only a document id can be renamed: put the cursor on an 'id', 'policy' or 'extends' value, or on a document id in the text.",
    );
  });

  it('answers document symbols, workspace symbols and code lenses', async () => {
    await started();
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: server.uri('policies/access.md') } })) as DocumentSymbol[];
    assert.deepStrictEqual(symbols.map((s) => s.name), ['Frontmatter', 'Access Control Policy']);
    const found = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'provisioning' })) as SymbolInformation[];
    assert.deepStrictEqual(found.map((s) => [s.name, s.location.uri]), [['CTL-AC-01 — Access provisioning', server.uri('controls/ac-01.md')]]);
    const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: server.uri('policies/access.md') } });
    // A client that named no commands gets the lens as a label: it could not run the reveal.
    assert.deepStrictEqual(lenses?.map((l) => [l.command?.title, l.command?.command, l.command?.arguments]), [['covers 2 criteria · 1 control · 0 procedures', '', undefined]]);
  });

  it("asks the client to refresh a policy's lens when a control under it is deleted", async () => {
    await started();
    await server.open('policies/access.md');
    const lens = async () => (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: server.uri('policies/access.md') } }))?.map((l) => l.command?.title);
    assert.deepStrictEqual(await lens(), ['covers 2 criteria · 1 control · 0 procedures']);
    const before = server.lensRefreshes;
    await server.writeFiles({ 'controls/ac-01.md': undefined });
    await server.waitFor('a code lens refresh', () => server.lensRefreshes > before);
    assert.deepStrictEqual(await lens(), ['covers 2 criteria · 0 controls · 0 procedures']);
  });

  it('attaches the editor commands a client names, and only those', async () => {
    server = await ServerHarness.start(FILES, { initializationOptions: { clientCommands: ['attest.revealCoverage'] } });
    await server.diagnosticsOf('controls/ac-01.md');
    const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: server.uri('policies/access.md') } });
    assert.deepStrictEqual(lenses?.map((l) => [l.command?.command, l.command?.arguments]), [['attest.revealCoverage', ['POL-ACCESS']]]);
    const text = POLICY.replace('owner:', 'm\nowner:');
    await server.open('policies/access.md', text);
    const items = (await server.connection.sendRequest(CompletionRequest.type, at('policies/access.md', text, 'm\n', 1))) as CompletionItem[] | null;
    const ml = items?.find((i) => i.label === 'ml');
    assert.ok(ml, `the key \`ml\` is offered: ${JSON.stringify(items?.map((i) => i.label))}`);
    assert.strictEqual(ml.command, undefined, "VS Code's suggest command was not named, so it is not attached");
  });

  it('hovers a criterion in attest.yaml', async () => {
    const config = 'exceptions:\n  - criterion: CC6.4\n    reason: No data centers of our own.\n';
    server = await ServerHarness.start({ ...FILES, 'attest.yaml': config });
    await server.diagnosticsOf('controls/ac-01.md');
    const h = await server.connection.sendRequest(HoverRequest.type, at('attest.yaml', config, 'CC6.4'));
    assert.deepStrictEqual(h?.range, rangeOf(config, 'CC6.4'));
    assert.match((h?.contents as MarkupContent).value, /excepted\*\* in attest\.yaml — No data centers of our own\./);
  });
});
