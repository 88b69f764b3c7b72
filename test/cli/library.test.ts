import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openWorkspace } from '../../server/src/cli/workspace';
import { findLibrary, initWorkspace, unlinkLeftOut } from '../../server/src/cli/init';
import { CliError, UsageError } from '../../server/src/cli/usage';
import { REPO, TODAY } from '../helpers';

const LIBRARY = path.join(REPO, 'policies');

describe('the starter library (policies/)', () => {
  it('checks clean: no error, no warning, no information', async () => {
    const index = await openWorkspace(LIBRARY, TODAY);
    const findings = [...index.documents].flatMap((d) => index.diagnose(d.relPath).map((x) => `${d.relPath}:${x.range.start.line + 1} ${x.code} ${x.message}`));
    findings.push(...index.diagnoseConfig().map((x) => `attest.yaml:${x.range.start.line + 1} ${x.code} ${x.message}`));
    assert.deepStrictEqual(findings, []);
  });

  it('has the documents an ML company needs', async () => {
    const index = await openWorkspace(LIBRARY, TODAY);
    const byType = new Map<string, number>();
    for (const d of index.documents) byType.set(d.type ?? '?', (byType.get(d.type ?? '?') ?? 0) + 1);
    assert.ok((byType.get('policy') ?? 0) >= 14, `policies: ${byType.get('policy')}`);
    assert.strictEqual(byType.get('addendum'), 3);
    assert.ok((byType.get('control') ?? 0) >= 40, `controls: ${byType.get('control')}`);
    assert.ok((byType.get('procedure') ?? 0) >= 4);
    for (const d of index.documents) {
      assert.ok(d.fields.has('owner'), `${d.relPath} names its owner`);
      assert.ok(d.criteria.length > 0, `${d.relPath} names the criteria it meets`);
      if (d.type === 'policy' || d.type === 'addendum') assert.ok(d.fields.has('review'), `${d.relPath} has a review cycle`);
      if (d.type === 'control') assert.ok(d.frequency, `${d.relPath} has a frequency`);
    }
  });

  it('controls every in-scope criterion (or excepts it with a reason) and addresses every ML topic', async () => {
    const index = await openWorkspace(LIBRARY, TODAY);
    const coverage = index.coverage();
    assert.strictEqual(coverage.criteria.filter((c) => c.category === 'Security').length, 33);
    for (const c of coverage.criteria) assert.ok(['controlled', 'implemented', 'excepted'].includes(c.status), `${c.id} is ${c.status}`);
    for (const c of coverage.criteria.filter((x) => x.status === 'excepted')) assert.ok((c.reason ?? '').length > 40, `${c.id} has a real reason`);
    assert.strictEqual(coverage.ml.length, 16);
    for (const t of coverage.ml) assert.ok(['controlled', 'implemented'].includes(t.status), `${t.topic} is ${t.status}`);
    assert.strictEqual(coverage.summary.percent, 100);
  });

  it('avoids vague words an auditor cannot test', () => {
    const vague = /\b(appropriate(ly)?|periodic(ally)?|as needed|regularly|timely)\b/i;
    for (const file of walk(LIBRARY).filter((f) => f.endsWith('.md') && !f.endsWith('README.md'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(!vague.test(text), `${path.relative(LIBRARY, file)}: "${vague.exec(text)?.[0]}"`);
    }
  });

  it('is what `attest init` writes, as drafts to adopt, and the result checks clean with nothing covered yet', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-'));
    const { written, required, unlinked } = initWorkspace(dir, { organization: 'Acme ML' });
    assert.ok(written.includes('attest.yaml'));
    assert.ok(written.length >= 70);
    assert.deepStrictEqual([required, unlinked], [[], []]);
    for (const file of written.filter((f) => f !== 'attest.yaml')) {
      const library = fs.readFileSync(path.join(LIBRARY, file), 'utf8');
      // Every byte as in the library, but the status: a starting point is a draft (SPEC §10).
      assert.strictEqual(fs.readFileSync(path.join(dir, file), 'utf8'), library.replace(/^status: (approved|implemented)$/m, 'status: draft'), file);
    }
    const config = fs.readFileSync(path.join(dir, 'attest.yaml'), 'utf8');
    assert.match(config, /^organization: "Acme ML"$/m);
    assert.match(config, /^# exceptions:$/m);
    const index = await openWorkspace(dir, TODAY);
    assert.strictEqual(index.documentCount, (await openWorkspace(LIBRARY, TODAY)).documentCount);
    assert.deepStrictEqual([...index.documents].flatMap((d) => index.diagnose(d.relPath)), []);
    // init then coverage: 0% covered; every criterion a document claims is drafted. CC6.4, which
    // the library excepts rather than claims, waits for the user to confirm the exception.
    const { summary, criteria } = index.coverage();
    assert.deepStrictEqual([summary.percent, summary.covered, summary.drafted], [0, 0, summary.inScope - 1]);
    assert.deepStrictEqual(criteria.filter((c) => c.status !== 'drafted').map((c) => [c.id, c.status]), [['CC6.4', 'uncovered']]);
  });

  for (const only of [['policies'], ['addenda'], ['controls'], ['procedures'], ['policies', 'addenda'], ['controls', 'procedures']]) {
    it(`copies the part ${only.join(' + ')} with the policies it belongs to, and checks without errors`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-'));
      const { written, required, unlinked } = initWorkspace(dir, { only });
      const inParts = (f: string) => f === 'attest.yaml' || only.some((p) => f.startsWith(`${p}/`));
      assert.deepStrictEqual(written.filter((f) => !inParts(f)).sort(), [...required].sort(), 'only the parents come from outside the chosen parts');
      for (const file of required) assert.match(file, /^(policies|addenda)\//, `${file} is a parent document`);
      const index = await openWorkspace(dir, TODAY);
      for (const doc of index.documents) {
        for (const parent of [doc.policy?.value, doc.extends?.value]) {
          if (parent !== undefined) assert.strictEqual(index.documentsWithId(parent).length, 1, `${doc.relPath}: its parent ${parent} was copied`);
        }
      }
      const errors = [...index.documents].flatMap((d) => index.diagnose(d.relPath).filter((x) => x.severity === 'error').map((x) => `${d.relPath}:${x.range.start.line + 1} ${x.code} ${x.message}`));
      assert.deepStrictEqual(errors, []);
      assert.deepStrictEqual(index.diagnoseConfig().filter((x) => x.severity === 'error'), []);
      assert.ok(unlinked.length > 0, 'links to documents left out were made text');
    });
  }

  it('turns a link to a document left out into its text, and keeps every other byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-'));
    initWorkspace(dir, { only: ['policies'] });
    const original = fs.readFileSync(path.join(LIBRARY, 'policies', 'acceptable-use.md'), 'utf8');
    const copied = fs.readFileSync(path.join(dir, 'policies', 'acceptable-use.md'), 'utf8');
    const sibling = '[Data Classification and Handling Policy](data-classification.md)';
    assert.ok(original.includes(sibling), 'the policy links to another policy');
    assert.ok(original.includes('(../controls/'), 'the policy links to a control');
    assert.strictEqual(copied, original.replace(/\[([^\]]+)\]\(\.\.\/(?:controls|addenda|procedures)\/[^)]+\)/g, '$1').replace(/^status: approved$/m, 'status: draft'));
    assert.ok(copied.includes(sibling), 'the link to a copied policy stays a link');
  });

  it('says so, in one line, when the starter library is missing or a file cannot be written', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-'));
    assert.throws(() => findLibrary(empty), (err: Error) => err instanceof CliError && /starter library .* was not found above/.test(err.message));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-'));
    fs.writeFileSync(path.join(dir, 'controls'), 'a file where a folder must go\n');
    const inTheWay = path.join(dir, 'controls');
    assert.throws(
      () => initWorkspace(dir, { only: ['controls'] }),
      (err: Error) => err instanceof CliError && err.message.startsWith('Cannot write `' + inTheWay) && err.message.endsWith(`\`${inTheWay}\` is a file, not a folder (1 file was written before it).`),
    );
  });

  it('says it copied parent policies only when it did', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-'));
    assert.ok(initWorkspace(dir, { only: ['controls'] }).required.length > 0);
    const again = initWorkspace(dir, { only: ['controls'] });
    assert.deepStrictEqual([again.written, again.required, again.unlinked], [[], [], []]);
  });

  it('unlinks inline and reference links to what is left out, and nothing else', () => {
    const text = [
      'See [the review](../procedures/review.md "Review"), [the policy](access.md) and [the site](https://example.com/x.md).',
      'Also [the review][rv], [rv][] and [rv], but not `[rv]` in code.',
      '',
      '[rv]: ../procedures/review.md',
      '[ok]: access.md',
      'Last line with [ok].',
      '',
    ].join('\r\n');
    const leftOut = (url: string) => url.includes('procedures/');
    assert.strictEqual(
      unlinkLeftOut(text, leftOut),
      [
        'See the review, [the policy](access.md) and [the site](https://example.com/x.md).',
        'Also the review, rv and rv, but not `[rv]` in code.',
        '',
        '[ok]: access.md',
        'Last line with [ok].',
        '',
      ].join('\r\n'),
    );
    assert.strictEqual(unlinkLeftOut(text, () => false), text);
  });

  it('refuses a file as the target folder, with a usage error', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attest-init-')), 'policy.md');
    fs.writeFileSync(file, '# Not a folder\n');
    assert.throws(() => initWorkspace(file), (err: Error) => err instanceof UsageError && /is a file; attest init needs a folder/.test(err.message));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '# Not a folder\n', 'the file is untouched');
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
