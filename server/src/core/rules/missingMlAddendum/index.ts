import type { Finding } from '../../types';
import { addressesTopic } from '../../query/sections';
import { finding, lowerFirst, sentence, type DocumentRule } from '../rule';
import { addressMlTopic } from './fixes';

export const missingMlAddendum: DocumentRule = {
  code: 'missing-ml-addendum',
  defaultSeverity: 'warning',
  description: 'A policy or addendum claims a home criterion of an ML topic that it does not address.',
  fixes: [addressMlTopic],
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
        if (addressesTopic(doc, topic, ctx) || addenda.some((a) => addressesTopic(a, topic, ctx))) continue;
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
