import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { CriteriaMap } from '../data/criteria';
import type { FrameworkCatalog } from '../data/frameworkCatalog';
import type { MlCatalog } from '../data/mlCatalog';
import type { AttestConfig } from '../config';
import type { AttestDocument } from '../document/model';
import type { Finding, Range, Severity } from '../types';
import type { Coverage } from '../../shared/coverage';
import { lineRange as lineRangeOf } from '../document/text';

/** What a rule may ask of the workspace; the index implements it. */
export interface RuleContext {
  readonly config: AttestConfig;
  readonly criteria: CriteriaMap;
  /** The frameworks turned on besides the TSC, and the bundled ones that could be. */
  readonly frameworks: FrameworkCatalog;
  /** The ML catalog less the topics the workspace turned off, plus its own. */
  readonly catalog: MlCatalog;
  /** Whether the ML addenda apply (SPEC §4). */
  readonly mlActive: boolean;
  /** Today's date, YYYY-MM-DD (injected so that checks are reproducible). */
  readonly today: string;
  documentsWithId(id: string): readonly AttestDocument[];
  /** Addenda whose `extends` names `policyId`. */
  addendaExtending(policyId: string): readonly AttestDocument[];
  /** Whether a workspace-relative path names an existing file. */
  fileExists(relPath: string): boolean;
}

/** What a fix may ask of the workspace, beyond what a rule reads: where files are, and every document. */
export interface FixContext extends RuleContext {
  uriOf(relPath: string): string;
  readonly documents: Iterable<AttestDocument>;
}

/** What a fix works on: the file the diagnostic is on, and the workspace around it. */
export interface FixTarget {
  /** The file's current text (an Attest document or attest.yaml). */
  readonly text: TextDocument;
  /** The parsed document, when the file is an Attest document (not for attest.yaml). */
  readonly doc?: AttestDocument;
  readonly index: FixContext;
}

/** Builds the quick fixes for one diagnostic (as the editor sends it back, with its data). */
export type FixProvider = (diagnostic: LspDiagnostic, target: FixTarget) => CodeAction[];

/** What every rule declares: its code, default severity, README line and its quick fixes. */
export interface RuleInfo {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for the README and the completion of `rules:` in attest.yaml. */
  readonly description: string;
  /** The fixes of its findings, preferred first; every code also gets the suppression. */
  readonly fixes?: readonly FixProvider[];
  /**
   * The one of `fixes` that needs no choice when it offers a single preferred action (one
   * suggestion, one canonical spelling): `source.fixAll.attest` applies it, on save too.
   */
  readonly safeFix?: FixProvider;
}

/** A check over one document. One module per rule: its code, severity, check and fixes. */
export interface DocumentRule extends RuleInfo {
  /** Attest's stricter rules: only information on strongdm/comply documents. */
  readonly strict?: boolean;
  check(doc: AttestDocument, ctx: RuleContext): Finding[];
}

/** A check over the whole workspace, reported on `attest.yaml`. */
export interface WorkspaceRule extends RuleInfo {
  check(ctx: RuleContext, facts: WorkspaceFacts): Finding[];
}

/** Facts about the workspace as a whole that workspace rules need. */
export interface WorkspaceFacts {
  readonly coverage: Coverage;
}

/** The range that stands for the document as a whole: its `type` value, else its first heading, else line 1. */
export function documentAnchor(doc: AttestDocument): Range {
  return doc.fields.get('type')?.valueRange ?? doc.headings[0]?.range ?? doc.frontmatterRange;
}

/** The whole of one line, without its line break. */
export function lineRange(doc: AttestDocument, line: number): Range {
  return lineRangeOf(doc.text, line);
}

export function finding(code: string, range: Range, message: string, data?: Finding['data'], related?: Finding['related']): Finding {
  return { code, range, message, ...(data ? { data } : {}), ...(related ? { related } : {}) };
}

export { lowerFirst, orList, pluralOf, sentence, withArticle } from '../words';

