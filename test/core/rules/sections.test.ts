import * as assert from 'assert';
import { diagnose, expectOne, policy, POLICY_BODY, rangeOf, withCode } from '../../helpers';
import { POLICY_WITHOUT } from './policyBody';

describe('document rules', () => {
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
});
