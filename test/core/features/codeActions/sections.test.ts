import * as assert from 'assert';
import { codeActionsFor } from '../../../../server/src/features/codeActions';
import { policy, POLICY_BODY, workspace } from '../../../helpers';
import { applyFix, fixesFor, ML_ON } from './fixtures';

describe('quick fixes', () => {
  describe('missing-section', () => {
    const sections = (names: string[]) => names.map((h) => `## ${h}\n\nText about ${h.toLowerCase()}.\n`).join('\n');
    const all = ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review'];
    const scope =
      '## Scope\n\n' +
      'This policy applies to all employees, contractors and service accounts of <COMPANY NAME> that access <SYSTEMS IN SCOPE>.\n' +
      'It covers production infrastructure, ML training and serving pipelines, datasets and model artifacts in <ENVIRONMENTS>.\n' +
      'Out of scope: <EXCLUDED SYSTEMS>, with the reason recorded here.\n';

    it('inserts the section with its template after the section that precedes it', async () => {
      const body = sections(all.filter((h) => h !== 'Scope'));
      const files = { 'policies/access.md': policy({}, body) };
      const after = await applyFix(files, 'policies/access.md', 'missing-section', 'Add the "Scope" section');
      assert.strictEqual(after['policies/access.md'], policy({}, body.replace('## Roles', `${scope}\n## Roles`)));
    });

    it('inserts a first section before the next one, and a last one at the end', async () => {
      const noPurpose = sections(all.slice(1));
      const first = await applyFix({ 'policies/a.md': policy({}, noPurpose) }, 'policies/a.md', 'missing-section', 'Add the "Purpose" section');
      const purpose =
        '## Purpose\n\nThis policy defines how <COMPANY NAME> protects <PROTECTED ASSETS>, such as customer data, training data and production models.\n' +
        "It supports the SOC 2 criteria listed in this document's frontmatter and applies from <EFFECTIVE DATE>.\n";
      assert.strictEqual(first['policies/a.md'], policy({}, `${purpose}\n${noPurpose}`));

      const noReview = sections(all.slice(0, -1));
      const last = await applyFix({ 'policies/a.md': policy({}, noReview) }, 'policies/a.md', 'missing-section', 'Add the "Review" section');
      const review =
        '## Review\n\n<POLICY OWNER ROLE> reviews this policy at least every <N> months and after any significant change to systems, ML pipelines or regulations.\n' +
        'Each review is recorded with its date, reviewer and approved changes in the revision history or <DOCUMENT SYSTEM>.\n';
      assert.strictEqual(last['policies/a.md'], policy({}, `${noReview}\n${review}`));
    });

    it('keeps non-required sections after the preceding one in place, and the file\'s CRLF line breaks', async () => {
      const body = sections(['Purpose', 'Definitions', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review']);
      const crlf = policy({}, body).replace(/\n/g, '\r\n');
      const after = await applyFix({ 'policies/a.md': crlf }, 'policies/a.md', 'missing-section', 'Add the "Scope" section');
      // Scope follows Purpose's content; "Definitions" is no required section, so it ends Purpose.
      assert.strictEqual(after['policies/a.md'], policy({}, body.replace('## Definitions', `${scope}\n## Definitions`)).replace(/\n/g, '\r\n'));
    });

    it("adds an ML topic's section with the topic's template at the end", async () => {
      const files = { 'attest.yaml': ML_ON, 'policies/a.md': policy({ ml: '[model-versioning]', criteria: '[CC6.2]' }) };
      const after = await applyFix(files, 'policies/a.md', 'missing-section', 'Add the "Model Versioning" section');
      const topic =
        '## Model Versioning\n\n' +
        '- Every trained model is stored in <MODEL REGISTRY> with a unique, immutable version ID.\n' +
        '- Each version records the training code commit, dataset version IDs, hyperparameters, environment image and evaluation metrics.\n' +
        '- Production services reference models by version ID only; references such as "latest" are blocked in <DEPLOYMENT TOOL>.\n' +
        '- Registered model artifacts cannot be overwritten or deleted except by <ML PLATFORM OWNER ROLE>, and every such action is logged.\n' +
        '- <ML PLATFORM OWNER ROLE> checks every <N> months that all production models have complete registry metadata.\n';
      assert.strictEqual(after['policies/a.md'], `${files['policies/a.md']}\n${topic}`);
    });

    it('renames a misspelt heading, preferred over adding the section again', async () => {
      const body = sections(all).replace('## Enforcement', '## Enforcment');
      const files = { 'policies/a.md': policy({}, body) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'missing-section');
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred === true]), [
        ['Rename heading `Enforcment` to `Enforcement`', true],
        ['Add the "Enforcement" section', false],
        ['Suppress missing-section in this file', false],
      ]);
      const after = await applyFix(files, 'policies/a.md', 'missing-section', 'Rename heading `Enforcment` to `Enforcement`');
      assert.strictEqual(after['policies/a.md'], policy({}, sections(all)));

      const numbered = { 'policies/a.md': policy({}, body.replace('## Enforcment', '## 5. Enforcment')) };
      const renamed = await applyFix(numbered, 'policies/a.md', 'missing-section', 'Rename heading `Enforcment` to `Enforcement`');
      assert.strictEqual(renamed['policies/a.md'], policy({}, sections(all).replace('## Enforcement', '## 5. Enforcement')));
    });

    it("renames a misspelt ML topic heading to the topic's title", async () => {
      const files = { 'attest.yaml': ML_ON, 'policies/a.md': policy({ ml: '[drift-monitoring]', criteria: '[CC6.2]' }, `${POLICY_BODY}\n## Drift Monitorng\n\nWatched.\n`) };
      const after = await applyFix(files, 'policies/a.md', 'missing-section', 'Rename heading `Drift Monitorng` to `Drift Monitoring`');
      assert.strictEqual(after['policies/a.md'], policy({ ml: '[drift-monitoring]', criteria: '[CC6.2]' }, `${POLICY_BODY}\n## Drift Monitoring\n\nWatched.\n`));
    });

    it('never adds a section the document has, as a diagnostic from before the edit asks', async () => {
      const files = { 'attest.yaml': ML_ON, 'policies/a.md': policy({ ml: '[model-versioning]', criteria: '[CC6.2]' }) };
      const { targeted } = await fixesFor(files, 'policies/a.md', 'missing-section');
      const { index } = await workspace({ ...files, 'policies/a.md': policy({ ml: '[model-versioning]', criteria: '[CC6.2]' }, `${POLICY_BODY}\n## Model Registry\n\nKept.\n`) });
      const doc = index.get('policies/a.md');
      assert.ok(doc);
      assert.ok(!codeActionsFor({ text: doc.text, doc, index }, targeted).some((a) => a.title.startsWith('Add')));
    });

    it('inserts at the end of a file without a final line break', async () => {
      const body = sections(all.slice(0, -1)).replace(/\n$/, '');
      const after = await applyFix({ 'policies/a.md': policy({}, body) }, 'policies/a.md', 'missing-section', 'Add the "Review" section');
      assert.match(after['policies/a.md'], /Text about exceptions\.\n\n## Review\n\n<POLICY OWNER ROLE> reviews [^]*<DOCUMENT SYSTEM>\.\n$/);
    });
  });
});
