import { finding, type DocumentRule } from './rule';

/**
 * A body Attest did not read because of its size (see document/bodyLimits): said once, on the
 * body's first line, so that a document whose sections and links go unchecked does not look
 * clean. A frontmatter too large to parse is a yaml-syntax error instead, as its fields are lost.
 */
export const documentTooLarge: DocumentRule = {
  code: 'document-too-large',
  defaultSeverity: 'information',
  description: 'The body is over 1 MB, has a line over 100 KB, or needs the full Markdown parser on a part too long or dense to parse in time: it is not read, and only the frontmatter counts.',
  check(doc) {
    const skipped = doc.bodySkipped;
    if (!skipped) return [];
    return [
      finding(
        'document-too-large',
        skipped.range,
        `The body of this document was not checked: ${skipped.reason}. Its frontmatter still counts, but its headings, links and attest-ignore comments were not read. Move bulky content (exports, logs, data) into files the document links to.`,
      ),
    ];
  },
};
