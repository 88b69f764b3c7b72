import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { loadBundledData } from '../../server/src/node/bundledData';
import { TODAY, control, policy } from '../helpers';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

const EVIDENCE = `[{ name: Access review export, url: "https://evidence.example.com/ac", collected: ${TODAY} }]`;

/** A workspace that turns on all three bundled frameworks, claims some items and gets some wrong. */
const FILES: Record<string, string> = {
  'attest.yaml': [
    'frameworks: [iso42001, nist-ai-rmf, iso27001]',
    'exceptions:',
    '  - { framework: iso27001, id: A.7.1, reason: "No offices of our own: everyone works remotely." }',
    '  - { framework: iso42001, id: A.10.4, reason: We provide no AI system to customers. }',
    '',
  ].join('\n'),
  'policies/ai.md': policy({ id: 'POL-AI', title: 'AI Policy', satisfies: '{ iso42001: [A.2.2, A.5.2], nist-ai-rmf: [GOVERN 1.1] }' }),
  'controls/impact.md': control({ id: 'CTL-IMPACT', title: 'AI impact assessment', policy: 'POL-AI', satisfies: '{ iso42001: [A.5.2], nist-ai-rmf: [MAP 1.1] }' }),
  'controls/access.md': control({ id: 'CTL-ACCESS', policy: 'POL-AI', status: 'implemented', evidence: EVIDENCE, satisfies: '{ iso27001: [A.5.15], nist-ai-rmf: [GOVERN 1.1] }' }),
  'policies/typos.md': policy({ id: 'POL-TYPOS', title: 'Typos', satisfies: '{ iso42001: [A.6.2.9, A.8.34], nist-ai-rmf: [GOVERN 7.1], iso27001: [A.8.35] }' }),
};

function workspaceDir(files: Record<string, string> = FILES): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-frameworks-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

interface FrameworkJson {
  id: string;
  name: string;
  items: { id: string; status: string; documents: string[]; reason?: string }[];
  summary: { inScope: number; covered: number; percent: number };
}

describe('attest check and coverage with frameworks', () => {
  let dir: string;
  before(() => (dir = workspaceDir()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists all 38 + 72 + 93 items with the right statuses in check --format json', async () => {
    const { code, out } = await run('check', dir, '--format', 'json', '--today', TODAY);
    assert.strictEqual(code, 1, 'the typos are errors');
    const report = JSON.parse(out) as { coverage: { frameworks: FrameworkJson[]; summary: unknown } };
    const frameworks = report.coverage.frameworks;
    assert.deepStrictEqual(frameworks.map((f) => [f.id, f.name, f.items.length]), [
      ['iso42001', 'ISO/IEC 42001', 38],
      ['nist-ai-rmf', 'NIST AI RMF', 72],
      ['iso27001', 'ISO/IEC 27001', 93],
    ]);
    const data = loadBundledData();
    for (const f of frameworks) assert.deepStrictEqual(f.items.map((i) => i.id), data.optionalFramework(f.id)?.criteria.map((c) => c.id), `${f.id}: every item, in order`);
    const notUncovered = (f: FrameworkJson) => f.items.filter((i) => i.status !== 'uncovered').map((i) => [i.id, i.status, i.documents.join(' ')]);
    assert.deepStrictEqual(notUncovered(frameworks[0]), [
      ['A.2.2', 'documented', 'POL-AI'],
      ['A.5.2', 'controlled', 'CTL-IMPACT POL-AI'],
      ['A.10.4', 'excepted', ''],
    ]);
    assert.deepStrictEqual(notUncovered(frameworks[1]), [
      ['GOVERN 1.1', 'implemented', 'CTL-ACCESS POL-AI'],
      ['MAP 1.1', 'controlled', 'CTL-IMPACT'],
    ]);
    assert.deepStrictEqual(notUncovered(frameworks[2]), [
      ['A.5.15', 'implemented', 'CTL-ACCESS'],
      ['A.7.1', 'excepted', ''],
    ]);
    assert.strictEqual(frameworks[2].items.find((i) => i.id === 'A.7.1')?.reason, 'No offices of our own: everyone works remotely.');
    assert.deepStrictEqual(frameworks.map((f) => f.summary), [
      { inScope: 38, covered: 2, percent: 5.3, drafted: 0 },
      { inScope: 72, covered: 2, percent: 2.8, drafted: 0 },
      { inScope: 93, covered: 2, percent: 2.2, drafted: 0 },
    ]);
  });

  it('flags each fake id with a near real one, and a real id under the wrong key', async () => {
    const { out } = await run('check', dir, '--format', 'json', '--today', TODAY);
    const diagnostics = (JSON.parse(out) as { diagnostics: { file: string; code: string; message: string }[] }).diagnostics.filter((d) => d.file === 'policies/typos.md');
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [
        ['unknown-criterion', '`A.6.2.9` is not an Annex A control of ISO/IEC 42001: did you mean `A.6.2.8`, `A.6.2.7` or `A.6.2.6`?'],
        ['unknown-criterion', '`A.8.34` is not an Annex A control of ISO/IEC 42001: it is an Annex A control of ISO/IEC 27001, so claim it under `iso27001`.'],
        ['unknown-criterion', '`GOVERN 7.1` is not a subcategory of NIST AI RMF: did you mean `GOVERN 6.1`, `GOVERN 5.1` or `GOVERN 4.1`?'],
        ['unknown-criterion', '`A.8.35` is not an Annex A control of ISO/IEC 27001: did you mean `A.8.34`, `A.8.33` or `A.8.32`?'],
      ],
    );
  });

  it('adds the frameworks to coverage --format json, and a section per framework to the other formats', async () => {
    const json = await run('coverage', dir, '--format', 'json', '--today', TODAY);
    assert.strictEqual(json.code, 0);
    const coverage = JSON.parse(json.out) as { frameworks: FrameworkJson[] };
    assert.deepStrictEqual(coverage.frameworks.map((f) => f.items.length), [38, 72, 93]);
    const text = await run('coverage', dir, '--today', TODAY);
    assert.match(text.out, /^ISO\/IEC 42001 \(iso42001\): 5\.3% covered, 2 of 38 items are controlled, implemented or excepted$/m);
    assert.match(text.out, /^ {2}GOVERN 1\.1 {3}implemented {6}CTL-ACCESS, POL-AI$/m);
    const markdown = await run('coverage', dir, '--format', 'markdown', '--today', TODAY);
    assert.match(markdown.out, /^## NIST AI RMF$/m);
    const csv = await run('coverage', dir, '--format', 'csv', '--today', TODAY);
    assert.match(csv.out, /^iso27001,A\.7\.1,Physical controls,excepted,,No offices of our own: everyone works remotely\.$/m);
    const html = await run('coverage', dir, '--format', 'html', '--today', TODAY);
    assert.match(html.out, /<h2 id="fw-iso27001">ISO\/IEC 27001<\/h2>/);
  });
});

