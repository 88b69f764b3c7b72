import * as assert from 'assert';
import { createLanguageService } from '../../../../server/src/features/languageService';
import { FIX_ALL_KIND } from '../../../../server/src/features/codeActions/fixAll';
import { policy, workspace } from '../../../helpers';
import { applyWorkspaceEdit } from '../cursor';
import type { Files } from './fixtures';

const FILE = 'policies/access.md';

/** The fix-all action of `file`, and the files after applying it (undefined when none is offered). */
async function fixAll(files: Files, file = FILE) {
  const { index } = await workspace(files);
  const doc = index.get(file);
  assert.ok(doc, `${file} is a document`);
  const actions = createLanguageService(index).fixAll(doc);
  assert.ok(actions.length <= 1, 'at most one fix-all action');
  const action = actions[0];
  if (!action) return { action, after: undefined, codes: index.diagnose(file).map((d) => d.code) };
  assert.strictEqual(action.kind, FIX_ALL_KIND);
  assert.ok(action.edit);
  const after = applyWorkspaceEdit(files, action.edit, index);
  const { index: again } = await workspace(after);
  return { action, after: after[file], codes: again.diagnose(file).map((d) => d.code) };
}

describe('fix all (source.fixAll.attest)', () => {
  it('applies every safe fix of a document at once', async () => {
    const text = policy({ status: 'Approved', criteria: '[CC6.10, "CC6.2 - Access Provisioning"]', ownr: 'CISO', owner: '' });
    const { action, after, codes } = await fixAll({ [FILE]: text });
    assert.ok(action);
    assert.deepStrictEqual(action.diagnostics?.map((d) => d.code).sort(), ['criterion-spelling', 'unknown-criterion', 'unknown-field', 'value-spelling']);
    assert.strictEqual(after, text.replace('Approved', 'approved').replace('[CC6.10, "CC6.2 - Access Provisioning"]', '[CC6.1, CC6.2]').replace('ownr:', 'owner:'));
    assert.deepStrictEqual(codes, []);
  });

  it('closes an unclosed frontmatter', async () => {
    const text = policy().replace('\n---\n', '\n');
    const { after, codes } = await fixAll({ [FILE]: text });
    assert.strictEqual(after, policy().replace('CC6.2]\n\n', 'CC6.2]\n---\n\n'));
    assert.deepStrictEqual(codes, []);
  });

  it('leaves a fix that needs a choice (two near ids) and one that is not safe (a missing field)', async () => {
    const text = policy({ criteria: '[CC6.1, CC9.9]', owner: '' });
    const { action, codes } = await fixAll({ [FILE]: text });
    assert.strictEqual(action, undefined);
    assert.deepStrictEqual(codes.sort(), ['missing-field', 'unknown-criterion']);
  });

  it('fixes the safe findings and leaves the others in place', async () => {
    const text = policy({ criteria: '[CC6.1, CC9.9, cc7.2]', status: 'APPROVED' });
    const { after, codes } = await fixAll({ [FILE]: text });
    assert.strictEqual(after, policy({ criteria: '[CC6.1, CC9.9, CC7.2]', status: 'approved' }));
    assert.deepStrictEqual(codes, ['unknown-criterion']);
  });

  it('offers nothing for a clean document', async () => {
    const { action } = await fixAll({ [FILE]: policy() });
    assert.strictEqual(action, undefined);
  });
});
