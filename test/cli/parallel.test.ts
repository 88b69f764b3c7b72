import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { WorkspaceIndex, type Outliner } from '../../server/src/core/index/workspaceIndex';
import { loadBundledData } from '../../server/src/node/bundledData';
import { FileSystemHost } from '../../server/src/node/fileSystemHost';
import { OutlinePool } from '../../server/src/node/outlinePool';
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
  async function snapshot(dir: string, outliner: Outliner | undefined) {
    const index = new WorkspaceIndex(pathToFileURL(dir).toString(), new FileSystemHost(dir), loadBundledData(), { today: () => TODAY, outliner });
    await index.load();
    return [...index.documents].map((d) => ({ path: d.relPath, headings: d.headings, links: d.links, diagnostics: index.diagnose(d.relPath) }));
  }

  it('finds exactly what indexing on one thread finds, with the workers doing the outlining', async () => {
    const dir = largeWorkspace();
    const pool = new OutlinePool(2);
    assert.ok(pool.available, 'the worker script is next to the pool');
    let outlined = 0;
    const counting: Outliner = async (items) => {
      const results = await pool.outliner(items);
      outlined += results.length;
      return results;
    };
    try {
      const serial = await snapshot(dir, undefined);
      const parallel = await snapshot(dir, counting);
      assert.strictEqual(outlined, 453, 'every candidate was outlined by a worker');
      assert.strictEqual(serial.length, 453);
      assert.ok(serial.some((x) => x.diagnostics.some((d) => d.code === 'unresolved-reference')));
      assert.deepStrictEqual(parallel, serial);
    } finally {
      await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('settles every job when it is closed, so indexing never waits forever', async () => {
    const pool = new OutlinePool(1);
    const pending = pool.outliner(Array.from({ length: 200 }, () => ({ text: '# Heading\n\n' + 'text '.repeat(2000), allowComply: false })));
    const queued = pool.outliner([{ text: '# Later\n', allowComply: false }]);
    // Watch both before closing: they reject while close() runs.
    const settled = Promise.allSettled([pending, queued]);
    await pool.close();
    for (const result of await settled) {
      assert.strictEqual(result.status, 'rejected');
      assert.match(String(result.reason), /closed/);
    }
  });
});
