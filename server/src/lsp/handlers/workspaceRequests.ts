import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import { linkBaseBetween } from '../../report/links';
import { COVERAGE_FORMATS, renderCoverage } from '../../report/report';
import { renderSoa } from '../../report/soaRender';
import { CoverageRequest, EvidenceListRequest, NewDocumentRequest, ReportRequest, SoaRequest } from '../../shared/protocol';
import { FUTURE_SLACK_DAYS } from '../../core/document/schema';
import { EVIDENCE_FORMATS, formatEvidenceList } from '../../report/evidence';
import { evidenceListInput } from '../../report/evidenceInput';
import { folderCoverage } from '../coverageFeed';
import type { Folder } from '../folders';
import { runSafe } from '../runSafe';
import type { HandlerContext, HandlerGroup } from './context';

/**
 * Attest's own requests about a whole folder: its coverage, its coverage report, its evidence
 * request list, its Statement of Applicability, and a new document for it. Their errors are
 * shown in a notification, which renders no Markdown: they quote names in plain text.
 */
export const workspaceRequestHandlers: HandlerGroup = {
  capabilities: {},

  register({ connection, folders, log }: HandlerContext): void {
    const folderAt = async (uri: string): Promise<Folder> => {
      const folder = await folders.folderNamed(uri);
      if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not a workspace folder Attest knows.`);
      return folder;
    };
    const coverage = runSafe(log, 'coverage', [], async (): Promise<CoverageRequest.Result> => {
      await folders.allReady();
      return folderCoverage(folders.all);
    });
    // A request without parameters hands its handler the token alone.
    connection.onRequest(CoverageRequest.method, (token: CancellationToken) => coverage(undefined, token));
    connection.onRequest(ReportRequest.method, async (params: ReportRequest.Params): Promise<ReportRequest.Result> => {
      if (!(COVERAGE_FORMATS as readonly string[]).includes(params.format)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown report format '${params.format}'.`);
      const folder = await folderAt(params.folder);
      const linkBase = params.output ? linkBaseBetween(params.output, folder.uri) : undefined;
      return { text: renderCoverage(folder.index, params.format, { linkBase }) };
    });
    connection.onRequest(EvidenceListRequest.method, async (params: EvidenceListRequest.Params): Promise<EvidenceListRequest.Result> => {
      if (!(EVIDENCE_FORMATS as readonly string[]).includes(params.format)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown evidence list format '${params.format}'.`);
      const folder = await folderAt(params.folder);
      const input = evidenceListInput(folder.index);
      if (!input) throw new ResponseError(ErrorCodes.InvalidParams, "No audit to list evidence for: add 'audit: { type: 2, period: { start: YYYY-MM-DD, end: YYYY-MM-DD } }' to attest.yaml.", EvidenceListRequest.NO_AUDIT);
      const linkBase = params.output ? linkBaseBetween(params.output, folder.uri) : undefined;
      return { text: formatEvidenceList(input, params.format, { futureSlackDays: FUTURE_SLACK_DAYS, ...(linkBase !== undefined ? { linkBase } : {}) }) };
    });
    connection.onRequest(SoaRequest.method, async (params: SoaRequest.Params): Promise<SoaRequest.Result> => {
      if (!(SoaRequest.FORMATS as readonly string[]).includes(params.format)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown format '${params.format}'.`);
      const folder = await folderAt(params.folder);
      const linkBase = params.output ? linkBaseBetween(params.output, folder.uri) : undefined;
      const text = renderSoa(folder.index, params.framework, params.format, { linkBase });
      if (text === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `A Statement of Applicability is made for ${SoaRequest.FRAMEWORKS.join(' or ')}, not '${params.framework}'.`);
      return { text };
    });
    connection.onRequest(NewDocumentRequest.method, async (params: NewDocumentRequest.Params): Promise<NewDocumentRequest.Result> => {
      if (!params.title?.trim()) throw new ResponseError(ErrorCodes.InvalidParams, 'A new document needs a title.');
      const folder = await folderAt(params.folder);
      const created = folder.service.newDocument(params);
      return { uri: folder.index.uriOf(created.relPath), id: created.id, text: created.text };
    });
  },
};
