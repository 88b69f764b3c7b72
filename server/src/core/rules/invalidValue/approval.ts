import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import type { DocumentField } from '../../document/model';
import { APPROVAL_KEYS, isFutureDate, isIsoDate } from '../../document/schema';
import type { Finding, Range } from '../../types';
import { finding, orList } from '../rule';

const CODE = 'invalid-value';
const SHAPE = '`approval` is `{ by: <role>, on: YYYY-MM-DD }`: who approved this version, and when.';

/** `approval: { by, on }`: a role and a date that has come. */
export function checkApproval(node: YamlNode | null, field: DocumentField, rangeOf: (node: YamlNode) => Range, today: string): Finding[] {
  if (!isMap(node)) return [finding(CODE, field.valueRange, SHAPE)];
  const found: Finding[] = [];
  const keys = new Set<string>();
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const keyNode = pair.key as YamlNode;
    const value = (pair.value ?? null) as YamlNode | null;
    const text = isScalar(value) && value.value !== null ? String(value.value).trim() : '';
    const at = value?.range ? rangeOf(value) : rangeOf(keyNode);
    keys.add(key);
    if (!(APPROVAL_KEYS as readonly string[]).includes(key)) found.push(finding(CODE, rangeOf(keyNode), `\`approval\` takes ${orList(APPROVAL_KEYS)}, not \`${key}\`.`));
    else if (key === 'by' && text === '') found.push(finding(CODE, at, '`approval.by` names the role that approved the document (e.g. CEO, Security Committee).'));
    else if (key === 'on' && !isIsoDate(text)) found.push(finding(CODE, at, `\`approval.on\` must be the date of the approval, YYYY-MM-DD${text ? `, not \`${text}\`` : ''}.`));
    else if (key === 'on' && isFutureDate(text, today)) found.push(finding(CODE, at, `\`approval.on\` is ${text}, which is in the future: use the date the document was approved.`));
  }
  for (const key of APPROVAL_KEYS) if (!keys.has(key)) found.push(finding(CODE, field.keyRange, `\`approval\` needs \`${key}\`. ${SHAPE}`));
  return found;
}
