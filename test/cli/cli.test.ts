import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { main } from '../../server/src/cli/main';
import { writeErrorMessage } from '../../server/src/cli/output';
import { linkBase } from '../../server/src/cli/paths';
import { REPO, TODAY } from '../helpers';

const FIXTURES = path.join(REPO, 'test', 'fixtures');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

/** Runs the CLI from another current folder, as a user in a terminal or a CI job would. */
async function runIn(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await run(...args);
  } finally {
    process.chdir(before);
  }
}

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
    const dir = tempWorkspace({ 'attest.yaml': 'ml: true\nrules:\n  uncovered-ml-topic: error\n  uncovered-criterion: off\n' });
    assert.strictEqual((await run('check', dir)).code, 1);
  });

  it('exits 2 on bad usage and on a broken attest.yaml', async () => {
    assert.strictEqual((await run('check', '--format', 'xml')).code, 2);
    assert.strictEqual((await run('check', '/no/such/folder')).code, 2);
    assert.strictEqual((await run('check', '--bogus')).code, 2);
    assert.strictEqual((await run('frobnicate')).code, 2);
    assert.strictEqual((await run('check', '--today', '23/11/2026')).code, 2);
    const dir = tempWorkspace({ 'attest.yaml': 'categories: [availabilty]\n' });
    const broken = await run('check', dir);
    assert.strictEqual(broken.code, 2);
    assert.ok(broken.out.split('\n').some((line) => line.startsWith(`${path.join(dir, 'attest.yaml')}:1:14  error    Unknown category \`availabilty\``)), broken.out);
  });
});

describe('usage errors', () => {
  const HINT = 'Run `attest --help` for usage.\n';
  const cases: [string[], string][] = [
    [['check', '--bogus'], 'Unknown option `--bogus` for `attest check`.'],
    [['check', '--max-warning', '3'], 'Unknown option `--max-warning` for `attest check`. Did you mean `--max-warnings`?'],
    [['coverage', '-x'], 'Unknown option `-x` for `attest coverage`.'],
    [['check', '--constructor=x'], 'Unknown option `--constructor` for `attest check`.'],
    [['check', '--toString'], 'Unknown option `--toString` for `attest check`.'],
    [['check', '--max-warnings'], '`--max-warnings` needs a value.'],
    [['check', '--max-warnings='], '`--max-warnings` needs a value.'],
    [['check', '--max-warnings', '--format', 'json'], '`--max-warnings` needs a value.'],
    [['check', '--max-warnings', '-1'], '`--max-warnings` takes a whole number ≥ 0, not `-1`.'],
    [['check', '--max-warnings', '0x10'], '`--max-warnings` takes a whole number ≥ 0, not `0x10`.'],
    [['check', '--max-warnings', ' 3'], '`--max-warnings` takes a whole number ≥ 0, not ` 3`.'],
    [['check', '--max-warnings', '1e2'], '`--max-warnings` takes a whole number ≥ 0, not `1e2`.'],
    [['check', '--max-warnings', '2.5'], '`--max-warnings` takes a whole number ≥ 0, not `2.5`.'],
    [['check', '--format', 'xml'], '`--format` takes text, json or sarif, not `xml`.'],
    [['coverage', '--format=pdf'], '`--format` takes text, markdown, json, csv or html, not `pdf`.'],
    [['check', '--today', '23/11/2026'], '`--today` takes a date written YYYY-MM-DD, not `23/11/2026`.'],
    [['init', '--force=yes'], '`--force` takes no value.'],
    [['check', 'a', 'b'], '`attest check` takes one folder, not 2: `a` `b`.'],
    [['check', '/no/such/folder'], '`/no/such/folder` does not exist.'],
    [['check', '/no/such/folder', '--bogus'], 'Unknown option `--bogus` for `attest check`.'],
    [['frobnicate'], 'Unknown command `frobnicate`.'],
  ];
  for (const [args, message] of cases) {
    it(`attest ${args.join(' ')}: ${message}`, async () => {
      const result = await run(...args);
      assert.deepStrictEqual(result, { code: 2, out: '', err: `attest: ${message}\n${HINT}` });
    });
  }

  it('says when the folder is a file', async () => {
    const file = path.join(tempWorkspace({ 'x.md': '' }), 'x.md');
    assert.deepStrictEqual(await run('check', file), { code: 2, out: '', err: `attest: \`${file}\` is not a folder.\n${HINT}` });
  });

  it('accepts --max-warnings written with =', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'ml: false\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual((await run('check', dir, '--max-warnings=007')).code, 0);
  });

  it('prints the help for attest with no command, and exits 2', async () => {
    const result = await run();
    assert.strictEqual(result.code, 2);
    assert.match(result.err, /^Usage: attest <command> \[options\]/);
  });
});

