import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type CompletionItem } from 'vscode-languageserver/node';
import { runSafe } from '../runSafe';
import { FIX_ALL_KIND } from '../../features/codeActions/fixAll';
import type { HandlerGroup } from './context';

/** Completion in the frontmatter and in attest.yaml, and the quick fixes of the diagnostics. */
export const editingHandlers: HandlerGroup = {
  capabilities: {
    completionProvider: { triggerCharacters: [' ', '[', ',', '-', ':'] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
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

    const fixAllOf = async (uri: string, token: CancellationToken): Promise<CodeAction[]> => {
      const found = await sync.documentAt(uri);
      return found ? found.folder.service.fixAll(found.doc, token) : [];
    };
    const quickFixesOf = async ({ textDocument, context, range }: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> => {
      const config = await folders.configAt(textDocument.uri, buffers);
      if (config) return config.folder.service.codeActions({ text: config.text }, context.diagnostics, range, token);
      const found = await sync.documentAt(textDocument.uri);
      return found ? found.folder.service.codeActions({ text: found.doc.text, doc: found.doc }, context.diagnostics, range, token) : [];
    };

    connection.onCodeAction(
      runSafe(log, 'code actions', [] as CodeAction[], async (params, token) => {
        const only = params.context.only;
        // The fix-all action is a source action: only a request that asks for it gets it.
        const fixAll = only?.some((kind) => covers(kind, FIX_ALL_KIND)) ? await fixAllOf(params.textDocument.uri, token) : [];
        if (only && !only.some((kind) => covers(kind, CodeActionKind.QuickFix))) return fixAll;
        return [...(await quickFixesOf(params, token)), ...fixAll];
      }),
    );
  },
};

/** Whether a requested kind (`source`, `source.fixAll`, `quickfix`, or `''` for every kind) takes in `kind`. */
function covers(requested: string, kind: string): boolean {
  return requested === '' || requested === kind || kind.startsWith(`${requested}.`);
}
