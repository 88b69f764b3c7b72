import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AttestDocument } from '../../../server/src/core/document/model';
import type { IndexOptions, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { ROOT, workspace } from '../../helpers';

export const CURSOR = '|';

/** `'criteria: [CC6|.2]'` → the text without the marker, and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at < 0 || marked.indexOf(CURSOR, at + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in ${JSON.stringify(marked)}`);
  const before = marked.slice(0, at).split('\n');
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** An in-memory workspace where `file` holds a cursor marker, with the document and position under it. */
export async function workspaceAt(
  files: Record<string, string>,
  file: string,
  options: IndexOptions = {},
): Promise<{ index: WorkspaceIndex; doc: AttestDocument; position: Position; files: Record<string, string> }> {
  const { text, position } = cursor(files[file]);
  const clean = { ...files, [file]: text };
  const { index } = await workspace(clean, options);
  const doc = index.get(file);
  if (!doc) throw new Error(`${file} is not an Attest document`);
  return { index, doc, position, files: clean };
}

export function uri(relPath: string): string {
  return `${ROOT}/${relPath}`;
}

/** The texts after applying a workspace edit (`changes` form) to in-memory files. */
export function applyEdit(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...files };
  for (const [target, edits] of Object.entries(edit.changes ?? {})) {
    const rel = Object.keys(files).find((f) => uri(f) === target);
    if (rel === undefined) throw new Error(`edit for a file not in the workspace: ${target}`);
    result[rel] = TextDocument.applyEdits(TextDocument.create(target, 'markdown', 0, files[rel]), edits);
  }
  return result;
}
