import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionKind,
  CreateFile,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextEdit,
  type Diagnostic as LspDiagnostic,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import type { AttestDocument, DocumentField } from '../document/model';
import { isFenceLine, lineText } from '../document/text';
import { ID_PATTERN } from '../document/schema';
import type { FixContext } from '../rules/rule';
import type { DocumentType, FindingData } from '../types';

export type { FixContext, FixProvider, FixTarget } from '../rules/rule';

/** The finding data a rule attached to a diagnostic; the client hands it back untouched. */
export function findingData(diagnostic: LspDiagnostic): FindingData {
  const data: unknown = diagnostic.data;
  if (typeof data !== 'object' || data === null) return {};
  const record = data as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? (record[key]) : undefined);
  const alternatives = Array.isArray(record.alternatives) ? record.alternatives.filter((a): a is string => typeof a === 'string') : undefined;
  return { replacement: text('replacement'), alternatives, name: text('name'), criterion: text('criterion'), text: text('text') };
}

/** Whether a range lies within the text (a diagnostic from a longer version of it may not). */
export function isWithin(text: TextDocument, range: Range): boolean {
  const exists = (p: Position): boolean => {
    const back = text.positionAt(text.offsetAt(p));
    return back.line === p.line && back.character === p.character;
  };
  return exists(range.start) && exists(range.end) && text.offsetAt(range.start) <= text.offsetAt(range.end);
}

export function quickFix(title: string, edit: WorkspaceEdit, diagnostics: readonly LspDiagnostic[], isPreferred = false): CodeAction {
  const action = CodeAction.create(title, edit, CodeActionKind.QuickFix);
  action.diagnostics = [...diagnostics];
  if (isPreferred) action.isPreferred = true;
  return action;
}

export function editsIn(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

/** A new file with `content`; never overwrites, so that an existing file is not lost. */
export function createFileEdit(uri: string, content: string): WorkspaceEdit {
  return {
    documentChanges: [
      CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }),
      TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, null), [TextEdit.insert({ line: 0, character: 0 }, content)]),
    ],
  };
}

/** The line break the file already uses, so that inserted text does not mix styles. */
export function eolOf(text: TextDocument): string {
  return text.getText().includes('\r\n') ? '\r\n' : '\n';
}

/** Text written with `\n` turned into the file's line breaks. */
export function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

/** The text of one line, without its line break. */
export function lineAt(text: TextDocument, line: number): string {
  return lineText(text, line);
}

/**
 * Whether the document opens a frontmatter with `---` and never closes it: where its body
 * starts is unknown, so nothing may be inserted above or below it but the closing `---`.
 */
export function opensUnclosedFrontmatter(doc: AttestDocument): boolean {
  return !doc.hasFrontmatter && isFenceLine(lineAt(doc.text, 0));
}

export function endOfLine(text: TextDocument, line: number): Position {
  return { line, character: lineAt(text, line).length };
}

/**
 * Inserts `block` (lines joined by `\n`) as a paragraph of its own before line `line`, or
 * at the end of the file when `line` is past the last line: a blank line separates it from
 * what comes before and after, and nothing else moves.
 */
export function insertParagraph(text: TextDocument, line: number, block: string): TextEdit {
  const eol = eolOf(text);
  const body = withEol(block, eol);
  const full = text.getText();
  // The empty "line" after a final line break is the end of the file, not a line to insert before.
  const lastLine = /\n$/.test(full) ? text.lineCount - 1 : text.lineCount;
  if (line < lastLine) {
    const before = line > 0 && lineAt(text, line - 1).trim() !== '' ? eol : '';
    const after = lineAt(text, line).trim() === '' ? '' : eol;
    return TextEdit.insert({ line, character: 0 }, before + body + eol + after);
  }
  let before = '';
  if (full.trim() !== '') before = !/\n$/.test(full) ? eol + eol : /\n[ \t]*\r?\n$/.test(full) ? '' : eol;
  return TextEdit.insert(text.positionAt(full.length), before + body + eol);
}

