import * as assert from 'assert';
import type { Location } from 'vscode-languageserver-types';
import { definition } from '../../../server/src/features/definition';
import { references, referencesInConfig } from '../../../server/src/features/references';
import { isRefusal, prepareRename, rename } from '../../../server/src/features/rename';
import { control, policy, POLICY_BODY, rangeOf, workspace } from '../../helpers';
import { applyWorkspaceEdit, cursor, uri, workspaceAt } from './cursor';

const CONFIG = 'exceptions:\n  - criterion: CC6.4\n    reason: No data centers of our own.\n';

/**
 * A policy named by a control, a procedure and an addendum, and mentioned in bodies.
 * Written for any id, so that a rename's result can be compared with the text it must give.
 */
function fixture(id: string): Record<string, string> {
  return {
    'attest.yaml': CONFIG,
    'policies/access.md': policy({ id: `"${id}"`, criteria: '[CC6.1, CC6.2, CC6.4]' }, `${POLICY_BODY}\n${id} is implemented by CTL-AC-01.\n`),
    'controls/ac-01.md': control({ policy: id }),
    'procedures/review.md': `---\nid: PRC-REVIEW\ntype: procedure\ntitle: Access review\nowner: IT Lead\npolicy: ${id}\ncriteria: [CC6.2]\n---\n\n# Access review\n\n## Purpose\n\nCarries out ${id} (quarterly).\n\n## Procedure\n\nSteps.\n\n## Evidence\n\nTickets.\n`,
    'addenda/ml.md': `---\nid: ADD-ML\ntype: addendum\ntitle: ML access\nowner: Head of ML\nextends: ${id}\n---\n\n# ML access\n\n## Purpose\n\nExtends ${id}, not POL-ACCESS-OLD nor XPOL-ACCESS; see [the old page](../docs/POL-ACCESS.md).\n`,
    'docs/POL-ACCESS.md': '# An old page\n',
  };
}

const FILES = fixture('POL-ACCESS');

