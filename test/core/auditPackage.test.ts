import * as assert from 'node:assert';
import { buildAuditPackage, type AuditPackage, type FileHistory } from '../../server/src/report/package/build';
import { workspace } from '../helpers';
import { hrefsOf, packageLinkProblems } from './auditPackageLinks';

const CONFIG = `organization: Example & Co.
frameworks: [iso42001]
audit: { type: 2, period: { start: 2026-01-01, end: 2026-12-31 } }
exceptions:
  - { criterion: CC6.4, reason: Data centres are the cloud provider's. }
`;

const POLICY = `---
id: POL-ACCESS
type: policy
title: Access Control Policy
owner: Head of Security
status: approved
version: 1.0
effective: 2026-01-05
approval: { by: CEO, on: 2026-01-10 }
review: { cycle: annual, last: 2026-01-10 }
criteria: [CC6.1, CC6.2]
satisfies: { iso42001: [A.2.2] }
---
# Access Control Policy

## Purpose

The [review control](../controls/ac-01.md#evidence), [its steps](../controls/ac-01.md#Implementation-Steps), [a removed one](../controls/gone.md),
[the diagram](diagram.png), [the web](https://example.com/x), [a trap](javascript:alert(1)) and [the top](#purpose).

<script>alert('script')</script>

<img src="x" onerror="alert('handler')"><iframe src="https://evil.example/frame"></iframe>

![remote logo](https://example.com/logo.png) ![local diagram](diagram.png)

A claim with a footnote[^1].

[^1]: The note.

| Role | Access |
| --- | --- |
| Engineer | Production, read |
`;

const CONTROL = `---
id: CTL-AC-01
type: control
title: Access Review
owner: Head of Security
status: implemented
policy: POL-ACCESS
criteria: [CC6.1]
frequency: quarterly
evidence:
  - { name: Q1 review, path: evidence/q1.csv, collected: 2026-02-01 }
  - { name: Q2 review, path: evidence/lost.csv, collected: 2026-05-01 }
---
# Access Review

<!-- attest-ignore evidence-not-found: the Q2 export moved to the archive -->

## Objective

Access is reviewed under the [policy](../policies/access.md).

## Implementation Steps

Owners review.

## Evidence

Tickets.
`;

const FILES = { 'attest.yaml': CONFIG, 'policies/access.md': POLICY, 'controls/ac-01.md': CONTROL, 'evidence/q1.csv': 'who,keep\n', 'policies/diagram.png': 'PNG' };

const HISTORY: FileHistory = {
  kind: 'git',
  lastChange: new Map([['policies/access.md', { commit: '0123456789abcdef0123456789abcdef01234567', date: '2026-03-04T10:00:00+01:00', author: 'Dana Reviewer' }]]),
  uncommitted: new Set(['controls/ac-01.md']),
};

async function build(history?: FileHistory): Promise<AuditPackage> {
  const { index } = await workspace(FILES);
  return buildAuditPackage(index, history ? { history } : {});
}

function page(pkg: AuditPackage, path: string): string {
  const html = pkg.files.get(path);
  assert.ok(html, `${path} is written; written: ${[...pkg.files.keys()].join(', ')}`);
  return html;
}

