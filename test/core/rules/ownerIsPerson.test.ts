import * as assert from 'assert';
import { replaceOwnerByRole } from '../../../server/src/core/rules/ownerIsPerson/fixes';
import { personIn } from '../../../server/src/core/rules/ownerIsPerson/personName';
import { control, diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../../helpers';
import { applyFix, fixesFor } from '../features/codeActions/fixtures';

/** Owners seen in the starter library, the corpus of real repositories and the tests, and roles as companies write them. */
const ROLES = [
  'Head of Security', 'Head of Infrastructure', 'Head of Data Platform', 'Head of Machine Learning', 'Compliance Lead',
  'Head of People', 'Head of Engineering', 'IT Lead', 'General Counsel', 'VP Engineering', 'IT Operations', 'Head of IT',
  'Chief Executive Officer', 'CISO', 'Head of ML', 'Security Team', 'ML Platform Lead', 'Information Security Officer',
  'Data Protection Officer', 'Director of Engineering', 'Engineering Manager', 'SRE Team', 'Platform Team', 'People Ops',
  'Customer Success', 'Trust & Safety', 'Security & Compliance', 'Office of the CTO', 'Legal', 'Co-Founder',
  'Founding Engineer', 'Internal Audit', 'Risk Committee', 'The Board', 'Board of Directors', 'Machine Learning Platform',
  'Head of AI Safety', 'AI Governance Board', 'Data Science Lead', 'Privacy Officer', 'Site Reliability Engineering',
  'VP, Engineering', 'Head of Trust', 'Security Engineering', 'Infrastructure Engineering', 'Chief Technology Officer',
];
/** Neither a role nor a person: template text, a stray word, an organisation, no-one yet. */
const NEITHER = ['tmp', '{{owner_name}}', '<OWNER ROLE>', 'Acme Inc', 'Example ML Co.', 'Not Assigned', 'TBD', 'To Be Determined', 'Security', 'Jane', ''];
const ADDRESSES_OF_ROLES = ['security@acme.com', 'it-ops@acme.com', 'privacy@example.org', '@acme/security-team', '@security-team', '@platform'];

describe('owner-is-person', () => {
  it('reads roles as roles, in the forms companies write them', () => {
    for (const owner of [...ROLES, ...NEITHER, ...ADDRESSES_OF_ROLES]) assert.strictEqual(personIn(owner), undefined, owner);
  });

  it('reads a name, an email address or a handle as a person, and keeps a role written with it', () => {
    const people: [string, string, string[]][] = [
      ['Jane Smith', 'Jane Smith', []],
      ['J. Smith', 'J. Smith', []],
      ["Mary-Jane O'Neil", "Mary-Jane O'Neil", []],
      ['Jan van der Berg', 'Jan van der Berg', []],
      ['José García', 'José García', []],
      ['Zoë McDonald Jr.', 'Zoë McDonald Jr.', []],
      ['jane.smith@acme.com', 'jane.smith@acme.com', []],
      ['@jsmith', '@jsmith', []],
      ['Dana Reyes (Head of Platform)', 'Dana Reyes', ['Head of Platform']],
      ['Jane Smith, CISO', 'Jane Smith', ['CISO']],
      ['CISO - Jane Smith', 'Jane Smith', ['CISO']],
      ['Jane Smith <jane@acme.com>', 'Jane Smith', []],
    ];
    for (const [owner, person, roles] of people) assert.deepStrictEqual(personIn(owner), { person, roles }, owner);
  });

  it('gives a hint on the owner value, exactly, and nothing for a role', async () => {
    const text = policy({ owner: 'Jane Smith' });
    const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'owner-is-person', rangeOf(text, 'Jane Smith'));
    assert.strictEqual(d.severity, 'hint');
    assert.strictEqual(d.message, '`owner` names a person (Jane Smith): name the role that owns this policy instead (e.g. Head of Security), so that ownership outlives a change of job.');
    const quoted = control({ owner: '"jane.smith@acme.com"' });
    expectOne(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': quoted }, 'controls/c.md'), 'owner-is-person', rangeOf(quoted, '"jane.smith@acme.com"'));
    assert.deepStrictEqual(withCode(await diagnose({ 'policies/a.md': policy({ owner: 'Head of Security' }) }, 'policies/a.md'), 'owner-is-person'), []);
  });

  it('leaves a list of owners to invalid-value, and can be turned off', async () => {
    const list = policy({ owner: '\n  - Dana Reyes (Head of Platform)' });
    assert.deepStrictEqual(withCode(await diagnose({ 'policies/a.md': list }, 'policies/a.md'), 'owner-is-person'), []);
    const off = { 'attest.yaml': 'rules: { owner-is-person: off }\n', 'policies/a.md': policy({ owner: 'Jane Smith' }) };
    assert.deepStrictEqual(withCode(await diagnose(off, 'policies/a.md'), 'owner-is-person'), []);
  });

  it('says to keep the role written with the name, and offers it first, as the preferred fix', async () => {
    const text = policy({ owner: 'Dana Reyes (Head of Platform)' });
    const files = { 'policies/a.md': text, 'policies/b.md': policy({ id: 'POL-B', owner: 'Head of Security' }) };
    const d = expectOne(await diagnose(files, 'policies/a.md'), 'owner-is-person', rangeOf(text, 'Dana Reyes (Head of Platform)'));
    assert.strictEqual(d.message, '`owner` names a person (Dana Reyes) as well as a role: keep the role alone (Head of Platform), so that ownership outlives a change of job.');
    const { actions } = await fixesFor(files, 'policies/a.md', 'owner-is-person');
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [
      ['Change owner to "Head of Platform" (the role written with the name)', true],
      ['Change owner to "Head of Security" (owner of 1 document)', false],
      ['Suppress owner-is-person in this file', false],
    ]);
    const after = await applyFix(files, 'policies/a.md', 'owner-is-person', /Head of Platform/);
    assert.strictEqual(after['policies/a.md'], policy({ owner: 'Head of Platform' }));
  });

  it('offers the roles the workspace names as owners, most used first, at most five, never a person or template text', async () => {
    const owners = ['IT Lead', 'Head of Security', 'Head of Security', 'Head of Security', 'Compliance Lead', 'Compliance Lead', 'CISO', 'General Counsel', 'VP Engineering', 'Jane Doe', '<OWNER ROLE>', 'tmp'];
    const files: Record<string, string> = { 'policies/person.md': policy({ id: 'POL-PERSON', owner: 'Jane Smith' }) };
    owners.forEach((owner, i) => (files[`policies/p${i}.md`] = policy({ id: `POL-P${i}`, owner })));
    const { actions } = await fixesFor(files, 'policies/person.md', 'owner-is-person');
    assert.deepStrictEqual(actions.map((a) => a.title), [
      'Change owner to "Head of Security" (owner of 3 documents)',
      'Change owner to "Compliance Lead" (owner of 2 documents)',
      'Change owner to "CISO" (owner of 1 document)',
      'Change owner to "General Counsel" (owner of 1 document)',
      'Change owner to "IT Lead" (owner of 1 document)',
      'Suppress owner-is-person in this file',
    ]);
    assert.ok(actions.every((a) => !a.isPreferred), 'which role is the author’s call');
    const after = await applyFix(files, 'policies/person.md', 'owner-is-person', /Compliance Lead/);
    assert.strictEqual(after['policies/person.md'], policy({ id: 'POL-PERSON', owner: 'Compliance Lead' }));
  });

  it('writes a role YAML must quote with quotes, and offers nothing once the value changed', async () => {
    const files = { 'policies/a.md': policy({ owner: 'Jane Smith' }), 'policies/b.md': policy({ id: 'POL-B', owner: '"Security: Platform Team"' }) };
    const after = await applyFix(files, 'policies/a.md', 'owner-is-person', /Security: Platform Team/);
    assert.strictEqual(after['policies/a.md'], policy({ owner: '"Security: Platform Team"' }));
    const { targeted } = await fixesFor(files, 'policies/a.md', 'owner-is-person');
    // The author wrote a role over the name since: the diagnostic the editor hands back is stale.
    const { index } = await workspace({ ...files, 'policies/a.md': policy({ owner: 'Head of HR' }) });
    const doc = index.get('policies/a.md');
    assert.ok(doc);
    assert.deepStrictEqual(replaceOwnerByRole(targeted[0], { text: doc.text, doc, index }), []);
  });
});
