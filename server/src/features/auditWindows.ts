import { windowLine } from '../core/audit/summary';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { evidenceWindows, typeTwoAudit } from '../core/query/evidence';

/**
 * A control's windows under a Type II audit, on one line (`Q1 ✓ Q2 ✓ Q3 ✗ Q4 upcoming`), as
 * the code lens and the hover show them; undefined for any other document or audit.
 */
export function controlWindowLine(index: WorkspaceIndex, doc: AttestDocument): string | undefined {
  const audit = typeTwoAudit(index.config.audit);
  if (!audit || doc.type !== 'control') return undefined;
  const line = windowLine(evidenceWindows(doc, audit, index.today));
  return line || undefined;
}
