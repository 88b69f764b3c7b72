/**
 * Attest's own protocol messages, shared by the server and the VS Code client.
 * Each says who sends it to whom. Plain method names and parameter types: the client and
 * the server may use different versions of the protocol library.
 */
import type { Coverage } from './coverage';
import type { DocumentType } from './documentTypes';

export type { Coverage } from './coverage';

/** What the user asks of a new document; the server decides its id, file and sections. */
export interface NewDocumentSpec {
  readonly type: DocumentType;
  readonly title: string;
  readonly criteria: readonly string[];
  readonly ml?: readonly string[];
  /**
   * The parent policy (`policy:` of a control or procedure, `extends:` of an addendum);
   * `null` for none; left out, the policy that claims the criteria (for other LSP clients).
   */
  readonly parent?: string | null;
}

/** Coverage of one workspace folder. */
export interface FolderCoverage {
  /** URI of the workspace folder. */
  readonly folder: string;
  readonly name: string;
  /** URI of the folder's attest.yaml, when there is one. */
  readonly configUri?: string;
  readonly coverage: Coverage;
  /** Where each document lives, by id, to open it from the coverage view. */
  readonly documents: Readonly<Record<string, DocumentLocation>>;
}

export interface DocumentLocation {
  readonly uri: string;
  readonly title: string;
  readonly type: string;
  readonly status: string;
  /** Where the document names each criterion or ML topic it claims, and each framework item as `framework:id` (0-based). */
  readonly claims: Readonly<Record<string, { readonly line: number; readonly character: number }>>;
}

/** Client → server: the coverage of every workspace folder. */
export namespace CoverageRequest {
  export const method = 'attest/coverage';
  export type Result = FolderCoverage[];
}

/** Server → client: coverage changed (sent after indexing and after any change that alters it). */
export namespace CoverageChangedNotification {
  export const method = 'attest/coverageChanged';
  /** An object, not a bare array: JSON-RPC would send a lone array as positional parameters. */
  export interface Params {
    readonly folders: FolderCoverage[];
  }
}

/** Client → server: the coverage report of a folder, from the server's index (editor buffers and settings included). */
export namespace ReportRequest {
  export const method = 'attest/report';
  export interface Params {
    /** URI of the workspace folder. */
    readonly folder: string;
    readonly format: 'html' | 'markdown' | 'csv' | 'json' | 'text';
    /** URI of the file the report will be written to: its links then start from that file's folder. */
    readonly output?: string;
  }
  export interface Result {
    readonly text: string;
  }
}

/** Client → server: the Statement of Applicability of an ISO framework for a folder, from the server's index. */
export namespace SoaRequest {
  export const method = 'attest/soa';
  /** The frameworks with an Annex A to state. */
  export const FRAMEWORKS = ['iso42001', 'iso27001'] as const;
  export const FORMATS = ['csv', 'markdown', 'html'] as const;
  export interface Params {
    /** URI of the workspace folder. */
    readonly folder: string;
    readonly framework: (typeof FRAMEWORKS)[number];
    readonly format: (typeof FORMATS)[number];
    /** URI of the file the statement will be written to: its links then start from that file's folder. */
    readonly output?: string;
  }
  export interface Result {
    readonly text: string;
  }
}

/**
 * Client → server: the evidence request list of a folder's audit (SPEC §12), one row per
 * control and window. Fails with InvalidParams when the folder's attest.yaml names no `audit`.
 */
export namespace EvidenceListRequest {
  export const method = 'attest/evidenceList';
  /** `data` of the InvalidParams error answered when attest.yaml names no audit (an unknown folder is InvalidParams too). */
  export const NO_AUDIT = { reason: 'noAudit' } as const;
  export interface Params {
    /** URI of the workspace folder. */
    readonly folder: string;
    readonly format: 'csv' | 'markdown' | 'json' | 'html';
    /** URI of the file the list will be written to: its links then start from that file's folder. */
    readonly output?: string;
  }
  export interface Result {
    readonly text: string;
  }
}

/** Client → server: a new document as the folder wants it (id, file name, required sections); the client writes it. */
export namespace NewDocumentRequest {
  export const method = 'attest/newDocument';
  export type Params = NewDocumentSpec & {
    /** URI of the workspace folder. */
    readonly folder: string;
  };
  export interface Result {
    /** URI of the file to create; nothing is there yet. */
    readonly uri: string;
    readonly id: string;
    readonly text: string;
  }
}

/** Server → client: indexing state, for the status bar. */
export namespace IndexingNotification {
  export const method = 'attest/indexing';
  export interface Params {
    /** URI of the workspace folder being indexed. */
    readonly folder: string;
    readonly done: number;
    readonly total: number;
    readonly finished: boolean;
  }
}
