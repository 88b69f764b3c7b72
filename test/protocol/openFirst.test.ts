import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { IndexingNotification } from '../../server/src/shared/protocol';
import { control, policy } from '../helpers';
import { ServerHarness } from './harness';

/** Enough documents that indexing them takes a while on any machine. */
const DOCUMENTS = 3000;
const INDEXING_DEADLINE_MS = 120_000;

function largeWorkspace(): Record<string, string> {
  const files: Record<string, string> = { 'attest.yaml': 'organization: Acme\n' };
  for (let i = 0; i < DOCUMENTS / 10; i++) files[`policies/p${i}.md`] = policy({ id: `POL-${i}` });
  for (let i = 0; i < (DOCUMENTS * 9) / 10; i++) files[`controls/c${i}.md`] = control({ id: `CTL-${i}`, policy: `POL-${i % (DOCUMENTS / 10)}` });
  return files;
}

describe('language server over stdio: the opened document first', function () {
  this.timeout(INDEXING_DEADLINE_MS + 30_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  const indexingFinished = () => server.notifications.some((n) => n.method === IndexingNotification.method && (n.params as IndexingNotification.Params).finished);

  it('publishes the findings a document has on its own while the index builds, and the rest once it is built', async () => {
    // An unknown criterion it has on its own; a duplicate id and a missing policy only the index can tell.
    const opened = control({ id: 'CTL-7', policy: 'POL-NOWHERE', criteria: '[CC6.2, CC9.9]' });
    server = await ServerHarness.start({ ...largeWorkspace(), 'controls/opened.md': opened });
    const uri = server.uri('controls/opened.md');
    const first = server.waitFor(
      'the first diagnostics of the opened document',
      () => {
        const found = server.diagnostics.get(uri);
        return found && { codes: found.map((d) => d.code), indexingFinished: indexingFinished() };
      },
      INDEXING_DEADLINE_MS,
    );
    await server.open('controls/opened.md', opened);
    const early = await first;
    assert.deepStrictEqual(early, { codes: ['unknown-criterion'], indexingFinished: false });

    await server.waitFor('the end of indexing', () => indexingFinished(), INDEXING_DEADLINE_MS);
    const all = await server.diagnosticsOf('controls/opened.md', (d) => d.length > 1);
    assert.deepStrictEqual(all.map((d) => d.code).sort(), ['duplicate-id', 'unknown-criterion', 'unresolved-reference']);
    // Shutting down waits for the cache to be written.
    await server.connection.sendRequest(ShutdownRequest.type);
    assert.ok(fs.existsSync(path.join(server.root, '.attest-cache', 'documents.jsonl')), 'the folder is cached');
  });

  const noCache: Record<string, Parameters<typeof ServerHarness.start>[1]> = {
    'attest.cache.enabled is off': { settings: { cache: { enabled: false } } },
    'the client asks for a read-only workspace (Restricted Mode)': { initializationOptions: { readOnly: true } },
  };
  for (const [when, options] of Object.entries(noCache)) {
    it(`writes no cache when ${when}`, async () => {
      server = await ServerHarness.start({ 'policies/p.md': policy(), 'controls/c.md': control() }, options);
      await server.waitFor('the end of indexing', () => indexingFinished());
      await server.diagnosticsOf('controls/c.md');
      await server.connection.sendRequest(ShutdownRequest.type);
      assert.ok(!fs.existsSync(path.join(server.root, '.attest-cache')));
    });
  }
});
