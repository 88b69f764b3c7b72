import * as assert from 'assert';
import { codes, control, diagnose, expectOne, policy, rangeOf, withCode, workspace } from '../helpers';

const ALL_THREE = 'frameworks: [iso42001, nist-ai-rmf, iso27001]\n';

/** A policy whose frontmatter claims `satisfies` as written (a flow map or block lines). */
function claiming(satisfies: string, fields: Record<string, string> = {}): string {
  return policy({ ...fields, satisfies });
}

describe('frameworks in attest.yaml', () => {
  it('turns bundled frameworks on by name, in the order listed, and keeps framework files as paths', async () => {
    const framework = 'id: internal\ntitle: Internal\ncategories: [{ key: internal, name: Internal, alwaysInScope: true }]\nseries: [{ id: IN, name: In }]\ncriteria: [{ id: IN-1, category: internal, series: IN, summary: One. }]\n';
    const { index } = await workspace({ 'attest.yaml': 'frameworks: [nist-ai-rmf, frameworks/internal.yaml, iso42001]\n', 'frameworks/internal.yaml': framework });
    assert.deepStrictEqual(index.config.enabledFrameworks, ['nist-ai-rmf', 'iso42001']);
    assert.deepStrictEqual(index.config.frameworks, ['frameworks/internal.yaml']);
    assert.deepStrictEqual(index.frameworks.enabled.map((f) => f.id), ['nist-ai-rmf', 'iso42001']);
    assert.ok(index.criteria.get('IN-1'), 'the workspace framework is in the criteria map, as before');
    assert.strictEqual(index.criteria.get('A.7.5'), undefined, 'a bundled framework stays out of the TSC map');
    assert.deepStrictEqual(index.configProblems, []);
  });

  it('suggests the nearest bundled name for an unknown one, with the replacement', async () => {
    const config = 'frameworks: [iso-42001, ISO 27001, nist, TSC]\n';
    const { index } = await workspace({ 'attest.yaml': config });
    const found = index.configProblems.map((f) => [f.code, f.message, f.data?.replacement, f.range]);
    assert.deepStrictEqual(found, [
      ['invalid-value', '`iso-42001` is not a framework Attest knows: did you mean `iso42001`? Name a bundled one (`iso42001`, `nist-ai-rmf`, `iso27001`) or give the path of a framework file.', 'iso42001', rangeOf(config, 'iso-42001')],
      ['invalid-value', '`ISO 27001` is not a framework Attest knows: did you mean `iso27001`? Name a bundled one (`iso42001`, `nist-ai-rmf`, `iso27001`) or give the path of a framework file.', 'iso27001', rangeOf(config, 'ISO 27001')],
      ['invalid-value', '`nist` is not a framework Attest knows. Name a bundled one (`iso42001`, `nist-ai-rmf`, `iso27001`) or give the path of a framework file.', undefined, rangeOf(config, 'nist')],
    ]);
    assert.deepStrictEqual(index.config.enabledFrameworks, []);
  });

  it('reads exceptions of a framework beside those of the TSC', async () => {
    const config = [
      'frameworks: [iso42001]',
      'exceptions:',
      '  - criterion: CC6.4',
      '    reason: Cloud only.',
      '  - framework: iso42001',
      '    id: A.10.4',
      '    reason: We sell no AI to customers.',
      '  - { framework: iso42001, id: A.6.2.9, reason: Typo. }',
      '  - { framework: iso-27001, id: A.5.1, reason: Wrong name. }',
      '  - { framework: iso27001, id: A.7.1, reason: Not on yet. }',
      '  - { framework: iso42001, id: A.8.2 }',
      '',
    ].join('\n');
    const { index } = await workspace({ 'attest.yaml': config });
    assert.deepStrictEqual([...index.config.exceptions.keys()], ['CC6.4']);
    assert.deepStrictEqual(index.config.frameworkExceptions.get('iso42001')?.get('A.10.4')?.reason, 'We sell no AI to customers.');
    assert.deepStrictEqual(index.config.frameworkExceptions.get('iso42001')?.get('A.10.4')?.idRange, rangeOf(config, 'A.10.4'));
    assert.ok(index.config.frameworkExceptions.get('iso27001')?.has('A.7.1'), 'kept for the SoA of a framework not turned on');
    assert.deepStrictEqual(
      index.configProblems.map((f) => [f.code, f.range.start.line, f.data?.replacement]),
      [
        ['unknown-criterion', 7, 'A.6.2.8'],
        ['invalid-value', 8, 'iso27001'],
        ['out-of-scope-criterion', 9, undefined],
        ['missing-field', 10, undefined],
      ],
    );
    assert.strictEqual(index.configProblems[0].message, '`A.6.2.9` is not an Annex A control of ISO/IEC 42001: did you mean `A.6.2.8`, `A.6.2.7` or `A.6.2.6`?');
    assert.match(index.configProblems[2].message, /ISO\/IEC 27001 is not turned on/);
    const coverage = index.coverage().frameworks?.[0];
    assert.strictEqual(coverage?.items.find((i) => i.id === 'A.10.4')?.status, 'excepted');
    assert.strictEqual(coverage?.items.find((i) => i.id === 'A.10.4')?.reason, 'We sell no AI to customers.');
  });
});

