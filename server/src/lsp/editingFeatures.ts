import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../core/config';
import { codeActionsFor, type FixTarget } from '../features/codeActions';
import { completeConfig, completeDocument } from '../features/completion';
import type { AttestServer, Folder } from './server';

/** attest.yaml is no Attest document: its text is the editor buffer, else what the index read. */
function configText(server: AttestServer, folder: Folder, uri: string): TextDocument | undefined {
  if (uri !== folder.index.uriOf(CONFIG_FILE)) return undefined;
  return server.documents.get(uri) ?? folder.index.config.file?.text;
}

/** Completion in the frontmatter and in attest.yaml, and the quick fixes of the diagnostics. */
export const editingFeatures = {
  capabilities: {
    completionProvider: { triggerCharacters: [' ', '[', ',', '-', ':'] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  } satisfies ServerCapabilities,

  register(server: AttestServer): void {
    server.connection.onCompletion(
      server.safely('completion', [] as CompletionItem[], async (params: CompletionParams) => {
        const folder = server.folderOf(params.textDocument.uri);
        if (!folder) return [];
        await folder.ready;
        const config = configText(server, folder, params.textDocument.uri);
        if (config) return completeConfig(config, params.position, folder.index);
        const found = await server.documentAt(params.textDocument.uri);
        return found ? completeDocument(found.doc, params.position, found.folder.index, server.clientCommands) : [];
      }),
    );

    server.connection.onCodeAction(
      server.safely('code actions', [] as CodeAction[], async (params: CodeActionParams) => {
        const only = params.context.only;
        if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === '')) return [];
        const folder = server.folderOf(params.textDocument.uri);
        if (!folder) return [];
        await folder.ready;
        const config = configText(server, folder, params.textDocument.uri);
        let target: FixTarget | undefined;
        if (config) target = { text: config, index: folder.index };
        else {
          const found = await server.documentAt(params.textDocument.uri);
          if (found) target = { text: found.doc.text, doc: found.doc, index: found.folder.index };
        }
        return target ? codeActionsFor(target, params.context.diagnostics, params.range) : [];
      }),
    );
  },
};
