import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { CriteriaMap } from '../core/data/criteria';
import type { FrameworkCatalog } from '../core/data/frameworkCatalog';
import type { AttestDocument } from '../core/document/model';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Located } from '../core/types';
import { lineText, valueRange } from '../core/document/text';

export { valueRange } from '../core/document/text';

/** `item` is an id of a framework beyond the TSC (under `satisfies`); `framework` is such a framework's key. */
export type IdKind = 'criterion' | 'document' | 'topic' | 'item' | 'framework';

/** Where an id was written: a frontmatter field, the Markdown body, or attest.yaml. */
export type IdPlace = 'id' | 'policy' | 'extends' | 'criteria' | 'satisfies' | 'ml' | 'body' | 'config';

/** One id written in a file: a criterion, a document id, an ML topic id or a framework item, with its exact range. */
export interface IdOccurrence {
  readonly kind: IdKind;
  readonly id: string;
  /** The framework an `item` belongs to: ids are per framework (A.5.2 is in both ISO annexes). */
  readonly framework?: string;
  /** The id's characters only: quotes around a YAML value are not part of it. */
  readonly range: Range;
  readonly place: IdPlace;
}

/** The id under the cursor in a document: in its frontmatter values or in its body. */
export function idAt(index: WorkspaceIndex, doc: AttestDocument, position: Position): IdOccurrence | undefined {
  const inFrontmatter = frontmatterIds(doc).find((o) => contains(o.range, position));
  if (inFrontmatter) return inFrontmatter;
  if (position.line < bodyStartLine(doc)) return undefined;
  return idsOnLine(index, doc.text, position.line, linkTargets(doc)).find((o) => contains(o.range, position));
}

/** The id under the cursor in attest.yaml: a criterion (its `exceptions`, but comments too), a framework or a framework item. */
export function idInConfigAt(index: WorkspaceIndex, text: TextDocument, position: Position): IdOccurrence | undefined {
  return (
    frameworkIdsInConfig(index).find((o) => contains(o.range, position)) ??
    criteriaOnLine(index.criteria, lineText(text, position.line), position.line, 'config').find((o) => contains(o.range, position))
  );
}

/** Every id in the frontmatter fields that hold ids: `id`, `policy`, `extends`, `criteria`, `ml`. */
export function frontmatterIds(doc: AttestDocument): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  const push = (kind: IdKind, place: IdPlace, located: Located<string> | undefined): void => {
    if (located && located.value !== '') found.push({ kind, id: located.value, range: valueRange(doc.text, located), place });
  };
  push('document', 'id', doc.id);
  push('document', 'policy', doc.policy);
  push('document', 'extends', doc.extends);
  for (const c of doc.criteria) push('criterion', 'criteria', c);
  for (const claims of doc.satisfies) {
    push('framework', 'satisfies', claims.framework);
    for (const item of claims.items) if (item.value !== '') found.push({ kind: 'item', id: item.value, framework: claims.framework.value, range: valueRange(doc.text, item), place: 'satisfies' });
  }
  for (const m of doc.ml) push('topic', 'ml', m);
  return found;
}

/**
 * The ids of one kind and value mentioned in a document's body. Cheap on documents that
 * do not contain the text at all, which is most of them when a whole workspace is searched.
 */
export function bodyMentions(index: WorkspaceIndex, doc: AttestDocument, kind: IdKind, id: string): IdOccurrence[] {
  const text = doc.text.getText();
  if (!text.includes(id)) return [];
  const links = linkTargets(doc);
  const found: IdOccurrence[] = [];
  for (let line = bodyStartLine(doc); line < doc.text.lineCount; line++) {
    if (!lineText(doc.text, line).includes(id)) continue;
    for (const o of idsOnLine(index, doc.text, line, links)) if (o.kind === kind && o.id === id) found.push(o);
  }
  return found;
}

/** The first line of the Markdown body (0 when there is no closed frontmatter). */
export function bodyStartLine(doc: AttestDocument): number {
  return doc.hasFrontmatter ? doc.frontmatterRange.end.line + 1 : 0;
}

/** Where a document is best shown: its `id` value, else its first line. */
export function documentLocation(doc: AttestDocument): Location {
  const range = doc.id ? valueRange(doc.text, doc.id) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: doc.uri, range };
}

/**
 * The criterion id of an `exceptions` entry in attest.yaml, or undefined when the
 * criterion is not excepted. The entry's range covers `criterion:` and `reason:`; the
 * id inside it is what references and definitions point at.
 */
export function exceptionLocation(index: WorkspaceIndex, criterion: string): Location | undefined {
  const exception = index.config.exceptions.get(criterion);
  const file = index.config.file;
  if (!exception || !file) return undefined;
  for (let line = exception.range.start.line; line <= exception.range.end.line; line++) {
    const hit = criteriaOnLine(index.criteria, lineText(file.text, line), line, 'config').find((o) => o.id === criterion);
    if (hit) return { uri: file.uri, range: hit.range };
  }
  return { uri: file.uri, range: exception.range };
}

export function contains(range: Range, position: Position): boolean {
  return !before(position, range.start) && !before(range.end, position);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}


