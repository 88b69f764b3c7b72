import * as assert from 'assert';
import { complyDate, cronFrequency } from '../../../server/src/core/document/comply';
import { codes, diagnose, expectOne, rangeOf, withCode, workspace } from '../../helpers';

const POLICY = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\nmajorRevisions:\n  - date: Jan 5 2026\n    comment: Initial document\n---\n\n# Purpose and Scope\n\nWhy.\n';

/** strongdm/comply repositories, read as comply reads them (SPEC §10). */
describe('comply documents, fully', () => {
  it('reads a header after blank lines and YAML comments', async () => {
    const text = '\n# Owned by the security team\n\n' + POLICY;
    const { index } = await workspace({ 'policies/access.md': text });
    const doc = index.get('policies/access.md');
    assert.strictEqual(doc?.dialect, 'comply');
    assert.deepStrictEqual(doc?.criteria.map((c) => c.value), ['CC6.1']);
    assert.deepStrictEqual(withCode(index.diagnose('policies/access.md'), 'missing-frontmatter'), []);
  });

  it('reports a YAML mistake in the header as yaml-syntax, and does not drop the document', async () => {
    const text = POLICY.replace('acronym: AP', 'acronym: AP: Access');
    const d = await diagnose({ 'policies/access.md': text }, 'policies/access.md');
    assert.ok(!codes(d).includes('missing-frontmatter'), codes(d).join(', '));
    const error = expectOne(d, 'yaml-syntax', rangeOf(text, 'AP: Access'));
    assert.strictEqual(error.severity, 'error');
  });

  it('takes majorRevisions as the review history, so that a stale review is told (information on comply)', async () => {
    const text = POLICY.replace('Jan 5 2026', 'Jun 1 2018');
    const d = expectOne(await diagnose({ 'policies/access.md': text }, 'policies/access.md'), 'stale-review', rangeOf(text, 'Jun 1 2018'));
    assert.strictEqual(d.severity, 'information');
    assert.strictEqual(d.message, 'Last revised 2018-06-01, 3097 days ago: an annual review was due by 2019-06-01. Review the document and add the review to `majorRevisions`.');
    assert.deepStrictEqual(withCode(await diagnose({ 'policies/access.md': POLICY }, 'policies/access.md'), 'stale-review'), []);
  });

  it('reads dates as comply writes them', () => {
    assert.strictEqual(complyDate('Jun 1 2018'), '2018-06-01');
    assert.strictEqual(complyDate('September 30, 2024'), '2024-09-30');
    assert.strictEqual(complyDate('2024-02-29'), '2024-02-29');
    assert.strictEqual(complyDate('Feb 30 2024'), undefined);
    assert.strictEqual(complyDate('soon'), undefined);
  });

  it("reads a procedure's cron as its frequency", async () => {
    assert.deepStrictEqual(['0 0 * * *', '0 9 * * 1', '0 0 1 * *', '0 0 1 1,4,7,10 *', '0 0 1 */3 *', '0 0 1 1 *', 'bad'].map(cronFrequency), ['daily', 'weekly', 'monthly', 'quarterly', 'quarterly', 'annual', undefined]);
    const { index } = await workspace({ 'procedures/offboard.md': 'id: "offboard"\nname: "Offboard User"\ncron: "0 0 1 * *"\n---\n\n# Offboarding\n' });
    assert.strictEqual(index.get('procedures/offboard.md')?.frequency?.value, 'monthly');
  });

  it("takes comply.yml's name as the organisation, unless attest.yaml names one", async () => {
    const files = { 'comply.yml': 'name: Acme ML\nfilePrefix: Acme\n', 'policies/access.md': POLICY };
    assert.strictEqual((await workspace(files)).index.config.organization, 'Acme ML');
    assert.strictEqual((await workspace({ ...files, 'attest.yaml': 'organization: Acme Inc.\n' })).index.config.organization, 'Acme Inc.');
  });
});
