import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { splitFrontmatter } from '../../scripts/bench/floors';
import { generateDocuments, loadCatalog, measureLibrary, writeWorkspace } from '../../scripts/bench/generate';
import { criterionSpots } from '../../scripts/bench/lsp';
import { openWorkspace } from '../../server/src/cli/workspace';
import { REPO, TODAY } from '../helpers';

const profile = measureLibrary(path.join(REPO, 'policies'));
const catalog = loadCatalog(REPO);

function digest(count: number, seed: number): string {
  const hash = crypto.createHash('sha256');
  for (const doc of generateDocuments(count, profile, catalog, seed)) hash.update(doc.rel).update(doc.text);
  return hash.digest('hex');
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('the benchmark workspace generator', () => {
  it('gives the same documents for the same seed, and others for another', () => {
    assert.strictEqual(digest(300, 1), digest(300, 1));
    assert.notStrictEqual(digest(300, 1), digest(300, 2));
  });

  it('draws sizes like the starter library, with a tail of long documents', () => {
    const library = [...profile.values()].flat();
    const sizes = [...generateDocuments(3000, profile, catalog)].map((d) => Buffer.byteLength(d.text));
    const within = (actual: number, expected: number, what: string) =>
      assert.ok(Math.abs(actual - expected) <= 0.2 * expected, `${what}: ${actual.toFixed(0)} bytes generated, ${expected.toFixed(0)} in the library`);
    within(mean(sizes), mean(library), 'mean');
    within(median(sizes), median(library), 'median');
    assert.ok(Math.max(...sizes) > Math.max(...library), 'some documents are longer than any in the library');
  });

  it('writes bodies with the constructs real policies use, and both YAML list styles', () => {
    const texts = [...generateDocuments(300, profile, catalog)].map((d) => d.text);
    const share = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length / texts.length;
    assert.ok(share(/^\| --- \|/m) > 0.1, 'tables');
    assert.ok(share(/^```\w+$/m) > 0.05, 'fenced code');
    assert.ok(share(/\]\((\.\.\/)+\w+\/[\w/-]+\.md\)/) > 0.3, 'links to other documents');
    assert.ok(share(/^(- |1\. )/m) > 0.9, 'lists');
    const spots = texts.flatMap((t) => criterionSpots('x.md', t));
    assert.ok(spots.some((s) => s.style === 'flow') && spots.some((s) => s.style === 'block'));
  });

  it('writes a workspace Attest reads as a mostly clean repository', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-bench-'));
    try {
      const written = writeWorkspace(dir, 200, profile, catalog);
      const index = await openWorkspace(dir, TODAY);
      assert.strictEqual(index.documentCount, written.files);
      const withErrors = [...index.documents].filter((d) => index.diagnose(d.relPath).some((x) => x.severity === 'error'));
      assert.ok(withErrors.length < written.files * 0.1, `${withErrors.length} of ${written.files} documents have errors`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the benchmark floors', () => {
  it('split a document into frontmatter and body as Attest does', () => {
    assert.deepStrictEqual(splitFrontmatter('---\nid: A\n---\n# Body\n'), { frontmatter: 'id: A', body: '# Body\n' });
    assert.deepStrictEqual(splitFrontmatter('# No frontmatter\n'), { frontmatter: '', body: '# No frontmatter\n' });
  });
});
