import { TextDocument } from 'vscode-languageserver-textdocument';
import { CreateFile, TextDocumentEdit, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver-types';
import { placeholdersIn } from '../../core/placeholders';
import { REVEAL_EDIT_COMMAND, type ClientCommands, type RevealEditArgs } from '../../shared/commands';
import { plainText } from '../plainText';

/** The current text of a file the workspace knows (an open buffer, an indexed document, attest.yaml). */
export type TextOf = (uri: string) => TextDocument | undefined;

/**
 * Quick fixes as the editor shows them: plain titles (the quick-fix menu renders no
 * Markdown), and, for a client that runs `attest.revealEdit`, a fix that creates a file or
 * writes lines into one then shows them, with the first placeholder selected to type over.
 */
export function forEditor(actions: readonly CodeAction[], textOf: TextOf, commands: ClientCommands): CodeAction[] {
  return actions.map((action) => {
    const shown: CodeAction = { ...action, title: plainText(action.title) };
    const reveal = commands.has(REVEAL_EDIT_COMMAND) && !action.command ? revealTarget(action, textOf) : undefined;
    if (reveal) shown.command = { title: 'Show what the fix wrote', command: REVEAL_EDIT_COMMAND, arguments: [reveal] };
    return shown;
  });
}

/**
 * Where the editor should go after the action: the file it creates, else the largest block
 * of lines it writes. Nothing for an edit within a line (a replaced id, a renamed key): that
 * happens where the author already looks.
 */
export function revealTarget(action: CodeAction, textOf: TextOf): RevealEditArgs | undefined {
  const edit = action.edit;
  if (!edit) return undefined;
  const edits = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}).map(([uri, list]) => [uri, [...list]]));
  const created = new Set<string>();
  for (const change of edit.documentChanges ?? []) {
    if (CreateFile.is(change)) created.add(change.uri);
    else if (TextDocumentEdit.is(change)) {
      const list = edits.get(change.textDocument.uri) ?? [];
      list.push(...change.edits.filter((e): e is TextEdit => 'newText' in e));
      edits.set(change.textDocument.uri, list);
    }
  }
  const [createdUri] = created;
  if (createdUri !== undefined) {
    const content = TextDocument.applyEdits(TextDocument.create(createdUri, 'markdown', 0, ''), edits.get(createdUri) ?? []);
    return { uri: createdUri, range: selectionIn(TextDocument.create(createdUri, 'markdown', 0, content), 0, content.length) };
  }
  let best: { uri: string; edit: TextEdit; lines: number } | undefined;
  for (const [uri, list] of edits) {
    for (const e of list) {
      const lines = e.newText.split('\n').length - 1;
      if (lines > 0 && (!best || lines > best.lines)) best = { uri, edit: e, lines };
    }
  }
  const before = best && textOf(best.uri);
  if (!best || !before) return undefined;
  const list = edits.get(best.uri) ?? [];
  const after = TextDocument.create(best.uri, before.languageId, before.version + 1, TextDocument.applyEdits(before, list));
  const start = offsetAfterEdits(before, list, best.edit);
  return { uri: best.uri, range: selectionIn(after, start, start + best.edit.newText.length) };
}

/** Where the text of `chosen` starts once every edit of its file is applied: shifted by the edits before it. */
function offsetAfterEdits(text: TextDocument, edits: readonly TextEdit[], chosen: TextEdit): number {
  const from = text.offsetAt(chosen.range.start);
  let shift = 0;
  for (const e of edits) {
    if (e === chosen) continue;
    const start = text.offsetAt(e.range.start);
    const end = text.offsetAt(e.range.end);
    // An insertion at the same place goes before the chosen one only when it is listed first, as LSP applies them.
    if (end < from || (end === from && edits.indexOf(e) < edits.indexOf(chosen))) shift += e.newText.length - (end - start);
  }
  return from + shift;
}

/** The first placeholder between two offsets of `text`, else an empty range where its written text starts (after leading line breaks). */
function selectionIn(text: TextDocument, from: number, to: number): Range {
  const written = text.getText().slice(from, to);
  const first = placeholdersIn(written)[0];
  if (first) return { start: text.positionAt(from + first.start), end: text.positionAt(from + first.end) };
  const at = text.positionAt(from + (written.length - written.replace(/^[\r\n]+/, '').length));
  return { start: at, end: at };
}
