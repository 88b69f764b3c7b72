import type { AttestDocument } from '../document/model';

/** Documents that still count: a retired one claims nothing. */
export function isLive(doc: AttestDocument): boolean {
  return doc.status?.value !== 'retired';
}

/**
 * Documents whose claims count in the headline (SPEC §10): approved or implemented ones. A
 * draft, or one in review, only drafts what it claims. A comply document, which has no
 * status, counts.
 */
export function isAdopted(doc: AttestDocument): boolean {
  const status = doc.status?.value;
  // comply has no status: its documents are the published policies, and count as written.
  if (status === undefined && doc.dialect === 'comply') return true;
  return status === 'approved' || status === 'implemented';
}

/** The documents that count for coverage, as every view lists them: live ones, controls first, then by id. */
export function orderedClaimants(docs: readonly AttestDocument[]): AttestDocument[] {
  const rank = (d: AttestDocument) => (d.type === 'control' ? 0 : d.type === 'procedure' ? 1 : 2);
  return docs.filter(isLive).sort((a, b) => rank(a) - rank(b) || (a.id?.value ?? a.relPath).localeCompare(b.id?.value ?? b.relPath));
}

/** Where claims are read from; the index keeps these maps current. */
export interface ClaimSource {
  claimsOf(criterion: string): readonly AttestDocument[];
  topicClaimsOf(topic: string): readonly AttestDocument[];
  frameworkClaimsOf(framework: string, id: string): readonly AttestDocument[];
}

/** The live documents that claim a criterion, in the order every view lists them. */
export function claimantsOf(source: ClaimSource, criterion: string): AttestDocument[] {
  return orderedClaimants(source.claimsOf(criterion));
}

/** The live documents that list an ML topic, in the order every view lists them. */
export function topicClaimantsOf(source: ClaimSource, topic: string): AttestDocument[] {
  return orderedClaimants(source.topicClaimsOf(topic));
}

/** The live documents that claim an item of a framework, in the order every view lists them. */
export function itemClaimantsOf(source: ClaimSource, framework: string, id: string): AttestDocument[] {
  return orderedClaimants(source.frameworkClaimsOf(framework, id));
}

/** The ids of claimants as reports list them: a document without an id by its path, each once. */
export function claimantIds(claimants: readonly AttestDocument[]): string[] {
  return [...new Set(claimants.map((d) => d.id?.value ?? d.relPath))];
}
