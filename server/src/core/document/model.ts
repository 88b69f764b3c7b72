import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { DOCUMENT_TYPES, FREQUENCIES, STATUSES, isOneOf, type DocumentType, type Located, type Range } from '../types';
import { fieldsOf, findFrontmatter, isUnclosed, type Field, type FrontmatterBlock } from './frontmatter';
import { classifyPath, meantAsDocument } from './classify';
import { readCriteria, type CriterionSpelling } from './criteriaSpelling';
import { cronAsFrequency, revisionDates } from './comply';
import { outlineMarkdown, type Heading, type LinkRef, type MarkdownOutline } from './markdown';
import { describeYamlErrors } from './yamlErrors';
import { oversizedFrontmatter } from './bodyLimits';
import { readSatisfies, type FrameworkClaims } from './satisfies';
import { FIELD_BY_KEY, NO_EVENT_KEY } from './schema';

export { classifyPath, type Classification } from './classify';

/** A problem that makes the frontmatter unreadable (bad YAML, unclosed block). */
export interface SyntaxProblem {
  readonly message: string;
  readonly range: Range;
}

export interface EvidenceEntry {
  readonly range: Range;
  readonly name?: Located<string>;
  readonly path?: Located<string>;
  readonly url?: Located<string>;
  readonly collected?: Located<string>;
  /** `no-event: true`: a note that no event occurred, what an on-event control shows for a period without one. */
  readonly noEvent?: Located<boolean>;
}

/** An `attest-ignore` comment: the codes it names, as written, and its reason (empty when none). */
export interface DocumentSuppression {
  readonly codes: readonly Located<string>[];
  readonly reason: string;
  readonly range: Range;
}

/** A field as the rules see it: key and value ranges, and the YAML node for type checks. */
export interface DocumentField {
  readonly key: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
  readonly node: YamlNode | null;
}

/**
 * One Markdown file that is an Attest document, parsed once per version: its frontmatter
 * fields with ranges, its headings, links and suppressions. Everything the rules and
 * features need is here, so that nothing parses the text again.
 */
export interface AttestDocument {
  readonly uri: string;
  /** Path relative to the workspace root, with `/` separators. */
  readonly relPath: string;
  readonly version: number;
  readonly text: TextDocument;
  readonly dialect: 'attest' | 'comply';
  /** The type the rules apply: from `type`, else from the folder. */
  readonly type?: DocumentType;
  readonly hasFrontmatter: boolean;
  /** Range of the frontmatter block (delimiters included), or of the first line. */
  readonly frontmatterRange: Range;
  /** Line where new frontmatter fields are inserted (the closing delimiter's line). */
  readonly frontmatterEndLine: number;
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly fields: ReadonlyMap<string, DocumentField>;
  /** Offset of the YAML text in the file: YAML node offsets plus this are file offsets. */
  readonly yamlOffset: number;
  readonly id?: Located<string>;
  readonly title?: Located<string>;
  readonly status?: Located<string>;
  readonly policy?: Located<string>;
  readonly extends?: Located<string>;
  readonly frequency?: Located<string>;
  /** Trust Services Criteria claimed: `criteria`, and the TSC keys of `satisfies`. */
  readonly criteria: readonly Located<string>[];
  /** Criteria entries written otherwise than as one id, read as the ids they name. */
  readonly criteriaSpellings: readonly CriterionSpelling[];
  /** Items of the other frameworks claimed under `satisfies`, by key as written. */
  readonly satisfies: readonly FrameworkClaims[];
  readonly ml: readonly Located<string>[];
  readonly evidence: readonly EvidenceEntry[];
  /** Review history: the dates of comply's `majorRevisions` (ISO), where it has them. */
  readonly revisions: readonly Located<string>[];
  readonly headings: readonly (Heading & { range: Range })[];
  readonly links: readonly (LinkRef & { range: Range })[];
  readonly suppressions: readonly DocumentSuppression[];
  /** Set when the body was too large to read: its headings, links and suppressions are then unknown, not absent. */
  readonly bodySkipped?: { readonly reason: string; readonly range: Range };
}

export interface DocumentInput {
  readonly uri: string;
  readonly relPath: string;
  readonly text: string;
  readonly version?: number;
}

/** The Markdown outline of a text, computed elsewhere (a worker), for the body at `bodyStart`. */
export interface PrecomputedOutline {
  readonly bodyStart: number;
  readonly outline: MarkdownOutline;
}

/**
 * Parses a file into an Attest document, or returns undefined when it is not one: a
 * README, a Markdown file outside the document folders without an Attest `type`.
 * `precomputed` is used when it outlines the same body this parse finds.
 */
