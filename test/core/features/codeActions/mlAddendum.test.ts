import * as assert from 'assert';
import { codeActionsFor } from '../../../../server/src/features/codeActions';
import { policy, POLICY_BODY, workspace } from '../../../helpers';
import { applyFix, fixesFor, ML_ON, titled } from './fixtures';

describe('quick fixes', () => {
  describe('missing-ml-addendum', () => {
    const inferenceSecurity = async (): Promise<string> => {
      const { index } = await workspace({});
      return `## Inference Security\n\n${index.catalog.get('inference-security')?.template}\n`;
    };

    it('adds the topic to a new `ml` list and the topic section', async () => {
      const files = { 'attest.yaml': ML_ON, 'policies/access.md': policy({ criteria: '[CC6.6]' }) };
      const after = await applyFix(files, 'policies/access.md', 'missing-ml-addendum', /^Address "Inference Security" here/);
      const expected = policy({ criteria: '[CC6.6]' }).replace('[CC6.6]\n---', '[CC6.6]\nml: [inference-security]\n---') + `\n${await inferenceSecurity()}`;
      assert.strictEqual(after['policies/access.md'], expected);
    });

    it('extends a flow list and a block list in their own style', async () => {
      const body = `${POLICY_BODY}\n## Drift Monitoring\n\nWatched.\n`;
      const flow = { 'attest.yaml': ML_ON, 'policies/a.md': policy({ criteria: '[CC6.6]', ml: '[drift-monitoring]' }, body) };
      const flowAfter = await applyFix(flow, 'policies/a.md', 'missing-ml-addendum', /^Address/);
      assert.strictEqual(flowAfter['policies/a.md'], policy({ criteria: '[CC6.6]', ml: '[drift-monitoring, inference-security]' }, body) + `\n${await inferenceSecurity()}`);

      const block = { 'attest.yaml': ML_ON, 'policies/a.md': policy({ criteria: '\n  - CC6.6', ml: '\n  - drift-monitoring' }, body) };
      const blockAfter = await applyFix(block, 'policies/a.md', 'missing-ml-addendum', /^Address/);
      assert.strictEqual(blockAfter['policies/a.md'], policy({ criteria: '\n  - CC6.6', ml: '\n  - drift-monitoring\n  - inference-security' }, body) + `\n${await inferenceSecurity()}`);
    });

    it('only lists the topic in `ml` when its section is there already, under its title or a synonym', async () => {
      for (const heading of ['Inference Security', '5. Model Serving Security']) {
        const body = `${POLICY_BODY}\n## ${heading}\n\nEndpoints need a token.\n`;
        const files = { 'attest.yaml': ML_ON, 'policies/access.md': policy({ criteria: '[CC6.6]' }, body) };
        const after = await applyFix(files, 'policies/access.md', 'missing-ml-addendum', 'Address "Inference Security" here: add `inference-security` to `ml` (the section is there)');
        assert.strictEqual(after['policies/access.md'], policy({ criteria: '[CC6.6]', ml: '[inference-security]' }, body));
      }
    });

    it('offers nothing here once the topic is listed and its section written', async () => {
      const files = { 'attest.yaml': ML_ON, 'policies/access.md': policy({ criteria: '[CC6.6]' }) };
      const { targeted } = await fixesFor(files, 'policies/access.md', 'missing-ml-addendum');
      const { index } = await workspace({ ...files, 'policies/access.md': policy({ criteria: '[CC6.6]', ml: '[inference-security]' }, `${POLICY_BODY}\n## Inference Security\n\nDone.\n`) });
      const doc = index.get('policies/access.md');
      assert.ok(doc);
      assert.ok(!codeActionsFor({ text: doc.text, doc, index }, targeted).some((a) => a.title.startsWith('Address')));
    });

    it('puts a new addendum where the addenda are, else next to the policy folder', async () => {
      const nested = { 'attest.yaml': `${ML_ON}folders: [compliance]\n`, 'compliance/policies/access.md': policy({ criteria: '[CC6.6]' }) };
      const first = await fixesFor(nested, 'compliance/policies/access.md', 'missing-ml-addendum');
      assert.match(titled(first.actions, /^Create an addendum/).title, /\(compliance\/addenda\/inference-security\.md\)$/);
      const other = policy({ id: 'POL-OTHER', type: 'addendum', criteria: '[CC6.1]' }).replace('type: addendum\n', 'type: addendum\nextends: POL-ACCESS\n');
      const withAddenda = { ...nested, 'compliance/ml/other.md': other };
      const second = await fixesFor(withAddenda, 'compliance/policies/access.md', 'missing-ml-addendum');
      assert.match(titled(second.actions, /^Create an addendum/).title, /\(compliance\/ml\/inference-security\.md\)$/);
    });

    it('creates an addendum that extends the policy', async () => {
      const files = { 'attest.yaml': ML_ON, 'policies/access.md': policy({ criteria: '[CC6.6]' }) };
      const { actions } = await fixesFor(files, 'policies/access.md', 'missing-ml-addendum');
      assert.strictEqual(titled(actions, /^Create an addendum/).title, 'Create an addendum for "Inference Security" extending POL-ACCESS (addenda/inference-security.md)');
      const after = await applyFix(files, 'policies/access.md', 'missing-ml-addendum', /^Create an addendum/);
      const { index } = await workspace({});
      const purpose = index.config.sections.addendum[0].template;
      assert.strictEqual(
        after['addenda/inference-security.md'],
        '---\nid: ADD-INFERENCE-SECURITY\ntype: addendum\ntitle: Inference Security Addendum\nowner: Head of Security\nstatus: draft\nextends: POL-ACCESS\ncriteria: [CC6.6]\nml: [inference-security]\n---\n\n' +
          `# Inference Security Addendum\n\n## Purpose\n\n${purpose}\n\n${await inferenceSecurity()}`,
      );
      assert.strictEqual(after['policies/access.md'], files['policies/access.md'], 'the policy itself is untouched');
    });
  });
});
