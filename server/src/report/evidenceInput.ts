import type { EvidenceItem, EvidenceListInput, RequestControl } from '../core/audit/requests';
import type { AttestDocument, EvidenceEntry } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';

/**
 * What the evidence request list is made of, read from the index: every control in force
 * (not retired) with an id, and its evidence entries. Undefined when attest.yaml names no
 * audit, since windows mean nothing without one.
 */
export function evidenceListInput(index: WorkspaceIndex): EvidenceListInput | undefined {
  const audit = index.config.audit;
  if (!audit) return undefined;
  const controls: RequestControl[] = [];
  for (const doc of index.documents) {
    const id = doc.id?.value;
    if (doc.type !== 'control' || !id || doc.status?.value === 'retired') continue;
    const owner = ownerOf(doc);
    controls.push({
      id,
      title: doc.title?.value ?? id,
      criteria: [...new Set(doc.criteria.map((c) => c.value))],
      ...(owner ? { owner } : {}),
      ...(doc.frequency ? { frequency: doc.frequency.value } : {}),
      relPath: index.relPathOf(doc.uri) ?? doc.relPath,
      evidence: doc.evidence.map(evidenceItem),
    });
  }
  return { ...(index.config.organization ? { organization: index.config.organization } : {}), audit, today: index.today, controls };
}

function evidenceItem(entry: EvidenceEntry): EvidenceItem {
  return {
    ...(entry.name ? { name: entry.name.value } : {}),
    ...(entry.path ? { path: entry.path.value } : {}),
    ...(entry.url ? { url: entry.url.value } : {}),
    ...(entry.collected ? { collected: entry.collected.value } : {}),
    ...(entry.noEvent ? { noEvent: true } : {}),
  };
}

function ownerOf(doc: AttestDocument): string | undefined {
  const node = doc.fields.get('owner')?.node;
  const value = node && 'value' in node ? node.value : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
