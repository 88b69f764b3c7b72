import * as assert from 'assert';
import { codes, control, diagnose, expectOne, lineRange, policy, POLICY_BODY, rangeOf, withCode } from '../helpers';
import { nearestNewKeys } from '../../server/src/core/data/criteria';

describe('document rules', () => {
  it('reports nothing on a correct policy and its control', async () => {
    const files = { 'policies/access.md': policy(), 'controls/ac-01.md': control() };
    assert.deepStrictEqual(await diagnose(files, 'policies/access.md'), []);
    assert.deepStrictEqual(await diagnose(files, 'controls/ac-01.md'), []);
  });

  it('never treats a README.md or ordinary Markdown as a document', async () => {
    const files = {
      'policies/README.md': '# About these policies\n\nNo frontmatter here.\n',
      'docs/guide.md': '---\ntitle: A page\nlayout: post\n---\n# Guide\n',
      'notes.md': 'Note: this is not comply\n\n---\n\ntext',
    };
    for (const file of Object.keys(files)) assert.deepStrictEqual(await diagnose(files, file), [], file);
  });

  describe('yaml-syntax', () => {
    it('reports an unclosed `[` once, on the list, saying what to do', async () => {
      const text = '---\nid: POL-A\ntype: policy\ntitle: [Risk Assessment Policy\nowner: CISO\n---\n# T\n';
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, '[Risk Assessment Policy'));
      assert.strictEqual(d.severity, 'error');
      assert.strictEqual(d.message, 'This `[` list is never closed: add `]` after its last item, or put the whole value in quotes if the `[` is part of the text.');
    });

    it('reports one error per place, on the innermost unclosed collection', async () => {
      const text = '---\nid: POL-A\nreview: { cycle: annual, last: [2026-06-01\nowner: CISO\n---\n# T\n';
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, '[2026-06-01'));
      assert.match(d.message, /^This `\[` list is never closed/);
    });

    it('reports an unclosed frontmatter on its opening line', async () => {
      const text = '---\nid: POL-A\ntype: policy\n\n# Title\n';
      const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
      expectOne(d, 'yaml-syntax', lineRange(text, 0));
      assert.match(d[0].message, /never closed/);
    });

    it('names a duplicate key, on the second one', async () => {
      const text = policy({ owner: 'CISO\nowner: CTO' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, 'owner', 1));
      assert.strictEqual(d.message, '`owner` appears twice in the frontmatter; keep one.');
      const nested = policy({ review: '\n  cycle: annual\n  cycle: quarterly\n  last: 2026-06-01' });
      const n = expectOne(await diagnose({ 'policies/a.md': nested }, 'policies/a.md'), 'yaml-syntax', rangeOf(nested, 'cycle', 1));
      assert.strictEqual(n.message, '`cycle` appears twice in `review`; keep one.');
    });

    const cases: [string, string, string | [string, number], string][] = [
      ['an unclosed `{`', 'review: { cycle: annual, last: 2026-06-01\nowner: CISO', '{ cycle: annual, last: 2026-06-01', 'This `{` map is never closed: add `}` after its last entry, or put the whole value in quotes if the `{` is part of the text.'],
      ['an unclosed quote', 'title: "Access Control\nowner: CISO', '"Access Control', 'This quoted value is never closed: add the closing `"` at its end.'],
      ['a colon in a plain value', 'title: Access: Control', 'Access: Control', 'A value that contains `: ` must be in quotes: write `title: "Access: Control"`.'],
      ['a colon in a value before a comment', 'title: Access: who # internal', 'Access: who', 'A value that contains `: ` must be in quotes: write `title: "Access: who"`.'],
      ['a colon in a nested value', 'review:\n  cycle: annual\n  last: Q3: done', 'Q3: done', 'A value that contains `: ` must be in quotes: write `last: "Q3: done"`.'],
      ['a field without a colon', 'owner CISO\nstatus: approved', 'owner CISO', 'A field needs a colon after its key: write `owner: CISO`.'],
      ['an over-indented line', 'title: Access\n  owner: CISO', 'owner: CISO', 'This line is indented more than the line above it, so YAML reads it as part of that value: start it in the same column as the line above.'],
      ['misaligned fields of a map', 'review:\n    cycle: annual\n  last: 2026-06-01', 'last: 2026-06-01', 'This line is indented differently from the fields before it: the fields of one map must start in the same column.'],
      ['a tab as indentation', 'review:\n\tcycle: annual', '\t', 'YAML does not allow tabs for indentation: indent with spaces.'],
      ['a reserved first character', 'owner: @security', '@security', 'A value cannot start with `@`: put the whole value in quotes.'],
      ['a `]` too many', 'criteria: [CC6.1]]', [']', 1], 'This `]` closes no list: remove it.'],
      ['text after a closing quote', "owner: 'Head of Security's deputy'", "s deputy'", "There is text after the closing quote: put the whole value in quotes (inside single quotes, write an apostrophe as `''`)."],
    ];
    for (const [what, yaml, needle, message] of cases) {
      it(`says what to do about ${what}`, async () => {
        const text = `---\nid: POL-A\ntype: policy\n${yaml}\n---\n# T\n`;
        const range = typeof needle === 'string' ? rangeOf(text, needle) : rangeOf(text, ...needle);
        const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', range);
        assert.strictEqual(d.message, message);
      });
    }

    it("falls back to the parser's message where it has no advice of its own", async () => {
      const text = '---\nid: POL-A\ntype: policy\n- CC6.1\n---\n# T\n';
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'yaml-syntax', rangeOf(text, '-', 4));
      assert.strictEqual(d.message, 'Invalid YAML in the frontmatter: Implicit keys need to be on a single line');
    });
  });

  describe('missing-frontmatter', () => {
    it('flags a file in a document folder without frontmatter, on its first line', async () => {
      const text = '# Access Control\n\nSome words.\n';
      const d = await diagnose({ 'policies/access.md': text }, 'policies/access.md');
      expectOne(d, 'missing-frontmatter', lineRange(text, 0));
      assert.match(d[0].message, /no frontmatter/);
    });

    it('says what the folder makes of the file, with the right article', async () => {
      const text = '# Model governance\n';
      const d = expectOne(await diagnose({ 'attest.yaml': 'folders: [policies, addenda]\n', 'addenda/model.md': text }, 'addenda/model.md'), 'missing-frontmatter', lineRange(text, 0));
      assert.match(d.message, /so it is read as an addendum, but it has no frontmatter/);
    });
  });

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
      const d = await diagnose({ 'docs/x.md': text, 'policies/x.md': text }, 'policies/x.md');
      // In policies/ the folder gives the type, so `type` alone is reported missing.
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

  describe('invalid-value', () => {
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ['an enum value, with the nearest suggested', { status: 'aproved' }, 'aproved', /did you mean `approved`/],
      ['the id pattern', { id: 'pol-access' }, 'pol-access', /e\.g\. `POL-ACCESS`/],
      ['an ISO date', { effective: '2026-13-01' }, '2026-13-01', /YYYY-MM-DD/],
      ['the review cycle', { review: '{ cycle: yearly, last: 2026-06-01 }' }, 'yearly', /annual/],
      ['the type', { type: 'polcy' }, 'polcy', /did you mean `policy`/],
    ];
    for (const [what, fields, needle, message] of cases) {
      it(`checks ${what}`, async () => {
        const text = policy(fields);
        const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, needle, text.indexOf(needle) === text.lastIndexOf(needle) ? 0 : 0));
        assert.match(d.message, message);
      });
    }

    it('asks for a value where a text field is empty', async () => {
      const text = policy({ title: '""' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, '""'));
      assert.strictEqual(d.message, '`title` must not be empty: write the title of the document.');
      const owner = policy({ owner: '[CISO, CTO]' });
      const list = expectOne(await diagnose({ 'policies/a.md': owner }, 'policies/a.md'), 'invalid-value', rangeOf(owner, '[CISO, CTO]'));
      assert.strictEqual(list.message, '`owner` must be a single line of text, naming a role (e.g. Head of Security).');
    });

    it('checks the frequency and evidence entries of a control', async () => {
      const text = control({ frequency: 'hourly', evidence: '\n  - name: Review ticket\n    collected: 2026-02-30\n  - path: evidence/x.pdf' });
      const d = withCode(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/x.pdf': '' }, 'controls/c.md'), 'invalid-value');
      assert.deepStrictEqual(d.map((x) => x.range), [
        rangeOf(text, 'hourly'),
        rangeOf(text, 'name: Review ticket\n    collected: 2026-02-30'),
        rangeOf(text, '2026-02-30'),
        rangeOf(text, 'path: evidence/x.pdf'),
      ]);
      assert.match(d[1].message, /neither `path` nor `url`/);
      assert.match(d[3].message, /no `name`/);
    });

    it('suggests the nearest key of an evidence entry, unless the entry has it already', async () => {
      const text = control({ evidence: '\n  - { nme: Ticket, path: evidence/x.pdf }\n  - { name: Export, nme: Ticket, path: evidence/x.pdf }' });
      const d = withCode(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/x.pdf': '' }, 'controls/c.md'), 'invalid-value');
      assert.deepStrictEqual(d.map((x) => [x.range, x.data?.replacement]), [
        [rangeOf(text, '{ nme: Ticket, path: evidence/x.pdf }'), undefined],
        [rangeOf(text, 'nme'), 'name'],
        [rangeOf(text, 'nme', 1), undefined],
      ]);
      assert.match(d[1].message, /did you mean `name`/);
      assert.doesNotMatch(d[2].message, /did you mean/);
    });

    it('suggests the nearest key of `review`, reporting a misspelt `cycle` once', async () => {
      const text = policy({ review: '{ cylce: annual, last: 2026-06-01 }' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, 'cylce'));
      assert.strictEqual(d.message, '`review` takes `cycle` and `last`, not `cylce` (did you mean `cycle`?).');
      assert.strictEqual(d.data?.replacement, 'cycle');
      const other = policy({ review: '{ cycle: annual, last: 2026-06-01, by: CISO }' });
      const o = expectOne(await diagnose({ 'policies/a.md': other }, 'policies/a.md'), 'invalid-value', rangeOf(other, 'by'));
      assert.strictEqual(o.message, '`review` takes `cycle` and `last`, not `by`.');
      const both = policy({ review: '{ cycle: annual, last: 2026-06-01, cylce: monthly }' });
      const b = expectOne(await diagnose({ 'policies/a.md': both }, 'policies/a.md'), 'invalid-value', rangeOf(both, 'cylce'));
      assert.strictEqual(b.message, '`review` takes `cycle` and `last`, not `cylce`.', 'no rename into a key that is already there');
      assert.strictEqual(b.data?.replacement, undefined);
    });

    it('flags evidence collected in the future, on the date, allowing one day for time zones', async () => {
      const entry = (collected: string) => `\n  - { name: Export, path: evidence/ok.csv, collected: ${collected} }`;
      const files = { 'policies/p.md': policy(), 'evidence/ok.csv': 'a,b' };
      const text = control({ status: 'implemented', evidence: entry('2030-01-01') });
      const d = expectOne(await diagnose({ ...files, 'controls/c.md': text }, 'controls/c.md'), 'invalid-value', rangeOf(text, '2030-01-01'));
      assert.strictEqual(d.message, '`collected` is 2030-01-01, which is in the future: use the date the evidence was collected (a future date does not count as current evidence).');
      // Today is 2026-11-23: tomorrow may be today somewhere else, the day after is not.
      assert.deepStrictEqual(await diagnose({ ...files, 'controls/c.md': control({ status: 'implemented', evidence: entry('2026-11-24') }) }, 'controls/c.md'), []);
      const after = control({ status: 'implemented', evidence: entry('2026-11-25') });
      expectOne(await diagnose({ ...files, 'controls/c.md': after }, 'controls/c.md'), 'invalid-value', rangeOf(after, '2026-11-25'));
    });

    it('flags a review.last in the future, on the date', async () => {
      const text = policy({ review: '{ cycle: annual, last: 2027-01-10 }' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, '2027-01-10'));
      assert.strictEqual(d.message, '`review.last` is 2027-01-10, which is in the future: use the date the document was last reviewed.');
      assert.deepStrictEqual(await diagnose({ 'policies/a.md': policy({ review: '{ cycle: annual, last: 2026-11-24 }' }) }, 'policies/a.md'), []);
    });

    it('flags an unknown ML topic with the nearest one', async () => {
      const text = policy({ ml: '[model-versoning]' }, undefined);
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'invalid-value', rangeOf(text, 'model-versoning'));
      assert.match(d.message, /did you mean `model-versioning`/);
    });
  });

  describe('unknown-criterion', () => {
    it('suggests the nearest real ids for CC9.9', async () => {
      const text = policy({ criteria: '[CC6.1, CC9.9]' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-criterion', rangeOf(text, 'CC9.9'));
      assert.strictEqual(d.severity, 'error');
      assert.match(d.message, /did you mean `CC9\.1` or `CC9\.2`/);
      assert.deepStrictEqual([d.data?.replacement, ...(d.data?.alternatives ?? [])], ['CC9.1', 'CC9.2']);
    });

    it('handles block lists and lower case', async () => {
      const text = policy({ criteria: '\n  - CC6.1\n  - cc6.2' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-criterion', rangeOf(text, 'cc6.2'));
      assert.strictEqual(d.data?.replacement, 'CC6.2');
    });
  });

  describe('out-of-scope-criterion', () => {
    it('is information on a criterion of a category not in scope', async () => {
      const text = policy({ criteria: '[CC6.1, P4.3]' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'out-of-scope-criterion', rangeOf(text, 'P4.3'));
      assert.strictEqual(d.severity, 'information');
      assert.match(d.message, /Privacy/);
    });

    it('is silent when attest.yaml puts the category in scope', async () => {
      const text = policy({ criteria: '[CC6.1, P4.3]' });
      const d = await diagnose({ 'attest.yaml': 'categories: [privacy]\n', 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(withCode(d, 'out-of-scope-criterion'), []);
    });
  });

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

  describe('missing-section', () => {
    it('flags each absent required heading, on the type value', async () => {
      const body = '## Purpose\n\n## Scope\n\n## Responsibilities\n\n## Policy Statement\n\n## Enforcement\n';
      const text = policy({}, body);
      const d = withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'missing-section');
      assert.deepStrictEqual(d.map((x) => x.data?.name), ['Exceptions', 'Review']);
      for (const x of d) assert.deepStrictEqual(x.range, rangeOf(text, 'type: policy'.slice(6)));
      assert.match(d[0].message, /## Exceptions/);
    });

    it('asks whether a heading a typo away was meant to be the section', async () => {
      const text = policy({}, POLICY_WITHOUT('Enforcement') + '\n## Enforcment\n\nSanctions.\n');
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'missing-section', rangeOf(text, 'policy'));
      assert.strictEqual(d.message, 'This policy has no "Enforcement" section: did you mean to call `Enforcment` `Enforcement`? If not, add a `## Enforcement` heading.');
      // A numbered heading is named by its words; a heading too far off is not suggested.
      const numbered = policy({}, POLICY_WITHOUT('Enforcement') + '\n## 5. Enforcment\n\nSanctions.\n');
      assert.match(expectOne(await diagnose({ 'policies/a.md': numbered }, 'policies/a.md'), 'missing-section', rangeOf(numbered, 'policy')).message, /did you mean to call `Enforcment` `Enforcement`\?/);
      const far = policy({}, POLICY_WITHOUT('Enforcement') + '\n## Enforcing\n\nSanctions.\n');
      assert.strictEqual(expectOne(await diagnose({ 'policies/a.md': far }, 'policies/a.md'), 'missing-section', rangeOf(far, 'policy')).message, 'This policy has no "Enforcement" section: add a `## Enforcement` heading.');
    });

    it('asks the same of an ML topic section', async () => {
      const text = policy({ ml: '[drift-monitoring]' }, POLICY_BODY + '\n## Drift Monitorng\n\nWatched.\n');
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'missing-section', rangeOf(text, 'drift-monitoring'));
      assert.match(d.message, /no "Drift Monitoring" section: did you mean to call `Drift Monitorng` `Drift Monitoring`\? If not, add one saying how it is done/);
    });

    it('does not take "Policy Review" for the "Policy" section', async () => {
      const body = POLICY_WITHOUT('Policy').replace('## Review', '## Policy Review');
      const d = withCode(await diagnose({ 'policies/a.md': policy({}, body) }, 'policies/a.md'), 'missing-section');
      assert.deepStrictEqual(d.map((x) => x.data?.name), ['Policy']);
    });

    it('flags an `ml` entry of a policy without a section about it, on the entry', async () => {
      const text = policy({ ml: '[drift-monitoring]' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'missing-section', rangeOf(text, 'drift-monitoring'));
      assert.match(d.message, /"Drift Monitoring" section/);
    });

    it('uses the sections attest.yaml configures', async () => {
      const text = policy({}, '## Purpose\n');
      const d = await diagnose({ 'attest.yaml': 'sections:\n  policy: [Purpose, Approval]\n', 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(withCode(d, 'missing-section').map((x) => x.data?.name), ['Approval']);
    });
  });

  describe('stale-review', () => {
    it('warns on review.last older than its cycle, on the date', async () => {
      const text = policy({ review: '{ cycle: quarterly, last: 2026-01-15 }' });
      const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'stale-review', rangeOf(text, '2026-01-15'));
      assert.strictEqual(d.message, 'Last reviewed 2026-01-15, 312 days ago: a quarterly review was due by 2026-04-15. Review the document and update `review.last`.');
    });

    it('is due a calendar cycle later: reviewed 2024-06-01, an annual review is not stale on 2025-06-01 and stale on 2025-06-02', async () => {
      const text = policy({ review: '{ cycle: annual, last: 2024-06-01 }' });
      const on = (today: string) => diagnose({ 'policies/a.md': text }, 'policies/a.md', { today: () => today });
      assert.deepStrictEqual(withCode(await on('2025-06-01'), 'stale-review'), []);
      const d = expectOne(await on('2025-06-02'), 'stale-review', rangeOf(text, '2024-06-01'));
      assert.strictEqual(d.message, 'Last reviewed 2024-06-01, 366 days ago: an annual review was due by 2025-06-01. Review the document and update `review.last`.');
    });

    it('ends a monthly cycle on the last day of a shorter month', async () => {
      const text = policy({ review: '{ cycle: monthly, last: 2026-01-31 }' });
      const on = (today: string) => diagnose({ 'policies/a.md': text }, 'policies/a.md', { today: () => today });
      assert.deepStrictEqual(withCode(await on('2026-02-28'), 'stale-review'), []);
      const d = expectOne(await on('2026-03-01'), 'stale-review', rangeOf(text, '2026-01-31'));
      assert.match(d.message, /a monthly review was due by 2026-02-28\./);
    });

    it('accepts a review within its cycle', async () => {
      const text = policy({ review: '\n  cycle: annual\n  last: 2026-01-15' });
      assert.deepStrictEqual(withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'stale-review'), []);
    });
  });

  describe('evidence-not-found', () => {
    it('warns on an evidence path that does not exist, on the path', async () => {
      const text = control({ evidence: '\n  - { name: Access review, path: evidence/q3-review.pdf, collected: 2026-10-01 }\n  - { name: Export, path: evidence/export.csv, collected: 2026-10-01 }' });
      const files = { 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/export.csv': 'a,b' };
      const d = expectOne(await diagnose(files, 'controls/c.md'), 'evidence-not-found', rangeOf(text, 'evidence/q3-review.pdf'));
      assert.match(d.message, /No file at `evidence\/q3-review\.pdf`/);
    });

    it('refuses a path that leaves the workspace', async () => {
      const text = control({ evidence: '\n  - { name: Secrets, path: ../../etc/passwd, collected: 2026-10-01 }' });
      const d = expectOne(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text }, 'controls/c.md'), 'evidence-not-found', rangeOf(text, '../../etc/passwd'));
      assert.match(d.message, /must stay inside it/);
    });
  });

  describe('suppressions and severities', () => {
    it('suppresses a code with a reason, and reports a suppression without one', async () => {
      const body = POLICY_WITHOUT('Exceptions') + '\n<!-- attest-ignore missing-section: exceptions are handled by the ISMS -->\n';
      assert.deepStrictEqual(await diagnose({ 'policies/a.md': policy({}, body) }, 'policies/a.md'), []);
      const bare = POLICY_WITHOUT('Exceptions') + '\n<!-- attest-ignore missing-section -->\n';
      const text = policy({}, bare);
      const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(codes(d).sort(), ['invalid-suppression', 'missing-section']);
      expectOne(d, 'invalid-suppression', rangeOf(text, '<!-- attest-ignore missing-section -->'));
    });

    it('reports a code that is no rule\'s on the code, with the nearest one, and applies the others', async () => {
      const body = POLICY_WITHOUT('Exceptions') + '\n<!-- attest-ignore missing-sectoin, stale-review: handled by the ISMS -->\n';
      const text = policy({ review: '{ cycle: annual, last: 2025-01-01 }' }, body);
      const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
      assert.deepStrictEqual(codes(d), ['missing-section', 'invalid-suppression']);
      const bad = expectOne(d, 'invalid-suppression', rangeOf(text, 'missing-sectoin'));
      assert.strictEqual(bad.message, '`missing-sectoin` is not a rule code, so this attest-ignore comment suppresses nothing for it: did you mean `missing-section`?');
      assert.strictEqual(bad.data?.replacement, 'missing-section');
      const far = policy({}, POLICY_BODY + '\n<!-- attest-ignore everything: too noisy -->\n');
      const none = expectOne(await diagnose({ 'policies/a.md': far }, 'policies/a.md'), 'invalid-suppression', rangeOf(far, 'everything'));
      assert.strictEqual(none.message, '`everything` is not a rule code, so this attest-ignore comment suppresses nothing for it: use the code shown with the diagnostic, e.g. `missing-section`.');
      assert.strictEqual(none.data, undefined);
    });

    it('does not apply a suppression shown in a code block or code span, which documents the syntax', async () => {
      const comment = '<!-- attest-ignore missing-section: exceptions are handled by the ISMS -->';
      for (const shown of ['```markdown\n' + comment + '\n```\n', '~~~\n' + comment + '\n~~~\n', '    ' + comment + '\n', 'Write `' + comment + '` to suppress a rule.\n']) {
        const text = policy({}, POLICY_WITHOUT('Exceptions') + '\n' + shown);
        const d = await diagnose({ 'policies/a.md': text }, 'policies/a.md');
        assert.deepStrictEqual(codes(d), ['missing-section'], shown);
      }
      // In HTML it applies, also inside a block quote, a list item or a paragraph.
      for (const html of ['> ' + comment + '\n', '- item ' + comment + '\n', 'Text ' + comment + ' more.\n']) {
        assert.deepStrictEqual(await diagnose({ 'policies/a.md': policy({}, POLICY_WITHOUT('Exceptions') + '\n' + html) }, 'policies/a.md'), [], html);
      }
    });

    it('applies severities from attest.yaml, and `off`', async () => {
      const text = policy({ ownr: 'CISO', criteria: '[CC9.9]' });
      const files = { 'attest.yaml': 'rules:\n  unknown-field: error\n  unknown-criterion: off\n', 'policies/a.md': text };
      const d = await diagnose(files, 'policies/a.md');
      assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['unknown-field', 'error']]);
    });
  });
});

function POLICY_WITHOUT(section: string): string {
  return ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review']
    .filter((h) => h !== section)
    .map((h) => `## ${h}\n\nText.\n`)
    .join('\n');
}

describe('suggested names', () => {
  it('skip names already present before choosing the nearest, so a free one further away is still offered', () => {
    assert.deepStrictEqual(nearestNewKeys('abc', ['abcd', 'abxy'], 2, ['abcd']), ['abxy']);
    assert.deepStrictEqual(nearestNewKeys('abc', ['abcd', 'abxy'], 2, []), ['abcd']);
    assert.deepStrictEqual(nearestNewKeys('abc', ['abcd'], 2, ['abcd']), []);
  });
});
