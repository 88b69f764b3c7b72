import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { loadBundledData } from '../../server/src/node/bundledData';
import { DOCUMENT_TYPES } from '../../server/src/core/types';
import { REPO, TODAY, diagnose } from '../helpers';

interface Snippet {
  readonly scope: string;
  readonly prefix: readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

async function generated(): Promise<string> {
  const generator = (await import(pathToFileURL(join(REPO, 'scripts', 'generate-snippets.mjs')).href)) as { generateSnippets(root?: string): string };
  return generator.generateSnippets(REPO);
}

function committed(): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(REPO, 'snippets', 'attest.code-snippets'), 'utf8')) as Record<string, Snippet>;
}

/** The prefix of a topic's section snippet: `ml-` and its id, once (`ml-vendor-risk`, not `ml-ml-vendor-risk`). */
function topicPrefix(id: string): string {
  return id.startsWith('ml-') ? id : `ml-${id}`;
}

function byPrefix(prefix: string): Snippet {
  const found = Object.values(committed()).filter((s) => s.prefix.includes(prefix));
  assert.strictEqual(found.length, 1, `one snippet with prefix ${prefix}`);
  return found[0];
}

/** The text a snippet inserts when every tab stop keeps its default (the first choice). */
function expand(snippet: Snippet): string {
  const [year, month, day] = TODAY.split('-');
  let text = snippet.body.join('\n').replace(/\\\\/g, '\u0000').replace(/\\\$/g, '\u0001').replace(/\\}/g, '\u0002');
  text = text.replace(/\$\{CURRENT_YEAR\}/g, year).replace(/\$\{CURRENT_MONTH\}/g, month).replace(/\$\{CURRENT_DATE\}/g, day);
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return text.replace(/\$\d+/g, '').replace(/\u0000/g, '\\').replace(/\u0001/g, '$').replace(/\u0002/g, '}');
}

/** What an author would write in place of each placeholder: ids that resolve, a criterion no ML topic is homed on. */
function fill(text: string, file: string): string {
  const ids: Record<string, string> = { 'POLICY ID': 'POL-NAME', 'CRITERION ID': 'CC1.1', 'N': '12' };
  const own = `${file.split('/')[0].slice(0, 3).toUpperCase()}-NAME`;
  return text.replace(/<([A-Z][A-Z0-9 -]*)>/g, (_, words: string) => (words.endsWith(' ID') && words !== 'POLICY ID' && words !== 'CRITERION ID' ? own : (ids[words] ?? `Filled ${words.toLowerCase()}`)));
}

