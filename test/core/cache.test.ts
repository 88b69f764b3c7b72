import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, type AttestDocument } from '../../server/src/core/document/model';
import { readDiagnostics, withDiagnostics, type DocumentCache } from '../../server/src/core/index/cacheEntry';
import { WorkspaceIndex } from '../../server/src/core/index/workspaceIndex';
import type { Diagnostic } from '../../server/src/core/types';
import { loadBundledData } from '../../server/src/node/bundledData';
import { control, MemoryHost, policy, REPO, ROOT, TODAY } from '../helpers';

/** The persistent cache's contract without a disk: entries kept by path, digests counted. */
class MemoryCache implements DocumentCache {
  readonly entries = new Map<string, readonly string[]>();
  digest(text: string): string {
    return createHash('sha256').update(text).digest('base64url');
  }
  get(relPath: string): readonly string[] | undefined {
    return this.entries.get(relPath);
  }
  set(relPath: string, parts: readonly string[]): void {
    this.entries.set(relPath, parts);
  }
}

interface Run {
  readonly index: WorkspaceIndex;
  readonly diagnostics: Record<string, Diagnostic[]>;
}

async function check(files: Record<string, string>, cache: DocumentCache | undefined, today = TODAY): Promise<Run> {
  const index = new WorkspaceIndex(ROOT, new MemoryHost(Object.entries(files)), loadBundledData(), { today: () => today });
  index.useCache(cache);
  await index.load();
  const paths = [...index.documents].map((d) => d.relPath).sort();
  const diagnostics: Record<string, Diagnostic[]> = { 'attest.yaml': index.diagnoseConfig() };
  for (const rel of paths) diagnostics[rel] = index.diagnose(rel);
  return { index, diagnostics };
}

