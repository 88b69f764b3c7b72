import * as assert from 'assert';
import { control, policy, rangeOf } from '../helpers';
import { ServerHarness } from './harness';

describe('language server over stdio: diagnostics', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('publishes diagnostics for documents nobody opened', async () => {
    const bad = control({ criteria: '[CC9.9]' });
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': bad });
    const d = await server.diagnosticsOf('controls/ac-01.md', (x) => x.length > 0);
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity, x.source]), [['unknown-criterion', 1, 'attest']]);
    assert.deepStrictEqual(d[0].range, rangeOf(bad, 'CC9.9'));
    assert.match(String(d[0].message), /CC9\.1/);
    assert.deepStrictEqual(await server.diagnosticsOf('policies/access.md'), []);
  });

  it('re-checks an opened document on every change', async () => {
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    await server.diagnosticsOf('controls/ac-01.md');
    const edited = control({ criteria: '[CC6.2, CC6.9]' });
    await server.open('controls/ac-01.md');
    await server.change('controls/ac-01.md', edited, 2);
    const d = await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 1);
    assert.deepStrictEqual(d[0].range, rangeOf(edited, 'CC6.9'));
    await server.change('controls/ac-01.md', control(), 3);
    await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 0);
  });

  it('checks the newest text once after a burst of edits to a large document, not once per edit', async () => {
    // Slow to check on purpose: a reference definition makes the long body parse whole (see outlineMarkdown).
    const long = '\n[access]: ../policies/access.md\n\n' + Array.from({ length: 3000 }, (_, i) => (i % 40 === 0 ? `## Part ${i}\n` : `Line ${i}: a [link][access] and CC6.1 in words.\n`)).join('');
    const text = (criteria: string) => control({ criteria }, `## Objective\n\nWhy.\n\n## Implementation\n\nHow.\n\n## Evidence\n\nWhat.\n${long}`);
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': text('[CC6.2]') });
    await server.diagnosticsOf('controls/ac-01.md');
    await server.open('controls/ac-01.md');
    await server.diagnosticsOf('controls/ac-01.md');
    const uri = server.uri('controls/ac-01.md');
    const before = server.publications.length;
    // Typing `, CC9.9` one key at a time.
    const typed = ', CC9.9';
    for (let i = 1; i <= typed.length; i++) await server.change('controls/ac-01.md', text(`[CC6.2${typed.slice(0, i)}]`), i + 1);
    const last = typed.length + 1;
    await server.waitFor('the diagnostics of the last version', () => server.publications.slice(before).some((p) => p.uri === uri && p.version === last));
    const final = text('[CC6.2, CC9.9]');
    assert.deepStrictEqual((server.diagnostics.get(uri) ?? []).map((d) => [d.code, d.range]), [['unknown-criterion', rangeOf(final, 'CC9.9')]]);
    const checked = server.publications.slice(before).filter((p) => p.uri === uri);
    assert.ok(checked.length < typed.length, `${checked.length} checks for ${typed.length} edits: ${JSON.stringify(checked.map((p) => p.version))}`);
    assert.deepStrictEqual(checked.map((p) => p.version), [...checked.map((p) => p.version)].sort((a, b) => (a ?? 0) - (b ?? 0)), 'versions only go forward');
  });

  it('follows files changing on disk: a broken reference appears and disappears with its target', async () => {
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 0);
    await server.writeFiles({ 'policies/access.md': undefined });
    const d = await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 1);
    assert.strictEqual(d[0].code, 'unresolved-reference');
    await server.writeFiles({ 'policies/access.md': policy() });
    await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 0);
  });

  it('reports duplicate ids on both documents and clears them when one is renamed', async () => {
    server = await ServerHarness.start({ 'policies/a.md': policy(), 'policies/b.md': policy({ title: 'B' }) });
    await server.diagnosticsOf('policies/a.md', (x) => x.some((d) => d.code === 'duplicate-id'));
    await server.diagnosticsOf('policies/b.md', (x) => x.some((d) => d.code === 'duplicate-id'));
    await server.open('policies/b.md');
    await server.change('policies/b.md', policy({ id: 'POL-OTHER', title: 'B' }), 2);
    await server.diagnosticsOf('policies/a.md', (x) => x.length === 0);
    await server.diagnosticsOf('policies/b.md', (x) => x.length === 0);
  });

  it('reports a broken attest.yaml on the file itself and keeps working', async () => {
    const config = 'categories: [availabilty]\nml: sometimes\n';
    server = await ServerHarness.start({ 'attest.yaml': config, 'policies/access.md': policy() });
    const d = await server.diagnosticsOf('attest.yaml', (x) => x.some((y) => y.code === 'invalid-value'));
    const invalid = d.filter((x) => x.code === 'invalid-value');
    assert.deepStrictEqual(invalid.map((x) => x.range), [rangeOf(config, 'availabilty'), rangeOf(config, 'sometimes')]);
    // Plain text, as the Problems panel shows it: no Markdown backticks.
    assert.strictEqual(invalid[0].message, "Unknown category 'availabilty': use one of security, availability, processing-integrity, confidentiality, privacy (did you mean 'availability'?).");
    assert.deepStrictEqual(await server.diagnosticsOf('policies/access.md'), []);
  });

  it('sends coverage when indexing ends and when it changes', async () => {
    server = await ServerHarness.start({ 'attest.yaml': 'ml: false\n', 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    type Cov = { coverage: { criteria: { id: string; status: string }[] } }[];
    const statusOf = (id: string) => () => {
      const last = [...server.notifications].reverse().find((n) => n.method === 'attest/coverageChanged');
      return (last?.params as { folders: Cov } | undefined)?.folders[0].coverage.criteria.find((c) => c.id === id)?.status;
    };
    assert.strictEqual(await server.waitFor('CC6.2 controlled', () => statusOf('CC6.2')() === 'controlled' && 'ok'), 'ok');
    await server.writeFiles({ 'controls/ac-01.md': undefined });
    await server.waitFor('CC6.2 documented', () => statusOf('CC6.2')() === 'documented');
    const response = await server.connection.sendRequest<Cov>('attest/coverage');
    assert.strictEqual(response[0].coverage.criteria.find((c) => c.id === 'CC6.1')?.status, 'documented');
  });

  it('uses the editor settings of a folder without attest.yaml', async () => {
    const text = policy({ criteria: '[CC6.1, P4.3]' });
    server = await ServerHarness.start({ 'policies/access.md': text }, { settings: { categories: ['privacy'], rules: { 'missing-section': 'error' } } });
    const d = await server.diagnosticsOf('policies/access.md');
    assert.deepStrictEqual(d, [], 'privacy is in scope through the settings');
    await server.open('policies/access.md');
    await server.change('policies/access.md', text.replace('## Review', '## Reviewing'), 2);
    const after = await server.diagnosticsOf('policies/access.md', (x) => x.length === 1);
    assert.deepStrictEqual([after[0].code, after[0].severity], ['missing-section', 1]);
  });

  it('labels an open document with its buffer version when a change of folders re-indexes it', async () => {
    server = await ServerHarness.start({ 'attest.yaml': 'ml: false\n', 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    await server.diagnosticsOf('controls/ac-01.md');
    await server.open('controls/ac-01.md');
    await server.change('controls/ac-01.md', control({ criteria: '[CC6.9]' }), 2);
    await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 1);
    const uri = server.uri('controls/ac-01.md');
    const before = server.publications.length;
    await server.open('attest.yaml');
    await server.change('attest.yaml', 'ml: false\nfolders: [policies, controls, procedures]\n', 2);
    await server.waitFor('the re-indexed control to be published', () => server.publications.slice(before).some((p) => p.uri === uri));
    const republished = server.publications.slice(before).filter((p) => p.uri === uri);
    assert.deepStrictEqual(republished.map((p) => p.version), republished.map(() => 2), 'the buffer version, not 0');
    assert.strictEqual(server.diagnostics.get(uri)?.length, 1, 'still the buffer text: CC6.9 reported');
  });

  it('checks the editor text of attest.yaml, not the disk', async () => {
    server = await ServerHarness.start({ 'attest.yaml': 'ml: false\n', 'policies/access.md': policy() });
    await server.diagnosticsOf('policies/access.md');
    await server.open('attest.yaml');
    const edited = 'ml: false\nfoo: 1\n';
    await server.change('attest.yaml', edited, 2);
    const d = await server.diagnosticsOf('attest.yaml', (x) => x.some((y) => y.code === 'unknown-field'));
    assert.deepStrictEqual(d.find((x) => x.code === 'unknown-field')?.range, rangeOf(edited, 'foo'));
  });

  it('keeps unsaved editor text when attest.yaml changes on disk', async () => {
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    await server.diagnosticsOf('controls/ac-01.md');
    const unsaved = control({ criteria: '[CC9.9]' });
    await server.open('controls/ac-01.md', unsaved);
    await server.diagnosticsOf('controls/ac-01.md', (x) => x.length === 1);
    await server.writeFiles({ 'attest.yaml': 'folders: [policies, controls, evidence]\n' });
    await server.waitFor('attest.yaml diagnostics', () => server.diagnostics.get(server.uri('attest.yaml')));
    const d = await server.diagnosticsOf('controls/ac-01.md');
    assert.deepStrictEqual(d.map((x) => x.code), ['unknown-criterion']);
  });

  it('forgets the documents of a deleted folder', async () => {
    server = await ServerHarness.start({ 'policies/a.md': policy(), 'policies/b.md': policy({ title: 'B' }), 'notes/keep.md': '# Notes\n' });
    await server.diagnosticsOf('policies/a.md', (x) => x.some((d) => d.code === 'duplicate-id'));
    const fs = await import('fs');
    fs.rmSync(`${server.root}/policies`, { recursive: true });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('policies'), type: 3 }] });
    await server.diagnosticsOf('policies/a.md', (x) => x.length === 0);
    await server.diagnosticsOf('policies/b.md', (x) => x.length === 0);
  });

  it('indexes a folder even when the client refuses progress', async () => {
    const bad = control({ criteria: '[CC9.9]' });
    server = await ServerHarness.start({ 'policies/access.md': policy(), 'controls/ac-01.md': bad }, { refuseProgress: true });
    const d = await server.diagnosticsOf('controls/ac-01.md', (x) => x.length > 0);
    assert.deepStrictEqual(d.map((x) => x.code), ['unknown-criterion']);
  });

  it('answers read-only requests on attest.yaml without re-checking the workspace', async () => {
    server = await ServerHarness.start({ 'attest.yaml': 'ml: false\n', 'policies/access.md': policy(), 'controls/ac-01.md': control() });
    await server.diagnosticsOf('controls/ac-01.md');
    await server.waitFor('coverage after indexing', () => server.notifications.some((n) => n.method === 'attest/coverageChanged'));
    // Opening attest.yaml reloads the configuration: both documents and the file itself are re-published.
    const opened = server.published;
    await server.open('attest.yaml');
    await server.waitFor('the reload after opening attest.yaml', () => server.published >= opened + 3);
    const before = server.published;
    for (let i = 0; i < 3; i++) await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: server.uri('attest.yaml') } });
    await server.connection.sendRequest('attest/coverage');
    assert.ok(server.published - before <= 1, `published ${server.published - before} times`);
  });
});
