import { TextDocument } from 'vscode-languageserver-textdocument';
import { CreateFile, TextDocumentEdit, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { AttestDocument } from '../../../server/src/core/document/model';
import type { IndexOptions, WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex';
import { ROOT, workspace } from '../../helpers';

export const CURSOR = '|';

/** `'criteria: [CC6|.2]'` → the text without the marker, and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at < 0 || marked.indexOf(CURSOR, at + 1) >= 0) throw new Error(`expected exactly one ${CURSOR} in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { text, position: TextDocument.create('file:///x', 'markdown', 0, text).positionAt(at) };
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

/** `text` with `edits` applied, as an editor applies them (all against the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), [...edits]);
}

/**
 * The files of an in-memory workspace after a workspace edit: text edits applied, created
 * files added (and a creation over an existing file refused, as `overwrite: false` asks).
 */
export function applyWorkspaceEdit(files: Record<string, string>, edit: WorkspaceEdit, index: WorkspaceIndex): Record<string, string> {
  const result = { ...files };
  const rel = (uri: string): string => {
    const path = index.relPathOf(uri);
    if (path === undefined) throw new Error(`${uri} is outside the workspace`);
    return path;
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    if (result[rel(uri)] === undefined) throw new Error(`edit for a file not in the workspace: ${uri}`);
    result[rel(uri)] = applyEdits(result[rel(uri)], edits);
  }
  for (const change of edit.documentChanges ?? []) {
    if (CreateFile.is(change)) {
      if (result[rel(change.uri)] !== undefined) throw new Error(`${rel(change.uri)} exists already`);
      result[rel(change.uri)] = '';
    } else if (TextDocumentEdit.is(change)) {
      const path = rel(change.textDocument.uri);
      if (result[path] === undefined) throw new Error(`${path} does not exist`);
      result[path] = applyEdits(result[path], change.edits.filter((e): e is TextEdit => 'newText' in e));
    } else throw new Error(`unexpected change ${JSON.stringify(change)}`);
  }
  return result;
}
