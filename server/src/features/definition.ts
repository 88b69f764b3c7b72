import type { Location, Position } from 'vscode-languageserver-types';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { frameworkDefinition } from './frameworkNavigation';
import { documentLocation, exceptionLocation, idAt } from './idAt';

/**
 * Where Attest's data defines an item of a framework (a TSC criterion, an ISO control): its
 * entry in the framework's data file. Given by a front end that has the files (the server);
 * the id belongs to the framework named, as ids repeat across frameworks.
 */
export type CriterionEntry = (framework: string, id: string) => Location | undefined;

/**
 * Where the id under the cursor is defined: the document that has a document id (every
 * one, when the id is duplicated); a criterion's or framework item's entry in the data that
 * defines it, then its attest.yaml exception when it has one; the `frameworks` entry that
 * turns a framework on. ML topics are defined by Attest's catalog, not by a file.
 */
export function definition(index: WorkspaceIndex, doc: AttestDocument, position: Position, criterionEntry?: CriterionEntry): Location[] {
  const target = idAt(index, doc, position);
  if (!target) return [];
  if (target.kind === 'document') return index.documentsWithId(target.id).map(documentLocation);
  if (target.kind === 'framework') return frameworkDefinition(index, target);
  if (target.kind === 'item') {
    const entry = target.framework ? criterionEntry?.(target.framework, target.id) : undefined;
    return [...(entry ? [entry] : []), ...frameworkDefinition(index, target)];
  }
  if (target.kind === 'criterion') {
    const framework = index.criteria.get(target.id)?.framework;
    const entry = framework ? criterionEntry?.(framework, target.id) : undefined;
    const exception = exceptionLocation(index, target.id);
    return [...(entry ? [entry] : []), ...(exception ? [exception] : [])];
  }
  return [];
}
