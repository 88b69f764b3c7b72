import * as vscode from 'vscode';
import { DEFAULT_FOLDERS, DOCUMENT_TYPES } from '../../server/src/shared/documentTypes';

/**
 * Whether the language server is worth starting. The extension activates on
 * `workspaceContains:` events (attest.yaml, policies/**\/*.md, controls/**\/*.md), on its
 * commands and view, and on `onLanguage:markdown` so that a workspace whose only Attest
 * documents sit elsewhere still gets diagnostics. Activation itself is cheap (a small bundle,
 * no process); this check decides whether the server process starts: it looks for
 * attest.yaml or a document folder (one `findFiles` each, limited to one result) and at
 * the open Markdown files' first lines for Attest frontmatter. A README opened in an
 * unrelated project stops here.
 */
export async function looksLikeAttestWorkspace(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  if (vscode.workspace.textDocuments.some(isAttestDocument)) return true;
  for (const glob of ['**/attest.yaml', `{${[...DEFAULT_FOLDERS, 'addenda'].join(',')}}/**/*.md`]) {
    const found = await vscode.workspace.findFiles(glob, '**/node_modules/**', 1);
    if (found.length > 0) return true;
  }
  return false;
}

const FRONTMATTER_TYPE = new RegExp(`^---\\r?\\n(?:.*\\r?\\n){0,40}?type\\s*:\\s*['"]?(${DOCUMENT_TYPES.join('|')})\\b`);

/** A Markdown file in a workspace folder whose frontmatter names an Attest document type. */
export function isAttestDocument(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' || doc.languageId !== 'markdown' || !vscode.workspace.getWorkspaceFolder(doc.uri)) return false;
  const head = doc.getText(new vscode.Range(0, 0, 42, 0));
  return FRONTMATTER_TYPE.test(head);
}
