import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { linkBase } from '../../server/src/cli/paths';
import { REPO, TODAY } from '../helpers';
import { CLEAN_POLICY, FIXTURES, run, runIn, tempWorkspace } from './run';

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

describe('attest check', () => {
  it('reports each mistake once, at the right place, with exit code 1', async () => {
    const { code, out } = await run('check', path.join(FIXTURES, 'mistakes'), '--format', 'json', '--today', TODAY);
    assert.strictEqual(code, 1);
    const report = JSON.parse(out) as { version: number; files: number; diagnostics: JsonDiagnostic[]; coverage: { criteria: unknown[]; ml: unknown[]; summary: { inScope: number; covered: number; percent: number } } };
    assert.strictEqual(report.version, 1);
    assert.strictEqual(report.files, 7);
    assert.deepStrictEqual(
      report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`),
      [
        'controls/ac-01.md:1:1-1:4 error missing-field',
        'controls/ac-01.md:6:9-6:18 error unresolved-reference',
        'controls/ac-01.md:11:30-11:52 warning evidence-not-found',
        'policies/access.md:2:5-2:15 error duplicate-id',
        'policies/access.md:8:26-8:31 error unknown-criterion',
        'policies/broken.md:4:8-4:15 error yaml-syntax',
        'policies/change.md:3:7-3:13 warning missing-section',
        'policies/change.md:6:9-6:16 error invalid-value',
        'policies/change.md:7:1-7:5 warning unknown-field',
        'policies/change.md:8:35-8:45 warning stale-review',
        'policies/change.md:9:19-9:23 information out-of-scope-criterion',
        'policies/change.md:28:57-28:70 error unresolved-reference',
        'policies/duplicate.md:2:5-2:15 error duplicate-id',
        'policies/notes.md:1:1-1:28 error missing-frontmatter',
      ],
    );
    for (const d of report.diagnostics) assert.ok(d.message.length > 20, d.message);
    assert.deepStrictEqual(Object.keys(report.coverage), ['criteria', 'ml', 'summary', 'frameworks']);
    // Drafts claim but do not cover (SPEC §10): one criterion is covered, two only drafted.
    assert.deepStrictEqual(report.coverage.summary, { inScope: 36, covered: 1, percent: 2.8, drafted: 2 });
  });

  it('prints compiler-style text with a summary and the coverage percentage', async () => {
    const { code, out } = await runIn(REPO, 'check', path.join(FIXTURES, 'mistakes'), '--today', TODAY);
    assert.strictEqual(code, 1);
    assert.match(out, /^test\/fixtures\/mistakes\/policies\/access\.md:8:26 {2}error {4}`CC9\.9` is not a Trust Services Criterion: did you mean `CC9\.1` or `CC9\.2`\? {2}\[unknown-criterion\]$/m);
    assert.match(out, /7 documents checked: 9 errors, 4 warnings, 1 information\./);
    assert.match(out, /Coverage: 2\.8%/);
  });

  it('prints paths in text relative to the current folder, or absolute outside it', async () => {
    const dir = path.join(FIXTURES, 'mistakes');
    const first = (out: string) => out.split('\n')[0].split(':')[0];
    assert.strictEqual(first((await runIn(REPO, 'check', 'test/fixtures/mistakes', '--today', TODAY)).out), 'test/fixtures/mistakes/controls/ac-01.md');
    assert.strictEqual(first((await runIn(dir, 'check', '--today', TODAY)).out), 'controls/ac-01.md');
    assert.strictEqual(first((await runIn(path.join(dir, 'policies'), 'check', '..', '--today', TODAY)).out), path.join(dir, 'controls', 'ac-01.md'));
    const json = JSON.parse((await runIn(REPO, 'check', 'test/fixtures/mistakes', '--format', 'json', '--today', TODAY)).out) as { diagnostics: JsonDiagnostic[] };
    assert.strictEqual(json.diagnostics[0].file, 'controls/ac-01.md', 'JSON stays relative to the checked folder');
  });

  it('writes SARIF 2.1.0', async () => {
    const { out } = await runIn(REPO, 'check', path.join(FIXTURES, 'mistakes'), '--format', 'sarif', '--today', TODAY);
    const sarif = JSON.parse(out) as SarifLog;
    assert.strictEqual(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'unknown-criterion');
    assert.strictEqual(result?.level, 'error');
    assert.deepStrictEqual(result?.locations[0].physicalLocation.artifactLocation, { uri: 'test/fixtures/mistakes/policies/access.md', uriBaseId: 'SRCROOT' });
    assert.deepStrictEqual(sarif.runs[0].originalUriBaseIds, { SRCROOT: { uri: pathToFileURL(REPO).href + '/' } });
    assert.deepStrictEqual(result?.locations[0].physicalLocation.region, { startLine: 8, startColumn: 26, endLine: 8, endColumn: 31 });
    assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'missing-ml-addendum'));
    assert.strictEqual(sarif.runs[0].results.find((r) => r.ruleId === 'out-of-scope-criterion')?.level, 'note');
  });

  it('writes SARIF URIs relative to the current folder, encoded, or absolute file URIs outside it', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'ml: false\nrules:\n  uncovered-criterion: off\n', 'my docs/policies/a b.md': '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\nownr: x\n---\n' });
    const locations = (out: string) => (JSON.parse(out) as SarifLog).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    const parent = path.dirname(dir);
    const inside = await runIn(parent, 'check', path.join(path.basename(dir), 'my docs'), '--format', 'sarif', '--today', TODAY);
    assert.deepStrictEqual(locations(inside.out)[0], { uri: `${encodeURIComponent(path.basename(dir))}/my%20docs/policies/a%20b.md`, uriBaseId: 'SRCROOT' });
    assert.deepStrictEqual((JSON.parse(inside.out) as SarifLog).runs[0].originalUriBaseIds, { SRCROOT: { uri: pathToFileURL(parent).href + '/' } });
    const outside = await runIn(REPO, 'check', path.join(dir, 'my docs'), '--format', 'sarif', '--today', TODAY);
    assert.deepStrictEqual(locations(outside.out)[0], { uri: pathToFileURL(path.join(dir, 'my docs', 'policies', 'a b.md')).href });
  });

  it('reads a strongdm/comply repository: invalid ids are errors, stricter rules only information', async () => {
    const { code, out } = await run('check', path.join(FIXTURES, 'comply'), '--format', 'json', '--today', TODAY);
    assert.strictEqual(code, 1);
    const report = JSON.parse(out) as { files: number; diagnostics: JsonDiagnostic[]; coverage: { criteria: { id: string; status: string; documents: string[]; summary: string }[] } };
    assert.strictEqual(report.files, 4);
    const errors = report.diagnostics.filter((d) => d.severity !== 'information');
    assert.deepStrictEqual(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`), ['policies/access.md:7:7 unknown-criterion']);
    assert.ok(report.diagnostics.some((d) => d.code === 'missing-field' && d.message.includes('owner')));
    const cc61 = report.coverage.criteria.find((c) => c.id === 'CC6.1');
    assert.deepStrictEqual(cc61, { id: 'CC6.1', category: 'Security', status: 'documented', documents: ['AOTP'], summary: cc61?.summary });
    assert.strictEqual(report.coverage.criteria.find((c) => c.id === 'CC7.4')?.documents[0], 'IRP');
  });

  it('exits 0 on a clean workspace and honours --max-warnings', async () => {
    const dir = tempWorkspace({
      'attest.yaml': 'ml: false\nrules:\n  uncovered-criterion: off\n',
      'policies/p.md': '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\nownr: x\n---\n## Purpose\nP.\n## Scope\nS.\n## Roles and Responsibilities\nR.\n## Policy\nP.\n## Enforcement\nE.\n## Exceptions\nE.\n## Review\nR.\n',
    });
    assert.strictEqual((await run('check', dir)).code, 0);
    assert.strictEqual((await run('check', dir, '--max-warnings', '1')).code, 0);
    const strict = await run('check', dir, '--max-warnings', '0');
    assert.strictEqual(strict.code, 1);
    assert.match(strict.out, /\nToo many warnings: 1, at most 0 allowed\.\n$/);
    assert.strictEqual(strict.err, '');
    for (const format of ['json', 'sarif']) {
      const result = await run('check', dir, '--max-warnings', '0', '--format', format);
      assert.strictEqual(result.code, 1, format);
      assert.strictEqual(result.err, 'Too many warnings: 1, at most 0 allowed.\n', format);
      assert.ok(!result.out.includes('Too many'), format);
      JSON.parse(result.out);
    }
  });

  it('finds links and evidence in hidden and build folders, which it does not index', async () => {
    const dir = tempWorkspace({
      'attest.yaml': 'ml: false\nrules:\n  uncovered-criterion: off\n  missing-section: off\n',
      '.github/TEMPLATE.md': '# Template\n',
      'out/report.csv': 'a,b\n',
      'policies/p.md': '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\n---\nSee [the template](../.github/TEMPLATE.md).\n',
      'controls/c.md': '---\nid: CTL-A\ntype: control\ntitle: A\nowner: CISO\npolicy: POL-A\ncriteria: [CC6.1]\nevidence:\n  - { name: Report, path: out/report.csv, collected: 2026-11-01 }\n---\n',
    });
    const { code, out } = await run('check', dir, '--format', 'json');
    assert.deepStrictEqual((JSON.parse(out) as { diagnostics: JsonDiagnostic[] }).diagnostics, []);
    assert.strictEqual(code, 0);
  });

  it('exits 1, not 2, when attest.yaml is valid but its findings are configured as errors', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'ml: true\nrules:\n  uncovered-ml-topic: error\n  uncovered-criterion: off\n', ...CLEAN_POLICY });
    assert.strictEqual((await run('check', dir)).code, 1);
  });

  it('exits 2 on bad usage and on a broken attest.yaml', async () => {
    assert.strictEqual((await run('check', '--format', 'xml')).code, 2);
    assert.strictEqual((await run('check', '/no/such/folder')).code, 2);
    assert.strictEqual((await run('check', '--bogus')).code, 2);
    assert.strictEqual((await run('frobnicate')).code, 2);
    assert.strictEqual((await run('check', '--today', '23/11/2026')).code, 2);
    const dir = tempWorkspace({ 'attest.yaml': 'categories: [availabilty]\n', ...CLEAN_POLICY });
    const broken = await run('check', dir);
    assert.strictEqual(broken.code, 2);
    assert.ok(broken.out.split('\n').some((line) => line.startsWith(`${path.join(dir, 'attest.yaml')}:1:14  error    Unknown category \`availabilty\``)), broken.out);
  });
});