export function parseDocument(input: DocumentInput, documentFolders: readonly string[], precomputed?: PrecomputedOutline): AttestDocument | undefined {
  const where = classifyPath(input.relPath, documentFolders);
  if (!where) return undefined;
  const text = input.text;
  const block = findFrontmatter(text, where.inDocumentFolder);
  const doc = TextDocument.create(input.uri, 'markdown', input.version ?? 0, text);
  const range = (start: number, end: number): Range => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const firstLine = range(0, Math.max(0, text.search(/\r?\n|$/)));

  if (isUnclosed(block)) {
    if (!where.inDocumentFolder && !/^type\s*:/m.test(text)) return undefined;
    return build(input, doc, where.folderType, precomputed, {
      dialect: 'attest',
      hasFrontmatter: false,
      frontmatterRange: range(...block.unclosed),
      frontmatterEndLine: 1,
      syntaxProblems: [{ message: 'The frontmatter opened on line 1 is never closed: add a line with `---` after the last field.', range: range(...block.unclosed) }],
      fields: [],
      bodyStart: 0,
    });
  }
  if (!block) {
    if (!where.inDocumentFolder || where.nested) return undefined;
    return build(input, doc, where.folderType, precomputed, {
      dialect: 'attest',
      hasFrontmatter: false,
      frontmatterRange: firstLine,
      frontmatterEndLine: 0,
      syntaxProblems: [],
      fields: [],
      bodyStart: 0,
    });
  }
  const fields = fieldsOf(block.yaml, block.contentStart);
  if (block.dialect === 'attest' && !where.inDocumentFolder && !meantAsDocument(fields)) return undefined;
  const syntaxProblems: SyntaxProblem[] = describeYamlErrors(block.yaml, text.slice(block.contentStart, block.contentEnd), 'the frontmatter').map((p) => ({
    message: p.message,
    range: range(block.contentStart + p.start, block.contentStart + p.end),
  }));
  const unread = oversizedFrontmatter(text, block.open?.[0] ?? block.contentStart, block.contentStart, block.contentEnd);
  if (unread) syntaxProblems.push({ message: unread.message, range: range(unread.start, unread.end) });
  if (block.yaml.errors.length === 0 && block.yaml.contents && !isMap(block.yaml.contents)) {
    syntaxProblems.push({
      message: 'The frontmatter must be a mapping of fields (`key: value` lines).',
      range: range(block.contentStart, block.contentEnd),
    });
  }
  // comply's header may follow blank lines and comments: it starts at its first key.
  const start = block.open ? block.open[0] : block.contentStart + (block.yaml.contents?.range?.[0] ?? 0);
  const end = block.close ? block.close[1] : block.contentEnd;
  return build(input, doc, where.folderType, precomputed, {
    dialect: block.dialect,
    hasFrontmatter: true,
    frontmatterRange: range(start, end),
    frontmatterEndLine: doc.positionAt(block.contentEnd).line,
    syntaxProblems,
    fields,
    bodyStart: block.bodyStart,
    block,
  });
}

/**
 * The range of a YAML node in the file, without the line breaks and spaces that the
 * parser counts into block collections.
 */
function trimmedRange(doc: TextDocument, node: YamlNode, offset: number): Range {
  const [start, end] = node.range ?? [0, 0];
  const text = doc.getText();
  let stop = offset + end;
  while (stop > offset + start && /\s/.test(text.charAt(stop - 1))) stop--;
  return { start: doc.positionAt(offset + start), end: doc.positionAt(stop) };
}

/** The range of a frontmatter YAML node of `doc`. */
export function rangeOfNode(doc: AttestDocument, node: YamlNode): Range {
  return trimmedRange(doc.text, node, doc.yamlOffset);
}

interface Parts {
  readonly dialect: 'attest' | 'comply';
  readonly hasFrontmatter: boolean;
  readonly frontmatterRange: Range;
  readonly frontmatterEndLine: number;
  readonly syntaxProblems: SyntaxProblem[];
  readonly fields: Field[];
  readonly bodyStart: number;
  readonly block?: FrontmatterBlock;
}