describe('errors the user can fix: one line, exit 2, no stack', () => {
  const LSP = 'attest: `attest lsp` needs `--stdio` (what editors use); `--node-ipc`, `--socket=PORT` and `--pipe=NAME` work too.\n';

  it('attest lsp without a transport', async () => {
    assert.deepStrictEqual(await run('lsp'), { code: 2, out: '', err: LSP });
    assert.deepStrictEqual(await run('lsp', '--socket'), { code: 2, out: '', err: LSP });
    assert.deepStrictEqual(await run('lsp', '--socket=abc'), { code: 2, out: '', err: LSP });
    assert.deepStrictEqual(await run('lsp', '--socket', '0'), { code: 2, out: '', err: LSP });
  });

  it('attest lsp without a transport, from the command line', () => {
    const result = spawnSync(process.execPath, [path.join(REPO, 'bin', 'attest.js'), 'lsp'], { encoding: 'utf8', timeout: 10_000 });
    assert.deepStrictEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr }, { status: 2, stdout: '', stderr: LSP });
  });

  it('--output names a folder', async () => {
    const folder = tempWorkspace({ 'reports/.keep': '' });
    const output = path.join(folder, 'reports');
    const result = await run('coverage', path.join(FIXTURES, 'mistakes'), '--format', 'csv', '--output', output);
    assert.deepStrictEqual(result, { code: 2, out: '', err: `attest: \`--output ${output}\` is a folder; give the path of a file, such as ${path.join(output, 'coverage.csv')}.\n` });
  });

  it('--output lies under a file', async () => {
    const folder = tempWorkspace({ 'notes.txt': 'x' });
    const output = path.join(folder, 'notes.txt', 'sub', 'report.html');
    const result = await run('coverage', path.join(FIXTURES, 'mistakes'), '--format', 'html', '--output', output);
    assert.deepStrictEqual(result, { code: 2, out: '', err: `attest: Cannot write \`${output}\`: \`${path.join(folder, 'notes.txt')}\` is a file, not a folder.\n` });
  });

  it('--output creates the folders it needs', async () => {
    const output = path.join(tempWorkspace({}), 'a', 'b', 'report.csv');
    const result = await run('coverage', path.join(FIXTURES, 'mistakes'), '--format', 'csv', '--output', output);
    assert.deepStrictEqual(result, { code: 0, out: '', err: `Wrote ${output}\n` });
    assert.match(fs.readFileSync(output, 'utf8'), /^kind,id,category,status,documents,reason$/m);
  });

  it('says why --output could not be written, in words', () => {
    const errno = (code: string, message: string) => Object.assign(new Error(message), { code });
    const missing = path.join(tempWorkspace({}), 'gone', 'r.html');
    assert.strictEqual(writeErrorMessage('r.html', errno('EACCES', "EACCES: permission denied, open 'r.html'"), 'html'), 'Cannot write `r.html`: permission denied.');
    assert.strictEqual(writeErrorMessage('r.html', errno('EPERM', "EPERM: operation not permitted, open 'r.html'"), 'html'), 'Cannot write `r.html`: permission denied.');
    assert.strictEqual(writeErrorMessage('r.html', errno('EROFS', "EROFS: read-only file system, open 'r.html'"), 'html'), 'Cannot write `r.html`: the file system is read-only.');
    assert.strictEqual(writeErrorMessage(missing, errno('ENOENT', `ENOENT: no such file or directory, open '${missing}'`), 'html'), `Cannot write \`${missing}\`: its folder does not exist and could not be created.`);
    assert.strictEqual(writeErrorMessage('r.html', errno('EBUSY', "EBUSY: resource busy or locked, open 'r.html'"), 'html'), 'Cannot write `r.html`: resource busy or locked.');
  });
});