describe('the auditor package', () => {
  let pkg: AuditPackage;
  before(async () => {
    pkg = await build(HISTORY);
  });

  it('has an index, one style sheet, a page per document, the book, the evidence list and the SoA of each ISO framework turned on', () => {
    assert.deepStrictEqual([...pkg.files.keys()].sort(), ['documents.html', 'documents/controls/ac-01.html', 'documents/policies/access.html', 'evidence.html', 'index.html', 'soa-iso42001.html', 'style.css']);
    for (const [path, html] of pkg.files) if (path.endsWith('.html')) assert.match(html, /<link rel="stylesheet" href="(\.\.\/)*style\.css">|<style>/, path);
    assert.match(page(pkg, 'style.css'), /@media print/);
  });

  it('links only to pages and copied files of the package, and to ids that exist', () => {
    const copied = new Set(pkg.copies.map((c) => c.to));
    assert.deepStrictEqual(packageLinkProblems(pkg.files, (path) => copied.has(path)), []);
    assert.deepStrictEqual([...pkg.copies].sort((a, b) => a.from.localeCompare(b.from)), [
      { from: 'evidence/q1.csv', to: 'files/evidence/q1.csv' },
      { from: 'policies/diagram.png', to: 'files/policies/diagram.png' },
    ]);
  });

  it('shows a document’s fields and its last change in git', () => {
    const html = page(pkg, 'documents/policies/access.html');
    for (const text of ['Policy · <span class="doc-id">POL-ACCESS</span>', '<h1>Access Control Policy</h1>', 'Head of Security', 'approved', '<dd>1.0</dd>', 'by CEO on <time datetime="2026-01-10">', 'annual; last <time datetime="2026-01-10">2026-01-10</time>; next due <time datetime="2027-01-10">']) {
      assert.ok(html.includes(text), `shows ${text}`);
    }
    assert.match(html, /<time datetime="2026-03-04T10:00:00\+01:00">2026-03-04<\/time> by Dana Reviewer, commit <code title="0123456789abcdef0123456789abcdef01234567">0123456789<\/code>/);
    assert.match(page(pkg, 'documents/controls/ac-01.html'), /Last change<\/dt><dd><span class="warn">not committed<\/span>/);
  });

  it('says "not in git" where there is no history', async () => {
    const plain = await build();
    assert.match(page(plain, 'documents/policies/access.html'), /Last change<\/dt><dd><span class="none">not in git<\/span>/);
  });

  it('drops raw HTML, scripts, event handlers and javascript: links from a document', () => {
    for (const path of ['documents/policies/access.html', 'documents.html']) {
      const html = page(pkg, path);
      assert.doesNotMatch(html, /<script|<iframe|onerror|javascript:|alert\(/i, path);
      assert.ok(html.includes('<a>a trap</a>'), 'the link text stays, without its link');
    }
  });

  it('renders tables and footnotes, with the footnote linked to its note', () => {
    const html = page(pkg, 'documents/policies/access.html');
    assert.match(html, /<table>[\s\S]*<td>Engineer<\/td>/);
    assert.match(html, /href="#user-content-fn-1"/);
    assert.match(html, /id="user-content-fn-1"/);
  });

  it('rewrites relative links between documents to their pages, with the headings they name', () => {
    const hrefs = hrefsOf(page(pkg, 'documents/policies/access.html'));
    for (const href of ['../controls/ac-01.html#evidence', '../controls/ac-01.html#implementation-steps', '../../files/policies/diagram.png', 'https://example.com/x', '#purpose']) {
      assert.ok(hrefs.includes(href), `links ${href}: ${hrefs.join(' ')}`);
    }
    assert.ok(!hrefs.some((h) => h.includes('gone')), 'a link to a missing document is plain text');
    assert.ok(hrefsOf(page(pkg, 'documents/controls/ac-01.html')).includes('../policies/access.html'));
    const book = hrefsOf(page(pkg, 'documents.html'));
    assert.ok(book.includes('#doc-controls-ac-01--evidence') && book.includes('#doc-policies-access'), 'the book links within itself');
  });

  it('loads no image from the web: it becomes a link to it', () => {
    const html = page(pkg, 'documents/policies/access.html');
    assert.doesNotMatch(html, /src="https?:/);
    assert.ok(html.includes('<a href="https://example.com/logo.png" class="external-image">Image: remote logo</a>'));
    assert.ok(html.includes('<img src="../../files/policies/diagram.png" alt="local diagram">'));
  });

  it('links each criterion row to its documents, and each document back to the rows', () => {
    const index = page(pkg, 'index.html');
    const row = /<tr id="crit-CC6-1"[\s\S]*?<\/tr>/.exec(index)?.[0] ?? '';
    assert.deepStrictEqual(hrefsOf(row), ['documents/controls/ac-01.html', 'documents/policies/access.html']);
    const back = hrefsOf(page(pkg, 'documents/policies/access.html'));
    for (const href of ['../../index.html#crit-CC6-1', '../../index.html#crit-CC6-2', '../../index.html#fw-iso42001-A-2-2']) assert.ok(back.includes(href), href);
    assert.ok(hrefsOf(page(pkg, 'documents/controls/ac-01.html')).includes('../policies/access.html'), 'the control links its policy');
    assert.match(page(pkg, 'documents/policies/access.html'), /Referenced by<\/dt><dd><ul><li><a class="doc-id" href="\.\.\/controls\/ac-01\.html">CTL-AC-01<\/a> Access Review/);
  });

  it('lists the exceptions with their reasons and the open findings with what to do', () => {
    const index = page(pkg, 'index.html');
    assert.ok(index.includes('Data centres are the cloud provider&#39;s.'));
    assert.ok(index.includes('the Q2 export moved to the archive'), 'the reason of an accepted finding');
    assert.match(index, /<h2 id="findings-h">Open findings and remediation<\/h2>[\s\S]*evidence-gap/);
  });

  it('links the evidence list to the control pages and to the copied evidence, and says where a file is missing', () => {
    const html = page(pkg, 'evidence.html');
    const hrefs = hrefsOf(html);
    assert.ok(hrefs.includes('documents/controls/ac-01.html'));
    assert.ok(hrefs.includes('files/evidence/q1.csv'));
    assert.ok(html.includes('Q2 review (no file at evidence/lost.csv)'));
    assert.match(html, /<nav class="pkg-nav"/);
  });
});