/** A scalar as YAML writes it: plain when it can be, quoted when it must be. */
export function yamlScalar(value: string): string {
  // No folding: a long title must stay on its key's line.
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Id prefix of each document type, as the bundled library and the snippets write it. */
export const ID_PREFIX: Readonly<Record<DocumentType, string>> = {
  policy: 'POL',
  control: 'CTL',
  procedure: 'PRC',
  narrative: 'NAR',
  addendum: 'ADD',
};

/** Upper-case words joined by `-`, as ids are written: `cc7.3 recovery` → `CC7-3-RECOVERY`. */
export function idWords(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… when a document already has that id. */
export function unusedId(index: FixContext, base: string): string {
  const valid = ID_PATTERN.test(base) ? base : 'DOC';
  let candidate = valid;
  for (let n = 2; index.documentsWithId(candidate).length > 0; n++) candidate = `${valid}-${n}`;
  return candidate;
}

/** `path`, or `path-2.md`… when a file already exists there. */
export function unusedPath(index: FixContext, path: string): string {
  let candidate = path;
  for (let n = 2; index.fileExists(candidate); n++) candidate = path.replace(/(\.md)?$/i, `-${n}$1`);
  return candidate;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'be', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'that', 'the', 'to', 'with']);

/** Lower-case words joined by `-`, for file names; small words left out to keep names short. */
export function slug(text: string, maxWords = 5): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !SMALL_WORDS.has(w))
    .slice(0, maxWords)
    .join('-');
}

export function dirname(relPath: string): string {
  const at = relPath.lastIndexOf('/');
  return at < 0 ? '' : relPath.slice(0, at);
}

export function joinPath(folder: string, name: string): string {
  return folder === '' || folder === '.' ? name : `${folder}/${name}`;
}

/**
 * The policy a new document should point at: one that claims one of `criteria`, else one
 * that claims a criterion of the same series, else the first policy of the workspace.
 */
export function policyFor(index: FixContext, criteria: readonly string[], except?: string): AttestDocument | undefined {
  const policies = [...index.documents]
    .filter((d) => d.type === 'policy' && d.id && ID_PATTERN.test(d.id.value) && d.uri !== except)
    .sort((a, b) => (a.id?.value ?? '').localeCompare(b.id?.value ?? ''));
  const claims = (doc: AttestDocument, wanted: (c: string) => boolean) => doc.criteria.some((c) => wanted(c.value));
  const series = new Set(criteria.map((c) => index.criteria.get(c)?.series).filter((s): s is string => s !== undefined));
  return (
    policies.find((p) => claims(p, (c) => criteria.includes(c))) ??
    policies.find((p) => claims(p, (c) => series.has(index.criteria.get(c)?.series ?? ''))) ??
    policies[0]
  );
}

export { CRITERION_PLACEHOLDER, OWNER_PLACEHOLDER } from '../placeholders';

/** Whether a field is written with no value (`type:`). */
export function isEmptyValue(doc: AttestDocument, field: DocumentField): boolean {
  return doc.text.getText(field.valueRange).trim() === '';
}

/** Sets a top-level field: its value replaced when it is there, else a line added before the closing `---`. */
export function setField(doc: AttestDocument, name: string, value: string): TextEdit {
  const existing = doc.fields.get(name);
  if (!existing) return TextEdit.insert({ line: doc.frontmatterEndLine, character: 0 }, `${name}: ${value}${eolOf(doc.text)}`);
  // An empty value (`type:`) has an empty range right after the colon: rewrite from the key.
  if (isEmptyValue(doc, existing)) return TextEdit.replace({ start: existing.keyRange.end, end: endOfLine(doc.text, existing.keyRange.end.line) }, `: ${value}`);
  return TextEdit.replace(existing.valueRange, value);
}
