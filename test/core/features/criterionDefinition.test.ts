import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { createLanguageService } from '../../../server/src/features/languageService';
import { references } from '../../../server/src/features/references';
import { bundledCriterionEntries } from '../../../server/src/lsp/dataEntries';
import { findDataDir } from '../../../server/src/node/bundledData';
import { policy, rangeOf } from '../../helpers';
import { uri, workspaceAt } from './cursor';

const DATA = findDataDir();

/** The location of `  - id: <id>` in a bundled framework file: the id's characters on its line. */
function entryOf(file: string, id: string) {
  const text = readFileSync(join(DATA, 'frameworks', file), 'utf8');
  const entry = rangeOf(text, `- id: ${id}\n`);
  const start = { line: entry.start.line, character: entry.start.character + '- id: '.length };
  return { uri: pathToFileURL(join(DATA, 'frameworks', file)).toString(), range: { start, end: { line: start.line, character: start.character + id.length } } };
}

describe('go to definition of a criterion', () => {
  const service = async (files: Record<string, string>, file: string) => {
    const at = await workspaceAt(files, file);
    return { ...at, service: createLanguageService(at.index, { criterionEntry: bundledCriterionEntries(DATA) }) };
  };

  it('opens its entry in the bundled criteria file, at the id, where its summary is', async () => {
    const { service: s, doc, position } = await service({ 'policies/a.md': policy({ criteria: '[CC6.1, CC6|.2]' }) }, 'policies/a.md');
    const [entry] = s.definition(doc, position);
    assert.deepStrictEqual(entry, entryOf('tsc-2017.yaml', 'CC6.2'));
    const line = readFileSync(join(DATA, 'frameworks', 'tsc-2017.yaml'), 'utf8').split('\n')[entry.range.start.line];
    assert.strictEqual(line, '  - id: CC6.2');
  });

  it('finds the line of that id alone, and goes on to the exception of an excepted criterion', async () => {
    const files = { 'attest.yaml': 'exceptions:\n  - criterion: CC6.4\n    reason: No data centers of our own.\n', 'policies/a.md': policy({ criteria: '[CC6.|4, CC1.1]' }) };
    const { service: s, doc, position } = await service(files, 'policies/a.md');
    assert.deepStrictEqual(s.definition(doc, position), [entryOf('tsc-2017.yaml', 'CC6.4'), { uri: uri('attest.yaml'), range: rangeOf(files['attest.yaml'], 'CC6.4') }]);
    const first = await service({ 'policies/a.md': policy({ criteria: '[CC1.|1]' }) }, 'policies/a.md');
    assert.deepStrictEqual(first.service.definition(first.doc, first.position), [entryOf('tsc-2017.yaml', 'CC1.1')]);
  });

  it('opens the entry of a framework item in its own framework’s file (A.5.2 is in both ISO annexes)', async () => {
    const files = { 'attest.yaml': 'frameworks: [iso42001, iso27001]\n', 'policies/a.md': policy({ satisfies: '{ iso27001: [A.5.|2] }' }) };
    const { service: s, doc, position } = await service(files, 'policies/a.md');
    assert.deepStrictEqual(s.definition(doc, position), [entryOf('iso27001.yaml', 'A.5.2')]);
    const nist = await service({ 'attest.yaml': 'frameworks: [nist-ai-rmf]\n', 'policies/a.md': policy({ satisfies: '{ nist-ai-rmf: [GOVERN 1.|1] }' }) }, 'policies/a.md');
    assert.deepStrictEqual(nist.service.definition(nist.doc, nist.position), [entryOf('nist-ai-rmf.yaml', 'GOVERN 1.1')]);
  });

  it('has no entry without the front end’s data (the CLI), nor for an unknown framework', async () => {
    const { index, doc, position } = await workspaceAt({ 'policies/a.md': policy({ criteria: '[CC6|.2]' }) }, 'policies/a.md');
    assert.deepStrictEqual(createLanguageService(index).definition(doc, position), []);
    assert.strictEqual(bundledCriterionEntries(DATA)('internal', 'X-1'), undefined);
    assert.strictEqual(bundledCriterionEntries(DATA)('../etc', 'X-1'), undefined);
  });
});

describe('find references of a criterion in a flow list', () => {
  it('gives each id of `[CC6.2, CC6.3]` its own range, not the list', async () => {
    const a = policy({ criteria: '[CC6.2, CC6.3]' });
    const b = policy({ id: 'POL-B', criteria: '[CC6.3, CC6.2]' });
    const { index, doc, position } = await workspaceAt({ 'policies/a.md': a.replace('CC6.2', 'CC6|.2'), 'policies/b.md': b }, 'policies/a.md');
    assert.deepStrictEqual(references(index, doc, position, true), [
      { uri: uri('policies/a.md'), range: rangeOf(a, 'CC6.2') },
      { uri: uri('policies/b.md'), range: rangeOf(b, 'CC6.2') },
    ]);
  });
});
