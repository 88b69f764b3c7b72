import { ResponseError, ErrorCodes, type ServerCapabilities } from 'vscode-languageserver/node';
import { newDocument } from '../features/newDocument';
import { linkBaseBetween } from '../report/links';
import { COVERAGE_FORMATS, renderCoverage } from '../report/report';
import { NewDocumentRequest, ReportRequest } from '../shared/protocol';
import type { AttestServer, Folder } from './server';

/** Attest's own requests about a whole folder: its coverage report, and a new document for it. */
export const workspaceRequests: { readonly capabilities: ServerCapabilities; register(server: AttestServer): void } = {
  capabilities: {},

  register(server: AttestServer): void {
    const folderAt = async (uri: string): Promise<Folder> => {
      const folder = server.folders.find((f) => f.uri === uri) ?? server.folderOf(uri);
      if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not a workspace folder Attest knows.`);
      await folder.ready;
      return folder;
    };
    server.connection.onRequest(ReportRequest.method, async (params: ReportRequest.Params): Promise<ReportRequest.Result> => {
      if (!(COVERAGE_FORMATS as readonly string[]).includes(params.format)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown report format \`${params.format}\`.`);
      const folder = await folderAt(params.folder);
      const linkBase = params.output ? linkBaseBetween(params.output, folder.uri) : undefined;
      return { text: renderCoverage(folder.index, params.format, { linkBase }) };
    });
    server.connection.onRequest(NewDocumentRequest.method, async (params: NewDocumentRequest.Params): Promise<NewDocumentRequest.Result> => {
      if (!params.title?.trim()) throw new ResponseError(ErrorCodes.InvalidParams, 'A new document needs a title.');
      const folder = await folderAt(params.folder);
      const created = newDocument(folder.index, params);
      return { uri: folder.index.uriOf(created.relPath), id: created.id, text: created.text };
    });
  },
};
