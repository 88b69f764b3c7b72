import * as assert from 'assert';
import { CompletionRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { control, policy, rangeOf } from '../helpers';
import { ServerHarness } from './harness';

const CONFIG = 'frameworks: [iso42001, nist-ai-rmf]\nexceptions:\n  - { framework: iso42001, id: A.10.4, reason: We provide no AI system to customers. }\n';
const POLICY = policy({ id: 'POL-AI', satisfies: '{ iso42001: [A.7.5], nist-ai-rmf: [MAP 2.3] }' });
const CONTROL = control({ id: 'CTL-LIN', policy: 'POL-AI', satisfies: '{ iso42001: [A.7.5] }' });
const FILES = { 'attest.yaml': CONFIG, 'policies/ai.md': POLICY, 'controls/lineage.md': CONTROL };

describe('language server over stdio: frameworks', function () {
  this.timeout(20_000);
  let server: ServerHarness;
  afterEach(async () => server?.stop());

  it('hovers a framework item with its coverage and claimants', async () => {
    server = await ServerHarness.start(FILES);
    await server.diagnosticsOf('policies/ai.md');
    const at = rangeOf(POLICY, 'A.7.5').start;
    const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: server.uri('policies/ai.md') }, position: { line: at.line, character: at.character + 2 } });
    assert.ok(h);
    assert.deepStrictEqual(h.range, rangeOf(POLICY, 'A.7.5'));
    const text = (h.contents as MarkupContent).value;
    assert.match(text, /^\*\*A\.7\.5\*\* — .* · ISO\/IEC 42001 · Data used by AI systems/);
    assert.match(text, /Coverage: \*\*controlled\*\*/);
    assert.ok(text.includes(`(${server.uri('controls/lineage.md')}) (control)`), text);
  });

  it('completes ids of the framework under its key, uncovered first, and sends coverage per framework', async () => {
    server = await ServerHarness.start(FILES);
    await server.diagnosticsOf('policies/ai.md');
    const marked = policy({ id: 'POL-NEW', satisfies: '{ iso42001: [A.7.' });
    await server.open('policies/new.md', marked);
    const position = { line: marked.split('\n').findIndex((l) => l.startsWith('satisfies')), character: 'satisfies: { iso42001: [A.7.'.length };
    const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: server.uri('policies/new.md') }, position });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.strictEqual(items.length, 38);
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepStrictEqual(sorted.slice(-2).map((i) => i.label), ['A.7.5', 'A.10.4'], 'the covered and excepted items come last');
    assert.strictEqual(items.find((i) => i.label === 'A.7.2')?.labelDetails?.description, 'uncovered');
    const coverage = await server.connection.sendRequest<{ coverage: { frameworks: { id: string; summary: { covered: number } }[] } }[]>('attest/coverage');
    assert.deepStrictEqual(coverage[0].coverage.frameworks.map((f) => [f.id, f.summary.covered]), [['iso42001', 2], ['nist-ai-rmf', 0]]);
  });

  it('answers attest/soa from its own index', async () => {
    server = await ServerHarness.start(FILES);
    await server.diagnosticsOf('policies/ai.md');
    const csv = await server.connection.sendRequest<{ text: string }>('attest/soa', { folder: server.uri(''), framework: 'iso42001', format: 'csv' });
    assert.strictEqual(csv.text.trimEnd().split('\n').length, 39);
    assert.match(csv.text, /^A\.10\.4,[^\n]*,no,We provide no AI system to customers\.,not applicable,$/m);
    assert.match(csv.text, /^A\.7\.5,[^\n]*,yes,,controlled,CTL-LIN POL-AI$/m);
    const html = await server.connection.sendRequest<{ text: string }>('attest/soa', { folder: server.uri(''), framework: 'iso42001', format: 'html', output: server.uri('audit/soa.html') });
    assert.match(html.text, /href="\.\.\/controls\/lineage\.md"/);
    await assert.rejects(server.connection.sendRequest('attest/soa', { folder: server.uri(''), framework: 'nist-ai-rmf', format: 'csv' }), /made for iso42001 or iso27001/);
  });
});
