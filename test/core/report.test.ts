import * as assert from 'assert';
import type { Coverage } from '../../server/src/core/coverage';
import { formatCheckText } from '../../server/src/report/checkText';
import { formatCoverageCsv, formatCoverageMarkdown, formatCoverageText, type ReportMeta } from '../../server/src/report/coverage';
import type { CheckReport } from '../../server/src/report/report';
import { linkBaseBetween } from '../../server/src/report/links';
import { formatSarif } from '../../server/src/report/sarif';

const coverage: Coverage = {
  criteria: [
    { id: 'CC6.1', category: 'Security', status: 'controlled', documents: ['CTL-A', 'POL-A'], summary: 'Logical access' },
    { id: 'CC6.4', category: 'Security', status: 'excepted', documents: [], summary: 'Physical access', reason: 'Physical access is carved out\nto our  cloud providers.\n' },
    { id: 'CC7.2', category: 'Security', status: 'uncovered', documents: [], summary: 'Monitoring' },
  ],
  ml: [{ topic: 'data-lineage', title: 'Data lineage', status: 'uncovered', documents: [] }],
  summary: { inScope: 3, covered: 2, percent: 66.7, drafted: 0 },
};
const meta: ReportMeta = { organization: 'Example\nML Co.', date: '2026-11-23', documents: new Map() };

describe('coverage text', () => {
  const text = formatCoverageText(coverage, meta);

  it('has no trailing spaces and keeps each row on one line', () => {
    assert.strictEqual(
      text,
      [
        'Coverage for Example ML Co. on 2026-11-23',
        '',
        'Security',
        '  CC6.1   controlled       CTL-A, POL-A',
        '  CC6.4   excepted         not applicable: Physical access is carved out to our cloud providers.',
        '  CC7.2   uncovered',
        '',
        'ML topics',
        '  data-lineage             uncovered',
        '',
        '66.7% covered: 2 of 3 in-scope criteria are controlled, implemented or excepted.',
        '',
      ].join('\n'),
    );
  });

  it('says criterion for one', () => {
    const one = formatCoverageText({ criteria: [coverage.criteria[0]], ml: [], summary: { inScope: 1, covered: 1, percent: 100, drafted: 0 } }, meta);
    assert.ok(one.endsWith('\n100% covered: 1 of 1 in-scope criterion is controlled, implemented or excepted.\n'), one);
  });
});

describe('coverage markdown and csv', () => {
  it('puts a multi-line reason on one table row in Markdown', () => {
    const md = formatCoverageMarkdown(coverage, meta);
    assert.ok(md.startsWith('# SOC 2 coverage — Example ML Co.\n'), md);
    assert.ok(md.includes('\n| CC6.4 | Security | excepted | Not applicable: Physical access is carved out to our cloud providers. |\n'), md);
  });

  it('keeps line breaks of a reason inside quotes in CSV, as RFC 4180 allows', () => {
    const csv = formatCoverageCsv({ ...coverage, criteria: [{ ...coverage.criteria[1], reason: 'a\r\nb, "c"' }] });
    assert.strictEqual(csv, 'kind,id,category,status,documents,reason\ncriterion,CC6.4,Security,excepted,,"a\r\nb, ""c"""\nml-topic,data-lineage,,uncovered,,\n');
  });
});

describe('check text', () => {
  const clean: CheckReport = { version: 1, files: 1, diagnostics: [], coverage: { ...coverage, ml: [], summary: { inScope: 1, covered: 1, percent: 100, drafted: 0 } } };

  it('starts with the summary when there is nothing to report', () => {
    assert.strictEqual(formatCheckText(clean, false), '1 document checked: 0 errors, 0 warnings, 0 information.\nCoverage: 100% — 1 of 1 in-scope criterion controlled, implemented or excepted.\n');
  });

  it('parts diagnostics from the summary with a blank line', () => {
    const report: CheckReport = { ...clean, diagnostics: [{ file: 'policies/a.md', line: 2, column: 5, endLine: 2, endColumn: 9, severity: 'warning', code: 'unknown-field', message: 'Unknown field.' }] };
    assert.strictEqual(
      formatCheckText(report, false),
      'policies/a.md:2:5  warning  Unknown field.  [unknown-field]\n\n1 document checked: 0 errors, 1 warning, 0 information.\nCoverage: 100% — 1 of 1 in-scope criterion controlled, implemented or excepted.\n',
    );
  });
});

describe('SARIF locations', () => {
  const report: CheckReport = {
    version: 1,
    files: 2,
    diagnostics: [
      { file: 'policies/a b.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'missing-field', message: 'm' },
      { file: 'attest.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', code: 'invalid-value', message: 'm' },
    ],
    coverage,
  };
  const locations = (root: string, srcRoot: string) => {
    const sarif = JSON.parse(formatSarif(report, '0.1.0', { root, srcRoot })) as { runs: { originalUriBaseIds: unknown; results: { locations: { physicalLocation: { artifactLocation: unknown } }[] }[] }[] };
    return { base: sarif.runs[0].originalUriBaseIds, uris: sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation) };
  };

  it('are relative to SRCROOT, which it defines, for files inside it', () => {
    assert.deepStrictEqual(locations('file:///repo/docs/my%20compliance/', 'file:///repo/'), {
      base: { SRCROOT: { uri: 'file:///repo/' } },
      uris: [
        { uri: 'docs/my%20compliance/policies/a%20b.md', uriBaseId: 'SRCROOT' },
        { uri: 'docs/my%20compliance/attest.yaml', uriBaseId: 'SRCROOT' },
      ],
    });
  });

  it('take a Windows drive letter in either case as the same drive', () => {
    assert.deepStrictEqual(locations('file:///c:/repo/docs/', 'file:///C:/repo/').uris, [
      { uri: 'docs/policies/a%20b.md', uriBaseId: 'SRCROOT' },
      { uri: 'docs/attest.yaml', uriBaseId: 'SRCROOT' },
    ]);
  });

  it('are absolute file URIs, with no base, for files outside it', () => {
    assert.deepStrictEqual(locations('file:///elsewhere/', 'file:///repo/').uris, [{ uri: 'file:///elsewhere/policies/a%20b.md' }, { uri: 'file:///elsewhere/attest.yaml' }]);
  });

  it('are not taken for inside a sibling folder that shares a prefix', () => {
    assert.deepStrictEqual(locations('file:///repo-2/', 'file:///repo/').uris[1], { uri: 'file:///repo-2/attest.yaml' });
  });
});

describe('report links', () => {
  it('start from the folder the report is written to', () => {
    assert.strictEqual(linkBaseBetween('file:///repo/coverage.html', 'file:///repo'), '');
    assert.strictEqual(linkBaseBetween('file:///repo/reports/q4/coverage.html', 'file:///repo'), '../../');
    assert.strictEqual(linkBaseBetween('file:///tmp/coverage.html', 'file:///repo/my%20docs'), '../repo/my%20docs/');
    assert.strictEqual(linkBaseBetween('file:///c%3A/out/coverage.html', 'file:///C%3A/repo'), '../repo/');
  });

  it('fall back to the folder URI where no relative URL leads', () => {
    assert.strictEqual(linkBaseBetween('file:///d%3A/out/r.html', 'file:///c%3A/repo'), 'file:///c:/repo/');
    assert.strictEqual(linkBaseBetween('vscode-remote://ssh-remote%2Bbox/home/r.html', 'file:///repo'), 'file:///repo/');
  });
});
