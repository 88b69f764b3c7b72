import { isMap, isScalar, isSeq } from 'yaml';
import { nearestNames, type CriteriaMap } from '../data/criteria';
import { parseMlTopics, type MlTopic } from '../data/mlCatalog';
import { DataFileError } from '../data/validate';
import { valueOf } from '../yamlMap';
import type { ConfigReader } from './reader';

/** `ml-topics`: bundled topics the workspace turns off, and topics of its own. */
export function readMlTopics(reader: ConfigReader, criteria: CriteriaMap, bundledTopics: readonly string[]): { disabled: Set<string>; extra: MlTopic[] } {
  const disabled = new Set<string>();
  let extra: MlTopic[] = [];
  const node = reader.node('ml-topics');
  if (node === undefined || node === null) return { disabled, extra };
  if (!isMap(node)) {
    reader.report('invalid-value', reader.at(node), '`ml-topics` takes `disable: [topic ids]` and `add: [topics]`.');
    return { disabled, extra };
  }
  const disable = valueOf(node, 'disable');
  if (isSeq(disable)) {
    for (const item of disable.items) {
      if (!isScalar(item)) continue;
      const id = String(item.value);
      disabled.add(id);
      if (bundledTopics.length === 0 || bundledTopics.includes(id)) continue;
      const near = nearestNames(id.toLowerCase(), bundledTopics, Math.max(3, Math.floor(id.length / 3)))[0];
      reader.report('invalid-value', reader.at(item), `\`${id}\` is not an ML topic, so there is nothing to turn off${near ? `: did you mean \`${near}\`?` : '.'}`, near);
    }
  }
  const add = valueOf(node, 'add');
  if (add) {
    try {
      extra = parseMlTopics({ topics: add.toJSON() }, 'ml-topics.add', criteria);
    } catch (error) {
      const problems = error instanceof DataFileError ? error.problems.join('; ') : String(error);
      reader.report('invalid-value', reader.at(add), `Custom ML topics are not valid: ${problems}`);
    }
  }
  return { disabled, extra };
}
