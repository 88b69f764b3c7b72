import * as assert from 'assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, workspaceSymbols } from '../../../server/src/features/symbols';
import { control, policy, rangeOf, workspace } from '../../helpers';
import { uri } from './cursor';

/** A symbol tree as nested names, to compare outlines at a glance. */
function shape(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children?.length ? { [s.name]: shape(s.children) } : s.name));
}

function contains(outer: DocumentSymbol): void {
  const inside = (a: DocumentSymbol['range'], b: DocumentSymbol['range']) =>
    (a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character <= b.start.character)) &&
    (a.end.line > b.end.line || (a.end.line === b.end.line && a.end.character >= b.end.character));
  assert.ok(inside(outer.range, outer.selectionRange), `${outer.name}: selection outside range`);
  for (const child of outer.children ?? []) {
    assert.ok(inside(outer.range, child.range), `${child.name} outside ${outer.name}`);
    contains(child);
  }
}

describe('document symbols', () => {
  it('outline the frontmatter with its fields, criteria listed, then the headings', async () => {
    const text = policy({ ml: '[training-data-access]' });
    const { index } = await workspace({ 'policies/access.md': text });
    const symbols = documentSymbols(index.get('policies/access.md')!);
    assert.deepStrictEqual(shape(symbols), [
      { Frontmatter: ['id', 'type', 'title', 'owner', 'status', 'review', { criteria: ['CC6.1', 'CC6.2'] }, { ml: ['training-data-access'] }] },
      { 'Access Control Policy': ['Purpose', 'Scope', 'Roles and Responsibilities', 'Policy', 'Enforcement', 'Exceptions', 'Review'] },
    ]);
    symbols.forEach(contains);
    const [frontmatter, title] = symbols;
    assert.strictEqual(frontmatter.detail, 'POL-ACCESS · policy');
    assert.deepStrictEqual(frontmatter.range, { start: { line: 0, character: 0 }, end: rangeOf(text, '---', 1).end });
    const id = frontmatter.children![0];
    assert.deepStrictEqual([id.kind, id.detail, id.selectionRange], [SymbolKind.Property, 'POL-ACCESS', rangeOf(text, 'id')]);
    assert.deepStrictEqual(id.range, rangeOf(text, 'id: POL-ACCESS'));
    const criteria = frontmatter.children![6];
    assert.deepStrictEqual([criteria.kind, criteria.detail, criteria.range], [SymbolKind.Array, 'CC6.1, CC6.2', rangeOf(text, 'criteria: [CC6.1, CC6.2]')]);
    assert.deepStrictEqual(criteria.children![1].range, rangeOf(text, 'CC6.2'));
    assert.deepStrictEqual(frontmatter.children![5].detail, 'cycle, last');
    const purpose = title.children![0];
    assert.deepStrictEqual(purpose.selectionRange, rangeOf(text, '## Purpose'));
    // A section runs to the line before the next heading of its level.
    assert.deepStrictEqual(purpose.range, { start: rangeOf(text, '## Purpose').start, end: { line: rangeOf(text, '## Scope').start.line - 1, character: 0 } });
    assert.deepStrictEqual(title.range.end, { line: text.split('\n').length - 1, character: 0 });
  });

  it('nest headings by depth, also when levels are skipped', async () => {
    const body = '## Before the title\n\n# Title\n\n## A\n\n### A1\n\ntext\n\n## B\n\n#### B deep\n\n### B1\n';
    const { index } = await workspace({ 'policies/x.md': policy({}, body) });
    const symbols = documentSymbols(index.get('policies/x.md')!);
    assert.deepStrictEqual(shape(symbols.slice(1)), [{ 'Access Control Policy': ['Before the title'] }, { Title: [{ A: ['A1'] }, { B: ['B deep', 'B1'] }] }]);
    symbols.forEach(contains);
  });

  it('have only headings when there is no frontmatter', async () => {
    const { index } = await workspace({ 'policies/x.md': '# Just a title\n\nText.\n' });
    assert.deepStrictEqual(shape(documentSymbols(index.get('policies/x.md')!)), ['Just a title']);
  });

  it('list the criteria of a comply document under `satisfies`', async () => {
    const text = 'name: Access Policy\nacronym: AP\nsatisfies:\n  TSC:\n    - CC6.1\n---\n# Access\n';
    const { index } = await workspace({ 'policies/ap.md': text });
    const [frontmatter] = documentSymbols(index.get('policies/ap.md')!);
    assert.deepStrictEqual(shape([frontmatter]), [{ Frontmatter: ['name', 'acronym', { satisfies: ['CC6.1'] }] }]);
  });
});

describe('workspace symbols', () => {
  const files = {
    'policies/access.md': policy(),
    'controls/ac-01.md': control(),
    'controls/ac-02.md': control({ id: 'CTL-AC-02', title: 'Access revocation' }),
    'policies/no-id.md': policy({ id: '' }),
  };

  it('find documents by id or title, case-insensitively, with the id and title as name', async () => {
    const { index } = await workspace(files);
    const names = (query: string) => workspaceSymbols([index], query).map((s) => s.name);
    assert.deepStrictEqual(names('ctl-ac'), ['CTL-AC-01 — Access provisioning', 'CTL-AC-02 — Access revocation']);
    assert.deepStrictEqual(names('REVOC'), ['CTL-AC-02 — Access revocation']);
    assert.deepStrictEqual(names('access'), ['CTL-AC-01 — Access provisioning', 'CTL-AC-02 — Access revocation', 'POL-ACCESS — Access Control Policy']);
    assert.deepStrictEqual(names(''), names('access'));
    assert.deepStrictEqual(names('nothing like it'), []);
    const [symbol] = workspaceSymbols([index], 'CTL-AC-01');
    assert.deepStrictEqual(symbol, {
      name: 'CTL-AC-01 — Access provisioning',
      kind: SymbolKind.Class,
      location: { uri: uri('controls/ac-01.md'), range: rangeOf(files['controls/ac-01.md'], 'CTL-AC-01') },
      containerName: 'control · controls/ac-01.md',
    });
  });

  it('search every folder, up to the limit, and stop when cancelled', async () => {
    const first = await workspace(files);
    const second = await workspace({ 'policies/other.md': policy({ id: 'POL-OTHER', title: 'Other Access Policy' }) });
    assert.strictEqual(workspaceSymbols([first.index, second.index], 'access').length, 4);
    assert.deepStrictEqual(workspaceSymbols([first.index, second.index], 'access', undefined, 2).map((s) => s.name.split(' ')[0]), ['CTL-AC-01', 'CTL-AC-02']);
    assert.deepStrictEqual(workspaceSymbols([first.index, second.index], '', { isCancellationRequested: true }), []);
  });
});
