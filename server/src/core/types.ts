import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/** Severity as users write it in `attest.yaml`; `off` disables a rule. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export { DOCUMENT_TYPES, DEFAULT_FOLDERS, type DocumentType } from '../shared/documentTypes';

export const STATUSES = ['draft', 'review', 'approved', 'implemented', 'retired'] as const;
export const REVIEW_CYCLES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'annual', 'on-event'] as const;

/** A value read from a file together with the range it occupies. */
export interface Located<T> {
  readonly value: T;
  readonly range: Range;
}

/** A problem found by a rule, before severities and suppressions are applied. */
export interface Finding {
  readonly code: string;
  readonly range: Range;
  readonly message: string;
  /** Where a rule knows the fix, what it needs to build it (e.g. the suggested replacement). */
  readonly data?: FindingData;
  /** Other places that explain the finding (e.g. the other document with the same id). */
  readonly related?: readonly { uri: string; range: Range; message: string }[];
  /** One of Attest's stricter rules (owner, review, sections): information only on comply documents. */
  readonly strict?: boolean;
  /** The severity of this finding where it differs from its rule's default (a warning under an error code); attest.yaml's `rules` still decide. */
  readonly severity?: Severity;
}

export interface FindingData {
  /** Replacement text suggested for the range (unknown id, misspelt field). */
  readonly replacement?: string;
  /** Further replacements offered when several are equally near. */
  readonly alternatives?: readonly string[];
  /** Name of a missing field or section, or an ML topic id. */
  readonly name?: string;
  /** A criterion id the finding is about. */
  readonly criterion?: string;
  /**
   * The text under the range when the finding was made, where a fix replaces that range: the
   * editor may hand back a diagnostic from before an edit, whose range now holds other text.
   */
  readonly text?: string;
}

/** A finding with its effective severity, as the front ends show it. */
export interface Diagnostic extends Finding {
  readonly severity: Severity;
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
