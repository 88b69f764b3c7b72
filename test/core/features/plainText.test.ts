import * as assert from 'assert';
import { createLanguageService } from '../../../server/src/features/languageService';
import { plainText } from '../../../server/src/features/plainText';
import { control, policy, workspace } from '../../helpers';

describe('messages and fix titles as the Problems panel and the quick-fix menu show them', () => {
  it('writes ids bare and other code in single quotes, and keeps a link target', () => {
    assert.strictEqual(plainText('`CC9.9` is not a Trust Services Criterion: did you mean `CC9.1` or `CC9.2`?'), 'CC9.9 is not a Trust Services Criterion: did you mean CC9.1 or CC9.2?');
    assert.strictEqual(plainText('Rename `ownr` to `owner`'), "Rename 'ownr' to 'owner'");
    assert.strictEqual(plainText('write `review: { cycle: annual, last: YYYY-MM-DD }`'), "write 'review: { cycle: annual, last: YYYY-MM-DD }'");
    assert.strictEqual(plainText('`POL-HR`, `A.5.2` and `GOVERN 1.1`'), "POL-HR, A.5.2 and 'GOVERN 1.1'");
    assert.strictEqual(plainText('a ``code with ` a backtick`` here'), "a 'code with ` a backtick' here");
    assert.strictEqual(plainText('see [the guide](https://example.com/g) or **this**'), 'see the guide (https://example.com/g) or this');
    assert.strictEqual(plainText('nothing to change: 3 < 4, a_b, *x*'), 'nothing to change: 3 < 4, a_b, *x*');
    assert.strictEqual(plainText('an unclosed ` stays'), 'an unclosed ` stays');
  });

  it('gives the diagnostics of a document plain, with the exact text through the language service', async () => {
    const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC9.9]', ownr: 'CISO' }), 'controls/ac.md': control({ policy: 'POL-ACCES' }) };
    const { index } = await workspace(files);
    const service = createLanguageService(index);
    const messages = (file: string) => service.diagnostics(file).map((d) => [d.code, d.message]);
    assert.deepStrictEqual(messages('policies/access.md'), [
      ['unknown-criterion', 'CC9.9 is not a Trust Services Criterion: did you mean CC9.1 or CC9.2?'],
      ['unknown-field', "Unknown field 'ownr': a policy takes 'id', 'type', 'title', 'owner', 'status', 'version', 'effective', 'review', 'criteria', 'satisfies', 'ml', 'approval'."],
    ]);
    assert.deepStrictEqual(messages('controls/ac.md'), [['unresolved-reference', "No document has the id POL-ACCES: 'policy' must name an existing policy (check the spelling, or create it)."]]);
    // The core keeps its Markdown, for hovers, reports and the CLI.
    assert.match(index.diagnose('controls/ac.md')[0].message, /^No document has the id `POL-ACCES`/);
  });

  it('gives related information plain too', async () => {
    const { index } = await workspace({ 'policies/a.md': policy(), 'policies/b.md': policy({ title: 'Another' }) });
    const [duplicate] = createLanguageService(index).diagnostics('policies/a.md').filter((d) => d.code === 'duplicate-id');
    assert.ok(duplicate.relatedInformation?.length, 'the other document is named');
    for (const text of [duplicate.message, ...duplicate.relatedInformation.map((r) => r.message)]) assert.ok(!String(text).includes('`'), String(text));
  });

  it('titles quick fixes plain, with the exact text', async () => {
    const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC9.9]', ownr: 'Head of Security', owner: '' }) };
    const { index } = await workspace(files);
    const doc = index.get('policies/access.md');
    assert.ok(doc);
    const service = createLanguageService(index);
    const titles = service.codeActions({ text: doc.text, doc }, service.diagnostics('policies/access.md')).map((a) => a.title);
    assert.deepStrictEqual(titles, [
      "Add 'owner: <OWNER ROLE>'",
      'Change CC9.9 to CC9.1',
      'Change CC9.9 to CC9.2',
      "Rename 'ownr' to 'owner'",
      'Suppress missing-field in this file',
      'Suppress unknown-criterion in this file',
      'Suppress unknown-field in this file',
    ]);
  });
});
