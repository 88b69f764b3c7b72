import * as assert from 'assert';
import { control, policy, rangeOf, withCode, workspace } from '../helpers';

describe('workspace index', () => {
  const files = () => ({
    'policies/access.md': policy(),
    'controls/ac-01.md': control(),
    'controls/ac-02.md': control({ id: 'CTL-AC-02' }),
  });

  it('re-checks only the document itself when a keystroke changes nothing others read', async () => {
    const { index } = await workspace(files());
    const change = await index.update('policies/access.md', policy({ title: 'Access Control Policy v2' }));
    assert.deepStrictEqual([...change.affected], ['policies/access.md']);
    assert.strictEqual(change.all, false);
  });

  it('re-checks the documents that name an id when the id changes', async () => {
    const { index } = await workspace(files());
    const change = await index.update('policies/access.md', policy({ id: 'POL-ACCESS-2' }));
    assert.deepStrictEqual([...change.affected].sort(), ['controls/ac-01.md', 'controls/ac-02.md', 'policies/access.md']);
    assert.strictEqual(withCode(index.diagnose('controls/ac-01.md'), 'unresolved-reference').length, 1);
  });

  it('re-checks the policy an addendum extends when the addendum changes what it addresses', async () => {
    const add = (ml: string) => `---\nid: ADD-X\ntype: addendum\ntitle: X\nowner: Head of ML\nextends: POL-ACCESS\nml: [${ml}]\n---\n## Purpose\n\n## Training Data Access\n`;
    const { index } = await workspace({ ...files(), 'attest.yaml': 'ml: true\n', 'addenda/x.md': add('training-data-access') });
    assert.deepStrictEqual(withCode(index.diagnose('policies/access.md'), 'missing-ml-addendum'), []);
    const change = await index.update('addenda/x.md', add(''));
    assert.ok(change.affected.has('policies/access.md'));
    assert.strictEqual(withCode(index.diagnose('policies/access.md'), 'missing-ml-addendum').length, 1);
  });

  it('does not count a retired addendum', async () => {
    const add = `---\nid: ADD-X\ntype: addendum\ntitle: X\nowner: Head of ML\nstatus: retired\nextends: POL-ACCESS\nml: [training-data-access]\n---\n## Purpose\n\n## Training Data Access\n`;
    const { index } = await workspace({ ...files(), 'attest.yaml': 'ml: true\n', 'addenda/x.md': add });
    assert.strictEqual(withCode(index.diagnose('policies/access.md'), 'missing-ml-addendum').length, 1);
  });

  it('re-checks links to a file only when it appears or disappears', async () => {
    const linking = policy({ id: 'POL-B' }, 'See [the control](../controls/ac-01.md).\n');
    const { index } = await workspace({ ...files(), 'policies/b.md': linking });
    assert.ok(!(await index.update('controls/ac-01.md', control({ title: 'Renamed' }))).affected.has('policies/b.md'));
    assert.ok((await index.update('controls/ac-01.md', undefined)).affected.has('policies/b.md'));
    assert.strictEqual(withCode(index.diagnose('policies/b.md'), 'unresolved-reference').length, 1);
  });

  it('forgets every document of a deleted folder, and indexes a folder that appears', async () => {
    const { index, host } = await workspace({ ...files(), 'policies/dup.md': policy({ title: 'Copy' }) });
    assert.strictEqual(withCode(index.diagnose('policies/access.md'), 'duplicate-id').length, 1);
    const removed = await index.update('policies', undefined);
    assert.ok(removed.affected.has('policies/access.md') && removed.affected.has('controls/ac-01.md'));
    assert.strictEqual(index.get('policies/access.md'), undefined);
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.1')?.status, 'uncovered');
    host.files.set('policies/access.md', policy());
    await index.addFolder('policies');
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.1')?.status, 'documented');
    assert.deepStrictEqual(index.diagnose('controls/ac-01.md'), []);
  });

  it('applies changes one after another, so a reload never loses an edit made during it', async () => {
    const { index } = await workspace(files());
    const edited = control({ id: 'CTL-NEW', ml: '[model-versioning]' });
    await Promise.all([index.update('attest.yaml', 'folders: [policies, controls, evidence]\n'), index.update('controls/ac-01.md', edited)]);
    assert.strictEqual(index.get('controls/ac-01.md')?.id?.value, 'CTL-NEW');
    assert.deepStrictEqual(index.documentsWithId('CTL-AC-01').map((d) => d.relPath), []);
    assert.deepStrictEqual(index.topicClaimsOf('model-versioning').map((d) => d.relPath), ['controls/ac-01.md']);
    await index.update('controls/ac-01.md', control());
    assert.deepStrictEqual(index.topicClaimsOf('model-versioning'), []);
    assert.strictEqual(index.mlActive, false);
  });

  it('ignores files in dependency and hidden folders, as the first walk does', async () => {
    const { index } = await workspace(files());
    const change = await index.update('node_modules/pkg/policies/x.md', policy({ id: 'POL-DEP' }));
    assert.strictEqual(change.affected.size, 0);
    assert.deepStrictEqual(index.documentsWithId('POL-DEP'), []);
  });

  it('reports unknown keys of an exception and ends ranges at the last character', async () => {
    const config = 'exceptions:\n  - criterion: CC6.4\n    note: carved out\n';
    const { index } = await workspace({ 'attest.yaml': config });
    const d = index.diagnoseConfig().filter((x) => x.code !== 'uncovered-criterion');
    assert.deepStrictEqual(d.map((x) => [x.code, x.range]), [
      ['missing-field', rangeOf(config, 'criterion: CC6.4\n    note: carved out')],
      ['unknown-field', rangeOf(config, 'note')],
    ]);
  });

  it('puts a link diagnostic on its target, not on a title that repeats it', async () => {
    const text = policy({}, 'See [x](missing.md "missing.md").\n');
    const { index } = await workspace({ 'policies/a.md': text });
    assert.deepStrictEqual(withCode(index.diagnose('policies/a.md'), 'unresolved-reference').map((x) => x.range), [rangeOf(text, 'missing.md')]);
  });

  it('says that an attest.yaml below the root is not read', async () => {
    const { index } = await workspace({ ...files(), 'compliance/attest.yaml': 'categories: [privacy]\n', 'attest.yaml': 'ml: false\n' });
    const ignored = index.diagnoseIgnoredConfigs();
    assert.deepStrictEqual([...ignored.keys()], ['compliance/attest.yaml']);
    const [d] = ignored.get('compliance/attest.yaml') ?? [];
    assert.strictEqual(d.code, 'ignored-config');
    assert.strictEqual(d.severity, 'information');
    assert.match(d.message, /open compliance\/ as the workspace folder/);
    assert.ok(!index.config.categories.has('privacy'));
  });
});
