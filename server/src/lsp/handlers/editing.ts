import { CodeActionKind, type CodeAction, type CompletionItem } from 'vscode-languageserver/node';
import { runSafe } from '../runSafe';
import type { HandlerGroup } from './context';

/** Completion in the frontmatter and in attest.yaml, and the quick fixes of the diagnostics. */
export const editingHandlers: HandlerGroup = {
  capabilities: {
    completionProvider: { triggerCharacters: [' ', '[', ',', '-', ':'] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  },

  register({ connection, buffers, folders, sync, log }): void {
    connection.onCompletion(
      runSafe(log, 'completion', [] as CompletionItem[], async (params, token) => {
        const config = await folders.configAt(params.textDocument.uri, buffers);
        if (config) return config.folder.service.completionInConfig(config.text, params.position, token);
        const found = await sync.documentAt(params.textDocument.uri);
        return found ? found.folder.service.completion(found.doc, params.position, token) : [];
      }),
    );

    connection.onCodeAction(
      runSafe(log, 'code actions', [] as CodeAction[], async (params, token) => {
        const only = params.context.only;
        if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '')) return [];
        const config = await folders.configAt(params.textDocument.uri, buffers);
        if (config) return config.folder.service.codeActions({ text: config.text }, params.context.diagnostics, params.range, token);
        const found = await sync.documentAt(params.textDocument.uri);
        return found ? found.folder.service.codeActions({ text: found.doc.text, doc: found.doc }, params.context.diagnostics, params.range, token) : [];
      }),
    );
  },
};
