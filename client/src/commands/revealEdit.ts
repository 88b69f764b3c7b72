import * as vscode from 'vscode';

interface LspRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

function rangeOf(value: unknown): vscode.Range | undefined {
  const r = value as Partial<LspRange> | undefined;
  const ok = (p: unknown): p is { line: number; character: number } =>
    !!p && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
  return r && ok(r.start) && ok(r.end) ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : undefined;
}

/**
 * The command a quick fix runs after its edit: opens the file it created, or shows the text it
 * added (a section appended at the end of a long policy is otherwise out of sight), and puts
 * the cursor on `range` (the first placeholder to fill, when the server knows it).
 */
export async function revealEditCommand(arg: unknown): Promise<void> {
  const target = arg as { uri?: unknown; range?: unknown } | undefined;
  if (typeof target?.uri !== 'string') return;
  const range = rangeOf(target.range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { preview: false, selection: range });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