/** Link destinations: a path such as `controls/CTL-AC-01.md` is a file name, not a mention. */
function linkTargets(doc: AttestDocument): readonly Range[] {
  return doc.links.map((l) => l.range);
}

// Tokens are delimited by anything that cannot continue an id: `POL-A` is not a
// mention inside `XPOL-A` or `POL-A-B`, but is one in `(POL-A)` or `POL-A.`.
const DOCUMENT_TOKEN = /(?<![\w-])[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\w-])/g;
const TOPIC_TOKEN = /(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)*(?![\w-])/g;

/** Criterion ids, body mentions, document ids and topic ids on one line of the body. */
function idsOnLine(index: WorkspaceIndex, text: TextDocument, line: number, links: readonly Range[]): IdOccurrence[] {
  const content = lineText(text, line);
  const inLink = (start: number, end: number): boolean =>
    links.some((r) => contains(r, { line, character: start }) && contains(r, { line, character: end }));
  const found = criteriaOnLine(index.criteria, content, line, 'body').filter((o) => !inLink(o.range.start.character, o.range.end.character));
  const taken = (start: number, end: number): boolean => found.some((o) => o.range.start.character < end && start < o.range.end.character);
  const collect = (pattern: RegExp, kind: IdKind, known: (token: string) => boolean): void => {
    for (const match of content.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!known(match[0]) || taken(start, end) || inLink(start, end)) continue;
      found.push({ kind, id: match[0], range: { start: { line, character: start }, end: { line, character: end } }, place: 'body' });
    }
  };
  for (const o of itemsOnLine(index.frameworks, content, line)) if (!taken(o.range.start.character, o.range.end.character) && !inLink(o.range.start.character, o.range.end.character)) found.push(o);
  collect(DOCUMENT_TOKEN, 'document', (token) => index.documentsWithId(token).length > 0);
  collect(TOPIC_TOKEN, 'topic', (token) => index.catalog.get(token) !== undefined);
  return found.sort((a, b) => a.range.start.character - b.range.start.character);
}

function criteriaOnLine(criteria: CriteriaMap, content: string, line: number, place: IdPlace): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  for (const match of content.matchAll(criterionPattern(criteria))) {
    const start = match.index;
    found.push({ kind: 'criterion', id: match[0], range: { start: { line, character: start }, end: { line, character: start + match[0].length } }, place });
  }
  return found;
}

const CRITERION_PATTERNS = new WeakMap<CriteriaMap, RegExp>();

/**
 * A pattern of exactly the known criterion ids, so that workspace frameworks with their
 * own id scheme are found too. Longest first: `CC1.10` must win over `CC1.1`. An id is
 * not part of a longer token (`CC6.1.2`, `XCC6.1`).
 */
function criterionPattern(criteria: CriteriaMap): RegExp {
  let pattern = CRITERION_PATTERNS.get(criteria);
  if (!pattern) {
    const ids = [...criteria.all].map((c) => c.id).sort((a, b) => b.length - a.length);
    const alternatives = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(`(?<![\\w.-])(?:${alternatives || '(?!)'})(?![\\w-]|\\.\\w)`, 'g');
    CRITERION_PATTERNS.set(criteria, pattern);
  }
  return pattern;
}

/** The frameworks named under `frameworks` in attest.yaml, and the items of its framework exceptions. */
function frameworkIdsInConfig(index: WorkspaceIndex): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  for (const [id, range] of index.config.enabledFrameworkRanges) found.push({ kind: 'framework', id, range, place: 'config' });
  for (const [framework, exceptions] of index.config.frameworkExceptions) {
    for (const exception of exceptions.values()) found.push({ kind: 'item', id: exception.id, framework, range: exception.idRange, place: 'config' });
  }
  return found;
}

const ITEM_PATTERNS = new WeakMap<FrameworkCatalog, { pattern: RegExp; owner: Map<string, string> }>();

/**
 * Items of the frameworks turned on, mentioned in the body: only ids that one of them alone
 * has, since prose does not say which framework an `A.5.2` belongs to.
 */
function itemsOnLine(frameworks: FrameworkCatalog, content: string, line: number): IdOccurrence[] {
  if (frameworks.enabled.length === 0) return [];
  let known = ITEM_PATTERNS.get(frameworks);
  if (!known) {
    const owner = new Map<string, string>();
    const shared = new Set<string>();
    for (const f of frameworks.enabled) {
      for (const c of f.criteria) {
        if (owner.has(c.id)) shared.add(c.id);
        else owner.set(c.id, f.id);
      }
    }
    for (const id of shared) owner.delete(id);
    const alternatives = [...owner.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    known = { pattern: new RegExp(`(?<![\\w.-])(?:${alternatives || '(?!)'})(?![\\w-]|\\.\\w)`, 'g'), owner };
    ITEM_PATTERNS.set(frameworks, known);
  }
  const found: IdOccurrence[] = [];
  for (const match of content.matchAll(known.pattern)) {
    found.push({ kind: 'item', id: match[0], framework: known.owner.get(match[0]), range: { start: { line, character: match.index }, end: { line, character: match.index + match[0].length } }, place: 'body' });
  }
  return found;
}
