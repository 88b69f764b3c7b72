import * as assert from 'assert';
import { diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../../helpers';
import { applyFixTitled } from './fix';

/** Criteria as people write them (SPEC §10): read as the ids they name, warned, and fixed. */
describe('criteria as people write them', () => {
  const file = 'policies/a.md';

  it('reads `CC7.3 - Incident Detection` as CC7.3, warns on the entry, and writes the id alone', async () => {
    const text = policy({ criteria: '\n  - CC7.3 - Incident Detection\n  - CC7.4' });
    const d = expectOne(await diagnose({ [file]: text }, file), 'criterion-spelling', rangeOf(text, 'CC7.3 - Incident Detection'));
    assert.strictEqual(d.severity, 'warning');
    assert.strictEqual(d.message, '`CC7.3 - Incident Detection` is read as `CC7.3`: write the id alone, as the criteria map knows it (its title shows on hover).');
    const { index } = await workspace({ [file]: text });
    assert.deepStrictEqual(index.coverage().criteria.find((c) => c.id === 'CC7.3')?.documents, ['POL-ACCESS']);
    const after = await applyFixTitled({ [file]: text }, file, 'criterion-spelling', "Write 'CC7.3 - Incident Detection' as CC7.3");
    assert.strictEqual(after[file], text.replace('CC7.3 - Incident Detection', 'CC7.3'));
  });

  it('reads a `TSC` prefix and several ids in one string', async () => {
    const text = policy({ criteria: '[TSC CC6.1, "CC6.2, CC6.3"]' });
    const d = withCode(await diagnose({ [file]: text }, file), 'criterion-spelling');
    assert.deepStrictEqual(d.map((x) => x.range), [rangeOf(text, 'TSC CC6.1'), rangeOf(text, '"CC6.2, CC6.3"')]);
    assert.strictEqual(d[1].message, '`CC6.2, CC6.3` is read as `CC6.2` and `CC6.3`: list one id per entry.');
    const after = await applyFixTitled({ [file]: text }, file, 'criterion-spelling', `Write '"CC6.2, CC6.3"' as CC6.2, CC6.3`);
    assert.strictEqual(after[file], text.replace('"CC6.2, CC6.3"', 'CC6.2, CC6.3'));
  });

  it('expands a range, in a flow list, a block list and a whole value', async () => {
    const flow = policy({ criteria: '[CC6.1–CC6.4]' });
    const { index } = await workspace({ [file]: flow });
    assert.deepStrictEqual(index.get(file)?.criteria.map((c) => c.value), ['CC6.1', 'CC6.2', 'CC6.3', 'CC6.4']);
    let after = await applyFixTitled({ [file]: flow }, file, 'criterion-spelling', "Write 'CC6.1–CC6.4' as CC6.1, CC6.2, CC6.3, CC6.4");
    assert.strictEqual(after[file], flow.replace('CC6.1–CC6.4', 'CC6.1, CC6.2, CC6.3, CC6.4'));
    const block = policy({ criteria: '\n    - CC6.1-CC6.3' });
    after = await applyFixTitled({ [file]: block }, file, 'criterion-spelling', 'Write CC6.1-CC6.3 as CC6.1, CC6.2, CC6.3');
    assert.strictEqual(after[file], block.replace('- CC6.1-CC6.3', '- CC6.1\n    - CC6.2\n    - CC6.3'));
    const whole = policy({ criteria: '"CC6.1, CC6.2"' });
    after = await applyFixTitled({ [file]: whole }, file, 'criterion-spelling', `Write '"CC6.1, CC6.2"' as CC6.1, CC6.2`);
    assert.strictEqual(after[file], whole.replace('"CC6.1, CC6.2"', '[CC6.1, CC6.2]'));
  });

  it('still flags an id the entry names that does not exist', async () => {
    const text = policy({ criteria: '[CC9.9 - Vendor Risk]' });
    const d = await diagnose({ [file]: text }, file);
    expectOne(d, 'criterion-spelling', rangeOf(text, 'CC9.9 - Vendor Risk'));
    assert.match(expectOne(d, 'unknown-criterion', rangeOf(text, 'CC9.9 - Vendor Risk')).message, /did you mean `CC9.1` or `CC9.2`/);
  });

  it('leaves an entry that is one id, or names none, to the other rules', async () => {
    const text = policy({ criteria: '[CC6.1, cc6.2, Access Control]' });
    const d = await diagnose({ [file]: text }, file);
    assert.deepStrictEqual(withCode(d, 'criterion-spelling'), []);
    assert.deepStrictEqual(withCode(d, 'unknown-criterion').map((x) => x.range), [rangeOf(text, 'cc6.2'), rangeOf(text, 'Access Control', 1)]);
  });
});
