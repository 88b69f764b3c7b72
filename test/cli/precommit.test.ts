import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO } from '../helpers';
import { FIXTURES } from './run';

interface Hook {
  id: string;
  name: string;
  description?: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  files?: string;
  args?: string[];
}

const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/**
 * What a node hook's environment gives the entry: the package's `bin` on PATH, as
 * `npm install -g` links it (a symlink to bin/attest.js, run through its shebang).
 */
function binFolder(): string {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-hook-bin-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  for (const [name, target] of Object.entries(pkg.bin)) fs.symlinkSync(path.join(REPO, target), path.join(bin, name));
  return bin;
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Attest Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
}

/** A repository holding the ci fixture, committed, with `extra` files staged as for a commit. */
function repositoryWith(extra: Record<string, string> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-hook-repo-'));
  fs.cpSync(path.join(FIXTURES, 'ci'), root, { recursive: true });
  git(root, 'init', '-q');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'Policies');
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  git(root, 'add', '-A');
  return root;
}

/**
 * Runs a hook as pre-commit does with `pass_filenames: false`: its entry split on spaces (no
 * shell), its args, no file names, from the root of the repository, with the environment's bin first on PATH.
 */
function runHook(hook: Hook, root: string, bin: string): { status: number | null; stdout: string; stderr: string } {
  const [command, ...entryArgs] = hook.entry.split(/\s+/);
  const result = spawnSync(command, [...entryArgs, ...(hook.args ?? [])], { cwd: root, env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('.pre-commit-hooks.yaml', function () {
  this.timeout(60_000);
  const hook = hooks.find((h) => h.id === 'attest');

  it('declares one node hook, attest check, run once on the whole workspace', () => {
    assert.strictEqual(hooks.length, 1);
    assert.ok(hook);
    assert.deepStrictEqual(
      { entry: hook.entry, language: hook.language, pass_filenames: hook.pass_filenames, files: hook.files },
      { entry: 'attest check', language: 'node', pass_filenames: false, files: '\\.(md|ya?ml)$' },
    );
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.ok(hook.entry.split(' ')[0] in pkg.bin, 'the entry is a bin of this package, which the node environment puts on PATH');
  });

  it('runs on commits that touch Markdown or YAML, and only those', () => {
    // pre-commit applies `files` with Python's re.search, which reads this pattern as JavaScript does.
    const files = new RegExp(hook?.files ?? '');
    const touched = ['policies/access-control.md', 'attest.yaml', 'controls/x.MD', '.github/workflows/ci.yml', 'docs/policies/a b.md'];
    assert.deepStrictEqual(touched.filter((f) => files.test(f)), ['policies/access-control.md', 'attest.yaml', '.github/workflows/ci.yml', 'docs/policies/a b.md']);
    assert.deepStrictEqual(['src/app.ts', 'README.mdx', 'notes.txt', 'yaml/readme'].filter((f) => files.test(f)), []);
  });

  it('passes a commit whose library has no errors (exit 0) and stops one that adds an error (exit 1)', () => {
    assert.ok(hook);
    const bin = binFolder();
    const clean = runHook(hook, repositoryWith(), bin);
    assert.strictEqual(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /^2 documents checked: 0 errors, 1 warning, 0 information\.$/m);
    const broken = runHook(hook, repositoryWith({ 'policies/change.md': '---\nid: POL-CHANGE\ntype: policy\ntitle: Change\nowner: CTO\ncriteria: [CC9.9]\n---\n' }), bin);
    assert.strictEqual(broken.status, 1, broken.stdout + broken.stderr);
    assert.match(broken.stdout, /^policies\/change\.md:6:12 {2}error {4}`CC9\.9` is not a Trust Services Criterion/m);
  });

  it('fails a repository without Attest documents with exit 2, so a wrong setup is not a silent pass', () => {
    assert.ok(hook);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-hook-empty-'));
    fs.writeFileSync(path.join(root, 'README.md'), '# A project\n');
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    const result = runHook(hook, root, binFolder());
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /^attest: No Attest documents found in \. \(/);
  });
});
