/** A map from a key to a set of workspace-relative paths: the shape of every reverse map of the index. */
export type MultiMap = Map<string, Set<string>>;

export function addTo(map: MultiMap, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function removeFrom(map: MultiMap, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
