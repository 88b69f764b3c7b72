import * as assert from 'assert';
import * as path from 'path';
import { TODAY } from '../helpers';
import { run, tempWorkspace } from './run';

describe('a broken attest.yaml', () => {
  const BROKEN = 'categories: [availabilty]\nml: yes-please\n';
  const POLICY = { 'policies/p.md': '---\nid: POL-A\ntype: policy\ntitle: A\nowner: CISO\n---\n' };
  const problems = (dir: string) =>
    `${path.join(dir, 'attest.yaml')}:1:14  error    Unknown category \`availabilty\`: use one of security, availability, processing-integrity, confidentiality, privacy (did you mean \`availability\`?).  [invalid-value]\n` +
    `${path.join(dir, 'attest.yaml')}:2:5  error    \`ml\` must be \`true\`, \`false\` or \`auto\`.  [invalid-value]\n` +
    `attest: ${path.join(dir, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`;

  it('attest coverage says why it exits 2, in every format', async () => {
    const dir = tempWorkspace({ 'attest.yaml': BROKEN, ...POLICY });
    for (const format of ['text', 'markdown', 'json', 'csv', 'html']) {
      const result = await run('coverage', dir, '--format', format, '--today', TODAY);
      assert.strictEqual(result.code, 2, format);
      assert.strictEqual(result.err, problems(dir), format);
      assert.ok(result.out.length > 0, format);
    }
    const output = path.join(tempWorkspace({}), 'coverage.html');
    const written = await run('coverage', dir, '--format', 'html', '--output', output, '--today', TODAY);
    assert.deepStrictEqual(written, { code: 2, out: '', err: problems(dir) + `Wrote ${output}\n` });
  });

  it('attest check --format json|sarif says it on standard error, keeping standard output to the report', async () => {
    const dir = tempWorkspace({ 'attest.yaml': BROKEN, ...POLICY });
    for (const format of ['json', 'sarif']) {
      const result = await run('check', dir, '--format', format, '--today', TODAY);
      assert.strictEqual(result.code, 2, format);
      assert.strictEqual(result.err, problems(dir), format);
      JSON.parse(result.out);
    }
  });

  it('lists a problem that breaks the file even where its rule is off', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'ml: yes-please\nrules:\n  invalid-value: off\n', ...POLICY });
    const result = await run('coverage', dir, '--format', 'json', '--today', TODAY);
    assert.strictEqual(result.code, 2);
    assert.strictEqual(
      result.err,
      `${path.join(dir, 'attest.yaml')}:1:5  error    \`ml\` must be \`true\`, \`false\` or \`auto\`.  [invalid-value]\n` +
        `attest: ${path.join(dir, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`,
    );
  });

  it('says why text `check` exits 2 when the rule behind the broken attest.yaml is off, and repeats nothing the report shows', async () => {
    const off = tempWorkspace({ 'attest.yaml': 'ml: yes-please\nrules:\n  invalid-value: off\n', ...POLICY });
    const silent = await run('check', off, '--today', TODAY);
    assert.strictEqual(silent.code, 2);
    assert.strictEqual(
      silent.err,
      `${path.join(off, 'attest.yaml')}:1:5  error    \`ml\` must be \`true\`, \`false\` or \`auto\`.  [invalid-value]\n` +
        `attest: ${path.join(off, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`,
    );
    const on = tempWorkspace({ 'attest.yaml': 'ml: yes-please\n', ...POLICY });
    const shown = await run('check', on, '--today', TODAY);
    assert.strictEqual(shown.code, 2);
    assert.match(shown.out, /attest\.yaml:1:5 +error +`ml` must be/);
    assert.strictEqual(shown.err, `attest: ${path.join(on, 'attest.yaml')} has errors; the report uses only the settings that could be read.\n`);
  });

  it('shows an unknown key as a warning, without failing', async () => {
    const dir = tempWorkspace({ 'attest.yaml': 'catgories: [availability]\n', ...POLICY });
    const result = await run('coverage', dir, '--format', 'csv', '--today', TODAY);
    assert.strictEqual(result.code, 0);
    const lines = result.err.split('\n');
    assert.deepStrictEqual(lines.length, 2, result.err);
    assert.ok(lines[0].startsWith(`${path.join(dir, 'attest.yaml')}:1:1  warning  `) && lines[0].endsWith('  [unknown-field]'), result.err);
  });
});
