import * as assert from 'assert';
import { control, diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../helpers';

const evidence = (collected: string, path = 'evidence/review.pdf') => `\n  - { name: Access review, path: ${path}, collected: ${collected} }`;

async function statusOf(files: Record<string, string>, id: string): Promise<string | undefined> {
  const { index } = await workspace(files);
  return index.coverage().criteria.find((c) => c.id === id)?.status;
}

describe('coverage', () => {
  const base = { 'policies/access.md': policy({ criteria: '[CC6.1, CC6.2]' }) };

  it('is uncovered when nothing claims a criterion', async () => {
    assert.strictEqual(await statusOf(base, 'CC7.1'), 'uncovered');
  });

  it('is documented when only a policy claims it', async () => {
    assert.strictEqual(await statusOf(base, 'CC6.1'), 'documented');
  });

  it('is controlled when a control claims it', async () => {
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': control() }, 'CC6.2'), 'controlled');
  });

  it('is implemented when an implemented control has current evidence that exists', async () => {
    const files = { ...base, 'controls/c.md': control({ status: 'implemented', evidence: evidence('2026-10-01') }), 'evidence/review.pdf': '%PDF' };
    assert.strictEqual(await statusOf(files, 'CC6.2'), 'implemented');
  });

  it('is only controlled when the evidence is missing, overdue or the control not implemented', async () => {
    const implemented = (ev: string) => control({ status: 'implemented', evidence: ev });
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': implemented(evidence('2026-10-01')) }, 'CC6.2'), 'controlled');
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': implemented(evidence('2026-05-01')), 'evidence/review.pdf': '' }, 'CC6.2'), 'controlled');
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': control({ status: 'approved', evidence: evidence('2026-10-01') }), 'evidence/review.pdf': '' }, 'CC6.2'), 'controlled');
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': control({ status: 'implemented' }) }, 'CC6.2'), 'controlled');
  });

  it('does not count evidence dated in the future: the control stays controlled', async () => {
    const files = { ...base, 'controls/c.md': control({ status: 'implemented', evidence: evidence('2030-01-01') }), 'evidence/review.pdf': '%PDF' };
    assert.strictEqual(await statusOf(files, 'CC6.2'), 'controlled');
    // One day of slack for time zones: evidence dated tomorrow (today is 2026-11-23) counts.
    const tomorrow = { ...files, 'controls/c.md': control({ status: 'implemented', evidence: evidence('2026-11-24') }) };
    assert.strictEqual(await statusOf(tomorrow, 'CC6.2'), 'implemented');
    // Current evidence next to a future-dated entry still counts.
    const both = { ...files, 'controls/c.md': control({ status: 'implemented', evidence: evidence('2030-01-01') + evidence('2026-10-01') }) };
    assert.strictEqual(await statusOf(both, 'CC6.2'), 'implemented');
  });

  it('counts evidence by url as existing', async () => {
    const ev = '\n  - { name: Ticket export, url: https://tickets.example.com/q3, collected: 2026-10-01 }';
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': control({ status: 'implemented', evidence: ev }) }, 'CC6.2'), 'implemented');
  });

  it('is excepted, with its reason, when attest.yaml declares it not applicable', async () => {
    const config = 'exceptions:\n  - criterion: CC6.4\n    reason: Data centres are run by our cloud provider (carved out).\n';
    const { index } = await workspace({ ...base, 'attest.yaml': config });
    const c = index.coverage().criteria.find((x) => x.id === 'CC6.4');
    assert.strictEqual(c?.status, 'excepted');
    assert.strictEqual(c?.reason, 'Data centres are run by our cloud provider (carved out).');
  });

  it('lists only in-scope categories and counts controlled, implemented and excepted as covered', async () => {
    const config = 'categories: [availability]\nexceptions:\n  - criterion: A1.3\n    reason: No recovery site; restore tests are covered by A1.2.\n';
    const files = { ...base, 'attest.yaml': config, 'controls/c.md': control(), 'controls/d.md': control({ id: 'CTL-2', criteria: '[A1.2]' }) };
    const { index } = await workspace(files);
    const cov = index.coverage();
    assert.deepStrictEqual([...new Set(cov.criteria.map((c) => c.category))], ['Security', 'Availability']);
    assert.strictEqual(cov.summary.inScope, 36);
    assert.strictEqual(cov.summary.covered, 3);
    assert.strictEqual(cov.summary.percent, 8.3);
    assert.deepStrictEqual(cov.criteria.find((c) => c.id === 'CC6.2')?.documents, ['CTL-AC-01', 'POL-ACCESS']);
  });

  it('ignores retired documents', async () => {
    assert.strictEqual(await statusOf({ ...base, 'controls/c.md': control({ status: 'retired' }) }, 'CC6.2'), 'documented');
  });

  it('covers ML topics when the addenda apply', async () => {
    const files = {
      'attest.yaml': 'ml: true\n',
      ...base,
      'controls/c.md': control({ ml: '[training-data-access]' }),
      'policies/log.md': policy({ id: 'POL-LOG', criteria: '[CC7.2]', ml: '[drift-monitoring]' }),
    };
    const { index } = await workspace(files);
    const ml = new Map(index.coverage().ml.map((t) => [t.topic, t]));
    assert.strictEqual(ml.size, 16);
    assert.strictEqual(ml.get('training-data-access')?.status, 'controlled');
    assert.strictEqual(ml.get('drift-monitoring')?.status, 'documented');
    assert.strictEqual(ml.get('model-cards')?.status, 'uncovered');
    const off = await workspace({ 'attest.yaml': 'ml: false\n', ...base });
    assert.deepStrictEqual(off.index.coverage().ml, []);
  });

  it('follows changes: a new control makes a criterion controlled, deleting it undoes that', async () => {
    const { index } = await workspace(base);
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, 'documented');
    await index.update('controls/c.md', control());
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, 'controlled');
    await index.update('controls/c.md', undefined);
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, 'documented');
  });
});

