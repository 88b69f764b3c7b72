import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CodeLensRequest, CompletionRequest, ReferencesRequest, type CodeLens, type CompletionItem, type Location } from 'vscode-languageserver-protocol/node';
import type { FolderCoverage } from '../../server/src/shared/protocol';
import { control, policy } from '../helpers';
import { ServerHarness } from './harness';

const FILES = {
  'policies/access.md': policy(),
  'controls/ac-01.md': control(),
  'controls/ac-02.md': control({ id: 'CTL-AC-02', title: 'Access review', criteria: '[CC6.3]' }),
};
const POLICY = 'policies/access.md';

/** What still counts a document: the coverage the view draws, Find References on its policy, and the policy's lens. */
async function countedIn(server: ServerHarness, id: string, file: string): Promise<{ coverage: boolean; references: boolean; lens: string }> {
  const [folder] = await server.connection.sendRequest<FolderCoverage[]>('attest/coverage');
  const coverage = id in folder.documents || folder.coverage.criteria.some((c) => c.documents.includes(id));
  const text = fs.readFileSync(path.join(server.root, POLICY), 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith('id:'));
  const refs: Location[] | null = await server.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: server.uri(POLICY) },
    position: { line, character: 'id: POL'.length },
    context: { includeDeclaration: false },
  });
  const lenses: CodeLens[] | null = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: server.uri(POLICY) } });
  return { coverage, references: (refs ?? []).some((r) => r.uri === server.uri(file)), lens: lenses?.[0]?.command?.title ?? '' };
}

describe('language server over stdio: a deleted document stops counting at once', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('leaves the index on the file event, though its buffer is still open', async () => {
    server = await ServerHarness.start(FILES);
    await server.open('controls/ac-02.md');
    await server.diagnosticsOf('controls/ac-02.md');
    assert.deepStrictEqual(await countedIn(server, 'CTL-AC-02', 'controls/ac-02.md'), { coverage: true, references: true, lens: 'covers 2 criteria · 2 controls · 0 procedures' });
    server.diagnostics.delete(server.uri('controls/ac-02.md'));
    await server.writeFiles({ 'controls/ac-02.md': undefined });
    // Its diagnostics are cleared, not left in the Problems panel for a file that is gone.
    await server.diagnosticsOf('controls/ac-02.md', (d) => d.length === 0);
    assert.deepStrictEqual(await countedIn(server, 'CTL-AC-02', 'controls/ac-02.md'), { coverage: false, references: false, lens: 'covers 2 criteria · 1 control · 0 procedures' });
    // Typing in the deleted file's tab does not bring it back, nor its problems; saving it does.
    await server.change('controls/ac-02.md', control({ id: 'CTL-AC-02', title: 'Access review, edited', criteria: '[CC6.3, CC9.9]' }), 2);
    assert.strictEqual((await countedIn(server, 'CTL-AC-02', 'controls/ac-02.md')).coverage, false);
    assert.deepStrictEqual(server.diagnostics.get(server.uri('controls/ac-02.md')), []);
    await server.writeFiles({ 'controls/ac-02.md': control({ id: 'CTL-AC-02', title: 'Access review, edited', criteria: '[CC6.3]' }) });
    await server.waitFor('the saved file counted again', () => server.notifications.some((n) => n.method === 'attest/coverageChanged' && JSON.stringify(n.params).includes('Access review, edited')));
    assert.deepStrictEqual(await countedIn(server, 'CTL-AC-02', 'controls/ac-02.md'), { coverage: true, references: true, lens: 'covers 2 criteria · 2 controls · 0 procedures' });
  });

  it('leaves the index when the buffer of a file gone from disk closes, with no file event', async () => {
    server = await ServerHarness.start(FILES);
    await server.open('controls/ac-02.md');
    await server.diagnosticsOf('controls/ac-02.md');
    // A client that watches no files: the disk changes and nothing says so.
    fs.rmSync(path.join(server.root, 'controls', 'ac-02.md'));
    await server.close('controls/ac-02.md');
    await server.waitFor('the closed file forgotten', () => server.notifications.some((n) => n.method === 'attest/coverageChanged' && !JSON.stringify(n.params).includes('CTL-AC-02')));
    assert.deepStrictEqual(await countedIn(server, 'CTL-AC-02', 'controls/ac-02.md'), { coverage: false, references: false, lens: 'covers 2 criteria · 1 control · 0 procedures' });
    assert.deepStrictEqual(server.diagnostics.get(server.uri('controls/ac-02.md')), []);
  });

  it('never takes in a buffer the editor sends for a file that is not on disk, as it does on a restart', async () => {
    const cached = control({ id: 'CTL-GONE', title: 'Deleted a minute ago', criteria: '[CC6.3, CC9.9]' });
    server = await ServerHarness.start(FILES);
    // VS Code re-sends documents it still caches after their tab closed, deleted files too.
    await server.open('controls/gone.md', cached);
    await server.diagnosticsOf(POLICY);
    await server.waitFor('coverage after indexing', () => server.notifications.some((n) => n.method === 'attest/coverageChanged'));
    assert.deepStrictEqual(await countedIn(server, 'CTL-GONE', 'controls/gone.md'), { coverage: false, references: false, lens: 'covers 2 criteria · 2 controls · 0 procedures' });
    assert.ok(!server.notifications.some((n) => JSON.stringify(n.params).includes('CTL-GONE')), 'no coverage notification ever counted it');
    // Such a buffer cannot be told from a new file not saved yet: it is checked on its own, against the workspace.
    const own = await server.diagnosticsOf('controls/gone.md', (d) => d.length > 0);
    assert.deepStrictEqual(own.map((d) => d.code), ['unknown-criterion']);
    // It can still be written before it is first saved: completion reads it against the workspace.
    const line = cached.split('\n').findIndex((l) => l.startsWith('policy:'));
    const items = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: server.uri('controls/gone.md') }, position: { line, character: 'policy: POL'.length } })) as CompletionItem[] | null;
    assert.ok(items?.some((i) => i.label === 'POL-ACCESS'), JSON.stringify(items?.map((i) => i.label)));
    // Saved, it is a file of the workspace: it counts, and is checked.
    await server.writeFiles({ 'controls/gone.md': cached });
    await server.waitFor('the saved file counted', () => server.notifications.some((n) => JSON.stringify(n.params).includes('CTL-GONE')));
    assert.deepStrictEqual((await server.diagnosticsOf('controls/gone.md')).map((d) => d.code), ['unknown-criterion']);
    assert.deepStrictEqual(await countedIn(server, 'CTL-GONE', 'controls/gone.md'), { coverage: true, references: true, lens: 'covers 2 criteria · 3 controls · 0 procedures' });
  });
});
