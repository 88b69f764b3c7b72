import { isScalar, type Node as YamlNode, type YAMLMap } from 'yaml';
import { FrameworkCatalog, itemNoun, shortName, type BundledFrameworks } from '../data/frameworkCatalog';
import { orList } from '../words';
import { valueOf } from '../yamlMap';
import type { ConfigReader } from './reader';
import type { FrameworkException } from './types';

const KEYS = ['framework', 'id', 'reason'];

/** Exceptions of the frameworks beyond the TSC, by framework then item id. */
export type FrameworkExceptions = Map<string, Map<string, FrameworkException>>;

/**
 * An exception of another framework: `{ framework: iso42001, id: A.10.4, reason: … }`. Kept
 * for a bundled framework that is not turned on (the Statement of Applicability still reads
 * it), with a note that it counts for nothing until it is.
 */
export function readFrameworkException(reader: ConfigReader, entry: YAMLMap<unknown, unknown>, bundled: BundledFrameworks, enabled: readonly string[], into: FrameworkExceptions): void {
  for (const pair of entry.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!KEYS.includes(key)) reader.report('unknown-field', reader.at(pair.key as YamlNode), `An exception of a framework takes \`framework\`, \`id\` and \`reason\`, not \`${key}\`.`);
  }
  const text = (node: YamlNode | null | undefined): string => (isScalar(node) && node.value !== null ? String(node.value).trim() : '');
  const frameworkNode = valueOf(entry, 'framework');
  const idNode = valueOf(entry, 'id');
  const reasonNode = valueOf(entry, 'reason');
  const frameworkId = text(frameworkNode);
  const id = text(idNode);
  const reason = text(reasonNode);
  const framework = bundled.get(frameworkId);
  if (!framework) {
    const near = FrameworkCatalog.nearestName(frameworkId, bundled.ids);
    reader.report('invalid-value', reader.at(frameworkNode ?? entry), `\`${frameworkId}\` is not a bundled framework${near ? `: did you mean \`${near}\`?` : `: use one of ${bundled.ids.map((f) => `\`${f}\``).join(', ')}.`}`, near);
    return;
  }
  if (!id) {
    reader.report('missing-field', reader.at(entry), `This exception names no \`id\`: add the id of the ${shortName(framework)} item declared not applicable.`);
    return;
  }
  const catalog = new FrameworkCatalog([], bundled);
  if (!catalog.item(frameworkId, id)) {
    const near = catalog.nearestItems(frameworkId, id);
    reader.report('unknown-criterion', reader.at(idNode), `\`${id}\` is not ${itemNoun(framework)} of ${shortName(framework)}${near.length ? `: did you mean ${orList(near)}?` : '.'}`, near[0]);
    return;
  }
  if (!reason) {
    reader.report('missing-field', reader.at(reasonNode ?? entry), `The exception for ${frameworkId} ${id} needs a \`reason\`: the Statement of Applicability says why a control does not apply.`);
    return;
  }
  if (!enabled.includes(frameworkId)) {
    reader.report('out-of-scope-criterion', reader.at(frameworkNode), `${shortName(framework)} is not turned on, so this exception counts for nothing yet: add \`${frameworkId}\` to \`frameworks\` in attest.yaml.`);
  }
  const forFramework = into.get(frameworkId) ?? new Map<string, FrameworkException>();
  forFramework.set(id, { framework: frameworkId, id, reason, range: reader.at(entry), idRange: reader.at(idNode) });
  into.set(frameworkId, forFramework);
}
