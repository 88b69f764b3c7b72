import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TODAY } from '../helpers';
import { FIXTURES, run, tempWorkspace } from './run';

describe('a folder without documents', () => {
  const DEFAULT = 'looked for Markdown under policies/, controls/, procedures/, narratives/ at any depth, and elsewhere for files with a `type` in their frontmatter';
  const refused = (dir: string, where = DEFAULT) => `attest: No Attest documents found in ${dir} (${where}). Pass --allow-empty if that is expected.\n`;

  it('fails attest check with exit 2 in every format, saying where it looked, and prints no report', async () => {
    const dir = tempWorkspace({ 'notes/readme.md': '# Notes\n', 'docs/page.md': '---\ntitle: Not ours\n---\n' });
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      assert.deepStrictEqual(await run('check', dir, '--format', format), { code: 2, out: '', err: refused(dir) }, format);
    }
  });

  it('succeeds with --allow-empty, still saying on stderr that nothing was found', async () => {
    const dir = tempWorkspace({ 'notes/readme.md': '# Notes\n' });
    for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
      const result = await run('check', dir, '--format', format, '--allow-empty');
      assert.strictEqual(result.code, 0, format);
      assert.strictEqual(result.err, `No Attest documents found in ${dir} (${DEFAULT}).\n`, format);
      assert.ok(result.out.length > 0, format);
    }
  });

  it('names the folders attest.yaml configures', async () => {
    const custom = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: [docs/compliance, ./security/]\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual(
      (await run('check', custom)).err,
      refused(custom, 'looked for Markdown under docs/compliance/, ./security/ (those without ./ at any depth), and elsewhere for files with a `type` in their frontmatter'),
    );
    const rooted = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: [/security, ./hr]\n' });
    assert.strictEqual((await run('check', rooted)).err, refused(rooted, 'looked for Markdown under ./security/, ./hr/, and elsewhere for files with a `type` in their frontmatter'));
    const everywhere = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: [.]\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual((await run('check', everywhere)).err, refused(everywhere, 'looked for Markdown files anywhere in it'));
    const none = tempWorkspace({ 'attest.yaml': 'ml: false\nfolders: []\nrules:\n  uncovered-criterion: off\n' });
    assert.strictEqual((await run('check', none)).err, refused(none, 'looked for Markdown files with a `type` in their frontmatter'));
  });

  it('says first what is wrong in attest.yaml, which may be why nothing was found', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'folders: [compliance]\ncategories: [availabilty]\n', 'docs/p.md': '# A policy without frontmatter\n' });
    const result = await run('check', dir);
    assert.strictEqual(result.code, 2);
    assert.strictEqual(result.out, '');
    const lines = result.err.split('\n');
    assert.match(lines[0], /attest\.yaml:2:14 {2}error {4}Unknown category `availabilty`/);
    assert.match(lines[1], /^attest: .*attest\.yaml has errors/);
    assert.strictEqual(lines.slice(2).join('\n'), refused(dir, 'looked for Markdown under compliance/ at any depth, and elsewhere for files with a `type` in their frontmatter'));
  });

  it('fails attest coverage too, unless --allow-empty', async () => {
    const dir = tempWorkspace({});
    assert.deepStrictEqual(await run('coverage', dir, '--format', 'csv'), { code: 2, out: '', err: refused(dir) });
    const output = path.join(dir, 'out', 'coverage.html');
    assert.deepStrictEqual(await run('coverage', dir, '--format', 'html', '--output', output), { code: 2, out: '', err: refused(dir) });
    assert.ok(!fs.existsSync(output), 'no report is written');
    const allowed = await run('coverage', dir, '--format', 'csv', '--allow-empty');
    assert.strictEqual(allowed.code, 0);
    assert.strictEqual(allowed.err, `No Attest documents found in ${dir} (${DEFAULT}).\n`);
    assert.match(allowed.out, /^kind,id,category,status,documents,reason$/m);
  });

  it('is not said when there are documents', async () => {
    assert.strictEqual((await run('check', path.join(FIXTURES, 'mistakes'), '--format', 'json', '--today', TODAY)).err, '');
  });
});
