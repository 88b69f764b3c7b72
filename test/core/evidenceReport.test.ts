import * as assert from 'node:assert';
import { buildEvidenceList, requestId, type EvidenceListInput, type RequestControl } from '../../server/src/core/audit/requests';
import { windowsOf } from '../../server/src/core/audit/windows';
import { csvField, formatEvidenceCsv, formatEvidenceHtml, formatEvidenceJson, formatEvidenceList, formatEvidenceMarkdown } from '../../server/src/report/evidence';

const TYPE_2 = { type: 2, period: { start: '2026-01-01', end: '2026-12-31' } } as const;
const TODAY = '2026-11-01';

const accessReview: RequestControl = {
  id: 'CTL-AC-01',
  title: 'Quarterly access review',
  criteria: ['CC6.2', 'CC6.1'],
  owner: 'Head of IT',
  frequency: 'quarterly',
  relPath: 'controls/access review.md',
  evidence: [
    { name: 'Q1 access review', path: 'evidence/ac-q1.pdf', collected: '2026-02-10' },
    { name: 'Q2 access review', url: 'https://tickets.example.com/AC-2', collected: '2026-05-12' },
  ],
};

const input = (controls: readonly RequestControl[], extra: Partial<EvidenceListInput> = {}): EvidenceListInput => ({ audit: TYPE_2, today: TODAY, controls, ...extra });

