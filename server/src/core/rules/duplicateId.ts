import { finding, type DocumentRule } from './rule';

export const duplicateId: DocumentRule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two documents share an id (reported on both).',
  check(doc, ctx) {
    if (!doc.id) return [];
    const others = ctx.documentsWithId(doc.id.value).filter((d) => d.uri !== doc.uri);
    if (others.length === 0) return [];
    return [
      finding(
        'duplicate-id',
        doc.id.range,
        `The id \`${doc.id.value}\` is also used by ${others.map((d) => d.relPath).join(', ')}: ids must be unique, so rename one of them.`,
        undefined,
        others.map((d) => ({ uri: d.uri, range: d.id?.range ?? d.frontmatterRange, message: `${doc.id?.value} is also defined here` })),
      ),
    ];
  },
};