describe('satisfies in documents', () => {
  it('reads each framework key with its items, at their ranges, in both forms', async () => {
    const text = claiming('\n  iso42001: [A.6.2.5, "A.7.5"]\n  nist-ai-rmf:\n    - MANAGE 2.4\n  TSC: [CC7.2]');
    const { index } = await workspace({ 'attest.yaml': ALL_THREE, 'policies/a.md': text });
    const doc = index.get('policies/a.md');
    assert.deepStrictEqual(
      doc?.satisfies.map((c) => [c.framework.value, c.framework.range, c.items.map((i) => i.value)]),
      [
        ['iso42001', rangeOf(text, 'iso42001'), ['A.6.2.5', 'A.7.5']],
        ['nist-ai-rmf', rangeOf(text, 'nist-ai-rmf'), ['MANAGE 2.4']],
      ],
    );
    assert.deepStrictEqual(doc?.satisfies[1].items[0].range, rangeOf(text, 'MANAGE 2.4'));
    assert.deepStrictEqual(doc?.criteria.map((c) => c.value), ['CC6.1', 'CC6.2', 'CC7.2'], '`criteria` and the TSC key together');
  });

  it('reads SOC 2, SOC2, TSC 2017 and TSC as the Trust Services Criteria', async () => {
    const text = claiming('{ SOC 2: [CC1.1], SOC2: [CC1.2], TSC 2017: [CC1.3], TSC: [CC1.4] }', { criteria: '' });
    const { index } = await workspace({ 'policies/a.md': text });
    const doc = index.get('policies/a.md');
    assert.deepStrictEqual(doc?.criteria.map((c) => [c.value, c.range]), ['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4'].map((id) => [id, rangeOf(text, id)]));
    assert.deepStrictEqual(doc?.satisfies, []);
    assert.deepStrictEqual(codes(await diagnose({ 'policies/a.md': text }, 'policies/a.md')), []);
  });

  it('reads a comply document\'s satisfies: its TSC as criteria, the rest as framework claims', async () => {
    const text = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n  iso27001:\n    - A.5.15\n---\n\n# Access\n';
    const { index } = await workspace({ 'attest.yaml': 'frameworks: [iso27001]\n', 'policies/access.md': text });
    const doc = index.get('policies/access.md');
    assert.strictEqual(doc?.dialect, 'comply');
    assert.deepStrictEqual(doc?.criteria.map((c) => c.value), ['CC6.1']);
    assert.deepStrictEqual(doc?.satisfies.map((c) => [c.framework.value, c.items.map((i) => i.value)]), [['iso27001', ['A.5.15']]]);
    assert.deepStrictEqual(index.frameworkClaimsOf('iso27001', 'A.5.15').map((d) => d.relPath), ['policies/access.md']);
    const other = text.replace('iso27001', 'PCI DSS');
    const d = withCode(await diagnose({ 'policies/access.md': other }, 'policies/access.md'), 'unknown-field');
    assert.deepStrictEqual(d.map((x) => [x.severity, x.range]), [['information', rangeOf(other, 'PCI DSS')]], 'a comply standard of its own is only information');
  });
});

