import * as assert from 'assert';
import { control, policy } from '../helpers';
import { ServerHarness } from './harness';

interface Report {
  text: string;
}

describe('language server over stdio: reports and new documents', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('makes the coverage report from its own index: unsaved text and editor settings included', async () => {
    server = await ServerHarness.start({ 'policies/access.md': policy() }, { settings: { categories: ['privacy'] } });
    await server.diagnosticsOf('policies/access.md');
    // On disk it claims CC6.2; the editor's unsaved text claims P4.3, and the report counts that.
    await server.writeFiles({ 'controls/new.md': control() });
    await server.diagnosticsOf('controls/new.md');
    await server.open('controls/new.md', control({ criteria: '[P4.3]' }));
    await server.waitFor('the unsaved text checked', () => server.publications.some((p) => p.uri === server.uri('controls/new.md') && p.version === 1));
    const csv = await server.connection.sendRequest<Report>('attest/report', { folder: server.uri(''), format: 'csv' });
    assert.match(csv.text, /^criterion,P4\.3,Privacy,controlled,CTL-AC-01,$/m);
    const html = await server.connection.sendRequest<Report>('attest/report', { folder: server.uri(''), format: 'html' });
    assert.match(html.text, /^<!DOCTYPE html>/i);
    await assert.rejects(server.connection.sendRequest('attest/report', { folder: server.uri(''), format: 'pdf' }), /Unknown report format/);
  });

  it('links the documents of an HTML report from the folder it will be written to', async () => {
    server = await ServerHarness.start({ 'policies/access.md': policy() });
    await server.diagnosticsOf('policies/access.md');
    const nested = await server.connection.sendRequest<Report>('attest/report', { folder: server.uri(''), format: 'html', output: server.uri('reports/q4/coverage.html') });
    assert.match(nested.text, /href="\.\.\/\.\.\/policies\/access\.md"/);
    const atRoot = await server.connection.sendRequest<Report>('attest/report', { folder: server.uri(''), format: 'html' });
    assert.match(atRoot.text, /href="policies\/access\.md"/);
  });

  it('lists the evidence requests of the folder’s audit, and says what to add without one', async () => {
    const audit = 'rules: { uncovered-criterion: off }\naudit: { type: 2, period: { start: 2026-01-01, end: 2026-12-31 } }\n';
    const evidence = '\n  - { name: Q1 review, path: evidence/q1.csv, collected: 2026-01-14 }';
    server = await ServerHarness.start({ 'attest.yaml': audit, 'policies/access.md': policy(), 'controls/ac.md': control({ evidence }), 'evidence/q1.csv': 'x' });
    await server.diagnosticsOf('controls/ac.md');
    const csv = await server.connection.sendRequest<Report>('attest/evidenceList', { folder: server.uri(''), format: 'csv' });
    assert.match(csv.text, /^PBC-CTL-AC-01-2026-Q1,CC6\.2,CTL-AC-01,.*,collected,/m);
    assert.strictEqual(csv.text.trimEnd().split('\n').length, 5, 'a header and four quarters');
    await assert.rejects(server.connection.sendRequest('attest/evidenceList', { folder: server.uri(''), format: 'pdf' }), /Unknown evidence list format/);
    await server.stop();
    server = await ServerHarness.start({ 'policies/access.md': policy() });
    await server.diagnosticsOf('policies/access.md');
    await assert.rejects(server.connection.sendRequest('attest/evidenceList', { folder: server.uri(''), format: 'csv' }), (error: { message: string; data?: unknown }) => {
      assert.match(error.message, /add 'audit: /);
      // The client tells "no audit" from "unknown folder" by this, not by the error code both share.
      assert.deepStrictEqual(error.data, { reason: 'noAudit' });
      return true;
    });
  });

  it('builds a new document for the folder, which checks clean once written', async () => {
    server = await ServerHarness.start({ 'attest.yaml': 'sections:\n  control: [Objective, Implementation, Evidence, Exceptions]\n', 'policies/access.md': policy() });
    await server.diagnosticsOf('policies/access.md');
    const created = await server.connection.sendRequest<{ uri: string; id: string; text: string }>('attest/newDocument', {
      folder: server.uri(''),
      type: 'control',
      title: 'Quarterly Access Review',
      criteria: ['CC6.2'],
    });
    assert.strictEqual(created.uri, server.uri('controls/quarterly-access-review.md'));
    assert.strictEqual(created.id, 'CTL-QUARTERLY-ACCESS-REVIEW');
    assert.match(created.text, /^## Exceptions$/m);
    await server.writeFiles({ 'controls/quarterly-access-review.md': created.text });
    // Left to write: its template text, and the workspace's own section, which has no template.
    const left = (await server.diagnosticsOf('controls/quarterly-access-review.md')).filter((d) => d.code !== 'unfilled-placeholder');
    assert.deepStrictEqual(left.map((d) => d.code), ['empty-section']);
  });
});
