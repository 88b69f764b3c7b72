import * as path from 'path';
import type * as vscode from 'vscode';

export { SETTINGS_SECTION } from '../../server/src/shared/settings';

/** The bundled CLI and language server. */
export function serverModule(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath(path.join('dist', 'attest.js'));
}
