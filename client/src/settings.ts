import * as path from 'path';
import * as vscode from 'vscode';
import type { AttestSettings } from '../../server/src/lsp/settings';

/**
 * The `attest.*` settings (package.json `contributes.configuration`). The server pulls
 * `attest` per folder with `workspace/configuration`; the client reads them only for
 * display. Keep the keys in step with server/src/lsp/settings.ts.
 */
export const SETTINGS_SECTION = 'attest';

export const CATEGORY_KEYS = ['availability', 'processing-integrity', 'confidentiality', 'privacy'] as const;

/** The settings of a folder (or the window when there is none). */
export function attestSettings(scope?: vscode.ConfigurationScope): AttestSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    categories: config.get<string[]>('categories'),
    ml: config.get<boolean | 'auto'>('ml'),
    rules: config.get<Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>>('rules'),
  };
}

/** The bundled CLI and language server. */
export function serverModule(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath(path.join('dist', 'attest.js'));
}
