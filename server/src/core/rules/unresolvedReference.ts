import { linkTarget } from '../document/paths';
import { ID_PATTERN } from '../document/schema';
import type { Finding } from '../types';
import { finding, withArticle, type DocumentRule } from './rule';

export const unresolvedReference: DocumentRule = {
  code: 'unresolved-reference',
  defaultSeverity: 'error',
  description: '`policy`, `extends` or a link names a document that does not exist.',
  check(doc, ctx) {
    const found: Finding[] = [];
    for (const [key, ref, expected] of [['policy', doc.policy, 'policy'], ['extends', doc.extends, 'policy']] as const) {
      if (!ref || !ID_PATTERN.test(ref.value) || !doc.fields.has(key)) continue;
      const targets = ctx.documentsWithId(ref.value);
      if (targets.length === 0) {
        found.push(finding('unresolved-reference', ref.range, `No document has the id \`${ref.value}\`: \`${key}\` must name an existing ${expected} (check the spelling, or create it).`, { name: ref.value }));
      } else if (!targets.some((t) => t.type === expected)) {
        found.push(finding('unresolved-reference', ref.range, `\`${ref.value}\` is ${withArticle(targets[0].type ?? 'document')}, not ${withArticle(expected)}: \`${key}\` must name ${withArticle(expected)}.`, { name: ref.value }));
      }
    }
    for (const link of doc.links) {
      const target = linkTarget(doc.relPath, link.url);
      if (target === undefined) continue;
      if (target === null || !ctx.fileExists(target)) {
        found.push(finding('unresolved-reference', link.range, `The link target \`${link.url}\` does not exist${target ? ` (looked for ${target})` : ''}: fix the path or create the document.`));
      }
    }
    return found;
  },
};