describe('a folder without documents', () => {
  const DEFAULT = 'looked for Markdown under policies/, controls/, procedures/, narratives/ and files with a `type` in their frontmatter';

  it('attest check still exits 0, but says on stderr that nothing was found', async () => {
    const dir = tempWorkspace({ 'notes/readme.md': '# Notes\n' });
    for (const format of ['text', 'json', 'sarif']) {
      const result = await run('check', dir, '--format', format);
      assert.strictEqual(result.code, 0, format);
      assert.strictEqual(result.err, `No Attest documents found in ${dir} (${DEFAULT}).\n`, format);
    }
  });

  it('names the folders attest.yaml configures', async () => {
    const custom = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: [docs/compliance, ./security/]\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual(
      (await run('check', custom)).err,
      `No Attest documents found in ${custom} (looked for Markdown under docs/compliance/, security/ and files with a \`type\` in their frontmatter).\n`,
    );
    const everywhere = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: [.]\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual((await run('check', everywhere)).err, `No Attest documents found in ${everywhere} (looked for Markdown files anywhere in it).\n`);
    const none = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: []\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual((await run('check', none)).err, `No Attest documents found in ${none} (looked for Markdown files with a \`type\` in their frontmatter).\n`);
  });

  it('attest coverage says so too', async () => {
    const dir = tempWorkspace({});
    const result = await run('coverage', dir, '--format', 'csv');
    assert.strictEqual(result.code, 0);
    assert.strictEqual(result.err, `No Attest documents found in ${dir} (${DEFAULT}).\n`);
  });

  it('is not said when there are documents', async () => {
    assert.strictEqual((await run('check', path.join(FIXTURES, 'mistakes'), '--format', 'json', '--today', TODAY)).err, '');
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

describe('a broken attest.yaml', () => {
  const BROKEN = 'categories: [availabilty]\nml: yes-please\n';
  const POLICY = { 'policies/p.md': '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\n---\n' };
  const problems = (dir: string) =>
    `${path.join(dir, 'attest.yaml')}:1:14  error    Unknown category \`availabilty\`: use one of security, availability, processing-integrity, confidentiality, privacy (did you mean \`availability\`?).  [invalid-value]\n` +
    `${path.join(dir, 'attest.yaml')}:2:5  error    \`ml\` must be \`true\`, \`false\` or \`auto\`.  [invalid-value]\n` +
    `attest: ${path.join(dir, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`;

  it('attest coverage says why it exits 2, in every format', async () => {
    const dir = tempWorkspace({ 'attest.yaml': BROKEN, ...POLICY });
    for (const format of ['text', 'markdown', 'json', 'csv', 'html']) {
      const result = await run('coverage', dir, '--format', format, '--today', TODAY);
      assert.strictEqual(result.code, 2, format);
      assert.strictEqual(result.err, problems(dir), format);
      assert.ok(result.out.length > 0, format);
    }
    const output = path.join(tempWorkspace({}), 'coverage.html');
    const written = await run('coverage', dir, '--format', 'html', '--output', output, '--today', TODAY);
    assert.deepStrictEqual(written, { code: 2, out: '', err: problems(dir) + `Wrote ${output}\n` });
  });

  it('attest check --format json|sarif says it on standard error, keeping standard output to the report', async () => {
    const dir = tempWorkspace({ 'attest.yaml': BROKEN, ...POLICY });
    for (const format of ['json', 'sarif']) {
      const result = await run('check', dir, '--format', format, '--today', TODAY);
      assert.strictEqual(result.code, 2, format);
      assert.strictEqual(result.err, problems(dir), format);
      JSON.parse(result.out);
    }
  });

  it('lists a problem that breaks the file even where its rule is off', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'ml: yes-please\nrules:\n  invalid-value: off\n', ...POLICY });
    const result = await run('coverage', dir, '--format', 'json', '--today', TODAY);
    assert.strictEqual(result.code, 2);
    assert.strictEqual(
      result.err,
      `${path.join(dir, 'attest.yaml')}:1:5  error    \`ml\` must be \`true\`, \`false\` or \`auto\`.  [invalid-value]\n` +
        `attest: ${path.join(dir, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`,
    );
  });

  it('says why text `check` exits 2 when the rule behind the broken attest.yaml is off, and repeats nothing the report shows', async () => {
    const off = tempWorkspace({ 'attest.yaml': 'ml: yes-please\nrules:\n  invalid-value: off\n', ...POLICY });
    const silent = await run('check', off, '--today', TODAY);
    assert.strictEqual(silent.code, 2);
    assert.strictEqual(
      silent.err,
      `${path.join(off, 'attest.yaml')}:1:5  error    \`ml\` must be \`true\`, \`false\` or \`auto\`.  [invalid-value]\n` +
        `attest: ${path.join(off, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`,
    );
    const on = tempWorkspace({ 'attest.yaml': 'ml: yes-please\n', ...POLICY });
    const shown = await run('check', on, '--today', TODAY);
    assert.strictEqual(shown.code, 2);
    assert.match(shown.out, /attest\.yaml:1:5 +error +`ml` must be/);
    assert.strictEqual(shown.err, `attest: ${path.join(on, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`);
  });

  it('shows an unknown key as a warning, without failing', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'catgories: [availability]\n', ...POLICY });
    const result = await run('coverage', dir, '--format', 'csv', '--today', TODAY);
    assert.strictEqual(result.code, 0);
    const lines = result.err.split('\n');
    assert.deepStrictEqual(lines.length, 2, result.err);
    assert.ok(lines[0].startsWith(`${path.join(dir, 'attest.yaml')}:1:1  warning  `) && lines[0].endsWith('  [unknown-field]'), result.err);
  });
});

describe('attest init', () => {
  it('copies the starter library, never overwriting without --force', async () => {
    const dir = tempWorkspace({ 'policies/access-control.md': 'my own text\n' });
    const first = await run('init', dir);
    assert.strictEqual(first.code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'attest.yaml')));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'policies', 'access-control.md'), 'utf8'), 'my own text\n');
    assert.match(first.err, /kept .*access-control\.md/);
    const only = tempWorkspace({});
    await run('init', only, '--only', 'policies');
    assert.ok(fs.existsSync(path.join(only, 'policies')));
    assert.ok(!fs.existsSync(path.join(only, 'controls')));
    assert.strictEqual((await run('init', only, '--only', 'nonsense')).code, 2);
  });

  it('counts the files it writes in words that agree', async () => {
    const dir = tempWorkspace({});
    assert.match((await run('init', dir)).out, /\n\d+ files written\. Next: attest check /);
    fs.rmSync(path.join(dir, 'attest.yaml'));
    assert.strictEqual((await run('init', dir)).out, `created ${path.join(dir, 'attest.yaml')}\n\n1 file written. Next: attest check ${dir}\n`);
  });
});

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cli-'));
  for (const [rel, text] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return dir;
}
