import * as assert from 'assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { codeLenses } from '../../../server/src/features/codeLens';
import { hover } from '../../../server/src/features/hover';
import { control, policy, workspace } from '../../helpers';
import { workspaceAt } from './cursor';

const TYPE_2 = 'rules: { uncovered-criterion: off }\naudit: { type: 2, period: { start: 2026-01-01, end: 2026-12-31 } }\n';
const AS_OF = { today: () => '2026-11-01' };
const EVIDENCE = '\n  - { name: Q1 review, path: evidence/q1.csv, collected: 2026-01-14 }\n  - { name: Q2 review, path: evidence/q2.csv, collected: 2026-04-01 }';

function files(config: string, id = 'CTL-AC-01'): Record<string, string> {
  return { 'attest.yaml': config, 'policies/p.md': policy(), 'controls/c.md': control({ id, status: 'implemented', evidence: EVIDENCE }), 'evidence/q1.csv': 'x', 'evidence/q2.csv': 'x' };
}

describe('evidence windows in the editor', () => {
  it('shows a control’s windows in its code lens under a Type II audit', async () => {
    const { index } = await workspace(files(TYPE_2), AS_OF);
    assert.deepStrictEqual(codeLenses(index, index.get('controls/c.md')!).map((l) => l.command?.title), ['meets 1 criterion · implemented · Q1 ✓ Q2 ✓ Q3 ✗ Q4 upcoming']);
  });

  it('keeps the newest date in the lens without one', async () => {
    const { index } = await workspace(files('rules: { uncovered-criterion: off }\n'), AS_OF);
    assert.deepStrictEqual(codeLenses(index, index.get('controls/c.md')!).map((l) => l.command?.title), ['meets 1 criterion · implemented · evidence overdue (last 2026-04-01)']);
  });

  it('shows the windows in the hover of the control’s id', async () => {
    const ws = files(TYPE_2, 'CTL-AC|-01');
    const { index, doc, position } = await workspaceAt(ws, 'controls/c.md', AS_OF);
    const value = (hover(index, doc, position)?.contents as MarkupContent).value;
    assert.match(value, /Evidence by window: Q1 ✓ Q2 ✓ Q3 ✗ Q4 upcoming/);
  });
});
