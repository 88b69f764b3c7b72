import * as assert from 'assert';
import { diagnose, policy, rangeOf, withCode } from '../../helpers';

/** What a real repository's readers can act on, said once (SPEC §10). */
describe('findings said once, where a reader can act', () => {
  it('tells a privacy policy once that its Privacy criteria are out of scope, naming them', async () => {
    const text = policy({ criteria: '\n  - P1.1\n  - P2.1\n  - CC6.1\n  - P3.1\n  - C1.1' });
    const d = withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'out-of-scope-criterion');
    assert.deepStrictEqual(d.map((x) => [x.range, x.message]), [
      [rangeOf(text, 'P1.1'), 'P1.1, P2.1 and P3.1 belong to Privacy, which is not in scope: they do not count towards coverage. Add `privacy` to `categories` in attest.yaml if the audit includes it.'],
      [rangeOf(text, 'C1.1'), 'C1.1 belongs to Confidentiality, which is not in scope: it does not count towards coverage. Add `confidentiality` to `categories` in attest.yaml if the audit includes it.'],
    ]);
  });

  it('asks a narrative for no section (SPEC §2 requires none)', async () => {
    const text = '---\nid: NAR-SYSTEM\ntype: narrative\ntitle: System Description\nowner: CISO\n---\n\n# System Description\n\nThe system.\n';
    assert.deepStrictEqual(withCode(await diagnose({ 'narratives/system.md': text }, 'narratives/system.md'), 'missing-section'), []);
    const missing = withCode(await diagnose({ 'policies/a.md': policy({}, '## Scope\n\nAll.\n') }, 'policies/a.md'), 'missing-section');
    assert.strictEqual(missing.length, 6, 'a policy still needs its sections');
  });
});
