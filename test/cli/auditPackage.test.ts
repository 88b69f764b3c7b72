import * as assert from 'node:assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO } from '../helpers';
import { hrefsOf, packageLinkProblems } from '../core/auditPackageLinks';
import { CLEAN_POLICY, FIXTURES, run, tempWorkspace } from './run';

/** Every file of a folder by its path with `/`, and the text of its pages and style sheet. */
function readPackage(dir: string): { files: Set<string>; pages: Map<string, string> } {
  const files = new Set<string>();
  const pages = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else {
        files.add(child);
        if (/\.(html|css)$/.test(child)) pages.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
      }
    }
  };
  walk('');
  return { files, pages };
}

function tempFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'attest-package-'));
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Dana Reviewer', '-c', 'user.email=dana@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-04T10:00:00+01:00', GIT_COMMITTER_DATE: '2026-03-04T10:00:00+01:00' } });

describe('attest package', function () {
  this.timeout(60_000);

  for (const [name, folder, documents] of [
    ['the Type II sample', path.join(FIXTURES, 'type2-sample'), 7],
    ['the starter library', path.join(REPO, 'policies'), 85],
  ] as const) {
    it(`writes ${name} as a package whose every link resolves to a file it holds`, async () => {
      const out = path.join(tempFolder(), 'package');
      const { code, err } = await run('package', folder, '--output', out, '--today', '2026-11-01');
      assert.strictEqual(code, 0, err);
      assert.match(err, /Wrote \d+ pages to .*Open .*index\.html/);
      const { files, pages } = readPackage(out);
      assert.deepStrictEqual(packageLinkProblems(pages, (p) => files.has(p) || fs.existsSync(path.join(out, p))), []);
      const index = pages.get('index.html') ?? '';
      const documentPages = [...files].filter((f) => f.startsWith('documents/'));
      assert.strictEqual(documentPages.length, documents);
      const linked = new Set(hrefsOf(index).map((h) => h.split('#')[0]));
      for (const page of documentPages) assert.ok(linked.has(page), `index.html links ${page}`);
      for (const part of ['style.css', 'evidence.html', 'documents.html']) assert.ok(files.has(part), part);
    });
  }

  it('copies the evidence it links, so the package opens offline', async () => {
    const out = path.join(tempFolder(), 'package');
    await run('package', path.join(FIXTURES, 'type2-sample'), '--output', out, '--today', '2026-11-01');
    const evidence = fs.readFileSync(path.join(out, 'evidence.html'), 'utf8');
    assert.ok(hrefsOf(evidence).includes('files/evidence/CTL-AC-03/2026-Q1/removals.csv'));
    assert.strictEqual(fs.readFileSync(path.join(out, 'files/evidence/CTL-AC-03/2026-Q1/removals.csv'), 'utf8'), fs.readFileSync(path.join(FIXTURES, 'type2-sample/evidence/CTL-AC-03/2026-Q1/removals.csv'), 'utf8'));
  });

  it('shows each document’s last commit, and says what is not committed', async () => {
    const dir = tempWorkspace({ ...CLEAN_POLICY, 'controls/c.md': '---\nid: CTL-A\ntype: control\ntitle: C\nowner: CISO\npolicy: POL-A\ncriteria: [CC6.1]\n---\n## Objective\nx\n' });
    git(dir, 'init', '-q');
    git(dir, 'add', 'policies/p.md');
    git(dir, 'commit', '-q', '-m', 'First policy');
    const commit = git(dir, 'rev-parse', 'HEAD').trim();
    const out = path.join(tempFolder(), 'package');
    assert.strictEqual((await run('package', dir, '--output', out)).code, 0);
    const policy = fs.readFileSync(path.join(out, 'documents/policies/p.html'), 'utf8');
    assert.ok(policy.includes(`<time datetime="2026-03-04T10:00:00+01:00">2026-03-04</time> by Dana Reviewer, commit <code title="${commit}">${commit.slice(0, 10)}</code>`), policy);
    assert.match(fs.readFileSync(path.join(out, 'documents/controls/c.html'), 'utf8'), /Last change<\/dt><dd><span class="warn">not committed<\/span>/);
    fs.appendFileSync(path.join(dir, 'policies/p.md'), '\nEdited.\n');
    assert.strictEqual((await run('package', dir, '--output', out)).code, 0, 'an earlier package is replaced');
    assert.match(fs.readFileSync(path.join(out, 'documents/policies/p.html'), 'utf8'), /changed since, not committed/);
  });

  it('says "not in git" outside a repository, and writes the package all the same', async () => {
    const dir = tempWorkspace(CLEAN_POLICY);
    const out = path.join(tempFolder(), 'package');
    const { code } = await run('package', dir, '--output', out);
    assert.strictEqual(code, 0);
    assert.match(fs.readFileSync(path.join(out, 'documents/policies/p.html'), 'utf8'), /not in git/);
  });

  it('needs --output, and never writes into a folder of other files or over the workspace', async () => {
    const dir = tempWorkspace(CLEAN_POLICY);
    assert.match((await run('package', dir)).err, /needs `--output DIR`/);
    const busy = tempFolder();
    fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    const refused = await run('package', dir, '--output', busy);
    assert.strictEqual(refused.code, 2);
    assert.match(refused.err, /is not empty and holds no earlier auditor package/);
    assert.deepStrictEqual(fs.readdirSync(busy), ['notes.txt']);
    assert.match((await run('package', dir, '--output', path.dirname(dir))).err, /holds the folder being packaged/);
  });
});
