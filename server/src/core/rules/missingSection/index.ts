import type { Finding } from '../../types';
import { hasTopicSection, headingNaming, misnamedHeading } from '../../query/sections';
import { documentAnchor, finding, lowerFirst, type DocumentRule } from '../rule';
import { addMissingSection, renameMisnamedHeading } from './fixes';

export const missingSection: DocumentRule = {
  code: 'missing-section',
  defaultSeverity: 'warning',
  description: 'A required section (heading) is absent; an ML topic listed in `ml` has no section about it.',
  fixes: [renameMisnamedHeading, addMissingSection],
  strict: true,
  check(doc, ctx) {
    // A body too large to read has unknown sections, not missing ones (document-too-large says so).
    if (!doc.type || doc.syntaxProblems.length > 0 || !doc.hasFrontmatter || doc.bodySkipped) return [];
    const has = (names: readonly string[]) => headingNaming(doc, names, ctx) !== undefined;
    const found: Finding[] = [];
    const meant = (name: string): string => {
      const heading = misnamedHeading(doc, name, ctx);
      return heading ? `did you mean to call \`${heading.text}\` \`${name}\`? If not, ` : '';
    };
    for (const section of ctx.config.sections[doc.type]) {
      if (section.optional || has([section.name, ...section.synonyms])) continue;
      found.push(finding('missing-section', documentAnchor(doc), `This ${doc.type} has no "${section.name}" section: ${meant(section.name)}add a \`## ${section.name}\` heading.`, { name: section.name }));
    }
    // A policy or addendum that lists an ML topic must say something about it (SPEC §4).
    if (doc.type === 'policy' || doc.type === 'addendum') {
      for (const entry of doc.ml) {
        const topic = ctx.catalog.get(entry.value);
        if (!topic || hasTopicSection(doc, topic, ctx)) continue;
        found.push(finding('missing-section', entry.range, `\`${topic.id}\` is listed in \`ml\` but there is no "${topic.title}" section: ${meant(topic.title)}add one saying how it is done (${lowerFirst(topic.auditor.trim()).replace(/\.$/, '')}).`, { name: topic.title }));
      }
    }
    return found;
  },
};
