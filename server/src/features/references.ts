import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { bodyMentions, exceptionLocation, frontmatterIds, idAt, idInConfigAt, valueRange, type IdKind } from './idAt';
import { NOT_CANCELLED, type Cancellation } from '../core/cancellation';
import { frameworkReferences } from './frameworkNavigation';

/** Every place that names the id under the cursor in a document. */
export function references(index: WorkspaceIndex, doc: AttestDocument, position: Position, includeDeclaration: boolean, token: Cancellation = NOT_CANCELLED): Location[] {
  const target = idAt(index, doc, position);
  if (target?.kind === 'item' || target?.kind === 'framework') return frameworkReferences(index, target, token);
  return target ? referencesOf(index, target.kind, target.id, includeDeclaration, token) : [];
}

/** References of the criterion id under the cursor in attest.yaml. */
export function referencesInConfig(index: WorkspaceIndex, text: TextDocument, position: Position, token: Cancellation = NOT_CANCELLED): Location[] {
  const target = idInConfigAt(index, text, position);
  if (target?.kind === 'item' || target?.kind === 'framework') return frameworkReferences(index, target, token);
  return target ? referencesOf(index, target.kind, target.id, true, token) : [];
}

/**
 * A document id: its `id` values (with `includeDeclaration`), every `policy` and `extends`
 * naming it, and its mentions in document bodies. A criterion: the `criteria` item of every
 * document claiming it, and its attest.yaml exception. An ML topic: every `ml` item naming it.
 * In file order, files by path, so that results are stable.
 */
export function referencesOf(index: WorkspaceIndex, kind: IdKind, id: string, includeDeclaration: boolean, token: Cancellation = NOT_CANCELLED): Location[] {
  if (kind === 'criterion') {
    const found = claimedIn(index.claimsOf(id), 'criteria', id);
    const exception = exceptionLocation(index, id);
    return exception ? [...found, exception] : found;
  }
  if (kind === 'topic') return claimedIn(index.topicClaimsOf(id), 'ml', id);
  const found: Location[] = [];
  for (const doc of byPath(index.documents)) {
    if (token.isCancellationRequested) return [];
    for (const o of frontmatterIds(doc)) {
      if (o.kind !== 'document' || o.id !== id || (o.place === 'id' && !includeDeclaration)) continue;
      found.push({ uri: doc.uri, range: o.range });
    }
    for (const o of bodyMentions(index, doc, 'document', id)) found.push({ uri: doc.uri, range: o.range });
  }
  return found;
}

function claimedIn(docs: readonly AttestDocument[], field: 'criteria' | 'ml', id: string): Location[] {
  return byPath(docs).flatMap((doc) => doc[field].filter((c) => c.value === id).map((c) => ({ uri: doc.uri, range: valueRange(doc.text, c) })));
}

function byPath(docs: Iterable<AttestDocument>): AttestDocument[] {
  return [...docs].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}
