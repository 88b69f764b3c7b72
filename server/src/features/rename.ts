import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { AttestDocument } from '../core/document/model';
import { ID_PATTERN } from '../core/document/schema';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { idAt } from './idAt';
import { NOT_CANCELLED, type Cancellation } from '../core/cancellation';
import { referencesOf } from './references';

/**
 * Why a rename cannot be done. The LSP layer sends it as an error response, which the
 * editor shows to the user; a null answer would only say "cannot rename" without a reason.
 */
export interface RenameRefusal {
  readonly refusal: string;
}

export function isRefusal(value: unknown): value is RenameRefusal {
  return typeof value === 'object' && value !== null && typeof (value as { refusal?: unknown }).refusal === 'string';
}

/** The document id under the cursor and its range, or why it cannot be renamed. */
export function prepareRename(index: WorkspaceIndex, doc: AttestDocument, position: Position): { range: Range; placeholder: string } | RenameRefusal {
  const target = idAt(index, doc, position);
  if (!target) return { refusal: 'Only a document id can be renamed: put the cursor on an `id`, `policy` or `extends` value, or on a document id in the text.' };
  if (target.kind === 'criterion') return { refusal: `${target.id} is a Trust Services Criteria id: it is defined by the framework and cannot be renamed.` };
  if (target.kind === 'topic') return { refusal: `${target.id} is an ML topic id from the catalog and cannot be renamed.` };
  if (target.kind === 'item' || target.kind === 'framework') return { refusal: `${target.id} is ${target.kind === 'item' ? `an id of ${target.framework ?? 'a framework'}` : 'the name of a framework'}: it is defined by Attest's data and cannot be renamed.` };
  const owners = index.documentsWithId(target.id);
  if (owners.length === 0) return { refusal: `No document has the id ${target.id}: there is nothing to rename. Fix the reference instead.` };
  // The cursor on this document's own `id` says which of the documents is meant.
  if (owners.length > 1 && target.place !== 'id') {
    return {
      refusal: `${target.id} is the id of ${owners.length} documents (${owners.map((d) => d.relPath).sort().join(', ')}), so which one this names is ambiguous: rename the \`id\` of the document that should change, then point this reference at the id you mean.`,
    };
  }
  return { range: target.range, placeholder: target.id };
}

/**
 * Renames a document id across the workspace: its `id` value, every `policy` and `extends`
 * naming it, and its mentions in document bodies. Only the ids change, nothing around them.
 * An id that several documents have is renamed in the `id` of this document only.
 */
export function rename(index: WorkspaceIndex, doc: AttestDocument, position: Position, newName: string, token: Cancellation = NOT_CANCELLED): WorkspaceEdit | RenameRefusal {
  const prepared = prepareRename(index, doc, position);
  if (isRefusal(prepared)) return prepared;
  const oldName = prepared.placeholder;
  const name = newName.trim();
  if (!ID_PATTERN.test(name)) {
    return { refusal: `${name === '' ? 'An empty name' : `"${name}"`} is not a valid document id: use upper-case letters and digits, in words joined by "-", e.g. POL-ACCESS or CTL-AC-01.` };
  }
  if (name === oldName) return { changes: {} };
  const taken = index.documentsWithId(name);
  if (taken.length > 0) return { refusal: `${name} is already the id of ${taken[0].relPath}: ids must be unique, choose another.` };
  // A duplicated id: only this document's `id` changes. Which document each reference to the
  // old id meant is unknown, so they stay as they are (and the rename ends the duplicate).
  if (index.documentsWithId(oldName).length > 1) return { changes: { [doc.uri]: [{ range: prepared.range, newText: name }] } };
  const changes: Record<string, TextEdit[]> = {};
  for (const location of referencesOf(index, 'document', oldName, true, token)) {
    (changes[location.uri] ??= []).push({ range: location.range, newText: name });
  }
  return { changes };
}
