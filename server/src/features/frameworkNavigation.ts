import type { Location } from 'vscode-languageserver-types';
import { NOT_CANCELLED, type Cancellation } from '../core/cancellation';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { valueRange, type IdOccurrence } from './idAt';

function byPath(docs: Iterable<AttestDocument>): AttestDocument[] {
  return [...docs].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** Where attest.yaml says something about a framework or one of its items: its `frameworks` entry, an item's exception. */
function configLocation(index: WorkspaceIndex, target: IdOccurrence): Location | undefined {
  const file = index.config.file;
  if (!file) return undefined;
  const range =
    target.kind === 'framework'
      ? index.config.enabledFrameworkRanges.get(target.id)
      : index.config.frameworkExceptions.get(target.framework ?? '')?.get(target.id)?.idRange;
  return range ? { uri: file.uri, range } : undefined;
}

/**
 * References of a framework item: where each document claims it under that framework's key,
 * and its exception in attest.yaml. Of a framework: every `satisfies` key naming it, and its
 * entry under `frameworks`. Files by path, so that results are stable.
 */
export function frameworkReferences(index: WorkspaceIndex, target: IdOccurrence, token: Cancellation = NOT_CANCELLED): Location[] {
  const found: Location[] = [];
  const framework = target.kind === 'item' ? (target.framework ?? '') : target.id;
  const docs = target.kind === 'item' ? index.frameworkClaimsOf(framework, target.id) : index.documents;
  for (const doc of byPath(docs)) {
    if (token.isCancellationRequested) return [];
    for (const claims of doc.satisfies) {
      if (claims.framework.value !== framework) continue;
      if (target.kind === 'framework') found.push({ uri: doc.uri, range: claims.framework.range });
      else for (const item of claims.items) if (item.value === target.id) found.push({ uri: doc.uri, range: valueRange(doc.text, item) });
    }
  }
  const config = configLocation(index, target);
  return config ? [...found, config] : found;
}

/** Where a framework is turned on (its attest.yaml entry), or where an item is declared not applicable. */
export function frameworkDefinition(index: WorkspaceIndex, target: IdOccurrence): Location[] {
  const config = configLocation(index, target);
  return config ? [config] : [];
}
