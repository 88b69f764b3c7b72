import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeActionKind, CodeActionRequest, DefinitionRequest, ReferencesRequest, type CodeAction, type Location } from 'vscode-languageserver-protocol/node';
import { findDataDir } from '../../server/src/node/bundledData';
import { REVEAL_EDIT_COMMAND, type RevealEditArgs } from '../../server/src/shared/commands';
import { control, policy, rangeOf } from '../helpers';
import { ServerHarness } from './harness';

const POLICY = policy({ criteria: '[CC6.2, CC6.3]' });
const CONTROL = control({ criteria: '[CC6.3, CC6.2]' });
const FILES = { 'policies/access.md': POLICY, 'controls/ac-01.md': CONTROL };

describe('language server over stdio: criteria and the fixes that write', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('goes from a criterion to its entry in the bundled criteria file, and finds each id of a list alone', async () => {
    server = await ServerHarness.start(FILES);
    await server.diagnosticsOf('controls/ac-01.md');
    const at = rangeOf(POLICY, 'CC6.3').start;
    const position = { line: at.line, character: at.character + 3 };
    const definitions = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: server.uri('policies/access.md') }, position })) as Location[];
    assert.strictEqual(definitions.length, 1);
    const file = path.join(findDataDir(), 'frameworks', 'tsc-2017.yaml');
    assert.strictEqual(fs.realpathSync(new URL(definitions[0].uri)), fs.realpathSync(file));
    const line = fs.readFileSync(file, 'utf8').split('\n')[definitions[0].range.start.line];
    assert.strictEqual(line.slice(definitions[0].range.start.character, definitions[0].range.end.character), 'CC6.3');
    assert.strictEqual(line, '  - id: CC6.3');
    const references = (await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: server.uri('policies/access.md') }, position, context: { includeDeclaration: true } })) as Location[];
    assert.deepStrictEqual(references, [
      { uri: server.uri('controls/ac-01.md'), range: rangeOf(CONTROL, 'CC6.3') },
      { uri: server.uri('policies/access.md'), range: rangeOf(POLICY, 'CC6.3') },
    ]);
  });

  it('asks a client that runs attest.revealEdit to show the file a fix creates, with plain titles', async () => {
    const text = control({ policy: 'POL-ACCES' });
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-02.md': text }, { initializationOptions: { clientCommands: [REVEAL_EDIT_COMMAND] } });
    const diagnostics = await server.diagnosticsOf('controls/ac-02.md', (d) => d.some((x) => x.code === 'unresolved-reference'));
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: server.uri('controls/ac-02.md') },
      range: rangeOf(text, 'POL-ACCES'),
      context: { diagnostics, only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change POL-ACCES to POL-ACCESS', 'Create policy POL-ACCES (policies/acces.md)', 'Suppress unresolved-reference in this file']);
    assert.strictEqual(actions[0].command, undefined);
    const created = actions[1].command?.arguments?.[0] as RevealEditArgs;
    assert.strictEqual(actions[1].command?.command, REVEAL_EDIT_COMMAND);
    // The new policy's first placeholder: its title (`title: <POLICY TITLE>`, line 4).
    assert.deepStrictEqual(created, { uri: server.uri('policies/acces.md'), range: { start: { line: 3, character: 7 }, end: { line: 3, character: 7 + '<POLICY TITLE>'.length } } });
    const suppressed = actions[2].command?.arguments?.[0] as RevealEditArgs;
    assert.strictEqual(suppressed.uri, server.uri('controls/ac-02.md'));
    const lines = text.split('\n');
    const after = lines.findIndex((l, i) => i > 0 && l === '---') + 1;
    // The comment goes right after the frontmatter; its reason is selected to type over.
    const start = '<!-- attest-ignore unresolved-reference: '.length;
    assert.deepStrictEqual(suppressed.range, { start: { line: after, character: start }, end: { line: after, character: start + '<WHY THIS DOES NOT APPLY HERE>'.length } });
  });
});
