import * as assert from 'assert';
import type { Coverage } from '../../server/src/core/coverage';
import { formatCoverageCsv, formatCoverageMarkdown, formatCoverageText, type ReportMeta } from '../../server/src/report/coverage';
import { formatCoverageHtml } from '../../server/src/report/coverageHtml';
import { publicCoverage } from '../../server/src/report/report';
import { formatSoaCsv, formatSoaMarkdown, statementOfApplicability } from '../../server/src/report/soa';
import { formatSoaHtml } from '../../server/src/report/soaHtml';
import { control, policy, workspace } from '../helpers';

const coverage: Coverage = {
  criteria: [{ id: 'CC6.1', category: 'Security', status: 'controlled', documents: ['CTL-A'], summary: 'Logical access' }],
  ml: [],
  summary: { inScope: 1, covered: 1, percent: 100, drafted: 0 },
  frameworks: [
    {
      id: 'iso42001',
      name: 'ISO/IEC 42001',
      title: 'ISO/IEC 42001:2023 Annex A',
      items: [
        { id: 'A.2.2', title: 'AI policy', group: 'AI policy', status: 'documented', documents: ['POL-AI'], summary: 'A policy | approved.' },
        { id: 'A.10.4', title: 'Customers', group: 'Suppliers, partners and customers', status: 'excepted', documents: [], summary: 'Customers.', reason: 'We sell\nno AI.' },
      ],
      summary: { inScope: 2, covered: 1, percent: 50, drafted: 0 },
    },
  ],
};
const meta: ReportMeta = { organization: 'Example ML Co.', date: '2026-11-23', documents: new Map([['POL-AI', { title: 'AI <Policy>', relPath: 'policies/ai.md', type: 'policy', status: 'approved' }]]) };

describe('coverage reports with frameworks', () => {
  it('text: a section per framework after the TSC headline, with its own percentage', () => {
    const text = formatCoverageText(coverage, meta);
    assert.ok(
      text.endsWith(
        [
          '100% covered: 1 of 1 in-scope criterion is controlled, implemented or excepted.',
          '',
          'ISO/IEC 42001 (iso42001): 50% covered, 1 of 2 items are controlled, implemented or excepted',
          '  A.2.2  documented only  POL-AI',
          '  A.10.4 excepted         not applicable: We sell no AI.',
          '',
        ].join('\n'),
      ),
      text,
    );
  });

  it('Markdown: a table per framework, cells kept on one line', () => {
    const markdown = formatCoverageMarkdown(coverage, meta);
    assert.ok(markdown.includes('\n## ISO/IEC 42001\n\nISO/IEC 42001:2023 Annex A. **50%** covered: 1 of 2 items are controlled, implemented or excepted.'), markdown);
    assert.ok(markdown.includes('| A.2.2 | AI policy | AI policy | documented only | POL-AI |'));
    assert.ok(markdown.includes('| A.10.4 | Customers | Suppliers, partners and customers | excepted | Not applicable: We sell no AI. |'));
  });

  it('CSV: a row per item, its kind the framework', () => {
    assert.ok(formatCoverageCsv(coverage).endsWith('iso42001,A.2.2,AI policy,documented,POL-AI,\niso42001,A.10.4,"Suppliers, partners and customers",excepted,,"We sell\nno AI."\n'));
  });

  it('HTML: a section per framework, with the page\'s chips, links and escapes', () => {
    const html = formatCoverageHtml(coverage, meta);
    assert.match(html, /<section aria-labelledby="fw-iso42001">\n<h2 id="fw-iso42001">ISO\/IEC 42001<\/h2>/);
    assert.match(html, /<tr id="fw-iso42001-A-2-2" class="row-documented"><th scope="row" class="crit-id">A\.2\.2<\/th><td class="status"><span class="chip st-documented">/);
    assert.ok(html.includes('<strong>AI policy.</strong> A policy | approved.'));
    assert.ok(html.includes('href="policies/ai.md" title="AI &lt;Policy&gt;"'));
    assert.ok(html.includes('<span class="na">not applicable: We sell\nno AI.</span>'));
    assert.ok(!formatCoverageHtml({ ...coverage, frameworks: [] }, meta).includes('fw-'), 'nothing without frameworks');
  });

  it('JSON keeps the SPEC shape: id, name, items with id, status and documents, summary', () => {
    const json = publicCoverage(coverage);
    assert.deepStrictEqual(Object.keys(json), ['criteria', 'ml', 'summary', 'frameworks']);
    assert.deepStrictEqual(Object.keys(json.frameworks?.[0] ?? {}), ['id', 'name', 'title', 'items', 'summary']);
    assert.deepStrictEqual(json.frameworks?.[0].items[1], { id: 'A.10.4', title: 'Customers', group: 'Suppliers, partners and customers', status: 'excepted', documents: [], summary: 'Customers.', reason: 'We sell\nno AI.' });
  });
});

