import type { Location, Position } from 'vscode-languageserver-types';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { frameworkDefinition } from './frameworkNavigation';
import { documentLocation, exceptionLocation, idAt } from './idAt';

/**
 * Where the id under the cursor is defined: the document that has a document id (every
 * one, when the id is duplicated), the attest.yaml exception of an excepted criterion or
 * framework item, or the `frameworks` entry that turns a framework on. Criteria, items and
 * ML topics are otherwise defined by Attest's data, not by a file.
 */
export function definition(index: WorkspaceIndex, doc: AttestDocument, position: Position): Location[] {
  const target = idAt(index, doc, position);
  if (!target) return [];
  if (target.kind === 'document') return index.documentsWithId(target.id).map(documentLocation);
  if (target.kind === 'item' || target.kind === 'framework') return frameworkDefinition(index, target);
  if (target.kind === 'criterion') {
    const exception = exceptionLocation(index, target.id);
    return exception ? [exception] : [];
  }
  return [];
}
