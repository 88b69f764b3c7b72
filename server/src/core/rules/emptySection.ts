import type { AttestDocument } from '../document/model';
import { withoutPlaceholders } from '../placeholders';
import { headingNaming } from '../query/sections';
import type { Finding } from '../types';
import { finding, type DocumentRule } from './rule';

type Heading = AttestDocument['headings'][number];

/** The text under a heading, subsections included, up to the next heading of its depth or above. */
function contentUnder(doc: AttestDocument, heading: Heading): string {
  const next = doc.headings.find((h) => h.start > heading.start && h.depth <= heading.depth);
  return doc.text.getText().slice(heading.end, next ? next.start : undefined);
}

/** Whether the author wrote anything there: comments, template text and Markdown marks do not count. */
export function saysNothing(content: string): boolean {
  return !/[\p{L}\p{N}]/u.test(withoutPlaceholders(content.replace(/<!--[\s\S]*?(-->|$)/g, '')));
}

/**
 * A separate code from `missing-section`: the heading is there, so the fix is writing the
 * section rather than adding it, and a team may weigh the two differently.
 */
export const emptySection: DocumentRule = {
  code: 'empty-section',
  defaultSeverity: 'warning',
  description: 'A required section has only its heading, or only template text: a heading alone says nothing an auditor can rely on.',
  strict: true,
  check(doc, ctx) {
    // A body too large to read has unknown sections, not missing ones (document-too-large says so).
    if (!doc.type || doc.syntaxProblems.length > 0 || !doc.hasFrontmatter || doc.bodySkipped) return [];
    const found: Finding[] = [];
    for (const section of ctx.config.sections[doc.type]) {
      const heading = headingNaming(doc, [section.name, ...section.synonyms], ctx);
      if (!heading) continue;
      const content = contentUnder(doc, heading);
      if (!saysNothing(content)) continue;
      const what = content.trim() === '' ? 'has nothing under its heading' : 'holds only template text';
      found.push(finding('empty-section', heading.range, `The "${section.name}" section ${what}: write its content, since a heading alone tells an auditor nothing.`, { name: section.name }));
    }
    return found;
  },
};
