import * as assert from 'node:assert';
import type { Coverage } from '../../server/src/core/coverage';
import type { ReportMeta } from '../../server/src/report/coverage';
import { formatCoverageHtml } from '../../server/src/report/coverageHtml';

const coverage: Coverage = {
  criteria: [
    { id: 'CC1.1', category: 'Security', status: 'implemented', documents: ['CTL-001', 'POL-001'], summary: 'Integrity & ethical values' },
    { id: 'CC6.1', category: 'Security', status: 'documented', documents: ['POL-002'], summary: 'Logical access <security>' },
    { id: 'CC7.2', category: 'Security', status: 'uncovered', documents: [], summary: 'Anomalies are monitored' },
    { id: 'A1.1', category: 'Availability', status: 'controlled', documents: ['CTL-002'], summary: 'Capacity is managed' },
    {
      id: 'A1.3',
      category: 'Availability',
      status: 'excepted',
      documents: [],
      summary: 'Recovery plan testing',
      reason: 'No on-prem infrastructure; the "cloud" provider\'s SOC 2 covers it',
    },
  ],
  ml: [{ topic: 'model-inventory', title: 'Model inventory', status: 'controlled', documents: ['CTL-002'] }],
  summary: { inScope: 5, covered: 3, percent: 60, drafted: 0 },
};

const meta: ReportMeta = {
  organization: 'Acme & Sons',
  date: '2025-03-14',
  documents: new Map([
    ['CTL-001', { title: 'Code of conduct acknowledgement', relPath: 'controls/ctl-001.md', type: 'control', status: 'implemented' }],
    ['CTL-002', { title: 'Capacity monitoring', relPath: 'controls/capacity monitoring.md', type: 'control', status: 'approved' }],
    ['POL-001', { title: 'Ethics policy', relPath: 'policies/ethics.md', type: 'policy', status: 'approved' }],
    ['POL-002', { title: 'Access <script>alert("x")</script> & "control"', relPath: 'policies/access.md', type: 'policy', status: 'draft' }],
  ]),
};

describe('formatCoverageHtml', () => {
  const html = formatCoverageHtml(coverage, meta);

  it('is one self-contained HTML document', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.strictEqual(html.match(/<html\b/g)?.length, 1);
    assert.strictEqual(html.match(/<\/html>/g)?.length, 1);
    assert.match(html, /<html lang="en">/);
    assert.ok(!/<script\b/i.test(html), 'no script elements');
    assert.ok(!/<link\b/i.test(html), 'no linked stylesheets');
    assert.ok(!/(src|href)\s*=\s*"(https?:)?\/\//i.test(html), 'no external resources');
    assert.ok(!/url\(\s*['"]?(https?:)?\/\//i.test(html), 'no external CSS resources');
    assert.ok(!/@import/i.test(html));
  });

  it('has the header, organization, date and percentage', () => {
    assert.match(html, /SOC 2 coverage report/);
    assert.match(html, /Acme &amp; Sons/);
    assert.match(html, /2025-03-14/);
    assert.match(html, />60%/);
    assert.match(html, /3 of 5 in-scope criteria/);
    assert.match(html, /controlled<\/strong>, <strong>implemented<\/strong> and <strong>excepted<\/strong> criteria as covered/);
  });

  it('shows every criterion in a semantic table row', () => {
    for (const c of coverage.criteria) {
      assert.ok(html.includes(`<th scope="row" class="crit-id">${c.id}</th>`), c.id);
    }
    assert.match(html, /<th scope="col">Criterion<\/th>/);
    assert.match(html, /<h3 id="cat-Security">Security<\/h3>/);
    assert.match(html, /<h3 id="cat-Availability">Availability<\/h3>/);
  });

  it('labels each status with text, not only colour', () => {
    for (const label of ['uncovered', 'documented only', 'controlled', 'implemented', 'excepted']) {
      assert.ok(html.includes(`</span> ${label}</span>`), label);
    }
  });

  it('shows an excepted criterion as not applicable with its reason, also under Exceptions', () => {
    const reason = 'No on-prem infrastructure; the &quot;cloud&quot; provider&#39;s SOC 2 covers it';
    assert.ok(html.includes(`not applicable: ${reason}`));
    const exceptions = html.slice(html.indexOf('id="exceptions-h"'));
    assert.ok(exceptions.includes('A1.3'));
    assert.ok(exceptions.includes(`Not applicable: ${reason}`));
    assert.ok(!exceptions.includes('CC6.1'));
  });

  it('escapes text from the data', () => {
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('title="Access &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;control&quot;"'));
    assert.ok(html.includes('Logical access &lt;security&gt;'));
    assert.ok(html.includes('Integrity &amp; ethical values'));
  });

  it('links documents to their files relative to the workspace root', () => {
    assert.ok(html.includes('<a class="doc-id" href="controls/ctl-001.md" title="Code of conduct acknowledgement">CTL-001</a>'));
    assert.ok(html.includes('href="controls/capacity%20monitoring.md"'));
    assert.ok(html.includes('href="policies/access.md"'));
    assert.ok(html.includes('policy · draft'));
  });

  it('links documents from the folder the report is written to, given linkBase', () => {
    const page = formatCoverageHtml(coverage, meta, { linkBase: '../../' });
    assert.ok(page.includes('<a class="doc-id" href="../../controls/ctl-001.md" title="Code of conduct acknowledgement">CTL-001</a>'));
    assert.ok(page.includes('href="../../controls/capacity%20monitoring.md"'));
    assert.ok(page.includes('<a class="mono" href="../../policies/ethics.md">policies/ethics.md</a>'));
    assert.ok(!/href="(controls|policies)\//.test(page), 'no link left relative to the root');
    assert.ok(page.includes('Document links are relative to the folder this report was written to.'));
    assert.ok(html.includes('Document links are relative to the workspace root.'));
    const elsewhere = formatCoverageHtml(coverage, meta, { linkBase: 'file:///c:/repo/' });
    assert.ok(elsewhere.includes('href="file:///c:/repo/controls/ctl-001.md"'));
    assert.ok(elsewhere.includes('Document links point to the workspace folder itself.'));
  });

  it('lists the referenced documents with their titles for print', () => {
    const index = html.slice(html.indexOf('id="documents-h"'));
    assert.ok(index.includes('<td>Access &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;control&quot;</td>'));
    assert.ok(index.includes('<a class="mono" href="policies/ethics.md">policies/ethics.md</a>'));
    assert.ok(index.indexOf('CTL-001') < index.indexOf('POL-001'), 'controls first');
  });

  it('has an ML topics table only when there are topics', () => {
    assert.match(html, /<h2 id="ml-h">ML topics<\/h2>/);
    assert.ok(html.includes('model-inventory'));
    const withoutMl = formatCoverageHtml({ ...coverage, ml: [] }, meta);
    assert.ok(!withoutMl.includes('id="ml-h"'));
  });

  it('names documents missing from the workspace without linking them', () => {
    const page = formatCoverageHtml(
      { criteria: [{ id: 'CC2.1', category: 'Security', status: 'documented', documents: ['GONE-1'], summary: 's' }], ml: [], summary: { inScope: 1, covered: 0, percent: 0, drafted: 0 } },
      { date: '2025-01-01', documents: new Map() },
    );
    assert.ok(page.includes('<code class="doc-id">GONE-1</code>'));
    assert.ok(page.includes('No criteria are excepted.'));
    assert.match(page, />0%/);
  });
});
