import {
  LSPErrorCodes,
  ResponseError,
  type CodeLens,
  type CodeLensParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Hover,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../core/config';
import { codeLenses } from '../features/codeLens';
import { definition } from '../features/definition';
import { hover, hoverInConfig } from '../features/hover';
import { references, referencesInConfig } from '../features/references';
import { isRefusal, prepareRename, rename, type RenameRefusal } from '../features/rename';
import { documentSymbols, workspaceSymbols } from '../features/symbols';
import type { AttestServer, Folder } from './server';

/**
 * Hover, definition, references, rename, outline, workspace symbols and code lenses: each
 * handler finds the document (current with the editor buffer) and asks a feature module.
 */
export const navigationFeatures: { readonly capabilities: ServerCapabilities; register(server: AttestServer): void } = {
  capabilities: {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
  },

  register(server: AttestServer): void {
    const connection = server.connection;

    connection.onHover(
      server.safely('hover', null, async (params: TextDocumentPositionParams): Promise<Hover | null> => {
        const found = await server.documentAt(params.textDocument.uri);
        if (found) return hover(found.folder.index, found.doc, params.position);
        const config = await configAt(server, params.textDocument.uri);
        return config ? hoverInConfig(config.folder.index, config.text, params.position) : null;
      }),
    );

    connection.onDefinition(
      server.safely('definition', [], async (params: TextDocumentPositionParams): Promise<Location[]> => {
        const found = await server.documentAt(params.textDocument.uri);
        return found ? definition(found.folder.index, found.doc, params.position) : [];
      }),
    );

    // The cancellation token is the second argument of a handler, which `safely` does not
    // pass on: these handlers wrap per request to keep it.
    connection.onReferences((params, token) =>
      server.safely('references', [], async (p: ReferenceParams): Promise<Location[]> => {
        const found = await server.documentAt(p.textDocument.uri);
        if (found) return references(found.folder.index, found.doc, p.position, p.context.includeDeclaration, token);
        const config = await configAt(server, p.textDocument.uri);
        return config ? referencesInConfig(config.folder.index, config.text, p.position, token) : [];
      })(params),
    );

    // A refusal becomes an error response, whose message the editor shows; it is thrown
    // outside `safely`, which would turn it into a silent empty answer.
    const prepare = server.safely('prepareRename', null, async (params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | RenameRefusal | null> => {
      const found = await server.documentAt(params.textDocument.uri);
      // Not an Attest document (a README, another Markdown file): leave it to other extensions.
      return found ? prepareRename(found.folder.index, found.doc, params.position) : null;
    });
    connection.onPrepareRename(async (params) => refuseOr(await prepare(params)));

    connection.onRenameRequest(async (params, token) =>
      refuseOr(
        await server.safely('rename', null, async (p: RenameParams): Promise<WorkspaceEdit | RenameRefusal | null> => {
          const found = await server.documentAt(p.textDocument.uri);
          return found ? rename(found.folder.index, found.doc, p.position, p.newName, token) : null;
        })(params),
      ),
    );

    connection.onDocumentSymbol(
      server.safely('documentSymbol', [], async (params: DocumentSymbolParams): Promise<DocumentSymbol[]> => {
        const found = await server.documentAt(params.textDocument.uri);
        return found ? documentSymbols(found.doc) : [];
      }),
    );

    connection.onWorkspaceSymbol((params, token) =>
      server.safely('workspaceSymbol', [], async (p: WorkspaceSymbolParams): Promise<SymbolInformation[]> => {
        await Promise.all(server.folders.map((f) => f.ready));
        return workspaceSymbols(server.folders.map((f) => f.index), p.query, token);
      })(params),
    );

    connection.onCodeLens(
      server.safely('codeLens', [], async (params: CodeLensParams): Promise<CodeLens[]> => {
        const found = await server.documentAt(params.textDocument.uri);
        return found ? codeLenses(found.folder.index, found.doc, server.clientCommands) : [];
      }),
    );
  },
};

function refuseOr<T>(result: T | RenameRefusal): T {
  if (isRefusal(result)) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refusal);
  return result;
}

/** attest.yaml of a folder, as the editor has it, when `uri` is that file. */
async function configAt(server: AttestServer, uri: string): Promise<{ folder: Folder; text: TextDocument } | undefined> {
  const folder = server.folderOf(uri);
  if (!folder) return undefined;
  await folder.ready;
  if (folder.index.relPathOf(uri) !== CONFIG_FILE) return undefined;
  const text = server.documents.get(uri) ?? folder.index.config.file?.text;
  return text ? { folder, text } : undefined;
}