describe('evidence-overdue', () => {
  it("warns when a control's newest evidence is older than its frequency allows, on that date", async () => {
    const text = control({ frequency: 'monthly', evidence: evidence('2026-08-01') + evidence('2026-09-15', 'evidence/b.pdf') });
    const files = { 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/review.pdf': '', 'evidence/b.pdf': '' };
    const d = expectOne(await diagnose(files, 'controls/c.md'), 'evidence-overdue', rangeOf(text, '2026-09-15'));
    assert.match(d.message, /69 days ago/);
    assert.match(d.message, /at most 35 days/);
  });

  it('names an annual control with its article', async () => {
    const text = control({ frequency: 'annual', evidence: evidence('2025-01-10') });
    const d = expectOne(await diagnose({ 'policies/p.md': policy(), 'controls/c.md': text, 'evidence/review.pdf': '' }, 'controls/c.md'), 'evidence-overdue', rangeOf(text, '2025-01-10'));
    assert.strictEqual(d.message, 'The newest evidence was collected 2025-01-10, 682 days ago; an annual control needs evidence at most 380 days old. Collect current evidence and add it, or the control counts as controlled, not implemented.');
  });

  it('is silent for current evidence, and gives on-event controls an audit period', async () => {
    const files = { 'policies/p.md': policy(), 'evidence/review.pdf': '' };
    assert.deepStrictEqual(withCode(await diagnose({ ...files, 'controls/c.md': control({ frequency: 'quarterly', evidence: evidence('2026-10-01') }) }, 'controls/c.md'), 'evidence-overdue'), []);
    assert.deepStrictEqual(withCode(await diagnose({ ...files, 'controls/c.md': control({ frequency: 'on-event', evidence: evidence('2026-01-01') }) }, 'controls/c.md'), 'evidence-overdue'), []);
    const old = control({ frequency: 'on-event', evidence: evidence('2020-01-01') });
    const d = expectOne(await diagnose({ ...files, 'controls/c.md': old }, 'controls/c.md'), 'evidence-overdue', rangeOf(old, '2020-01-01'));
    assert.match(d.message, /older than an audit period is not current \(more than 380 days\)/);
  });

  it('keeps an implemented control with year-old evidence and no frequency at controlled', async () => {
    const files = { 'policies/p.md': policy(), 'evidence/review.pdf': '', 'controls/c.md': control({ frequency: '', status: 'implemented', evidence: evidence('2015-01-01') }) };
    const { index } = await workspace(files);
    assert.strictEqual(index.coverage().criteria.find((c) => c.id === 'CC6.2')?.status, 'controlled');
  });
});

describe('uncovered-criterion', () => {
  it('is reported on attest.yaml, on the categories entry that brings the criterion into scope', async () => {
    const config = 'organization: Example\ncategories: [availability]\nml: false\n';
    const controls = Object.fromEntries(
      ['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3', 'CC3.4', 'CC4.1', 'CC4.2', 'CC5.1', 'CC5.2', 'CC5.3',
        'CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5', 'CC6.6', 'CC6.7', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1', 'CC9.2', 'A1.1', 'A1.2']
        .map((id, i) => [`controls/c${i}.md`, control({ id: `CTL-${i}`, criteria: `[${id}]` })]),
    );
    const d = withCode(await diagnose({ 'attest.yaml': config, 'policies/p.md': policy(), ...controls }, 'attest.yaml'), 'uncovered-criterion');
    assert.strictEqual(d.length, 1);
    assert.deepStrictEqual(d[0].range, rangeOf(config, 'availability'));
    assert.strictEqual(d[0].severity, 'information');
    assert.match(d[0].message, /^A1\.3 \(Availability\) is in scope but no document covers it: [a-z]/);
  });

  it('ends a custom criterion\'s summary with a full stop before the advice that follows', async () => {
    const framework = ['id: internal', 'title: Internal', 'categories: [{ key: internal, name: Internal }]', 'series: [{ id: INT, name: Internal }]', 'criteria:', '  - { id: INT-1, category: internal, series: INT, summary: Laptops are encrypted }'].join('\n');
    const config = 'categories: [internal]\nframeworks: [frameworks/internal.yaml]\n';
    const d = withCode(await diagnose({ 'attest.yaml': config, 'frameworks/internal.yaml': framework }, 'attest.yaml'), 'uncovered-criterion').find((x) => x.data?.criterion === 'INT-1');
    assert.deepStrictEqual(d?.range, rangeOf(config, 'internal'));
    assert.strictEqual(d?.message, 'INT-1 (Internal) is in scope but no document covers it: laptops are encrypted. Write a control that claims it, or declare it not applicable under `exceptions` with a reason.');
  });

  it('reports Security gaps on the `categories` key, or the first line without one, once, naming them', async () => {
    const config = 'organization: Example\n';
    const d = withCode(await diagnose({ 'attest.yaml': config }, 'attest.yaml'), 'uncovered-criterion');
    assert.strictEqual(d.length, 1);
    assert.deepStrictEqual(d[0].range, rangeOf(config, 'organization: Example'));
    assert.match(d[0].message, /^33 Security criteria are in scope but no document covers them: CC1\.1, CC1\.2, .* and CC9\.2\. Write controls/);
    const keyed = 'categories: [availability]\n';
    const onKey = withCode(await diagnose({ 'attest.yaml': keyed }, 'attest.yaml'), 'uncovered-criterion');
    assert.deepStrictEqual(onKey.map((x) => x.range), [rangeOf(keyed, 'categories'), rangeOf(keyed, 'availability'), rangeOf(keyed, 'availability'), rangeOf(keyed, 'availability')]);
  });

  it('is not reported for an excepted criterion', async () => {
    const config = 'exceptions:\n  - criterion: CC6.4\n    reason: Carved out to the cloud provider.\n';
    const d = withCode(await diagnose({ 'attest.yaml': config }, 'attest.yaml'), 'uncovered-criterion');
    assert.strictEqual(d.length, 1);
    assert.match(d[0].message, /^32 Security criteria/);
    assert.ok(!d[0].message.includes('CC6.4'), d[0].message);
  });
});

describe('attest.yaml', () => {
  it('reports its problems on the offending entries and still uses the rest', async () => {
    const config = [
      'organisation: Example',
      'categories: [availability, privcy]',
      'rules:',
      '  stale-reviews: off',
      '  unknown-field: loud',
      'exceptions:',
      '  - criterion: CC9.9',
      '    reason: nope',
      '  - criterion: CC6.4',
    ].join('\n');
    const { index } = await workspace({ 'attest.yaml': config });
    const d = index.diagnoseConfig().filter((x) => x.code !== 'uncovered-criterion');
    assert.deepStrictEqual(d.map((x) => [x.code, x.range]), [
      ['unknown-field', rangeOf(config, 'organisation')],
      ['invalid-value', rangeOf(config, 'privcy')],
      ['invalid-value', rangeOf(config, 'stale-reviews')],
      ['invalid-value', rangeOf(config, 'loud')],
      ['unknown-criterion', rangeOf(config, 'CC9.9')],
      ['missing-field', rangeOf(config, 'criterion: CC6.4')],
    ]);
    assert.match(d[0].message, /did you mean `organization`/);
    assert.match(d[1].message, /did you mean `privacy`/);
    assert.match(d[2].message, /did you mean `stale-review`/);
    assert.ok(index.config.categories.has('availability'));
  });

  it('never suggests renaming a setting or a rule code into one that is already there', async () => {
    const config = 'categories: [availability]\ncategries: [privacy]\nrules:\n  stale-review: off\n  stale-reveiw: error\n';
    const { index } = await workspace({ 'attest.yaml': config });
    const d = index.diagnoseConfig().filter((x) => x.code !== 'uncovered-criterion');
    assert.deepStrictEqual(d.map((x) => [x.code, x.range, x.data?.replacement]), [
      ['unknown-field', rangeOf(config, 'categries'), undefined],
      ['invalid-value', rangeOf(config, 'stale-reveiw'), undefined],
    ]);
    assert.doesNotMatch(d[0].message, /did you mean/);
    assert.doesNotMatch(d[1].message, /did you mean/);
    const alone = await workspace({ 'attest.yaml': 'categries: [privacy]\nrules:\n  stale-reveiw: error\n' });
    assert.deepStrictEqual(alone.index.diagnoseConfig().filter((x) => x.code !== 'uncovered-criterion').map((x) => x.data?.replacement), ['categories', 'stale-review']);
  });

  it('asks for a folder path in each entry of `folders`', async () => {
    const config = 'folders: [policies, { path: controls }]\n';
    const d = expectOne(await diagnose({ 'attest.yaml': config }, 'attest.yaml'), 'invalid-value', rangeOf(config, '{ path: controls }'));
    assert.strictEqual(d.message, 'Each entry of `folders` must be a folder path.');
  });

  it('keeps where each framework file is listed, for reporting one that cannot be loaded on its entry', async () => {
    const config = 'categories: [security]\nframeworks:\n  - frameworks/internal.yaml\n  - frameworks/missing.yaml\n';
    const { index } = await workspace({ 'attest.yaml': config });
    assert.deepStrictEqual([...index.config.frameworkRanges], [
      ['frameworks/internal.yaml', rangeOf(config, 'frameworks/internal.yaml')],
      ['frameworks/missing.yaml', rangeOf(config, 'frameworks/missing.yaml')],
    ]);
  });

  it('survives YAML that does not parse', async () => {
    const config = 'organization: Example\ncategories: [availability\n';
    const { index } = await workspace({ 'attest.yaml': config, 'policies/a.md': policy() });
    expectOne(index.diagnoseConfig(), 'yaml-syntax', rangeOf(config, '[availability'));
    assert.deepStrictEqual(index.diagnose('policies/a.md'), []);
  });

  it('names a setting given twice, on the second one', async () => {
    const config = 'categories: [availability]\nml: true\ncategories: [privacy]\n';
    const d = expectOne(await diagnose({ 'attest.yaml': config }, 'attest.yaml'), 'yaml-syntax', rangeOf(config, 'categories', 1));
    assert.strictEqual(d.message, '`categories` appears twice in attest.yaml; keep one.');
  });
});
