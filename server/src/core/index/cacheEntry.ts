import type { AttestDocument, DocumentSuppression, EvidenceEntry, SyntaxProblem } from '../document/model';
import type { CriterionSpelling } from '../document/criteriaSpelling';
import type { FrameworkClaims } from '../document/satisfies';
import { DOCUMENT_TYPES, SEVERITIES, type Diagnostic, type FindingData } from '../types';
import { arrayOf, bool, located, num, oneOf, optional, questionsAndAnswers, range, record, str, type Codec } from './cacheCodec';

/**
 * Where entries are kept between runs (a file on disk, see node/documentCacheFile), by
 * workspace-relative path. An entry is a few strings, none holding a tab or a line break;
 * the store hands back what it read without vouching for it: each part is checked here
 * when it is read, and one of another shape is a miss.
 */
export interface DocumentCache {
  /** A digest that identifies a file's text (its content hash). */
  digest(text: string): string;
  get(relPath: string): readonly string[] | undefined;
  set(relPath: string, parts: readonly string[]): void;
}

/**
 * A parsed document as the cache keeps it: everything a parse gives but the text (read
 * again, and hashed to find the entry) and the YAML fields (parsed again when asked for).
 * Its facts are read with the entry; its details (what only the rules and editor features
 * read) when first asked for, so that a check whose diagnostics are cached never reads them.
 */
export type DocumentSummary = Omit<AttestDocument, 'uri' | 'version' | 'text' | 'fields'>;
export const DETAIL_KEYS = ['frontmatterRange', 'syntaxProblems', 'criteriaSpellings', 'headings', 'links', 'suppressions', 'bodySkipped'] as const;
export type DocumentDetails = Pick<DocumentSummary, (typeof DETAIL_KEYS)[number]>;
export type DocumentFacts = Omit<DocumentSummary, keyof DocumentDetails>;

/**
 * What a document's rules asked of the rest of the workspace, each question followed by its
 * answer, so that a later run can tell whether the document's diagnostics still hold.
 * Questions are `ml`, `id:<id>`, `extends:<policy id>` and `file:<path>`; answers are
 * booleans, or the documents found, each as `path@digest`, in the order the index gave them.
 */
export type WorkspaceReads = readonly (string | boolean)[];

export interface CachedDiagnostics {
  /** Digest of the configuration they were found under. */
  readonly config: string;
  readonly today: string;
  readonly reads: WorkspaceReads;
  readonly list: readonly Diagnostic[];
}

const locatedString = located(str);

const FACTS = record<DocumentFacts>({
  relPath: str,
  dialect: oneOf(['attest', 'comply']),
  type: optional(oneOf(DOCUMENT_TYPES)),
  hasFrontmatter: bool,
  frontmatterEndLine: num,
  yamlOffset: num,
  id: optional(locatedString),
  title: optional(locatedString),
  status: optional(locatedString),
  policy: optional(locatedString),
  extends: optional(locatedString),
  frequency: optional(locatedString),
  criteria: arrayOf(locatedString),
  satisfies: arrayOf(record<FrameworkClaims>({ framework: locatedString, items: arrayOf(locatedString) })),
  ml: arrayOf(locatedString),
  evidence: arrayOf(
    record<EvidenceEntry>({ range, name: optional(locatedString), path: optional(locatedString), url: optional(locatedString), collected: optional(locatedString), noEvent: optional(located(bool)) }),
  ),
  revisions: arrayOf(locatedString),
});

const DETAILS = record<DocumentDetails>({
  frontmatterRange: range,
  syntaxProblems: arrayOf(record<SyntaxProblem>({ message: str, range })),
  criteriaSpellings: arrayOf(record<CriterionSpelling>({ written: str, range, ids: arrayOf(str), container: oneOf(['block', 'flow', 'scalar']) })),
  headings: arrayOf(record<AttestDocument['headings'][number]>({ text: str, depth: num, start: num, end: num, range })),
  links: arrayOf(record<AttestDocument['links'][number]>({ url: str, start: num, end: num, range })),
  suppressions: arrayOf(record<DocumentSuppression>({ codes: arrayOf(locatedString), reason: str, range })),
  bodySkipped: optional(record<NonNullable<AttestDocument['bodySkipped']>>({ reason: str, range })),
});

type Related = NonNullable<Diagnostic['related']>[number];

const DIAGNOSTIC = record<Diagnostic>({
  code: str,
  range,
  message: str,
  data: optional(record<FindingData>({ replacement: optional(str), alternatives: optional(arrayOf(str)), name: optional(str), criterion: optional(str), text: optional(str) })),
  related: optional(arrayOf(record<Related>({ uri: str, range, message: str }))),
  strict: optional(bool),
  severity: oneOf(SEVERITIES),
});

const DIAGNOSTICS = record<CachedDiagnostics>({ config: str, today: str, reads: questionsAndAnswers, list: arrayOf(DIAGNOSTIC) });

/** Where each part of an entry is, in the order stored. */
const Part = { Digest: 0, Parse: 1, Facts: 2, Details: 3, Diagnostics: 4 } as const;

/**
 * One file's entry: valid while the file's text has `digest` and the document folders give
 * `parse`; `doc` undefined when the file is no Attest document.
 */
export function entryParts(digest: string, parse: string, doc: AttestDocument | undefined): readonly string[] {
  return doc ? [digest, parse, JSON.stringify(FACTS.encode(doc)), JSON.stringify(DETAILS.encode(doc)), ''] : [digest, parse, 'null', '', ''];
}

export function withDiagnostics(parts: readonly string[], diagnostics: CachedDiagnostics): readonly string[] {
  const updated = [...parts];
  updated[Part.Diagnostics] = JSON.stringify(DIAGNOSTICS.encode(diagnostics));
  return updated;
}

/** Whether the parts can be an entry for this digest and these document folders (nothing else is read yet). */
export function entryFits(parts: readonly string[] | undefined, digest: string, parse: string): parts is readonly string[] {
  return parts !== undefined && parts.length === 5 && parts[Part.Digest] === digest && parts[Part.Parse] === parse;
}

/** The document's facts; null for a file that is no document; undefined when the part is damaged. */
export function readFacts(parts: readonly string[]): DocumentFacts | null | undefined {
  return parts[Part.Facts] === 'null' ? null : read(FACTS, parts[Part.Facts]);
}

export function readDetails(parts: readonly string[]): DocumentDetails | undefined {
  return read(DETAILS, parts[Part.Details]);
}

/** The diagnostics found before, if any were kept and can be read. */
export function readDiagnostics(parts: readonly string[]): CachedDiagnostics | undefined {
  return parts[Part.Diagnostics] ? read(DIAGNOSTICS, parts[Part.Diagnostics]) : undefined;
}

function read<T>(codec: Codec<T>, json: string): T | undefined {
  try {
    return codec.decode(JSON.parse(json));
  } catch {
    // Not JSON, or not of this shape: never trusted, never fatal.
    return undefined;
  }
}
