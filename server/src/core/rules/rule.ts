import type { CriteriaMap } from '../data/criteria';
import type { MlCatalog } from '../data/mlCatalog';
import type { AttestConfig } from '../config';
import type { AttestDocument } from '../document/model';
import type { Finding, Range, Severity } from '../types';

/** What a rule may ask of the workspace; the index implements it. */
export interface RuleContext {
  readonly config: AttestConfig;
  readonly criteria: CriteriaMap;
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

/** A check over one document. One module per rule: its code, severity, check (and fix). */
export interface DocumentRule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  /** One line for the README and the completion of `rules:` in attest.yaml. */
  readonly description: string;
  /** Attest's stricter rules: only information on strongdm/comply documents. */
  readonly strict?: boolean;
  check(doc: AttestDocument, ctx: RuleContext): Finding[];
}

/** A check over the whole workspace, reported on `attest.yaml`. */
export interface WorkspaceRule {
  readonly code: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
  check(ctx: RuleContext, facts: WorkspaceFacts): Finding[];
}

/** Facts about the workspace as a whole that workspace rules need. */
export interface WorkspaceFacts {
  readonly coverage: import('../coverage').Coverage;
}

/** The range that stands for the document as a whole: its `type` value, else its first heading, else line 1. */
export function documentAnchor(doc: AttestDocument): Range {
  return doc.fields.get('type')?.valueRange ?? doc.headings[0]?.range ?? doc.frontmatterRange;
}

/** The whole of one line, without its line break. */
export function lineRange(doc: AttestDocument, line: number): Range {
  const text = doc.text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return { start: { line, character: 0 }, end: { line, character: text.replace(/\r?\n$/, '').length } };
}

export function finding(code: string, range: Range, message: string, data?: Finding['data'], related?: Finding['related']): Finding {
  return { code, range, message, ...(data ? { data } : {}), ...(related ? { related } : {}) };
}

/** `a`, `a or b`, `a, b or c`, each in backticks. */
export function orList(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * A word with its indefinite article: `a policy`, `an addendum`, `an annual`, `an ML`. By
 * sound, as far as the words Attest writes go: an acronym by the name of its first letter.
 */
export function withArticle(word: string): string {
  const an = /^[A-Z]{2}/.test(word) ? /^[AEFHILMNORSX]/.test(word) : /^[aeiou]/i.test(word) && !/^(uni|use|eu|one)/i.test(word);
  return `${an ? 'an' : 'a'} ${word}`;
}

const PLURALS: Readonly<Record<string, string>> = { policy: 'policies', addendum: 'addenda' };

/** The plural of a document type: `controls`, `policies`, `addenda`. */
export function pluralOf(type: string): string {
  return PLURALS[type] ?? `${type}s`;
}

/**
 * Text from the data files (a criterion summary, what an auditor looks for) as it reads after a
 * colon: its first letter in lower case, unless it starts an acronym (`ML`, `PII`).
 */
export function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z0-9])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Text from the data files as a sentence that another can follow: with its final full stop. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

