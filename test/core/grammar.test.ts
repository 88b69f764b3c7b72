import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { loadBundledData } from '../../server/src/node/bundledData';
import { REPO } from '../helpers';

interface Rule {
  readonly match: string;
  readonly name: string;
}

interface Grammar {
  readonly scopeName: string;
  readonly injectionSelector: string;
  readonly patterns: readonly { include: string }[];
  readonly repository: Readonly<Record<string, Rule>>;
}

const grammar = JSON.parse(readFileSync(join(REPO, 'syntaxes', 'attest.injection.tmLanguage.json'), 'utf8')) as Grammar;

/** Every match of a rule in `text`; the patterns use only what JS and Oniguruma share. */
function matches(rule: string, text: string): string[] {
  return [...text.matchAll(new RegExp(grammar.repository[rule].match, 'g'))].map((m) => m[0]);
}

describe('injection grammar', () => {
  it('injects into Markdown and its YAML frontmatter, with scopes themes colour', () => {
    assert.strictEqual(grammar.scopeName, 'attest.injection');
    assert.match(grammar.injectionSelector, /(^|, )L:text\.html\.markdown\b/);
    assert.match(grammar.injectionSelector, /(^|, )L:meta\.embedded\.block\.frontmatter\b/);
    assert.deepStrictEqual(grammar.patterns.map((p) => p.include).sort(), ['#criterion', '#document-id', '#framework-item', '#framework-name', '#ml-topic']);
    for (const [key, rule] of Object.entries(grammar.repository)) assert.match(rule.name, /^(variable\.other\.constant|entity\.name\.tag|support\.type)\.[\w.-]+\.attest$/, key);
  });

  it('highlights criterion ids of every series, and nothing that only looks like one', () => {
    assert.deepStrictEqual(matches('criterion', 'criteria: [CC6.1, PI1.3, A1.2, C1.1, P4.3, CC9.2]'), ['CC6.1', 'PI1.3', 'A1.2', 'C1.1', 'P4.3', 'CC9.2']);
    assert.deepStrictEqual(matches('criterion', 'See CC7.3. Also (CC1.10) and `P8.1`.'), ['CC7.3', 'CC1.10', 'P8.1']);
    assert.deepStrictEqual(matches('criterion', 'version 1.2, ACC6.1, CC6.1.2, CC0.1, P9.1, X-CC6.1, cc6.1, A2.1, CC6.'), []);
  });

  it('highlights document ids with an Attest prefix and at least one `-`', () => {
    assert.deepStrictEqual(matches('document-id', 'policy: POL-ACCESS and CTL-AC-01, PRC-ONBOARD, PROC-X1, ADD-ML, NAR-SYSTEM'), ['POL-ACCESS', 'CTL-AC-01', 'PRC-ONBOARD', 'PROC-X1', 'ADD-ML', 'NAR-SYSTEM']);
    assert.deepStrictEqual(matches('document-id', 'POL, POL-, pol-access, XPOL-A, POL-access, ABC-DEF, POL-A-'), []);
  });

  it('highlights every item of the bundled frameworks, and no TSC criterion or id of another shape', () => {
    const data = loadBundledData();
    for (const id of data.optionalFrameworkIds) {
      const ids = data.optionalFramework(id)?.criteria.map((c) => c.id) ?? [];
      assert.ok(ids.length > 30, id);
      assert.deepStrictEqual(matches('framework-item', `satisfies: { ${id}: [${ids.join(', ')}] }`), ids, id);
    }
    assert.deepStrictEqual(matches('framework-item', 'A.1.1, A.11.1, A1.2, CC6.1, GOVERN 7.1, govern 1.1, MAP1.1, XA.5.1, A.5.1x, A.5.1-b, version 2.1'), []);
    assert.deepStrictEqual(matches('framework-item', 'Meets A.8.34 (see MANAGE 4.3).'), ['A.8.34', 'MANAGE 4.3']);
  });

  it('highlights the names of the bundled frameworks', () => {
    assert.deepStrictEqual(matches('framework-name', 'frameworks: [iso42001, nist-ai-rmf, iso27001]'), ['iso42001', 'nist-ai-rmf', 'iso27001']);
    assert.deepStrictEqual(matches('framework-name', 'iso42001x, my-iso27001, nist-ai-rmf-2'), []);
  });

  it('highlights exactly the ML topic ids of the catalog', () => {
    const ids = loadBundledData().topics.map((t) => t.id);
    assert.strictEqual(ids.length, 16);
    assert.deepStrictEqual(matches('ml-topic', `ml: [${ids.join(', ')}]`), ids);
    assert.deepStrictEqual(matches('ml-topic', 'data-lineage-v2, my-drift-monitoring, model-card, drift monitoring'), []);
  });
});
