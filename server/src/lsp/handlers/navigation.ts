import { LSPErrorCodes, ResponseError, type CodeLens, type DocumentSymbol, type Hover, type Location, type Range, type SymbolInformation, type WorkspaceEdit } from 'vscode-languageserver/node';
import { plainText } from '../../features/plainText';
import { isRefusal, type RenameRefusal } from '../../features/rename';
import { workspaceSymbols } from '../../features/symbols';
import { runSafe } from '../runSafe';
import type { HandlerGroup } from './context';

function refuseOr<T>(result: T | RenameRefusal): T {
  // A refusal becomes an error response, whose message the editor shows as plain text.
  if (isRefusal(result)) throw new ResponseError(LSPErrorCodes.RequestFailed, plainText(result.refusal));
  return result;
}

/**
 * Hover, definition, references, rename, outline, workspace symbols and code lenses: each
 * handler finds the document (current with the editor buffer) and asks its folder's service.
 */
export const navigationHandlers: HandlerGroup = {
  capabilities: {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
  },

  register({ connection, buffers, folders, sync, log }): void {
    connection.onHover(
      runSafe(log, 'hover', null, async (params, token): Promise<Hover | null> => {
        const found = await sync.documentAt(params.textDocument.uri);
        if (found) return found.folder.service.hover(found.doc, params.position, token);
        const config = await folders.configAt(params.textDocument.uri, buffers);
        return config ? config.folder.service.hoverInConfig(config.text, params.position, token) : null;
      }),
    );

    connection.onDefinition(
      runSafe(log, 'definition', [], async (params, token): Promise<Location[]> => {
        const found = await sync.documentAt(params.textDocument.uri);
        return found ? found.folder.service.definition(found.doc, params.position, token) : [];
      }),
    );

    connection.onReferences(
      runSafe(log, 'references', [], async (params, token): Promise<Location[]> => {
        const found = await sync.documentAt(params.textDocument.uri);
        if (found) return found.folder.service.references(found.doc, params.position, params.context.includeDeclaration, token);
        const config = await folders.configAt(params.textDocument.uri, buffers);
        return config ? config.folder.service.referencesInConfig(config.text, params.position, token) : [];
      }),
    );

    connection.onPrepareRename(
      runSafe(log, 'prepareRename', null, async (params, token): Promise<{ range: Range; placeholder: string } | null> => {
        const found = await sync.documentAt(params.textDocument.uri);
        // Not an Attest document (a README, another Markdown file): leave it to other extensions.
        return found ? refuseOr(found.folder.service.prepareRename(found.doc, params.position, token)) : null;
      }),
    );

    connection.onRenameRequest(
      runSafe(log, 'rename', null, async (params, token): Promise<WorkspaceEdit | null> => {
        const found = await sync.documentAt(params.textDocument.uri);
        return found ? refuseOr(found.folder.service.rename(found.doc, params.position, params.newName, token)) : null;
      }),
    );

    connection.onDocumentSymbol(
      runSafe(log, 'documentSymbol', [], async (params, token): Promise<DocumentSymbol[]> => {
        const found = await sync.documentAt(params.textDocument.uri);
        return found ? found.folder.service.documentSymbols(found.doc, token) : [];
      }),
    );

    connection.onWorkspaceSymbol(
      runSafe(log, 'workspaceSymbol', [], async (params, token): Promise<SymbolInformation[]> => {
        await folders.allReady();
        return workspaceSymbols(folders.all.map((f) => f.index), params.query, token);
      }),
    );

    connection.onCodeLens(
      runSafe(log, 'codeLens', [], async (params, token): Promise<CodeLens[]> => {
        const found = await sync.documentAt(params.textDocument.uri);
        return found ? found.folder.service.codeLenses(found.doc, token) : [];
      }),
    );
  },
};
