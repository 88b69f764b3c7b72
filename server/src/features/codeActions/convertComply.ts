import { isMap, isScalar } from 'yaml';
import { TextEdit, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { AttestDocument } from '../../core/document/model';
import { isTscKey } from '../../core/document/satisfies';
import { ID_PATTERN } from '../../core/document/schema';
import type { FixContext } from '../../core/rules/rule';
import { ID_PREFIX, OWNER_PLACEHOLDER, editsIn, eolOf, idWords, policyFor, quickFix, unusedId, withEol, yamlScalar } from '../../core/fixes/edits';
import { titleOf } from '../../core/rules/missingField/fixes';

/** Keys whose content the converted frontmatter carries under Attest's names. */
const CONVERTED = new Set(['name', 'acronym', 'id', 'title', 'owner']);

/**
 * Rewrites a strongdm/comply frontmatter (YAML first, then `---`) into Attest's `---` block:
 * id from the acronym, title from the name, type from the folder, criteria from
 * `satisfies.TSC` (and the items of bundled frameworks under `satisfies`). comply keys without an Attest equivalent stay, commented out, so nothing
 * is lost; the body is untouched.
 */
export function convertComplyDocument(doc: AttestDocument, index: FixContext, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const edit = complyConversion(doc, index);
  return edit ? [quickFix('Convert to Attest format', editsIn(doc.uri, [edit]), diagnostics, true)] : [];
}

/**
 * The edit that converts a comply document: its frontmatter replaced by Attest's, the body
 * untouched. Its newest `majorRevisions` date becomes `review.last` (comply's policies are
 * reviewed yearly), and it stays `approved`, as comply's published documents count.
 */
export function complyConversion(doc: AttestDocument, index: FixContext, options: { keepId?: boolean } = {}): TextEdit | undefined {
  if (doc.dialect !== 'comply' || !doc.hasFrontmatter) return undefined;
  const start = doc.yamlOffset;
  const close = doc.text.offsetAt(doc.frontmatterRange.end);
  const type = doc.type ?? 'policy';
  const scalar = (key: string): string | undefined => {
    const node = doc.fields.get(key)?.node;
    return isScalar(node) && node.value !== null && String(node.value).trim() !== '' ? String(node.value) : undefined;
  };
  const acronym = scalar('acronym') ?? scalar('id');
  const owner = scalar('owner');
  const idBase = acronym && ID_PATTERN.test(acronym) ? acronym : `${ID_PREFIX[type]}-${idWords(acronym ?? titleOf(doc))}`;
  // A bulk import keeps shared ids as they are: which document should be renamed is the author's call.
  const id = !options.keepId && index.documentsWithId(idBase).some((d) => d.uri !== doc.uri) ? unusedId(index, idBase) : idBase;
  const satisfies = doc.fields.get('satisfies')?.node;
  // A satisfies of the TSC and bundled frameworks only converts whole: criteria, and the rest under Attest's own `satisfies`.
  const frameworkClaims = doc.satisfies.filter((c) => c.items.length > 0);
  const onlyTsc = isMap(satisfies) && satisfies.items.every((p) => isScalar(p.key) && (isTscKey(String(p.key.value)) || index.frameworks.known(String(p.key.value)) !== undefined));
  const criteria = doc.criteria.map((c) => c.value);
  const lastRevision = doc.revisions.length ? doc.revisions.map((r) => r.value).sort().pop() : undefined;
  const needsPolicy = type === 'control' || type === 'procedure';
  const policy = needsPolicy ? policyFor(index, criteria, doc.uri)?.id?.value : undefined;

  const lines = [
    '---',
    `id: ${id}`,
    `type: ${type}`,
    `title: ${yamlScalar(scalar('name') ?? scalar('title') ?? titleOf(doc))}`,
    `owner: ${owner ? yamlScalar(owner) : OWNER_PLACEHOLDER}`,
    'status: approved',
    ...(lastRevision ? [`review: { cycle: annual, last: ${lastRevision} }`] : []),
    ...(policy ? [`policy: ${policy}`] : []),
    ...(criteria.length ? [`criteria: [${criteria.join(', ')}]`] : []),
    ...(onlyTsc && frameworkClaims.length ? [`satisfies: { ${frameworkClaims.map((c) => `${c.framework.value}: [${c.items.map((i) => i.value).join(', ')}]`).join(', ')} }`] : []),
  ];
  const kept = [...doc.fields.values()].filter((f) => !CONVERTED.has(f.key) && !(f.key === 'satisfies' && onlyTsc));
  if (kept.length) {
    lines.push('# Kept from the comply frontmatter:');
    for (const field of kept) {
      for (const line of pairText(doc, field.key).split(/\r?\n/)) lines.push(`# ${line}`.trimEnd());
    }
  }
  lines.push('---');
  return TextEdit.replace({ start: doc.text.positionAt(start), end: doc.text.positionAt(close) }, withEol(lines.join('\n'), eolOf(doc.text)));
}

/** The source text of one top-level key and its value, as written. */
function pairText(doc: AttestDocument, key: string): string {
  const field = doc.fields.get(key);
  if (!field) return '';
  const from = doc.text.offsetAt(field.keyRange.start);
  const to = field.node ? doc.text.offsetAt(field.valueRange.end) : doc.text.offsetAt(field.keyRange.end) + 1;
  return doc.text.getText().slice(from, to).trimEnd();
}