describe('attest soa', () => {
  let dir: string;
  before(() => (dir = workspaceDir()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists every Annex A control as CSV, applicable or not with the reason, with its status and documents', async () => {
    for (const framework of ['iso42001', 'iso27001']) {
      const { code, out } = await run('soa', dir, '--framework', framework, '--format', 'csv', '--today', TODAY);
      assert.strictEqual(code, 0);
      const rows = out.trimEnd().split('\n');
      assert.strictEqual(rows[0], 'control,title,group,applicable,reason,status,documents');
      const ids = loadBundledData().optionalFramework(framework)?.criteria.map((c) => c.id);
      assert.deepStrictEqual(rows.slice(1).map((r) => r.split(',')[0]), ids, `${framework}: every control, in order`);
    }
    const { out } = await run('soa', dir, '--framework', 'iso27001', '--format', 'csv', '--today', TODAY);
    assert.match(out, /^A\.7\.1,[^,]+,Physical controls,no,No offices of our own: everyone works remotely\.,not applicable,$/m);
    assert.match(out, /^A\.5\.15,[^,]+,Organizational controls,yes,,implemented,CTL-ACCESS$/m);
    assert.match(out, /^A\.5\.16,[^,]+,Organizational controls,yes,,uncovered,$/m);
  });

  it('writes Markdown by default and HTML to a file, with the documents linked from where it lies', async () => {
    const markdown = await run('soa', dir, '--framework', 'iso42001', '--today', TODAY);
    assert.match(markdown.out, /^# Statement of Applicability: ISO\/IEC 42001$/m);
    assert.match(markdown.out, /^\| A\.5\.2 \| [^|]+ \| Yes \| {2}\| controlled \| CTL-IMPACT \(AI impact assessment\), POL-AI \(AI Policy\) \|$/m);
    assert.match(markdown.out, /^\| A\.10\.4 \| [^|]+ \| No \| We provide no AI system to customers\. \| not applicable \| {2}\|$/m);
    assert.strictEqual(markdown.out.split('\n').filter((l) => /^\| A\./.test(l)).length, 38);
    const output = path.join(dir, 'audit', 'soa.html');
    const html = await run('soa', dir, '--framework', 'iso27001', '--format', 'html', '--output', output, '--today', TODAY);
    assert.strictEqual(html.code, 0);
    const page = fs.readFileSync(output, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.strictEqual((page.match(/<tr[ >]/g) ?? []).length - 4, 93, 'a row per control, besides the four header rows');
    assert.match(page, /<a href="\.\.\/controls\/access\.md">CTL-ACCESS<\/a>/);
  });

  it('makes the statement of a framework not turned on, saying so, and refuses one without an Annex A', async () => {
    const off = workspaceDir({ 'policies/a.md': policy({ satisfies: '{ iso27001: [A.5.1] }' }) });
    try {
      const { code, out, err } = await run('soa', off, '--framework', 'iso27001', '--format', 'csv');
      assert.strictEqual(code, 0);
      assert.match(out, /^A\.5\.1,[^,]+,Organizational controls,yes,,documented,POL-ACCESS$/m);
      assert.match(err, /iso27001 is not turned on/);
    } finally {
      fs.rmSync(off, { recursive: true, force: true });
    }
    const nist = await run('soa', dir, '--framework', 'nist-ai-rmf');
    assert.strictEqual(nist.code, 2);
    assert.match(nist.err, /`--framework` takes iso42001 or iso27001, not `nist-ai-rmf`/);
    const missing = await run('soa', dir);
    assert.match(missing.err, /`attest soa` needs `--framework`/);
    const help = await run('--help');
    assert.match(help.out, /^ {2}soa \[dir\] +Write the Statement of Applicability/m);
  });
});
