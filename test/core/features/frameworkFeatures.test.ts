import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { codeActionsFor } from '../../../server/src/features/codeActions';
import { completeConfig, completeDocument } from '../../../server/src/features/completion';
import { definition } from '../../../server/src/features/definition';
import { hover, hoverInConfig } from '../../../server/src/features/hover';
import { references, referencesInConfig } from '../../../server/src/features/references';
import { prepareRename } from '../../../server/src/features/rename';
import { documentSymbols } from '../../../server/src/features/symbols';
import { codes, control, policy, POLICY_BODY, rangeOf, workspace } from '../../helpers';
import { applyEdits, cursor, uri, workspaceAt } from './cursor';

const CONFIG = 'frameworks: [iso42001, nist-ai-rmf]\n';

function markdown(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);

function accept(items: readonly CompletionItem[], label: string, text: string): string {
  const chosen = items.find((i) => i.label === label);
  assert.ok(chosen?.textEdit && 'range' in chosen.textEdit, `${label} among ${JSON.stringify(labels(items))}`);
  return applyEdits(text, [chosen.textEdit]);
}

async function completeIn(file: string, marked: string, others: Record<string, string> = { 'attest.yaml': CONFIG }): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, position } = cursor(marked);
  const { index } = await workspace({ ...others, [file]: text });
  if (file === 'attest.yaml') return { items: completeConfig(TextDocument.create(index.uriOf(file), 'yaml', 0, text), position, index), text };
  const doc = index.get(file);
  assert.ok(doc);
  return { items: completeDocument(doc, position, index), text };
}

