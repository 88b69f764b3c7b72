import { isScalar } from 'yaml';
import { rangeOfNode } from '../document/model';
import { FIELDS, REVIEW_CYCLES } from '../document/schema';
import { valueOf } from '../yamlMap';
import { replaceBySuggestion } from '../fixes/replaceSuggestion';
import type { Finding } from '../types';
import { finding, type DocumentRule } from './rule';

const ENUMS = FIELDS.filter((f) => f.kind === 'enum' && f.values);

/**
 * An enum value that differs from a valid one only in case (`status: Approved`): it is read
 * as the valid value, and written the way Attest and other tools expect (SPEC §10).
 */
export const valueSpelling: DocumentRule = {
  code: 'value-spelling',
  defaultSeverity: 'warning',
  description: 'An enum value written in another case (`status: Approved`): read as the valid value, with a fix that writes it in lower case.',
  fixes: [replaceBySuggestion],
  safeFix: replaceBySuggestion,
  check(doc) {
    if (doc.dialect === 'comply' || doc.syntaxProblems.length > 0) return [];
    const found: Finding[] = [];
    const check = (written: unknown, values: readonly string[], what: string, range: Finding['range']): void => {
      if (typeof written !== 'string') return;
      const valid = values.find((v) => v === written.toLowerCase());
      if (valid && valid !== written) found.push(finding('value-spelling', range, `\`${written}\` is read as \`${valid}\`: write ${what} in lower case, as Attest's values are.`, { replacement: valid }));
    };
    for (const spec of ENUMS) {
      const field = doc.fields.get(spec.key);
      if (field && isScalar(field.node)) check(field.node.value, spec.values ?? [], `the ${spec.key}`, field.valueRange);
    }
    const review = doc.fields.get('review');
    const cycle = review ? valueOf(review.node, 'cycle') : undefined;
    if (isScalar(cycle) && cycle.range) check(cycle.value, REVIEW_CYCLES, 'the review cycle', rangeOfNode(doc, cycle));
    return found;
  },
};
