import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic as LspDiagnostic, DocumentSymbol, Hover, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { NOT_CANCELLED, type Cancellation } from '../core/cancellation';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { ALL_CLIENT_COMMANDS, type ClientCommands } from '../shared/commands';
import type { NewDocumentSpec } from '../shared/protocol';
import { codeActionsFor } from './codeActions';
import { fixAllAction } from './codeActions/fixAll';
import { codeLenses } from './codeLens';
import { completeConfig, completeDocument } from './completion';
import { definition, type CriterionEntry } from './definition';
import { hover, hoverInConfig } from './hover';
import { newDocument, type NewDocument } from '../core/fixes/newDocument';
import { references, referencesInConfig } from './references';
import { prepareRename, rename, type RenameRefusal } from './rename';
import { documentSymbols } from './symbols';
import { toLspDiagnostic } from './lspDiagnostic';
import { forEditor } from './codeActions/forEditor';
import { detachedDiagnostics, documentDiagnostics } from './documentDiagnostics';

export interface LanguageServiceOptions {
  /** The editor commands the client runs, which lenses, completions and quick fixes may then carry. */
  readonly clientCommands?: ClientCommands;
  /**
   * The names of the other workspace folders (each checked on its own) that have a document
   * with this id, so that a reference to it says where it is. Only the editor has several
   * folders; the CLI checks one and passes none.
   */
  readonly otherFoldersWithId?: (id: string) => readonly string[];
  /** Where Attest's data defines a criterion or a framework item (its line in the bundled framework file), for go to definition. */
  readonly criterionEntry?: CriterionEntry;
}

/**
 * Every editor feature of one workspace folder, over its index. A front end (the LSP
 * server, a test) finds the document and calls the feature; nothing here knows the
 * transport. Every call takes a cancellation token: a request the editor gave up on
 * answers empty rather than keep the index busy.
 */
export interface AttestLanguageService {
  readonly index: WorkspaceIndex;
  /** The diagnostics of a document as the editor shows them (plain messages; a reference names the folder that has its id). */
  diagnostics(relPath: string): LspDiagnostic[];
  /** The same for a buffer the index does not hold (its file is not on disk yet, or any more). */
  detachedDiagnostics(doc: AttestDocument): LspDiagnostic[];
  hover(doc: AttestDocument, position: Position, token?: Cancellation): Hover | null;
  /** Hover in attest.yaml (criterion ids of its exceptions). */
  hoverInConfig(text: TextDocument, position: Position, token?: Cancellation): Hover | null;
  definition(doc: AttestDocument, position: Position, token?: Cancellation): Location[];
  references(doc: AttestDocument, position: Position, includeDeclaration: boolean, token?: Cancellation): Location[];
  referencesInConfig(text: TextDocument, position: Position, token?: Cancellation): Location[];
  prepareRename(doc: AttestDocument, position: Position, token?: Cancellation): { range: Range; placeholder: string } | RenameRefusal | null;
  rename(doc: AttestDocument, position: Position, newName: string, token?: Cancellation): WorkspaceEdit | RenameRefusal | null;
  documentSymbols(doc: AttestDocument, token?: Cancellation): DocumentSymbol[];
  codeLenses(doc: AttestDocument, token?: Cancellation): CodeLens[];
  completion(doc: AttestDocument, position: Position, token?: Cancellation): CompletionItem[];
  completionInConfig(text: TextDocument, position: Position, token?: Cancellation): CompletionItem[];
  /** Quick fixes for the diagnostics the editor sends, in a document or in attest.yaml (no `doc`). */
  codeActions(file: { readonly text: TextDocument; readonly doc?: AttestDocument }, diagnostics: readonly LspDiagnostic[], range?: Range, token?: Cancellation): CodeAction[];
  /** `source.fixAll.attest`: one action with every fix of the document that needs no choice (none when there is nothing to fix). */
  fixAll(doc: AttestDocument, token?: Cancellation): CodeAction[];
  newDocument(spec: NewDocumentSpec): NewDocument;
}

/**
 * Builds the language service of a folder: each feature gets its dependencies here, once,
 * and the object is frozen so that no front end grows state on it.
 */
export function createLanguageService(index: WorkspaceIndex, options: LanguageServiceOptions = {}): AttestLanguageService {
  const commands = options.clientCommands ?? ALL_CLIENT_COMMANDS;
  const diagnostics = (relPath: string): LspDiagnostic[] => documentDiagnostics(index, relPath, options.otherFoldersWithId).map(toLspDiagnostic);
  const textOf = (uri: string): TextDocument | undefined => (uri === index.configUri ? index.config.file?.text : index.getByUri(uri)?.text);
  /** Cheap features check the token once, before they start; walks over the workspace check it as they go. */
  const unless = <T>(token: Cancellation, empty: T, run: () => T): T => (token.isCancellationRequested ? empty : run());
  return Object.freeze({
    index,
    diagnostics,
    detachedDiagnostics: (doc) => detachedDiagnostics(index, doc, options.otherFoldersWithId).map(toLspDiagnostic),
    hover: (doc, position, token = NOT_CANCELLED) => unless(token, null, () => hover(index, doc, position)),
    hoverInConfig: (text, position, token = NOT_CANCELLED) => unless(token, null, () => hoverInConfig(index, text, position)),
    definition: (doc, position, token = NOT_CANCELLED) => unless(token, [], () => definition(index, doc, position, options.criterionEntry)),
    references: (doc, position, includeDeclaration, token = NOT_CANCELLED) => references(index, doc, position, includeDeclaration, token),
    referencesInConfig: (text, position, token = NOT_CANCELLED) => referencesInConfig(index, text, position, token),
    prepareRename: (doc, position, token = NOT_CANCELLED) => unless(token, null, () => prepareRename(index, doc, position)),
    rename: (doc, position, newName, token = NOT_CANCELLED) => unless(token, null, () => rename(index, doc, position, newName, token)),
    documentSymbols: (doc, token = NOT_CANCELLED) => unless(token, [], () => documentSymbols(doc)),
    codeLenses: (doc, token = NOT_CANCELLED) => unless(token, [], () => codeLenses(index, doc, commands)),
    completion: (doc, position, token = NOT_CANCELLED) => unless(token, [], () => completeDocument(doc, position, index, commands)),
    completionInConfig: (text, position, token = NOT_CANCELLED) => unless(token, [], () => completeConfig(text, position, index)),
    codeActions: (file, sent, range, token = NOT_CANCELLED) =>
      unless(token, [], () => forEditor(codeActionsFor({ ...file, index }, sent, range), (uri) => (uri === file.text.uri ? file.text : textOf(uri)), commands)),
    fixAll: (doc, token = NOT_CANCELLED) => unless(token, [], () => fixAllAction({ text: doc.text, doc, index }, diagnostics(doc.relPath))),
    newDocument: (spec) => newDocument(index, spec),
  } satisfies AttestLanguageService);
}
