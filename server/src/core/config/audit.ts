import { isCollection, isScalar, type Node as YamlNode } from 'yaml';
import { parseAuditSpec, type AuditSpec, type AuditSpecProblem } from '../audit/spec';
import type { Range } from '../types';
import { pairOf } from '../yamlMap';
import type { ConfigReader } from './reader';

/**
 * `audit`: the audit being prepared (SPEC §12), a Type I date or a Type II period. Its
 * problems go on the node at fault; an unusual but usable spec (a 14-month period, a key too
 * many) is still used, and said as a warning whatever its code's default.
 */
export function readAudit(reader: ConfigReader): AuditSpec | undefined {
  const node = reader.node('audit');
  if (node === undefined) return undefined;
  const { spec, problems } = parseAuditSpec(node === null ? null : plain(node));
  for (const problem of problems) {
    reader.report(problem.code, problemRange(reader, problem), problem.message, undefined, problem.severity === 'warning' ? 'warning' : undefined);
  }
  return spec;
}

function plain(node: YamlNode): unknown {
  return isScalar(node) || isCollection(node) ? node.toJSON() : undefined;
}

/**
 * Where a problem is shown: an unknown key on the key itself; a missing key, or a bad
 * mapping, on the key that names the mapping (a one-word range, not the block below it);
 * a bad scalar on the value.
 */
function problemRange(reader: ConfigReader, problem: AuditSpecProblem): Range {
  let parent: unknown = reader.root;
  let keyNode: YamlNode | undefined;
  let valueNode: YamlNode | null | undefined;
  for (const key of problem.path) {
    const pair = pairOf(parent, key);
    if (!pair) break;
    keyNode = pair.key as YamlNode;
    valueNode = (pair.value ?? null) as YamlNode | null;
    parent = valueNode;
  }
  const onKey = problem.code === 'unknown-field' || problem.code === 'missing-field' || !valueNode || isCollection(valueNode);
  return reader.at(onKey ? keyNode : valueNode);
}
