import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempWorkspace } from './run';

describe('attest init', () => {
  it('copies the starter library, never overwriting without --force', async () => {
    const dir = tempWorkspace({ 'policies/access-control.md': 'my own text\n' });
    const first = await run('init', dir);
    assert.strictEqual(first.code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'attest.yaml')));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'policies', 'access-control.md'), 'utf8'), 'my own text\n');
    assert.match(first.err, /kept .*access-control\.md/);
    const only = tempWorkspace({});
    await run('init', only, '--only', 'policies');
    assert.ok(fs.existsSync(path.join(only, 'policies')));
    assert.ok(!fs.existsSync(path.join(only, 'controls')));
    assert.strictEqual((await run('init', only, '--only', 'nonsense')).code, 2);
  });

  it('counts the files it writes in words that agree', async () => {
    const dir = tempWorkspace({});
    assert.match((await run('init', dir)).out, /\n\d+ files written, every document a draft: adopt each \(edit it, then set `status: approved`\) and it counts\. Next: attest coverage /);
    fs.rmSync(path.join(dir, 'attest.yaml'));
    assert.strictEqual((await run('init', dir)).out, `created ${path.join(dir, 'attest.yaml')}\n\n1 file written. Next: attest coverage ${dir}\n`);
  });
});
