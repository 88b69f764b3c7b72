import * as assert from 'assert';
import { createLanguageService } from '../../../../server/src/features/languageService';
import { control, policy, rangeOf, workspace } from '../../../helpers';
import { applyFix, fixesFor } from './fixtures';

const HR = policy({ id: 'POL-HR', title: 'Human Resources Policy' });
const IT = policy({ id: 'POL-IT', title: 'IT Policy' });

describe('quick fixes: unresolved-reference', () => {
  it('offers the one nearest policy id as the preferred fix, and the edit resolves the reference', async () => {
    const files = { 'policies/hr.md': HR, 'policies/it.md': IT, 'controls/c.md': control({ policy: 'POL-HRX' }) };
    const { actions } = await fixesFor(files, 'controls/c.md', 'unresolved-reference');
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [
      ['Change `POL-HRX` to `POL-HR`', true],
      ['Create policy POL-HRX (policies/hrx.md)', false],
      ['Suppress unresolved-reference in this file', false],
    ]);
    const after = await applyFix(files, 'controls/c.md', 'unresolved-reference', 'Change `POL-HRX` to `POL-HR`');
    assert.strictEqual(after['controls/c.md'], control({ policy: 'POL-HR' }));
  });

  it('prefers none of two equally near policy ids, and offers neither another type’s nor another prefix’s', async () => {
    const files = {
      'policies/hr.md': HR,
      'policies/hs.md': policy({ id: 'POL-HS', title: 'Health and Safety' }),
      'policies/px.md': policy({ id: 'POX-HX', title: 'Another prefix as near' }),
      'controls/hy.md': control({ id: 'POL-HY', title: 'A control with a near id' }),
      'controls/c.md': control({ policy: 'POL-HX' }),
    };
    const { actions } = await fixesFor(files, 'controls/c.md', 'unresolved-reference');
    const changes = actions.filter((a) => a.title.startsWith('Change'));
    assert.deepStrictEqual(changes.map((a) => a.title), ['Change `POL-HX` to `POL-HR`', 'Change `POL-HX` to `POL-HS`']);
    assert.ok(changes.every((a) => !a.isPreferred));
  });

  it('finds the id written without its prefix, and nothing far off', async () => {
    const files = { 'policies/hr.md': HR, 'policies/it.md': IT, 'controls/c.md': control({ policy: 'HR' }) };
    const near = await fixesFor(files, 'controls/c.md', 'unresolved-reference');
    assert.deepStrictEqual(near.actions.filter((a) => a.title.startsWith('Change')).map((a) => a.title), ['Change `HR` to `POL-HR`']);
    const far = await fixesFor({ ...files, 'controls/c.md': control({ policy: 'POL-PRIVACY' }) }, 'controls/c.md', 'unresolved-reference');
    assert.deepStrictEqual(far.actions.filter((a) => a.title.startsWith('Change')), []);
  });

  it('creates the missing policy from the policy template, the id set and the rest left as placeholders', async () => {
    const files = { 'policies/hr.md': HR, 'controls/c.md': control({ policy: 'POL-HRX' }) };
    const after = await applyFix(files, 'controls/c.md', 'unresolved-reference', 'Create policy POL-HRX (policies/hrx.md)');
    const created = after['policies/hrx.md'];
    assert.match(created, /^---\nid: POL-HRX\ntype: policy\ntitle: <POLICY TITLE>\nowner: <OWNER ROLE>\nstatus: draft\nreview:\n {2}cycle: annual\n---\n\n# <POLICY TITLE>\n\n## Purpose\n/);
    for (const section of ['Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review']) assert.match(created, new RegExp(`^## ${section}$`, 'm'));
    const { index } = await workspace(after);
    assert.deepStrictEqual(index.diagnose('controls/c.md').map((d) => d.code), []);
    assert.deepStrictEqual([...new Set(index.diagnose('policies/hrx.md').map((d) => d.code))], ['unfilled-placeholder']);
  });

  it('creates for an `extends` too, in the folder the policies are in, beside a file of that name', async () => {
    const addendum = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\nextends: POL-ML-GOVERNANCE\n---\n\n## Purpose\n\nx\n';
    const files = { 'docs/policies/hr.md': HR, 'docs/policies/ml-governance.md': '# Notes, not a document\n', 'addenda/ml.md': addendum };
    const { actions } = await fixesFor(files, 'addenda/ml.md', 'unresolved-reference');
    assert.ok(actions.some((a) => a.title === 'Create policy POL-ML-GOVERNANCE (docs/policies/ml-governance-2.md)'), JSON.stringify(actions.map((a) => a.title)));
  });

  it('offers no creation where a document has the id but is not a policy', async () => {
    const add = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\nextends: CTL-AC-01\n---\n## Purpose\n';
    const { actions } = await fixesFor({ 'policies/p.md': policy(), 'controls/c.md': control(), 'addenda/a.md': add }, 'addenda/a.md', 'unresolved-reference');
    assert.deepStrictEqual(actions.map((a) => a.title), ['Suppress unresolved-reference in this file']);
  });

  it('offers nothing for a diagnostic whose range no longer holds the id', async () => {
    const files = { 'policies/hr.md': HR, 'controls/c.md': control({ policy: 'POL-HRX' }) };
    const { targeted } = await fixesFor(files, 'controls/c.md', 'unresolved-reference');
    const { index } = await workspace({ ...files, 'controls/c.md': control({ policy: 'POL-HRY' }) });
    const doc = index.get('controls/c.md');
    assert.ok(doc);
    const actions = createLanguageService(index).codeActions({ text: doc.text, doc }, targeted);
    assert.deepStrictEqual(actions.map((a) => a.title), ['Suppress unresolved-reference in this file']);
  });

  it('says when another workspace folder has the id, which the service asks its front end about', async () => {
    const text = control({ policy: 'POL-HR' });
    const { index } = await workspace({ 'policies/it.md': IT, 'controls/c.md': text });
    const alone = createLanguageService(index).diagnostics('controls/c.md');
    assert.strictEqual(alone[0].message, "No document has the id POL-HR: 'policy' must name an existing policy (check the spelling, or create it).");
    const asked: string[] = [];
    const service = createLanguageService(index, { otherFoldersWithId: (id) => (asked.push(id), id === 'POL-HR' ? ['other'] : []) });
    const [d] = service.diagnostics('controls/c.md');
    assert.strictEqual(d.code, 'unresolved-reference');
    assert.deepStrictEqual(d.range, rangeOf(text, 'POL-HR'));
    assert.strictEqual(d.message, "POL-HR is defined in folder 'other', which is checked separately: 'policy' must name a policy in this folder (copy it here, or open the folders as one).");
    assert.deepStrictEqual(asked, ['POL-HR']);
    const two = createLanguageService(index, { otherFoldersWithId: () => ['a', 'b'] }).diagnostics('controls/c.md');
    assert.match(String(two[0].message), /defined in folders 'a', 'b', which are checked separately/);
  });

  it('keeps the message of an id of the wrong type, which this folder has', async () => {
    const add = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\nextends: CTL-AC-01\n---\n## Purpose\n';
    const { index } = await workspace({ 'policies/p.md': policy(), 'controls/c.md': control(), 'addenda/a.md': add });
    const service = createLanguageService(index, { otherFoldersWithId: () => ['other'] });
    const [d] = service.diagnostics('addenda/a.md').filter((x) => x.code === 'unresolved-reference');
    assert.strictEqual(d.message, "CTL-AC-01 is a control, not a policy: 'extends' must name a policy.");
  });
});
