import * as assert from 'assert';
import { diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../helpers';

const ML_ON = 'ml: true\n';

function changePolicy(ml: string, body = ''): string {
  return policy({ id: 'POL-CHANGE', title: 'Change Management Policy', criteria: '[CC8.1]', ml }, `${BASE_SECTIONS}${body}`);
}

const BASE_SECTIONS = ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review'].map((h) => `## ${h}\n\nText.\n`).join('\n');

function addendum(fields: Record<string, string>, sections: string[]): string {
  const yaml = Object.entries({ id: 'ADD-MODEL', type: 'addendum', title: 'Model Governance Addendum', owner: 'Head of ML', extends: 'POL-CHANGE', ...fields })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n## Purpose\n\nWhy.\n\n${sections.map((s) => `## ${s}\n\nHow.\n`).join('\n')}`;
}

describe('ML addenda', () => {
  it('tells a change policy claiming CC8.1 which model topics it lacks, on the claim', async () => {
    const text = changePolicy('[model-versioning]', '\n## Model Versioning\n\nEvery model is pinned.\n');
    const d = withCode(await diagnose({ 'attest.yaml': ML_ON, 'policies/change.md': text }, 'policies/change.md'), 'missing-ml-addendum');
    assert.deepStrictEqual(d.map((x) => x.data?.name), ['model-change-approval', 'model-rollback']);
    for (const x of d) assert.deepStrictEqual(x.range, rangeOf(text, 'CC8.1'));
    assert.match(d[0].message, /Model Change Approval/);
    assert.match(d[0].message, /evaluation gates|approval/i);
    assert.strictEqual(d[0].severity, 'warning');
  });

  it('quotes what the auditor looks for in lower case after the colon, and names the section without an article', async () => {
    const text = changePolicy('[model-versioning, model-rollback]', '\n## Model Versioning\n\nPinned.\n\n## Model Rollback\n\nTested.\n');
    const d = expectOne(await diagnose({ 'attest.yaml': ML_ON, 'policies/change.md': text }, 'policies/change.md'), 'missing-ml-addendum', rangeOf(text, 'CC8.1'));
    assert.strictEqual(
      d.message,
      'CC8.1 is a home criterion of the ML topic "Model Change Approval" (`model-change-approval`), which this policy does not address. ' +
        'An auditor will look for this: a model reaches production only after passing defined evaluation gates and receiving documented approval. ' +
        'Add `model-change-approval` to `ml` and a section titled "Model Change Approval" here, or in an addendum with `extends: POL-CHANGE`.',
    );
    const security = policy({ criteria: '[CC6.6]' });
    const s = expectOne(await diagnose({ 'attest.yaml': ML_ON, 'policies/access.md': security }, 'policies/access.md'), 'missing-ml-addendum', rangeOf(security, 'CC6.6'));
    assert.match(s.message, /Add `inference-security` to `ml` and a section titled "Inference Security" here, or in an addendum/);
  });

  it('adds a full stop to a custom topic\'s auditor text, and keeps an acronym\'s capitals', async () => {
    const config = ['ml: true', 'ml-topics:', '  add:', '    - id: llm-prompt-injection', '      title: Prompt Injection', '      home: [CC7.2]', '      auditor: LLM prompts are screened for injection', '      template: Inputs are screened.'].join('\n');
    const text = policy({ id: 'POL-LOG', criteria: '[CC7.2]' });
    const d = withCode(await diagnose({ 'attest.yaml': config, 'policies/log.md': text }, 'policies/log.md'), 'missing-ml-addendum').find((x) => x.data?.name === 'llm-prompt-injection');
    assert.match(d?.message ?? '', /An auditor will look for this: LLM prompts are screened for injection\. Add `llm-prompt-injection`/);
    const listed = policy({ id: 'POL-LOG', criteria: '[CC7.1]', ml: '[drift-monitoring]' });
    const m = expectOne(await diagnose({ 'attest.yaml': ML_ON, 'policies/log.md': listed }, 'policies/log.md'), 'missing-section', rangeOf(listed, 'drift-monitoring'));
    assert.strictEqual(m.message, '`drift-monitoring` is listed in `ml` but there is no "Drift Monitoring" section: add one saying how it is done (production models are monitored for input drift and performance degradation, with alerts that reach an owner).');
  });

  it('tells a monitoring policy claiming CC7.2 about drift monitoring and inference logging', async () => {
    const text = policy({ id: 'POL-LOG', criteria: '[CC7.2]' });
    const d = withCode(await diagnose({ 'attest.yaml': ML_ON, 'policies/log.md': text }, 'policies/log.md'), 'missing-ml-addendum');
    assert.deepStrictEqual(d.map((x) => x.data?.name), ['drift-monitoring', 'inference-logging']);
  });

  it('accepts a topic addressed by an addendum that extends the policy', async () => {
    const files = {
      'attest.yaml': ML_ON,
      'policies/change.md': changePolicy(''),
      'addenda/model.md': addendum({ ml: '[model-versioning, model-change-approval, model-rollback]', criteria: '[CC8.1]' }, ['Model Versioning', 'Model Change Approval', 'Model Rollback']),
    };
    assert.deepStrictEqual(withCode(await diagnose(files, 'policies/change.md'), 'missing-ml-addendum'), []);
    assert.deepStrictEqual(await diagnose(files, 'addenda/model.md'), []);
  });

  it('does not accept an addendum that lists a topic without a section about it', async () => {
    const add = addendum({ ml: '[model-versioning, model-change-approval, model-rollback]' }, ['Model Versioning', 'Model Change Approval']);
    const files = { 'attest.yaml': ML_ON, 'policies/change.md': changePolicy(''), 'addenda/model.md': add };
    assert.deepStrictEqual(withCode(await diagnose(files, 'policies/change.md'), 'missing-ml-addendum').map((x) => x.data?.name), ['model-rollback']);
    expectOne(await diagnose(files, 'addenda/model.md'), 'missing-section', rangeOf(add, 'model-rollback'));
  });

  it('accepts section synonyms from the catalog', async () => {
    const text = policy({ id: 'POL-LOG', criteria: '[CC7.2]', ml: '[drift-monitoring, inference-logging]' }, `${BASE_SECTIONS}\n## Model Drift Detection\n\nx\n\n## Prediction Logging\n\ny\n`);
    const d = await diagnose({ 'attest.yaml': ML_ON, 'policies/log.md': text }, 'policies/log.md');
    const names = withCode(d, 'missing-section').map((x) => x.data?.name);
    // Whatever synonyms the catalog lists, exact titles always work:
    const exact = policy({ id: 'POL-LOG', criteria: '[CC7.2]', ml: '[drift-monitoring, inference-logging]' }, `${BASE_SECTIONS}\n## Drift Monitoring\n\nx\n\n## Inference Logging\n\ny\n`);
    assert.deepStrictEqual(await diagnose({ 'attest.yaml': ML_ON, 'policies/log.md': exact }, 'policies/log.md'), []);
    assert.ok(names.length <= 2);
  });

  it('applies only when ML addenda are on: ml false, or auto without any ml topic', async () => {
    const text = policy({ id: 'POL-LOG', criteria: '[CC7.2]' });
    assert.deepStrictEqual(withCode(await diagnose({ 'attest.yaml': 'ml: false\n', 'policies/log.md': text }, 'policies/log.md'), 'missing-ml-addendum'), []);
    assert.deepStrictEqual(withCode(await diagnose({ 'policies/log.md': text }, 'policies/log.md'), 'missing-ml-addendum'), []);
    // auto (the default) switches on as soon as one document lists an ML topic.
    const files = { 'policies/log.md': text, 'policies/change.md': changePolicy('[model-versioning]', '\n## Model Versioning\n\nx\n') };
    assert.strictEqual(withCode(await diagnose(files, 'policies/log.md'), 'missing-ml-addendum').length, 2);
  });

  it('switches every policy when the first ML topic appears (auto)', async () => {
    const log = policy({ id: 'POL-LOG', criteria: '[CC7.2]' });
    const { index } = await workspace({ 'policies/log.md': log, 'policies/change.md': changePolicy('') });
    assert.strictEqual(withCode(index.diagnose('policies/log.md'), 'missing-ml-addendum').length, 0);
    const change = await index.update('policies/change.md', changePolicy('[model-versioning]', '\n## Model Versioning\n\nx\n'));
    assert.strictEqual(change.all, true);
    assert.strictEqual(withCode(index.diagnose('policies/log.md'), 'missing-ml-addendum').length, 2);
  });

  it('lets attest.yaml turn topics off and add its own', async () => {
    const config = [
      'ml: true',
      'ml-topics:',
      '  disable: [inference-logging]',
      '  add:',
      '    - id: llm-prompt-injection',
      '      title: Prompt Injection',
      '      home: [CC7.2]',
      '      auditor: Prompts are screened for injection before they reach the model.',
      '      template: Inputs are screened.',
    ].join('\n');
    const text = policy({ id: 'POL-LOG', criteria: '[CC7.2]' });
    const d = withCode(await diagnose({ 'attest.yaml': config, 'policies/log.md': text }, 'policies/log.md'), 'missing-ml-addendum');
    assert.deepStrictEqual(d.map((x) => x.data?.name), ['drift-monitoring', 'llm-prompt-injection']);
  });

  it('reports a topic to turn off that does not exist, with the nearest one', async () => {
    const config = 'ml: true\nml-topics:\n  disable: [drift-monitorin, inference-logging]\n';
    const d = expectOne(await diagnose({ 'attest.yaml': config }, 'attest.yaml'), 'invalid-value', rangeOf(config, 'drift-monitorin'));
    assert.strictEqual(d.message, '`drift-monitorin` is not an ML topic, so there is nothing to turn off: did you mean `drift-monitoring`?');
    assert.strictEqual(d.data?.replacement, 'drift-monitoring');
  });

  it('ignores controls and procedures, which implement rather than govern', async () => {
    const ctl = '---\nid: CTL-1\ntype: control\ntitle: T\nowner: SRE Lead\npolicy: POL-LOG\nfrequency: daily\ncriteria: [CC7.2]\n---\n## Objective\n\nWhy.\n\n## Implementation\n\nHow.\n\n## Evidence\n\nWhat.\n';
    const files = { 'attest.yaml': ML_ON, 'policies/log.md': policy({ id: 'POL-LOG', criteria: '[CC7.1]' }), 'controls/c.md': ctl };
    assert.deepStrictEqual(await diagnose(files, 'controls/c.md'), []);
  });
});