/** FILES with a cursor marker put into `file` at the `occurrence`-th `needle`, `offset` characters in. */
function marked(file: string, needle: string, offset = 1, occurrence = 0): Record<string, string> {
  const text = FILES[file];
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in ${file}`);
  return { ...FILES, [file]: text.slice(0, at + offset) + '|' + text.slice(at + offset) };
}

function loc(file: string, needle: string, occurrence = 0): Location {
  return { uri: uri(file), range: rangeOf(FILES[file], needle, occurrence) };
}

describe('definition', () => {
  it('goes from `policy` to the id value of the policy, without its quotes', async () => {
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'POL-ACCESS', 4), 'controls/ac-01.md');
    assert.deepStrictEqual(definition(index, doc, position), [loc('policies/access.md', 'POL-ACCESS')]);
  });

  it('goes from `extends` and from a document id in the body', async () => {
    const fromExtends = await workspaceAt(marked('addenda/ml.md', 'POL-ACCESS'), 'addenda/ml.md');
    assert.deepStrictEqual(definition(fromExtends.index, fromExtends.doc, fromExtends.position), [loc('policies/access.md', 'POL-ACCESS')]);
    const fromBody = await workspaceAt(marked('policies/access.md', 'CTL-AC-01', 9), 'policies/access.md');
    assert.deepStrictEqual(definition(fromBody.index, fromBody.doc, fromBody.position), [loc('controls/ac-01.md', 'CTL-AC-01')]);
  });

  it('goes from an excepted criterion to its exception in attest.yaml, and nowhere from others', async () => {
    const excepted = await workspaceAt(marked('policies/access.md', 'CC6.4'), 'policies/access.md');
    assert.deepStrictEqual(definition(excepted.index, excepted.doc, excepted.position), [loc('attest.yaml', 'CC6.4')]);
    const plain = await workspaceAt(marked('policies/access.md', 'CC6.1'), 'policies/access.md');
    assert.deepStrictEqual(definition(plain.index, plain.doc, plain.position), []);
  });

  it('offers every document of a duplicated id, and nothing for a missing one', async () => {
    const files = { 'policies/a.md': policy(), 'policies/b.md': policy(), 'controls/ac-01.md': control({ policy: 'POL-|ACCESS' }) };
    const { index, doc, position } = await workspaceAt(files, 'controls/ac-01.md');
    assert.deepStrictEqual(definition(index, doc, position).map((l) => l.uri), [uri('policies/a.md'), uri('policies/b.md')]);
    const missing = await workspaceAt({ 'controls/ac-01.md': control({ policy: 'POL-|NONE' }) }, 'controls/ac-01.md');
    assert.deepStrictEqual(definition(missing.index, missing.doc, missing.position), []);
  });
});

describe('references', () => {
  const POLICY_REFERENCES = [
    loc('addenda/ml.md', 'POL-ACCESS'),
    loc('addenda/ml.md', 'POL-ACCESS', 1),
    loc('controls/ac-01.md', 'POL-ACCESS'),
    loc('policies/access.md', 'POL-ACCESS'),
    loc('policies/access.md', 'POL-ACCESS', 1),
    loc('procedures/review.md', 'POL-ACCESS'),
    loc('procedures/review.md', 'POL-ACCESS', 1),
  ];

  it('of a document id: `id`, `policy`, `extends` and body mentions, never parts of other tokens or link targets', async () => {
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'POL-ACCESS'), 'controls/ac-01.md');
    assert.deepStrictEqual(references(index, doc, position, true), POLICY_REFERENCES);
    const withoutDeclaration = POLICY_REFERENCES.filter((l) => l !== POLICY_REFERENCES[3]);
    assert.deepStrictEqual(references(index, doc, position, false), withoutDeclaration);
  });

  it('are the same from the declaration and from a body mention', async () => {
    const fromId = await workspaceAt(marked('policies/access.md', 'POL-ACCESS'), 'policies/access.md');
    assert.deepStrictEqual(references(fromId.index, fromId.doc, fromId.position, true), POLICY_REFERENCES);
    const fromBody = await workspaceAt(marked('procedures/review.md', 'POL-ACCESS', 3, 1), 'procedures/review.md');
    assert.deepStrictEqual(references(fromBody.index, fromBody.doc, fromBody.position, true), POLICY_REFERENCES);
  });

  it('of a criterion: the `criteria` item of every claiming document, and its exception', async () => {
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'CC6.2'), 'controls/ac-01.md');
    assert.deepStrictEqual(references(index, doc, position, true), [
      loc('controls/ac-01.md', 'CC6.2'),
      loc('policies/access.md', 'CC6.2'),
      loc('procedures/review.md', 'CC6.2'),
    ]);
    const excepted = await workspaceAt(marked('policies/access.md', 'CC6.4'), 'policies/access.md');
    const expected = [loc('policies/access.md', 'CC6.4'), loc('attest.yaml', 'CC6.4')];
    assert.deepStrictEqual(references(excepted.index, excepted.doc, excepted.position, true), expected);
    const inConfig = cursor(CONFIG.replace('CC6.4', 'CC|6.4'));
    assert.deepStrictEqual(referencesInConfig(excepted.index, excepted.index.config.file!.text, inConfig.position), expected);
  });

  it('of an ML topic: every `ml` item naming it', async () => {
    const files = {
      'policies/change.md': policy({ id: 'POL-CHANGE', criteria: '[CC8.1]', ml: '[model-versioning, drift-monitoring]' }),
      'addenda/models.md': '---\nid: ADD-MODELS\ntype: addendum\ntitle: Models\nowner: ML Lead\nextends: POL-CHANGE\nml: [model-ver|sioning]\n---\n',
    };
    const { index, doc, position, files: clean } = await workspaceAt(files, 'addenda/models.md');
    assert.deepStrictEqual(references(index, doc, position, true), [
      { uri: uri('addenda/models.md'), range: rangeOf(clean['addenda/models.md'], 'model-versioning') },
      { uri: uri('policies/change.md'), range: rangeOf(clean['policies/change.md'], 'model-versioning') },
    ]);
  });

  it('stops when the request is cancelled', async () => {
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'POL-ACCESS'), 'controls/ac-01.md');
    assert.deepStrictEqual(references(index, doc, position, true, { isCancellationRequested: true }), []);
  });
});

describe('rename', () => {
  it('prepares on a document id, with its range and the id as placeholder', async () => {
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'POL-ACCESS', 2), 'controls/ac-01.md');
    assert.deepStrictEqual(prepareRename(index, doc, position), { range: rangeOf(FILES['controls/ac-01.md'], 'POL-ACCESS'), placeholder: 'POL-ACCESS' });
  });

  for (const [where, files, file] of [
    ['the id value', marked('policies/access.md', 'POL-ACCESS'), 'policies/access.md'],
    ['a `policy` value', marked('controls/ac-01.md', 'POL-ACCESS', 10), 'controls/ac-01.md'],
    ['an `extends` value', marked('addenda/ml.md', 'POL-ACCESS', 0), 'addenda/ml.md'],
    ['a body mention', marked('addenda/ml.md', 'POL-ACCESS', 5, 1), 'addenda/ml.md'],
  ] as const) {
    it(`renames a document id everywhere, from ${where}, touching nothing but the ids`, async () => {
      const { index, doc, position } = await workspaceAt(files, file);
      const edit = rename(index, doc, position, 'POL-IAM');
      assert.ok(!isRefusal(edit), JSON.stringify(edit));
      assert.deepStrictEqual(Object.values(edit.changes ?? {}).flat().length, 7);
      assert.deepStrictEqual(applyWorkspaceEdit(FILES, edit, index), fixture('POL-IAM'));
    });
  }

  it('leaves the workspace as clean as it was', async () => {
    const before = await workspace(FILES);
    const documents = Object.keys(FILES).filter((f) => before.index.get(f));
    assert.strictEqual(documents.length, 4);
    for (const f of documents) assert.deepStrictEqual(before.index.diagnose(f), [], f);
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'POL-ACCESS'), 'controls/ac-01.md');
    const edit = rename(index, doc, position, 'POL-IAM');
    assert.ok(!isRefusal(edit));
    const after = await workspace(applyWorkspaceEdit(FILES, edit, index));
    for (const f of documents) assert.deepStrictEqual(after.index.diagnose(f), [], f);
    assert.deepStrictEqual(after.index.diagnoseConfig(), before.index.diagnoseConfig());
    assert.deepStrictEqual(after.index.referencesTo('POL-IAM').length, 3);
  });

  it('refuses anything but a document id, with the reason', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [marked('controls/ac-01.md', 'CC6.2'), 'controls/ac-01.md', /CC6\.2 is a Trust Services Criteria id/],
      [marked('controls/ac-01.md', 'Why.'), 'controls/ac-01.md', /Only a document id can be renamed/],
      [marked('controls/ac-01.md', 'frequency'), 'controls/ac-01.md', /Only a document id can be renamed/],
      [{ 'controls/ac-01.md': control({ policy: 'POL-N|ONE' }) }, 'controls/ac-01.md', /No document has the id POL-NONE/],
      [{ 'policies/a.md': policy({ ml: '[model-ver|sioning]' }) }, 'policies/a.md', /ML topic id/],
    ];
    for (const [files, file, message] of cases) {
      const { index, doc, position } = await workspaceAt(files, file);
      const prepared = prepareRename(index, doc, position);
      assert.ok(isRefusal(prepared), JSON.stringify(prepared));
      assert.match(prepared.refusal, message);
      const edit = rename(index, doc, position, 'POL-X');
      assert.ok(isRefusal(edit) && message.test(edit.refusal));
    }
  });

  it('renames only the `id` under the cursor when another document has the same id, ending the duplicate', async () => {
    const files = {
      'policies/access.md': policy({}, `${POLICY_BODY}\nCTL-AC-01 grants access.\n`),
      'controls/ac-01.md': control(),
      'controls/dup.md': control({ id: 'CTL-AC-|01', title: 'Access review' }),
    };
    const { index, doc, position, files: clean } = await workspaceAt(files, 'controls/dup.md');
    assert.deepStrictEqual(index.diagnose('controls/dup.md').map((d) => d.code), ['duplicate-id']);
    assert.deepStrictEqual(prepareRename(index, doc, position), { range: rangeOf(clean['controls/dup.md'], 'CTL-AC-01'), placeholder: 'CTL-AC-01' });
    const edit = rename(index, doc, position, 'CTL-AC-02');
    assert.ok(!isRefusal(edit), JSON.stringify(edit));
    const after = applyWorkspaceEdit(clean, edit, index);
    assert.deepStrictEqual(after, { ...clean, 'controls/dup.md': control({ id: 'CTL-AC-02', title: 'Access review' }) });
    const renamed = await workspace(after);
    for (const f of Object.keys(after)) assert.deepStrictEqual(renamed.index.diagnose(f), [], f);
  });

  it('refuses to rename a duplicated id from a reference or a mention, which could mean either document', async () => {
    const duplicated = { 'policies/a.md': policy(), 'policies/b.md': policy({}, `${POLICY_BODY}\nSee POL-ACCESS.\n`) };
    const cases: [Record<string, string>, string][] = [
      [{ ...duplicated, 'controls/ac-01.md': control({ policy: 'POL-|ACCESS' }) }, 'controls/ac-01.md'],
      [{ ...duplicated, 'policies/b.md': duplicated['policies/b.md'].replace('See POL-', 'See POL-|') }, 'policies/b.md'],
    ];
    for (const [files, file] of cases) {
      const { index, doc, position } = await workspaceAt(files, file);
      const expected = 'POL-ACCESS is the id of 2 documents (policies/a.md, policies/b.md), so which one this names is ambiguous: rename the `id` of the document that should change, then point this reference at the id you mean.';
      const prepared = prepareRename(index, doc, position);
      assert.ok(isRefusal(prepared) && prepared.refusal === expected, JSON.stringify(prepared));
      const edit = rename(index, doc, position, 'POL-IAM');
      assert.ok(isRefusal(edit) && edit.refusal === expected, JSON.stringify(edit));
    }
  });

  it('refuses a new name that is not an id, or that another document has', async () => {
    const { index, doc, position } = await workspaceAt(marked('controls/ac-01.md', 'POL-ACCESS'), 'controls/ac-01.md');
    for (const name of ['pol-iam', 'POL IAM', 'POL-', '']) {
      const edit = rename(index, doc, position, name);
      assert.ok(isRefusal(edit) && /is not a valid document id/.test(edit.refusal), `${name}: ${JSON.stringify(edit)}`);
    }
    const taken = rename(index, doc, position, 'CTL-AC-01');
    assert.ok(isRefusal(taken));
    assert.strictEqual(taken.refusal, 'CTL-AC-01 is already the id of controls/ac-01.md: ids must be unique, choose another.');
    assert.deepStrictEqual(rename(index, doc, position, 'POL-ACCESS'), { changes: {} });
  });
});
