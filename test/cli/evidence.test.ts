import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { REPO } from '../helpers';

const SAMPLE = path.join(REPO, 'test', 'fixtures', 'type2-sample');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), color: false });
  return { code, out, err };
}

/** The rows of a CSV whose fields hold no line break, by header name. */
function csvRows(text: string): Record<string, string>[] {
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
  const [header, ...lines] = text.trimEnd().split('\n');
  const names = split(header);
  return lines.map((line) => Object.fromEntries(split(line).map((value, i) => [names[i], value])));
}

describe('attest evidence', () => {
  it('lists the quarterly control’s four windows: Q1 and Q2 collected, Q3 missing, Q4 upcoming', async () => {
    const { code, out } = await run('evidence', SAMPLE, '--format', 'csv', '--today', '2026-11-01');
    assert.strictEqual(code, 0);
    const rows = csvRows(out);
    const quarterly = rows.filter((r) => r.control === 'CTL-AC-03').map((r) => `${r.window} ${r.status}`);
    assert.deepStrictEqual(quarterly, ['2026-Q1 collected', '2026-Q2 collected', '2026-Q3 missing', '2026-Q4 upcoming']);
  });

  it('has the windows and totals of EXPECTED.md', async () => {
    const rows = csvRows((await run('evidence', SAMPLE, '--format', 'csv', '--today', '2026-11-01')).out);
    const totals = (status: string) => rows.filter((r) => r.status === status).length;
    assert.deepStrictEqual([rows.length, totals('collected'), totals('missing'), totals('upcoming')], [34, 26, 1, 7]);
    const of = (control: string) => rows.filter((r) => r.control === control).map((r) => `${r.window} ${r.status}`);
    assert.deepStrictEqual(of('CTL-GOV-03'), ['2026-Q1 collected', '2026-Q2 collected', '2026-Q3 collected', '2026-Q4 upcoming']);
    assert.deepStrictEqual(of('CTL-VUL-02'), ['2026 upcoming']);
    // An on-event control has one window, the whole period.
    assert.deepStrictEqual(rows.filter((r) => r.control === 'CTL-CHG-03').map((r) => [r.start, r.end, r.status]), [['2026-01-01', '2026-12-31', 'collected']]);
    for (const monthly of ['CTL-BC-03', 'CTL-LOG-01']) {
      const windows = of(monthly);
      assert.strictEqual(windows.length, 12, monthly);
      assert.deepStrictEqual(windows.slice(9), ['2026-10 collected', '2026-11 upcoming', '2026-12 upcoming'], monthly);
    }
  });

  it('moves Q3 from upcoming to missing the day after its last day', async () => {
    const q3 = async (today: string) => csvRows((await run('evidence', SAMPLE, '--format', 'csv', '--today', today)).out).filter((r) => r.control === 'CTL-AC-03').map((r) => r.status);
    assert.deepStrictEqual(await q3('2026-09-30'), ['collected', 'collected', 'upcoming', 'upcoming']);
    assert.deepStrictEqual(await q3('2026-10-01'), ['collected', 'collected', 'missing', 'upcoming']);
    assert.deepStrictEqual(await q3('2027-01-01'), ['collected', 'collected', 'missing', 'missing']);
  });

  it('writes each format to --output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-evidence-'));
    try {
      for (const format of ['csv', 'markdown', 'json', 'html']) {
        const file = path.join(dir, `list.${format}`);
        const { code, err } = await run('evidence', SAMPLE, '--format', format, '--output', file, '--today', '2026-11-01');
        assert.strictEqual(code, 0, err);
        assert.ok(fs.readFileSync(file, 'utf8').includes('CTL-AC-03'), format);
      }
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'list.json'), 'utf8')) as { requests: unknown[] };
      assert.strictEqual(json.requests.length, 34);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line without an audit in attest.yaml', async () => {
    const { code, out, err } = await run('evidence', path.join(REPO, 'test', 'fixtures', 'workspace'));
    assert.strictEqual(code, 2);
    assert.strictEqual(out, '');
    assert.match(err, /^attest: .*add `audit: .*` .*to attest\.yaml\.\n$/);
  });

  it('refuses an unknown format', async () => {
    const { code, err } = await run('evidence', SAMPLE, '--format', 'text');
    assert.strictEqual(code, 2);
    assert.match(err, /`--format` takes csv, markdown, json or html/);
  });

  it('checks the sample with one evidence-gap, on the quarterly control’s evidence key', async () => {
    const { code, out } = await run('check', SAMPLE, '--format', 'json', '--today', '2026-11-01');
    assert.strictEqual(code, 0);
    const report = JSON.parse(out) as { diagnostics: { file: string; severity: string; line: number; column: number; endColumn: number; code: string; message: string }[] };
    const warnings = report.diagnostics.filter((d) => d.severity !== 'information');
    assert.deepStrictEqual(warnings.map((d) => [d.file, d.line, d.column, d.endColumn, d.code]), [['controls/ac-03-access-review.md', 15, 1, 9, 'evidence-gap']]);
    assert.match(warnings[0].message, /no evidence for 2026-Q3\./);
  });
});
