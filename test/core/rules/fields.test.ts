import * as assert from 'assert';
import { control, diagnose, expectOne, lineRange, policy, rangeOf, withCode } from '../../helpers';
import { nearestNewKeys } from '../../../server/src/core/data/criteria';

describe('document rules', () => {
  describe('missing-field', () => {
    it('flags each missing required field on the opening delimiter', async () => {
      const text = policy({ owner: '', title: '' });
      const d = withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'missing-field');
      assert.deepStrictEqual(d.map((x) => x.data?.name), ['title', 'owner']);
      for (const x of d) assert.deepStrictEqual(x.range, lineRange(text, 0));
    });

    it('requires `policy` on a control and `extends` on an addendum', async () => {
      const ctl = control({ policy: '' });
      expectOne(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': ctl }, 'controls/c.md'), 'missing-field', lineRange(ctl, 0));
      const add = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\n---\n## Purpose\n';
      const d = await diagnose({ 'addenda/a.md': add }, 'addenda/a.md');
      assert.deepStrictEqual(withCode(d, 'missing-field').map((x) => x.data?.name), ['extends']);
    });

    it('asks for a type when it is missing', async () => {
      const text = '---\nid: X-1\ntitle: T\nowner: CISO\n---\n';
      // In policies/ the folder says the type (SPEC §10): nothing is missing.
      const inPolicies = await diagnose({ 'docs/x.md': text, 'policies/x.md': text }, 'policies/x.md');
      assert.deepStrictEqual(withCode(inPolicies, 'missing-field'), []);
      // In a document folder that names no type, `type` alone is missing.
      const files = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/x.md': text };
      const d = await diagnose(files, 'compliance/x.md');
      assert.deepStrictEqual(withCode(d, 'missing-field').map((x) => x.data?.name), ['type']);
    });
  });

  describe('unknown-field', () => {
    it('suggests the nearest known field, on the key', async () => {
      const text = policy({ owner: '', ownr: 'CISO' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-field', rangeOf(text, 'ownr'));
      assert.strictEqual(d.severity, 'warning');
      assert.match(d.message, /did you mean `owner`/);
      assert.strictEqual(d.data?.replacement, 'owner');
    });

    it('never suggests a field the frontmatter already has, which would make a duplicate key', async () => {
      const both = policy({ ownr: 'CISO' });
      assert.ok(both.includes('owner: Head of Security') && both.includes('ownr: CISO'));
      const d = expectOne(await diagnose({ 'policies/a.md': both }, 'policies/a.md'), 'unknown-field', rangeOf(both, 'ownr'));
      assert.doesNotMatch(d.message, /did you mean/);
      assert.strictEqual(d.data?.replacement, undefined);
    });

    it('says when a field belongs to another type', async () => {
      const text = policy({ frequency: 'daily' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-field', rangeOf(text, 'frequency'));
      assert.match(d.message, /applies to controls only/);
    });

    it('names document types with their articles and plurals', async () => {
      const add = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\nextends: POL-ACCESS\nfrequency: daily\n---\n## Purpose\n';
      const d = expectOne(await diagnose({ 'policies/p.md': policy(), 'addenda/a.md': add }, 'addenda/a.md'), 'unknown-field', rangeOf(add, 'frequency'));
      assert.strictEqual(d.message, '`frequency` applies to controls only, not to an addendum: remove it.');
      const ctl = control({ extends: 'POL-ACCESS' });
      const e = expectOne(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': ctl }, 'controls/c.md'), 'unknown-field', rangeOf(ctl, 'extends'));
      assert.strictEqual(e.message, '`extends` applies to addenda only, not to a control: remove it.');
    });
  });
});

describe('suggested names', () => {
  it('skip names already present before choosing the nearest, so a free one further away is still offered', () => {
    assert.deepStrictEqual(nearestNewKeys('abc', ['abcd', 'abxy'], 2, ['abcd']), ['abxy']);
    assert.deepStrictEqual(nearestNewKeys('abc', ['abcd', 'abxy'], 2, []), ['abcd']);
    assert.deepStrictEqual(nearestNewKeys('abc', ['abcd'], 2, ['abcd']), []);
  });
});
