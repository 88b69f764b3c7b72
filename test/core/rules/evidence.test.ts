import * as assert from 'assert';
import { control, diagnose, expectOne, policy, rangeOf } from '../../helpers';

describe('document rules', () => {
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
});
