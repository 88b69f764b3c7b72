import { TextEdit } from 'vscode-languageserver-types';
import { isSeq } from 'yaml';
import { evidencePlaceholder } from '../../audit/summary';
import type { AuditWindow } from '../../audit/windows';
import type { AttestDocument } from '../../document/model';
import { editsIn, eolOf, findingData, lineAt, quickFix, yamlScalar, type FixProvider } from '../../fixes/edits';
import { evidenceGaps, typeTwoAudit } from '../../query/evidence';

/**
 * Adds an evidence entry for the first window without evidence: a name, a path and a date
 * (the window's last day) for the user to replace with what was collected and when.
 */
export const addEvidenceForWindow: FixProvider = (diagnostic, target) => {
  const doc = target.doc;
  const audit = typeTwoAudit(target.index.config.audit);
  if (!doc || !audit) return [];
  const gaps = evidenceGaps(doc, audit, target.index.today);
  const label = findingData(diagnostic).name;
  const window = gaps.find((gap) => gap.label === label) ?? gaps[0];
  if (!window) return [];
  const edit = entryInsertion(doc, placeholderEntry(doc, window));
  return edit ? [quickFix(`Add evidence for ${window.label}`, editsIn(doc.uri, [edit]), [diagnostic], true)] : [];
};

/** `{ name: Evidence for 2026-Q3, path: evidence/CTL-AC-03/2026-Q3/FILE, collected: 2026-09-30 }` */
export function placeholderEntry(doc: AttestDocument, window: AuditWindow): string {
  const { name, collected } = evidencePlaceholder(window);
  const folder = window.kind === 'period' ? `${window.start}_${window.end}` : window.label;
  const path = `evidence/${doc.id?.value ?? 'CONTROL'}/${folder}/FILE`;
  return `{ name: ${yamlScalar(name)}, path: ${yamlScalar(path)}, collected: ${collected} }`;
}

/**
 * Where the entry goes: after the last item of a block list, at the end of a flow list, as
 * the value of an empty `evidence:`, or as a new `evidence` field before the frontmatter ends.
 */
function entryInsertion(doc: AttestDocument, entry: string): TextEdit | undefined {
  const eol = eolOf(doc.text);
  const field = doc.fields.get('evidence');
  if (!field) return TextEdit.insert({ line: doc.frontmatterEndLine, character: 0 }, `evidence:${eol}  - ${entry}${eol}`);
  const node = field.node;
  const last = doc.evidence[doc.evidence.length - 1];
  if (isSeq(node) && node.flow) {
    const close = { line: field.valueRange.end.line, character: field.valueRange.end.character - 1 };
    return TextEdit.insert(close, last ? `, ${entry}` : entry);
  }
  if (isSeq(node) && last) {
    const indent = /^\s*/.exec(lineAt(doc.text, doc.evidence[0].range.start.line))?.[0] ?? '  ';
    return TextEdit.insert({ line: last.range.end.line + 1, character: 0 }, `${indent}- ${entry}${eol}`);
  }
  if (node === null) return TextEdit.insert({ line: field.keyRange.end.line, character: lineAt(doc.text, field.keyRange.end.line).length }, `${eol}  - ${entry}`);
  return undefined;
}
