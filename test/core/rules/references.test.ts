import * as assert from 'assert';
import { control, diagnose, expectOne, policy, rangeOf } from '../../helpers';

describe('document rules', () => {
  describe('duplicate-id', () => {
    it('reports on both documents, each pointing at the other', async () => {
      const a = policy();
      const b = policy({ title: 'Another' });
      const files = { 'policies/a.md': a, 'policies/b.md': b };
      const da = expectOne(await diagnose(files, 'policies/a.md'), 'duplicate-id', rangeOf(a, 'POL-ACCESS'));
      expectOne(await diagnose(files, 'policies/b.md'), 'duplicate-id', rangeOf(b, 'POL-ACCESS'));
      assert.match(da.message, /policies\/b\.md/);
      assert.strictEqual(da.related?.[0].uri, 'file:///ws/policies/b.md');
    });
  });

  describe('unresolved-reference', () => {
    it('flags a `policy` that names no document', async () => {
      const text = control({ policy: 'POL-ACCES' });
      const d = expectOne(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text }, 'controls/c.md'), 'unresolved-reference', rangeOf(text, 'POL-ACCES'));
      assert.match(d.message, /No document has the id `POL-ACCES`/);
    });

    it('flags `extends` naming a control rather than a policy', async () => {
      const add = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\nextends: CTL-AC-01\n---\n## Purpose\n';
      const files = { 'policies/p.md': policy(), 'controls/c.md': control(), 'addenda/a.md': add };
      const d = expectOne(await diagnose(files, 'addenda/a.md'), 'unresolved-reference', rangeOf(add, 'CTL-AC-01'));
      assert.match(d.message, /is a control, not a policy/);
      const other = '---\nid: ADD-OTHER\ntype: addendum\ntitle: Other\nowner: Head of ML\nextends: ADD-ML\n---\n## Purpose\n';
      const files2 = { ...files, 'addenda/a.md': add.replace('CTL-AC-01', 'POL-ACCESS'), 'addenda/b.md': other };
      const e = expectOne(await diagnose(files2, 'addenda/b.md'), 'unresolved-reference', rangeOf(other, 'ADD-ML'));
      assert.strictEqual(e.message, '`ADD-ML` is an addendum, not a policy: `extends` must name a policy.');
    });

    it('flags a relative Markdown link to a missing file, on its target', async () => {
      const body = 'See [the control](../controls/missing.md) and [this one](../controls/c.md#evidence) and [web](https://example.com/a.md).\n';
      const text = policy({}, body);
      const files = { 'policies/p.md': text, 'controls/c.md': control() };
      expectOne(await diagnose(files, 'policies/p.md'), 'unresolved-reference', rangeOf(text, '../controls/missing.md'));
    });
  });
});
