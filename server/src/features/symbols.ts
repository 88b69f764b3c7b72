import { isMap, isScalar, isSeq } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Position, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { AttestDocument, DocumentField } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { DocumentType } from '../core/types';
import { documentLocation, valueRange } from './idAt';
import { NOT_CANCELLED, type Cancellation } from '../core/cancellation';

/** The most workspace symbols answered at once; the editor asks again as the query narrows. */
export const WORKSPACE_SYMBOL_LIMIT = 500;

/** The outline: the frontmatter with its fields, then the Markdown headings nested by depth. */
export function documentSymbols(doc: AttestDocument): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (doc.hasFrontmatter && doc.fields.size > 0) {
    const range = doc.frontmatterRange;
    const firstLineEnd = lineEnd(doc, range.start.line);
    const selectionRange: Range = { start: range.start, end: after(firstLineEnd, range.end) ? range.end : firstLineEnd };
    symbols.push({
      name: 'Frontmatter',
      detail: [doc.id?.value, doc.type].filter((x) => x !== undefined).join(' · '),
      kind: SymbolKind.Namespace,
      range,
      selectionRange,
      children: [...doc.fields.values()].map((field) => fieldSymbol(doc, field)),
    });
  }
  return [...symbols, ...headingSymbols(doc)];
}

function fieldSymbol(doc: AttestDocument, field: DocumentField): DocumentSymbol {
  const end = after(field.valueRange.end, field.keyRange.end) ? field.valueRange.end : field.keyRange.end;
  const symbol: DocumentSymbol = {
    name: field.key,
    detail: summary(field),
    kind: field.key === 'criteria' || field.key === 'ml' || field.key === 'evidence' ? SymbolKind.Array : SymbolKind.Property,
    range: { start: field.keyRange.start, end },
    selectionRange: field.keyRange,
  };
  // Criteria are written under `criteria` or `satisfies` (the only place in the comply dialect),
  // beside the items of other frameworks: each field lists the ids written inside it.
  const claimed = field.key === 'criteria' || field.key === 'satisfies' ? [...doc.criteria, ...doc.satisfies.flatMap((c) => c.items)] : field.key === 'ml' ? doc.ml : [];
  const listed = claimed.filter((item) => !after(field.keyRange.start, item.range.start) && !after(item.range.end, end));
  if (listed.length > 0) {
    symbol.children = listed.map((item) => {
      const range = valueRange(doc.text, item);
      return { name: item.value, kind: SymbolKind.Constant, range, selectionRange: range };
    });
  }
  return symbol;
}

/** A field's value in one short line, for the outline's detail. */
function summary(field: DocumentField): string {
  const node = field.node;
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  if (isSeq(node)) return node.items.map((item) => (isScalar(item) ? String(item.value) : '…')).join(', ');
  if (isMap(node)) return node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '…')).join(', ');
  return '';
}

/**
 * Headings as a tree: each spans its section, down to the next heading of the same or a
 * higher level, so that the editor's breadcrumbs follow the cursor through the section.
 */
function headingSymbols(doc: AttestDocument): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const open: { depth: number; symbol: DocumentSymbol }[] = [];
  const headings = doc.headings;
  headings.forEach((heading, i) => {
    const next = headings.slice(i + 1).find((h) => h.depth <= heading.depth);
    const sectionEnd = next ? lineEnd(doc, Math.max(heading.range.end.line, next.range.start.line - 1)) : doc.text.positionAt(doc.text.getText().length);
    const symbol: DocumentSymbol = {
      name: heading.text || '(empty heading)',
      kind: SymbolKind.String,
      range: { start: heading.range.start, end: after(sectionEnd, heading.range.end) ? sectionEnd : heading.range.end },
      selectionRange: heading.range,
      children: [],
    };
    while (open.length > 0 && open[open.length - 1].depth >= heading.depth) open.pop();
    const parent = open[open.length - 1];
    if (parent) parent.symbol.children?.push(symbol);
    else roots.push(symbol);
    open.push({ depth: heading.depth, symbol });
  });
  return roots;
}

const KIND_OF_TYPE: Readonly<Record<DocumentType, SymbolKind>> = {
  policy: SymbolKind.Module,
  control: SymbolKind.Class,
  procedure: SymbolKind.Function,
  narrative: SymbolKind.String,
  addendum: SymbolKind.Interface,
};

/**
 * Every document by id and title, across the workspace folders, whose id or title contains
 * the query (case-insensitive). The name carries both, because the editor filters the
 * answer again on the name.
 */
export function workspaceSymbols(indexes: Iterable<WorkspaceIndex>, query: string, token: Cancellation = NOT_CANCELLED, limit = WORKSPACE_SYMBOL_LIMIT): SymbolInformation[] {
  const wanted = query.trim().toLowerCase();
  const found: SymbolInformation[] = [];
  for (const index of indexes) {
    const docs = [...index.documents].filter((d) => d.id).sort((a, b) => (a.id?.value ?? '').localeCompare(b.id?.value ?? '') || a.relPath.localeCompare(b.relPath));
    for (const doc of docs) {
      if (token.isCancellationRequested || found.length >= limit) return found;
      const id = doc.id?.value ?? '';
      const title = doc.title?.value ?? '';
      if (wanted !== '' && !id.toLowerCase().includes(wanted) && !title.toLowerCase().includes(wanted)) continue;
      found.push({
        name: title ? `${id} — ${title}` : id,
        kind: doc.type ? KIND_OF_TYPE[doc.type] : SymbolKind.File,
        location: documentLocation(doc),
        containerName: doc.type ? `${doc.type} · ${doc.relPath}` : doc.relPath,
      });
    }
  }
  return found;
}

function lineEnd(doc: AttestDocument, line: number): Position {
  const text = doc.text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return { line, character: text.replace(/\r?\n$/, '').length };
}

function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}
