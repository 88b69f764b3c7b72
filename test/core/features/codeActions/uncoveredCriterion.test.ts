import * as assert from 'assert';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { control, policy, workspace } from '../../../helpers';
import { applyFix } from './fixtures';

describe('quick fixes', () => {
  describe('uncovered-criterion', () => {
    const base = { 'policies/access.md': policy(), 'controls/ac-01.md': control() };
    const cc73 = (d: LspDiagnostic) => (d.data as { criterion?: string } | undefined)?.criterion === 'CC7.3';

    it('creates a control for the criterion, under the policy of its series', async () => {
      const files = { ...base, 'attest.yaml': 'categories: [security]\n' };
      const after = await applyFix(files, 'attest.yaml', 'uncovered-criterion', /^Create a control for CC7\.3/, cc73);
      const path = 'controls/cc7-3-security-events-evaluated-decide-whether.md';
      const { index } = await workspace({});
      const body = index.config.sections.control.map((s) => `## ${s.name}\n\n${s.template}`).join('\n\n');
      assert.strictEqual(
        after[path],
        '---\nid: CTL-CC7-3\ntype: control\ntitle: Security events are evaluated to decide whether they are incidents that need a response\nowner: <OWNER ROLE>\nstatus: draft\npolicy: POL-ACCESS\nfrequency: quarterly\ncriteria: [CC7.3]\n---\n\n' +
          `# Security events are evaluated to decide whether they are incidents that need a response\n\n${body}\n`,
      );
      assert.deepStrictEqual(Object.keys(after).sort(), [...Object.keys(files), path].sort());
    });

    it('titles the control with the whole first sentence of the summary, not a fragment of it', async () => {
      const files = { ...base, 'attest.yaml': 'categories: [security]\n' };
      const cc63 = (d: LspDiagnostic) => (d.data as { criterion?: string } | undefined)?.criterion === 'CC6.3';
      const after = await applyFix(files, 'attest.yaml', 'uncovered-criterion', /^Create a control for CC6\.3/, cc63);
      const created = Object.keys(after).find((f) => !(f in files));
      assert.ok(created);
      assert.match(after[created], /^title: Access is granted, changed and removed by role, following least privilege and separation of duties$/m);
    });

    it('puts the new control in the folder most controls are in', async () => {
      const files = { ...base, 'controls/ac-02.md': control({ id: 'CTL-AC-02' }), 'attest.yaml': 'categories: [security]\nfolders: [policies, controls, a-few]\n', 'a-few/x.md': control({ id: 'CTL-X' }) };
      const after = await applyFix(files, 'attest.yaml', 'uncovered-criterion', /^Create a control for CC7\.3/, cc73);
      assert.deepStrictEqual(Object.keys(after).filter((f) => !(f in files)), ['controls/cc7-3-security-events-evaluated-decide-whether.md']);
    });

    it('declares the criterion not applicable, creating `exceptions`', async () => {
      const files = { ...base, 'attest.yaml': 'categories: [security]\n' };
      const after = await applyFix(files, 'attest.yaml', 'uncovered-criterion', 'Declare CC7.3 not applicable (add it to `exceptions`)', cc73, { untilFilled: true });
      assert.strictEqual(after['attest.yaml'], 'categories: [security]\n\nexceptions:\n  - criterion: CC7.3\n    reason: <WHY THIS CRITERION DOES NOT APPLY>\n');
      // Template text is no reason: the criterion is excepted once the reason is written.
      const written = { ...after, 'attest.yaml': after['attest.yaml'].replace('<WHY THIS CRITERION DOES NOT APPLY>', 'Security events are handled by the parent company.') };
      const { index } = await workspace(written);
      assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC7.3')?.status, 'excepted');
    });

    it('appends to existing exceptions in their style', async () => {
      const block = 'categories: [security]\nexceptions:\n- criterion: CC6.4\n  reason: Cloud only.\nml: auto\n';
      const blockAfter = await applyFix({ ...base, 'attest.yaml': block }, 'attest.yaml', 'uncovered-criterion', /^Declare CC7\.3/, cc73, { untilFilled: true });
      assert.strictEqual(blockAfter['attest.yaml'], block.replace('Cloud only.\n', 'Cloud only.\n- criterion: CC7.3\n  reason: <WHY THIS CRITERION DOES NOT APPLY>\n'));

      const flow = 'categories: [security]\nexceptions: []\n';
      const flowAfter = await applyFix({ ...base, 'attest.yaml': flow }, 'attest.yaml', 'uncovered-criterion', /^Declare CC7\.3/, cc73, { untilFilled: true });
      assert.strictEqual(flowAfter['attest.yaml'], 'categories: [security]\nexceptions: [{ criterion: CC7.3, reason: <WHY THIS CRITERION DOES NOT APPLY> }]\n');

      const empty = 'categories: [security]\r\nexceptions:\r\n';
      const emptyAfter = await applyFix({ ...base, 'attest.yaml': empty }, 'attest.yaml', 'uncovered-criterion', /^Declare CC7\.3/, cc73, { untilFilled: true });
      assert.strictEqual(emptyAfter['attest.yaml'], 'categories: [security]\r\nexceptions:\r\n  - criterion: CC7.3\r\n    reason: <WHY THIS CRITERION DOES NOT APPLY>\r\n');
    });
  });
});