/** RFC 4180 records, for reading the list back as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('evidence request list', () => {
  it("lists the acceptance example's four windows: Q1 and Q2 collected, Q3 missing, Q4 upcoming", () => {
    const rows = parseCsv(formatEvidenceCsv(buildEvidenceList(input([accessReview]))));
    assert.deepStrictEqual(rows[0], ['request', 'criteria', 'control', 'title', 'owner', 'frequency', 'window', 'start', 'end', 'due', 'status', 'evidence']);
    assert.deepStrictEqual(
      rows.slice(1).map((r) => [r[0], r[6], r[10]]),
      [
        ['PBC-CTL-AC-01-2026-Q1', '2026-Q1', 'collected'],
        ['PBC-CTL-AC-01-2026-Q2', '2026-Q2', 'collected'],
        ['PBC-CTL-AC-01-2026-Q3', '2026-Q3', 'missing'],
        ['PBC-CTL-AC-01-2026-Q4', '2026-Q4', 'upcoming'],
      ],
    );
    assert.deepStrictEqual(rows[3], [
      'PBC-CTL-AC-01-2026-Q3',
      'CC6.1 CC6.2',
      'CTL-AC-01',
      'Quarterly access review',
      'Head of IT',
      'quarterly',
      '2026-Q3',
      '2026-07-01',
      '2026-09-30',
      '2026-10-15',
      'missing',
      '',
    ]);
    assert.strictEqual(rows[1][11], 'Q1 access review (evidence/ac-q1.pdf, 2026-02-10)');
    assert.strictEqual(rows[2][11], 'Q2 access review (https://tickets.example.com/AC-2, 2026-05-12)');
  });

  it('orders controls as people number them, then windows in time, and counts by status', () => {
    const control = (id: string): RequestControl => ({ id, title: id, criteria: [], frequency: 'annual', relPath: `${id}.md`, evidence: [] });
    const list = buildEvidenceList(input([control('CTL-10'), control('CTL-2'), accessReview]));
    assert.deepStrictEqual(list.requests.map((r) => r.id), ['PBC-CTL-2-2026', 'PBC-CTL-10-2026', ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `PBC-CTL-AC-01-2026-${q}`)]);
    assert.deepStrictEqual(list.counts, { collected: 2, missing: 1, upcoming: 3 });
  });

  it('treats a frequency it does not know as none: one request for the period', () => {
    const list = buildEvidenceList(input([{ ...accessReview, frequency: 'fortnightly' }]));
    assert.deepStrictEqual(list.requests.map((r) => [r.id, r.window.label, r.frequency]), [['PBC-CTL-AC-01', '2026-01-01/2026-12-31', undefined]]);
  });

  it('under Type I gives one row per control with the evidence current on the date', () => {
    const list = buildEvidenceList(input([accessReview], { audit: { type: 1, date: '2026-06-30' } }));
    assert.deepStrictEqual(
      list.requests.map((r) => [r.id, r.status, r.due, r.evidence.map((e) => e.name)]),
      [['PBC-CTL-AC-01', 'collected', '2026-06-30', ['Q2 access review']]],
    );
    const rows = parseCsv(formatEvidenceList(input([accessReview], { audit: { type: 1, date: '2026-06-30' } }), 'csv'));
    assert.deepStrictEqual(rows.slice(1).map((r) => [r[6], r[7], r[8]]), [['current on 2026-06-30', '2026-03-22', '2026-06-30']]);
  });

  it('makes request ids from the control and the window label', () => {
    const [march] = windowsOf('monthly', { start: '2026-03-01', end: '2026-03-31' });
    const [week] = windowsOf('weekly', { start: '2026-12-31', end: '2026-12-31' });
    assert.strictEqual(requestId('CTL-AC-01', march), 'PBC-CTL-AC-01-2026-03');
    assert.strictEqual(requestId('CTL-AC-01', week), 'PBC-CTL-AC-01-2026-W53');
  });
});

describe('evidence list as csv', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 does, with CRLF between records', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a, b'), '"a, b"');
    assert.strictEqual(csvField('the "key" review'), '"the ""key"" review"');
    assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
    const tricky = { ...accessReview, title: 'Access review, "quarterly"\nsigned', owner: 'IT, Security' };
    const text = formatEvidenceCsv(buildEvidenceList(input([tricky])));
    assert.ok(text.endsWith('\r\n'));
    assert.strictEqual(text.split('\r\n').length, 6, 'a header, four records and the final CRLF');
    const rows = parseCsv(text);
    assert.ok(rows.every((r) => r.length === 12));
    assert.strictEqual(rows[1][3], 'Access review, "quarterly"\nsigned');
    assert.strictEqual(rows[1][4], 'IT, Security');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    assert.strictEqual(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
    assert.strictEqual(csvField('+1'), "'+1");
    assert.strictEqual(csvField('@SUM(A1)'), "'@SUM(A1)");
  });
});

describe('evidence list as markdown', () => {
  const text = formatEvidenceMarkdown(
    buildEvidenceList(
      input(
        [
          { ...accessReview, title: 'Access | review <b>' },
          { id: 'CTL-IR-01', title: 'Incident post-mortems', criteria: [], frequency: 'on-event', relPath: 'controls/ir.md', evidence: [{ name: 'No incidents', noEvent: true, collected: '2026-10-02' }] },
        ],
        { organization: 'Example ML' },
      ),
    ),
  );

  it('groups the requests by criterion, the same id under each criterion a control meets', () => {
    assert.deepStrictEqual(text.match(/^## .*/gm), ['## CC6.1', '## CC6.2', '## No criterion claimed']);
    assert.strictEqual(text.match(/\| PBC-CTL-AC-01-2026-Q3 \|/g)?.length, 2);
    assert.match(text, /^# Evidence requests — Example ML$/m);
    assert.match(text, /^SOC 2 Type II, observation period 2026-01-01 to 2026-12-31; as of 2026-11-01\. 5 requests: 3 collected, 1 missing, 1 upcoming\.$/m);
  });

  it('keeps each row in its columns and writes no raw HTML', () => {
    assert.match(text, /\| CTL-AC-01 — Access \\\| review &lt;b> \|/);
    assert.match(text, /\| PBC-CTL-IR-01 \| CTL-IR-01 — Incident post-mortems \| — \| on-event \| 2026-01-01 to 2026-12-31 \| 2027-01-15 \| ✓ collected \| No incidents \(no event occurred, 2026-10-02\) \|/);
    for (const row of text.split('\n').filter((l) => l.startsWith('| PBC-'))) assert.strictEqual(row.split(/(?<!\\)\|/).length, 10, row);
  });
});

