import * as assert from 'assert';
import { namesInHeading } from '../../../server/src/core/data/sections';
import { diagnose, policy, rangeOf, withCode } from '../../helpers';

/** Required sections as people name them (SPEC §10): a heading names a section whatever else it says. */
describe('section headings as people write them', () => {
  const missing = async (body: string, title = 'Access Control Policy'): Promise<unknown[]> =>
    withCode(await diagnose({ 'policies/a.md': policy({ title }, body) }, 'policies/a.md'), 'missing-section').map((d) => d.data?.name);

  it('takes one heading for every section it names: `# Purpose and Scope`', async () => {
    const body = '# Purpose and Scope\n\nWhy and where.\n\n## Roles & Responsibilities\n\nWho.\n\n## 3. Policy Statements\n\nWhat.\n\n## Violations & Enforcement\n\nSanctions.\n\n## Exceptions\n\nHow.\n\n## Review and Revision\n\nYearly.\n';
    assert.deepStrictEqual(await missing(body), []);
  });

  it('reads numbering, punctuation, `&`, plurals and case as nothing', async () => {
    const body = ['1) PURPOSE:', '2. Scope', 'IV. Roles and responsibilities', 'Policy Requirements', 'Enforcement & Sanctions', 'Policy Exceptions', 'Annual Review & Compliance']
      .map((h) => `## ${h}\n\nText.\n`)
      .join('\n');
    assert.deepStrictEqual(await missing(body), []);
  });

  it('does not take the title heading, or a heading that refers to the document, for a section', async () => {
    // The H1 repeats the title `Access Control Policy`; `Purpose of this Policy` is the purpose only.
    const body = '# Access Control Policy\n\n## Purpose of this Policy\n\nWhy.\n\n## Scope\n\nWhere.\n\n## Roles and Responsibilities\n\nWho.\n\n## Enforcement\n\nSanctions.\n\n## Exceptions\n\nHow.\n\n## Review\n\nYearly.\n';
    const text = policy({}, body);
    const d = withCode(await diagnose({ 'policies/a.md': text }, 'policies/a.md'), 'missing-section');
    assert.deepStrictEqual(d.map((x) => [x.data?.name, x.range]), [['Policy', rangeOf(text, 'type: policy'.slice(6))]]);
    assert.strictEqual(d[0].message, 'This policy has no "Policy" section: add a `## Policy` heading.');
  });

  it('names a name inside a longer one only as the longer one: `Policy Review` is the review', () => {
    assert.deepStrictEqual([...namesInHeading('Policy Review', ['Policy', 'Review', 'Policy Review'])].sort(), ['Policy Review']);
    assert.deepStrictEqual([...namesInHeading('## 3. Policy Statements', ['Policy', 'Policy Statement'])].sort(), ['Policy Statement']);
    assert.deepStrictEqual([...namesInHeading('Violations & Enforcement', ['Enforcement', 'Violations'])].sort(), ['Enforcement', 'Violations']);
    assert.deepStrictEqual([...namesInHeading('Scope of this Policy', ['Scope', 'Policy'])], ['Scope']);
  });

  it('still suggests renaming a heading one typo away', async () => {
    const body = '## Purpose and Scope\n\nText.\n\n## Roles\n\nText.\n\n## Policy\n\nText.\n\n## Enforcment\n\nText.\n\n## Exceptions\n\nText.\n\n## Review\n\nText.\n';
    const d = withCode(await diagnose({ 'policies/a.md': policy({}, body) }, 'policies/a.md'), 'missing-section');
    assert.deepStrictEqual(d.map((x) => x.message), ['This policy has no "Enforcement" section: did you mean to call `Enforcment` `Enforcement`? If not, add a `## Enforcement` heading.']);
  });
});
