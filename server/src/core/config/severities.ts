import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { nearestNewKeys } from '../data/criteria';
import { SEVERITIES, isOneOf, type Severity } from '../types';
import { keysOf } from '../yamlMap';
import type { ConfigReader } from './reader';

/** `rules`: a severity (or `off`) per rule code, over the editor's settings. */
export function readSeverities(reader: ConfigReader, base: ReadonlyMap<string, Severity | 'off'>, ruleCodes: ReadonlySet<string>): Map<string, Severity | 'off'> {
  const severities = new Map(base);
  const node = reader.node('rules');
  if (node === undefined || node === null) return severities;
  if (!isMap(node)) {
    reader.report('invalid-value', reader.at(node), '`rules` must map a rule code to a severity (error, warning, information, hint or off).');
    return severities;
  }
  for (const pair of node.items) {
    const code = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (!ruleCodes.has(code)) {
      const near = nearestNewKeys(code, ruleCodes, 4, keysOf(node))[0];
      reader.report('invalid-value', reader.at(pair.key as YamlNode), `Unknown rule \`${code}\`${near ? `: did you mean \`${near}\`?` : '.'}`, near);
    } else if (value === 'off' || value === false || isOneOf(SEVERITIES, value)) {
      severities.set(code, value === false ? 'off' : value);
    } else {
      reader.report('invalid-value', reader.at((pair.value ?? pair.key) as YamlNode), `Severity of \`${code}\` must be error, warning, information, hint or off.`);
    }
  }
  return severities;
}
