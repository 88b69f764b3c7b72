import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { nearestNames, nearestNewKeys } from '../../data/criteria';
import { rangeOfNode, type AttestDocument, type DocumentField } from '../../document/model';
import { checkApproval } from './approval';
import { EVIDENCE_KEYS, FIELD_BY_KEY, NO_EVENT_KEY, ID_PATTERN, REVIEW_CYCLES, REVIEW_KEYS, isFutureDate, isIsoDate } from '../../document/schema';
import type { Finding, Range } from '../../types';
import { finding, orList, type DocumentRule, type RuleContext } from '../rule';
import { replaceBySuggestion } from '../../fixes/replaceSuggestion';
import { fillEnumField } from './fillEnumField';
import { satisfiesShape } from '../frameworkClaims/check';
import { isPlaceholder } from '../../placeholders';

const CODE = 'invalid-value';

/** Checks the shape and value of every known frontmatter field (SPEC §2). */
export const invalidValue: DocumentRule = {
  code: CODE,
  defaultSeverity: 'error',
  description: 'A frontmatter value has the wrong form: an enum, a date, an id, a list.',
  fixes: [replaceBySuggestion, fillEnumField],
  check(doc, ctx) {
    if (doc.syntaxProblems.length > 0) return [];
    const found: Finding[] = [];
    const rangeOf = (node: YamlNode, field: DocumentField): Range => (node.range ? rangeOfNode(doc, node) : field.valueRange);
    for (const field of doc.fields.values()) {
      if (doc.dialect === 'comply' && field.key !== 'ml') continue;
      const spec = FIELD_BY_KEY.get(field.key);
      if (!spec) continue;
      const node = field.node;
      const at = field.valueRange;
      const text = isScalar(node) && node.value !== null ? String(node.value) : undefined;
      const empty = node === null || (isScalar(node) && (node.value === null || node.value === ''));
      switch (spec.kind) {
        case 'id':
        case 'reference':
          if (text === undefined) found.push(finding(CODE, at, `\`${field.key}\` must be a document id such as \`POL-ACCESS\`.`));
          else if (!ID_PATTERN.test(text) && !isPlaceholder(text)) {
            const fixed = suggestId(text);
            found.push(finding(CODE, at, `\`${text}\` is not a valid id: use upper-case words joined by \`-\`${fixed ? `, e.g. \`${fixed}\`` : ''}.`, fixed ? { replacement: fixed } : undefined));
          }
          break;
        case 'enum':
          // A value that differs only in case is value-spelling's (a warning), not invalid.
          if (text === undefined || !spec.values?.some((v) => v === text.toLowerCase())) {
            const near = text !== undefined ? nearestNames(text.toLowerCase(), spec.values ?? [], 3)[0] : undefined;
            // Without a near value, the fix offers every valid one (named by the field).
            found.push(finding(CODE, at, `${text === undefined ? `\`${field.key}\` needs a value` : `\`${text}\` is not a valid ${field.key}`}: use ${orList(spec.values ?? [])}${near ? ` (did you mean \`${near}\`?)` : ''}.`, near ? { replacement: near } : { name: field.key }));
          }
          break;
        case 'text':
        case 'version':
          if (empty) found.push(finding(CODE, at, `\`${field.key}\` must not be empty: ${EMPTY_ADVICE[field.key] ?? 'give it a value or remove it'}.`));
          else if (!isScalar(node)) found.push(finding(CODE, at, `\`${field.key}\` must be a single line of text${spec.key === 'owner' ? ', naming a role (e.g. Head of Security)' : ''}.`));
          break;
        case 'date':
          if (text === undefined || !isIsoDate(text)) found.push(finding(CODE, at, `\`${field.key}\` must be a date written YYYY-MM-DD${text ? `, not \`${text}\`` : ''}.`));
          break;
        case 'review':
          found.push(...checkReview(node, field, rangeOf, ctx.today));
          break;
        case 'criteria':
          if (!empty && !isSeq(node) && !isScalar(node)) found.push(finding(CODE, at, '`criteria` must be a list of criterion ids, e.g. `[CC6.1, CC6.2]`.'));
          if (isSeq(node)) for (const item of node.items) if (!isScalar(item)) found.push(finding(CODE, rangeOf(item as YamlNode, field), 'Each entry of `criteria` must be a criterion id such as `CC6.1`.'));
          break;
        case 'satisfies':
          found.push(...satisfiesShape(node, at, (n) => rangeOf(n, field)));
          break;
        case 'ml':
          found.push(...checkMl(doc, node, field, rangeOf, ctx));
          break;
        case 'evidence':
          found.push(...checkEvidence(node, field, rangeOf, ctx.today));
          break;
        case 'approval':
          found.push(...checkApproval(node, field, (n) => rangeOf(n, field), ctx.today));
          break;
      }
    }
    return found;
  },
};

type RangeOf = (node: YamlNode, field: DocumentField) => Range;

/** What to write in a text field left empty. */
const EMPTY_ADVICE: Readonly<Record<string, string>> = {
  title: 'write the title of the document',
  owner: 'name the role that owns the document (e.g. Head of Security)',
  version: 'write a version such as "1.0", or remove the field',
};

function suggestId(text: string): string | undefined {
  const fixed = text.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return fixed && ID_PATTERN.test(fixed) ? fixed : undefined;
}

function entries(node: YamlNode): { key: string; keyNode: YamlNode; value: YamlNode | null }[] {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [{ key: String(pair.key.value), keyNode: pair.key as YamlNode, value: (pair.value ?? null) as YamlNode | null }] : []));
}

function checkReview(node: YamlNode | null, field: DocumentField, rangeOf: RangeOf, today: string): Finding[] {
  if (!isMap(node)) return [finding(CODE, field.valueRange, '`review` must be `{ cycle: monthly|quarterly|semiannual|annual, last: YYYY-MM-DD }`.')];
  const found: Finding[] = [];
  const seen = new Set<string>();
  const all = entries(node);
  for (const { key, keyNode, value } of all) {
    const text = isScalar(value) && value.value !== null ? String(value.value) : undefined;
    const at = value ? rangeOf(value, field) : rangeOf(keyNode, field);
    if (!(REVIEW_KEYS as readonly string[]).includes(key)) {
      const near = nearestNewKeys(key.toLowerCase(), REVIEW_KEYS, 2, all.map((e) => e.key))[0];
      // A misspelt `cycle` is reported once, as misspelt, not also as missing.
      if (near) seen.add(near);
      found.push(finding(CODE, rangeOf(keyNode, field), `\`review\` takes \`cycle\` and \`last\`, not \`${key}\`${near ? ` (did you mean \`${near}\`?)` : ''}.`, near ? { replacement: near } : undefined));
      continue;
    }
    seen.add(key);
    if (key === 'cycle' && (text === undefined || !(REVIEW_CYCLES as readonly string[]).includes(text.toLowerCase()))) {
      const near = text ? nearestNames(text.toLowerCase(), REVIEW_CYCLES, 3)[0] : undefined;
      found.push(finding(CODE, at, `The review cycle must be ${orList(REVIEW_CYCLES)}${near ? ` (did you mean \`${near}\`?)` : ''}.`, near ? { replacement: near } : undefined));
    } else if (key === 'last' && (text === undefined || !isIsoDate(text))) {
      found.push(finding(CODE, at, `\`review.last\` must be the date of the last review, YYYY-MM-DD${text ? `, not \`${text}\`` : ''}.`));
    } else if (key === 'last' && text !== undefined && isFutureDate(text, today)) {
      found.push(finding(CODE, at, `\`review.last\` is ${text}, which is in the future: use the date the document was last reviewed.`));
    }
  }
  if (!seen.has('cycle')) found.push(finding(CODE, field.keyRange, '`review` has no `cycle`: add `cycle: annual` (or monthly, quarterly, semiannual).', { name: 'cycle' }));
  return found;
}

