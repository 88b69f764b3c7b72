import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importWorkspace } from '../../../server/src/features/importWorkspace';
import { loadBundledData } from '../../../server/src/node/bundledData';
import { REPO, ROOT, workspace } from '../../helpers';

const TODAY = '2026-04-20';

function readTree(dir: string, rel = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of readTree(dir, child)) files.set(k, v);
    else files.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
  }
  return files;
}

async function errorsOf(files: Map<string, string>): Promise<string[]> {
  const { index } = await workspace(Object.fromEntries(files), { today: () => TODAY });
  return [...index.documents].flatMap((d) => index.diagnose(d.relPath).filter((x) => x.severity === 'error').map((x) => `${d.relPath} ${x.code} ${x.message}`));
}

/** `attest import`: a comply or other frontmatter repository brought to Attest's format (SPEC §10). */
describe('importing a repository', () => {
  for (const fixture of ['comply-soc2', 'comply-in-use', 'moov-soc2', 'published-policies']) {
    it(`converts ${fixture} keeping every body byte, with no error it did not have, and a second run changes nothing`, async () => {
      const before = readTree(path.join(REPO, 'test', 'fixtures', 'corpus', fixture));
      const changes = await importWorkspace(before, loadBundledData(), ROOT, TODAY);
      assert.ok(changes.length > 0, 'something to import');
      const after = new Map(before);
      for (const c of changes) after.set(c.relPath, c.text);
      for (const c of changes) {
        const body = (text: string) => text.slice(text.search(/^---\s*$/m) + 3).replace(/^[\s\S]*?\n---\s*\n/, '');
        if ((before.get(c.relPath) ?? '').includes('\n---')) assert.ok(c.text.endsWith(body(before.get(c.relPath) ?? '').slice(-200)), `${c.relPath} keeps its body`);
      }
      const had = new Set(await errorsOf(before));
      const newErrors = (await errorsOf(after)).filter((e) => !had.has(e));
      assert.deepStrictEqual(newErrors, []);
      assert.deepStrictEqual(await importWorkspace(after, loadBundledData(), ROOT, TODAY), [], 'a second run changes nothing');
    });
  }

  it('keeps comply-only keys as comments and the review history as review.last', async () => {
    const text = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\nmajorRevisions:\n  - date: Jun 1 2025\n    comment: Initial document\n---\n\n# Purpose and Scope\n\nWhy.\n';
    const [change] = await importWorkspace(new Map([['policies/access.md', text]]), loadBundledData(), ROOT, TODAY);
    assert.strictEqual(
      change.text,
      '---\nid: AP\ntype: policy\ntitle: Access Policy\nowner: <OWNER ROLE>\nstatus: approved\nreview: { cycle: annual, last: 2025-06-01 }\ncriteria: [CC6.1]\n# Kept from the comply frontmatter:\n# majorRevisions:\n#   - date: Jun 1 2025\n#     comment: Initial document\n---\n\n# Purpose and Scope\n\nWhy.\n',
    );
    assert.deepStrictEqual(change.what, ['converted the comply header to Attest frontmatter']);
  });
});
