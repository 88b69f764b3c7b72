import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeErrorMessage } from '../../server/src/cli/output';
import { REPO } from '../helpers';
import { CLEAN_POLICY, FIXTURES, run, tempWorkspace } from './run';

describe('usage errors', () => {
  const HINT = 'Run `attest --help` for usage.\n';
  const cases: [string[], string][] = [
    [['check', '--bogus'], 'Unknown option `--bogus` for `attest check`.'],
    [['check', '--max-warning', '3'], 'Unknown option `--max-warning` for `attest check`. Did you mean `--max-warnings`?'],
    [['coverage', '-x'], 'Unknown option `-x` for `attest coverage`.'],
    [['check', '--constructor=x'], 'Unknown option `--constructor` for `attest check`.'],
    [['check', '--toString'], 'Unknown option `--toString` for `attest check`.'],
    [['check', '--max-warnings'], '`--max-warnings` needs a value.'],
    [['check', '--max-warnings='], '`--max-warnings` needs a value.'],
    [['check', '--max-warnings', '--format', 'json'], '`--max-warnings` needs a value.'],
    [['check', '--max-warnings', '-1'], '`--max-warnings` takes a whole number ≥ 0, not `-1`.'],
    [['check', '--max-warnings', '0x10'], '`--max-warnings` takes a whole number ≥ 0, not `0x10`.'],
    [['check', '--max-warnings', ' 3'], '`--max-warnings` takes a whole number ≥ 0, not ` 3`.'],
    [['check', '--max-warnings', '1e2'], '`--max-warnings` takes a whole number ≥ 0, not `1e2`.'],
    [['check', '--max-warnings', '2.5'], '`--max-warnings` takes a whole number ≥ 0, not `2.5`.'],
    [['check', '--format', 'xml'], '`--format` takes text, json, sarif, github or junit, not `xml`.'],
    [['check', '--format', 'gihub'], '`--format` takes text, json, sarif, github or junit, not `gihub`. Did you mean `github`?'],
    [['check', '--format', 'JUnit'], '`--format` takes text, json, sarif, github or junit, not `JUnit`. Did you mean `junit`?'],
    [['check', '--format=sarf'], '`--format` takes text, json, sarif, github or junit, not `sarf`. Did you mean `sarif`?'],
    [['coverage', '--format', 'htm'], '`--format` takes text, markdown, json, csv or html, not `htm`. Did you mean `html`?'],
    [['check', '--quiet=yes'], '`--quiet` takes no value.'],
    [['check', '--allow-emtpy'], 'Unknown option `--allow-emtpy` for `attest check`. Did you mean `--allow-empty`?'],
    [['coverage', '--format=pdf'], '`--format` takes text, markdown, json, csv or html, not `pdf`.'],
    [['check', '--today', '23/11/2026'], '`--today` takes a date written YYYY-MM-DD, not `23/11/2026`.'],
    [['init', '--force=yes'], '`--force` takes no value.'],
    [['check', 'a', 'b'], '`attest check` takes one folder, not 2: `a` `b`.'],
    [['check', '/no/such/folder'], '`/no/such/folder` does not exist.'],
    [['check', '/no/such/folder', '--bogus'], 'Unknown option `--bogus` for `attest check`.'],
    [['frobnicate'], 'Unknown command `frobnicate`.'],
  ];
  for (const [args, message] of cases) {
    it(`attest ${args.join(' ')}: ${message}`, async () => {
      const result = await run(...args);
      assert.deepStrictEqual(result, { code: 2, out: '', err: `attest: ${message}\n${HINT}` });
    });
  }

  it('says when the folder is a file', async () => {
    const file = path.join(tempWorkspace({ 'x.md': '' }), 'x.md');
    assert.deepStrictEqual(await run('check', file), { code: 2, out: '', err: `attest: \`${file}\` is not a folder.\n${HINT}` });
  });

  it('accepts --max-warnings written with =', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'ml: false\nrules:\n  uncovered-criterion: off\n', ...CLEAN_POLICY });
    assert.strictEqual((await run('check', dir, '--max-warnings=007')).code, 0);
  });

  it('prints the help for attest with no command, and exits 2', async () => {
    const result = await run();
    assert.strictEqual(result.code, 2);
    assert.match(result.err, /^Usage: attest <command> \[options\]/);
  });
});

