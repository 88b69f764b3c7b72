import * as assert from 'assert';
import { classifyPath } from '../../../server/src/core/document/classify';
import { DEFAULT_FOLDERS } from '../../../server/src/core/types';
import { diagnose, expectOne, policy, rangeOf, workspace } from '../../helpers';

/** Where documents are, as repositories lay them out (SPEC §10). */
describe('document folders as repositories lay them out', () => {
  it('finds the default folders at any depth, and says the type from the folder', () => {
    assert.deepStrictEqual(classifyPath('templates/policies/access.md', DEFAULT_FOLDERS), { inDocumentFolder: true, folderType: 'policy' });
    assert.deepStrictEqual(classifyPath('compliance/controls/ac-1.md', DEFAULT_FOLDERS), { inDocumentFolder: true, folderType: 'control' });
    assert.deepStrictEqual(classifyPath('docs/notes.md', DEFAULT_FOLDERS), { inDocumentFolder: false, folderType: undefined });
    // A name that ends in a type's folder says the type too; README.md is never a document.
    assert.deepStrictEqual(classifyPath('access_control_policies/AC-POL-001.md', ['*_policies']), { inDocumentFolder: true, folderType: 'policy' });
    assert.strictEqual(classifyPath('policies/README.md', DEFAULT_FOLDERS), undefined);
  });

  it('takes globs, and a folder written from the root only there', () => {
    assert.strictEqual(classifyPath('hr_policies/leave.md', ['*_policies'])?.inDocumentFolder, true);
    assert.strictEqual(classifyPath('docs/hr/policies/leave.md', ['docs/{hr,it}/policies'])?.inDocumentFolder, true);
    assert.strictEqual(classifyPath('docs/legal/policies/leave.md', ['docs/{hr,it}/policies'])?.inDocumentFolder, false);
    assert.strictEqual(classifyPath('policies/a.md', ['./policies'])?.inDocumentFolder, true);
    assert.strictEqual(classifyPath('old/policies/a.md', ['./policies'])?.inDocumentFolder, false);
  });

  it('tells a series (`CC1`) that it is one, naming a criterion of it', async () => {
    const text = policy({ criteria: '[CC1, CC6.1]' });
    const { start } = rangeOf(text, '[CC1,');
    const series = { start: { line: start.line, character: start.character + 1 }, end: { line: start.line, character: start.character + 4 } };
    const d = expectOne(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'unknown-criterion', series);
    assert.strictEqual(d.message, '`CC1` is a series (Control Environment), not a criterion: list the criteria of it the document addresses, such as `CC1.1`.');
  });

  it('reads a file without frontmatter in a subfolder of a document folder as an attachment, not a document', async () => {
    const files = {
      'policies/Incident Response/incident-response-policy.md': policy({ id: 'POL-IR' }),
      'policies/Incident Response/communication-templates.md': '# Communication templates\n\nDear customer…\n',
      'policies/notes.md': '# Notes\n',
    };
    const { index } = await workspace(files);
    assert.deepStrictEqual([...index.documents].map((d) => d.relPath).sort(), ['policies/Incident Response/incident-response-policy.md', 'policies/notes.md']);
    expectOne(index.diagnose('policies/notes.md'), 'missing-frontmatter', { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } });
  });
});
