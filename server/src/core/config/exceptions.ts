import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { CriteriaMap } from '../data/criteria';
import type { BundledFrameworks } from '../data/frameworkCatalog';
import { placeholdersIn } from '../placeholders';
import { valueOf } from '../yamlMap';
import { readFrameworkException, type FrameworkExceptions } from './frameworkExceptions';
import type { ConfigReader } from './reader';
import type { Exception } from './types';

/** Where the exceptions of the other frameworks are read: the bundled ones, those turned on, and the map they go to. */
export interface FrameworkExceptionSink {
  readonly bundled: BundledFrameworks;
  readonly enabled: readonly string[];
  readonly into: FrameworkExceptions;
}

/**
 * `exceptions`: criteria declared not applicable, each with the reason auditors read; an
 * entry with `framework` is an item of another framework, read into `frameworks.into`.
 */
export function readExceptions(reader: ConfigReader, criteria: CriteriaMap, frameworks?: FrameworkExceptionSink): Map<string, Exception> {
  const exceptions = new Map<string, Exception>();
  const node = reader.node('exceptions');
  if (node === undefined || node === null) return exceptions;
  if (!isSeq(node)) {
    reader.report('invalid-value', reader.at(node), '`exceptions` must be a list of `{ criterion, reason }` entries (or `{ framework, id, reason }` for another framework).');
    return exceptions;
  }
  for (const item of node.items) {
    const entry = item as YamlNode;
    if (!isMap(entry)) {
      reader.report('invalid-value', reader.at(entry), 'An exception is `{ criterion: <id>, reason: <why it does not apply> }`, or `{ framework: <name>, id: <item>, reason: <why> }`.');
      continue;
    }
    if (frameworks && valueOf(entry, 'framework') !== undefined) {
      readFrameworkException(reader, entry, frameworks.bundled, frameworks.enabled, frameworks.into);
      continue;
    }
    for (const pair of entry.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key !== 'criterion' && key !== 'reason') reader.report('unknown-field', reader.at(pair.key as YamlNode), `An exception takes \`criterion\` and \`reason\` (or \`framework\`, \`id\` and \`reason\`), not \`${key}\`.`);
    }
    const criterionNode = valueOf(entry, 'criterion');
    const reasonNode = valueOf(entry, 'reason');
    const criterion = isScalar(criterionNode) ? String(criterionNode.value ?? '') : '';
    const reason = isScalar(reasonNode) ? String(reasonNode.value ?? '').trim() : '';
    if (!criterion) {
      reader.report('missing-field', reader.at(entry), 'This exception names no `criterion`: add the id of the criterion declared not applicable.');
      continue;
    }
    if (!criteria.get(criterion)) {
      const near = criteria.nearest(criterion);
      reader.report('unknown-criterion', reader.at(criterionNode), `\`${criterion}\` is not a criterion of the Trust Services Criteria${near.length ? `: did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?` : '.'}`, near[0]);
      continue;
    }
    if (!reason) {
      reader.report('missing-field', reader.at(reasonNode ?? entry), `The exception for ${criterion} needs a \`reason\`: auditors ask why a criterion does not apply.`);
      continue;
    }
    // Template text is no reason: the criterion stays in scope until the reason is written.
    if (placeholdersIn(reason).length > 0) {
      reader.report('unfilled-placeholder', reader.at(reasonNode), `The exception for ${criterion} still has template text as its reason: write why the criterion does not apply; until then it is not excepted.`);
      continue;
    }
    exceptions.set(criterion, { criterion, reason, range: reader.at(entry) });
  }
  return exceptions;
}
