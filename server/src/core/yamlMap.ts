import { isMap, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';

/** The pair of a YAML map whose key is `key` (a scalar key), if any. */
export function pairOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  return isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
}

/** The value node under `key`: undefined when the key is absent, null when it has no value. */
export function valueOf(map: unknown, key: string): YamlNode | null | undefined {
  const pair = pairOf(map, key);
  return pair ? ((pair.value ?? null) as YamlNode | null) : undefined;
}

/** The scalar keys of a map, as written. */
export function keysOf(map: YAMLMap<unknown, unknown>): string[] {
  return map.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
}