describe('snippets', () => {
  it('are what scripts/generate-snippets.mjs makes of the data files', async () => {
    assert.strictEqual(readFileSync(join(REPO, 'snippets', 'attest.code-snippets'), 'utf8'), await generated(), 'run node scripts/generate-snippets.mjs');
  });

  it('come with the role words of owner-is-person, made by the same script from server/data/owner-roles.yaml', async () => {
    const generator = (await import(pathToFileURL(join(REPO, 'scripts', 'generate-snippets.mjs')).href)) as { generateRoleWords(root?: string): string; ROLE_WORDS_FILE: string };
    assert.strictEqual(readFileSync(join(REPO, generator.ROLE_WORDS_FILE), 'utf8'), generator.generateRoleWords(REPO), 'run node scripts/generate-snippets.mjs');
  });

  it('never double a prefix: the topics of ML risks are ml-vendor-risk and ml-incident-response', () => {
    const prefixes = Object.values(committed()).flatMap((s) => s.prefix);
    assert.deepStrictEqual(prefixes.filter((p) => p.startsWith('ml-ml-')), []);
    assert.ok(prefixes.includes('ml-vendor-risk') && prefixes.includes('ml-incident-response'), prefixes.join(', '));
    assert.strictEqual(new Set(prefixes).size, prefixes.length, 'each prefix names one snippet');
  });

  it('cover every document type and every ML topic', () => {
    const data = loadBundledData();
    for (const type of DOCUMENT_TYPES) {
      const snippet = byPrefix(`attest-${type}`);
      assert.strictEqual(snippet.scope, 'markdown');
      for (const section of data.sections[type]) assert.ok(snippet.body.includes(`## ${section.name}`), `${type} has ## ${section.name}`);
    }
    for (const topic of data.topics) {
      const snippet = byPrefix(topicPrefix(topic.id));
      assert.strictEqual(snippet.body[0], `## ${topic.title}`);
      assert.ok(!expand(snippet).includes('${'), 'every placeholder is a tab stop');
    }
  });

  it('insert documents whose every default is a placeholder the rule reports, and that check clean once filled', async () => {
    const files: Record<string, string> = {
      'policies/name.md': expand(byPrefix('attest-policy')),
      'controls/name.md': expand(byPrefix('attest-control')),
      'procedures/name.md': expand(byPrefix('attest-procedure')),
      'narratives/name.md': expand(byPrefix('attest-narrative')),
      'addenda/name.md': expand(byPrefix('attest-addendum')),
    };
    assert.match(files['policies/name.md'], new RegExp(`last: ${TODAY} }`));
    assert.match(files['controls/name.md'], /^criteria: \[<CRITERION ID>\]$/m);
    for (const file of Object.keys(files)) {
      const found = await diagnose(files, file);
      assert.deepStrictEqual([...new Set(found.map((d) => d.code))], ['unfilled-placeholder'], file);
      assert.ok(found.some((d) => /^<CRITERION ID>|^<POLICY ID>/.test(d.message)) || file.startsWith('addenda'), `${file}: its ids are reported`);
    }
    const filled = Object.fromEntries(Object.entries(files).map(([file, text]) => [file, fill(text, file)]));
    for (const file of Object.keys(filled)) assert.deepStrictEqual((await diagnose(filled, file)).map((d) => d.message), [], file);
  });

  it('claim items of each bundled framework under satisfies: a placeholder to fill, then clean once the framework is on', async () => {
    const generator = (await import(pathToFileURL(join(REPO, 'scripts', 'generate-snippets.mjs')).href)) as { FRAMEWORKS: readonly string[] };
    const data = loadBundledData();
    assert.deepStrictEqual(generator.FRAMEWORKS, data.optionalFrameworkIds);
    assert.deepStrictEqual(byPrefix('attest-satisfies').body, ['satisfies:', `  \${1|${data.optionalFrameworkIds.join(',')}|}: [$2]$0`]);
    const placeholders: Record<string, string> = { iso42001: '<ISO 42001 CONTROL>', 'nist-ai-rmf': '<AI RMF SUBCATEGORY>', iso27001: '<ISO 27001 CONTROL>' };
    for (const id of data.optionalFrameworkIds) {
      const claim = expand(byPrefix(`satisfies-${id}`));
      assert.strictEqual(claim, `satisfies:\n  ${id}: [${placeholders[id]}]`);
      const policy = fill(expand(byPrefix('attest-policy')), 'policies/name.md').replace(/\n---\n/, `\n${claim}\n---\n`);
      const files = { 'attest.yaml': `frameworks: [${id}]\n`, 'policies/name.md': policy };
      assert.deepStrictEqual((await diagnose(files, 'policies/name.md')).map((d) => d.code), ['unfilled-placeholder'], id);
      const filled = { ...files, 'policies/name.md': policy.replace(placeholders[id], data.optionalFramework(id)?.criteria[0].id ?? '') };
      assert.deepStrictEqual((await diagnose(filled, 'policies/name.md')).map((d) => d.message), [], id);
    }
  });

  it('give an ML topic a section that counts as addressing it', async () => {
    const topics = loadBundledData().topics;
    const addendum = expand(byPrefix('attest-addendum')).replace('ml: []', `ml: [${topics.map((t) => t.id).join(', ')}]`);
    const files = {
      'policies/name.md': expand(byPrefix('attest-policy')),
      'addenda/name.md': `${addendum}\n${topics.map((t) => expand(byPrefix(topicPrefix(t.id)))).join('\n')}`,
    };
    for (const file of Object.keys(files)) files[file as keyof typeof files] = fill(files[file as keyof typeof files], file);
    assert.deepStrictEqual((await diagnose(files, 'addenda/name.md')).map((d) => d.message), []);
  });
});