function checkMl(doc: AttestDocument, node: YamlNode | null, field: DocumentField, rangeOf: RangeOf, ctx: RuleContext): Finding[] {
  if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) return [];
  if (!isSeq(node) && !isScalar(node)) return [finding(CODE, field.valueRange, '`ml` must be a list of ML topic ids, e.g. `[model-versioning, drift-monitoring]`.')];
  const found: Finding[] = [];
  const known = ctx.catalog.topics.map((t) => t.id);
  for (const item of doc.ml) {
    if (ctx.catalog.get(item.value)) continue;
    if (ctx.config.disabledTopics.has(item.value)) {
      found.push(finding(CODE, item.range, `The ML topic \`${item.value}\` is turned off in attest.yaml (\`ml-topics.disable\`): remove it here or turn it back on.`));
      continue;
    }
    const near = nearestNames(item.value.toLowerCase(), known, Math.max(3, Math.floor(item.value.length / 3)));
    found.push(finding(CODE, item.range, `\`${item.value}\` is not an ML topic${near.length ? `: did you mean ${orList(near)}?` : `. Known topics: ${known.join(', ')}.`}`, near.length ? { replacement: near[0], alternatives: near.slice(1) } : undefined));
  }
  if (isSeq(node)) for (const item of node.items) if (!isScalar(item)) found.push(finding(CODE, rangeOf(item as YamlNode, field), 'Each entry of `ml` must be an ML topic id.'));
  return found;
}

