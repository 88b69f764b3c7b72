import { isLive } from '../coverage';
import { headingMatches } from '../data/sections';
import type { MlTopic } from '../data/mlCatalog';
import type { AttestDocument } from '../document/model';
import type { Finding } from '../types';
import { finding, lowerFirst, sentence, type DocumentRule } from './rule';

/** Whether a document has a section about a topic (its title or a synonym as a heading). */
export function hasTopicSection(doc: AttestDocument, topic: MlTopic): boolean {
  return doc.headings.some((h) => headingMatches(h.text, [topic.title, ...topic.synonyms]));
}

/** Whether a live document lists a topic in `ml` and has a section about it. */
export function addressesTopic(doc: AttestDocument, topic: MlTopic): boolean {
  return isLive(doc) && doc.ml.some((m) => m.value === topic.id) && hasTopicSection(doc, topic);
}

export const missingMlAddendum: DocumentRule = {
  code: 'missing-ml-addendum',
  defaultSeverity: 'warning',
  description: 'A policy or addendum claims a home criterion of an ML topic that it does not address.',
  check(doc, ctx) {
    if (!ctx.mlActive || (doc.type !== 'policy' && doc.type !== 'addendum')) return [];
    const addenda = doc.id ? ctx.addendaExtending(doc.id.value) : [];
    const found: Finding[] = [];
    const reported = new Set<string>();
    for (const claim of doc.criteria) {
      for (const topic of ctx.catalog.topicsAtHome(claim.value)) {
        if (reported.has(topic.id)) continue;
        reported.add(topic.id);
        // An `ml` entry without its section is missing-section's to report.
        if (doc.ml.some((m) => m.value === topic.id)) continue;
        if (addressesTopic(doc, topic) || addenda.some((a) => addressesTopic(a, topic))) continue;
        const via = doc.type === 'policy' && doc.id ? `, or in an addendum with \`extends: ${doc.id.value}\`` : '';
        found.push(
          finding(
            'missing-ml-addendum',
            claim.range,
            `${claim.value} is a home criterion of the ML topic "${topic.title}" (\`${topic.id}\`), which this ${doc.type} does not address. An auditor will look for this: ${sentence(lowerFirst(topic.auditor))} Add \`${topic.id}\` to \`ml\` and a section titled "${topic.title}"${via ? ` here${via}` : ''}.`,
            { name: topic.id, criterion: claim.value },
          ),
        );
      }
    }
    return found;
  },
};