describe('attest coverage', () => {
  it('prints text, markdown, csv, json and html', async () => {
    const dir = path.join(FIXTURES, 'mistakes');
    const text = await run('coverage', dir, '--today', TODAY);
    assert.match(text.out, /^ {2}CC6\.2 {3}controlled {7}CTL-AC-01, POL-ACCESS$/m);
    const md = await run('coverage', dir, '--format', 'markdown', '--today', TODAY);
    assert.match(md.out, /^\| CC6\.1 \| Security \| documented only \| POL-ACCESS \|$/m);
    const csv = await run('coverage', dir, '--format', 'csv', '--today', TODAY);
    assert.match(csv.out, /^kind,id,category,status,documents,reason$/m);
    assert.match(csv.out, /^criterion,CC6\.2,Security,controlled,CTL-AC-01 POL-ACCESS,$/m);
    const json = JSON.parse((await run('coverage', dir, '--format', 'json', '--today', TODAY)).out) as { summary: { percent: number } };
    assert.strictEqual(json.summary.percent, 2.8);
    const out = path.join(tempWorkspace({}), 'report.html');
    const html = await run('coverage', dir, '--format', 'html', '--output', out, '--today', TODAY);
    assert.strictEqual(html.code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /^<!DOCTYPE html>/i);
  });

  it('links the documents from where --output writes the HTML report', async () => {
    const dir = tempWorkspace({
      'attest.yaml': 'ml: false\n',
      'controls/x.md': '---\nid: CTL-X\ntype: control\ntitle: X\nowner: CISO\ncriteria: [CC6.1]\n---\n',
      'my policies/p q.md': '---\nid: POL-Q\ntype: policy\ntitle: Q\nowner: CISO\ncriteria: [CC6.1]\n---\n',
    });
    const hrefs = (html: string) => [...new Set([...html.matchAll(/href="([^#"][^"]*)"/g)].map((m) => m[1]))].sort();
    await run('coverage', dir, '--format', 'html', '--output', path.join(dir, 'deep', 'r', 'report.html'), '--today', TODAY);
    assert.deepStrictEqual(hrefs(fs.readFileSync(path.join(dir, 'deep', 'r', 'report.html'), 'utf8')), ['../../controls/x.md', '../../my%20policies/p%20q.md']);
    await run('coverage', dir, '--format', 'html', '--output', path.join(dir, 'report.html'), '--today', TODAY);
    assert.deepStrictEqual(hrefs(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')), ['controls/x.md', 'my%20policies/p%20q.md']);
    const printed = await run('coverage', dir, '--format', 'html', '--today', TODAY);
    assert.deepStrictEqual(hrefs(printed.out), ['controls/x.md', 'my%20policies/p%20q.md']);
  });

  it('computes the link base from the report folder to the workspace', () => {
    assert.strictEqual(linkBase('deep/r/report.html', '.', '/repo'), '../../');
    assert.strictEqual(linkBase('report.html', '.', '/repo'), '');
    assert.strictEqual(linkBase('/tmp/out/report.html', 'docs/my compliance', '/repo'), '../../repo/docs/my%20compliance/');
    assert.strictEqual(linkBase('site/report.html', 'docs', '/repo'), '../docs/');
  });
});
