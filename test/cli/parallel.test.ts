import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openWorkspace } from '../../server/src/cli/workspace';
import { control, policy, TODAY } from '../helpers';

/** Enough documents for the index to outline them in worker threads (see PARALLEL_THRESHOLD). */
function largeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-parallel-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('attest.yaml', 'ml: true\n');
  for (let i = 0; i < 30; i++) write(`policies/p${i}.md`, policy({ id: `POL-${i}`, criteria: i % 3 ? '[CC6.1, CC9.9]' : '[CC7.2]' }, i % 4 ? undefined : 'See [missing](missing.md "missing.md").\n## Purpose\n'));
  for (let i = 0; i < 420; i++) write(`controls/c${i}.md`, control({ id: `CTL-${i}`, policy: `POL-${i % 31}` }));
  // comply candidates that are and are not comply, and broken frontmatter
  write('policies/comply.md', 'name: Comply Policy\nacronym: CP\nsatisfies:\n  TSC: [CC9.9]\n---\n# Purpose\n');
  write('policies/not-comply.md', 'Note: this is prose\n---\n## Heading\n[x](nowhere.md)\n');
  write('policies/unclosed.md', '---\nid: POL-U\n# Heading\n[x](gone.md)\n');
  return dir;
}

describe('indexing in parallel', () => {
  const saved = process.env.ATTEST_WORKERS;
  after(() => {
    if (saved === undefined) delete process.env.ATTEST_WORKERS;
    else process.env.ATTEST_WORKERS = saved;
  });

  it('finds exactly what indexing on one thread finds', async () => {
    const dir = largeWorkspace();
    const snapshot = async (workers: string) => {
      process.env.ATTEST_WORKERS = workers;
      const index = await openWorkspace(dir, TODAY);
      return [...index.documents].map((d) => ({ path: d.relPath, headings: d.headings, links: d.links, diagnostics: index.diagnose(d.relPath) }));
    };
    const serial = await snapshot('0');
    const parallel = await snapshot('2');
    assert.strictEqual(serial.length, 453);
    assert.ok(serial.some((s) => s.diagnostics.some((d) => d.code === 'unresolved-reference')));
    assert.deepStrictEqual(parallel, serial);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