describe('framework claims: rules', () => {
  const check = async (satisfies: string, config = ALL_THREE) => {
    const text = claiming(satisfies);
    return { text, diagnostics: await diagnose({ 'attest.yaml': config, 'policies/a.md': text }, 'policies/a.md') };
  };

  it('accepts real items of the frameworks turned on', async () => {
    const { diagnostics } = await check('{ iso42001: [A.6.2.5, A.7.5], nist-ai-rmf: [MANAGE 2.4, GOVERN 1.1], iso27001: [A.5.2, A.8.34] }');
    assert.deepStrictEqual(codes(diagnostics), []);
  });

  it('flags a fake id with the nearest real ones of its framework', async () => {
    const cases: [string, string, string, string[]][] = [
      ['iso42001', 'A.6.2.9', 'an Annex A control of ISO/IEC 42001', ['A.6.2.8', 'A.6.2.7', 'A.6.2.6']],
      ['nist-ai-rmf', 'GOVERN 7.1', 'a subcategory of NIST AI RMF', ['GOVERN 6.1', 'GOVERN 5.1', 'GOVERN 4.1']],
      ['iso27001', 'A.8.35', 'an Annex A control of ISO/IEC 27001', ['A.8.34', 'A.8.33', 'A.8.32']],
    ];
    for (const [framework, fake, what, near] of cases) {
      const { text, diagnostics } = await check(`{ ${framework}: [${fake}] }`);
      const d = expectOne(diagnostics, 'unknown-criterion', rangeOf(text, fake));
      assert.strictEqual(d.severity, 'error');
      assert.strictEqual(d.message, `\`${fake}\` is not ${what}: did you mean ${near.map((n) => `\`${n}\``).slice(0, -1).join(', ')} or \`${near[2]}\`?`);
      assert.deepStrictEqual([d.data?.replacement, ...(d.data?.alternatives ?? [])], near);
    }
  });

  it('flags a real id under the wrong key, naming the framework it belongs to', async () => {
    const { text, diagnostics } = await check('{ iso42001: [A.8.34], nist-ai-rmf: [A.7.5] }');
    const [first, second] = withCode(diagnostics, 'unknown-criterion');
    assert.deepStrictEqual(first.range, rangeOf(text, 'A.8.34'));
    assert.strictEqual(first.message, '`A.8.34` is not an Annex A control of ISO/IEC 42001: it is an Annex A control of ISO/IEC 27001, so claim it under `iso27001`.');
    assert.deepStrictEqual(first.data, { name: 'iso27001', criterion: 'A.8.34' });
    assert.strictEqual(second.message, '`A.7.5` is not a subcategory of NIST AI RMF: it is an Annex A control of ISO/IEC 42001, so claim it under `iso42001`.');
  });

  it('flags an unknown framework key with the nearest name, as an unknown field', async () => {
    const { text, diagnostics } = await check('{ iso42001: [A.7.5], nist-ai-rfm: [MAP 1.1], ISO27001: [A.5.1], pci: [1.1] }');
    const found = withCode(diagnostics, 'unknown-field');
    assert.deepStrictEqual(found.map((d) => [d.range, d.data?.replacement]), [
      [rangeOf(text, 'nist-ai-rfm'), 'nist-ai-rmf'],
      [rangeOf(text, 'ISO27001'), 'iso27001'],
      [rangeOf(text, 'pci'), undefined],
    ]);
    assert.strictEqual(found[0].message, '`nist-ai-rfm` is not a framework Attest knows: did you mean `nist-ai-rmf`?');
    assert.strictEqual(found[2].message, '`pci` is not a framework Attest knows: `satisfies` takes `iso42001`, `nist-ai-rmf`, `iso27001` or `TSC`.');
  });

  it('says once per document how to turn on a bundled framework that is off, and still checks its ids', async () => {
    const { text, diagnostics } = await check('\n  iso27001: [A.5.1, A.5.99]\n  iso42001: [A.7.5]', 'frameworks: [iso42001]\n');
    const d = expectOne(diagnostics, 'out-of-scope-criterion', rangeOf(text, 'iso27001'));
    assert.strictEqual(d.severity, 'information');
    assert.strictEqual(d.message, 'ISO/IEC 27001 is not turned on in this workspace, so these claims count towards nothing: add `iso27001` to `frameworks` in attest.yaml to check and count them.');
    expectOne(diagnostics, 'unknown-criterion', rangeOf(text, 'A.5.99'));
    const none = await diagnose({ 'policies/a.md': claiming('{ nist-ai-rmf: [MAP 1.1] }') }, 'policies/a.md');
    assert.deepStrictEqual(codes(none), ['out-of-scope-criterion'], 'without attest.yaml every bundled framework is off');
  });

  it('asks for a map of lists', async () => {
    const { diagnostics } = await check('[A.7.5]');
    assert.match(withCode(diagnostics, 'invalid-value')[0]?.message ?? '', /^`satisfies` maps each framework to the ids it claims/);
    const nested = await check('{ iso42001: { A.7.5: yes } }');
    assert.match(withCode(nested.diagnostics, 'invalid-value')[0]?.message ?? '', /^`iso42001` must be a list of ids/);
  });
});