function build(input: DocumentInput, doc: TextDocument, folderType: DocumentType | undefined, precomputed: PrecomputedOutline | undefined, parts: Parts): AttestDocument {
  const range = (start: number, end: number): Range => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const base = parts.block?.contentStart ?? 0;
  const nodeRange = (node: YamlNode, offset: number): Range => trimmedRange(doc, node, offset);
  const fields = new Map<string, DocumentField>();
  for (const f of parts.fields) {
    if (!fields.has(f.key)) fields.set(f.key, { key: f.key, keyRange: range(f.keyStart, f.keyEnd), valueRange: f.value?.range ? trimmedRange(doc, f.value, base) : range(f.valueStart, f.valueEnd), node: f.value });
  }
  const scalar = (key: string): Located<string> | undefined => {
    const field = fields.get(key);
    if (!field || !isScalar(field.node) || field.node.value === null || field.node.value === undefined) return undefined;
    return { value: String(field.node.value), range: field.valueRange };
  };
  const list = (node: YamlNode | null | undefined): Located<string>[] => {
    if (isScalar(node) && node.value !== null && String(node.value) !== '') return [{ value: String(node.value), range: nodeRange(node, base) }];
    if (!isSeq(node)) return [];
    return node.items.flatMap((item) =>
      isScalar(item) && item.value !== null ? [{ value: String(item.value), range: nodeRange(item as YamlNode, base) }] : [],
    );
  };

  /** An enum value in the case its values are written in: `status: Approved` is approved (value-spelling says so). */
  const enumValue = (key: string, values: readonly string[]): Located<string> | undefined => {
    const written = scalar(key);
    const lower = written?.value.toLowerCase();
    return written && lower !== undefined && values.includes(lower) ? { value: lower, range: written.range } : written;
  };
  const comply = parts.dialect === 'comply';
  const typeValue = enumValue('type', DOCUMENT_TYPES)?.value;
  const type = isOneOf(DOCUMENT_TYPES, typeValue) ? typeValue : folderType;
  const id = comply ? (scalar('acronym') ?? scalar('id')) : scalar('id');
  const title = comply ? (scalar('name') ?? scalar('title')) : scalar('title');
  // Criteria under another template's name (`tsc_criteria`) still count; unknown-field suggests the rename.
  const criteriaNode = comply ? undefined : (fields.get('criteria')?.node ?? FIELD_BY_KEY.get('criteria')?.aliases?.map((a) => fields.get(a)?.node).find((n) => n));
  // comply writes its criteria under `satisfies` only; Attest documents may use either, beside other frameworks' items.
  const satisfies = readSatisfies(fields.get('satisfies')?.node, list, (node) => nodeRange(node, base));

  const reads = [criteriaNode, ...satisfies.tsc].map((node) => readCriteria(node, (n) => nodeRange(n, base)));
  const criteriaRead = { criteria: reads.flatMap((r) => r.criteria), spellings: reads.flatMap((r) => r.spellings) };
  const evidenceNode = fields.get('evidence')?.node;
  const evidence: EvidenceEntry[] = isSeq(evidenceNode)
    ? evidenceNode.items.map((item) => {
        const node = item as YamlNode;
        const entry: { -readonly [K in keyof EvidenceEntry]: EvidenceEntry[K] } = { range: nodeRange(node, base) };
        if (isMap(node)) {
          for (const pair of node.items) {
            if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) continue;
            const key = String(pair.key.value);
            if (key === 'name' || key === 'path' || key === 'url' || key === 'collected') {
              entry[key] = { value: String(pair.value.value), range: nodeRange(pair.value as YamlNode, base) };
            } else if (key === NO_EVENT_KEY && pair.value.value === true) {
              entry.noEvent = { value: true, range: nodeRange(pair.value as YamlNode, base) };
            }
          }
        }
        return entry;
      })
    : [];

  const outline = precomputed?.bodyStart === parts.bodyStart ? precomputed.outline : outlineMarkdown(doc.getText(), parts.bodyStart);
  return {
    uri: input.uri,
    relPath: input.relPath,
    version: input.version ?? 0,
    text: doc,
    dialect: parts.dialect,
    type,
    hasFrontmatter: parts.hasFrontmatter,
    frontmatterRange: parts.frontmatterRange,
    frontmatterEndLine: parts.frontmatterEndLine,
    syntaxProblems: parts.syntaxProblems,
    fields,
    yamlOffset: base,
    id,
    title,
    status: enumValue('status', STATUSES),
    policy: scalar('policy'),
    extends: scalar('extends'),
    frequency: enumValue('frequency', FREQUENCIES) ?? (comply ? cronAsFrequency(scalar('cron')) : undefined),
    criteria: criteriaRead.criteria,
    criteriaSpellings: criteriaRead.spellings,
    satisfies: satisfies.frameworks,
    ml: list(fields.get('ml')?.node),
    evidence,
    revisions: comply ? revisionDates(fields.get('majorRevisions')?.node, (node) => nodeRange(node, base)) : [],
    headings: outline.headings.map((h) => ({ ...h, range: range(h.start, h.end) })),
    links: outline.links.map((l) => ({ ...l, range: range(l.start, l.end) })),
    suppressions: outline.suppressions.map((s) => ({
      codes: s.codes.map((c) => ({ value: c.code, range: range(c.start, c.end) })),
      reason: s.reason,
      range: range(s.start, s.end),
    })),
    ...(outline.skipped ? { bodySkipped: { reason: outline.skipped.reason, range: range(outline.skipped.start, outline.skipped.end) } } : {}),
  };
}