const POISON: Diagnostic = { code: 'poison', message: 'served from the cache', severity: 'error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

/** Replaces the diagnostics kept for `relPath` with one that no rule makes: seeing it proves the cache was trusted. */
function poison(cache: MemoryCache, relPath: string): void {
  const parts = cache.entries.get(relPath)!;
  const kept = readDiagnostics(parts);
  assert.ok(kept, `diagnostics of ${relPath} were kept`);
  cache.entries.set(relPath, withDiagnostics(parts, { ...kept, list: [POISON] }));
}

const poisoned = (run: Run, relPath: string) => run.diagnostics[relPath].some((d) => d.code === 'poison');

/** Every file of the starter library, by workspace-relative path. */
function library(): Record<string, string> {
  const dir = path.join(REPO, 'policies');
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) files[rel.split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/** A document as plain data: what every key gives (getters included), the YAML fields by their ranges and values. */
function plain(doc: AttestDocument): unknown {
  const { text, fields, ...rest } = doc;
  return {
    ...(JSON.parse(JSON.stringify(rest)) as object),
    text: text.getText(),
    fields: [...fields].map(([key, f]) => [key, f.keyRange, f.valueRange, f.node?.toJSON() as unknown]),
  };
}

describe('the persistent cache of parses and diagnostics', () => {
  const files = {
    'attest.yaml': 'organization: Acme\n',
    'policies/access.md': policy(),
    'controls/ac-01.md': control(),
    'controls/ac-02.md': control({ id: 'CTL-AC-02', criteria: '[CC6.1]' }),
  };

  it('gives a warm run exactly the documents and diagnostics of a cold one, on the starter library', async () => {
    const cache = new MemoryCache();
    const cold = await check(library(), cache);
    const warm = await check(library(), cache);
    assert.ok(cold.index.documentCount > 50);
    assert.deepStrictEqual(warm.diagnostics, cold.diagnostics);
    assert.deepStrictEqual(warm.index.coverage(), cold.index.coverage());
    const folders = cold.index.config.folders;
    for (const doc of warm.index.documents) {
      const parsed = parseDocument({ uri: doc.uri, relPath: doc.relPath, text: doc.text.getText() }, folders)!;
      assert.deepStrictEqual(plain(doc), plain(parsed), doc.relPath);
    }
  });

  it('revives a document whose body was too large to read as a parse gives it, with the reason', async () => {
    const big = { ...files, 'controls/big.md': control({ id: 'CTL-BIG' }) + `\n${'x'.repeat(120_000)}\n` };
    const cache = new MemoryCache();
    const cold = await check(big, cache);
    const warm = await check(big, cache);
    assert.deepStrictEqual(warm.diagnostics, cold.diagnostics);
    assert.ok(cold.diagnostics['controls/big.md'].some((d) => d.code === 'document-too-large'));
    const doc = warm.index.get('controls/big.md')!;
    const parsed = parseDocument({ uri: doc.uri, relPath: doc.relPath, text: doc.text.getText() }, warm.index.config.folders)!;
    assert.ok(parsed.bodySkipped);
    assert.deepStrictEqual(plain(doc), plain(parsed));
  });

  it('serves the diagnostics of an unchanged document while nothing it read has changed', async () => {
    const cache = new MemoryCache();
    await check(files, cache);
    poison(cache, 'controls/ac-01.md');
    const warm = await check(files, cache);
    assert.ok(poisoned(warm, 'controls/ac-01.md'));
    // A change elsewhere that ac-01 did not read keeps it.
    assert.ok(poisoned(await check({ ...files, 'controls/ac-02.md': control({ id: 'CTL-AC-02', title: 'Other' }) }, cache), 'controls/ac-01.md'));
  });

  it('checks an unchanged document again when a document it read changed', async () => {
    const cache = new MemoryCache();
    await check(files, cache);
    poison(cache, 'controls/ac-01.md');
    // The policy it names disappears: unresolved-reference, found by running its rules again.
    const { 'policies/access.md': _gone, ...withoutPolicy } = files;
    const run = await check(withoutPolicy, cache);
    assert.ok(!poisoned(run, 'controls/ac-01.md'));
    assert.deepStrictEqual(run.diagnostics['controls/ac-01.md'].map((d) => d.code), ['unresolved-reference']);
    // Another document takes its id: duplicate-id.
    await check(files, cache);
    poison(cache, 'controls/ac-01.md');
    const duplicated = await check({ ...files, 'controls/ac-02.md': control() }, cache);
    assert.deepStrictEqual(duplicated.diagnostics['controls/ac-01.md'].map((d) => d.code), ['duplicate-id']);
  });

  it('checks again when a file a link or evidence path names appears', async () => {
    const linking = { ...files, 'controls/ac-01.md': control({}, '## Objective\n\nSee [the runbook](runbook.md).\n\n## Implementation\n\nHow.\n\n## Evidence\n\nWhat.\n') };
    const cache = new MemoryCache();
    const cold = await check(linking, cache);
    assert.deepStrictEqual(cold.diagnostics['controls/ac-01.md'].map((d) => d.code), ['unresolved-reference']);
    const run = await check({ ...linking, 'controls/runbook.md': '# Runbook\n' }, cache);
    assert.deepStrictEqual(run.diagnostics['controls/ac-01.md'], []);
  });

  it('checks again on another day, and under another configuration', async () => {
    const cache = new MemoryCache();
    await check(files, cache);
    poison(cache, 'controls/ac-01.md');
    assert.ok(!poisoned(await check(files, cache, '2027-11-23'), 'controls/ac-01.md'), 'another day');
    await check(files, cache);
    poison(cache, 'controls/ac-01.md');
    const stricter = await check({ ...files, 'attest.yaml': 'organization: Acme\nrules:\n  missing-field: off\n' }, cache);
    assert.ok(!poisoned(stricter, 'controls/ac-01.md'), 'another attest.yaml');
  });

  it('parses an edited document again', async () => {
    const cache = new MemoryCache();
    await check(files, cache);
    poison(cache, 'controls/ac-01.md');
    const run = await check({ ...files, 'controls/ac-01.md': control({ criteria: '[CC9.9]' }) }, cache);
    assert.deepStrictEqual(run.diagnostics['controls/ac-01.md'].map((d) => d.code), ['unknown-criterion']);
  });

  it('parses again when the document folders change, since they decide what a file is', async () => {
    const cache = new MemoryCache();
    const moved = { ...files, 'docs/extra.md': policy({ id: 'POL-EXTRA', type: '' }) };
    const before = await check(moved, cache);
    assert.ok(!before.index.get('docs/extra.md'));
    const after = await check({ ...moved, 'attest.yaml': 'organization: Acme\nfolders: [policies, controls, docs]\n' }, cache);
    assert.strictEqual(after.index.get('docs/extra.md')?.type, undefined);
    assert.ok(after.index.get('docs/extra.md'), 'docs/ is a document folder now');
  });

  it('takes a damaged entry for a miss, part by part, and finds what a cold run finds', async () => {
    const cold = await check(files, undefined);
    const damages: Record<string, (part: string) => string> = {
      garbage: () => 'ǝbɐqɹɐƃ',
      truncated: (part) => part.slice(0, Math.floor(part.length / 2)),
      'another shape': (part) => (part.startsWith('[') ? '[1,2,3]' : '{"a":1}'),
      'a wrong type inside': (part) => part.replace(/"/, '1,"'),
    };
    for (const [name, damage] of Object.entries(damages)) {
      for (const at of [2, 3, 4]) {
        const cache = new MemoryCache();
        await check(files, cache);
        for (const [rel, parts] of cache.entries) cache.entries.set(rel, parts.map((p, i) => (i === at && p ? damage(p) : p)));
        const run = await check(files, cache);
        assert.deepStrictEqual(run.diagnostics, cold.diagnostics, `${name}, part ${at}`);
        for (const doc of run.index.documents) assert.deepStrictEqual(plain(doc), plain(cold.index.get(doc.relPath)!), `${name}, part ${at}: ${doc.relPath}`);
      }
    }
  });

  it('checks an opened document on its own before the index is built, leaving out what needs other documents', async () => {
    const index = new WorkspaceIndex(ROOT, new MemoryHost(Object.entries(files)), loadBundledData(), { today: () => TODAY });
    const text = control({ id: 'CTL-AC-02', policy: 'POL-NOWHERE', criteria: '[CC6.1, CC9.9]' });
    const alone = index.diagnoseAlone('controls/new.md', text, 1);
    await index.load();
    assert.deepStrictEqual((await alone)?.map((d) => d.code), ['unknown-criterion']);
    await index.update('controls/new.md', text, 1);
    assert.deepStrictEqual(index.diagnose('controls/new.md').map((d) => d.code).sort(), ['duplicate-id', 'unknown-criterion', 'unresolved-reference']);
    assert.strictEqual(await index.diagnoseAlone('README.md', '# Not a document\n', 1), undefined);
  });
});
