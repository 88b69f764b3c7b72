import { diagnoseDocument } from '../core/diagnostics';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { definedInOtherFolderMessage, referenceKeyAt } from '../core/rules/unresolvedReference';
import type { Diagnostic } from '../core/types';

/**
 * A document's diagnostics, where a reference to an id no document of the folder has says
 * which other workspace folder has it: each folder is its own workspace, so the reference
 * stays an error, but "no document has the id" would be untrue to someone who sees it open.
 */
export function documentDiagnostics(index: WorkspaceIndex, relPath: string, otherFoldersWithId?: (id: string) => readonly string[]): Diagnostic[] {
  const doc = index.get(relPath);
  return doc ? withOtherFolders(index, doc, index.diagnose(relPath), otherFoldersWithId) : [];
}

/** The diagnostics of a buffer the index does not hold (its file is not on disk), checked against the workspace. */
export function detachedDiagnostics(index: WorkspaceIndex, doc: AttestDocument, otherFoldersWithId?: (id: string) => readonly string[]): Diagnostic[] {
  return withOtherFolders(index, doc, diagnoseDocument(doc, index), otherFoldersWithId);
}

function withOtherFolders(index: WorkspaceIndex, doc: AttestDocument, found: Diagnostic[], otherFoldersWithId?: (id: string) => readonly string[]): Diagnostic[] {
  if (!otherFoldersWithId) return found;
  return found.map((d) => {
    const id = d.data?.name;
    if (d.code !== 'unresolved-reference' || !id || index.documentsWithId(id).length > 0) return d;
    const key = referenceKeyAt(doc, d.range);
    const folders = key ? otherFoldersWithId(id) : [];
    return key && folders.length > 0 ? { ...d, message: definedInOtherFolderMessage(id, key, folders) } : d;
  });
}