function checkEvidence(node: YamlNode | null, field: DocumentField, rangeOf: RangeOf, today: string): Finding[] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) return [finding(CODE, field.valueRange, '`evidence` must be a list of `{ name, path or url, collected: YYYY-MM-DD }`.')];
  const found: Finding[] = [];
  for (const item of node.items) {
    const entry = item as YamlNode;
    if (!isMap(entry)) {
      found.push(finding(CODE, rangeOf(entry, field), 'An evidence entry is `{ name, path or url, collected: YYYY-MM-DD }`.'));
      continue;
    }
    const keys = new Set<string>();
    const written = entries(entry);
    for (const { key, keyNode, value } of written) {
      keys.add(key);
      const text = isScalar(value) && value.value !== null ? String(value.value) : undefined;
      if (!(EVIDENCE_KEYS as readonly string[]).includes(key)) {
        const near = nearestNewKeys(key.toLowerCase(), EVIDENCE_KEYS, 2, written.map((e) => e.key))[0];
        found.push(finding(CODE, rangeOf(keyNode, field), `An evidence entry takes ${orList(EVIDENCE_KEYS)}, not \`${key}\`${near ? ` (did you mean \`${near}\`?)` : ''}.`, near ? { replacement: near } : undefined));
      } else if (key === 'collected' && (text === undefined || !isIsoDate(text))) {
        found.push(finding(CODE, value ? rangeOf(value, field) : rangeOf(keyNode, field), `\`collected\` must be the date the evidence was collected, YYYY-MM-DD${text ? `, not \`${text}\`` : ''}.`));
      } else if (key === 'collected' && value && text !== undefined && isFutureDate(text, today)) {
        found.push(finding(CODE, rangeOf(value, field), `\`collected\` is ${text}, which is in the future: use the date the evidence was collected (a future date does not count as current evidence).`));
      } else if (key === NO_EVENT_KEY && !(isScalar(value) && value.value === true)) {
        found.push(finding(CODE, value ? rangeOf(value, field) : rangeOf(keyNode, field), `\`${NO_EVENT_KEY}\` is \`true\` on a note that no event occurred; remove it from an entry that is evidence.`));
      } else if (text === undefined || text.trim() === '') {
        found.push(finding(CODE, value ? rangeOf(value, field) : rangeOf(keyNode, field), `\`${key}\` of an evidence entry must be text.`));
      }
    }
    const at = rangeOf(entry, field);
    if (!keys.has('name')) found.push(finding(CODE, at, 'This evidence entry has no `name`: say what the evidence is.', { name: 'name' }));
    if (!keys.has('path') && !keys.has('url') && !keys.has(NO_EVENT_KEY)) found.push(finding(CODE, at, 'This evidence entry has neither `path` nor `url`: say where the evidence is kept.', { name: 'path' }));
  }
  return found;
}
