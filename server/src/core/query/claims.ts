import type { DocumentLocation } from '../../shared/protocol';
import type { AttestDocument } from '../document/model';
import { valueRange } from '../document/text';

/** Where a document writes a claimed id: the id's own characters, without the quotes YAML allows. */
export function claimPosition(doc: AttestDocument, claim: AttestDocument['criteria'][number]): { line: number; character: number } {
  return valueRange(doc.text, claim).start;
}

/**
 * Where each document lives and where it writes each criterion, topic and framework item it claims, by id,
 * for the coverage view to open a document at its claim. The first document with an id wins.
 */
export function claimLocations(documents: Iterable<AttestDocument>): Record<string, DocumentLocation> {
  const found: Record<string, DocumentLocation> = {};
  for (const doc of documents) {
    if (!doc.id || found[doc.id.value]) continue;
    const claims: Record<string, { line: number; character: number }> = {};
    for (const c of [...doc.criteria, ...doc.ml]) claims[c.value] ??= claimPosition(doc, c);
    // Framework items by `framework:id`: ids repeat across frameworks (A.5.2 is in both ISO annexes).
    for (const group of doc.satisfies) for (const item of group.items) claims[`${group.framework.value}:${item.value}`] ??= claimPosition(doc, item);
    found[doc.id.value] = { uri: doc.uri, title: doc.title?.value ?? doc.id.value, type: doc.type ?? 'document', status: doc.status?.value ?? 'draft', claims };
  }
  return found;
}
