import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from '../helpers';
import { run } from './run';

const TODAY = '2026-04-20';

function copyOf(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-import-'));
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'corpus', fixture), dir, { recursive: true });
  return dir;
}

function errorsOf(json: string): string[] {
  const report = JSON.parse(json) as { diagnostics: { file: string; code: string; severity: string; message: string }[] };
  return report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code} ${d.message}`);
}

/** `attest import`: a comply repository brought to Attest's format in place (SPEC §10). */
describe('attest import', () => {
  it('says what it would change with --dry-run, and writes nothing', async () => {
    const dir = copyOf('comply-soc2');
    const before = fs.readFileSync(path.join(dir, 'policies', 'access.md'), 'utf8');
    const { code, out } = await run('import', dir, '--dry-run');
    assert.strictEqual(code, 0);
    assert.match(out, /^would change .*policies\/access\.md: converted the comply header to Attest frontmatter$/m);
    assert.match(out, /\n\d+ files would change \(dry run: nothing written\)/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'policies', 'access.md'), 'utf8'), before);
  });

  it('converts a comply repository that then checks with no error it did not have, and a second run changes nothing', async () => {
    const dir = copyOf('comply-soc2');
    const had = new Set(errorsOf((await run('check', dir, '--format', 'json', '--today', TODAY)).out));
    const { code, out } = await run('import', dir, '--today', TODAY);
    assert.strictEqual(code, 0);
    assert.match(out, /\n\d+ files changed\. Next: attest check /);
    assert.ok(fs.readFileSync(path.join(dir, 'policies', 'access.md'), 'utf8').startsWith('---\nid: '), 'an Attest frontmatter');
    const now = errorsOf((await run('check', dir, '--format', 'json', '--today', TODAY)).out);
    assert.deepStrictEqual(now.filter((e) => !had.has(e)), []);
    assert.strictEqual((await run('import', dir, '--today', TODAY)).out, "Nothing to import: every document is in Attest's format.\n");
  });
});