describe('errors the user can fix: one line, exit 2, no stack', () => {
  const LSP = 'attest: `attest lsp` needs `--stdio` (what editors use); `--node-ipc`, `--socket=PORT` and `--pipe=NAME` work too.\n';

  it('attest lsp without a transport', async () => {
    assert.deepStrictEqual(await run('lsp'), { code: 2, out: '', err: LSP });
    assert.deepStrictEqual(await run('lsp', '--socket'), { code: 2, out: '', err: LSP });
    assert.deepStrictEqual(await run('lsp', '--socket=abc'), { code: 2, out: '', err: LSP });
    assert.deepStrictEqual(await run('lsp', '--socket', '0'), { code: 2, out: '', err: LSP });
  });

  it('attest lsp without a transport, from the command line', () => {
    const result = spawnSync(process.execPath, [path.join(REPO, 'bin', 'attest.js'), 'lsp'], { encoding: 'utf8', timeout: 10_000 });
    assert.deepStrictEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr }, { status: 2, stdout: '', stderr: LSP });
  });

  it('--output names a folder', async () => {
    const folder = tempWorkspace({ 'reports/.keep': '' });
    const output = path.join(folder, 'reports');
    const result = await run('coverage', path.join(FIXTURES, 'mistakes'), '--format', 'csv', '--output', output);
    assert.deepStrictEqual(result, { code: 2, out: '', err: `attest: \`--output ${output}\` is a folder; give the path of a file, such as ${path.join(output, 'coverage.csv')}.\n` });
  });

  it('--output lies under a file', async () => {
    const folder = tempWorkspace({ 'notes.txt': 'x' });
    const output = path.join(folder, 'notes.txt', 'sub', 'report.html');
    const result = await run('coverage', path.join(FIXTURES, 'mistakes'), '--format', 'html', '--output', output);
    assert.deepStrictEqual(result, { code: 2, out: '', err: `attest: Cannot write \`${output}\`: \`${path.join(folder, 'notes.txt')}\` is a file, not a folder.\n` });
  });

  it('--output creates the folders it needs', async () => {
    const output = path.join(tempWorkspace({}), 'a', 'b', 'report.csv');
    const result = await run('coverage', path.join(FIXTURES, 'mistakes'), '--format', 'csv', '--output', output);
    assert.deepStrictEqual(result, { code: 0, out: '', err: `Wrote ${output}\n` });
    assert.match(fs.readFileSync(output, 'utf8'), /^kind,id,category,status,documents,reason$/m);
  });

  it('says why --output could not be written, in words', () => {
    const errno = (code: string, message: string) => Object.assign(new Error(message), { code });
    const missing = path.join(tempWorkspace({}), 'gone', 'r.html');
    assert.strictEqual(writeErrorMessage('r.html', errno('EACCES', "EACCES: permission denied, open 'r.html'"), 'html'), 'Cannot write `r.html`: permission denied.');
    assert.strictEqual(writeErrorMessage('r.html', errno('EPERM', "EPERM: operation not permitted, open 'r.html'"), 'html'), 'Cannot write `r.html`: permission denied.');
    assert.strictEqual(writeErrorMessage('r.html', errno('EROFS', "EROFS: read-only file system, open 'r.html'"), 'html'), 'Cannot write `r.html`: the file system is read-only.');
    assert.strictEqual(writeErrorMessage(missing, errno('ENOENT', `ENOENT: no such file or directory, open '${missing}'`), 'html'), `Cannot write \`${missing}\`: its folder does not exist and could not be created.`);
    assert.strictEqual(writeErrorMessage('r.html', errno('EBUSY', "EBUSY: resource busy or locked, open 'r.html'"), 'html'), 'Cannot write `r.html`: resource busy or locked.');
  });
});
