import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { openWorkspace } from '../../server/src/cli/workspace';
import { REPO } from '../helpers';

/**
 * Excerpts of public policy repositories (and documents written in their shapes), with the
 * judged expectations of what a correct Attest says about them in `expected.json`. Each
 * expectation records whether Attest already meets it (`today`); these tests hold Attest to
 * the ones it meets, so that what is right stays right while the rest is built. An
 * expectation met later is pinned here by changing its `today` to `reported` (diagnostics)
 * or `as expected` (documents).
 */
const CORPUS = path.join(REPO, 'test', 'fixtures', 'corpus');

interface ExpectedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: string;
  message: string;
  today: string;
}

interface ExpectedDocument {
  type: string;
  dialect: 'attest' | 'comply' | null;
  criteria: string[];
  today: string;
}

interface Fixture {
  documents: Record<string, ExpectedDocument>;
  notDocuments: string[];
  diagnostics: ExpectedDiagnostic[];
  todayState: { documentsReadThatShouldNotBe: string[] };
}

interface Expectations {
  today: string;
  fixtures: Record<string, Fixture>;
}

interface JsonReport {
  files: number;
  diagnostics: Omit<ExpectedDiagnostic, 'today'>[];
}

const expectations = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8')) as Expectations;

async function check(fixture: string): Promise<{ code: number; report: JsonReport }> {
  let out = '';
  const code = await main(['check', path.join(CORPUS, fixture), '--format', 'json', '--allow-empty', '--today', expectations.today], {
    out: (t) => (out += t),
    err: () => undefined,
    color: false,
  });
  return { code, report: JSON.parse(out) as JsonReport };
}

function where(d: Omit<ExpectedDiagnostic, 'today' | 'message'>): string {
  return `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`;
}

describe('the corpus of real policy repositories', () => {
  it('has a folder with its SOURCE.md for each judged fixture, and judges every folder', () => {
    const folders = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepStrictEqual(folders.sort(), Object.keys(expectations.fixtures).sort());
    for (const folder of folders) assert.ok(fs.existsSync(path.join(CORPUS, folder, 'SOURCE.md')), `${folder}/SOURCE.md`);
  });

  for (const [name, fixture] of Object.entries(expectations.fixtures)) {
    describe(name, () => {
      it('is checked without a crash, each diagnostic inside its file', async () => {
        const { code, report } = await check(name);
        assert.ok([0, 1, 2].includes(code), `exit code ${code}`);
        for (const d of report.diagnostics) {
          const lines = fs.readFileSync(path.join(CORPUS, name, d.file), 'utf8').split(/\r?\n/);
          assert.ok(d.line >= 1 && d.endLine <= lines.length && (d.line < d.endLine || d.column <= d.endColumn), where(d));
          assert.ok(d.endColumn <= lines[d.endLine - 1].length + 1, where(d));
        }
      });

      it('gives each diagnostic judged right at its exact place, and no other', async () => {
        const { report } = await check(name);
        const given = new Set(report.diagnostics.map(where));
        const missing = fixture.diagnostics.filter((d) => d.today === 'reported' && !given.has(where(d)));
        assert.deepStrictEqual(missing.map((d) => `${where(d)}: ${d.message}`), []);
        // Every diagnostic on a real repository is judged right, or it is a defect.
        const judged = new Set(fixture.diagnostics.map(where));
        assert.deepStrictEqual(report.diagnostics.filter((d) => !judged.has(where(d))).map((d) => `${where(d)}: ${d.message}`), []);
      });

      it('reads the documents already read right, with their type, dialect and counted criteria', async () => {
        const index = await openWorkspace(path.join(CORPUS, name), expectations.today);
        for (const [relPath, expected] of Object.entries(fixture.documents)) {
          assert.strictEqual(expected.today, 'as expected', `${relPath} is read as judged`);
          const doc = index.get(relPath);
          assert.ok(doc, `${relPath} is read`);
          const counted = doc.criteria.map((c) => c.value).filter((id) => index.criteria.get(id));
          assert.deepStrictEqual(
            { type: doc.type, dialect: doc.hasFrontmatter ? doc.dialect : null, criteria: counted.sort() },
            { type: expected.type, dialect: expected.dialect, criteria: [...expected.criteria].sort() },
            relPath,
          );
        }
      });

      it('never takes for a document what is not one', async () => {
        const index = await openWorkspace(path.join(CORPUS, name), expectations.today);
        const read = new Set([...index.documents].map((d) => d.relPath));
        const knownWrong = new Set(fixture.todayState.documentsReadThatShouldNotBe);
        assert.deepStrictEqual(fixture.notDocuments.filter((f) => read.has(f) && !knownWrong.has(f)), []);
      });
    });
  }
});
