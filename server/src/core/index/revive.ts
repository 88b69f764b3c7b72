import { TextDocument } from 'vscode-languageserver-textdocument';
import { bodyStartOf } from '../document/frontmatter';
import { classifyPath, parseDocument, type AttestDocument, type DocumentInput } from '../document/model';
import { readDetails, type DocumentDetails, type DocumentFacts } from './cacheEntry';

/**
 * A document from its cached facts and the file's text. Its details and its YAML fields are
 * read when first asked for: the details from the entry, the fields by parsing the
 * frontmatter again (with an empty outline standing for the Markdown, whose facts the entry
 * has). Should the details prove damaged, the whole text is parsed instead: a cache is never
 * trusted beyond what it proves.
 */
export function reviveDocument(facts: DocumentFacts, parts: readonly string[], input: DocumentInput, folders: readonly string[]): AttestDocument {
  const version = input.version ?? 0;
  let details: DocumentDetails | undefined;
  let fields: AttestDocument['fields'] | undefined;
  // A damaged entry may even claim a document where the text holds none: then it has no details.
  const parsed = (outlined: boolean): AttestDocument | undefined => {
    const bodyStart = bodyStartOf(input.text, classifyPath(input.relPath, folders)?.inDocumentFolder ?? false);
    return parseDocument(input, folders, outlined ? undefined : { bodyStart, outline: { headings: [], links: [], suppressions: [] } });
  };
  const detailsNow = (): DocumentDetails => (details ??= readDetails(parts) ?? parsed(true) ?? NO_DETAILS);
  // One literal, getters included: many times cheaper than defining accessors on a copy, and
  // the getters are own enumerable properties, so a spread copy of the document keeps them.
  return {
    uri: input.uri,
    relPath: facts.relPath,
    version,
    text: TextDocument.create(input.uri, 'markdown', version, input.text),
    dialect: facts.dialect,
    type: facts.type,
    hasFrontmatter: facts.hasFrontmatter,
    frontmatterEndLine: facts.frontmatterEndLine,
    yamlOffset: facts.yamlOffset,
    id: facts.id,
    title: facts.title,
    status: facts.status,
    policy: facts.policy,
    extends: facts.extends,
    frequency: facts.frequency,
    criteria: facts.criteria,
    satisfies: facts.satisfies,
    ml: facts.ml,
    evidence: facts.evidence,
    revisions: facts.revisions,
    get fields() {
      return (fields ??= parsed(false)?.fields ?? new Map());
    },
    get frontmatterRange() {
      return detailsNow().frontmatterRange;
    },
    get syntaxProblems() {
      return detailsNow().syntaxProblems;
    },
    get criteriaSpellings() {
      return detailsNow().criteriaSpellings;
    },
    get headings() {
      return detailsNow().headings;
    },
    get links() {
      return detailsNow().links;
    },
    get suppressions() {
      return detailsNow().suppressions;
    },
    get bodySkipped() {
      return detailsNow().bodySkipped;
    },
  };
}

const NO_DETAILS: DocumentDetails = {
  frontmatterRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  syntaxProblems: [],
  criteriaSpellings: [],
  headings: [],
  links: [],
  suppressions: [],
};