describe('Statement of Applicability', () => {
  async function soaOf(config: string) {
    const { index } = await workspace({
      'attest.yaml': config,
      'policies/access.md': policy({ satisfies: '{ iso27001: [A.5.15, A.5.2] }' }),
      'controls/ac-01.md': control({ satisfies: '{ iso27001: [A.5.15], iso42001: [A.5.2] }' }),
    });
    return statementOfApplicability(index, 'iso27001');
  }

  it('states every control, applicable or not, with the reason, status and documents', async () => {
    const soa = await soaOf('organization: Example ML Co.\nframeworks: [iso27001]\nexceptions:\n  - { framework: iso27001, id: A.7.4, reason: "No premises, so no physical monitoring." }\n');
    assert.ok(soa);
    assert.strictEqual(soa.rows.length, 93);
    assert.strictEqual(soa.enabled, true);
    const row = (id: string) => soa.rows.find((r) => r.id === id);
    assert.deepStrictEqual(row('A.5.15'), { id: 'A.5.15', title: 'Access control', group: 'Organizational controls', applicable: true, reason: '', status: 'controlled', documents: ['CTL-AC-01', 'POL-ACCESS'] });
    assert.deepStrictEqual([row('A.5.2')?.status, row('A.5.2')?.documents], ['documented', ['POL-ACCESS']], 'A.5.2 of ISO/IEC 42001 is another control');
    assert.deepStrictEqual([row('A.7.4')?.applicable, row('A.7.4')?.reason, row('A.7.4')?.status], [false, 'No premises, so no physical monitoring.', 'excepted']);
    const csv = formatSoaCsv(soa).split('\n');
    assert.strictEqual(csv.length, 95);
    assert.ok(csv.some((l) => l.startsWith('A.7.4,') && l.endsWith(',Physical controls,no,"No premises, so no physical monitoring.",not applicable,')), csv.join('\n'));
    const markdown = formatSoaMarkdown(soa);
    assert.match(markdown, /^# Statement of Applicability: ISO\/IEC 27001 — Example ML Co\.\n\nISO\/IEC 27001:2022 Annex A \(information security controls\)\. Generated 2026-11-23\. 93 controls: 92 applicable \(1 with a control in place\), 1 not applicable\.\n/);
    const html = formatSoaHtml(soa, '../');
    assert.ok(html.includes('<a href="../controls/ac-01.md">CTL-AC-01</a> Access provisioning'));
    assert.strictEqual((html.match(/<tr class="na">/g) ?? []).length, 1);
    assert.ok(!html.includes('is not turned on'));
  });

  it('is made for a framework not turned on, and only for the ISO annexes', async () => {
    const soa = await soaOf('');
    assert.strictEqual(soa?.enabled, false);
    assert.match(formatSoaMarkdown(soa), /ISO\/IEC 27001 is not turned on in attest\.yaml/);
    const { index } = await workspace({});
    assert.strictEqual(statementOfApplicability(index, 'nist-ai-rmf'), undefined);
  });
});