describe('framework items in the editor', () => {
  describe('hover', () => {
    it('on an item shows its title, summary, coverage and the documents that claim it', async () => {
      const files = {
        'attest.yaml': CONFIG,
        'policies/data.md': policy({ id: 'POL-DATA', satisfies: '{ iso42001: [A.7|.5] }' }),
        'controls/lineage.md': control({ id: 'CTL-LIN', satisfies: '{ iso42001: [A.7.5] }' }),
      };
      const { index, doc, position, files: clean } = await workspaceAt(files, 'policies/data.md');
      const h = hover(index, doc, position);
      assert.deepStrictEqual(h?.range, rangeOf(clean['policies/data.md'], 'A.7.5'));
      const item = index.frameworks.item('iso42001', 'A.7.5');
      assert.strictEqual(
        markdown(h),
        [
          `**A.7.5** — ${item?.title} · ISO/IEC 42001 · Data used by AI systems`,
          '',
          item?.summary,
          '',
          'Coverage: **controlled** — a control claims it',
          '',
          '- [CTL-LIN — Access provisioning](file:///ws/controls/lineage.md) (control)',
          '- [POL-DATA — Access Control Policy](file:///ws/policies/data.md) (policy)',
        ].join('\n'),
      );
    });

    it('says when the framework is not turned on, and reads the key as the framework', async () => {
      const { index, doc, position } = await workspaceAt({ 'attest.yaml': CONFIG, 'policies/a.md': policy({ satisfies: '{ iso27001: [A.5.|2] }' }) }, 'policies/a.md');
      assert.match(markdown(hover(index, doc, position)), /^\*\*A\.5\.2\*\* — .* · ISO\/IEC 27001 · Organizational controls\n[\s\S]*Not counted: ISO\/IEC 27001 is not turned on \(add `iso27001` to `frameworks` in attest\.yaml\)\.\n\n- \[POL-ACCESS/);
      const key = await workspaceAt({ 'attest.yaml': CONFIG, 'policies/a.md': policy({ satisfies: '{ iso4|2001: [A.5.2] }' }) }, 'policies/a.md');
      assert.match(markdown(hover(key.index, key.doc, key.position)), /^\*\*ISO\/IEC 42001:2023 Annex A \(AI management system\)\*\* \(`iso42001`\)\n\nCoverage: \*\*0%\*\* — 0 of 38 items/);
    });

    it('in the body, on an id that only one framework turned on has', async () => {
      const body = `${POLICY_BODY}\nThis meets A.6.2|.5, A.8.34 and A.5.2 of the annexes.\n`;
      const files = { 'attest.yaml': 'frameworks: [iso42001, iso27001]\n', 'policies/a.md': policy({}, body) };
      const { index, doc, position, files: clean } = await workspaceAt(files, 'policies/a.md');
      const h = hover(index, doc, position);
      assert.deepStrictEqual(h?.range, rangeOf(clean['policies/a.md'], 'A.6.2.5'));
      assert.match(markdown(h), /· ISO\/IEC 42001 · AI system lifecycle/);
      const other = rangeOf(clean['policies/a.md'], 'A.8.34').start;
      assert.match(markdown(hover(index, doc, { line: other.line, character: other.character + 1 })), /· ISO\/IEC 27001 · Technological controls/);
      const shared = rangeOf(clean['policies/a.md'], 'A.5.2', 0).start;
      assert.strictEqual(hover(index, doc, { line: shared.line, character: shared.character + 1 }), null, 'A.5.2 is in both annexes: prose does not say which');
    });

    it('in attest.yaml, on a framework entry and on an excepted item', async () => {
      const marked = 'frameworks: [iso42001]\nexceptions:\n  - { framework: iso42001, id: A.10|.4, reason: We sell no AI. }\n';
      const { text, position } = cursor(marked);
      const { index } = await workspace({ 'attest.yaml': text, 'policies/a.md': policy() });
      const file = index.config.file!.text;
      assert.match(markdown(hoverInConfig(index, file, position)), /Coverage: \*\*excepted\*\* in attest\.yaml — We sell no AI\./);
      assert.match(markdown(hoverInConfig(index, file, { line: 0, character: 16 })), /\(`iso42001`\)\n\nCoverage: \*\*2\.6%\*\* — 1 of 38 items/);
    });

    it('on an ML topic lists the items of the other frameworks it helps meet', async () => {
      const files = { 'attest.yaml': `ml: true\n${CONFIG}`, 'policies/a.md': policy({ ml: '[data-line|age]' }) };
      const { index, doc, position } = await workspaceAt(files, 'policies/a.md');
      const text = markdown(hover(index, doc, position));
      const topic = index.catalog.get('data-lineage')!;
      const iso = topic.frameworks?.iso42001 ?? [];
      assert.ok(iso.length > 0);
      const titled = (id: string) => `${id} (${index.frameworks.item('iso42001', id)?.title})`;
      assert.ok(text.includes(`A document that addresses this topic helps meet (claim them under \`satisfies\`):\n\n- ISO/IEC 42001: ${iso.map(titled).join(', ')}\n- NIST AI RMF: `), text);
      const off = await workspaceAt({ 'policies/a.md': policy({ ml: '[data-line|age]' }) }, 'policies/a.md');
      assert.match(markdown(hover(off.index, off.doc, off.position)), /- ISO\/IEC 42001: .* — not turned on\n/);
    });
  });

  describe('completion', () => {
    it('offers framework keys under satisfies, those turned on first', async () => {
      const block = await completeIn('policies/a.md', policy({ satisfies: '\n  |' }));
      assert.deepStrictEqual(labels(block.items), ['iso42001', 'nist-ai-rmf', 'iso27001']);
      assert.deepStrictEqual(block.items.map((i) => i.sortText?.charAt(0)), ['0', '0', '1']);
      assert.strictEqual(accept(block.items, 'iso42001', block.text), policy({ satisfies: '\n  iso42001: [$1]$0' }));
      const flow = await completeIn('policies/a.md', policy({ satisfies: '{ iso42001: [A.7.5], n| }' }));
      assert.deepStrictEqual(labels(flow.items), ['nist-ai-rmf', 'iso27001'], 'a key already there is not offered again');
      const top = await completeIn('policies/a.md', policy({ satisfies: '|' }));
      assert.strictEqual(accept(top.items, 'nist-ai-rmf', top.text), policy({ satisfies: '{ nist-ai-rmf: [$1] }$0' }));
    });

    it('offers the ids of the key\'s framework, uncovered first, without those listed', async () => {
      const others = { 'attest.yaml': CONFIG, 'controls/c.md': control({ satisfies: '{ iso42001: [A.2.2] }' }) };
      const { items, text } = await completeIn('policies/a.md', policy({ satisfies: '{ iso42001: [A.2.3, |] }' }), others);
      assert.strictEqual(items.length, 37);
      assert.ok(!labels(items).includes('A.2.3'));
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.strictEqual(sorted[sorted.length - 1].label, 'A.2.2', 'a covered item comes last');
      assert.strictEqual(sorted[0].label, 'A.2.4');
      assert.strictEqual(items.find((i) => i.label === 'A.2.4')?.labelDetails?.description, 'uncovered');
      assert.strictEqual(accept(items, 'A.7.5', text), policy({ satisfies: '{ iso42001: [A.2.3, A.7.5] }' }));
    });

    it('offers first what the document\'s ML topics help meet', async () => {
      const { items } = await completeIn('policies/a.md', policy({ ml: '[model-cards]', satisfies: '{ nist-ai-rmf: [|] }' }), { 'attest.yaml': `ml: true\n${CONFIG}` });
      const { index } = await workspace({});
      const suggested = index.catalog.get('model-cards')?.frameworks?.['nist-ai-rmf'] ?? [];
      const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepStrictEqual(sorted.slice(0, suggested.length).map((i) => i.label).sort(), [...suggested].sort());
      assert.match(sorted[0].detail ?? '', /supported by model-cards$/);
    });

    it('replaces ids with spaces whole, in a block list, and adds the dash a new line needs', async () => {
      const typed = await completeIn('policies/a.md', policy({ satisfies: '\n  nist-ai-rmf:\n    - MAP 2|' }));
      assert.strictEqual(accept(typed.items, 'MAP 2.3', typed.text), policy({ satisfies: '\n  nist-ai-rmf:\n    - MAP 2.3' }));
      const fresh = await completeIn('policies/a.md', policy({ satisfies: '\n  nist-ai-rmf:\n    - MAP 2.3\n    |' }));
      assert.strictEqual(accept(fresh.items, 'MAP 1.1', fresh.text), policy({ satisfies: '\n  nist-ai-rmf:\n    - MAP 2.3\n    - MAP 1.1' }));
    });

    it('in attest.yaml: bundled names under frameworks, and the ids of an exception\'s framework', async () => {
      const names = await completeIn('attest.yaml', 'frameworks: [iso42001, |]\n', {});
      assert.deepStrictEqual(labels(names.items), ['nist-ai-rmf', 'iso27001']);
      const ids = await completeIn('attest.yaml', `${CONFIG}exceptions:\n  - framework: nist-ai-rmf\n    id: GOVERN 1|\n`, {});
      assert.ok(labels(ids.items).includes('GOVERN 1.7'));
      assert.strictEqual(accept(ids.items, 'GOVERN 1.7', ids.text), `${CONFIG}exceptions:\n  - framework: nist-ai-rmf\n    id: GOVERN 1.7\n`);
    });
  });

  describe('references, definition and rename', () => {
    const files = {
      'attest.yaml': 'frameworks: [iso42001, iso27001]\nexceptions:\n  - { framework: iso27001, id: A.5.2, reason: Shared. }\n',
      'policies/a.md': policy({ satisfies: '{ iso42001: [A.5.2], iso27001: [A.5.|2] }' }),
      'controls/c.md': control({ satisfies: '\n  iso27001:\n    - A.5.2' }),
    };

    it('finds every claim of the item under its own framework, and its exception', async () => {
      const { index, doc, position, files: clean } = await workspaceAt(files, 'policies/a.md');
      const found = references(index, doc, position, true);
      assert.deepStrictEqual(found, [
        { uri: uri('controls/c.md'), range: rangeOf(clean['controls/c.md'], 'A.5.2') },
        { uri: uri('policies/a.md'), range: rangeOf(clean['policies/a.md'], 'A.5.2', 1) },
        { uri: uri('attest.yaml'), range: rangeOf(clean['attest.yaml'], 'A.5.2') },
      ]);
      assert.deepStrictEqual(referencesInConfig(index, index.config.file!.text, rangeOf(clean['attest.yaml'], 'A.5.2').start), found);
      assert.deepStrictEqual(definition(index, doc, position), [found[2]], 'an excepted item is defined by its exception');
      assert.match((prepareRename(index, doc, position) as { refusal: string }).refusal, /cannot be renamed/);
    });

    it('finds every key of a framework, and goes to where attest.yaml turns it on', async () => {
      const { index, doc, files: clean } = await workspaceAt(files, 'policies/a.md');
      const at = rangeOf(clean['policies/a.md'], 'iso27001').start;
      assert.deepStrictEqual(references(index, doc, at, true).map((l) => l.uri), [uri('controls/c.md'), uri('policies/a.md'), uri('attest.yaml')]);
      assert.deepStrictEqual(definition(index, doc, at), [{ uri: uri('attest.yaml'), range: rangeOf(clean['attest.yaml'], 'iso27001') }]);
    });
  });

  describe('claiming what an ML topic helps meet', () => {
    const body = `${POLICY_BODY}\n## Data Lineage\n\nEvery dataset is registered.\n`;
    const topicAt = (text: string) => ({ start: rangeOf(text, 'data-lineage').start, end: rangeOf(text, 'data-lineage').start });

    it('adds the items of the frameworks turned on to satisfies, on the ml entry of a document that addresses it', async () => {
      const text = policy({ criteria: '[CC1.1]', ml: '[data-lineage]', satisfies: '{ iso42001: [A.7.5] }' }, body);
      const files = { 'attest.yaml': `ml: true\n${CONFIG}`, 'policies/a.md': text };
      const { index } = await workspace(files);
      const doc = index.get('policies/a.md')!;
      const topic = index.catalog.get('data-lineage')!;
      const actions = codeActionsFor({ text: doc.text, doc, index }, [], topicAt(text));
      assert.strictEqual(actions.length, 1);
      const iso = (topic.frameworks?.iso42001 ?? []).filter((id) => id !== 'A.7.5');
      const nist = topic.frameworks?.['nist-ai-rmf'] ?? [];
      assert.strictEqual(actions[0].title, `Claim what data-lineage helps meet (iso42001: ${iso.join(', ')}; nist-ai-rmf: ${nist.join(', ')})`);
      const after = applyEdits(text, actions[0].edit?.changes?.[doc.uri] ?? []);
      assert.strictEqual(after, policy({ criteria: '[CC1.1]', ml: '[data-lineage]', satisfies: `{ iso42001: [A.7.5, ${iso.join(', ')}], nist-ai-rmf: [${nist.join(', ')}] }` }, body));
      const { index: again } = await workspace({ ...files, 'policies/a.md': after });
      assert.deepStrictEqual(codes(again.diagnose('policies/a.md')), []);
      const doc2 = again.get('policies/a.md')!;
      assert.deepStrictEqual(codeActionsFor({ text: doc2.text, doc: doc2, index: again }, [], topicAt(after)), [], 'nothing left to claim');
    });

    it('offers nothing where the topic is not addressed, or no framework is turned on', async () => {
      const listedOnly = policy({ ml: '[data-lineage]' });
      const { index } = await workspace({ 'attest.yaml': `ml: true\n${CONFIG}`, 'policies/a.md': listedOnly });
      const doc = index.get('policies/a.md')!;
      assert.deepStrictEqual(codeActionsFor({ text: doc.text, doc, index }, [], topicAt(listedOnly)), []);
      const addressed = policy({ ml: '[data-lineage]' }, body);
      const off = await workspace({ 'attest.yaml': 'ml: true\n', 'policies/a.md': addressed });
      const offDoc = off.index.get('policies/a.md')!;
      assert.deepStrictEqual(codeActionsFor({ text: offDoc.text, doc: offDoc, index: off.index }, [], topicAt(addressed)), []);
    });
  });

  describe('outline and comply conversion', () => {
    it('lists the ids of each field where they are written', async () => {
      const text = policy({ criteria: '[CC6.1]', satisfies: '{ TSC: [CC6.2], iso42001: [A.7.5] }' });
      const { index } = await workspace({ 'policies/a.md': text });
      const [frontmatter] = documentSymbols(index.get('policies/a.md')!);
      const field = (name: string) => frontmatter.children?.find((c) => c.name === name)?.children?.map((c) => c.name);
      assert.deepStrictEqual(field('criteria'), ['CC6.1']);
      assert.deepStrictEqual(field('satisfies'), ['CC6.2', 'A.7.5']);
    });

    it('keeps a comply document\'s claims of bundled frameworks under satisfies when converting it', async () => {
      const yaml = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC: [CC6.1]\n  iso27001: [A.5.15]\n---\n';
      const body = `\n# Access Policy\n\n${POLICY_BODY}`;
      const { index } = await workspace({ 'attest.yaml': 'frameworks: [iso27001]\n', 'policies/access.md': yaml + body });
      const doc = index.get('policies/access.md')!;
      const conversion = codeActionsFor({ text: doc.text, doc, index }, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }).find((a) => a.title === 'Convert to Attest format');
      const after = applyEdits(yaml + body, conversion?.edit?.changes?.[doc.uri] ?? []);
      assert.strictEqual(after, '---\nid: AP\ntype: policy\ntitle: Access Policy\nowner: <OWNER ROLE>\nstatus: approved\ncriteria: [CC6.1]\nsatisfies: { iso27001: [A.5.15] }\n---\n' + body);
    });
  });
});