describe('evidence list as json', () => {
  it('has a stable shape: every key present, null where a value is absent', () => {
    const bare: RequestControl = { id: 'CTL-X', title: 'X', criteria: [], relPath: 'x.md', evidence: [{ path: 'e/x.txt' }] };
    const json = JSON.parse(formatEvidenceJson(buildEvidenceList(input([bare])))) as unknown;
    assert.deepStrictEqual(json, {
      format: 'attest-evidence-requests',
      version: 1,
      organization: null,
      today: TODAY,
      audit: { type: 2, period: { start: '2026-01-01', end: '2026-12-31' } },
      counts: { collected: 0, missing: 0, upcoming: 1 },
      requests: [
        {
          id: 'PBC-CTL-X',
          criteria: [],
          control: { id: 'CTL-X', title: 'X', path: 'x.md' },
          owner: null,
          frequency: null,
          window: { label: '2026-01-01/2026-12-31', kind: 'period', start: '2026-01-01', end: '2026-12-31' },
          due: '2027-01-15',
          status: 'upcoming',
          evidence: [],
        },
      ],
    });
  });
});

describe('evidence list as html', () => {
  const hostile: RequestControl = {
    id: 'CTL-AC-01',
    title: '<script>alert("title")</script> & co',
    criteria: ['CC6.1'],
    owner: "O'Brien <ops>",
    frequency: 'quarterly',
    relPath: 'controls/access review.md',
    evidence: [
      { name: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', collected: '2026-02-10' },
      { name: 'Ticket', url: 'https://tickets.example.com/a?b=1&c=2', collected: '2026-05-12' },
      { name: 'Outside', path: '../secrets.txt', collected: '2026-05-13' },
      { name: 'Export', path: 'evidence/q 2#1.csv', collected: '2026-05-14' },
    ],
  };
  const html = formatEvidenceHtml(buildEvidenceList(input([hostile], { organization: 'Acme & <Sons>' })), { linkBase: '../' });

  it('escapes everything from the workspace', () => {
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img/i.test(html), 'no image element');
    assert.match(html, /&lt;script&gt;alert\(&quot;title&quot;\)&lt;\/script&gt; &amp; co/);
    assert.match(html, /O&#39;Brien &lt;ops&gt;/);
    assert.match(html, /<h1>Evidence requests — Acme &amp; &lt;Sons&gt;<\/h1>/);
  });

  it('links web addresses and workspace paths, and nothing else', () => {
    assert.ok(!html.includes('href="javascript:'), 'a javascript: URL is not a link');
    assert.match(html, /<a href="https:\/\/tickets\.example\.com\/a\?b=1&amp;c=2">Ticket<\/a>/);
    assert.match(html, /<span>Outside<\/span> <span class="muted">\.\.\/secrets\.txt, <time class="nowrap" datetime="2026-05-13">2026-05-13<\/time><\/span>/);
    assert.match(html, /<a href="\.\.\/evidence\/q%202%231\.csv">Export<\/a>/);
    assert.match(html, /<a class="mono" href="\.\.\/controls\/access%20review\.md">CTL-AC-01<\/a>/);
  });

  it('links controls where the caller says, for a package of rendered pages', () => {
    const page = formatEvidenceHtml(buildEvidenceList(input([accessReview])), { documentHref: (relPath) => `docs/${relPath.replace(/\.md$/, '.html')}` });
    assert.match(page, /<a class="mono" href="docs\/controls\/access review\.html">CTL-AC-01<\/a>/);
  });

  it('stands alone and prints cleanly', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(!/<link\b|<[^>]*\bsrc=/i.test(html), 'no external resource');
    assert.match(html, /@media print \{[^]*thead \{ display: table-header-group; \}[^]*tr \{ break-inside: avoid; \}/);
    assert.match(html, /<h2 id="crit-CC6-1">CC6\.1<\/h2>/);
    for (const status of ['collected', 'missing', 'upcoming']) assert.match(html, new RegExp(`<span class="chip st-${status}"><span aria-hidden="true">.</span> ${status}</span>`));
  });
});
