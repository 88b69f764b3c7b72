import { finding, withArticle, type DocumentRule } from './rule';

export const missingFrontmatter: DocumentRule = {
  code: 'missing-frontmatter',
  defaultSeverity: 'error',
  description: 'A Markdown file in a document folder has no frontmatter.',
  check(doc) {
    if (doc.hasFrontmatter || doc.syntaxProblems.length > 0) return [];
    const where = withArticle(doc.type ?? 'document');
    return [
      finding(
        'missing-frontmatter',
        doc.frontmatterRange,
        `This file is in a document folder, so it is read as ${where}, but it has no frontmatter: start it with a \`---\` block giving id, type, title and owner (or move it out of the document folders).`,
      ),
    ];
  },
};