describe('framework coverage', () => {
  it('lists every item of each framework turned on, in order, with its status from explicit claims', async () => {
    const files = {
      'attest.yaml': `${ALL_THREE}exceptions:\n  - { framework: iso27001, id: A.7.1, reason: No offices. }\n`,
      'policies/access.md': policy({ satisfies: '{ iso27001: [A.5.15, A.5.18], iso42001: [A.2.2] }' }),
      'controls/ac-01.md': control({ satisfies: '{ iso27001: [A.5.18] }' }),
      'controls/ac-02.md': control({ id: 'CTL-AC-02', status: 'implemented', evidence: '[{ name: Export, url: "https://example.com/e", collected: 2026-11-01 }]', satisfies: '{ iso27001: [A.5.16], nist-ai-rmf: [GOVERN 1.1] }' }),
      'controls/old.md': control({ id: 'CTL-OLD', status: 'retired', satisfies: '{ iso27001: [A.5.17] }' }),
      'policies/ml.md': policy({ id: 'POL-ML', ml: '[data-lineage]' }),
    };
    const { index } = await workspace(files);
    const frameworks = index.coverage().frameworks ?? [];
    assert.deepStrictEqual(frameworks.map((f) => [f.id, f.name, f.items.length]), [
      ['iso42001', 'ISO/IEC 42001', 38],
      ['nist-ai-rmf', 'NIST AI RMF', 72],
      ['iso27001', 'ISO/IEC 27001', 93],
    ]);
    const iso27001 = frameworks[2];
    const status = (id: string) => iso27001.items.find((i) => i.id === id);
    assert.deepStrictEqual(status('A.5.15'), { id: 'A.5.15', status: 'documented', documents: ['POL-ACCESS'], title: iso27001.items.find((i) => i.id === 'A.5.15')?.title, group: 'Organizational controls', summary: status('A.5.15')?.summary });
    assert.deepStrictEqual([status('A.5.18')?.status, status('A.5.18')?.documents], ['controlled', ['CTL-AC-01', 'POL-ACCESS']]);
    assert.deepStrictEqual([status('A.5.16')?.status, status('A.5.17')?.status], ['implemented', 'uncovered']);
    assert.deepStrictEqual([status('A.7.1')?.status, status('A.7.1')?.reason], ['excepted', 'No offices.']);
    assert.deepStrictEqual(iso27001.summary, { inScope: 93, covered: 3, percent: 3.2, drafted: 0 });
    // The ML topic's crosswalk suggests items; only a claim counts.
    assert.strictEqual(frameworks[0].items.find((i) => i.id === 'A.7.5')?.status, 'uncovered');
    assert.strictEqual(frameworks[0].items.find((i) => i.id === 'A.2.2')?.status, 'documented');
    assert.strictEqual(frameworks[1].items.find((i) => i.id === 'GOVERN 1.1')?.status, 'implemented');
    assert.deepStrictEqual(index.coverage().summary, (await workspace({ ...files, 'attest.yaml': '' })).index.coverage().summary, 'the TSC summary is unchanged');
  });

  it('is empty without frameworks, and an id is counted only under its own key', async () => {
    const files = { 'policies/access.md': policy({ satisfies: '{ iso27001: [A.5.2] }' }) };
    assert.deepStrictEqual((await workspace(files)).index.coverage().frameworks, []);
    const { index } = await workspace({ ...files, 'attest.yaml': 'frameworks: [iso42001, iso27001]\n' });
    const [iso42001, iso27001] = index.coverage().frameworks ?? [];
    assert.strictEqual(iso42001.items.find((i) => i.id === 'A.5.2')?.status, 'uncovered');
    assert.strictEqual(iso27001.items.find((i) => i.id === 'A.5.2')?.status, 'documented');
  });
});
