import * as assert from 'assert';
import * as path from 'path';
import { escapeWorkflowData, escapeWorkflowProperty, formatWorkflowCommand } from '../../server/src/report/github';
import { formatJunit } from '../../server/src/report/junit';
import type { ReportedDiagnostic } from '../../server/src/report/report';
import { REPO, TODAY } from '../helpers';
import { run, runIn, tempWorkspace } from './run';
import { parseXml, type XmlElement } from './xml';

/** A policy with one warning (an unknown field) and nothing else under these settings. */
const WARNED = {
  'attest.yaml': 'ml: false\nrules:\n  uncovered-criterion: off\n',
  'policies/p.md': '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\nownr: x\n---\n## Purpose\nWhy.\n## Scope\nWhat.\n## Roles and Responsibilities\nWho.\n## Policy\nRules.\n## Enforcement\nHow.\n## Exceptions\nNone.\n## Review\nYearly.\n',
};

function diagnostic(overrides: Partial<ReportedDiagnostic>): ReportedDiagnostic {
  return { file: 'policies/p.md', line: 3, column: 5, endLine: 3, endColumn: 9, severity: 'error', code: 'invalid-value', message: 'Bad value.', ...overrides };
}

const children = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

describe('attest check --format github', () => {
  it('prints one workflow command per diagnostic, paths from the current folder, then the summary', async () => {
    const { code, out, err } = await runIn(REPO, 'check', 'test/fixtures/mistakes', '--format', 'github', '--today', TODAY);
    assert.strictEqual(code, 1);
    assert.strictEqual(err, '');
    const lines = out.trimEnd().split('\n');
    assert.ok(
      lines.includes(
        '::error file=test/fixtures/mistakes/policies/access.md,line=8,col=26,endLine=8,endColumn=31,title=attest unknown-criterion::`CC9.9` is not a Trust Services Criterion: did you mean `CC9.1` or `CC9.2`?',
      ),
      out,
    );
    const commands = lines.filter((l) => l.startsWith('::'));
    assert.deepStrictEqual(
      ['error', 'warning', 'notice'].map((kind) => commands.filter((l) => l.startsWith(`::${kind} `)).length),
      [9, 4, 1],
    );
    assert.ok(commands.every((l) => /^::(error|warning|notice) file=test\/fixtures\/mistakes\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=attest [a-z-]+::./.test(l)), out);
    const summary = lines.slice(commands.length);
    assert.strictEqual(summary[0], '7 documents checked: 9 errors, 4 warnings, 1 information.');
    assert.match(summary[1], /^Coverage: [\d.]+% — /);
    assert.strictEqual(summary.length, 2);
  });

  it('escapes data and properties as the runner reads them', () => {
    assert.strictEqual(escapeWorkflowData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.strictEqual(escapeWorkflowProperty('a:b,c%d\ne'), 'a%3Ab%2Cc%25d%0Ae');
    assert.strictEqual(
      formatWorkflowCommand(diagnostic({ file: 'my docs/a,b:c%.md', message: 'Line one\nline two: 50%, done' })),
      '::error file=my docs/a%2Cb%3Ac%25.md,line=3,col=5,endLine=3,endColumn=9,title=attest invalid-value::Line one%0Aline two: 50%25, done',
    );
  });

  it('gives an annotation that spans lines its lines only, which is all the runner accepts', () => {
    assert.strictEqual(formatWorkflowCommand(diagnostic({ endLine: 5, severity: 'warning' })), '::warning file=policies/p.md,line=3,endLine=5,title=attest invalid-value::Bad value.');
    assert.strictEqual(formatWorkflowCommand(diagnostic({ severity: 'hint' })).slice(0, 9), '::notice ');
  });

  it('writes paths with forward slashes', () => {
    assert.match(formatWorkflowCommand(diagnostic({ file: 'docs\\policies\\p.md' })), /^::error file=docs\/policies\/p\.md,/);
  });

  it('annotates the run when there are more warnings than allowed', async () => {
    const dir = tempWorkspace(WARNED);
    const result = await run('check', dir, '--format', 'github', '--max-warnings', '0');
    assert.strictEqual(result.code, 1);
    assert.strictEqual(result.err, '');
    assert.match(result.out, /^::warning file=.*p\.md,line=6,col=1,endLine=6,endColumn=5,title=attest unknown-field::Unknown field `ownr`/m);
    assert.ok(result.out.endsWith('\n::error title=attest::Too many warnings: 1, at most 0 allowed.\n'), result.out);
  });

  it('annotates the problems of a broken attest.yaml too', async () => {
    const dir = tempWorkspace({ ...WARNED, 'attest.yaml': 'ml: yes-please\n' });
    const result = await run('check', dir, '--format', 'github', '--today', TODAY);
    assert.strictEqual(result.code, 2);
    assert.match(result.out, /^::error file=.*attest\.yaml,line=1,col=5,endLine=1,endColumn=15,title=attest invalid-value::`ml` must be/m);
    assert.strictEqual(result.err, `attest: ${path.join(dir, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`);
  });
});

describe('attest check --format junit', () => {
  it('writes well-formed JUnit XML: a suite per file, a failure per error, a passing test per clean document', async () => {
    const { code, out, err } = await runIn(REPO, 'check', 'test/fixtures/mistakes', '--format', 'junit', '--today', TODAY);
    assert.strictEqual(code, 1);
    assert.strictEqual(err, '');
    assert.ok(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
    const root = parseXml(out);
    assert.strictEqual(root.name, 'testsuites');
    assert.deepStrictEqual(root.attributes, { name: 'attest check', tests: '15', failures: '9', errors: '0', time: '0' });
    const suites = children(root, 'testsuite');
    assert.deepStrictEqual(
      suites.map((s) => `${s.attributes.name} ${s.attributes.tests}/${s.attributes.failures}`),
      [
        'test/fixtures/mistakes/controls/ac-01.md 3/2',
        'test/fixtures/mistakes/controls/ac-02.md 1/0',
        'test/fixtures/mistakes/policies/access.md 2/2',
        'test/fixtures/mistakes/policies/broken.md 1/1',
        'test/fixtures/mistakes/policies/change.md 6/2',
        'test/fixtures/mistakes/policies/duplicate.md 1/1',
        'test/fixtures/mistakes/policies/notes.md 1/1',
      ],
    );
    for (const suite of suites) {
      const cases = children(suite, 'testcase');
      assert.strictEqual(String(cases.length), suite.attributes.tests);
      assert.strictEqual(String(cases.filter((c) => children(c, 'failure').length > 0).length), suite.attributes.failures);
      for (const c of cases) assert.strictEqual(c.attributes.file, suite.attributes.name);
    }
    const clean = children(suites[1], 'testcase');
    assert.deepStrictEqual(clean.map((c) => c.attributes), [{ classname: 'test/fixtures/mistakes/controls/ac-02', name: 'no problems', file: 'test/fixtures/mistakes/controls/ac-02.md', time: '0' }]);
    const criterion = children(suites[2], 'testcase')[1];
    assert.strictEqual(criterion.attributes.name, 'unknown-criterion at 8:26');
    assert.strictEqual(criterion.attributes.classname, 'test/fixtures/mistakes/policies/access');
    const failure = children(criterion, 'failure')[0];
    assert.deepStrictEqual(failure.attributes, { message: '`CC9.9` is not a Trust Services Criterion: did you mean `CC9.1` or `CC9.2`?', type: 'unknown-criterion' });
    assert.strictEqual(failure.text, 'test/fixtures/mistakes/policies/access.md:8:26  error    `CC9.9` is not a Trust Services Criterion: did you mean `CC9.1` or `CC9.2`?  [unknown-criterion]');
    const warning = children(suites[4], 'testcase')[0];
    assert.strictEqual(children(warning, 'failure').length, 0, 'a warning does not fail the test report when it does not fail the check');
    assert.match(children(warning, 'system-out')[0].text, /:3:7 {2}warning {2}This policy has no "Exceptions" section/);
  });

  it('is read by a checker that rejects what XML parsers reject', () => {
    for (const bad of ['<a>&</a>', '<a>&bogus;</a>', '<a x="<"/>', '<a x="1" x="2"/>', '<a></b>', '<a>', '<a/><b/>', '<a>\u0001</a>', '<a x=1/>']) {
      assert.throws(() => parseXml(bad), Error, bad);
    }
    assert.deepStrictEqual(parseXml('<?xml version="1.0"?>\n<a x="&amp;&#10;"><b/>t&lt;</a>\n'), { name: 'a', attributes: { x: '&\n' }, children: [{ name: 'b', attributes: {}, children: [], text: '' }], text: 't<' });
  });

  it('escapes what XML cannot hold as it is', () => {
    const message = 'Use <b> & "quotes" \'here\'\nand\ta control \u0001 char, and 💡.';
    const xml = formatJunit({ diagnostics: [diagnostic({ file: 'a&b/<p>.md', message })] }, { documents: ['a&b/<p>.md'], failing: new Set(['error']) });
    const root = parseXml(xml);
    const testcase = children(children(root, 'testsuite')[0], 'testcase')[0];
    assert.strictEqual(testcase.attributes.file, 'a&b/<p>.md');
    const failure = children(testcase, 'failure')[0];
    assert.strictEqual(failure.attributes.message, message.replace('\u0001', '\uFFFD'));
    assert.ok(failure.text.includes(message.replace('\u0001', '\uFFFD')), failure.text);
  });

  it('fails the warnings too when there are more than --max-warnings allows, as the exit code does', async () => {
    const dir = tempWorkspace(WARNED);
    const allowed = await run('check', dir, '--format', 'junit');
    assert.strictEqual(allowed.code, 0);
    assert.strictEqual(parseXml(allowed.out).attributes.failures, '0');
    const strict = await run('check', dir, '--format', 'junit', '--max-warnings', '0');
    assert.strictEqual(strict.code, 1);
    assert.strictEqual(strict.err, 'Too many warnings: 1, at most 0 allowed.\n');
    const root = parseXml(strict.out);
    assert.strictEqual(root.attributes.failures, '1');
    const failure = children(children(children(root, 'testsuite')[0], 'testcase')[0], 'failure')[0];
    assert.strictEqual(failure.attributes.type, 'unknown-field');
  });
});

describe('attest check --quiet', () => {
  it('reports errors only, in every format', async () => {
    const quiet = async (format: string) => {
      const { code, out } = await runIn(REPO, 'check', 'test/fixtures/mistakes', '--format', format, '--quiet', '--today', TODAY);
      assert.strictEqual(code, 1, format);
      return out;
    };
    const text = await quiet('text');
    assert.deepStrictEqual(text.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.split(/ +/)[1]), Array(9).fill('error'));
    assert.match(text, /^7 documents checked: 9 errors \(--quiet: warnings and information not shown\)\.$/m);
    const json = JSON.parse(await quiet('json')) as { files: number; diagnostics: { severity: string }[] };
    assert.deepStrictEqual([json.files, ...json.diagnostics.map((d) => d.severity)], [7, ...Array(9).fill('error')]);
    const sarif = JSON.parse(await quiet('sarif')) as { runs: { results: { level: string }[] }[] };
    assert.deepStrictEqual(sarif.runs[0].results.map((r) => r.level), Array(9).fill('error'));
    const github = await quiet('github');
    assert.deepStrictEqual(github.split('\n').filter((l) => l.startsWith('::')).map((l) => l.split(' ')[0]), Array(9).fill('::error'));
    const junit = parseXml(await quiet('junit'));
    assert.deepStrictEqual([junit.attributes.tests, junit.attributes.failures], ['10', '9']);
    assert.strictEqual((await runIn(REPO, 'check', 'test/fixtures/mistakes', '-q', '--today', TODAY)).out, text);
  });

  it('does not count the warnings it leaves out against --max-warnings', async () => {
    const dir = tempWorkspace(WARNED);
    assert.strictEqual((await run('check', dir, '--max-warnings', '0')).code, 1);
    assert.deepStrictEqual(await run('check', dir, '--max-warnings', '0', '--quiet', '--format', 'json').then((r) => [r.code, r.err]), [0, '']);
  });

  it('leaves out the warnings about attest.yaml on standard error too', async () => {
    const dir = tempWorkspace({ ...WARNED, 'attest.yaml': 'ml: false\ncatgories: [availability]\nrules:\n  uncovered-criterion: off\n' });
    assert.match((await run('check', dir, '--format', 'json')).err, /\[unknown-field\]/);
    assert.strictEqual((await run('check', dir, '--format', 'json', '--quiet')).err, '');
  });
});
