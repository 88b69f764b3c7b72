import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from '../helpers';

describe('the packaged extension', function () {
  this.timeout(60_000);

  it('ships every bundle and data file it reads, and no sources or tests', () => {
    const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
    const bundles = fs.readdirSync(path.join(REPO, 'dist')).filter((f) => f.endsWith('.js')).map((f) => `dist/${f}`);
    for (const bundle of bundles) assert.ok(files.includes(bundle), `${bundle} is packaged`);
    for (const needed of ['package.json', 'server/data/ml-topics.yaml', 'server/data/sections.yaml', 'server/data/frameworks/tsc-2017.yaml', 'policies/attest.yaml', 'snippets/attest.code-snippets', 'syntaxes/attest.injection.tmLanguage.json', 'schemas/attest.schema.json', 'schemas/frontmatter.schema.json', 'media/icon.png']) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
    const stray = files.filter((f) => /^(client|test|out|scripts|node_modules)\//.test(f) || f.startsWith('server/src/') || f.endsWith('.ts') || f.endsWith('.map'));
    assert.deepStrictEqual(stray, []);
  });
});
