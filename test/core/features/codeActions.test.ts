import * as assert from 'assert';
import type { CodeAction, Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import { codeActionsFor, type FixTarget } from '../../../server/src/features/codeActions';
import { toLspDiagnostic } from '../../../server/src/features/lspDiagnostic';
import { control, policy, POLICY_BODY, workspace } from '../../helpers';
import { applyWorkspaceEdit } from './cursor';

type Files = Record<string, string>;

/** The diagnostics of a file as the editor holds them (LSP form, with code and data). */
async function diagnosticsOf(files: Files, file: string): Promise<LspDiagnostic[]> {
  const { index } = await workspace(files);
  return (file === 'attest.yaml' ? index.diagnoseConfig() : index.diagnose(file)).map(toLspDiagnostic);
}

/** The quick fixes offered for the diagnostics of `code` (those matching `which`) in `file`. */
async function fixesFor(files: Files, file: string, code: string, which: (d: LspDiagnostic) => boolean = () => true) {
  const { index } = await workspace(files);
  const all = (file === 'attest.yaml' ? index.diagnoseConfig() : index.diagnose(file)).map(toLspDiagnostic);
  const targeted = all.filter((d) => d.code === code && which(d));
  assert.ok(targeted.length > 0, `no ${code} in ${file}: ${JSON.stringify(all.map((d) => [d.code, d.message]), null, 1)}`);
  const doc = index.get(file);
  const text = file === 'attest.yaml' ? index.config.file?.text : doc?.text;
  assert.ok(text, `${file} is not in the workspace`);
  const target: FixTarget = { text, doc, index };
  return { index, all, targeted, actions: codeActionsFor(target, targeted) };
}

function titled(actions: readonly CodeAction[], title: string | RegExp): CodeAction {
  const found = actions.filter((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.strictEqual(found.length, 1, `one action titled ${String(title)} among ${JSON.stringify(actions.map((a) => a.title))}`);
  return found[0];
}

const key = (d: LspDiagnostic) => `${String(d.code)}: ${d.message}`;

/**
 * Applies the action, then re-diagnoses `file` (and any file the action created): the
 * targeted diagnostics are gone, nothing new appeared, and created files check clean.
 */
async function applyFix(files: Files, file: string, code: string, title: string | RegExp, which?: (d: LspDiagnostic) => boolean): Promise<Files> {
  const { index, all, targeted, actions } = await fixesFor(files, file, code, which);
  const action = titled(actions, title);
  assert.strictEqual(action.kind, 'quickfix');
  assert.deepStrictEqual(action.diagnostics?.map(key), targeted.filter((d) => action.diagnostics?.some((x) => key(x) === key(d))).map(key));
  assert.ok(action.edit, 'the action carries an edit');
  const after = applyWorkspaceEdit(files, action.edit, index);
  const now = await diagnosticsOf(after, file);
  for (const d of action.diagnostics ?? []) assert.ok(!now.some((n) => key(n) === key(d)), `still reported: ${key(d)}`);
  const before = new Set(all.map(key));
  const added = now.filter((d) => !before.has(key(d)));
  assert.deepStrictEqual(added.map(key), [], 'no new diagnostic');
  for (const created of Object.keys(after).filter((f) => !(f in files))) {
    assert.deepStrictEqual((await diagnosticsOf(after, created)).map(key), [], `${created} checks clean`);
  }
  return after;
}

const ML_ON = 'ml: true\n';

describe('quick fixes', () => {
  describe('replace by suggestion', () => {
    it('offers CC9.1 and CC9.2 for CC9.9, one action each', async () => {
      const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC9.9]' }) };
      const { actions } = await fixesFor(files, 'policies/access.md', 'unknown-criterion');
      const replacements = actions.filter((a) => a.title.startsWith('Change'));
      assert.deepStrictEqual(replacements.map((a) => a.title), ['Change `CC9.9` to `CC9.1`', 'Change `CC9.9` to `CC9.2`']);
      assert.ok(replacements.every((a) => !a.isPreferred), 'two equal suggestions: none is preferred');
      for (const id of ['CC9.1', 'CC9.2']) {
        const after = await applyFix(files, 'policies/access.md', 'unknown-criterion', `Change \`CC9.9\` to \`${id}\``);
        assert.strictEqual(after['policies/access.md'], policy({ criteria: `[CC6.1, ${id}]` }));
      }
    });

    it('offers nothing for a diagnostic from before an edit, or whose range lies outside the document', async () => {
      const files = { 'policies/access.md': policy({ criteria: '[CC6.2, CC9.9]' }) };
      const { targeted } = await fixesFor(files, 'policies/access.md', 'unknown-criterion');
      const [stale] = targeted;
      // The author typed `CC1.1, ` earlier on the line: the old range now holds `CC6.2`, a valid criterion.
      const edited = { 'policies/access.md': policy({ criteria: '[CC1.1, CC6.2, CC9.9]' }) };
      const { index } = await workspace(edited);
      const doc = index.get('policies/access.md');
      assert.ok(doc);
      assert.strictEqual(doc.text.getText(stale.range), 'CC6.2');
      const target: FixTarget = { text: doc.text, doc, index };
      const changes = (diagnostic: LspDiagnostic) => codeActionsFor(target, [diagnostic]).filter((a) => a.title.startsWith('Change'));
      assert.deepStrictEqual(changes(stale), []);
      const outside = { ...stale, range: { start: { line: 40, character: 2 }, end: { line: 40, character: 7 } } };
      assert.deepStrictEqual(changes(outside), []);
      const pastLineEnd = { ...stale, range: { start: { line: stale.range.start.line, character: 60 }, end: { line: stale.range.start.line, character: 65 } } };
      assert.deepStrictEqual(changes(pastLineEnd), []);
      // The same diagnostic, made afresh, is fixed where it now is.
      const fresh = await fixesFor(edited, 'policies/access.md', 'unknown-criterion');
      assert.deepStrictEqual(fresh.actions.filter((a) => a.title.startsWith('Change')).map((a) => a.title), ['Change `CC9.9` to `CC9.1`', 'Change `CC9.9` to `CC9.2`']);
    });

    it('renames a misspelt field', async () => {
      const files = { 'policies/access.md': policy({ owner: '', ownr: 'Head of Security' }) };
      const { actions } = await fixesFor(files, 'policies/access.md', 'unknown-field');
      assert.strictEqual(titled(actions, 'Rename `ownr` to `owner`').isPreferred, true);
      const after = await applyFix(files, 'policies/access.md', 'unknown-field', 'Rename `ownr` to `owner`');
      assert.strictEqual(after['policies/access.md'], policy({ owner: '', ownr: '' }).replace('criteria: [CC6.1, CC6.2]', 'criteria: [CC6.1, CC6.2]\nowner: Head of Security'));
    });

    it('offers no rename into a key the map already has, which would make a duplicate key', async () => {
      const field = await fixesFor({ 'policies/access.md': policy({ ownr: 'CISO' }) }, 'policies/access.md', 'unknown-field');
      assert.deepStrictEqual(field.actions.map((a) => a.title), ['Suppress unknown-field in this file']);
      const review = await fixesFor({ 'policies/access.md': policy({ review: '{ cycle: annual, last: 2026-06-01, cylce: monthly }' }) }, 'policies/access.md', 'invalid-value');
      assert.deepStrictEqual(review.actions.map((a) => a.title), ['Suppress invalid-value in this file']);
      const config = await fixesFor({ 'attest.yaml': 'categories: [security]\ncategries: [privacy]\n', 'policies/access.md': policy() }, 'attest.yaml', 'unknown-field');
      assert.deepStrictEqual(config.actions, []);
    });

    it('fixes an enum value and an ML topic id', async () => {
      const files = { 'policies/access.md': policy({ status: 'aproved' }) };
      const after = await applyFix(files, 'policies/access.md', 'invalid-value', 'Change `aproved` to `approved`');
      assert.strictEqual(after['policies/access.md'], policy());

      const body = `${POLICY_BODY}\n## Drift Monitoring\n\nWe watch for drift.\n`;
      const ml = { 'policies/access.md': policy({ ml: '[drift-monitorin]' }, body) };
      const fixed = await applyFix(ml, 'policies/access.md', 'invalid-value', 'Change `drift-monitorin` to `drift-monitoring`');
      assert.strictEqual(fixed['policies/access.md'], policy({ ml: '[drift-monitoring]' }, body));
    });

    it('renames a misspelt key of `review`', async () => {
      const files = { 'policies/access.md': policy({ review: '{ cylce: annual, last: 2026-06-01 }' }) };
      const after = await applyFix(files, 'policies/access.md', 'invalid-value', 'Change `cylce` to `cycle`');
      assert.strictEqual(after['policies/access.md'], policy());
    });

    it('fixes a misspelt rule code in attest.yaml', async () => {
      const files = { 'attest.yaml': 'rules:\n  stale-reveiw: off\n', 'policies/access.md': policy() };
      const after = await applyFix(files, 'attest.yaml', 'invalid-value', 'Change `stale-reveiw` to `stale-review`');
      assert.strictEqual(after['attest.yaml'], 'rules:\n  stale-review: off\n');
    });
  });

  describe('missing-field', () => {
    it('adds owner with a placeholder role before the closing delimiter', async () => {
      const files = { 'policies/access.md': policy({ owner: '' }) };
      const after = await applyFix(files, 'policies/access.md', 'missing-field', 'Add `owner: <OWNER ROLE>`');
      assert.strictEqual(after['policies/access.md'], policy({ owner: '' }).replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\nowner: <OWNER ROLE>\n---'));
    });

    it('takes the type from the folder, the title from the heading, the id from the file name', async () => {
      const text = policy({ type: '', title: '', id: '' }).replace('# \n', '# Access Control Policy\n');
      const files = { 'policies/access-control.md': text };
      let after = await applyFix(files, 'policies/access-control.md', 'missing-field', 'Add `type: policy`');
      assert.strictEqual(after['policies/access-control.md'], text.replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\ntype: policy\n---'));
      after = await applyFix(files, 'policies/access-control.md', 'missing-field', 'Add `title: Access Control Policy`');
      assert.strictEqual(after['policies/access-control.md'], text.replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\ntitle: Access Control Policy\n---'));
      after = await applyFix(files, 'policies/access-control.md', 'missing-field', 'Add `id: POL-ACCESS-CONTROL`');
      assert.strictEqual(after['policies/access-control.md'], text.replace('[CC6.1, CC6.2]\n---', '[CC6.1, CC6.2]\nid: POL-ACCESS-CONTROL\n---'));
    });

    it('offers every type where no folder says which, replacing an unusable value', async () => {
      const text = '---\nid: NAR-SYSTEM\ntitle: System Description\nowner: CISO\n---\n\n## Purpose\n\nWhy.\n';
      const untyped = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/system.md': text };
      const offered = (await fixesFor(untyped, 'compliance/system.md', 'missing-field')).actions.filter((a) => a.title.startsWith('Add'));
      assert.deepStrictEqual(offered.map((a) => a.title), ['policy', 'control', 'procedure', 'narrative', 'addendum'].map((t) => `Add \`type: ${t}\``));
      const after = await applyFix(untyped, 'compliance/system.md', 'missing-field', 'Add `type: narrative`');
      assert.strictEqual(after['compliance/system.md'], text.replace('owner: CISO\n', 'owner: CISO\ntype: narrative\n'));

      const wrong = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/system.md': text.replace('id:', 'type: nothing\nid:') };
      const replaced = await applyFix(wrong, 'compliance/system.md', 'missing-field', 'Add `type: narrative`');
      assert.strictEqual(replaced['compliance/system.md'], text.replace('id:', 'type: narrative\nid:'));

      const empty = { 'attest.yaml': 'folders: [compliance]\n', 'compliance/system.md': text.replace('id:', 'type:\nid:') };
      const filled = await applyFix(empty, 'compliance/system.md', 'missing-field', 'Add `type: narrative`');
      assert.strictEqual(filled['compliance/system.md'], text.replace('id:', 'type: narrative\nid:'));
    });

    it('offers nothing once the field is written, as a diagnostic from before the edit asks', async () => {
      const files = { 'policies/access.md': policy({ owner: '' }) };
      const { targeted } = await fixesFor(files, 'policies/access.md', 'missing-field');
      const { index } = await workspace({ 'policies/access.md': policy() });
      const doc = index.get('policies/access.md');
      assert.ok(doc);
      assert.deepStrictEqual(codeActionsFor({ text: doc.text, doc, index }, targeted).map((a) => a.title), ['Suppress missing-field in this file']);
    });

    it("points a control's `policy` at the policy that claims its criteria", async () => {
      const files = {
        'policies/access.md': policy(),
        'policies/hr.md': policy({ id: 'POL-HR', title: 'HR', criteria: '[CC1.4]' }),
        'controls/ac-01.md': control({ policy: '', criteria: '[CC6.2]' }),
      };
      const after = await applyFix(files, 'controls/ac-01.md', 'missing-field', 'Add `policy: POL-ACCESS`');
      assert.strictEqual(after['controls/ac-01.md'], control({ policy: '', criteria: '[CC6.2]' }).replace('[CC6.2]\n---', '[CC6.2]\npolicy: POL-ACCESS\n---'));
    });

    it("adds an addendum's `extends`", async () => {
      const addendum = '---\nid: ADD-ML\ntype: addendum\ntitle: ML\nowner: Head of ML\n---\n\n## Purpose\n\nWhy.\n';
      const files = { 'policies/access.md': policy(), 'addenda/ml.md': addendum };
      const after = await applyFix(files, 'addenda/ml.md', 'missing-field', 'Add `extends: POL-ACCESS`');
      assert.strictEqual(after['addenda/ml.md'], addendum.replace('Head of ML\n', 'Head of ML\nextends: POL-ACCESS\n'));
    });
  });

  describe('empty or unknown enum value', () => {
    it('fills an empty `type` with the valid types, the folder\'s preferred', async () => {
      const text = policy().replace('type: policy', 'type:');
      const files = { 'policies/access.md': text };
      const { actions } = await fixesFor(files, 'policies/access.md', 'invalid-value');
      assert.deepStrictEqual(
        actions.map((a) => [a.title, a.isPreferred === true]),
        [...['policy', 'control', 'procedure', 'narrative', 'addendum'].map((t) => [`Set \`type: ${t}\``, t === 'policy']), ['Suppress invalid-value in this file', false]],
      );
      const after = await applyFix(files, 'policies/access.md', 'invalid-value', 'Set `type: policy`');
      assert.strictEqual(after['policies/access.md'], policy());
    });

    it('fills an empty `status`, `draft` preferred, and replaces a value nothing valid is near', async () => {
      const empty = { 'policies/access.md': policy().replace('status: approved', 'status:') };
      const { actions } = await fixesFor(empty, 'policies/access.md', 'invalid-value');
      assert.strictEqual(titled(actions, 'Set `status: draft`').isPreferred, true);
      const after = await applyFix(empty, 'policies/access.md', 'invalid-value', 'Set `status: approved`');
      assert.strictEqual(after['policies/access.md'], policy());

      const unknown = { 'controls/ac-01.md': control({ frequency: 'fortnightly' }), 'policies/access.md': policy() };
      const fixed = await applyFix(unknown, 'controls/ac-01.md', 'invalid-value', 'Set `frequency: weekly`');
      assert.strictEqual(fixed['controls/ac-01.md'], control({ frequency: 'weekly' }));
    });
  });

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
      const after = await applyFix(files, 'attest.yaml', 'uncovered-criterion', 'Declare CC7.3 not applicable (add it to `exceptions`)', cc73);
      assert.strictEqual(after['attest.yaml'], 'categories: [security]\n\nexceptions:\n  - criterion: CC7.3\n    reason: <why this criterion does not apply>\n');
    });

    it('appends to existing exceptions in their style', async () => {
      const block = 'categories: [security]\nexceptions:\n- criterion: CC6.4\n  reason: Cloud only.\nml: auto\n';
      const blockAfter = await applyFix({ ...base, 'attest.yaml': block }, 'attest.yaml', 'uncovered-criterion', /^Declare CC7\.3/, cc73);
      assert.strictEqual(blockAfter['attest.yaml'], block.replace('Cloud only.\n', 'Cloud only.\n- criterion: CC7.3\n  reason: <why this criterion does not apply>\n'));

      const flow = 'categories: [security]\nexceptions: []\n';
      const flowAfter = await applyFix({ ...base, 'attest.yaml': flow }, 'attest.yaml', 'uncovered-criterion', /^Declare CC7\.3/, cc73);
      assert.strictEqual(flowAfter['attest.yaml'], 'categories: [security]\nexceptions: [{ criterion: CC7.3, reason: <why this criterion does not apply> }]\n');

      const empty = 'categories: [security]\r\nexceptions:\r\n';
      const emptyAfter = await applyFix({ ...base, 'attest.yaml': empty }, 'attest.yaml', 'uncovered-criterion', /^Declare CC7\.3/, cc73);
      assert.strictEqual(emptyAfter['attest.yaml'], 'categories: [security]\r\nexceptions:\r\n  - criterion: CC7.3\r\n    reason: <why this criterion does not apply>\r\n');
    });
  });

  describe('suppression', () => {
    it('suppresses a code in the file with a comment after the frontmatter', async () => {
      const body = POLICY_BODY.replace('## Scope\n\nText about scope.\n\n', '');
      const files = { 'policies/a.md': policy({}, body) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'missing-section');
      assert.ok(actions.some((a) => a.title === 'Suppress missing-section in this file'));
      const after = await applyFix(files, 'policies/a.md', 'missing-section', 'Suppress missing-section in this file');
      assert.strictEqual(after['policies/a.md'], policy({}, body).replace('---\n\n#', '---\n<!-- attest-ignore missing-section: <why this does not apply here> -->\n\n#'));
    });

    it('changes an unknown code in an attest-ignore comment to the nearest rule code', async () => {
      const body = POLICY_BODY.replace('## Scope\n\nText about scope.\n\n', '') + '\n<!-- attest-ignore missing-sectoin: scope is set by the ISMS -->\n';
      const files = { 'policies/a.md': policy({}, body) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'invalid-suppression');
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change `missing-sectoin` to `missing-section`', true]]);
      const after = await applyFix(files, 'policies/a.md', 'invalid-suppression', 'Change `missing-sectoin` to `missing-section`');
      assert.strictEqual(after['policies/a.md'], policy({}, body.replace('missing-sectoin', 'missing-section')));
      assert.deepStrictEqual(await diagnosticsOf(after, 'policies/a.md'), [], 'the corrected comment suppresses the missing section');
    });

    it('offers no suppression on attest.yaml, where comments do not apply', async () => {
      const { actions } = await fixesFor({ 'attest.yaml': 'categories: [security]\n', ...{ 'policies/a.md': policy() } }, 'attest.yaml', 'uncovered-criterion');
      assert.ok(!actions.some((a) => a.title.startsWith('Suppress')));
    });
  });

  describe('unclosed frontmatter', () => {
    const unclosed = (text: string) => text.replace('\n---\n', '\n');

    it('adds the closing `---` after the last field, and offers no suppression above the frontmatter', async () => {
      const files = { 'policies/a.md': unclosed(policy()) };
      const { actions } = await fixesFor(files, 'policies/a.md', 'yaml-syntax');
      assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Close the frontmatter: add `---` after line 8', true]]);
      const after = await applyFix(files, 'policies/a.md', 'yaml-syntax', /^Close the frontmatter/);
      assert.strictEqual(after['policies/a.md'], policy());
    });

    it('closes before a heading that follows the fields at once, past blank lines inside the YAML, keeping CRLF', async () => {
      const tight = { 'policies/a.md': unclosed(policy()).replace('CC6.2]\n\n#', 'CC6.2]\n#') };
      const closed = await applyFix(tight, 'policies/a.md', 'yaml-syntax', 'Close the frontmatter: add `---` after line 8');
      assert.strictEqual(closed['policies/a.md'], policy().replace('---\n\n#', '---\n#'));

      const spaced = policy({ criteria: '\n  - CC6.1\n\n  - CC6.2' });
      const crlf = { 'policies/a.md': unclosed(spaced).replace(/\n/g, '\r\n') };
      const after = await applyFix(crlf, 'policies/a.md', 'yaml-syntax', 'Close the frontmatter: add `---` after line 11');
      assert.strictEqual(after['policies/a.md'], spaced.replace(/\n/g, '\r\n'));
    });

    it('leaves prose that reads like a key (`Scope: …`) in the body', async () => {
      for (const prose of ['Scope: all production systems and staff.\n', '\nNote: this policy replaces v1.\n']) {
        const text = unclosed(policy()).replace('CC6.2]\n\n#', `CC6.2]\n${prose}\n#`);
        const after = await applyFix({ 'policies/a.md': text }, 'policies/a.md', 'yaml-syntax', 'Close the frontmatter: add `---` after line 8');
        assert.strictEqual(after['policies/a.md'], text.replace('CC6.2]\n', 'CC6.2]\n---\n'), JSON.stringify(prose));
      }
    });

    it('offers nothing where the end of the YAML is not plain', async () => {
      for (const text of ['---\nSome notes first.\n\n# Title\n', '---\nid: POL-A\n  - stray: [\n\n# Title\n', '---\n\n# Title\n']) {
        const { actions } = await fixesFor({ 'policies/a.md': text }, 'policies/a.md', 'yaml-syntax');
        assert.deepStrictEqual(actions, [], JSON.stringify(text));
      }
    });
  });

  describe('comply documents', () => {
    it('converts the frontmatter to Attest format, keeping the body and comply-only keys', async () => {
      const yaml = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n    - CC6.2\nmajorRevisions:\n  - date: Jun 1 2018\n    comment: Initial document\n---\n';
      const body = `\n# Access Policy\n\n${POLICY_BODY}`;
      const files = { 'policies/access.md': yaml + body };
      const after = await applyFix(files, 'policies/access.md', 'missing-field', 'Convert to Attest format');
      assert.strictEqual(
        after['policies/access.md'],
        '---\nid: AP\ntype: policy\ntitle: Access Policy\nowner: <OWNER ROLE>\ncriteria: [CC6.1, CC6.2]\n# Kept from the comply frontmatter:\n# majorRevisions:\n#   - date: Jun 1 2018\n#     comment: Initial document\n---\n' + body,
      );
    });

    it('prefers one fix per diagnostic: its own over converting the document', async () => {
      const files = { 'policies/access.md': 'name: Access Policy\nacronym: AP\n---\n\n# Access Policy\n' };
      const { actions } = await fixesFor(files, 'policies/access.md', 'missing-field');
      const preferred = actions.filter((a) => a.isPreferred).map((a) => a.title);
      assert.ok(actions.some((a) => a.title === 'Convert to Attest format'), 'the conversion is still offered');
      assert.ok(!preferred.includes('Convert to Attest format'), JSON.stringify(preferred));
      assert.ok(preferred.length > 0, JSON.stringify(actions.map((a) => a.title)));
    });
  });
});
