import * as assert from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { hover, hoverInConfig } from '../../../server/src/features/hover';
import { control, policy, POLICY_BODY, rangeOf, workspace } from '../../helpers';
import { cursor, workspaceAt } from './cursor';

function markdown(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  const contents = h.contents as MarkupContent;
  assert.strictEqual(contents.kind, 'markdown');
  return contents.value;
}

const POLICY_LINK = '[POL-ACCESS — Access Control Policy](file:///ws/policies/access.md)';
const CONTROL_LINK = '[CTL-AC-01 — Access provisioning](file:///ws/controls/ac-01.md)';

describe('hover', () => {
  describe('on a criterion id', () => {
    it('in `criteria` shows the criterion, its coverage and the documents covering it, controls first', async () => {
      const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC6|.2]' }), 'controls/ac-01.md': control() };
      const { index, doc, position, files: clean } = await workspaceAt(files, 'policies/access.md');
      const h = hover(index, doc, position);
      const text = markdown(h);
      assert.deepStrictEqual(h?.range, rangeOf(clean['policies/access.md'], 'CC6.2'));
      assert.match(text, /^\*\*CC6\.2\*\* · Security · Logical and Physical Access Controls\n/);
      assert.ok(text.includes(index.criteria.get('CC6.2')?.summary ?? '?'), 'summary');
      assert.match(text, /Coverage: \*\*controlled\*\*/);
      assert.ok(text.indexOf(CONTROL_LINK) > 0 && text.indexOf(POLICY_LINK) > text.indexOf(CONTROL_LINK), text);
    });

    it('in the body, where a policy is its only claimant, is documented', async () => {
      const body = `${POLICY_BODY}\nThis policy meets CC6|.1 (see the controls).\n`;
      const { index, doc, position, files } = await workspaceAt({ 'policies/access.md': policy({}, body), 'controls/ac-01.md': control() }, 'policies/access.md');
      const h = hover(index, doc, position);
      assert.deepStrictEqual(h?.range, rangeOf(files['policies/access.md'], 'CC6.1', 1));
      assert.match(markdown(h), /Coverage: \*\*documented\*\*/);
      assert.ok(markdown(h).includes(POLICY_LINK));
    });

    it('says uncovered when nothing claims it', async () => {
      const body = `${POLICY_BODY}\nNothing here covers CC7.5|.\n`;
      const { index, doc, position } = await workspaceAt({ 'policies/access.md': policy({}, body) }, 'policies/access.md');
      const text = markdown(hover(index, doc, position));
      assert.match(text, /Coverage: \*\*uncovered\*\*/);
      assert.ok(!text.includes('](file:'), 'no documents listed');
    });

    it('shows the exception and its reason, also in attest.yaml', async () => {
      const marked = 'exceptions:\n  - criterion: CC6.|4\n    reason: No data centers of our own.\n';
      const { text: config, position: inConfig } = cursor(marked);
      const { index, doc, position } = await workspaceAt({ 'attest.yaml': config, 'policies/access.md': policy({ criteria: '[CC6.1, CC|6.4]' }) }, 'policies/access.md');
      const inDoc = markdown(hover(index, doc, position));
      assert.match(inDoc, /Coverage: \*\*excepted\*\* in attest\.yaml — No data centers of our own\./);
      const h = hoverInConfig(index, index.config.file!.text, inConfig);
      assert.deepStrictEqual(h?.range, rangeOf(config, 'CC6.4'));
      assert.strictEqual(markdown(h), inDoc);
    });

    it('says when the criterion is out of scope, and still lists who claims it', async () => {
      const { index, doc, position } = await workspaceAt({ 'policies/access.md': policy({ criteria: '[CC6.1, PI1|.1]' }) }, 'policies/access.md');
      const text = markdown(hover(index, doc, position));
      assert.match(text, /Not in scope: Processing Integrity is not among the `categories` of attest\.yaml\./);
      assert.ok(text.includes(POLICY_LINK));
    });

    it('leaves retired documents out of the coverage', async () => {
      const files = { 'policies/access.md': policy({ criteria: '[CC6.1, CC6|.2]' }), 'controls/ac-01.md': control({ status: 'retired' }) };
      const { index, doc, position } = await workspaceAt(files, 'policies/access.md');
      const text = markdown(hover(index, doc, position));
      assert.match(text, /Coverage: \*\*documented\*\*/);
      assert.ok(!text.includes(CONTROL_LINK));
    });
  });

  describe('on a document id', () => {
    it('in `policy` shows the target title, type, status, owner and file', async () => {
      const files = { 'policies/access.md': policy(), 'controls/ac-01.md': control({ policy: 'POL-AC|CESS' }) };
      const { index, doc, position, files: clean } = await workspaceAt(files, 'controls/ac-01.md');
      const h = hover(index, doc, position);
      assert.deepStrictEqual(h?.range, rangeOf(clean['controls/ac-01.md'], 'POL-ACCESS'));
      assert.strictEqual(
        markdown(h),
        '**POL-ACCESS** — Access Control Policy\n\npolicy · approved · owner: Head of Security\n\nDefined in [policies/access.md](file:///ws/policies/access.md)',
      );
    });

    it('on its own quoted `id` value covers the id only, without the quotes', async () => {
      const { index, doc, position, files } = await workspaceAt({ 'controls/ac-01.md': control({ id: '"CTL-|AC-01"', status: 'draft' }) }, 'controls/ac-01.md');
      const h = hover(index, doc, position);
      assert.deepStrictEqual(h?.range, rangeOf(files['controls/ac-01.md'], 'CTL-AC-01'));
      assert.match(markdown(h), /^\*\*CTL-AC-01\*\* — Access provisioning\n\ncontrol · draft · owner: IT Lead\n/);
    });

    it('in the body, for known ids only', async () => {
      const body = `${POLICY_BODY}\nSee CTL-AC-0|1 and NOT-AN-ID.\n`;
      const files = { 'policies/access.md': policy({}, body), 'controls/ac-01.md': control() };
      const { index, doc, position, files: clean } = await workspaceAt(files, 'policies/access.md');
      const h = hover(index, doc, position);
      assert.deepStrictEqual(h?.range, rangeOf(clean['policies/access.md'], 'CTL-AC-01'));
      assert.match(markdown(h), /Defined in \[controls\/ac-01\.md\]\(file:\/\/\/ws\/controls\/ac-01\.md\)/);
      const unknown = cursor(policy({}, `${POLICY_BODY}\nSee CTL-AC-01 and NOT-A|N-ID.\n`)).position;
      assert.strictEqual(hover(index, doc, unknown), null);
    });

    it('says when a `policy` value names no document', async () => {
      const { index, doc, position } = await workspaceAt({ 'controls/ac-01.md': control({ policy: 'POL-NO|NE' }) }, 'controls/ac-01.md');
      assert.strictEqual(markdown(hover(index, doc, position)), '**POL-NONE**\n\nNo document has this id.');
    });

    it('lists every file of a duplicated id', async () => {
      const files = { 'policies/a.md': policy(), 'policies/b.md': policy({ title: 'Other' }), 'controls/ac-01.md': control({ policy: 'POL-ACCE|SS' }) };
      const { index, doc, position } = await workspaceAt(files, 'controls/ac-01.md');
      assert.match(markdown(hover(index, doc, position)), /Defined in 2 documents \(ids must be unique\):\n\n- \[policies\/a\.md\]\(file:\/\/\/ws\/policies\/a\.md\)\n- \[policies\/b\.md\]/);
    });
  });

  describe('on an ML topic id', () => {
    it('in `ml` shows the title, what an auditor looks for, home criteria, the items of other frameworks it helps meet and coverage', async () => {
      const files = { 'attest.yaml': 'ml: true\n', 'policies/change.md': policy({ id: 'POL-CHANGE', criteria: '[CC8.1]', ml: '[model-vers|ioning]' }) };
      const { index, doc, position, files: clean } = await workspaceAt(files, 'policies/change.md');
      const h = hover(index, doc, position);
      const topic = index.catalog.get('model-versioning')!;
      assert.deepStrictEqual(h?.range, rangeOf(clean['policies/change.md'], 'model-versioning'));
      assert.strictEqual(
        markdown(h),
        [
          `**model-versioning** — ML topic: ${topic.title}`,
          '',
          `What an auditor looks for: ${topic.auditor}`,
          '',
          'Home criteria: CC8.1',
          '',
          'A document that addresses this topic helps meet (claim them under `satisfies`):',
          '',
          ...(['iso42001', 'nist-ai-rmf'] as const).map((framework) => {
            const items = (topic.frameworks?.[framework] ?? []).map((id) => `${id} (${index.frameworks.item(framework, id)?.title})`);
            return `- ${framework === 'iso42001' ? 'ISO/IEC 42001' : 'NIST AI RMF'}: ${items.join(', ')} — not turned on`;
          }),
          '',
          'Coverage: **documented** — claimed by documents, but no control',
          '',
          '- [POL-CHANGE — Access Control Policy](file:///ws/policies/change.md) (policy)',
        ].join('\n'),
      );
    });

    it('in the body, and says when ML topics are not checked', async () => {
      const files = { 'attest.yaml': 'ml: false\n', 'policies/access.md': policy({}, `${POLICY_BODY}\nWe track drift-moni|toring.\n`) };
      const { index, doc, position } = await workspaceAt(files, 'policies/access.md');
      assert.match(markdown(hover(index, doc, position)), /ML topics are not checked in this workspace/);
    });
  });

  it('has nothing to say elsewhere: plain text, field keys, link targets, headings', async () => {
    const body = `${POLICY_BODY}\nSee [the control](../controls/CTL-AC-01.md).\n`;
    const { index } = await workspace({ 'policies/access.md': policy({}, body), 'controls/ac-01.md': control() });
    const doc = index.get('policies/access.md')!;
    const text = doc.text.getText();
    const inside = (needle: string, delta: number) => {
      const r = rangeOf(text, needle);
      return { line: r.start.line, character: r.start.character + delta };
    };
    for (const position of [inside('Text about purpose', 1), inside('criteria:', 1), inside('CTL-AC-01.md', 3), inside('## Purpose', 4)]) {
      assert.strictEqual(hover(index, doc, position), null, JSON.stringify(position));
    }
  });
});
