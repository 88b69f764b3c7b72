import { TextEdit } from 'vscode-languageserver-types';
import type { AttestDocument } from '../../document/model';
import { headingNaming, misnamedHeading } from '../../query/sections';
import type { FixContext } from '../rule';
import { editsIn, findingData, insertParagraph, quickFix, type FixProvider } from '../../fixes/edits';

/** Renames a heading that is the missing section misspelt (`Enforcment` → `Enforcement`): the preferred fix where there is one. */
export const renameMisnamedHeading: FixProvider = (diagnostic, target) => {
  const name = findingData(diagnostic).name;
  const heading = target.doc && name ? misnamedHeading(target.doc, name, target.index) : undefined;
  if (!target.doc || !name || !heading) return [];
  return [quickFix(`Rename heading \`${heading.text}\` to \`${name}\``, editsIn(target.doc.uri, [TextEdit.replace(heading.range, name)]), [diagnostic], true)];
};

/** Adds the missing section with its starting text, where the required order puts it. */
export const addMissingSection: FixProvider = (diagnostic, target) => {
  const name = findingData(diagnostic).name;
  if (!target.doc || !name) return [];
  const edit = sectionInsertion(target.doc, target.index, name);
  // Preferred unless a misspelt heading is likelier meant (then renaming it is).
  const preferred = !misnamedHeading(target.doc, name, target.index);
  return edit ? [quickFix(`Add the "${name}" section`, editsIn(target.doc.uri, [edit]), [diagnostic], preferred)] : [];
};

/**
 * Inserts `## name` and its template (a required section's from sections.yaml, an ML
 * topic's from the catalog): after the content of the nearest present section that the
 * required order puts before it, else before the nearest one it puts after, else at the end.
 * Nothing when the document already has the section.
 */
export function sectionInsertion(doc: AttestDocument, index: FixContext, name: string): TextEdit | undefined {
  const required = doc.type ? index.config.sections[doc.type] : [];
  const position = required.findIndex((s) => s.name === name);
  const topic = index.catalog.topics.find((t) => t.title === name);
  if (position < 0 && !topic) return undefined;
  // A section the document has (by the heading match the rules use) is never added twice.
  const names = position >= 0 ? [required[position].name, ...required[position].synonyms] : [name, ...(topic?.synonyms ?? [])];
  if (headingNaming(doc, names, index)) return undefined;
  const template = position >= 0 ? required[position].template : (topic?.template ?? '');
  const headingOf = (i: number) => headingNaming(doc, [required[i].name, ...required[i].synonyms], index);

  let line = doc.text.lineCount;
  let depth = doc.headings.find((h) => h.depth > 1)?.depth ?? 2;
  if (position >= 0) {
    const before = required.slice(0, position).map((_, i) => headingOf(i)).reverse().find((h) => h !== undefined);
    const after = required.slice(position + 1).map((_, i) => headingOf(position + 1 + i)).find((h) => h !== undefined);
    if (before) {
      depth = before.depth;
      const next = doc.headings.find((h) => h.range.start.line > before.range.start.line && h.depth <= before.depth);
      if (next) line = next.range.start.line;
    } else if (after) {
      depth = after.depth;
      line = after.range.start.line;
    }
  }
  const heading = `${'#'.repeat(depth)} ${name}`;
  return insertParagraph(doc.text, line, template ? `${heading}\n\n${template}` : heading);
}
