import * as assert from 'assert';
import { codeLenses, REVEAL_COVERAGE_COMMAND } from '../../../server/src/features/codeLens';
import { control, policy, workspace } from '../../helpers';

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

async function lensTitles(files: Record<string, string>, file: string): Promise<string[]> {
  const { index } = await workspace(files);
  return codeLenses(index, index.get(file)!).map((lens) => lens.command?.title ?? '(no command)');
}

const procedure = (fields: string) => `---\nid: PRC-REVIEW\ntype: procedure\ntitle: Review\nowner: IT Lead\npolicy: POL-ACCESS\n${fields}---\n# Review\n`;
const addendum = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: ML Lead\nextends: POL-ACCESS\n---\n# ML\n';

describe('code lenses', () => {
  it('on a policy: in-scope criteria it claims, its controls, procedures and addenda, running the coverage command', async () => {
    const files = {
      'policies/access.md': policy({ criteria: '[CC6.1, CC6.2, CC6.1, PI1.1, CC9.9]' }),
      'controls/ac-01.md': control(),
      'controls/ac-02.md': control({ id: 'CTL-AC-02', status: 'retired' }),
      'controls/other.md': control({ id: 'CTL-OTHER', policy: 'POL-OTHER' }),
      'procedures/review.md': procedure(''),
      'addenda/ml.md': addendum,
    };
    const { index } = await workspace(files);
    assert.deepStrictEqual(codeLenses(index, index.get('policies/access.md')!), [
      { range: TOP, command: { title: 'covers 2 criteria · 1 control · 1 procedure · 1 addendum', command: REVEAL_COVERAGE_COMMAND, arguments: ['POL-ACCESS'] } },
    ]);
    assert.strictEqual(REVEAL_COVERAGE_COMMAND, 'attest.revealCoverage');
  });

  it('on a policy alone, and counting a category attest.yaml puts in scope', async () => {
    assert.deepStrictEqual(await lensTitles({ 'policies/access.md': policy() }, 'policies/access.md'), ['covers 2 criteria · 0 controls · 0 procedures']);
    const files = { 'attest.yaml': 'categories: [processing-integrity]\n', 'policies/access.md': policy({ criteria: '[CC6.1, PI1.1]' }) };
    assert.deepStrictEqual(await lensTitles(files, 'policies/access.md'), ['covers 2 criteria · 0 controls · 0 procedures']);
  });

  it('on a control: criteria it meets, its status and its evidence', async () => {
    const evidence = (collected: string) => `\n  - name: Ticket\n    path: evidence/t.pdf\n    collected: ${collected}`;
    const base = { 'policies/access.md': policy(), 'evidence/t.pdf': '' };
    const cases: [Record<string, string>, string][] = [
      [{ status: 'implemented', evidence: evidence('2026-10-01') }, 'meets 1 criterion · implemented · evidence 2026-10-01'],
      [{ status: 'implemented', evidence: evidence('2026-01-05') }, 'meets 1 criterion · implemented · evidence overdue (last 2026-01-05)'],
      [{ status: 'approved', criteria: '[CC6.2, CC6.3, P1.1]' }, 'meets 2 criteria · approved · no evidence'],
      [{ status: '', evidence: '\n  - name: Ticket\n    path: evidence/t.pdf' }, 'meets 1 criterion · draft · evidence undated'],
      [{ status: 'implemented', evidence: evidence('2030-01-01') }, 'meets 1 criterion · implemented · evidence dated in the future'],
    ];
    for (const [fields, title] of cases) {
      assert.deepStrictEqual(await lensTitles({ ...base, 'controls/ac-01.md': control(fields) }, 'controls/ac-01.md'), [title]);
    }
  });

  it('on a control: agrees with coverage on evidence that is not there', async () => {
    const cases: [string, string, string][] = [
      ['\n  - name: Ticket\n    path: evidence/gone.pdf\n    collected: 2026-10-02', 'evidence not found (evidence/gone.pdf)', 'controlled'],
      ['\n  - name: Ticket\n    collected: 2026-10-02', 'evidence without a path or url', 'controlled'],
      ['\n  - name: Ticket\n    url: https://tickets.example.com/1\n    collected: 2026-10-02', 'evidence 2026-10-02', 'implemented'],
    ];
    for (const [evidence, words, status] of cases) {
      const files = { 'policies/access.md': policy(), 'controls/ac-01.md': control({ status: 'implemented', evidence }) };
      const { index } = await workspace(files);
      assert.deepStrictEqual(codeLenses(index, index.get('controls/ac-01.md')!).map((l) => l.command?.title), [`meets 1 criterion · implemented · ${words}`]);
      assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, status);
    }
  });

  it('nowhere else: procedures, addenda, documents without an id', async () => {
    const files = { 'policies/access.md': policy(), 'procedures/review.md': procedure(''), 'addenda/ml.md': addendum, 'policies/no-id.md': policy({ id: '' }) };
    for (const file of ['procedures/review.md', 'addenda/ml.md', 'policies/no-id.md']) assert.deepStrictEqual(await lensTitles(files, file), [], file);
  });
});
