import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DocumentCacheFile } from '../../server/src/node/documentCacheFile';
import { control, policy, TODAY } from '../helpers';
import { run, runIn, tempWorkspace } from './run';

const CACHE_FILE = path.join('.attest-cache', 'documents.jsonl');

const FILES = {
  'attest.yaml': 'organization: Acme\n',
  'policies/access.md': policy(),
  'controls/ac-01.md': control({ criteria: '[CC6.2, CC9.9]' }),
  'controls/ac-02.md': control({ id: 'CTL-AC-02', policy: 'POL-NOWHERE' }),
};

const check = (dir: string, ...args: string[]) => run('check', dir, '--format', 'json', '--today', TODAY, ...args);

/** Findings as `file code`, the part of the report that a cache could get wrong. */
async function findings(dir: string, ...args: string[]): Promise<string[]> {
  const result = await check(dir, ...args);
  assert.ok(result.code <= 1, result.err);
  return (JSON.parse(result.out) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((d) => `${d.file} ${d.code}`);
}

/** Rewrites every entry of the cache file with `edit(parts)`, and the header with `header`. */
function rewriteCache(dir: string, edit: (parts: string[]) => string[], header: (h: Record<string, unknown>) => Record<string, unknown> = (h) => h): void {
  const file = path.join(dir, CACHE_FILE);
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const head = JSON.stringify(header(JSON.parse(lines[0]) as Record<string, unknown>));
  const entries = lines.slice(1, -1).map((line) => edit(line.split('\t')).join('\t'));
  fs.writeFileSync(file, [head, ...entries, lines[lines.length - 1]].join('\n') + '\n');
}

/** Keeps each document's kept diagnostics but empties their list: a run that trusts the cache reports nothing. */
function emptyKeptDiagnostics(dir: string, header?: (h: Record<string, unknown>) => Record<string, unknown>): void {
  rewriteCache(
    dir,
    (parts) => {
      if (!parts[5]) return parts;
      const kept = JSON.parse(parts[5]) as unknown[];
      return [...parts.slice(0, 5), JSON.stringify([...kept.slice(0, 3), []])];
    },
    header,
  );
}

describe('attest check --cache', () => {
  let dir: string;
  beforeEach(() => (dir = tempWorkspace(FILES)));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the same warm as cold, in every format, and keeps the cache where git ignores it', async () => {
    const expected = await findings(dir);
    assert.ok(expected.length >= 2, expected.join('\n'));
    assert.deepStrictEqual(await findings(dir, '--cache'), expected);
    assert.ok(fs.existsSync(path.join(dir, CACHE_FILE)));
    assert.match(fs.readFileSync(path.join(dir, '.attest-cache', '.gitignore'), 'utf8'), /^\*$/m);
    assert.deepStrictEqual(await findings(dir, '--cache'), expected);
    for (const format of ['text', 'sarif', 'junit']) {
      const plain = await run('check', dir, '--format', format, '--today', TODAY);
      const cached = await run('check', dir, '--format', format, '--today', TODAY, '--cache');
      assert.deepStrictEqual(cached, plain, format);
    }
  });

  it('trusts what it kept: an entry changed in place is what a warm run reports', async () => {
    await findings(dir, '--cache');
    emptyKeptDiagnostics(dir);
    // attest.yaml's findings are about the whole workspace, and never kept.
    const documents = (await findings(dir, '--cache')).filter((f) => !f.startsWith('attest.yaml '));
    assert.deepStrictEqual(documents, [], 'the test can tell a trusted cache from an ignored one');
  });

  it('reads an edited file again, and reports its new findings', async () => {
    await findings(dir, '--cache');
    fs.writeFileSync(path.join(dir, 'controls/ac-01.md'), control({ criteria: '[CC6.2]', owner: '' }));
    const found = await findings(dir, '--cache');
    assert.ok(found.includes('controls/ac-01.md missing-field'), found.join('\n'));
    assert.ok(!found.includes('controls/ac-01.md unknown-criterion'), found.join('\n'));
  });

  it('follows a changed attest.yaml', async () => {
    await findings(dir, '--cache');
    emptyKeptDiagnostics(dir);
    fs.writeFileSync(path.join(dir, 'attest.yaml'), 'organization: Acme\nrules:\n  unresolved-reference: off\n');
    const found = await findings(dir, '--cache');
    assert.ok(found.includes('controls/ac-01.md unknown-criterion'), found.join('\n'));
    assert.ok(!found.some((f) => f.endsWith('unresolved-reference')), found.join('\n'));
  });

  it('ignores a cache written by another Attest, and rebuilds it', async () => {
    const expected = await findings(dir);
    await findings(dir, '--cache');
    emptyKeptDiagnostics(dir, (h) => ({ ...h, attest: '0.0.1' }));
    assert.deepStrictEqual(await findings(dir, '--cache'), expected);
    assert.deepStrictEqual(await findings(dir, '--cache'), expected);
    assert.notStrictEqual(JSON.parse(fs.readFileSync(path.join(dir, CACHE_FILE), 'utf8').split('\n')[0]).attest, '0.0.1');
  });

  it('ignores a cache for another folder (the folder was moved)', async () => {
    const expected = await findings(dir);
    await findings(dir, '--cache');
    emptyKeptDiagnostics(dir, (h) => ({ ...h, root: 'file:///elsewhere' }));
    assert.deepStrictEqual(await findings(dir, '--cache'), expected);
  });

  const damages: Record<string, (text: string) => string> = {
    garbage: () => '\u0000\u0001 not a cache at all \uFFFD',
    'truncated JSON': (text) => text.slice(0, Math.floor(text.length / 2)),
    'its last line missing': (text) => text.trimEnd().split('\n').slice(0, -1).join('\n') + '\n',
    'another shape of JSON': () => '{"format":"attest-document-cache","version":1,"documents":[1,2,3]}\n',
    'entries of the wrong shape': (text) => text.replace(/\t\[/g, '\t[0,'),
    'an empty file': () => '',
  };
  for (const [name, damage] of Object.entries(damages)) {
    it(`ignores a cache file with ${name}, and rebuilds it with the same results`, async () => {
      const expected = await findings(dir);
      await findings(dir, '--cache');
      const file = path.join(dir, CACHE_FILE);
      fs.writeFileSync(file, damage(fs.readFileSync(file, 'utf8')));
      assert.deepStrictEqual(await findings(dir, '--cache'), expected);
      assert.deepStrictEqual(await findings(dir, '--cache'), expected);
      const header = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]) as { format: string };
      assert.strictEqual(header.format, 'attest-document-cache', 'rebuilt');
    });
  }

  it('writes nothing without --cache', async () => {
    await findings(dir);
    await run('check', dir, '--today', TODAY);
    assert.ok(!fs.existsSync(path.join(dir, '.attest-cache')));
  });

  it('keeps the cache in --cache-location, from the current folder, and leaves an existing folder as it was', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cache-'));
    try {
      const expected = await findings(dir);
      const result = await runIn(elsewhere, 'check', dir, '--format', 'json', '--today', TODAY, '--cache', '--cache-location', 'kept');
      assert.deepStrictEqual(JSON.parse(result.out), JSON.parse((await check(dir)).out));
      assert.ok(fs.existsSync(path.join(elsewhere, 'kept', 'documents.jsonl')));
      assert.ok(!fs.existsSync(path.join(dir, '.attest-cache')));
      assert.deepStrictEqual(await findings(dir, '--cache', '--cache-location', elsewhere), expected);
      assert.ok(!fs.existsSync(path.join(elsewhere, '.gitignore')), 'a folder that existed is not made to ignore itself');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('says that --cache-location needs --cache', async () => {
    const result = await run('check', dir, '--cache-location', 'x');
    assert.strictEqual(result.code, 2);
    assert.match(result.err, /--cache-location.*--cache/);
  });
});

describe('the cache file', () => {
  it('is read only by the Attest build and for the folder that wrote it', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-cache-'));
    const root = pathToFileURL(folder).toString();
    try {
      const written = DocumentCacheFile.open(folder, { attest: '1.0.0', root });
      written.set('policies/a.md', ['digest', 'parse', 'null', '', '']);
      await written.save();
      assert.deepStrictEqual(DocumentCacheFile.open(folder, { attest: '1.0.0', root }).get('policies/a.md'), ['digest', 'parse', 'null', '', '']);
      const newer = DocumentCacheFile.open(folder, { attest: '1.0.1', root });
      assert.strictEqual(newer.get('policies/a.md'), undefined);
      assert.ok(newer.discarded);
      assert.strictEqual(DocumentCacheFile.open(folder, { attest: '1.0.0', root: 'file:///other' }).get('policies/a.md'), undefined);
      assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['documents.jsonl'], 'no temporary file is left behind');
      assert.ok(written.owns(pathToFileURL(path.join(folder, 'documents.jsonl')).toString()), 'its own file');
      assert.ok(!written.owns(pathToFileURL(`${folder}-other/a.md`).toString()));
      assert.ok(!written.owns('untitled:Untitled-1'));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
